"""Long sections in the whole-article view, shown in pieces until the journalist goes into one.

Scrolling the whole view builds each section as it comes near the screen. A section's document is
made from its Markdown in one go (the Markdown converter works on the whole text), so a
3,000-word section cost one scroll step tens of milliseconds while a short one cost nothing:
the hitches a reader feels. A long section that has no live document yet is therefore shown in
pieces of about PIECE_CHARS characters, each a display-only document of its own, built as it
comes near the screen like a section; so one scroll step converts about one screenful of text.

The pieces are a picture of the section, never its text: nothing edits them, saves them or
puts them in the history. As soon as the section has its live document (the editor goes into it,
a command or a selection changes it), the view shows that instead (whole_article.py).

A piece boundary is only placed where converting the pieces one by one gives the very blocks the
whole text gives: at a blank line between two plain paragraphs (starting with a letter or an
opening quote, no table, list, quote, heading or code on either side), and never in a section
whose text reaches across paragraphs (reference links, source notes, private notes, fenced code)
or holds inline photos. Then the pieces' positions, one after another, are the section's own:
a click in a piece puts the cursor at the same place in the section.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget

from newsdesk.gui.editor.section_editor import new_section_document

SPLIT_ABOVE = 4000  # characters of Markdown: shorter sections are built whole
PIECE_CHARS = 1500  # about a screenful of text in the readable measure

# What makes one paragraph's reading depend on another's: reference or note definitions and
# references, private notes (which may span paragraphs), fenced code, inline photos.
_REACHES_ACROSS = re.compile(r"<!--|\[\^|^ {0,3}\[[^\]]+\]:|^ {0,3}(`{3,}|~{3,})|!\[", re.M)
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_OPENING_QUOTES = "„“”\"«»‚‘'("
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$", re.M)


def _plain_paragraph(chunk: str) -> bool:
    """Whether a chunk between blank lines is one plain paragraph (no block construct)."""
    first = chunk.lstrip("\n")
    return (
        bool(first)
        and (first[0].isalpha() or first[0] in _OPENING_QUOTES)
        and "|" not in chunk
        and not _SETEXT_UNDERLINE.search(chunk)
    )


def split_markdown(markdown: str) -> list[str]:
    """The section's Markdown in pieces (see the module docstring); one piece when it is short
    or cannot be cut safely."""
    if len(markdown) < SPLIT_ABOVE or _REACHES_ACROSS.search(markdown):
        return [markdown]
    chunks = [chunk for chunk in _BLANK_LINES.split(markdown) if chunk.strip()]
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for chunk in chunks:
        if (
            current
            and size >= PIECE_CHARS
            and _plain_paragraph(current[-1])
            and _plain_paragraph(chunk)
        ):
            pieces.append("\n\n".join(current))
            current, size = [], 0
        current.append(chunk)
        size += len(chunk) + 2
    if current:
        pieces.append("\n\n".join(current))
    return pieces


class PieceColumn(QWidget):
    """A long section's text in pieces, each built when it comes near the screen (`build_near`).

    `make_display(document)` gives the view's display for a piece's document; `estimate(chars)`
    the height to hold for a piece not built yet. `placed` tells when a display is in its place.
    """

    placed = Signal(QTextEdit)

    def __init__(
        self,
        pieces: list[str],
        parent: QWidget,
        make_display: Callable[[QTextDocument], QTextEdit],
        estimate: Callable[[int], int],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wholeArticlePieces")
        self._markdowns = pieces
        self._make_display = make_display
        self._documents: list[QTextDocument | None] = [None] * len(pieces)
        self.displays: list[QTextEdit | None] = [None] * len(pieces)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._widgets: list[QWidget] = []
        for markdown in pieces:
            space = QWidget(self)
            space.setFixedHeight(estimate(len(markdown)))
            self._layout.addWidget(space)
            self._widgets.append(space)

    def __len__(self) -> int:
        return len(self._markdowns)

    def build_near(self, column: QWidget, low: float, high: float) -> int:
        """Build the pieces between `low` and `high` (column coordinates); how many were built."""
        built = 0
        for index, widget in enumerate(self._widgets):
            top = widget.mapTo(column, QPoint(0, 0)).y()
            if top + widget.height() < low:
                continue
            if top > high:
                break
            if self.displays[index] is None:
                self._build(index)
                built += 1
        return built

    def _build(self, index: int) -> None:
        display = self._make_display(self.document(index))
        old = self._widgets[index]
        self._layout.replaceWidget(old, display)
        old.deleteLater()
        display.setParent(self)
        display.show()
        self._widgets[index] = display
        self.displays[index] = display
        self.placed.emit(display)

    def document(self, index: int) -> QTextDocument:
        """The piece's document (made on first use); seamless with its neighbours."""
        document = self._documents[index]
        if document is None:
            document = new_section_document(self._markdowns[index], self)
            frame = document.rootFrame().frameFormat()
            if index > 0:
                frame.setTopMargin(0)
            if index < len(self._markdowns) - 1:
                frame.setBottomMargin(0)
            document.rootFrame().setFrameFormat(frame)
            self._documents[index] = document
        return document

    def offset(self, index: int) -> int:
        """Where the piece starts in the section's document (its pieces' lengths before it)."""
        return sum(self.document(n).characterCount() for n in range(index))

    def built(self) -> list[tuple[QTextEdit, int]]:
        """The built pieces' displays with their offsets in the section's document."""
        return [
            (display, self.offset(index))
            for index, display in enumerate(self.displays)
            if display is not None
        ]

    def index_of_viewport(self, viewport: QWidget) -> int | None:
        for index, display in enumerate(self.displays):
            if display is not None and display.viewport() is viewport:
                return index
        return None
