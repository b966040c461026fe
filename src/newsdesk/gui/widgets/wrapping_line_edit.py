"""A wrapping field for one line of text (the description, the symbol-image notice).

QLineEdit scrolls sideways through a 160-character teaser; this field wraps it instead, and
otherwise behaves like a line edit: Return finishes the edit instead of breaking the line, pasted
line breaks become spaces, and `editing_finished` is reported on Return and when the focus leaves
(not when the field's own context menu takes it).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit


class WrappingLineEdit(QPlainTextEdit):
    """See the module docstring."""

    editing_finished = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.editing_finished.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.editing_finished.emit()

    def insertFromMimeData(self, source: QMimeData) -> None:
        one_line = QMimeData()
        one_line.setText(" ".join(source.text().splitlines()))
        super().insertFromMimeData(one_line)
