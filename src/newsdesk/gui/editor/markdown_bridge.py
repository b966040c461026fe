"""The section editor's QTextDocument <-> the Markdown of our dialect, exactly.

We do not use QTextDocument.toMarkdown()/setMarkdown(): Qt's Markdown is read differently by the
Python-Markdown that renders the export (nested lists flattened, adjacent lists merged, emphasis
characters left unescaped). Instead the document is walked block by block into the Qt-free blocks
of markdown_blocks, which markdown_writer writes canonically and checks against the export renderer;
loading renders the Markdown with the export renderer and builds the document from what it shows.
So what the editor shows is what the export renders, and load -> save -> load is a fixed point.

How the document represents the dialect (loading produces exactly this; saving also understands
what QTextDocument.setHtml makes of pasted HTML):
- bold: font weight of DemiBold or more; italic; strikethrough (font strike-out);
- link: anchor href (http, https, mailto), shown underlined in the palette's link colour;
- subheading: block heading level 3 or 4 (1-2 count as 3, 5-6 as 4) with a larger bold font;
  bold inside a subheading means nothing;
- list item: a block in a QTextList: disc/circle/square styles are bullets, the rest numbered;
  the list format's indent is the nesting depth (1 for top level), as setHtml makes it;
- block quote: the block format property BlockQuoteLevel (as setHtml sets it), with a left margin
  per level; quotes hold paragraphs, subheadings and lists;
- inline image reference: a QTextImageFormat named "image:ID" alone in its paragraph;
  `register_image` gives the document a picture to show for it;
- subscript, superscript: the char format's vertical alignment (both at once: BOTH_SCRIPTS);
- hard line break: Qt's line separator U+2028 in the text, as Shift+Enter types it;
- private note, source-note reference: one atomic object character each (editor/notes.py);
- table: a QTextTable with its caption line after it (editor/tables.py);
- code: one paragraph with the CODE_DEPTH property (the depth of the item it belongs to, + 1),
  in a fixed-pitch font, its lines separated by U+2028;
- source notes: paragraphs with the SOURCE_LABEL property at the end, under a "Sources" line
  (SOURCES_TITLE, not part of the text), each note's first paragraph led by its number;
- a new quote that starts at a level: the QUOTE_BREAK property of its first block.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
    QTextList,
    QTextListFormat,
    QTextTable,
)

from newsdesk.formats.markdown_blocks import (
    BOLD,
    CODE,
    HEADING,
    IMAGE,
    IMAGE_ID,
    ITALIC,
    ITEM,
    LINE_BREAK,
    NOTE,
    NOTE_REF,
    PARAGRAPH,
    SOURCE_NOTE,
    STRIKE,
    SUB,
    SUP,
    TABLE,
    Block,
    Run,
    markdown_to_blocks,
    normalize_blocks,
)
from newsdesk.gui.editor import notes, tables

QUOTE_MARGIN = 24.0  # left margin per quote level, in pixels
# Space below paragraphs, as the export's stylesheet has it: a paragraph break must look like one.
PARAGRAPH_SPACING = 10.0
IMAGE_PREFIX = "image:"
_BULLET_STYLES = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
_HEADING_SIZE = {3: 1, 4: 0}  # QTextFormat.FontSizeAdjustment, as setHtml uses for h3 and h4
_QUOTE_LEVEL = QTextFormat.Property.BlockQuoteLevel
_USER = int(QTextFormat.Property.UserProperty)
CODE_DEPTH = _USER + 61  # block format: a code block; the depth of its list item + 1
SOURCE_LABEL = _USER + 62  # block format: a paragraph of the source note with this label
SOURCES_TITLE = _USER + 63  # block format: the "Sources" line above the source notes
QUOTE_BREAK = _USER + 64  # block format: a new quote starts here at this level
BOTH_SCRIPTS = _USER + 65  # char format: subscript and superscript at once
CODE_BACKGROUND = "#f3f3f3"


def markdown_to_document(markdown: str, document: QTextDocument) -> None:
    """Replace the document's content with the Markdown, as the export would render it.

    Loading is not an edit: the document's undo history is cleared and it is marked unmodified.
    """
    _fill(document, markdown_to_blocks(markdown, notes=True))


def document_to_markdown(document: QTextDocument) -> str:
    """The document as canonical Markdown of our dialect (see the module docstring)."""
    from newsdesk.formats.markdown_writer import blocks_to_markdown  # at the first save

    return blocks_to_markdown(document_blocks(document), normalized=True)


# -- formats shared with the editor's actions --------------------------------------------------


def quote_level(block_format: QTextBlockFormat) -> int:
    # intProperty(), not property(): an unset QVariant would come back as None (qt_workarounds).
    return max(0, block_format.intProperty(_QUOTE_LEVEL))


def set_quote_level(block_format: QTextBlockFormat, level: int) -> None:
    if level > 0:
        block_format.setProperty(_QUOTE_LEVEL, level)
    else:
        block_format.clearProperty(_QUOTE_LEVEL)
    block_format.setLeftMargin(QUOTE_MARGIN * level)


def heading_char_format(level: int) -> QTextCharFormat:
    """The font of a subheading (level 3 or 4), or of body text for level 0."""
    char_format = QTextCharFormat()
    char_format.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
    char_format.setProperty(QTextFormat.Property.FontSizeAdjustment, _HEADING_SIZE.get(level, 0))
    return char_format


def list_format(depth: int, numbered: bool) -> QTextListFormat:
    text_list_format = QTextListFormat()
    if numbered:
        text_list_format.setStyle(QTextListFormat.Style.ListDecimal)
    else:
        text_list_format.setStyle(_BULLET_STYLES[(depth - 1) % len(_BULLET_STYLES)])
    text_list_format.setIndent(depth)
    return text_list_format


def is_numbered(text_list: QTextList) -> bool:
    return text_list.format().style() not in _BULLET_STYLES


def list_depth(text_list: QTextList) -> int:
    return max(1, text_list.format().indent())


def link_char_format(href: str) -> QTextCharFormat:
    """The properties that make text a link (merge it onto the text's own format)."""
    char_format = QTextCharFormat()
    char_format.setAnchor(True)
    char_format.setAnchorHref(href)
    char_format.setFontUnderline(True)
    char_format.setForeground(QGuiApplication.palette().link())
    return char_format


def no_link_char_format() -> QTextCharFormat:
    """What removes a link from text (merge it onto the text's format)."""
    char_format = QTextCharFormat()
    char_format.setAnchor(False)
    char_format.setAnchorHref("")
    char_format.setFontUnderline(False)
    char_format.setForeground(QGuiApplication.palette().text())
    return char_format


def run_char_format(run: Run, heading_level: int = 0) -> QTextCharFormat:
    char_format = heading_char_format(heading_level)
    if BOLD in run.marks and not heading_level:
        char_format.setFontWeight(QFont.Weight.Bold)
    char_format.setFontItalic(ITALIC in run.marks)
    char_format.setFontStrikeOut(STRIKE in run.marks)
    if SUB in run.marks or SUP in run.marks:
        alignment = QTextCharFormat.VerticalAlignment
        char_format.setVerticalAlignment(
            alignment.AlignSuperScript if SUP in run.marks else alignment.AlignSubScript
        )
        if SUB in run.marks and SUP in run.marks:
            char_format.setProperty(BOTH_SCRIPTS, True)
    if run.href:
        char_format.merge(link_char_format(run.href))
    return char_format


def register_image(document: QTextDocument, image_id: str, image: QImage) -> None:
    """Show `image` (a thumbnail, say) for the inline reference `![](image:image_id)`."""
    document.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl(IMAGE_PREFIX + image_id), image
    )


