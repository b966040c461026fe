"""The simplified preview (no Qt WebEngine): the same page, a notice, nothing from outside."""

from __future__ import annotations

import os
import sys

import pytest
from PySide6.QtCore import QByteArray, QSettings, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument

from newsdesk.gui.preview import PreviewPane
from newsdesk.gui.preview.engine import ENV_VAR, create_preview_view
from newsdesk.gui.preview.fallback_view import FallbackPreviewView
from newsdesk.model.commands import SetArticleField
from tests.formats.html_export_fixtures import german_article
from tests.gui.article_states import bridged_state

WAIT_MS = 5_000


@pytest.fixture
def basic_pane(qtbot, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "basic")
    article = german_article()
    for section in article.walk_sections():
        section.markdown += "\n\n" + "\n\n".join(["Ein Absatz, der Platz braucht."] * 25)
    stack = bridged_state(article)
    pane = PreviewPane(stack)
    qtbot.addWidget(pane)
    pane.resize(900, 500)
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS):
        pane.show()
    return pane, stack


def page_text(qtbot, pane) -> str:
    box: list[str] = []
    pane.page_text(box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    return box[0]


def test_the_simplified_preview_says_so_and_shows_the_page(qtbot, basic_pane):
    pane, _stack = basic_pane
    assert pane.is_simplified
    assert pane.notice.isVisible()
    assert pane.notice.text().startswith("Simplified preview: the web engine is switched off")
    text = page_text(qtbot, pane)
    assert "Stadtrat beschließt Nachtbus-Versuch" in text
    assert "Nach monatelanger Debatte" in text
    assert "schema.org" not in text  # the JSON-LD stays data, it is not shown


def test_it_follows_typing_and_keeps_the_scroll_bar(qtbot, basic_pane):
    pane, stack = basic_pane
    pane.show_section("kommentar")
    position = pane.scroll_y()
    assert position > 0
    cursor = QTextCursor(stack.document("ueberblick"))
    cursor.movePosition(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS):
        cursor.insertText(" Auch an Feiertagen.")
    assert "Auch an Feiertagen." in page_text(qtbot, pane)
    assert pane.scroll_y() == position
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS):
        stack.push_command(SetArticleField("headline", "Nachtbusse kommen"))
    assert "Nachtbusse kommen" in page_text(qtbot, pane)


def test_a_section_asked_for_before_the_first_page_is_shown_then(qtbot, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "basic")
    article = german_article()
    article.sections[0].markdown += "\n\n" + "\n\n".join(["Noch ein Absatz."] * 60)
    pane = PreviewPane(bridged_state(article))
    qtbot.addWidget(pane)
    pane.resize(900, 500)
    pane.show_section("kommentar")
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS):
        pane.show()
    assert pane.scroll_y() > 0


def test_presets_set_the_width_of_the_page(qtbot, basic_pane):
    pane, _stack = basic_pane
    pane.set_preset("phone")
    assert pane.view.width() == 375
    assert pane.view.x() == (pane.frame.width() - 375) // 2
    pane.set_preset("desktop")
    assert pane.view.width() == pane.frame.width()  # narrower than 1280: all there is


def test_the_page_fits_the_pane_until_another_width_is_chosen_and_kept(qtbot, basic_pane):
    pane, stack = basic_pane
    assert pane.preset == "fit"  # the default: readable at any pane width
    assert pane.preset_buttons["fit"].isChecked()
    assert pane.view.geometry() == pane.frame.rect()
    pane.preset_buttons["tablet"].click()
    assert QSettings().value("preview/preset") == "tablet"
    again = PreviewPane(stack)  # the next start
    qtbot.addWidget(again)
    assert again.preset == "tablet" and again.preset_buttons["tablet"].isChecked()
    assert again.frame.css_width == 768
    QSettings().setValue("preview/preset", "watch")  # not ours: the default
    unknown = PreviewPane(stack)
    qtbot.addWidget(unknown)
    assert unknown.preset == "fit"


def test_nothing_outside_the_page_is_loaded(qtbot, basic_pane):
    pane, _stack = basic_pane
    html = (
        "<html><head><title>t</title></head><body><p>Fremde Bilder:</p>"
        '<img src="https://example.invalid/a.jpg"><img src="file:///etc/hostname">'
        '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4'
        '2mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="></body></html>'
    )
    pane.view.show_page(html)
    pane.view.viewport().repaint()  # images are asked for when laid out
    assert pane.blocked_requests >= 2
    assert sorted(pane.view.blocked_urls) == [
        "file:///etc/hostname",
        "https://example.invalid/a.jpg",
    ]


def test_the_pages_own_photos_come_from_its_assets(qtbot, basic_pane):
    pane, _stack = basic_pane
    image_type = QTextDocument.ResourceType.ImageResource
    assert len(pane.page_assets) == 2  # the lead photo and the map, linked relatively
    pane.view.viewport().repaint()  # images are asked for when laid out
    for url in pane.page_assets:
        assert f'src="{url}"' in pane.page_html
        resource = pane.view.document().resource(image_type.value, QUrl(url))
        image = QImage.fromData(resource) if isinstance(resource, QByteArray) else resource
        assert image is not None and not image.isNull()  # Qt keeps it as a QPixmap
        assert image.width() in (960, 900)
    assert pane.blocked_requests == 0
    known = next(iter(pane.page_assets))
    for elsewhere in ("preview-images/0000000000000000-960.jpg", f"/{known}", f"file:{known}"):
        assert pane.view.loadResource(image_type.value, QUrl(elsewhere)) is None
    assert pane.blocked_requests == 3


