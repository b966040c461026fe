"""Journeys: writing comfort (issue 18), English and German.

- The journalist switches on View > Focus > Typewriter Scrolling and Dim Other Paragraphs, presses
  F11 and writes: the line being written stays at one height on screen, the other paragraphs are
  drawn fainter, the saved text is just what was typed; the options are there at the next start.
- In the whole-article view Ctrl+End goes to the very end of the article and Ctrl+Home back to
  its very start, through sections never shown; what is typed there is saved there.
- The preview's Dark button shows the page's own dark style, and is still on at the next start.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QApplication, QScrollArea, QToolButton, QWidget

from newsdesk.gui.appearance import light_palette
from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import (
    click,
    close_menus,
    open_menu,
    press,
    saved_info,
    settle,
    trigger_menu,
    type_text,
    wait_until,
)

UI = {
    "en": {
        "view": "View",
        "focus": "Focus",
        "typewriter": "Typewriter Scrolling",
        "dim": "Dim Other Paragraphs",
        "whole": "Whole Article",
        "dark": "Dark",
        "paragraph": "The ferry office opens at six and closes when the last boat is in.",
        "typed": "A line written in focus.",
        "end": " The end, written last.",
        "start": "First words. ",
    },
    "de": {
        "view": "Ansicht",
        "focus": "Fokus",
        "typewriter": "Schreibmaschinenmodus",
        "dim": "Andere Absätze abblenden",
        "whole": "Ganzer Artikel",
        "dark": "Dunkel",
        "paragraph": "Das Fährbüro öffnet um sechs und schließt, wenn das letzte Boot da ist.",
        "typed": "Eine Zeile, im Fokus geschrieben, für Jörg.",
        "end": " Das Ende, zuletzt geschrieben.",
        "start": "Erste Wörter. ",
    },
}


@pytest.fixture(autouse=True)
def light_afterwards(qapp):
    yield
    QApplication.setPalette(light_palette())


def _story(path, ui, language, sections: int = 1) -> None:
    text = "\n\n".join(f"{ui['paragraph']} ({n})" for n in range(40))
    article = Article(
        headline="Hafen",
        language=language,
        sections=[
            Section(heading="" if n == 0 else f"Teil {n}", markdown=text) for n in range(sections)
        ],
    )
    create_project(path, article).close()


def _darkest(image: QImage, top: int, bottom: int) -> float:
    """The lightness of the darkest pixel in rows top..bottom (the ink of the text there)."""
    darkest = 1.0
    for y in range(max(0, top), min(image.height(), bottom)):
        for x in range(0, image.width(), 2):
            darkest = min(darkest, QColor(image.pixel(x, y)).lightnessF())
    return darkest


@pytest.mark.parametrize("language", ["en", "de"])
def test_focus_with_typewriter_scrolling_and_dimming(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "fokus.newsdesk"
    _story(story, ui, language)
    window = start_app(story, language=language)
    trigger_menu(window, ui["view"], ui["focus"], ui["typewriter"])
    trigger_menu(window, ui["view"], ui["focus"], ui["dim"])
    editor = window.editor
    click(editor)
    press("F11")
    wait_until(window.isFullScreen, what="full screen")
    for _ in range(25):
        press("Down")
    press("End")
    press("Return")
    type_text(ui["typed"])
    settle(100)

    # The line being written is at 40 % of the screen's height, not at its bottom.
    height = editor.viewport().height()
    line = editor.cursorRect()
    assert abs(line.center().y() - 0.4 * height) <= line.height(), (line, height)
    # Its paragraph is drawn in full ink, the one before it fainter.
    image = editor.viewport().grab().toImage()
    scale = image.height() / height
    previous = editor.textCursor().block().previous()
    block_rect = editor.document().documentLayout().blockBoundingRect(previous)
    top = block_rect.top() - editor.verticalScrollBar().value()
    current = _darkest(image, int(line.top() * scale), int(line.bottom() * scale))
    other = _darkest(image, int(top * scale), int((top + block_rect.height()) * scale))
    assert current < 0.3 < other, (current, other)

    press("Escape")
    wait_until(lambda: not window.isFullScreen(), what="the window back")
    press("Ctrl+S")
    saved = saved_info(story)["sections"][0]["markdown"]
    assert f"\n\n{ui['typed']}\n\n" in saved
    window.close()

    again = start_app(story, language=language)
    menu = open_menu(again, ui["view"], ui["focus"])
    checked = {a.text().replace("&", ""): a.isChecked() for a in menu.actions() if a.isCheckable()}
    close_menus()
    assert checked[ui["typewriter"]] and checked[ui["dim"]]


@pytest.mark.parametrize("language", ["en", "de"])
def test_ctrl_end_and_ctrl_home_in_the_whole_article(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "ganz.newsdesk"
    _story(story, ui, language, sections=6)
    window = start_app(story, language=language)
    trigger_menu(window, ui["view"], ui["whole"])
    view = window.findChild(QScrollArea, "wholeArticleView")
    wait_until(view.isVisible, what="the whole article")
    click(window.editor)
    press("Ctrl+End")
    bar = view.verticalScrollBar()
    wait_until(lambda: bar.value() == bar.maximum() > 0, what="the end of the article on screen")
    type_text(ui["end"])
    press("Ctrl+Home")
    wait_until(lambda: bar.value() == bar.minimum(), what="the top of the article on screen")
    type_text(ui["start"])
    press("Ctrl+S")
    sections = saved_info(story)["sections"]
    assert sections[-1]["markdown"].rstrip().endswith(ui["end"].strip())
    assert sections[0]["markdown"].startswith(ui["start"] + ui["paragraph"])
    assert all(ui["end"].strip() not in s["markdown"] for s in sections[:-1])


def _page_background(pane) -> str:
    box: list[object] = []
    pane.view.page().runJavaScript(
        "getComputedStyle(document.body).backgroundColor",
        QWebEngineScript.ScriptWorldId.ApplicationWorld,
        box.append,
    )
    wait_until(lambda: box, what="the page's colour")
    return str(box[0])


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_preview_shows_the_pages_dark_style(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "dunkel.newsdesk"
    _story(story, ui, language)
    window = start_app(story, language=language)
    pane = window.findChild(QWidget, "preview_pane")
    wait_until(lambda: pane.isVisible() and pane.page_html, what="the preview's first page")
    if pane.is_simplified:
        pytest.skip("Chromium cannot start here: the simplified preview has no page styles")
    wait_until(lambda: _page_background(pane) == "rgb(255, 255, 255)", what="the light page")
    shown = [b for b in pane.findChildren(QToolButton) if b.isVisible()]
    buttons = [b for b in shown if b.text() == ui["dark"]]
    assert len(buttons) == 1, "no Dark button on the preview"
    click(buttons[0])
    wait_until(lambda: _page_background(pane) == "rgb(21, 21, 21)", what="the page's dark style")
    window.close()
    again = start_app(story, language=language)
    pane = again.findChild(QWidget, "preview_pane")
    wait_until(lambda: pane.isVisible() and pane.page_html, what="the preview after the restart")
    wait_until(lambda: _page_background(pane) == "rgb(21, 21, 21)", what="dark again")
