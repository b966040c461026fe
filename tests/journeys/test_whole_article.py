"""Journey: the whole article in one view (issue 18). The journalist switches View > Whole Article,
reads every section's heading and text in one scroll, clicks into the third section and types,
clicks a row in the outline and lands there, undoes through the Edit menu, selects everything and
copies it (every section on the clipboard, also those never scrolled to), deletes a selection
across a section boundary (no section goes), and finds the view again after a restart. English
and German."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QTextEdit, QWidget

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import (
    click,
    press,
    saved_info,
    trigger_menu,
    type_text,
    wait_until,
)
from tests.journeys.journey_outline import click_row, section_tree

UI = {
    "en": {
        "view": "View",
        "whole": "Whole Article",
        "single": "Single Section",
        "edit": "Edit",
        "undo": "Undo Typing",
        "undo_delete": "Undo Delete across sections",
        "lead_row": "Lead",
        "select_all": "Select All",
        "copy": "Copy",
        "headings": ["Harbour", "Council", "Weather"],
        "texts": [
            "The lead says what happened.",
            "The harbour master spoke first.",
            "The council voted nine to four.",
            "Rain is expected on Sunday.",
        ],
        "typed": "Added later. ",
    },
    "de": {
        "view": "Ansicht",
        "whole": "Ganzer Artikel",
        "single": "Einzelner Abschnitt",
        "edit": "Bearbeiten",
        "undo": "Rückgängig: Tippen",
        "undo_delete": "Rückgängig: Über Abschnitte hinweg löschen",
        "lead_row": "Vorspann",
        "select_all": "Alles auswählen",
        "copy": "Kopieren",
        "headings": ["Hafen", "Gemeinderat", "Wetter"],
        "texts": [
            "Der Vorspann sagt, was geschah.",
            "Zuerst sprach die Hafenmeisterin Jörg.",
            "Der Rat stimmte mit neun zu vier.",
            "Am Sonntag soll es regnen, sagt Frau Weiß.",
        ],
        "typed": "Später ergänzt. ",
    },
}


def make_story(path, ui, language, filler_sections: int = 0) -> None:
    headings = ["", *ui["headings"]]
    sections = [
        Section(id=f"s{n}", heading=heading, markdown=text + "\n")
        for n, (heading, text) in enumerate(zip(headings, ui["texts"], strict=True))
    ]
    # Long sections in between, so the last ones are far below the first screen.
    for n in range(filler_sections):
        sections.insert(
            2, Section(heading=f"Teil {n}", markdown=("Ein langer Absatz. " * 60 + "\n\n") * 4)
        )
    create_project(path, Article(headline="Hafen", language=language, sections=sections)).close()


SHIFT = Qt.KeyboardModifier.ShiftModifier


def section_text(window, heading: str) -> QTextEdit:
    """The text shown under a heading in the whole view (not where the cursor is)."""
    for slot in whole_view(window).findChildren(QWidget, "wholeArticleSection"):
        field = slot.findChild(QLineEdit, "sectionHeadingEdit")
        if field is not None and field.text() == heading:
            text = slot.findChild(QTextEdit, "wholeArticleText")
            assert text is not None and text.isVisible(), f"no text under {heading!r}"
            return text
    raise AssertionError(f"no section {heading!r} on screen")


def whole_view(window) -> QScrollArea:
    view = window.findChild(QScrollArea, "wholeArticleView")
    assert view is not None and view.isVisible(), "the whole article is not on screen"
    return view


def headings_on_screen(window) -> list[str]:
    return [
        field.text()
        for field in whole_view(window).findChildren(QLineEdit, "sectionHeadingEdit")
        if field.isVisible()
    ]


@pytest.mark.parametrize("language", ["en", "de"])
def test_whole_article_view(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "ganz.newsdesk"
    make_story(story, ui, language, filler_sections=6)
    window = start_app(story, language=language)

    trigger_menu(window, ui["view"], ui["whole"])
    view = whole_view(window)
    wait_until(lambda: ui["headings"][0] in headings_on_screen(window), what="the headings")
    assert headings_on_screen(window)[-1] == ui["headings"][-1]  # every section, in order
    assert window.headline_bar.isVisible()

    # A click in the outline scrolls to the section; the cursor goes there.
    click_row(section_tree(window), ui["headings"][-1])
    wait_until(lambda: window.editor.isVisible() and view.verticalScrollBar().value() > 0)
    click(window.editor)
    press("Ctrl+Home")
    type_text(ui["typed"])
    assert window.editor.toPlainText().startswith(ui["typed"])

    # Edit > Undo takes the typing back, in the one history.
    trigger_menu(window, ui["edit"], ui["undo"])
    wait_until(lambda: not window.editor.toPlainText().startswith(ui["typed"]))

    # Select All and Copy cover the whole article, sections never built on screen included.
    trigger_menu(window, ui["edit"], ui["select_all"])
    trigger_menu(window, ui["edit"], ui["copy"])
    copied = QApplication.clipboard().mimeData().text()
    for text in ui["texts"]:
        assert text in copied
    assert "Teil 3" in copied

    # In the lead, select on into the next section with Shift+click and delete: the text
    # goes, the sections and their headings stay, and one Undo brings the text back.
    click_row(section_tree(window), ui["lead_row"])
    click(window.editor)
    press("Ctrl+Home")
    for _ in range(4):
        press("Right")
    display = section_text(window, ui["headings"][0])
    middle = display.cursorRect(display.textCursor()).center()
    middle.setX(display.viewport().width() // 2)
    QTest.mouseClick(display.viewport(), Qt.MouseButton.LeftButton, SHIFT, middle)
    press("Delete")
    press("Ctrl+S")
    saved = saved_info(story)
    headings = [section["heading"] for section in saved["sections"]]
    assert headings[:2] == ["", ui["headings"][0]] and headings[-1] == ui["headings"][-1]
    assert saved["sections"][0]["markdown"].strip() == ui["texts"][0][:4].strip()
    assert ui["texts"][1] not in saved["sections"][1]["markdown"]
    trigger_menu(window, ui["edit"], ui["undo_delete"])
    press("Ctrl+S")
    saved = saved_info(story)
    assert saved["sections"][0]["markdown"].strip() == ui["texts"][0]
    assert saved["sections"][1]["markdown"].strip() == ui["texts"][1]

    # The choice is remembered: View > Single Section, then back, survives a restart.
    trigger_menu(window, ui["view"], ui["single"])
    assert not window.findChild(QScrollArea, "wholeArticleView").isVisible()
    assert window.editor.isVisible()
    trigger_menu(window, ui["view"], ui["whole"])
    window.close()
    again = start_app(story, language=language)
    wait_until(lambda: whole_view(again).isVisible(), what="the whole view after a restart")
