"""Journey: find and replace through Edit > Find / Replace and the keyboard (issue 17 items 3, 4).

A journalist replaces a word across the article, reads how many were replaced, closes the dialog,
opens Find again and presses Enter to go to the next match; the saved file has the replacements
in the case of the words they replaced.
"""

from __future__ import annotations

import pytest

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import (
    click,
    click_button,
    press,
    saved_info,
    settle,
    trigger_menu,
    type_text,
    visible_dialog,
)

UI = {
    "en": {
        "edit": "Edit",
        "replace": "Replace…",
        "find": "Find…",
        "replace_all": "Replace All",
        "close": "Close",
        "replaced": "Replaced 4 occurrences",
        "match": "Match %1 of 4",
        "not_found": "Not found",
    },
    "de": {
        "edit": "Bearbeiten",
        "replace": "Ersetzen …",
        "find": "Suchen …",
        "replace_all": "Alle ersetzen",
        "close": "Schließen",
        "replaced": "4 Stellen ersetzt",
        "match": "Treffer %1 von 4",
        "not_found": "Nicht gefunden",
    },
}


def agenda(path):
    # "Punkt" four times: twice in the headline, in "Unterpunkt", in a heading.
    article = Article(
        headline="Punkt für Punkt durch die Sitzung",
        sections=[
            Section(markdown="Der Rat sprach über jeden Unterpunkt der Tagesordnung."),
            Section(heading="Der letzte Punkt", markdown="Bürgermeisterin Weiß schloss um elf."),
        ],
    )
    create_project(path, article).close()
    return path


@pytest.mark.parametrize("language", ["en", "de"])
def test_replace_all_says_how_many_and_keeps_the_case(start_app, tmp_path, language):
    ui = UI[language]
    story = agenda(tmp_path / "sitzung.newsdesk")
    window = start_app(story, language=language)
    click(window.editor)
    trigger_menu(window, ui["edit"], ui["replace"])
    dialog = visible_dialog()
    type_text("punkt")  # the Find field has the focus
    click(dialog.replace_edit)
    type_text("Posten")
    click_button(dialog, ui["replace_all"])
    status = dialog.status_label
    assert status.text() == ui["replaced"]
    settle(600)  # the match count refreshes 150 ms after a change; the report must stay
    assert status.text() == ui["replaced"]
    assert ui["not_found"] not in status.text()

    click(window.editor)  # back to the article
    press("Ctrl+S")
    info = saved_info(story)
    assert info["headline"] == "Posten für Posten durch die Sitzung"
    assert "jeden Unterposten der" in info["sections"][0]["markdown"]
    assert info["sections"][1]["heading"] == "Der letzte Posten"


@pytest.mark.parametrize("language", ["en", "de"])
def test_enter_finds_next_even_after_close_was_clicked(start_app, tmp_path, language):
    ui = UI[language]
    story = agenda(tmp_path / "sitzung.newsdesk")
    window = start_app(story, language=language)
    click(window.editor)
    press("Ctrl+F")
    dialog = visible_dialog()
    click_button(dialog, ui["close"])
    assert not dialog.isVisible()

    click(window.editor)
    trigger_menu(window, ui["edit"], ui["find"])
    assert dialog.isVisible()
    type_text("Punkt")
    press("Return")
    assert dialog.isVisible(), "Enter closed the Find dialog"
    assert dialog.status_label.text() == ui["match"].replace("%1", "1")
    press("Return")
    assert dialog.isVisible()
    assert dialog.status_label.text() == ui["match"].replace("%1", "2")
