"""Journeys: File > Export…'s choices beyond the format (English and German).

- Agency text at a line width of 72: chosen in the dialog by typing in its list, the file's lines
  are at most 72 characters, and the next export offers 72 again (remembered).
- "Strict": with the check finding errors (a photo not added yet), Export cannot be pressed, the
  dialog says why, and nothing is written.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton

from newsdesk.model.article import Article, Image, Section
from newsdesk.store import create_project
from tests.journeys.harness import click, expect_dialog, trigger_menu, type_text

UI = {
    "en": {"file": "File", "export": "Export…", "width": "72 characters", "cancel": "Cancel"},
    "de": {
        "file": "Datei",
        "export": "Exportieren …",
        "width": "72 Zeichen",
        "cancel": "Abbrechen",
    },
}
PARAGRAPH = {
    "en": (
        "The harbour office in Kelby says the new pontoon will be finished before the autumn "
        "storms, and the ferry will then dock on the lee side of the breakwater all winter."
    ),
    "de": (
        "Das Hafenamt in Kelby sagt, der neue Anleger werde vor den Herbststürmen fertig, und "
        "die Fähre lege dann den ganzen Winter auf der windabgewandten Seite der Mole an."
    ),
}


def pontoon_story(path, language: str, *, photo_missing: bool = False):
    images = []
    if photo_missing:  # a photo still to come: the check's error
        images = [Image(role="lead", caption="Der Anleger", alt="Ein Anleger", credit="Hafenamt")]
    article = Article(
        headline={"en": "Kelby pontoon ready by autumn", "de": "Anleger in Kelby bis Herbst"}[
            language
        ],
        description="Pontoon",
        byline="Jörg Weiß",
        slug="pontoon",
        language=language,
        sections=[Section(markdown=PARAGRAPH[language])],
        images=images,
    )
    create_project(path, article).close()
    return path


def export_as_text(target, width: str, seen: dict):
    def handle(dialog):
        edit = dialog.findChild(QLineEdit, "export_target")
        click(edit)
        edit.selectAll()
        type_text(str(target), edit)
        combo = dialog.findChild(QComboBox, "export_line_width")
        assert combo.isVisible()  # shown for agency text
        seen["offered"] = combo.currentText()
        click(combo.parentWidget())  # the dialog, not the list's popup
        combo.setFocus()
        type_text(width[:2], combo)  # a list selects the item its typed start names
        seen["chosen"] = combo.currentText()
        strict = dialog.findChild(QCheckBox, "export_strict")
        if strict.isChecked():
            click(strict)
        click(dialog.findChild(QPushButton, "export_accept"))

    return handle


@pytest.mark.parametrize("language", ["en", "de"])
def test_agency_text_at_72_characters(start_app, tmp_path, language):
    ui = UI[language]
    window = start_app(pontoon_story(tmp_path / "pontoon.newsdesk", language), language=language)
    target = tmp_path / "pontoon.txt"
    seen: dict = {}
    with expect_dialog(export_as_text(target, ui["width"], seen)):
        trigger_menu(window, ui["file"], ui["export"])
    assert seen["chosen"] == ui["width"]
    lines = target.read_text(encoding="utf-8").splitlines()
    assert max(len(line) for line in lines) <= 72
    wrapped = [line for line in lines if len(line) > 50]
    assert len(wrapped) >= 2  # the paragraph, wrapped
    assert " ".join(" ".join(lines).split()).count(PARAGRAPH[language]) == 1  # all of it
    again = tmp_path / "pontoon-again.txt"
    with expect_dialog(export_as_text(again, ui["width"], seen)):
        trigger_menu(window, ui["file"], ui["export"])
    assert seen["offered"] == ui["width"]  # remembered from the first export


@pytest.mark.parametrize("language", ["en", "de"])
def test_strict_refuses_an_article_with_errors(start_app, tmp_path, language):
    ui = UI[language]
    story = pontoon_story(tmp_path / "pontoon.newsdesk", language, photo_missing=True)
    window = start_app(story, language=language)
    target = tmp_path / "pontoon.html"
    said: list[str] = []

    def handle(dialog):
        edit = dialog.findChild(QLineEdit, "export_target")
        click(edit)
        edit.selectAll()
        type_text(str(target), edit)
        strict = dialog.findChild(QCheckBox, "export_strict")
        if not strict.isChecked():
            click(strict)
        export = dialog.findChild(QPushButton, "export_accept")
        assert not export.isEnabled()
        said.append(dialog.findChild(QLabel, "export_problem").text())
        click(strict)  # off again: the journalist may still export anyway
        assert export.isEnabled()
        click(strict)
        cancel = dialog.findChild(QPushButton, "export_cancel")
        click(cancel)

    with expect_dialog(handle):
        trigger_menu(window, ui["file"], ui["export"])
    assert said and ("Strict" in said[0] or "Streng" in said[0])
    assert not target.exists()
