"""Journey: related links, and the check and the page agreeing on their heading (issue 17,
item 9).

The journalist pastes a web address and types a title-only entry into the Related Links tab and
sets no heading. The check names the default heading the page shows (as a hint, not a warning
that there is none), the preview's page carries that same heading, and the file keeps the links.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QListWidget, QWidget

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import (
    click,
    click_tab,
    press,
    saved_info,
    type_text,
    wait_until,
)

UI = {
    "en": {
        "links_tab": "Related Links",
        "check_tab": "Check",
        "hint": "The related links show the default heading “Related”",
        "default": "Related",
        "title": "Timetable for the winter",
    },
    "de": {
        "links_tab": "Weiterführende Links",
        "check_tab": "Prüfung",
        "hint": "Die weiterführenden Links tragen die Standardüberschrift „Mehr zum Thema“",
        "default": "Mehr zum Thema",
        "title": "Fahrplan für den Winter",
    },
}


def _findings(window) -> list[str]:
    found = window.findChild(QListWidget, "preflight_list")
    return [found.item(n).text() for n in range(found.count())]


@pytest.mark.parametrize("language", ["en", "de"])
def test_check_and_page_name_the_same_related_links_heading(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "faehre.newsdesk"
    article = Article(
        headline="Fähre fährt wieder",
        language=language,
        sections=[Section(markdown="Die Fähre nach Großenbrode fährt ab Montag wieder.")],
    )
    create_project(story, article).close()
    window = start_app(story, language=language)

    click_tab(window, ui["links_tab"])
    new_link = window.findChild(QLineEdit, "related_new_link")
    click(new_link)
    type_text("https://example.org/faehre/fahrplan")
    press("Return")
    type_text(ui["title"])
    press("Return")

    click_tab(window, ui["check_tab"])
    wait_until(lambda: ui["hint"] in _findings(window), what="the check's hint on the heading")
    assert not [
        text for text in _findings(window) if "no heading" in text or "keine Überschrift" in text
    ]

    preview = window.findChild(QWidget, "preview_pane")
    wait_until(lambda: ">" + ui["default"] + "</h2>" in preview.page_html, what="the page heading")

    click(window.editor)
    press("Ctrl+S")
    info = saved_info(story)
    assert info["related"]["heading"] == ""
    links = [(link["title"], link["url"]) for link in info["related"]["links"]]
    assert links[0][1] == "https://example.org/faehre/fahrplan"
    assert links[1] == (ui["title"], "")
