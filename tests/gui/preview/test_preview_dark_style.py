"""The preview's "Dark" button (issue 18): the page in its own dark style (its prefers-color-scheme:
dark rules) instead of the light page most readers see; light by default whatever the window's
appearance; remembered; the exported page untouched."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QApplication

from newsdesk.formats.html_export import render_page
from newsdesk.gui.appearance import apply_appearance, light_palette
from newsdesk.gui.preview import PreviewPane
from newsdesk.gui.preview.color_scheme import MARK_ATTRIBUTE, page_in_scheme
from newsdesk.gui.settings import Settings
from newsdesk.model.article import Article, Section
from tests.gui.article_states import bridged_state
from tests.gui.preview.test_preview import WAIT_MS, _wait_until, dispose

FILLER = "The night ferry leaves at eleven; the harbour office keeps its lights on until then."
TYPED = "Designers write (prefers-color-scheme: dark) in their stylesheets."


def _article() -> Article:
    return Article(
        headline="Night ferry",
        language="en",
        sections=[
            Section(id="lead", markdown=TYPED + "\n\n" + "\n\n".join([FILLER] * 40)),
            Section(id="box", heading="Times", kind="box", markdown="Last boat 23:10."),
        ],
    )


def test_the_copy_for_the_view_decides_the_scheme_in_the_head_only():
    html = render_page(_article(), assets="preview").html
    head, body = html.split("</head>", 1)
    assert "prefers-color-scheme: dark" in head  # the page follows its reader's system
    for scheme in ("light", "dark"):
        shown = page_in_scheme(html, scheme)
        shown_head, shown_body = shown.split("</head>", 1)
        assert not re.search(r"prefers-color-scheme", shown_head)
        assert f'{MARK_ATTRIBUTE}="{scheme}"' in shown_head
        assert f"color-scheme: {scheme}" in shown_head
        assert shown_body == body  # the article's text stays as typed
        assert TYPED in shown_body
    with pytest.raises(ValueError):
        page_in_scheme(html, "sepia")


@pytest.fixture(scope="module")
def settings_file(tmp_path_factory):
    return tmp_path_factory.mktemp("dark-style") / "settings.ini"


def _settings(path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


@pytest.fixture(scope="module")
def pane(qapp, settings_file) -> Iterator[PreviewPane]:
    pane = PreviewPane(bridged_state(_article()), settings=_settings(settings_file))
    shown: list[str] = []
    pane.page_shown.connect(shown.append)
    pane.resize(800, 500)
    pane.show()
    _wait_until(lambda: bool(shown))
    yield pane
    dispose(pane)
    QApplication.setPalette(light_palette())


def _page_colour(qtbot, pane: PreviewPane) -> str:
    box: list[object] = []
    pane.view.page().runJavaScript(
        "getComputedStyle(document.body).backgroundColor",
        QWebEngineScript.ScriptWorldId.ApplicationWorld,
        box.append,
    )
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    return str(box[0])


LIGHT_PAGE = "rgb(255, 255, 255)"
DARK_PAGE = "rgb(21, 21, 21)"  # article.css's dark --background, #151515


def test_light_by_default_even_in_a_dark_window(qtbot, pane):
    assert not pane.dark_style_button.isChecked()
    assert _page_colour(qtbot, pane) == LIGHT_PAGE
    apply_appearance("dark")
    pane.refresh_now()
    qtbot.wait(100)
    assert _page_colour(qtbot, pane) == LIGHT_PAGE
    apply_appearance("light")


def test_the_dark_button_shows_the_pages_dark_style_and_keeps_the_place(qtbot, pane, settings_file):
    pane.view.scroll_to_y(600)
    qtbot.waitUntil(lambda: pane.scroll_y() > 300, timeout=WAIT_MS)
    place = pane.scroll_y()
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS):
        pane.dark_style_button.click()
    qtbot.waitUntil(lambda: _page_colour(qtbot, pane) == DARK_PAGE, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: abs(pane.scroll_y() - place) < 40, timeout=WAIT_MS)
    # What the export writes is not the preview's copy: it still follows its reader.
    assert "@media (prefers-color-scheme: dark)" in pane.page_html
    assert _settings(settings_file).preview_dark_style
    # Typing on in dark style: the page follows and stays dark.
    pane.refresh_now()
    qtbot.wait(100)
    assert _page_colour(qtbot, pane) == DARK_PAGE
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS):
        pane.dark_style_button.click()
    qtbot.waitUntil(lambda: _page_colour(qtbot, pane) == LIGHT_PAGE, timeout=WAIT_MS)
    assert not _settings(settings_file).preview_dark_style


def test_the_choice_is_there_at_the_next_start(qtbot, tmp_path):
    path = tmp_path / "settings.ini"
    _settings(path).preview_dark_style = True
    pane = PreviewPane(bridged_state(_article()), settings=_settings(path))
    qtbot.addWidget(pane)
    assert pane.dark_style_button.isChecked() and pane.dark_style
