"""Journey: a whole article pasted into a new, empty one. The journalist makes a new article
(File > New), copies a finished piece from a mail (agency-shaped plain text) or from Word (rich
text), presses Ctrl+V in the editor and answers the question: Yes gives headline, subheadline and
sections (the outline shows them, the saved file holds them, Ctrl+Z gives the empty article
back); No pastes the text into the one section as always. English and German."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import (
    answer,
    click,
    expect_dialog,
    fill_file_dialog,
    press,
    saved_info,
    trigger_menu,
    wait_until,
)
from tests.journeys.journey_outline import row_texts, section_tree

UI = {
    "en": {
        "file": "File",
        "new": "New",
        "yes": "Yes",
        "no": "No",
        "title": "Paste as Article",
        "save_as": "Save As",
    },
    "de": {
        "file": "Datei",
        "new": "Neu",
        "yes": "Ja",
        "no": "Nein",
        "title": "Als Artikel einfügen",
        "save_as": "Speichern unter",
    },
}

MAIL = {
    "en": (
        "Library opens on Sundays\n\n"
        "A trial from March to June\n\n"
        "By Priya Nair\n\n"
        "The town library will open on Sunday afternoons from March on.\n\n"
        "What readers get\n\n"
        "– the reading room from two to six\n"
        "– the children's corner with a reading hour\n\n"
        "Who pays\n\n"
        "A foundation pays the staff for the first four months.\n"
    ),
    "de": (
        "Bücherei öffnet sonntags\n\n"
        "Ein Versuch von März bis Juni\n\n"
        "Von Jana Korte\n\n"
        "Die Stadtbücherei öffnet ab März auch am Sonntagnachmittag.\n\n"
        "Was Leser bekommen\n\n"
        "– den Lesesaal von zwei bis sechs Uhr\n"
        "– die Kinderecke mit einer Vorlesestunde\n\n"
        "Wer zahlt\n\n"
        "Eine Stiftung bezahlt das Personal für die ersten vier Monate.\n"
    ),
}

HEADINGS = {"en": ["What readers get", "Who pays"], "de": ["Was Leser bekommen", "Wer zahlt"]}


def _new_empty_article(start_app, tmp_path, language):
    story = tmp_path / "vorher.newsdesk"
    create_project(
        story, Article(headline="Older story", sections=[Section(markdown="Done.")])
    ).close()
    window = start_app(story, language=language)
    trigger_menu(window, UI[language]["file"], UI[language]["new"])
    wait_until(lambda: window.headline_bar.headline.text() == "", what="the new article")
    return window


def _put_on_clipboard(text: str, html: str = "") -> None:
    mime = QMimeData()
    mime.setText(text)
    if html:
        mime.setHtml(html)
    QGuiApplication.clipboard().setMimeData(mime)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_mailed_article_pasted_into_a_new_one_is_split(start_app, tmp_path, language):
    ui = UI[language]
    window = _new_empty_article(start_app, tmp_path, language)
    _put_on_clipboard(MAIL[language])
    click(window.editor)
    with expect_dialog(answer(ui["yes"])) as question:
        press("Ctrl+V")
    assert question.title == ui["title"]
    headline, subheadline = MAIL[language].split("\n\n")[:2]
    wait_until(lambda: window.headline_bar.headline.text() == headline, what="the headline")
    headings = HEADINGS[language]
    rows = row_texts(section_tree(window))
    assert [row for row in rows if row in headings] == headings  # the outline shows them
    saved = tmp_path / "paste.newsdesk"
    with expect_dialog(fill_file_dialog(saved)):
        trigger_menu(window, ui["file"], ui["save_as"])
    info = saved_info(saved)
    assert (info["headline"], info["subheadline"]) == (headline, subheadline)
    assert [section["heading"] for section in info["sections"]] == ["", *headings]
    assert info["sections"][1]["markdown"].startswith("- ")  # the list arrived as a list

    press("Ctrl+Z")  # one step: the empty article again
    wait_until(lambda: window.headline_bar.headline.text() == "", what="the undone paste")
    assert window.editor.toPlainText().strip() == ""


def test_word_text_answered_no_is_pasted_as_text(start_app, tmp_path):
    window = _new_empty_article(start_app, tmp_path, "de")
    html = (
        "<p class=MsoTitle>Hafenfest fällt aus</p>"
        "<p class=MsoSubtitle>Sturmwarnung für das Wochenende</p>"
        "<p class=MsoNormal>Der Verein sagt das Fest wegen des Sturms ab.</p>"
    )
    _put_on_clipboard(
        "Hafenfest fällt aus\nSturmwarnung für das Wochenende\n"
        "Der Verein sagt das Fest wegen des Sturms ab.",
        html,
    )
    click(window.editor)
    with expect_dialog(answer("Nein")):
        press("Ctrl+V")
    wait_until(lambda: "Der Verein sagt" in window.editor.toPlainText(), what="the pasted text")
    assert window.headline_bar.headline.text() == ""
    assert "Hafenfest fällt aus" in window.editor.toPlainText()
