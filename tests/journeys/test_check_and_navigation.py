"""Journey: the check and its navigation. The journalist opens the Check tab, clicks a finding
about an empty section and lands in that section's text, writes it; clicks the finding about a
photo's missing alt text and lands in its field, fills it; both findings go as the text arrives,
and the saved file has what was typed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QListWidget

from newsdesk.formats.typography import keep_together
from newsdesk.model.article import Article, Image, Section
from newsdesk.store import create_project
from tests.journeys.harness import click, click_tab, press, saved_info, type_text, wait_until
from tests.journeys.journey_outline import section_tree
from tests.store.conftest import make_photo

UI = {
    "en": {
        "check_tab": "Check",
        "empty": "the section is empty",
        "alt": "no alt text",
        "text": "Tickets cost 4.50 euros, children ride free.",
        "alt_text": "The ferry's car deck, seen from the ramp",
    },
    "de": {
        "check_tab": "Prüfung",
        "empty": "Der Abschnitt ist leer",
        "alt": "kein Alternativtext",
        "text": "Die Fahrt kostet 4,50 Euro, Kinder fahren umsonst.",
        "alt_text": "Das Autodeck der Fähre, von der Rampe aus gesehen",
    },
}


def _findings(window) -> QListWidget:
    return window.findChild(QListWidget, "preflight_list")


def _texts(window) -> list[str]:
    found = _findings(window)
    return [found.item(n).text() for n in range(found.count())]


def _click_finding(window, words: str) -> None:
    found = _findings(window)
    wait_until(lambda: any(words in text for text in _texts(window)), what=f"a finding {words!r}")
    item = next(found.item(n) for n in range(found.count()) if words in found.item(n).text())
    found.scrollToItem(item)
    click(found.viewport(), found.visualItemRect(item).center())


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_click_on_a_finding_goes_where_it_is_fixed(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "faehre.newsdesk"
    article = Article(
        headline="Fähre fährt wieder",
        language=language,
        sections=[
            Section(markdown="Die Fähre nach Großenbrode fährt ab Montag wieder."),
            Section(heading="Preise", markdown=""),
        ],
        images=[Image(data=make_photo(), width=64, height=48, caption="Autodeck", credit="Weiß")],
    )
    create_project(story, article).close()
    window = start_app(story, language=language)
    click_tab(window, ui["check_tab"])

    _click_finding(window, ui["empty"])
    tree = section_tree(window)
    assert tree.currentIndex().data() == "Preise"
    wait_until(lambda: QApplication.focusWidget() is window.editor, what="the editor's focus")
    type_text(ui["text"])
    wait_until(lambda: not any(ui["empty"] in text for text in _texts(window)), what="recheck")

    _click_finding(window, ui["alt"])
    alt_edit = window.panes.images.fields.alt_edit
    wait_until(lambda: QApplication.focusWidget() is alt_edit, what="the alt text field's focus")
    type_text(ui["alt_text"])
    press("Return")
    wait_until(lambda: not any(ui["alt"] in text for text in _texts(window)), what="recheck")

    click(window.editor)
    press("Ctrl+S")
    info = saved_info(story)
    # As typed, with the page's typography applied while typing ("4,50 Euro" kept together).
    assert info["sections"][1]["markdown"].strip() == keep_together(ui["text"])
    assert info["images"][0]["alt"] == ui["alt_text"]
