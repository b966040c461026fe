"""The user guide ships in the package, in German and English, and lists every shortcut."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsdesk.gui.dialogs.user_guide import guide_html, guide_markdown
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.shortcuts import window_shortcuts

REPO = Path(__file__).resolve().parents[2]
# Qt's alternative bindings of standard keys (the keyboard's own Copy key, Shift+Del, ...): the
# guide names the usual ones.
ALTERNATES = {
    "Copy", "Cut", "Paste", "Undo", "Redo", "New", "Open", "Save", "Help",
    "Ctrl+Ins", "Shift+Del", "Shift+Ins", "Alt+Backspace", "Alt+Shift+Backspace",
}  # fmt: skip
KEY_NAMES = {
    "en": {"Del": "Delete"},
    "de": {
        "Ctrl": "Strg",
        "Shift": "Umschalt",
        "Del": "Entf",
        "Space": "Leertaste",
        "Up": "Pfeil hoch",
        "Down": "Pfeil runter",
        "Left": "Pfeil links",
        "Right": "Pfeil rechts",
    },
}


def test_the_english_guide_in_the_package_is_the_one_in_docs():
    source = REPO / "docs" / "USER_GUIDE.md"
    if not source.is_file():
        pytest.skip("docs/USER_GUIDE.md is not beside this checkout's tests")
    assert guide_markdown("en") == source.read_text(encoding="utf-8"), "run `make guide`"


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_link_inside_the_guide_reaches_a_heading(language):
    page = guide_html(guide_markdown(language))
    anchors = set(re.findall(r'<a name="([^"]+)">', page))
    targets = set(re.findall(r'<a href="#([^"]+)">', page))
    assert len(targets) >= 10
    assert targets <= anchors, targets - anchors


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_guide_has_no_picture_files_and_no_repository_links(language):
    page = guide_html(guide_markdown(language), "Bild" if language == "de" else "Picture")
    assert "<img" not in page
    assert 'href="../' not in page and ".png" not in page
    assert page.count('class="picture"') >= 10


def test_the_german_guide_is_german():
    german = guide_markdown("de")
    assert german.startswith("# Newsdesk-Handbuch")
    assert "Tastenkürzel" in german and "Keyboard shortcuts" not in german


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_guide_lists_every_shortcut_of_the_window(qtbot, tmp_path, language):
    window = MainWindow(data_dir=tmp_path / "data")
    qtbot.addWidget(window)
    text = guide_markdown(language)
    table = text[text.index("Ctrl+N" if language == "en" else "Strg+N") :]
    missing = []
    for shortcut in window_shortcuts(window):
        if shortcut.portable in ALTERNATES:
            continue
        parts = shortcut.portable.split("+")
        keys = "+".join(KEY_NAMES[language].get(part, part) for part in parts)
        if keys not in table:
            missing.append(f"{keys} ({shortcut.name})")
    assert missing == []
