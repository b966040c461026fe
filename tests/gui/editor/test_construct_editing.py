"""Editing issue 14's constructs in the section editor: sub/superscript by shortcut, tables
(insert, rows and columns, Tab between cells, a spreadsheet pasted), editor's notes and source
notes; each edit is one undo step, and the Markdown says what the editor shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog

from newsdesk.gui.editor.construct_actions import TableDialog
from newsdesk.gui.editor.section_editor import SectionEditor
from newsdesk.gui.shortcuts import unreachable_reason


@pytest.fixture
def shown(qtbot):
    editor = SectionEditor()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    return editor


def _answer_dialog(fill) -> None:
    """Fill the next modal dialog once it shows, and accept it."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        fill(dialog)

    QTimer.singleShot(20, answer)


def test_subscript_and_superscript_by_shortcut_on_a_german_keyboard(shown):
    actions = shown.construct_actions
    for action in (actions.subscript, actions.superscript):
        assert unreachable_reason(action.shortcut()) is None
        assert action in shown.format_actions()
    QTest.keyClicks(shown, "CO")
    QTest.keyClick(
        shown, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    QTest.keyClicks(shown, "2")
    QTest.keyClick(
        shown, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    QTest.keyClicks(shown, " m")
    QTest.keyClick(
        shown, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    QTest.keyClicks(shown, "2")
    assert shown.markdown() == "CO<sub>2</sub> m<sup>2</sup>\n"


def test_insert_a_table_type_with_tab_add_and_remove_rows_and_columns(shown):
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TableDialog)
        dialog.rows.setValue(1)
        dialog.columns.setValue(2)
        dialog.accept()

    QTest.keyClicks(shown, "Ergebnis")
    _answer_dialog(fill)
    shown.construct_actions.insert_table.trigger()
    for text in ("Partei", "Stimmen", "Grüne", "12"):
        shown.insertPlainText(text)
        QTest.keyClick(shown, Qt.Key.Key_Tab)
    # Tab in the last cell added a row; Shift+Tab goes back.
    QTest.keyClick(shown, Qt.Key.Key_Backtab)
    assert shown.textCursor().selectedText() == "12"
    QTest.keyClick(shown, Qt.Key.Key_Tab)
    shown.insertPlainText("SPD")
    assert shown.markdown() == (
        "Ergebnis\n\n| Partei | Stimmen |\n| --- | --- |\n| Grüne | 12 |\n| SPD |  |\n"
    )
    assert shown.construct_actions.remove_row.isEnabled()
    shown.construct_actions.remove_row.trigger()
    shown.construct_actions.add_column.trigger()
    assert shown.markdown() == (
        "Ergebnis\n\n| Partei | Stimmen |  |\n| --- | --- | --- |\n| Grüne | 12 |  |\n"
    )
    shown.construct_actions.remove_column.trigger()
    shown.undo()  # one edit, one step
    assert shown.markdown().startswith("Ergebnis\n\n| Partei | Stimmen |  |\n")


def test_a_spreadsheet_pasted_is_a_table(shown):
    mime = QMimeData()
    mime.setText("Stadt\tEinwohner\nKassel\t201.048\nMünchen\t1.512.491\n")
    shown.insertFromMimeData(mime)
    assert shown.markdown() == (
        "| Stadt | Einwohner |\n| --- | --- |\n| Kassel | 201.048 |\n| München | 1.512.491 |\n"
    )


def test_a_web_table_pasted_is_a_table(shown):
    mime = QMimeData()
    mime.setHtml(
        "<table><tr><th>Name</th><th>Alter</th></tr><tr><td>Jörg Weiß</td><td>54</td></tr></table>"
    )
    shown.insertFromMimeData(mime)
    assert shown.markdown() == "| Name | Alter |\n| --- | --- |\n| Jörg Weiß | 54 |\n"


def test_an_editors_note_is_kept_and_one_undo_step(shown):
    QTest.keyClicks(shown, "Zitat ")

    def fill(dialog) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Noch autorisieren lassen")
        dialog.accept()

    _answer_dialog(fill)
    shown.construct_actions.insert_note.trigger()
    assert shown.markdown() == "Zitat <!-- Noch autorisieren lassen -->\n"
    shown.undo()  # the note was one step
    assert shown.markdown() == "Zitat\n"
    shown.redo()
    QTest.keyClicks(shown, " weiter")
    assert shown.markdown() == "Zitat <!-- Noch autorisieren lassen --> weiter\n"
    assert "autorisieren" not in shown.toPlainText()


def test_a_source_note_goes_to_the_end_under_sources(shown):
    QTest.keyClicks(shown, "Laut Polizei")
    shown.construct_actions.insert_source_note.trigger()
    QTest.keyClicks(shown, "Polizeipraesidium Nordhessen")
    assert shown.markdown() == "Laut Polizei[^1]\n\n[^1]: Polizeipraesidium Nordhessen\n"
    cursor = shown.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    shown.setTextCursor(cursor)
    QTest.keyClicks(shown, " und Feuerwehr")
    shown.construct_actions.insert_source_note.trigger()
    QTest.keyClicks(shown, "Feuerwehr Kassel")
    assert shown.markdown() == (
        "Laut Polizei[^1] und Feuerwehr[^2]\n\n[^1]: Polizeipraesidium Nordhessen\n\n"
        "[^2]: Feuerwehr Kassel\n"
    )


def test_the_new_shortcuts_clash_with_none_of_the_editor(shown):
    keys = [a.shortcut() for a in shown.actions() if not a.shortcut().isEmpty()]
    assert len(keys) == len({key.toString() for key in keys})
    assert QKeySequence("Ctrl+Shift+T") in keys


def test_the_note_beside_the_cursor_is_edited_and_emptied_away(shown):
    shown.set_markdown("Zitat <!-- erst prüfen --> weiter\n")
    cursor = shown.textCursor()
    cursor.setPosition(len("Zitat "))  # right before the note
    shown.setTextCursor(cursor)
    seen = []

    def change(dialog) -> None:
        seen.append(dialog.textValue())
        dialog.setTextValue("Mit Jörg Weiß abgestimmt")
        dialog.accept()

    _answer_dialog(change)
    shown.construct_actions.insert_note.trigger()
    assert seen == ["erst prüfen"]
    assert shown.markdown() == "Zitat <!-- Mit Jörg Weiß abgestimmt --> weiter\n"

    def empty(dialog) -> None:
        dialog.setTextValue("")
        dialog.accept()

    _answer_dialog(empty)
    shown.construct_actions.insert_note.trigger()
    assert shown.markdown() == "Zitat weiter\n"
    shown.undo()
    assert shown.markdown() == "Zitat <!-- Mit Jörg Weiß abgestimmt --> weiter\n"


def test_a_copy_carries_no_note_to_other_programs_and_the_note_to_newsdesk(shown):
    shown.set_markdown("Vor <!-- ZZGEHEIMZZ --> nach[^1]\n\n[^1]: Polizei Kassel\n")
    shown.selectAll()
    mime = shown.createMimeDataFromSelection()
    for kind in mime.formats():
        data = bytes(mime.data(kind)).decode("utf-8", "replace")
        assert ("ZZGEHEIMZZ" in data) is (kind == "text/x-newsdesk-markdown"), kind
    assert "\ufffc" not in mime.text()
    assert mime.text().startswith("Vor  nach[1]\n")
    # Pasted within Newsdesk, the note comes along (a cut and paste must not lose it).
    other = SectionEditor()
    other.insertFromMimeData(mime)
    assert "<!-- ZZGEHEIMZZ -->" in other.markdown()
