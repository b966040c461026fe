"""The wrapping one-line field behind the description and the symbol-image notice."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt

from newsdesk.gui.widgets.wrapping_line_edit import WrappingLineEdit


def test_return_finishes_the_edit_and_breaks_no_line(qtbot):
    field = WrappingLineEdit()
    qtbot.addWidget(field)
    finished = []
    field.editing_finished.connect(lambda: finished.append(field.toPlainText()))
    qtbot.keyClicks(field, "Ferry to the islands")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert finished == ["Ferry to the islands"]
    assert "\n" not in field.toPlainText()


def test_pasted_line_breaks_become_spaces(qtbot):
    field = WrappingLineEdit()
    qtbot.addWidget(field)
    pasted = QMimeData()
    pasted.setText("Late ferry\nfor the islands\r\nfrom April")
    field.insertFromMimeData(pasted)
    assert field.toPlainText() == "Late ferry for the islands from April"
