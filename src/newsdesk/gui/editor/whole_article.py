"""View > Whole Article: the headline and every section in reading order, in one scroll.

The view is a column of section slots, one per section (nested ones in reading order): each has
the section's heading, editable (SectionHeading, with the opinion or box mark), and its text.
Text is shown by the ONE section editor of the window where the cursor is, and by lightweight
displays elsewhere: a click into another section moves the editor there (`host`), at the place
clicked. So typing, formatting, the Format menu, undo in the one history, find and replace,
counts, inserting photos and the preview's follow-the-cursor are the single view's, unchanged;
the window only asks the view to host the editor where the single view would swap documents.

Texts and displays stay shared with the single view: a section's document is the ArticleState's
(inline photos with their captions included). Built lazily: a slot's display (and its document)
is made only when the slot comes near the visible part; until then it is a space of estimated
height, so opening the view on a 100,000-word article lays out only a screenful. A long section
not yet gone into is shown in pieces, built the same way (whole_pieces.py), so that a scroll step
converts about a screenful of text, not a whole long section.

The editor and displays fit their height to their text (no scroll bar of their own); the column
scrolls, following the text cursor. Up at a section's first line and Down at its last go on into
the section before or after; Ctrl+Home/End and Page Up/Down act on the whole article
(whole_navigation.py). The slots and displays are in whole_slots.py.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.editor import whole_navigation
from newsdesk.gui.editor.section_editor import SectionEditor
from newsdesk.gui.editor.whole_pieces import PieceColumn, split_markdown
from newsdesk.gui.editor.whole_slots import (
    SectionDisplay,
    SectionSlot,
    fit_height,
    placed,
    position_clicked,
)
from newsdesk.model.commands import Changes

BUILD_AHEAD = 1.0  # viewport heights above and below the visible part that are built


class WholeArticleView(QScrollArea):
    """The whole article in one scroll (see the module docstring)."""

    # A click in a section's text: (section id, position, Shift held). The window hosts the
    # editor there (or extends the selection across sections).
    clicked = Signal(str, int, bool)
    # Up at the first line / Down at the last: (section id, position to put the cursor; -1: end)
    leave_section = Signal(str, int)
    # Texts were built as they came near the screen (focus mode dims them as they appear).
    texts_built = Signal()

    def __init__(self, state: ArticleState, editor: SectionEditor, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("wholeArticleView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._state = state
        self._editor = editor
        self._hosted: str | None = None
        self._slots: dict[str, SectionSlot] = {}
        self._read_only = False
        self.column = QWidget(self)
        self.column.setObjectName("wholeArticleColumn")
        self.column.setBackgroundRole(self.palette().ColorRole.Base)
        self.column.setAutoFillBackground(True)
        self._layout = QVBoxLayout(self.column)
        self._layout.setContentsMargins(0, 0, 0, 48)
        self._layout.setSpacing(0)
        self._top: QWidget | None = None
        self.setWidget(self.column)
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self.build_visible)
        # Not .connect(timer.start): valueChanged's int would become the timer's interval. A
        # method, not a lambda: Qt drops the connection with the view.
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        state.article_changed.connect(self._article_changed)
        state.document_replaced.connect(self._document_replaced)
        state.text_changed.connect(self._text_changed)

    # -- the column --------------------------------------------------------------------------------

    def set_top(self, widget: QWidget | None) -> None:
        """A widget above the sections (the headline bar while the view is shown)."""
        if self._top is not None and self._top is not widget:
            self._layout.removeWidget(self._top)
        self._top = widget
        if widget is not None:
            self._layout.insertWidget(0, widget)
            widget.show()

    def take_top(self) -> QWidget | None:
        top, self._top = self._top, None
        if top is not None:
            self._layout.removeWidget(top)
        return top

    def slot(self, section_id: str) -> SectionSlot | None:
        return self._slots.get(section_id)

    def section_ids(self) -> list[str]:
        return list(self._slots)

    def rebuild(self) -> None:
        """Slots for the article's sections as they are now (the editor stays where it is)."""
        ids = [section.id for section in self._state.article.walk_sections()]
        if ids == list(self._slots):
            return
        hosted = self._hosted
        if hosted is not None:
            self.release_editor()
        for slot in self._slots.values():
            self._layout.removeWidget(slot)
            slot.deleteLater()
        self._slots = {}
        for section_id in ids:
            slot = SectionSlot(self._state, section_id, self.column)
            slot.heading.set_read_only(self._read_only)
            self._slots[section_id] = slot
            self._layout.addWidget(slot)
        self._layout.addStretch(1)
        if hosted in self._slots:
            self.host(hosted)
        self._build_timer.start()

    def _scrolled(self, _value: int) -> None:
        self._build_timer.start()

    def set_read_only(self, read_only: bool) -> None:
        """A read-only article: no heading can be changed here either."""
        self._read_only = read_only
        for slot in self._slots.values():
            slot.heading.set_read_only(read_only)

    def build_visible(self) -> None:
        """Make the displays of slots in or near the visible part (and not before)."""
        top = self.verticalScrollBar().value()
        height = self.viewport().height()
        low, high = top - BUILD_AHEAD * height, top + (1 + BUILD_AHEAD) * height
        new_pieces = False
        before = self.built_parts()
        for slot in self._slots.values():
            geometry = slot.geometry()
            if geometry.bottom() < low:
                continue
            if geometry.top() > high:
                break
            if slot.section_id == self._hosted:
                continue
            if slot.pieces is not None:
                slot.pieces.build_near(self.column, low, high)
            elif slot.display is None:
                new_pieces |= self._make_text(slot)
        if new_pieces:  # their pieces are built once the column has laid them out
            self._build_timer.start()
        if self.built_parts() != before:
            self.texts_built.emit()

    def built_count(self) -> int:
        """How many sections have their text built (whole or some of its pieces)."""
        return sum(1 for slot in self._slots.values() if slot.built)

    def built_parts(self) -> int:
        """How many displays show text (a section in pieces counts each piece built)."""
        return sum(slot.built_parts for slot in self._slots.values())

    def _make_text(self, slot: SectionSlot) -> bool:
        """The section's display, or its pieces when it is long and has no live document yet
        (True then: nothing of it is built yet)."""
        section = self._state.article.find_section(slot.section_id)
        if section is not None and not self._state.has_document(slot.section_id):
            pieces = split_markdown(section.markdown)
            if len(pieces) > 1:
                column = PieceColumn(
                    pieces, slot, lambda document: self._new_display(slot, document), slot.estimate
                )
                column.placed.connect(placed)
                slot.put_body(column)
                slot.pieces = column
                return True
        self._make_display(slot)
        return False

    def _show_whole(self, slot: SectionSlot) -> None:
        """A section shown in pieces has its live document now: show that instead."""
        if slot.pieces is not None and slot.section_id != self._hosted:
            self._make_display(slot)  # replaces the pieces

    def _new_display(self, slot: SectionSlot, document: QTextDocument) -> SectionDisplay:
        display = SectionDisplay(slot)
        display.setObjectName("wholeArticleText")
        display.setFrameShape(QFrame.Shape.NoFrame)
        display.setReadOnly(True)
        display.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        display.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        display.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        display.set_document(document)
        display.viewport().installEventFilter(self)
        display.column_margin_changed.connect(slot.heading.set_side_margin)
        return display

    def _make_display(self, slot: SectionSlot) -> None:
        display = self._new_display(slot, self._state.document(slot.section_id))
        slot.display = display
        slot.put_body(display)
        display.follow_height()
        fit_height(display)

    # -- the editor --------------------------------------------------------------------------------

    @property
    def hosted_section(self) -> str | None:
        return self._hosted

    @property
    def editor(self) -> SectionEditor:
        """The window's editor (hosted in one section's slot, or waiting hidden)."""
        return self._editor

    def host(self, section_id: str) -> None:
        """Put the window's editor into the section's slot (its display steps aside)."""
        slot = self._slots.get(section_id)
        if slot is None:
            return
        if self._hosted != section_id:
            self.release_editor()
        editor = self._editor
        editor.setFrameShape(QFrame.Shape.NoFrame)
        editor.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        slot.put_body(editor)
        if slot.display is not None:
            slot.display.hide()
        self._hosted = section_id
        editor.column_margin_changed.connect(slot.heading.set_side_margin)
        slot.heading.set_side_margin(editor.column_margin)
        editor.document().documentLayout().documentSizeChanged.connect(self._fit_editor)
        editor.cursorPositionChanged.connect(self._follow_cursor)
        editor.installEventFilter(self)
        QTimer.singleShot(0, self._fit_editor)
        self._build_timer.start()

    def release_editor(self) -> QWidget | None:
        """Take the editor out of its slot (the display shows the section again); the editor
        waits, hidden, in the column until the view hosts it again or the window takes it."""
        section_id, self._hosted = self._hosted, None
        editor = self._editor
        if section_id is None:
            return None
        editor.document().documentLayout().documentSizeChanged.disconnect(self._fit_editor)
        editor.cursorPositionChanged.disconnect(self._follow_cursor)
        editor.removeEventFilter(self)
        slot = self._slots.get(section_id)
        if slot is None:
            return None
        with contextlib.suppress(RuntimeError, TypeError):
            editor.column_margin_changed.disconnect(slot.heading.set_side_margin)
        if slot.display is None:
            self._make_display(slot)  # takes the editor's place
        else:
            layout = slot.layout()
            if layout is not None:
                layout.replaceWidget(editor, slot.display)
            slot.body = slot.display
            slot.display.show()
            fit_height(slot.display)
        editor.hide()
        editor.setParent(self.column)  # not the slot's: a rebuilt column deletes its slots
        return editor

    def editor_document_changed(self) -> None:
        """The editor shows another document (the window swapped it): keep fitting it."""
        if self._hosted is not None:
            section_id = self._hosted
            self.release_editor()
            self.host(section_id)

    def _fit_editor(self, *_args) -> None:
        if self._hosted is not None:
            fit_height(self._editor)

    def _follow_cursor(self) -> None:
        editor = self._editor
        rect = editor.cursorRect()
        centre = editor.viewport().mapTo(self.column, rect.center())
        self.ensureVisible(centre.x(), centre.y(), 0, rect.height() + 24)

    def scroll_to_section(self, section_id: str) -> None:
        slot = self._slots.get(section_id)
        if slot is not None:
            self.verticalScrollBar().setValue(slot.geometry().top())
            self._build_timer.start()

    def section_at_top(self) -> str | None:
        """The section whose slot is at the top of the visible part."""
        top = self.verticalScrollBar().value()
        for section_id, slot in self._slots.items():
            if slot.geometry().bottom() >= top:
                return section_id
        return None

    # -- events ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            point = event.position().toPoint()
            for slot in self._slots.values():
                position = position_clicked(slot, watched, point)
                if position is not None:
                    self.clicked.emit(slot.section_id, position, shift)
                    return True
        if (
            watched is self._editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            return self._leave_at_edge(event) or whole_navigation.handle_key(self, event)
        return super().eventFilter(watched, event)

    def _leave_at_edge(self, event: QKeyEvent) -> bool:
        if event.modifiers() not in (Qt.KeyboardModifier.NoModifier,):
            return False
        ids = list(self._slots)
        if self._hosted not in ids:
            return False
        index = ids.index(self._hosted)
        probe = QTextCursor(self._editor.textCursor())
        down, up = QTextCursor.MoveOperation.Down, QTextCursor.MoveOperation.Up
        if event.key() == Qt.Key.Key_Down and index + 1 < len(ids) and not probe.movePosition(down):
            self.leave_section.emit(ids[index + 1], 0)
            return True
        if event.key() == Qt.Key.Key_Up and index > 0 and not probe.movePosition(up):
            self.leave_section.emit(ids[index - 1], -1)
            return True
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._build_timer.start()

    def _article_changed(self, changes: Changes) -> None:
        if (changes.structure or changes.everything) and (self.isVisible() or self._slots):
            self.rebuild()

    def _text_changed(self, section_id: str) -> None:
        slot = self._slots.get(section_id)
        if slot is not None and slot.pieces is not None:
            self._show_whole(slot)

    def _document_replaced(self, section_id: str) -> None:
        slot = self._slots.get(section_id)
        if slot is not None and slot.pieces is not None:
            self._show_whole(slot)
            return
        if slot is not None and slot.display is not None:
            slot.display.set_document(self._state.document(section_id))
            slot.display.follow_height()
            if slot.display.isVisible():
                fit_height(slot.display)

    def point_in_column(self, widget: QWidget, point: QPoint) -> QPoint:
        return widget.mapTo(self.column, point)

    def document_of(self, section_id: str) -> QTextDocument:
        return self._state.document(section_id)
