"""Journey: fill in the article's details (kicker, byline, dateline, tags) in the Details tab."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import click, click_tab, press, saved_info, type_text

DETAILS = {
    "en": {
        "tab": "Details",
        "kicker": "Coastal transport",
        "byline": "Jörg Weiß",
        "dateline": "Larsby",
        "tags": "ferries, islands",
    },
    "de": {
        "tab": "Angaben",
        "kicker": "Küstenverkehr",
        "byline": "Anneliese Müßig",
        "dateline": "Großenbrode",
        "tags": "Fähren, Inseln, Straßenbau",
    },
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_details_typed_in_the_tab_reach_the_file(start_app, tmp_path, language):
    details = DETAILS[language]
    story = tmp_path / "bericht.newsdesk"
    create_project(story, Article(headline="Fähre", sections=[Section(markdown="Text.")])).close()
    window = start_app(story, language=language)
    click_tab(window, details["tab"])
    for field in ("kicker", "byline", "dateline", "tags"):
        edit = window.findChild(QLineEdit, f"metadata_{field}")
        click(edit)
        type_text(details[field])
        press("Return")  # a field becomes part of the article when it is left or on Enter
    click(window.editor)
    press("Ctrl+S")

    info = saved_info(story)
    assert info["kicker"] == details["kicker"]
    assert info["byline"] == details["byline"]
    assert info["dateline"] == details["dateline"]
    assert info["tags"] == [t.strip() for t in details["tags"].split(",")]
