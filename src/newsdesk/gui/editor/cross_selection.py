"""A selection that runs across sections in the whole-article view, and what it can be used for.

In the whole-article view each section keeps its own document (the one history mirrors their
undo steps, ArticleState), so a selection from the lead into the third section is not one
QTextCursor: it is a `CrossSelection` from (section, position) to (section, position), in
reading order. Copying it gives the text with the headings of the sections it enters; deleting
or cutting it removes the selected text from each section in ONE undo step (a QUndoStack macro
over the sections' own steps) and never removes a section: the headings, and the sections, stay.
Select All is a CrossSelection over the whole article; sections not built on screen are read
from the article's Markdown and, for a deletion, get their document then.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QTextCursor, QTextDocument

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.editor.markdown_bridge import document_to_markdown, markdown_to_document

translate = QCoreApplication.translate

MARKDOWN_MIME_TYPE = "text/x-newsdesk-markdown"  # as the section editor copies


@dataclass(frozen=True)
class Point:
    """A place in the article: a section and a character position in its document."""

    section_id: str
    position: int


@dataclass(frozen=True)
class Piece:
    """The part of one section a selection covers (`end` None: to the section's end)."""

    section_id: str
    start: int
    end: int | None
    whole: bool  # the section's text from its start to its end
    enters: bool  # the selection enters the section at its start (its heading goes along)


class CrossSelection:
    """From `anchor` to `focus` in reading order (either may come first)."""

    def __init__(self, state: ArticleState, anchor: Point, focus: Point) -> None:
        self._state = state
        self.anchor = anchor
        self.focus = focus

    @classmethod
    def whole_article(cls, state: ArticleState) -> CrossSelection | None:
        ids = [section.id for section in state.article.walk_sections()]
        if not ids:
            return None
        return cls(state, Point(ids[0], 0), Point(ids[-1], -1))

    def pieces(self) -> list[Piece]:
        """The sections the selection touches, in reading order, with the range in each."""
        order = [section.id for section in self._state.article.walk_sections()]
        rank = {section_id: n for n, section_id in enumerate(order)}
        if self.anchor.section_id not in rank or self.focus.section_id not in rank:
            return []
        first, last = sorted(
            (self.anchor, self.focus), key=lambda p: (rank[p.section_id], _end_last(p.position))
        )
        pieces = []
        for section_id in order[rank[first.section_id] : rank[last.section_id] + 1]:
            start = first.position if section_id == first.section_id else 0
            end = last.position if section_id == last.section_id else None
            end = None if end is not None and end < 0 else end
            pieces.append(Piece(section_id, start, end, start == 0 and end is None, start == 0))
        return pieces

    def spans_sections(self) -> bool:
        return len(self.pieces()) > 1

    # -- reading ---------------------------------------------------------------------------------

    def markdown(self) -> str:
        """The selected text as Markdown: headings of the sections it enters as `## Heading`."""
        self._state.flush_text()
        article = self._state.article
        parts = []
        for n, piece in enumerate(self.pieces()):
            section = article.find_section(piece.section_id)
            if section is None:
                continue
            if piece.enters and section.heading and (n or piece.whole):
                parts.append(f"## {section.heading}\n")
            if piece.whole:
                text = section.markdown
            else:
                text = document_to_markdown(_fragment(self._document(piece), piece))
            if text.strip():
                parts.append(text)
        return "\n".join(part.rstrip("\n") + "\n" for part in parts)

    def mime_data(self) -> QMimeData:
        """What Copy puts on the clipboard: our Markdown, HTML and plain text of it."""
        markdown = self.markdown()
        scratch = QTextDocument()
        markdown_to_document(markdown, scratch)
        mime = QMimeData()
        mime.setData(MARKDOWN_MIME_TYPE, markdown.encode("utf-8"))
        mime.setHtml(scratch.toHtml())
        mime.setText(scratch.toPlainText())
        return mime

    # -- editing ---------------------------------------------------------------------------------

    def delete(self) -> Point | None:
        """Remove the selected text from every section it touches, as one undo step; the
        sections stay. Returns where the cursor goes (the start of the selection)."""
        pieces = self.pieces()
        if not pieces:
            return None
        state = self._state
        state.beginMacro(translate("CrossSelection", "Delete across sections"))
        try:
            for piece in reversed(pieces):
                document = self._document(piece)
                cursor = _cursor(document, piece)
                if cursor.hasSelection():
                    cursor.removeSelectedText()
        finally:
            state.endMacro()
        return Point(pieces[0].section_id, pieces[0].start)

    def _document(self, piece: Piece) -> QTextDocument:
        return self._state.document(piece.section_id)


def _end_last(position: int) -> int:
    return position if position >= 0 else 1 << 60


def _cursor(document: QTextDocument, piece: Piece) -> QTextCursor:
    cursor = QTextCursor(document)
    last = document.characterCount() - 1
    cursor.setPosition(min(piece.start, last))
    end = last if piece.end is None else min(piece.end, last)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def _fragment(document: QTextDocument, piece: Piece) -> QTextDocument:
    scratch = QTextDocument()
    QTextCursor(scratch).insertFragment(_cursor(document, piece).selection())
    return scratch


def selection_in(document: QTextDocument, piece: Piece, offset: int = 0) -> QTextCursor:
    """A cursor selecting the piece in its section's document (to show the selection); with
    `offset`, in a part of the section's text that starts there (whole_pieces.py)."""
    if offset == 0:
        return _cursor(document, piece)
    last = document.characterCount() - 1
    start = min(max(piece.start - offset, 0), last)
    end = last if piece.end is None else min(max(piece.end - offset, 0), last)
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor
