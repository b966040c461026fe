"""One rule for a text field that edits a value of the article, for every pane that has such fields.

- **Commit on finish.** Typing changes nothing in the article. The edit becomes one command when
  the field is finished (focus leaves it, Return in a line edit) or when the window commits
  before saving; `BoundText(widget, on_finished)` connects whichever signal the widget has.
- **Pending.** Text that differs from what was last shown is the journalist's unfinished edit:
  `is_unfinished()` says so, and `show(value, keep_unfinished=True)` leaves it alone.
- **Refresh with signals blocked.** `show` writes the article's value without the widget
  signalling an edit (no `textEdited`/`textChanged` reaches the pane, so nothing loops back into
  the history), and a line edit keeps its cursor where it was.
- **One push path.** `push_edit` applies a command through the window's undo history and shows
  an edit the article refuses (the refusal's code worded in the interface language); it never
  raises, so no pane's slot ends in a traceback.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.dialogs.errors import push_or_report
from newsdesk.gui.widgets.wrapping_line_edit import WrappingLineEdit
from newsdesk.model.commands import EditCommand

TextWidget = QLineEdit | QPlainTextEdit


def push_edit(state: ArticleState, command: EditCommand, label: str, parent: QWidget) -> bool:
    """Apply a pane's edit through the one undo history; a refusal is shown. True if applied."""
    return push_or_report(state, command, label, parent)


class _FinishedOnFocusOut(QObject):
    """A QPlainTextEdit has no editingFinished: it is finished when focus leaves it (but not when
    its own context menu opens)."""

    def __init__(self, widget: QPlainTextEdit, finished: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._finished = finished
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._widget
            and event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() != Qt.FocusReason.PopupFocusReason
        ):
            self._finished()
        return super().eventFilter(watched, event)


class BoundText:
    """One text widget and the value last shown in it (see the module docstring)."""

    def __init__(self, widget: TextWidget, on_finished: Callable[[], None] | None = None) -> None:
        self.widget = widget
        self.shown = ""
        if on_finished is None:
            return
        if isinstance(widget, QLineEdit):
            widget.editingFinished.connect(on_finished)
        elif isinstance(widget, WrappingLineEdit):
            widget.editing_finished.connect(on_finished)
        else:
            _FinishedOnFocusOut(widget, on_finished)

    def text(self) -> str:
        if isinstance(self.widget, QPlainTextEdit):
            return self.widget.toPlainText()
        return self.widget.text()

    def is_unfinished(self) -> bool:
        """The field holds text the journalist typed since it last showed the article's value."""
        return self.text() != self.shown

    def show(self, value: str, *, keep_unfinished: bool = False) -> None:
        """Show the article's value with the widget's signals blocked; with `keep_unfinished`,
        not over an unfinished edit. Either way `value` is what the field now stands for."""
        if not (keep_unfinished and self.is_unfinished()) and self.text() != value:
            show_text(self.widget, value)
        self.shown = value


def combo_line_edit(combo: QComboBox) -> QLineEdit:
    """The text field of an editable combo box (which always has one once it is editable)."""
    combo.setEditable(True)
    line = combo.lineEdit()
    assert line is not None  # setEditable(True) makes it
    return line


def show_text(widget: TextWidget, value: str) -> None:
    """Set a field's text without it signalling an edit; a line edit keeps its cursor."""
    widget.blockSignals(True)
    try:
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        else:
            position = widget.cursorPosition()
            widget.setText(value)
            widget.setCursorPosition(min(position, len(value)))
    finally:
        widget.blockSignals(False)
