"""Journey: write and format an article, save it, find it in the file (English and German)."""

from __future__ import annotations

import pytest

from tests.journeys.harness import (
    click,
    expect_dialog,
    fill_file_dialog,
    press,
    saved_info,
    trigger_menu,
    type_text,
)

TEXTS = {
    "en": {
        "file": "File",
        "save": "Save",
        "format": "Format",
        "bold": "Bold",
        "headline": "Harbour crane returns after repairs",
        "text": "The crane was lifted back onto its rails on Monday.",
        "bold_word": "Monday",
    },
    "de": {
        "file": "Datei",
        "save": "Speichern",
        "format": "Format",
        "bold": "Fett",
        "headline": "Hafenkran kehrt nach Reparatur zurück",
        "text": "Jörg Weiß sah zu, wie der Kran über die Straße gehoben wurde.",
        "bold_word": "Straße",
    },
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_write_headline_and_text_then_save(start_app, tmp_path, language):
    words = TEXTS[language]
    story = tmp_path / f"story-{language}.newsdesk"
    window = start_app(story, language=language)
    assert window.windowTitle().startswith(story.name)

    click(window.headline_bar.headline)
    type_text(words["headline"])
    click(window.editor)
    type_text(words["text"])
    trigger_menu(window, words["file"], words["save"])

    info = saved_info(story)
    assert info["headline"] == words["headline"]
    assert words["text"] in info["sections"][0]["markdown"]


@pytest.mark.parametrize(
    ("language", "menu", "entry"), [("en", "File", "Save As…"), ("de", "Datei", "Speichern unter…")]
)
def test_save_as_through_the_file_dialog(start_app, tmp_path, language, menu, entry):
    window = start_app(tmp_path / "first.newsdesk", language=language)
    click(window.headline_bar.headline)
    type_text(TEXTS[language]["headline"])
    copy = tmp_path / "copy.newsdesk"
    with expect_dialog(fill_file_dialog(copy)):
        trigger_menu(window, menu, entry)
    assert window.windowTitle().startswith("copy.newsdesk")
    assert saved_info(copy)["headline"] == TEXTS[language]["headline"]
    press("Ctrl+S")
