"""Journey: writing comfort (issue 18). The journalist presses F11 and writes with only the text on
screen, Esc brings the panes back; View > Appearance > Dark makes every pane dark, and the choice
is there at the next start. English and German."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDockWidget

from newsdesk.gui.appearance import light_palette
from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import click, press, saved_info, trigger_menu, type_text, wait_until

UI = {
    "en": {"view": "View", "appearance": "Appearance", "dark": "Dark", "light": "Light"},
    "de": {"view": "Ansicht", "appearance": "Erscheinungsbild", "dark": "Dunkel", "light": "Hell"},
}
BASE = QPalette.ColorRole.Base


@pytest.fixture(autouse=True)
def light_afterwards(qapp):
    yield
    QApplication.setPalette(light_palette())  # the application outlives the test


@pytest.mark.parametrize("language", ["en", "de"])
def test_focus_and_dark_appearance(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "fokus.newsdesk"
    create_project(story, Article(headline="Fokus", sections=[Section(markdown="")])).close()
    window = start_app(story, language=language)
    docks = [dock for dock in window.findChildren(QDockWidget) if dock.isVisible()]

    click(window.editor)
    press("F11")
    wait_until(window.isFullScreen, what="full screen")
    assert not any(dock.isVisible() for dock in docks) and not window.menuBar().isVisible()
    type_text("Nur der Text, Jörg.")
    press("Escape")
    wait_until(lambda: not window.isFullScreen(), what="the window back")
    assert all(dock.isVisible() for dock in docks) and window.menuBar().isVisible()
    press("Ctrl+S")
    assert "Nur der Text, Jörg." in saved_info(story)["sections"][0]["markdown"]

    trigger_menu(window, ui["view"], ui["appearance"], ui["dark"])
    wait_until(lambda: window.editor.palette().color(BASE).lightnessF() < 0.2, what="dark")
    tree = window.tree_view
    assert tree.palette().color(BASE).lightnessF() < 0.2
    window.close()
    QApplication.setPalette(light_palette())
    again = start_app(story, language=language)
    wait_until(lambda: again.editor.palette().color(BASE).lightnessF() < 0.2, what="dark again")
    trigger_menu(again, ui["view"], ui["appearance"], ui["light"])
    wait_until(lambda: again.editor.palette().color(BASE).lightnessF() > 0.8, what="light")
