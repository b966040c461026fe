"""Journey: sections and kinds (issue 17, items 1, 2, 11 and 14).

The journalist adds a section from the Section menu and names it (an empty new section counts no
words), makes it an opinion piece through Section > Kind, gives it the label the newsroom uses
through Section > Opinion Label…, writes it, and presses Delete on the lead by mistake: the lead
stays, emptied, and the status bar offers Undo. The saved file and the exported page carry the
kind and the label.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import (
    click,
    expect_dialog,
    press,
    saved_info,
    settle,
    trigger_menu,
    type_text,
    wait_until,
)
from tests.journeys.journey_outline import click_row, row_texts, section_tree, status_texts

UI = {
    "en": {
        "section": "Section",
        "add": "Add Section After",
        "kind": "Kind",
        "opinion": "Opinion",
        "label": "Opinion Label…",
        "lead_row": "Lead",
        "empty_counts": "Section: 0 words, 0 characters",
        "emptied": "The lead was emptied.",
        "heading": "About time",
        "label_text": "Commentary",
        "text": "Late shifts do not end at eight, and Jörg’s ferry knows it.",
    },
    "de": {
        "section": "Abschnitt",
        "add": "Abschnitt danach einfügen",
        "kind": "Art",
        "opinion": "Meinung",
        "label": "Kennzeichnung der Meinung…",
        "lead_row": "Vorspann",
        "empty_counts": "Abschnitt: 0 Wörter, 0 Zeichen",
        "emptied": "Der Vorspann wurde geleert.",
        "heading": "Höchste Zeit",
        "label_text": "Kommentar",
        "text": "Spätschichten enden nicht um acht, das weiß auch die Fähre aus Großenbrode.",
    },
}


def _choose_label(text: str):
    def handle(dialog) -> None:
        combo = dialog.findChild(QComboBox)
        click(combo.lineEdit())
        combo.lineEdit().selectAll()
        type_text(text, combo.lineEdit())
        box = dialog.findChild(QDialogButtonBox)
        ok = next(
            b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole
        )
        click(ok)

    return handle


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_opinion_section_written_in_the_window_is_labelled(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "faehre.newsdesk"
    article = Article(
        headline="Später Fähre",
        language=language,
        sections=[
            Section(markdown="Die letzte Fähre legt künftig um 23:10 Uhr ab."),
            Section(heading="Fahrplan", markdown="Zwei neue Abfahrten am Abend."),
        ],
    )
    create_project(story, article).close()
    window = start_app(story, language=language)
    tree = section_tree(window)

    click_row(tree, "Fahrplan")
    trigger_menu(window, ui["section"], ui["add"])  # the new section's name is open for typing
    type_text(ui["heading"] + "\n")
    assert ui["heading"] in row_texts(tree)
    wait_until(lambda: ui["empty_counts"] in status_texts(window), what="the section's counts")

    trigger_menu(window, ui["section"], ui["kind"], ui["opinion"])
    with expect_dialog(_choose_label(ui["label_text"])):
        trigger_menu(window, ui["section"], ui["label"])
    click(window.editor)
    type_text(ui["text"])

    click_row(tree, ui["lead_row"])
    press("Delete")  # the lead is never deleted by accident: it empties
    assert ui["lead_row"] in row_texts(tree)
    assert ui["emptied"] in status_texts(window)
    click(window.editor)
    press("Ctrl+S")
    settle()

    sections = saved_info(story)["sections"]
    assert sections[0]["heading"] == "" and sections[0]["markdown"] == ""
    opinion = sections[2]
    assert (opinion["heading"], opinion["kind"], opinion["label"]) == (
        ui["heading"],
        "opinion",
        ui["label_text"],
    )
    assert opinion["markdown"].strip() == ui["text"]
    assert opinion["words"] > 0
