"""Answering the never-saved-articles dialog in a test, as the journalist would: a click."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from newsdesk.gui.files.drafts_dialog import DraftsDialog


def answer_drafts_dialog(button: str, rows: tuple[int, ...] = (0,), seen: list | None = None):
    """When the dialog shows: select `rows`, click the button named `button` ("open", "delete",
    "later"); `seen` gets the texts of the dialog's rows."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DraftsDialog):
            QTimer.singleShot(10, answer)
            return
        items = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
        if seen is not None:
            seen.append([[item.text(c) for c in range(3)] for item in items])
        dialog.list.clearSelection()
        for row in rows:
            items[row].setSelected(True)
        getattr(dialog, f"{button}_button").click()

    QTimer.singleShot(0, answer)
