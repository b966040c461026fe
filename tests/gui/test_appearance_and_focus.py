"""View > Appearance (light, dark, following the system) and View > Focus (F11)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget

from newsdesk.gui.appearance import AA_TEXT, contrast, dark_palette, light_palette, mark_colour
from tests.gui.window_helpers import close_window, make_project, new_window

R = QPalette.ColorRole
PAIRS = [
    (R.Text, R.Base),
    (R.WindowText, R.Window),
    (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight),
    (R.ToolTipText, R.ToolTipBase),
    (R.Link, R.Base),
    (R.PlaceholderText, R.Base),
]


@pytest.fixture(autouse=True)
def light_again(qapp):
    yield
    QApplication.setPalette(light_palette())


@pytest.mark.parametrize("foreground, background", PAIRS)
def test_the_dark_palette_reads_at_aa_contrast(foreground, background):
    palette = dark_palette()
    assert contrast(palette.color(foreground), palette.color(background)) >= AA_TEXT


@pytest.mark.parametrize("palette_of", [dark_palette, light_palette])
def test_opinion_and_box_marks_read_on_either_ground(palette_of):
    palette = palette_of()
    for kind in ("opinion", "box"):
        assert contrast(mark_colour(kind, palette), palette.color(R.Base)) >= AA_TEXT


def test_appearance_is_chosen_and_remembered(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    window.window_actions.appearance.actions["dark"].trigger()
    assert QApplication.palette().color(R.Base).lightnessF() < 0.2
    qtbot.waitUntil(lambda: window.editor.palette().color(R.Base).lightnessF() < 0.2)
    assert window.settings.appearance == "dark"
    window.window_actions.appearance.actions["light"].trigger()
    assert QApplication.palette().color(R.Base).lightnessF() > 0.8
    close_window(window)


def test_focus_hides_everything_but_the_text_and_esc_brings_it_back(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    assert window.open_path(make_project(tmp_path / "fokus.newsdesk"))
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    assert docks
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.isFullScreen())
    assert not any(d.isVisible() for d in docks) and not window.menuBar().isVisible()
    assert window.editor.isVisible() and window.statusBar().isVisible()
    QTest.keyClicks(window.editor, "Focused")
    assert "Focused" in window.editor.toPlainText()
    QTest.keyClick(window.editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert all(d.isVisible() for d in docks) and window.menuBar().isVisible()
    close_window(window)