# -- document -> blocks ------------------------------------------------------------------------


def _marks(char_format: QTextCharFormat) -> frozenset[str]:
    marks = set()
    if char_format.fontWeight() >= QFont.Weight.DemiBold:
        marks.add(BOLD)
    if char_format.fontItalic():
        marks.add(ITALIC)
    if char_format.fontStrikeOut():
        marks.add(STRIKE)
    alignment = char_format.verticalAlignment()
    if alignment == QTextCharFormat.VerticalAlignment.AlignSubScript:
        marks.add(SUB)
    elif alignment == QTextCharFormat.VerticalAlignment.AlignSuperScript:
        marks.add(SUP)
    if marks & {SUB, SUP} and char_format.boolProperty(BOTH_SCRIPTS):
        marks |= {SUB, SUP}
    return frozenset(marks)


def _fragment_runs(char_format: QTextCharFormat, text: str) -> list[Run]:
    """A fragment's runs: each object character of a note or reference is a run of its own."""
    note = notes.note_text(char_format)
    if note is not None:
        return [Run(note, frozenset({NOTE}))] * len(text)
    label = notes.reference_label(char_format)
    if label is not None:
        return [Run(label, frozenset({NOTE_REF}))] * len(text)
    return [Run(text, _marks(char_format), char_format.anchorHref())]


def block_runs(text_block: QTextBlock) -> list[Run]:
    """The runs of a paragraph, images left out."""
    runs: list[Run] = []
    fragments = text_block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        if not fragment.charFormat().isImageFormat():
            runs += _fragment_runs(fragment.charFormat(), fragment.text())
        fragments += 1
    return runs


