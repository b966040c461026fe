"""Paragraph-level edits of a section document: kinds, lists, nesting, quotes and links.

The section editor's actions call these on its QTextCursor. Each function changes the document in
the representation markdown_bridge reads and writes (heading level, QTextList with its depth as
indent, BlockQuoteLevel), so every edit is something the Markdown can say. Callers wrap a call in
one edit block, which makes it one undo step.

`normalize_lists` keeps lists as the dialect sees them: one QTextList per run of items of one kind
at one depth (adjacent lists of a kind merge in Markdown, so they merge here too, also across an
empty paragraph, which Markdown does not have; so the numbers the editor shows are the ones the
export shows), and no item deeper than one level below the item before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextList

from newsdesk.gui.editor.markdown_bridge import (
    heading_char_format,
    is_numbered,
    link_char_format,
    list_depth,
    list_format,
    no_link_char_format,
    quote_level,
    set_quote_level,
)


def selected_blocks(cursor: QTextCursor) -> list[QTextBlock]:
    """The blocks the cursor's selection touches (the cursor's block without a selection)."""
    document = cursor.document()
    block = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    blocks = [block]
    while block != last and block.isValid():
        block = block.next()
        blocks.append(block)
    return blocks


def _remove_from_list(block: QTextBlock) -> None:
    text_list = block.textList()
    if text_list is None:
        return
    text_list.remove(block)
    # QTextList.remove() moves the list's indent onto the paragraph; a paragraph has none.
    block_format = block.blockFormat()
    block_format.setIndent(0)
    block_format.clearProperty(QTextFormat.Property.ObjectIndex)
    QTextCursor(block).setBlockFormat(block_format)


def _put_in_list(block: QTextBlock, depth: int, numbered: bool) -> None:
    _remove_from_list(block)
    QTextCursor(block).createList(list_format(depth, numbered))


def _set_heading(block: QTextBlock, level: int) -> None:
    cursor = QTextCursor(block)
    block_format = block.blockFormat()
    block_format.setHeadingLevel(level)
    cursor.setBlockFormat(block_format)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(heading_char_format(level))
    cursor.mergeBlockCharFormat(heading_char_format(level))


def set_block_kind(cursor: QTextCursor, heading_level: int) -> None:
    """Make the selected paragraphs subheadings (3 or 4) or body text (0), outside any list."""
    for block in selected_blocks(cursor):
        _remove_from_list(block)
        if block.blockFormat().headingLevel() != heading_level:
            _set_heading(block, heading_level)
    normalize_lists(cursor.document())


def toggle_list(cursor: QTextCursor, numbered: bool) -> None:
    """Make the selected paragraphs items of a bullet or numbered list, or body text again."""
    blocks = selected_blocks(cursor)
    lists = [block.textList() for block in blocks]
    if all(text_list is not None and is_numbered(text_list) == numbered for text_list in lists):
        for block in blocks:
            _remove_from_list(block)
    else:
        for block, text_list in zip(blocks, lists, strict=True):
            if block.blockFormat().headingLevel():
                _set_heading(block, 0)
            _put_in_list(block, list_depth(text_list) if text_list else 1, numbered)
    normalize_lists(cursor.document())


def _previous_item_depth(block: QTextBlock) -> int:
    """Depth of the list item right before `block` in the same quote, 0 if there is none."""
    previous = block.previous()
    if not previous.isValid() or previous.textList() is None:
        return 0
    if quote_level(previous.blockFormat()) != quote_level(block.blockFormat()):
        return 0
    return list_depth(previous.textList())


def can_indent(cursor: QTextCursor) -> bool:
    """An item can nest one level below the item before it, no further."""
    first = selected_blocks(cursor)[0]
    text_list = first.textList()
    return text_list is not None and _previous_item_depth(first) >= list_depth(text_list)


def indent(cursor: QTextCursor) -> bool:
    """Nest the selected items one level deeper (Tab); False when that is not possible."""
    if not can_indent(cursor):
        return False
    for block in selected_blocks(cursor):
        text_list = block.textList()
        if text_list is not None:
            _put_in_list(block, list_depth(text_list) + 1, is_numbered(text_list))
    normalize_lists(cursor.document())
    return True


def outdent(cursor: QTextCursor) -> bool:
    """Nest the selected items one level less (Shift+Tab); top-level items become paragraphs."""
    changed = False
    for block in selected_blocks(cursor):
        text_list = block.textList()
        if text_list is None:
            continue
        changed = True
        depth = list_depth(text_list)
        if depth > 1:
            _put_in_list(block, depth - 1, is_numbered(text_list))
        else:
            _remove_from_list(block)
    normalize_lists(cursor.document())
    return changed


def toggle_quote(cursor: QTextCursor) -> None:
    """Put the selected paragraphs in a block quote, or take them out of it."""
    blocks = selected_blocks(cursor)
    quoted = all(quote_level(block.blockFormat()) > 0 for block in blocks)
    for block in blocks:
        block_format = block.blockFormat()
        set_quote_level(block_format, 0 if quoted else max(1, quote_level(block_format)))
        QTextCursor(block).setBlockFormat(block_format)
    normalize_lists(cursor.document())


@dataclass
class _Run:
    """The list that items of one kind at one depth belong to, in the run being walked."""

    list_index: int
    numbered: bool


def normalize_lists(document: QTextDocument) -> None:
    """One QTextList per run of same-kind items at one depth; items at most one level deeper."""
    runs: dict[int, _Run] = {}  # depth -> list of the current run
    finished: set[int] = set()  # lists that ended: a later run must not continue their numbers
    previous_quote = -1
    block = document.begin()
    while block.isValid():
        text_list = block.textList()
        quote = quote_level(block.blockFormat())
        if text_list is None and not block.text().strip():
            # An empty paragraph is not in the Markdown, so lists on either side of it are one.
            block = block.next()
            continue
        if text_list is None or quote != previous_quote:
            finished.update(run.list_index for run in runs.values())
            runs = {}
        if text_list is not None:
            numbered = is_numbered(text_list)
            depth = min(list_depth(text_list), max(runs, default=0) + 1)
            for deeper in [d for d in runs if d > depth]:
                finished.add(runs.pop(deeper).list_index)
            run = runs.get(depth)
            if run is not None and run.numbered != numbered:
                finished.add(runs.pop(depth).list_index)
                run = None
            if run is not None and run.list_index != text_list.objectIndex():
                owner = document.object(run.list_index)
                _remove_from_list(block)
                if isinstance(owner, QTextList):  # the index was a list's when it was kept
                    owner.add(block)
            elif run is None:
                reusable = (
                    text_list.objectIndex() not in finished
                    and (list_depth(text_list) == depth)
                    and text_list.objectIndex() not in {r.list_index for r in runs.values()}
                )
                if not reusable:
                    _put_in_list(block, depth, numbered)
                runs[depth] = _Run(block.textList().objectIndex(), numbered)
        previous_quote = quote if text_list is not None else -1
        block = block.next()


# -- links ---------------------------------------------------------------------------------------


def link_at(cursor: QTextCursor) -> QTextCursor | None:
    """A cursor selecting the whole link the cursor is in or touches, or None."""
    block = cursor.block()
    offset = cursor.position() - block.position()
    spans: list[tuple[int, int, str]] = []  # (start, end, href) in block offsets, merged
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        href = fragment.charFormat().anchorHref()
        start = fragment.position() - block.position()
        end = start + fragment.length()
        if href and spans and spans[-1][1] == start and spans[-1][2] == href:
            spans[-1] = (spans[-1][0], end, href)
        elif href:
            spans.append((start, end, href))
        fragments += 1
    for start, end, _ in spans:
        if start <= offset <= end:
            link = QTextCursor(block)
            link.setPosition(block.position() + start)
            link.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
            return link
    return None


def apply_link(cursor: QTextCursor, text: str, url: str) -> None:
    """Link the selection to `url`, replacing its text by `text` when that differs."""
    if not cursor.hasSelection() or (text and text != selected_text(cursor)):
        char_format = cursor.charFormat()
        char_format.merge(link_char_format(url))
        cursor.insertText(text or url, char_format)
    else:
        cursor.mergeCharFormat(link_char_format(url))


def remove_link(cursor: QTextCursor) -> None:
    cursor.mergeCharFormat(no_link_char_format())


def selected_text(cursor: QTextCursor) -> str:
    """The selection as one line (paragraph breaks as spaces)."""
    return " ".join(cursor.selectedText().replace("\u2028", "\u2029").split("\u2029"))
