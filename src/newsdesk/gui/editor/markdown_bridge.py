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
  `register_image` gives the document a picture to show for it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
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
)

from newsdesk.formats.markdown_blocks import (
    BOLD,
    HEADING,
    IMAGE,
    IMAGE_ID,
    ITALIC,
    ITEM,
    PARAGRAPH,
    STRIKE,
    Block,
    Run,
    markdown_to_blocks,
    normalize_blocks,
)
from newsdesk.formats.markdown_writer import blocks_to_markdown

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


def markdown_to_document(markdown: str, document: QTextDocument) -> None:
    """Replace the document's content with the Markdown, as the export would render it.

    Loading is not an edit: the document's undo history is cleared and it is marked unmodified.
    """
    _fill(document, markdown_to_blocks(markdown))


def document_to_markdown(document: QTextDocument) -> str:
    """The document as canonical Markdown of our dialect (see the module docstring)."""
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
    return frozenset(marks)


def _text_block_blocks(text_block: QTextBlock) -> list[Block]:
    block_format = text_block.blockFormat()
    quote = quote_level(block_format)
    text_list = text_block.textList()
    if text_list is not None:
        shape = Block(ITEM, (), quote, depth=list_depth(text_list), numbered=is_numbered(text_list))
    elif 0 < block_format.headingLevel() <= 6:
        shape = Block(HEADING, (), quote, level=block_format.headingLevel())
    else:
        shape = Block(PARAGRAPH, (), quote)
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
            runs.append(Run(fragment.text(), _marks(char_format), char_format.anchorHref()))
        fragments += 1
    blocks.append(replace(shape, runs=tuple(runs)))
    return blocks


def document_blocks(document: QTextDocument) -> list[Block]:
    """The document's content as normalised blocks (tables and frames are read as paragraphs)."""
    blocks: list[Block] = []
    text_block = document.begin()
    while text_block.isValid():
        blocks.extend(_text_block_blocks(text_block))
        text_block = text_block.next()
    return normalize_blocks(blocks)


# -- blocks -> document ------------------------------------------------------------------------


def block_format_for(block: Block) -> QTextBlockFormat:
    block_format = QTextBlockFormat()
    if block.kind != ITEM:
        block_format.setBottomMargin(PARAGRAPH_SPACING)
    set_quote_level(block_format, block.quote)
    if block.kind == HEADING:
        block_format.setHeadingLevel(block.level)
    return block_format


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
    cursor = QTextCursor(document)
    lists: dict[int, QTextList] = {}  # depth -> list of the list run being built
    previous: Block | None = None
    for n, block in enumerate(blocks):
        heading_level = block.level if block.kind == HEADING else 0
        if n == 0:
            cursor.setBlockFormat(block_format_for(block))
            cursor.setBlockCharFormat(heading_char_format(heading_level))
        else:
            cursor.insertBlock(block_format_for(block), heading_char_format(heading_level))
        if block.kind == ITEM:
            if not (previous and previous.kind == ITEM and previous.quote == block.quote):
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
        for run in block.runs:
            cursor.insertText(run.text, run_char_format(run, heading_level))
        previous = block
    apply_spacing(document)
    document.setUndoRedoEnabled(undo_enabled)
    document.setModified(False)
