"""File > Publish… in the menu: its own mnemonic in both languages, and off for a file this window
may not write (a publish keeps the post's record in the file)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QMenu

from newsdesk.gui.translations import install_translators
from newsdesk.store import ProjectLock
from tests.gui.window_helpers import close_window, make_project, new_window


def mnemonic(text: str) -> str | None:
    """The letter after the one `&` of a menu text (`&&` is a literal ampersand)."""
    found = re.search(r"(?<!&)&([^&])", text)
    return found.group(1).lower() if found else None


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_entry_of_the_file_menu_has_a_letter_of_its_own(qtbot, qapp, tmp_path, language):
    installed = install_translators(qapp, language) if language == "de" else []
    try:
        window = new_window(qtbot, tmp_path)
        file_menu = window.menuBar().findChild(QMenu, "menu_file")
        texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
        letters = [mnemonic(text) for text in texts]
        assert None not in letters, texts
        assert len(set(letters)) == len(letters), dict(zip(texts, letters, strict=True))
        publish = window.window_actions.publish.text()
        assert publish == {"en": "Pu&blish…", "de": "Ve&röffentlichen …"}[language]
        close_window(window)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_publish_is_off_while_the_file_is_read_only(qtbot, tmp_path, answers):
    story = make_project(tmp_path / "faehre.newsdesk")
    window = new_window(qtbot, tmp_path)
    assert window.open_path(story)
    assert window.window_actions.publish.isEnabled()
    close_window(window)

    held = ProjectLock(story)
    held.acquire()  # another Newsdesk has the file open
    try:
        answers.answer("read_only")
        window = new_window(qtbot, tmp_path)
        window.open_path(story)
        assert window.files.read_only
        assert not window.window_actions.publish.isEnabled()
        close_window(window)
    finally:
        held.release()
