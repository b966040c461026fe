"""After a deletion, the status bar says what went and offers an Undo button.

Delete asks no question: undo and the automatic revision recorded before it make it safe. The
offer goes after a while, at the next edit, or when clicked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton

translate = QCoreApplication.translate

UNDO_OFFER_MS = 15_000


class UndoOffer(QObject):
    """A label and an Undo button in the status bar, shown by `offer()`."""

    def __init__(self, status_bar: QStatusBar, stack: QUndoStack) -> None:
        super().__init__(status_bar)
        self._status_bar = status_bar
        self._stack = stack
        self.label = QLabel(status_bar)
        self.button = QToolButton(status_bar)
        self.button.setObjectName("undoOfferButton")
        self.button.setText(translate("UndoOffer", "Undo"))
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self._undo)
        status_bar.addWidget(self.label)
        status_bar.addWidget(self.button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UNDO_OFFER_MS)
        self._timer.timeout.connect(self.withdraw)
        self._index = -1
        stack.indexChanged.connect(self._history_moved)
        self.withdraw()

    def offer(self, text: str) -> None:
        """Say `text` and offer to undo the newest step of the history."""
        self._status_bar.clearMessage()  # a passing message would hide the offer
        self._index = self._stack.index()
        self.label.setText(text)
        self.button.setToolTip(
            translate("UndoOffer", "Undo: %1 (Ctrl+Z)").replace("%1", self._stack.undoText())
        )
        self.label.show()
        self.button.show()
        self._timer.start()

    @property
    def offered(self) -> bool:
        return not self.button.isHidden()

    def withdraw(self) -> None:
        self._timer.stop()
        self._index = -1
        self.label.hide()
        self.button.hide()

    def _undo(self) -> None:
        if self._index == self._stack.index():
            self._stack.undo()
        self.withdraw()

    def _history_moved(self, index: int) -> None:
        if self._index != -1 and index != self._index:
            self.withdraw()
