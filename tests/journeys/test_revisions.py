"""Journey: a deleted section comes back from the automatic revision (issue 17, items 2 and 12).

The journalist deletes a section in the outline (no question asked; the status bar offers Undo),
saves, opens File > Revisions, finds the automatic revision recorded before the deletion (marked
"Automatic"), reads its text and the word-level changes since, restores it after confirming, and
finds the section back on screen and in the saved file; Edit > Undo takes the restore back.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTabWidget, QTextBrowser, QTreeWidget

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import (
    answer,
    click,
    click_button,
    click_tab,
    expect_dialog,
    press,
    saved_info,
    settle,
    trigger_menu,
    wait_until,
)
from tests.journeys.journey_outline import click_row, row_texts, section_tree, status_texts

UI = {
    "en": {
        "file": "File",
        "revisions": "Revisions…",
        "deleted": "Section “What it costs” deleted.",
        "undo_button": "Undo",
        "automatic": "Automatic: Before deleting a section",
        "changes_tab": "Changes since",
        "removed": "words removed",
        "restore": "Restore this revision",
        "confirm": "Restore",
        "question": "Replace the article with the revision of",
        "heading": "What it costs",
        "text": "The repairs cost 2.4 million euros.",
    },
    "de": {
        "file": "Datei",
        "revisions": "Versionen …",
        "deleted": "Abschnitt „Was es kostet“ gelöscht.",
        "undo_button": "Rückgängig",
        "automatic": "Automatisch: Vor dem Löschen eines Abschnitts",
        "changes_tab": "Änderungen seitdem",
        "removed": "Wörter entfernt",
        "restore": "Diese Version wiederherstellen",
        "confirm": "Wiederherstellen",
        "question": "Den Artikel durch die Version von",
        "heading": "Was es kostet",
        "text": "Die Reparatur kostet 2,4 Millionen Euro.",
    },
}


def _story(path, ui) -> None:
    article = Article(
        headline="Fähre Ost fährt wieder",
        language="de" if ui is UI["de"] else "en",
        sections=[
            Section(markdown="Die Fähre nach Großenbrode fährt ab Montag wieder."),
            Section(heading=ui["heading"], markdown=ui["text"]),
            Section(heading="Weiß & Söhne", markdown="Die Werft an der Straße blieb zuständig."),
        ],
    )
    create_project(path, article).close()


def _headings(path) -> list[str]:
    return [section["heading"] for section in saved_info(path)["sections"]]


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_deleted_section_comes_back_from_its_automatic_revision(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "faehre.newsdesk"
    _story(story, ui)
    window = start_app(story, language=language)
    tree = section_tree(window)

    click_row(tree, ui["heading"])
    press("Delete")  # an unannounced question would fail the journey
    assert ui["heading"] not in row_texts(tree)
    assert ui["deleted"] in status_texts(window)
    undo_offer = window.findChild(type(window.undo_offer.button), "undoOfferButton")
    assert undo_offer.isVisible() and undo_offer.text() == ui["undo_button"]
    click(window.editor)
    press("Ctrl+S")
    wait_until(lambda: ui["heading"] not in _headings(story), what="the deletion to be saved")

    def choose_the_automatic_revision(dialog) -> None:
        revisions = dialog.findChild(QTreeWidget)
        notes = [revisions.topLevelItem(n).text(2) for n in range(revisions.topLevelItemCount())]
        assert notes[1] == ui["automatic"], notes
        assert revisions.topLevelItem(1).font(2).italic()
        click(revisions.viewport(), revisions.visualItemRect(revisions.topLevelItem(1)).center())
        preview = dialog.findChild(QTabWidget).widget(0)
        assert isinstance(preview, QTextBrowser) and ui["text"] in preview.toPlainText()
        click_tab(dialog, ui["changes_tab"])
        comparison = dialog.findChild(QTabWidget).widget(1)
        assert comparison.isVisible() and ui["removed"] in comparison.toPlainText()
        click_button(dialog, ui["restore"])

    with (
        expect_dialog(choose_the_automatic_revision),
        expect_dialog(answer(ui["confirm"])) as asked,
    ):
        trigger_menu(window, ui["file"], ui["revisions"])
    assert ui["question"] in asked.text

    settle()
    assert ui["heading"] in row_texts(tree)
    assert ui["heading"] in _headings(story)  # a restore is written at once
    assert saved_info(story)["sections"][1]["markdown"].strip() == ui["text"]

    click(window.editor)
    press("Ctrl+Z")  # the restore stays undoable
    assert ui["heading"] not in row_texts(tree)
