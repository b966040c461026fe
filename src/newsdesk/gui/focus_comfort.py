"""View > Focus > Typewriter Scrolling and Dim Other Paragraphs: two options of focus mode.

Typewriter scrolling keeps the line with the cursor at a fixed height (TYPEWRITER_HEIGHT of the
visible part) while the journalist types and moves, so the eyes stay in one place. So that the
first and the last line can sit there too, the scroll range gets room above and below the text
(`ScrollRoom`); the room is the scroll bar's, not the document's: a margin set on the document
would be an undo step and a change of the article.

Dimming draws every paragraph but the cursor's in a colour between the text's and the page's.
It is made of the editors' extra selections, which belong to the widget, not to the document:
nothing of it reaches the undo history, the saved Markdown or the other views of the section.
In the whole-article view the other sections' displays are dimmed whole.

Both work in the single-section and the whole-article view, only while focus mode is on, and are
remembered in the settings. Qt lays out the whole view's column after an edit, so the work is
done by a zero-time timer after the cursor moved, the text changed or the column scrolled.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QAbstractScrollArea, QTextEdit

from newsdesk.gui.editor.section_editor import SectionEditor
from newsdesk.gui.editor.whole_article import WholeArticleView
from newsdesk.gui.settings import Settings

TYPEWRITER_HEIGHT = 0.4  # of the visible part, from its top
DIM_SHARE = 0.45  # how much of the text colour a dimmed paragraph keeps (the rest is the page's)


def dimmed_colour(palette: QPalette) -> QColor:
    """The colour of dimmed paragraphs: the text colour faded towards the page's."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return QColor.fromRgbF(
        text.redF() * DIM_SHARE + base.redF() * (1 - DIM_SHARE),
        text.greenF() * DIM_SHARE + base.greenF() * (1 - DIM_SHARE),
        text.blueF() * DIM_SHARE + base.blueF() * (1 - DIM_SHARE),
    )


class ScrollRoom(QObject):
    """Room above and below a scroll area's content, so that any line can be scrolled to the
    typewriter height. Qt sets the range whenever the content's size changes; the room is added
    each time."""

    def __init__(self, area: QAbstractScrollArea) -> None:
        super().__init__(area)
        self._area = area
        self._on = False
        self._adjusting = False
        self._plain_maximum = 0
        area.verticalScrollBar().rangeChanged.connect(self._range_changed)

    def set_on(self, on: bool) -> None:
        if on == self._on:
            return
        self._on = on
        bar = self._area.verticalScrollBar()
        if on:
            self._plain_maximum = bar.maximum()
            self._extend()
        else:
            self._adjusting = True
            bar.setRange(0, self._plain_maximum)
            self._adjusting = False

    def _range_changed(self, _minimum: int, maximum: int) -> None:
        if self._adjusting:
            return
        self._plain_maximum = maximum
        if self._on:
            self._extend()

    def _extend(self) -> None:
        height = self._area.viewport().height()
        above = round(height * TYPEWRITER_HEIGHT)
        self._adjusting = True
        self._area.verticalScrollBar().setRange(-above, self._plain_maximum + height - above)
        self._adjusting = False


class FocusComfort(QObject):
    """The two options and what they do while focus mode is on (see the module docstring)."""

    def __init__(self, editor: SectionEditor, whole_view: WholeArticleView, settings: Settings):
        super().__init__(editor)
        self._editor = editor
        self._whole_view = whole_view
        self._settings = settings
        self._active = False
        self._dimmed: list[QTextEdit] = []
        self.typewriter_action = QAction(self.tr("&Typewriter Scrolling"), self)
        self.typewriter_action.setObjectName("action_typewriter_scrolling")
        self.typewriter_action.setCheckable(True)
        self.typewriter_action.setChecked(settings.typewriter_scrolling)
        self.typewriter_action.toggled.connect(self._typewriter_toggled)
        self.dim_action = QAction(self.tr("&Dim Other Paragraphs"), self)
        self.dim_action.setObjectName("action_dim_paragraphs")
        self.dim_action.setCheckable(True)
        self.dim_action.setChecked(settings.dim_other_paragraphs)
        self.dim_action.toggled.connect(self._dim_toggled)
        self._editor_room = ScrollRoom(editor)
        self._column_room = ScrollRoom(whole_view)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.apply)
        editor.cursorPositionChanged.connect(self._schedule)
        editor.textChanged.connect(self._schedule)
        whole_view.verticalScrollBar().valueChanged.connect(self._scrolled)
        whole_view.texts_built.connect(self._scrolled)
        whole_view.installEventFilter(self)  # a switch of view moves the room to the other one
        # A resize (the window going full screen) moves the typewriter height: follow it.
        editor.viewport().installEventFilter(self)
        whole_view.viewport().installEventFilter(self)

    @property
    def typewriter(self) -> bool:
        return self._active and self.typewriter_action.isChecked()

    @property
    def dimming(self) -> bool:
        return self._active and self.dim_action.isChecked()

    def set_active(self, active: bool) -> None:
        """Focus mode went on or off."""
        self._active = active
        self._update_rooms()
        if active:
            self._schedule()
        else:
            self._undim()

    def _typewriter_toggled(self, on: bool) -> None:
        self._settings.typewriter_scrolling = on
        self._update_rooms()
        self._schedule()

    def _dim_toggled(self, on: bool) -> None:
        self._settings.dim_other_paragraphs = on
        if not on:
            self._undim()
        self._schedule()

    def _update_rooms(self) -> None:
        # The whole view's column scrolls there; the editor in it is as tall as its text.
        whole = self._whole_view.isVisible()
        self._editor_room.set_on(self.typewriter and not whole)
        self._column_room.set_on(self.typewriter and whole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._whole_view and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._update_rooms()
            self._schedule()
        elif event.type() == QEvent.Type.Resize and self.typewriter:
            self._schedule()
        return super().eventFilter(watched, event)

    def _schedule(self, *_args) -> None:
        if self._active:
            self._timer.start()

    def _scrolled(self, _value: int = 0) -> None:
        if self.dimming:  # displays built as they scroll into view are dimmed too
            self._timer.start()

    def apply(self) -> None:
        """Put the cursor's line at the typewriter height and dim the rest (as switched on)."""
        if self.typewriter:
            self._scroll_to_cursor()
        if self.dimming:
            self._dim()

    # -- typewriter --------------------------------------------------------------------------------

    def _scroll_to_cursor(self) -> None:
        editor = self._editor
        centre = editor.cursorRect().center()
        view = self._whole_view
        if view.isVisible() and view.hosted_section is not None:
            bar = view.verticalScrollBar()
            y = editor.viewport().mapTo(view.column, centre).y()
            target = y - round(view.viewport().height() * TYPEWRITER_HEIGHT)
        else:
            bar = editor.verticalScrollBar()
            y = bar.value() + centre.y()
            target = y - round(editor.viewport().height() * TYPEWRITER_HEIGHT)
        bar.setValue(max(bar.minimum(), min(bar.maximum(), target)))

    # -- dimming -----------------------------------------------------------------------------------

    def _dim(self) -> None:
        editor = self._editor
        text_format = QTextCharFormat()
        text_format.setForeground(dimmed_colour(editor.palette()))
        document = editor.document()
        block = editor.textCursor().block()
        before = QTextCursor(document)
        before.setPosition(block.position(), QTextCursor.MoveMode.KeepAnchor)
        after = QTextCursor(document)
        after.setPosition(block.position() + block.length() - 1)
        after.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        editor.setExtraSelections([_selection(before, text_format), _selection(after, text_format)])
        dimmed: list[QTextEdit] = [editor]
        if self._whole_view.isVisible():
            for section_id in self._whole_view.section_ids():
                slot = self._whole_view.slot(section_id)
                if slot is None or section_id == self._whole_view.hosted_section:
                    continue
                for display, _offset in slot.shown_texts():
                    everything = QTextCursor(display.document())
                    everything.select(QTextCursor.SelectionType.Document)
                    display.setExtraSelections([_selection(everything, text_format)])
                    dimmed.append(display)
        for widget in self._dimmed:
            if widget not in dimmed:
                _clear(widget)
        self._dimmed = dimmed

    def _undim(self) -> None:
        for widget in self._dimmed:
            _clear(widget)
        self._dimmed = []


def _clear(widget: QTextEdit) -> None:
    # A display may be gone with its slot (the whole view rebuilds when sections change).
    with contextlib.suppress(RuntimeError):
        widget.setExtraSelections([])


def _selection(cursor: QTextCursor, text_format: QTextCharFormat) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor  # type: ignore[misc]
    selection.format = text_format  # type: ignore[misc]
    return selection