def _text_block_blocks(text_block: QTextBlock) -> list[Block]:
    block_format = text_block.blockFormat()
    quote = quote_level(block_format)
    quote_break = max(0, block_format.intProperty(QUOTE_BREAK))
    text_list = text_block.textList()
    if block_format.boolProperty(SOURCES_TITLE):
        return []
    if block_format.hasProperty(CODE_DEPTH):
        code = text_block.text().replace(LINE_BREAK, "\n").replace(notes.OBJECT_CHARACTER, "")
        depth = max(0, block_format.intProperty(CODE_DEPTH) - 1)
        return [Block(CODE, (), quote, depth=depth, code=code, quote_break=quote_break)]
    if block_format.hasProperty(SOURCE_LABEL):
        label = str(block_format.property(SOURCE_LABEL) or "")
        return [Block(SOURCE_NOTE, tuple(block_runs(text_block)), label=label)]
    if text_list is not None:
        shape = Block(ITEM, (), quote, depth=list_depth(text_list), numbered=is_numbered(text_list))
    elif 0 < block_format.headingLevel() <= 6:
        shape = Block(HEADING, (), quote, level=block_format.headingLevel())
    else:
        shape = Block(PARAGRAPH, (), quote)
    shape = replace(shape, quote_break=quote_break)
    # An image reference stands alone: text around one becomes blocks of its own.
    blocks: list[Block] = []
    runs: list[Run] = []
    fragments = text_block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        char_format = fragment.charFormat()
        if char_format.isImageFormat():
            name = char_format.toImageFormat().name()
            image_id = name.removeprefix(IMAGE_PREFIX)
            if name.startswith(IMAGE_PREFIX) and IMAGE_ID.fullmatch(image_id):
                blocks.append(replace(shape, runs=tuple(runs)))
                runs = []
                blocks.extend(Block(IMAGE, image_id=image_id) for _ in fragment.text())
        else:
            runs += _fragment_runs(char_format, fragment.text())
        fragments += 1
    blocks.append(replace(shape, runs=tuple(runs)))
    return blocks


def document_blocks(document: QTextDocument) -> list[Block]:
    """The document's content as normalised blocks (frames other than tables read as paragraphs)."""
    blocks: list[Block] = []
    after_table = False  # the paragraph after a table may be its caption line
    text_block = document.begin()
    while text_block.isValid():
        table = QTextCursor(text_block).currentTable()
        if table is not None:
            while isinstance(outer := table.parentFrame(), QTextTable):
                table = outer  # a table in a cell is read as the outer one's text
            blocks.append(tables.read_table(table, block_runs))
            text_block = tables.last_block_of(table).next()
            after_table = True
            continue
        if after_table and tables.is_caption(text_block):
            blocks[-1] = replace(blocks[-1], caption=tuple(block_runs(text_block)))
        else:
            blocks.extend(_text_block_blocks(text_block))
        after_table = False
        text_block = text_block.next()
    return normalize_blocks(blocks)


# -- blocks -> document ------------------------------------------------------------------------


def block_format_for(block: Block) -> QTextBlockFormat:
    block_format = QTextBlockFormat()
    if block.kind != ITEM:
        block_format.setBottomMargin(PARAGRAPH_SPACING)
    set_quote_level(block_format, block.quote)
    if block.quote_break:
        block_format.setProperty(QUOTE_BREAK, block.quote_break)
    if block.kind == HEADING:
        block_format.setHeadingLevel(block.level)
    elif block.kind == CODE:
        block_format.setProperty(CODE_DEPTH, block.depth + 1)
        block_format.setLeftMargin(QUOTE_MARGIN * (block.quote + block.depth))
        block_format.setBackground(QColor(CODE_BACKGROUND))
        block_format.setNonBreakableLines(True)
    elif block.kind == SOURCE_NOTE:
        block_format.setProperty(SOURCE_LABEL, block.label)
    return block_format


def code_char_format() -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setFontFamilies(["monospace"])
    char_format.setFontStyleHint(QFont.StyleHint.TypeWriter)
    char_format.setFontFixedPitch(True)
    return char_format


def sources_title_format() -> tuple[QTextBlockFormat, QTextCharFormat]:
    block_format = QTextBlockFormat()
    block_format.setProperty(SOURCES_TITLE, True)
    block_format.setTopMargin(PARAGRAPH_SPACING * 2)
    char_format = QTextCharFormat()
    char_format.setFontWeight(QFont.Weight.Bold)
    char_format.setForeground(QColor("#555555"))
    return block_format, char_format


