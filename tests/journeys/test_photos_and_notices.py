"""Journey: photos and notices (issue 17, item 7).

The journalist adds a lead photo in the Photos tab through its file dialog, writes its caption,
alt text and credit, marks it as a symbol image (the notice is filled in the article's language),
then puts the cursor at the end of a section and adds a second photo: it goes into the text at
the cursor, and the check has nothing unplaced to report. The saved file holds both photos.
"""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from PIL import Image as PILImage
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit

from newsdesk import cli
from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import (
    click,
    click_tab,
    expect_dialog,
    fill_file_dialog,
    press,
    saved_info,
    settle,
    type_text,
    wait_until,
)
from tests.journeys.journey_outline import click_row, section_tree

UI = {
    "en": {
        "photos": "Photos",
        "add": "Add Photo…",
        "caption": "The ferry at the quay in Großenbrode",
        "alt": "A white ferry moored at a wooden pier at dusk",
        "credit": "Jörg Weiß",
        "notice_start": "Illustrative",
        "section": "Timetable",
    },
    "de": {
        "photos": "Fotos",
        "add": "Foto hinzufügen…",
        "caption": "Die Fähre am Anleger in Großenbrode",
        "alt": "Eine weiße Fähre liegt in der Dämmerung an einem Holzsteg",
        "credit": "Jörg Weiß",
        "notice_start": "Symbolbild",
        "section": "Fahrplan",
    },
}


def _photo(path, colour) -> None:
    picture = PILImage.new("RGB", (120, 80), colour)
    picture.save(path, format="JPEG", quality=85)


def _check(path) -> list[dict]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["check", str(path), "--json"])
    return json.loads(out.getvalue())


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_lead_photo_with_its_notice_and_a_second_photo_at_the_cursor(
    start_app, tmp_path, language
):
    ui = UI[language]
    story = tmp_path / "faehre.newsdesk"
    lead_file, second_file = tmp_path / "faehre.jpg", tmp_path / "anleger.jpg"
    _photo(lead_file, (40, 90, 160))
    _photo(second_file, (160, 90, 40))
    article = Article(
        headline="Fähre fährt wieder",
        language=language,
        sections=[
            Section(markdown="Die Fähre nach Großenbrode fährt ab Montag wieder."),
            Section(heading=ui["section"], markdown="Abfahrt ist um 6:10 Uhr."),
        ],
    )
    create_project(story, article).close()
    window = start_app(story, language=language)

    click_tab(window, ui["photos"])
    pane = window.panes.images
    with expect_dialog(fill_file_dialog(lead_file)):
        click(pane.add_button)
    wait_until(lambda: len(window.article.images) == 1, what="the lead photo")
    fields = pane.fields
    click(fields.findChild(QPlainTextEdit))
    type_text(ui["caption"])
    for edit, text in ((fields.alt_edit, ui["alt"]), (fields.credit_edit, ui["credit"])):
        assert isinstance(edit, QLineEdit)
        click(edit)
        type_text(text)
        press("Return")
    symbolic = fields.findChild(QCheckBox)
    click(symbolic, QPoint(8, symbolic.height() // 2))  # on its box, as one clicks a checkbox
    assert symbolic.isChecked()

    click_row(section_tree(window), ui["section"])
    click(window.editor)
    press("Ctrl+End")
    click_tab(window, ui["photos"])
    with expect_dialog(fill_file_dialog(second_file)):
        click(pane.add_button)
    wait_until(lambda: len(window.article.images) == 2, what="the second photo")
    click(window.editor)
    press("Ctrl+S")
    settle()

    info = saved_info(story)
    lead, second = info["images"]
    assert (lead["role"], lead["caption"], lead["alt"], lead["credit"]) == (
        "lead",
        ui["caption"],
        ui["alt"],
        ui["credit"],
    )
    assert lead["symbolic"] and lead["disclaimer"].startswith(ui["notice_start"])
    assert second["role"] == "inline" and second["filename"] == "anleger.jpg"
    assert f"image:{second['id']}" in info["sections"][1]["markdown"]
    assert not [f for f in _check(story) if f["code"] == "image-unplaced"]
