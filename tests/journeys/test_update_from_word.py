"""Journey: the desk's round trip (English and German).

The journalist exported the article to Word; the desk retitled it and proposed two changes with
Word's change tracking. File > Update from Word… picks the desk's file, the journalist accepts one
change and rejects the other, sees the result on screen, takes it back with Ctrl+Z and brings it
back with Ctrl+Shift+Z, and saves; the file holds what was accepted and nothing that was rejected,
and the photos are as they were.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from newsdesk.store import create_project
from tests.formats.desk_documents import desk_edit, paragraph_with, retype, track_in, tracked
from tests.formats.update_articles import english_story, german_story
from tests.journeys.harness import (
    all_text,
    click,
    click_button,
    expect_dialog,
    fill_file_dialog,
    press,
    saved_info,
    trigger_menu,
    wait_until,
)

UI = {
    "en": {"file": "File", "update": "Update from Word…", "apply": "Update"},
    "de": {"file": "Datei", "update": "Aus Word aktualisieren …", "apply": "Aktualisieren"},
}
DESK = {
    # language: (story, old headline words, new headline, lead start, old, new, proposed addition)
    "en": (
        english_story,
        "Harbour bridge reopens",
        "Harbour bridge open again",
        "The swing bridge over the inner harbour opened again on ",
        "Friday",
        "Saturday",
        " Crowds cheered on both banks.",
    ),
    "de": (
        german_story,
        "Stadtwerke senken den",
        "Gas wird billiger",
        "Die Stadtwerke senken zum ersten April den Gaspreis um ",
        "acht",
        "neun",
        " Das spart im Schnitt 90 Euro im Jahr.",
    ),
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_update_from_word_with_one_change_accepted_and_one_rejected(start_app, tmp_path, language):
    ui = UI[language]
    make, old_headline, new_headline, lead, old, new, addition = DESK[language]
    article = make()
    story = tmp_path / "story.newsdesk"
    create_project(story, article).close()
    photos_before = saved_info(story)["images"]  # crops, rotation, focal points, captions
    ending = lead.split()[-1]

    def edit(document):
        retype(paragraph_with(document, old_headline), new_headline)
        paragraph = paragraph_with(document, lead.strip())
        rest = paragraph.text[len(lead) + len(old) :]
        track_in(
            paragraph,
            lead,
            tracked("del", old),
            tracked("ins", new, author="Desk"),
            rest,
            tracked("ins", addition, author="Night editor"),
        )

    desk = tmp_path / "desk.docx"
    desk.write_bytes(desk_edit(article, edit))
    window = start_app(story, language=language)

    def accept_first_reject_second(dialog):
        click(dialog.findChild(QPushButton, "accept_change_1"))
        click(dialog.findChild(QPushButton, "reject_change_2"))
        click_button(dialog, ui["apply"])

    with expect_dialog(fill_file_dialog(desk)), expect_dialog(accept_first_reject_second) as seen:
        trigger_menu(window, ui["file"], ui["update"])
    assert "Night editor" in seen.text and addition.strip() in seen.text

    def lead_text() -> str:
        return window.editor.document().toPlainText()

    wait_until(lambda: window.headline_bar.headline.text() == new_headline)
    assert f"{ending} {new}" in lead_text() and addition.strip() not in lead_text()
    window.editor.setFocus()
    press("Ctrl+Z")
    wait_until(lambda: window.headline_bar.headline.text() != new_headline)
    assert f"{ending} {old}" in lead_text()
    press("Ctrl+Shift+Z")
    wait_until(lambda: window.headline_bar.headline.text() == new_headline)
    press("Ctrl+S")
    info = saved_info(story)
    assert info["headline"] == new_headline
    text = all_text(info)
    assert f"{ending} {new}" in text and addition.strip() not in text
    assert info["images"] == photos_before