def insert_runs(cursor: QTextCursor, runs: tuple[Run, ...], heading_level: int = 0) -> None:
    """Insert runs at the cursor, notes and references as their objects."""
    for run in runs:
        if NOTE in run.marks:
            notes.insert_note(cursor, run.text)
        elif NOTE_REF in run.marks:
            notes.insert_reference(cursor, run.text)
        else:
            cursor.insertText(run.text, run_char_format(run, heading_level))


def paragraph_spacing(block: QTextBlock) -> tuple[float, float]:
    """The (top, bottom) margins a block shows, as the page spaces it: paragraphs, subheadings
    and quotes have space below, list items none; the block after a list has space above (the
    page's list margin), so a quote right after a list does not read as one more item."""
    if block.textList() is not None:
        return 0.0, 0.0
    previous = block.previous()
    after_list = previous.isValid() and previous.textList() is not None
    return (PARAGRAPH_SPACING if after_list else 0.0), PARAGRAPH_SPACING


def apply_spacing(document: QTextDocument) -> None:
    """Give every block the margins of `paragraph_spacing`, touching only those that differ (a
    paragraph made by Enter copies its neighbour's, and the first one of an empty document has
    none). Run inside the edit's block, it is part of that undo step; margins are not Markdown."""
    block = document.begin()
    while block.isValid():
        top, bottom = paragraph_spacing(block)
        block_format = block.blockFormat()
        if block_format.topMargin() != top or block_format.bottomMargin() != bottom:
            block_format.setTopMargin(top)
            block_format.setBottomMargin(bottom)
            QTextCursor(block).setBlockFormat(block_format)
        block = block.next()


def fill_document(document: QTextDocument, blocks: list[Block]) -> None:
    """Replace the document's content with the blocks (normalised first); not an undoable edit."""
    _fill(document, normalize_blocks(blocks))


def _fill(document: QTextDocument, blocks: list[Block]) -> None:
    undo_enabled = document.isUndoRedoEnabled()
    document.setUndoRedoEnabled(False)  # also clears the history
    document.clear()
    notes.register_handlers(document)
    cursor = QTextCursor(document)
    # One edit block: the layout and the document's listeners hear of the content once, at the
    # end, not after each of its thousands of insertions (a long section loads in less than half
    # the time: the whole-article view builds sections as they scroll into view).
    cursor.beginEditBlock()
    lists: dict[int, QTextList] = {}  # depth -> list of the list run being built
    previous: Block | None = None
    for n, block in enumerate(blocks):
        heading_level = block.level if block.kind == HEADING else 0
        if block.kind == TABLE:
            # Qt keeps a paragraph before a table at the start (empty: no text) and one after.
            tables.insert_table_block(cursor, block, insert_runs)
            previous = block
            continue
        if block.kind == SOURCE_NOTE and (previous is None or previous.kind != SOURCE_NOTE):
            title_block, title_char = sources_title_format()
            if n == 0:
                cursor.setBlockFormat(title_block)
                cursor.setBlockCharFormat(title_char)
            else:
                cursor.insertBlock(title_block, title_char)
            cursor.insertText(QCoreApplication.translate("SourceNotes", "Sources"), title_char)
            n = 1
        if n == 0:
            cursor.setBlockFormat(block_format_for(block))
            cursor.setBlockCharFormat(heading_char_format(heading_level))
        else:
            cursor.insertBlock(block_format_for(block), heading_char_format(heading_level))
        if block.kind == ITEM:
            # A list run ends where the item is not right after another at its quote level, or
            # where a new quote starts ("> 1. a" and "> 1. b" apart are two lists on the page).
            run_goes_on = previous and previous.kind == ITEM and previous.quote == block.quote
            if not run_goes_on or block.quote_break:
                lists = {}
            for depth in [d for d in lists if d > block.depth]:
                del lists[depth]
            current = lists.get(block.depth)
            if current is not None and is_numbered(current) == block.numbered:
                current.add(cursor.block())
            else:
                lists[block.depth] = cursor.createList(list_format(block.depth, block.numbered))
        if block.kind == IMAGE:
            image_format = QTextImageFormat()
            image_format.setName(IMAGE_PREFIX + block.image_id)
            cursor.insertImage(image_format)
        elif block.kind == CODE:
            cursor.setBlockCharFormat(code_char_format())
            cursor.insertText(block.code.replace("\n", LINE_BREAK), code_char_format())
        elif block.kind == SOURCE_NOTE:
            if previous is None or previous.kind != SOURCE_NOTE or previous.label != block.label:
                notes.insert_reference(cursor, block.label)
                cursor.insertText(" ", run_char_format(Run(" ")))
            insert_runs(cursor, block.runs)
        else:
            insert_runs(cursor, block.runs, heading_level)
        previous = block
    apply_spacing(document)
    cursor.endEditBlock()
    document.setUndoRedoEnabled(undo_enabled)
    document.setModified(False)
