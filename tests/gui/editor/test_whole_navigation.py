"""Ctrl+Home / Ctrl+End and Page Up / Page Down move through the whole article in the whole view
(issue 18), not only through the section the cursor is in; with Shift they select to there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from tests.gui.editor.test_whole_article import whole_window
from tests.gui.window_helpers import close_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _in_middle(qtbot, window, section_id: str) -> None:
    window.go_to_section(section_id)
    view = window.views.whole_view
    qtbot.waitUntil(lambda: view.hosted_section == section_id)
    cursor = window.editor.textCursor()
    cursor.setPosition(window.editor.document().characterCount() // 2)
    window.editor.setTextCursor(cursor)
    window.editor.setFocus()


def test_ctrl_end_and_ctrl_home_reach_the_article_edges(qtbot, tmp_path):
    window = whole_window(qtbot, tmp_path, long_sections=12)
    view = window.views.whole_view
    bar = view.verticalScrollBar()
    _in_middle(qtbot, window, "lang3")
    QTest.keyClick(window.editor, Qt.Key.Key_End, CTRL)
    qtbot.waitUntil(lambda: view.hosted_section == "ende")
    editor = window.editor
    assert editor.textCursor().atEnd()
    assert bar.value() == bar.maximum() > 0
    assert window.tree_view.current_section_id() == "ende"
    QTest.keyClick(editor, Qt.Key.Key_Home, CTRL)
    qtbot.waitUntil(lambda: view.hosted_section == "lead")
    assert editor.textCursor().position() == 0
    assert bar.value() == bar.minimum()
    # Typing there goes into the lead, at its very start.
    QTest.keyClicks(editor, "Vorab: ")
    assert window.article_state.document("lead").toPlainText().startswith("Vorab: Der Vorspann")
    close_window(window)


def test_ctrl_shift_end_selects_to_the_end_of_the_article(qtbot, tmp_path):
    window = whole_window(qtbot, tmp_path, long_sections=6)
    _in_middle(qtbot, window, "wetter")
    QTest.keyClick(window.editor, Qt.Key.Key_End, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.views.selection is not None)
    QTest.keyClick(window.editor, Qt.Key.Key_C, CTRL)
    text = QGuiApplication.clipboard().mimeData().text()
    assert "Teil 5" in text and text.rstrip().endswith("Das letzte Wort.")
    assert "Der Rat tagte." not in text
    close_window(window)


def test_ctrl_shift_home_inside_the_first_section_selects_its_start(qtbot, tmp_path):
    window = whole_window(qtbot, tmp_path)
    _in_middle(qtbot, window, "lead")
    position = window.editor.textCursor().position()
    QTest.keyClick(window.editor, Qt.Key.Key_Home, CTRL | SHIFT)
    cursor = window.editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (0, position)
    close_window(window)


def test_page_down_and_up_move_a_screen_through_the_sections(qtbot, tmp_path):
    window = whole_window(qtbot, tmp_path, long_sections=8)
    view = window.views.whole_view
    bar = view.verticalScrollBar()
    window.editor.setFocus()
    visited = []
    for _ in range(8):
        before = bar.value()
        QTest.keyClick(window.editor, Qt.Key.Key_PageDown)
        qtbot.wait(10)
        assert bar.value() - before == view.viewport().height()  # a screen, not a section
        visited.append(view.hosted_section)
        rect = window.editor.cursorRect()
        centre = window.editor.viewport().mapTo(view.viewport(), rect.center())
        assert view.viewport().rect().contains(centre)  # the cursor is on screen
    assert {"lang0", "lang1"} <= set(visited)  # it went on into the following sections
    for _ in range(8):
        QTest.keyClick(window.editor, Qt.Key.Key_PageUp)
        qtbot.wait(10)
    assert view.hosted_section in ("lead", "rat", "wetter")
    assert bar.value() == bar.minimum()
    close_window(window)
