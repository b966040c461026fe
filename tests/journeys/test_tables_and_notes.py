"""Journeys (issue 14): a table inserted through the menu, typed cell by cell with Tab, saved,
reopened and exported; an editor's note inserted through the menu, saved, kept in the file, shown
in the preview on request, and never in the exported page. English and German.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QSpinBox

from newsdesk import cli
from newsdesk.store import open_project
from tests.journeys.harness import (
    click,
    click_button,
    expect_dialog,
    press,
    saved_info,
    trigger_menu,
    type_text,
    wait_until,
)

UI = {
    "en": {
        "file": "File",
        "save": "Save",
        "quit": "Quit",
        "insert": "Insert",
        "table": "Table…",
        "note": "Editor's Note…",
        "view": "View",
        "show_notes": "Show Editor's Notes in the Preview",
        "intro": "Results of the council vote",
        "cells": ["Party", "Seats", "Greens", "12", "Labour", "9"],
        "caption": "Seats won, provisional",
        "text": "The council meets on Monday.",
        "private": "Check the quote with Jorg Weiss first",
    },
    "de": {
        "file": "Datei",
        "save": "Speichern",
        "quit": "Beenden",
        "insert": "Einfügen",
        "table": "Tabelle…",
        "note": "Redaktionsnotiz…",
        "view": "Ansicht",
        "show_notes": "Redaktionsnotizen in der Vorschau zeigen",
        "intro": "Ergebnis der Wahl in Kassel",
        "cells": ["Partei", "Sitze", "Grüne", "12", "SPD", "9"],
        "caption": "Sitze, vorläufiges Ergebnis",
        "text": "Der Stadtrat tagt am Montag in der Straße am Hafen.",
        "private": "Zitat von Jörg Weiß noch autorisieren lassen",
    },
}


def _export(story: Path, page: Path) -> str:
    """`newsdesk export`, as the journalist's publishing script runs it on the saved file."""
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli.main(["export", str(story), "-o", str(page)]) == 0
    return page.read_text(encoding="utf-8")


def _fill_table_dialog(rows: int, columns: int):
    def handle(dialog) -> None:
        # By keyboard, as the dialog opens with the rows field focused (a click on a spin box
        # offscreen can crash PySide's event filter wrapper in this harness).
        row_box, column_box = dialog.findChildren(QSpinBox)
        wait_until(row_box.hasFocus, what="the rows field to have focus")
        for box, value in ((row_box, rows), (column_box, columns)):
            press("Ctrl+A", box)
            type_text(str(value), box)
            press("Tab", box)
        assert (row_box.value(), column_box.value()) == (rows, columns)
        click_button(dialog, "OK")

    return handle


def _fill_note_dialog(text: str):
    def handle(dialog) -> None:
        edit = dialog.findChild(QPlainTextEdit)
        click(edit)
        type_text(text, edit)
        click_button(dialog, "OK")

    return handle


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_table_typed_with_tab_is_saved_reopened_and_exported(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "wahl.newsdesk"
    window = start_app(story, language=language)
    click(window.editor)
    type_text(ui["intro"])
    with expect_dialog(_fill_table_dialog(2, 2)):
        trigger_menu(window, ui["insert"], ui["table"])
    for number, cell in enumerate(ui["cells"]):
        if number:
            press("Tab")
        type_text(cell)
    press("Ctrl+End")  # the line under the table is its caption
    type_text(ui["caption"])
    trigger_menu(window, ui["file"], ui["save"])

    markdown = saved_info(story)["sections"][0]["markdown"]
    party, seats, first, first_seats, second, second_seats = ui["cells"]
    assert markdown == (
        f"{ui['intro']}\n\n| {party} | {seats} |\n| --- | --- |\n"
        f"| {first} | {first_seats} |\n| {second} | {second_seats} |\n\n"
        f"Table: {ui['caption']}\n"
    )

    trigger_menu(window, ui["file"], ui["quit"])
    reopened = start_app(story, language=language)
    document = reopened.editor.document()
    tables = []
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None and table not in tables:
            tables.append(table)
        block = block.next()
    assert [(t.rows(), t.columns()) for t in tables] == [(3, 2)]
    assert document.findBlock(tables[0].cellAt(2, 0).firstPosition()).text() == second

    html = _export(story, tmp_path / "wahl.html")
    assert f"<caption>{ui['caption']}</caption>" in html
    assert f'<th scope="col">{party}</th>' in html
    assert f"<td>{second}</td>" in html or f'<td class="num">{second}</td>' in html


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_editors_note_is_kept_in_the_file_and_never_in_the_page(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "rat.newsdesk"
    window = start_app(story, language=language)
    click(window.editor)
    type_text(ui["text"] + " ")
    with expect_dialog(_fill_note_dialog(ui["private"])):
        trigger_menu(window, ui["insert"], ui["note"])
    type_text(" ")
    type_text("Ende.")
    # The note is in the editor as a highlighted object, not as text one could publish.
    assert ui["private"] not in window.editor.toPlainText()
    trigger_menu(window, ui["file"], ui["save"])

    # `newsdesk info --json` leaves notes out (its JSON leaves Newsdesk): the file itself has it.
    assert ui["private"] not in str(saved_info(story))
    with open_project(story, read_only=True) as project:
        markdown = project.load().sections[0].markdown
    assert markdown == f"{ui['text']} <!-- {ui['private']} --> Ende.\n"

    trigger_menu(window, ui["view"], ui["show_notes"])
    preview = window.panes.preview
    wait_until(lambda: ui["private"] in preview.page_html, what="the note in the preview")

    html = _export(story, tmp_path / "rat.html")
    assert ui["text"] in html and "Ende." in html
    assert ui["private"] not in html
    assert 'class="newsdesk-note"' not in html

    # The choice to see notes in the preview is remembered across a restart.
    window.close()
    again = start_app(story, language=language)
    assert again.findChild(QAction, "action_show_notes").isChecked()
    wait_until(
        lambda: ui["private"] in again.panes.preview.page_html, what="the note after a restart"
    )