def test_a_web_engine_that_cannot_be_imported_gives_the_simplified_view(qtbot, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setitem(sys.modules, "newsdesk.gui.preview.web_view", None)  # import fails
    view = create_preview_view()
    qtbot.addWidget(view)
    assert isinstance(view, FallbackPreviewView)
    assert "the web engine could not start" in view.notice


def test_as_root_without_the_sandbox_switch_the_preview_is_simplified_not_a_crash(monkeypatch):
    """Chromium would end the whole process (work unsaved) when root starts it with a sandbox."""
    from newsdesk.gui.preview import engine

    monkeypatch.setattr(engine.os, "geteuid", lambda: 0)
    monkeypatch.delenv("QTWEBENGINE_DISABLE_SANDBOX", raising=False)
    monkeypatch.delenv("QTWEBENGINE_CHROMIUM_FLAGS", raising=False)
    assert engine.chromium_refuses_to_start()
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    assert not engine.chromium_refuses_to_start()
    monkeypatch.delenv("QTWEBENGINE_CHROMIUM_FLAGS")
    monkeypatch.setenv("QTWEBENGINE_DISABLE_SANDBOX", "1")
    assert not engine.chromium_refuses_to_start()
    monkeypatch.setattr(engine.os, "geteuid", lambda: 1000)
    monkeypatch.delenv("QTWEBENGINE_DISABLE_SANDBOX")
    assert not engine.chromium_refuses_to_start()


def test_the_refusal_as_root_shows_the_reason(qtbot, monkeypatch):
    from newsdesk.gui.preview import engine

    monkeypatch.setattr(engine.os, "geteuid", lambda: 0)
    monkeypatch.delenv("QTWEBENGINE_DISABLE_SANDBOX", raising=False)
    monkeypatch.delenv("QTWEBENGINE_CHROMIUM_FLAGS", raising=False)
    monkeypatch.delenv(engine.ENV_VAR, raising=False)
    view = engine.create_preview_view()
    qtbot.addWidget(view)
    assert "root" in view.notice


def test_the_view_and_the_first_render_wait_for_the_windows_first_paint(qtbot, monkeypatch):
    """Start-up: the window (editor, outline) is painted before the view is made and the page is
    rendered; what the window asks of the pane before that works without a view."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QMainWindow

    from newsdesk.formats import html_export

    monkeypatch.setenv(ENV_VAR, "basic")
    events: list[str] = []

    class PaintWatcher(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                events.append("paint with view" if pane.has_view else "paint")
            return False

    real_render = html_export.render_page
    monkeypatch.setattr(
        html_export,
        "render_page",
        lambda *args, **kwargs: events.append("render") or real_render(*args, **kwargs),
    )
    window = QMainWindow()
    qtbot.addWidget(window)
    stack = bridged_state(german_article())
    pane = PreviewPane(stack, window)
    window.setCentralWidget(pane)
    pane.show_section("kommentar")  # the window does this when it opens an article
    assert (pane.scroll_y(), pane.blocked_requests, pane.page_html) == (0.0, 0, "")
    pane.set_preset("phone")
    assert not pane.has_view
    watcher = PaintWatcher()
    pane.tabs.installEventFilter(watcher)
    window.show()
    qtbot.waitUntil(lambda: "render" in events, timeout=5000)
    assert events[0] == "paint"  # the first paint, before the view existed
    assert events.index("paint") < events.index("render")
    assert pane.has_view and pane.is_simplified and pane.notice.isVisible()
    assert pane.frame.view is pane.view and pane.view.width() == 375  # the preset chosen before
    qtbot.waitUntil(lambda: pane.scroll_y() > 0, timeout=5000)  # the section asked for before


def test_the_view_is_made_when_asked_for_before_the_first_paint(qtbot, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "basic")
    pane = PreviewPane(bridged_state(german_article()))
    qtbot.addWidget(pane)
    assert not pane.has_view
    assert pane.is_simplified  # makes the view to answer
    assert pane.has_view and pane.frame.view is pane.view
    texts: list[str] = []
    pane.refresh_now()
    pane.page_text(texts.append)
    qtbot.waitUntil(lambda: bool(texts), timeout=WAIT_MS)
    assert "Stadtrat beschließt Nachtbus-Versuch" in texts[0]


def test_a_link_clicked_in_the_simplified_preview_opens_in_the_browser(qtbot, basic_pane):
    from PySide6.QtCore import QUrl

    pane, _stack = basic_pane
    opened: list[str] = []
    pane.open_link = lambda url: opened.append(url.toString())
    view = pane.view
    view.anchorClicked.emit(QUrl("https://example.org/harbour"))
    view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://example.org/harbour"]


def test_the_preview_draws_in_software_unless_the_user_asked_for_the_gpu(monkeypatch):
    from newsdesk.gui.preview.engine import prefer_software_rendering

    monkeypatch.delenv("QT_QUICK_BACKEND", raising=False)
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--lang=de")
    assert prefer_software_rendering() is True
    assert os.environ["QT_QUICK_BACKEND"] == "software"
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split() == ["--lang=de", "--disable-gpu"]
    assert prefer_software_rendering() is True  # a second call adds nothing
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split() == ["--lang=de", "--disable-gpu"]

    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--ignore-gpu-blocklist")
    assert prefer_software_rendering() is False  # the user's GPU choice stands
    assert "--disable-gpu" not in os.environ["QTWEBENGINE_CHROMIUM_FLAGS"]
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "")
    monkeypatch.setenv("QT_QUICK_BACKEND", "rhi")
    assert prefer_software_rendering() is False
    assert os.environ["QT_QUICK_BACKEND"] == "rhi"
