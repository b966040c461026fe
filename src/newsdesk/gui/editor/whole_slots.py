"""The parts of the whole-article view's column: a section's slot (heading, then its text), the
display that shows a section's text where the editor is not, and the height rules they share.

A slot's text is one of: an estimate (a space as tall as the text will about be, until the slot
comes near the screen), a `SectionDisplay` on the section's document, the section in pieces
(whole_pieces.py), or the window's editor (hosted there by whole_article.WholeArticleView).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.editor.page_look import PageTextEdit
from newsdesk.gui.editor.section_heading import SectionHeading
from newsdesk.gui.editor.whole_pieces import PieceColumn

QWIDGETSIZE_MAX = (1 << 24) - 1
CHARS_PER_LINE = 70  # the readable measure (page_look), for estimating unbuilt heights
SECTION_GAP = 18


def fit_height(edit: QTextEdit) -> None:
    """Make a text widget exactly as tall as its laid-out text."""
    document = edit.document()
    width = edit.viewport().width()
    if width > 0 and document.textWidth() != width:
        document.setTextWidth(width)
    height = math.ceil(document.size().height()) + 2 * edit.frameWidth()
    if edit.height() != height:
        edit.setFixedHeight(height)


def release_height(edit: QTextEdit) -> None:
    edit.setMinimumHeight(0)
    edit.setMaximumHeight(QWIDGETSIZE_MAX)


def position_clicked(slot: SectionSlot, viewport: QObject, point: QPoint) -> int | None:
    """The position in the section's document of a click into one of its displays (None: the
    click was elsewhere)."""
    if slot.display is not None and viewport is slot.display.viewport():
        return slot.display.cursorForPosition(point).position()
    if slot.pieces is None or not isinstance(viewport, QWidget):
        return None
    index = slot.pieces.index_of_viewport(viewport)
    display = slot.pieces.displays[index] if index is not None else None
    if index is None or display is None:
        return None
    return slot.pieces.offset(index) + display.cursorForPosition(point).position()


def placed(display: QTextEdit) -> None:
    """A piece's display is in its place: fit it, now and whenever its text's size changes."""
    if isinstance(display, SectionDisplay):
        display.follow_height()
        fit_height(display)


class SectionDisplay(PageTextEdit):
    """A section's text where the editor is not: shown, selectable, never typed into. Not an
    editor (no actions, no menus of its own): the view makes one per section or piece as they
    scroll into view, so it is kept light."""

    def set_document(self, document: QTextDocument) -> None:
        """Show the document (the display does not take ownership of it)."""
        self.setDocument(document)

    def follow_height(self) -> None:
        """Fit the height whenever the document's size changes (a method, so that Qt drops the
        connection with the display)."""
        self.document().documentLayout().documentSizeChanged.connect(self._fit)

    def _fit(self, *_args) -> None:
        if self.isVisible():
            fit_height(self)


class SectionSlot(QWidget):
    """One section in the column: heading, then its text (display, editor or estimate)."""

    def __init__(self, state: ArticleState, section_id: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.section_id = section_id
        self.setObjectName("wholeArticleSection")
        self.heading = SectionHeading(state, self)
        self.heading.set_section(section_id)
        self.display: SectionDisplay | None = None
        self.pieces: PieceColumn | None = None  # a long section shown in pieces (whole_pieces)
        self.body: QWidget = QWidget(self)  # the estimate until built
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SECTION_GAP, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        section = state.article.find_section(section_id)
        self.body.setFixedHeight(self.estimate(len(section.markdown) if section is not None else 0))

    def estimate(self, characters: int) -> int:
        """The height of a text of `characters` not laid out yet."""
        line = self.fontMetrics().lineSpacing()
        return max(line, line * math.ceil(characters / CHARS_PER_LINE))

    @property
    def built(self) -> bool:
        return self.display is not None or self.pieces is not None

    @property
    def built_parts(self) -> int:
        """How many displays show the text (pieces not built yet do not count)."""
        if self.pieces is not None:
            return sum(display is not None for display in self.pieces.displays)
        return int(self.display is not None)

    def shown_texts(self) -> list[tuple[SectionDisplay, int]]:
        """The built displays of the section's text, each with where it starts in the section."""
        if self.display is not None:
            return [(self.display, 0)]
        if self.pieces is not None:
            return [
                (d, offset) for d, offset in self.pieces.built() if isinstance(d, SectionDisplay)
            ]
        return []

    def put_body(self, widget: QWidget) -> None:
        """Show `widget` (display or the window's editor) as the section's text."""
        layout = self.layout()
        if self.body is widget or layout is None:
            return
        old = self.body
        layout.replaceWidget(old, widget)
        widget.setParent(self)
        widget.show()
        if old is not self.display and isinstance(old, QWidget) and not isinstance(old, QTextEdit):
            old.deleteLater()  # the estimate, or the pieces
            if old is self.pieces:
                self.pieces = None
        else:
            old.hide()
        self.body = widget
