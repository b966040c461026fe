"""Journey: View > Page Layout (issue 18), in English and German.

The journalist chooses the Tabloid layout: the preview shows the page in it, File > Export writes
it, the project file keeps the choice and the next start shows it again. Then they choose their
own stylesheet, which hides the photo credit: the Check says so. A stylesheet that loads from the
network is refused with a message in the window's language, and the layout stays as it was.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget

from newsdesk.model.article import Article, Image, Section
from newsdesk.store import create_project
from tests.formats.html_export_fixtures import jpeg_bytes
from tests.journeys.harness import (
    answer,
    click_tab,
    expect_dialog,
    fill_file_dialog,
    saved_info,
    trigger_menu,
    wait_until,
)
from tests.journeys.test_export import fill_export_dialog

UI = {
    "en": {
        "view": "View",
        "layout": "Page Layout",
        "tabloid": "Tabloid (bold)",
        "own": "Your Stylesheet",
        "file": "File",
        "export": "Export…",
        "export_button": "Export",
        "hidden": "the page layout hides the credit",
        "refused": "from the network",
        "ok": "OK",
        "check_tab": "Check",
    },
    "de": {
        "view": "Ansicht",
        "layout": "Seitenlayout",
        "tabloid": "Boulevard (kräftig)",
        "own": "Eigenes Stylesheet",
        "file": "Datei",
        "export": "Exportieren …",
        "export_button": "Exportieren",
        "hidden": "Das Seitenlayout verbirgt den Bildnachweis",
        "refused": "aus dem Netz",
        "ok": "OK",
        "check_tab": "Prüfung",
    },
}


def market_story() -> Article:
    return Article(
        headline="Wochenmarkt zieht auf den Rathausplatz",
        byline="Von Lea Sommer",
        description="Der Markt bekommt mehr Platz.",
        language="de",
        sections=[
            Section(markdown="Ab April stehen die Stände vor dem Rathaus.\n\n![](image:markt)"),
            Section(heading="Kommentar", kind="opinion", markdown="Eine gute Wahl."),
        ],
        images=[
            Image(
                id="markt",
                role="inline",
                data=jpeg_bytes(size=(1200, 800)),
                width=1200,
                height=800,
                caption="Marktstände am Morgen",
                alt="Bunte Marktstände mit Obst und Gemüse",
                credit="Lea Sommer",
            )
        ],
    )


def _layout_of(story) -> str:
    stored = saved_info(story)["properties"].get("layout")
    return json.loads(stored)["name"] if stored else ""


def shown_weight(pane) -> str:
    """The font weight of the headline on the page the preview shows (what the reader sees)."""
    from PySide6.QtWebEngineCore import QWebEngineScript

    answers: list[str] = []
    pane.view.page().runJavaScript(
        "getComputedStyle(document.querySelector('h1')).fontWeight",
        QWebEngineScript.ScriptWorldId.ApplicationWorld,
        lambda value: answers.append(str(value)),
    )
    wait_until(lambda: answers, what="the shown page's answer")
    return answers[0]


def _check_texts(window) -> list[str]:
    panel = window.findChild(QListWidget, "preflight_list")
    return [panel.item(row).text() for row in range(panel.count())]


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_layout_is_chosen_shown_exported_and_kept(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "markt.newsdesk"
    create_project(story, market_story()).close()
    window = start_app(story, language=language)
    pane = window.panes.preview
    wait_until(lambda: pane.page_html, what="the preview's first page")

    trigger_menu(window, ui["view"], ui["layout"], ui["tabloid"])
    wait_until(lambda: shown_weight(pane) == "800", what="the tabloid's heavy headline on screen")
    wait_until(lambda: _layout_of(story) == "tabloid", 6.0, "the choice in the project file")

    page = tmp_path / "markt.html"
    with expect_dialog(fill_export_dialog(page, ui["export_button"])):
        trigger_menu(window, ui["file"], ui["export"])
    assert "/* House layout: tabloid */" in page.read_text(encoding="utf-8")

    window.close()
    again = start_app(story, language=language)
    tabloid = again.findChild(QAction, "layout_tabloid")
    assert tabloid.isChecked()
    wait_until(
        lambda: "/* House layout: tabloid */" in again.panes.preview.page_html,
        what="the tabloid page after the restart",
    )


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_check_finds_what_my_stylesheet_hides(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "markt.newsdesk"
    create_project(story, market_story()).close()
    hiding = tmp_path / "hausstil.css"
    hiding.write_text("h1 { font-weight: 300 }\n.credit { display: none }\n", encoding="utf-8")
    remote = tmp_path / "fremd.css"
    remote.write_text("body { background: url(https://werbung.example/p.gif) }", encoding="utf-8")
    window = start_app(story, language=language)
    pane = window.panes.preview
    wait_until(lambda: pane.page_html, what="the preview's first page")

    with expect_dialog(fill_file_dialog(hiding)):
        trigger_menu(window, ui["view"], ui["layout"], ui["own"])
    wait_until(lambda: shown_weight(pane) == "300", what="my stylesheet's light headline on screen")
    click_tab(window, ui["check_tab"])  # the findings are read where the journalist reads them
    wait_until(
        lambda: any(ui["hidden"] in text for text in _check_texts(window)),
        20.0,
        "the check's finding about the hidden credit",
    )
    wait_until(lambda: _layout_of(story) == "custom", 6.0, "my stylesheet in the project file")

    # The entry now names the stylesheet in use; choosing it again picks another file.
    chosen = f"{ui['own']}: hausstil.css"
    with expect_dialog(fill_file_dialog(remote)), expect_dialog(answer(ui["ok"])) as seen:
        trigger_menu(window, ui["view"], ui["layout"], chosen)
    assert ui["refused"] in seen.text and "fremd.css" in seen.text
    assert shown_weight(pane) == "300"  # still my first stylesheet


def test_with_the_preview_closed_the_check_still_measures_my_stylesheet(start_app, tmp_path):
    story = tmp_path / "markt.newsdesk"
    create_project(story, market_story()).close()
    hiding = tmp_path / "leise.css"
    hiding.write_text(".credit { font-size: 2px }\n", encoding="utf-8")
    window = start_app(story, language="en")
    trigger_menu(window, "View", "Preview")  # the dock closes
    wait_until(lambda: not window.panes.preview.isVisible(), what="the preview to close")
    with expect_dialog(fill_file_dialog(hiding)):
        trigger_menu(window, "View", "Page Layout", "Your Stylesheet")
    click_tab(window, "Check")
    wait_until(
        lambda: any("hides the credit (too small to read)" in t for t in _check_texts(window)),
        20.0,
        "the check's finding with the preview closed",
    )
