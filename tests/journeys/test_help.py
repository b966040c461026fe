"""Journey: Help > User Guide (and F1) shows the guide offline, in the window's language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTextBrowser

from tests.journeys.harness import click, press, trigger_menu, visible_dialog

GUIDE = {
    "en": ("Help", "User Guide", "Newsdesk User Guide", "Keyboard shortcuts", "Ctrl+Shift+N"),
    "de": ("Hilfe", "Handbuch", "Newsdesk-Handbuch", "Tastenkürzel", "Strg+Umschalt+N"),
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_user_guide_opens_from_the_help_menu_and_with_f1(start_app, tmp_path, language):
    menu, entry, title, heading, new_section_keys = GUIDE[language]
    window = start_app(tmp_path / "story.newsdesk", language=language)
    trigger_menu(window, menu, entry)
    guide = visible_dialog()
    assert guide.windowTitle() == title
    text = guide.findChild(QTextBrowser).toPlainText()
    assert heading in text
    assert new_section_keys in text  # the shortcut for a new section is listed
    guide.close()

    click(window.editor)
    press("F1")
    assert visible_dialog().windowTitle() == title
