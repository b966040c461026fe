"""Journey: File > Export… writes the page where the journalist says (English and German).

Once with a finished article (the button says Export), once with an error the check finds (no
headline: the dialog lists it and the button says Export Anyway).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPushButton

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import click, expect_dialog, press, trigger_menu, type_text

UI = {
    "en": ("File", "Export…", "Export", "Export Anyway"),
    "de": ("Datei", "Exportieren …", "Exportieren", "Trotzdem exportieren"),
}
TEXT = {
    "en": ("Night ferry to Larsby returns", "The council voted 14 to 3 for the night ferry."),
    "de": ("Nachtfähre nach Larsby kehrt zurück", "Der Rat stimmte mit 14 zu 3 für die Fähre."),
}


def fill_export_dialog(target, button_text):
    def handle(dialog):
        edit = dialog.findChild(QLineEdit, "export_target")
        click(edit)
        edit.selectAll()
        type_text(str(target), edit)
        opener = dialog.findChild(QCheckBox, "export_open")
        if opener.isChecked():
            click(opener)  # no browser in a test
        accept = dialog.findChild(QPushButton, "export_accept")
        assert accept.text().replace("&", "") == button_text
        click(accept)

    return handle


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("with_headline", [True, False], ids=["finished", "with-errors"])
def test_export_writes_the_page(start_app, tmp_path, language, with_headline):
    menu, entry, export, export_anyway = UI[language]
    headline, text = TEXT[language]
    story = tmp_path / "story.newsdesk"
    article = Article(
        headline=headline if with_headline else "",
        description="Teaser",
        byline="Jörg Weiß",
        sections=[Section(markdown=text)],
    )
    create_project(story, article).close()
    window = start_app(story, language=language)
    click(window.editor)
    press("Ctrl+End")
    type_text(" Ende.")
    page = tmp_path / "out" / "page.html"
    page.parent.mkdir()
    with expect_dialog(fill_export_dialog(page, export if with_headline else export_anyway)):
        trigger_menu(window, menu, entry)

    html = page.read_text(encoding="utf-8")
    assert text.removesuffix(".") in html
    assert "Ende." in html  # what was typed a moment ago is in the page
    if with_headline:
        assert headline in html
    assert "<script" not in html.replace('<script type="application/ld+json">', "")
