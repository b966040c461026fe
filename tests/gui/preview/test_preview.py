"""The live preview in Chromium: follows typing, keeps and sets the scroll position, widths,
link card and search snippet, no page script, no network.

One pane is shared by the module's tests (starting Chromium is the slow part); tests that need a
page of their own use a bare view. Every wait has a timeout.
"""

from __future__ import annotations

import http.server
import io
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from PIL import Image as PILImage
from PySide6.QtCore import QEvent, QSettings, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript, QWebEngineSettings
from PySide6.QtWidgets import QApplication

from newsdesk.derived_cache import MemoryCache
from newsdesk.formats.html_export import render_page
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.preview import PreviewPane, register_preview_scheme
from newsdesk.gui.settings import Settings
from newsdesk.model.article import Section
from newsdesk.model.commands import AddSection, SetArticleField, SetSectionMarkdown
from tests.formats.html_export_fixtures import german_article
from tests.formats.test_render_cache import long_article
from tests.gui.article_states import bridged_state
from tests.gui.preview.child_process import run_offscreen

# Before any QApplication exists: pytest imports every test module before the first test runs.
SCHEME_REGISTERED = register_preview_scheme()

WAIT_MS = 10_000

_FILLER = (
    "Die Verwaltung rechnet mit steigenden Fahrgastzahlen, sobald sich das Angebot "
    "herumgesprochen hat; im ersten Halbjahr soll jede Fahrt gezählt werden."
)


def _wait_until(predicate: Callable[[], bool], timeout_ms: int = WAIT_MS) -> None:
    """Process events until `predicate()` holds (for module fixtures, which have no qtbot)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the preview did not get there in time")
        QApplication.processEvents()
        time.sleep(0.005)


def dispose(widget) -> None:
    """Delete a widget now: a web page left for a later event loop outlives its profile at exit."""
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _article():
    article = german_article()
    for section in article.walk_sections():
        section.markdown += "\n\n" + "\n\n".join([_FILLER] * 12)  # long enough to scroll
    return article


@pytest.fixture(scope="module")
def shared(qapp, tmp_path_factory) -> Iterator[tuple[PreviewPane, ArticleState]]:
    stack = bridged_state(_article())
    ini = tmp_path_factory.mktemp("preview-settings") / "settings.ini"
    pane = PreviewPane(stack, settings=Settings(QSettings(str(ini), QSettings.Format.IniFormat)))
    pane.test_settings_file = ini  # read back by the tests that check what is remembered
    shown = []
    pane.page_shown.connect(shown.append)
    pane.resize(1000, 600)
    pane.show()
    _wait_until(lambda: shown)
    yield pane, stack
    dispose(pane)


@pytest.fixture
def pane(shared, qtbot) -> PreviewPane:
    pane = shared[0]
    pane.tabs.setCurrentIndex(0)
    pane.set_preset("desktop")
    return pane


@pytest.fixture
def stack(shared) -> ArticleState:
    return shared[1]


def page_text(qtbot, view) -> str:
    box: list[str] = []
    view.page_text(box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    return box[0]


def page_width(qtbot, view) -> float:
    box: list[float] = []
    view.page_width(box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    return box[0]


def type_into(stack: ArticleState, section_id: str, text: str) -> None:
    cursor = QTextCursor(stack.document(section_id))
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(text)


def settle(qtbot, pane: PreviewPane) -> None:
    """Let a pending scroll report arrive (Chromium tells Qt asynchronously)."""
    qtbot.wait(150)


def test_the_scheme_is_registered_before_the_application():
    assert SCHEME_REGISTERED


def test_the_preview_shows_what_the_export_writes(qtbot, pane, stack):
    pane.refresh_now()
    expected = render_page(
        stack.article, assets="preview", cache=MemoryCache(), missing_images="placeholder"
    ).html
    assert pane.page_html == expected
    assert not pane.is_simplified
    assert pane.notice.isHidden()
    text = page_text(qtbot, pane)
    assert "Stadtrat beschließt Nachtbus-Versuch" in text
    assert "MEINUNG" in text.upper()  # the opinion label, drawn by the exported stylesheet


def test_typing_reaches_the_page_after_a_short_pause(qtbot, pane, stack):
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS) as shown:
        started = time.monotonic()
        type_into(stack, "kommentar", " Die Opposition will nachverhandeln.")
    elapsed = time.monotonic() - started
    assert shown.args == ["patch"]  # only the changed section was swapped in
    assert elapsed < 1.5  # the pause + render + patch; generous for a busy test machine
    assert "Die Opposition will nachverhandeln." in page_text(qtbot, pane)
    assert "Die Opposition will nachverhandeln." in stack.article.find_section("kommentar").markdown


def test_commands_and_undo_reach_the_page(qtbot, pane, stack):
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS):
        stack.push_command(SetSectionMarkdown("ueberblick", "Die Linie N4 kommt im Mai dazu."))
    assert "Die Linie N4 kommt im Mai dazu." in page_text(qtbot, pane)
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS):
        stack.undo()
    text = page_text(qtbot, pane)
    assert "Die Linie N4" not in text
    assert "N1, N2 und N3 starten" in text


def test_the_scroll_position_is_kept_across_patches_and_loads(qtbot, pane, stack):
    pane.show_section("kommentar")
    qtbot.waitUntil(lambda: pane.scroll_y() > 100, timeout=WAIT_MS)
    settle(qtbot, pane)
    position = pane.scroll_y()
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS) as shown:
        type_into(stack, "kommentar", " Noch ein Satz.")
    assert shown.args == ["patch"]
    settle(qtbot, pane)
    assert abs(pane.scroll_y() - position) <= 2
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS) as shown:
        stack.push_command(SetArticleField("kicker", "Nahverkehr"))
    assert shown.args == ["patch"]  # the header, swapped in place
    assert "NAHVERKEHR" in page_text(qtbot, pane).upper()
    settle(qtbot, pane)
    assert abs(pane.scroll_y() - position) <= 2
    added = Section(heading="Nachtrag", markdown="Der Fahrplan erscheint im Februar.")
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS) as shown:
        stack.push_command(AddSection(added))
    assert shown.args == ["load"]  # one section more: the whole page was loaded again
    settle(qtbot, pane)
    assert abs(pane.scroll_y() - position) <= 2
    assert "Der Fahrplan erscheint im Februar." in page_text(qtbot, pane)
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS):
        stack.undo()


def test_show_section_scrolls_to_the_section(qtbot, pane):
    pane.show_section("ueberblick")
    qtbot.waitUntil(lambda: pane.scroll_y() > 300, timeout=WAIT_MS)
    settle(qtbot, pane)
    last = pane.scroll_y()
    pane.show_section("aenderungen")
    qtbot.waitUntil(lambda: 0 < pane.scroll_y() < last, timeout=WAIT_MS)
    pane.show_section("no-such-section")  # ignored
    # The lead: the top of the page, so that the headline and the lead photo show with it.
    pane.show_section("lead")
    qtbot.waitUntil(lambda: pane.scroll_y() == 0, timeout=WAIT_MS)


def test_typing_out_of_view_brings_the_section_into_view(qtbot, pane, stack):
    pane.show_section("lead")
    settle(qtbot, pane)
    top = pane.scroll_y()
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS):
        type_into(stack, "ueberblick", " Auch sonntags.")
    qtbot.waitUntil(lambda: pane.scroll_y() > top + 600, timeout=WAIT_MS)


def test_width_presets(qtbot, pane):
    frame_width = pane.frame.width()
    assert frame_width < 1280  # so desktop must zoom out to fit
    pane.set_preset("phone")
    qtbot.waitUntil(lambda: page_width(qtbot, pane) == 375, timeout=WAIT_MS)
    assert pane.view.width() == 375
    assert pane.view.x() == (frame_width - 375) // 2  # centred
    assert pane.preset_buttons["phone"].isChecked()
    pane.preset_buttons["tablet"].click()
    assert pane.preset == "tablet"
    qtbot.waitUntil(lambda: page_width(qtbot, pane) == 768, timeout=WAIT_MS)
    pane.set_preset("desktop")
    assert pane.view.width() == frame_width
    assert pane.view.zoomFactor() == pytest.approx(frame_width / 1280)
    qtbot.waitUntil(lambda: abs(page_width(qtbot, pane) - 1280) <= 1, timeout=WAIT_MS)
    with pytest.raises(ValueError):
        pane.set_preset("watch")


def test_fit_lays_the_page_out_at_the_pane_width_at_full_size(qtbot, pane):
    """What a reader with a window as wide as the pane sees: no zooming out."""
    pane.preset_buttons["fit"].click()
    assert pane.preset == "fit"
    frame_width = pane.frame.width()
    assert pane.view.geometry() == pane.frame.rect()
    assert pane.view.zoomFactor() == 1.0
    qtbot.waitUntil(lambda: abs(page_width(qtbot, pane) - frame_width) <= 1, timeout=WAIT_MS)
    assert (
        Settings(QSettings(str(pane.test_settings_file), QSettings.Format.IniFormat)).preview_preset
        == "fit"
    )
    pane.resize(700, 600)  # the page follows the pane
    qtbot.waitUntil(lambda: pane.frame.width() != frame_width, timeout=WAIT_MS)
    assert pane.view.width() == pane.frame.width() and pane.view.zoomFactor() == 1.0
    pane.resize(1000, 600)


def test_link_card_and_search_result(qtbot, pane, stack):
    assert pane.preset_bar.isVisible()
    pane.tabs.setCurrentIndex(1)
    assert not pane.preset_bar.isVisible()  # the widths are for the page only
    card = pane.social_card
    assert card.title.text() == stack.article.headline
    assert card.description.text() == stack.article.description
    pixmap = card.image.pixmap()
    assert not pixmap.isNull()
    assert (pixmap.width(), pixmap.height()) == (card.image.width(), card.image.height())
    pane.tabs.setCurrentIndex(2)
    snippet = pane.search_snippet
    assert snippet.address.text() == "your site › nachtbus-versuch-kassel"
    assert snippet.title.text() == stack.article.headline
    assert stack.article.description in snippet.description.text()

    long_headline = (
        "Stadtrat beschließt nach monatelanger Debatte einen einjährigen Versuch mit Nachtbussen "
        "für die Außenbezirke und die Innenstadt"
    )
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS):
        stack.push_command(SetArticleField("headline", long_headline))
    assert snippet.title.text().endswith(" …")
    assert len(snippet.title.text()) <= 62
    assert long_headline.startswith(snippet.title.text()[:-2])
    pane.tabs.setCurrentIndex(1)
    assert card.title.text().endswith(" …")
    assert len(card.title.text()) <= 92
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS):
        stack.undo()
    assert not pane.preset_bar.isVisible()
    pane.tabs.setCurrentIndex(0)
    assert pane.preset_bar.isVisible()


# --- a bare view for pages of the tests' own -----------------------------------------------------


class _CountingServer(http.server.ThreadingHTTPServer):
    hits: list[str]


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"body { background: red; }")

    def log_message(self, *args) -> None:
        return None


@pytest.fixture
def local_server() -> Iterator[_CountingServer]:
    server = _CountingServer(("127.0.0.1", 0), _Handler)
    server.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def bare_view(qtbot):
    from newsdesk.gui.preview.web_view import WebPreviewView

    view = WebPreviewView()
    view.resize(800, 600)
    view.show()
    yield view
    dispose(view)


def _remote_page(base: str) -> str:
    return f"""<!DOCTYPE html><html><head><title>Fixture</title>
<link rel="stylesheet" href="{base}/style.css">
<link rel="preload" as="image" href="{base}/preload.png">
<style>@import url("{base}/imported.css"); .bg {{ background: url("{base}/bg.png"); }}</style>
</head><body>
<p class="bg">Remote things follow.</p>
<img src="{base}/photo.jpg" alt="remote photo">
<img src="https://example.invalid/elsewhere.jpg" alt="far away">
<img src="file:///etc/hostname" alt="local file">
<iframe src="{base}/frame.html"></iframe>
<video poster="{base}/poster.jpg"></video>
<a href="{base}/link">a link</a>
</body></html>"""


def test_a_page_reaches_nothing_on_the_network(qtbot, bare_view, local_server):
    # The page's settings stop remote and file resources before Chromium asks for them.
    with qtbot.waitSignal(bare_view.shown, timeout=WAIT_MS):
        bare_view.show_page(_remote_page(f"http://127.0.0.1:{local_server.server_port}"))
    qtbot.wait(500)  # anything late would reach the server now
    assert local_server.hits == []
    assert "Remote things follow." in page_text(qtbot, bare_view)


def test_the_request_blocker_alone_stops_every_outside_request(qtbot, bare_view, local_server):
    # Were the settings ever loosened, the blocker still refuses each request and counts it.
    settings = bare_view.page().settings()
    for attribute in ("LocalContentCanAccessRemoteUrls", "LocalContentCanAccessFileUrls"):
        settings.setAttribute(getattr(QWebEngineSettings.WebAttribute, attribute), True)
    with qtbot.waitSignal(bare_view.shown, timeout=WAIT_MS):
        bare_view.show_page(_remote_page(f"http://127.0.0.1:{local_server.server_port}"))
    names = ("style.css", "imported.css", "photo.jpg", "bg.png", "elsewhere.jpg", "/etc/hostname")
    qtbot.waitUntil(
        lambda: all(name in " ".join(bare_view.blocker.blocked_urls) for name in names),
        timeout=WAIT_MS,
    )
    qtbot.wait(300)
    assert bare_view.blocked_requests >= len(names)
    assert local_server.hits == []


def test_page_script_does_not_run(qtbot, bare_view):
    html = """<!DOCTYPE html><html><head><title>Fixture</title></head>
<body onload="document.title = 'onload ran'">
<p id="marker">untouched</p>
<script>
document.getElementById("marker").textContent = "SCRIPT RAN";
document.title = "ran";
</script>
<img src="data:," onerror="document.title = 'onerror ran'">
</body></html>"""
    with qtbot.waitSignal(bare_view.shown, timeout=WAIT_MS):
        bare_view.show_page(html)
    qtbot.wait(200)
    assert "untouched" in page_text(qtbot, bare_view)
    assert "SCRIPT RAN" not in page_text(qtbot, bare_view)
    assert bare_view.page().title() == "Fixture"


def _jpeg(shade: int) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (96, 64), (shade, 80, 120)).save(buffer, "JPEG")
    return buffer.getvalue()


def _photo_page(names: list[str], filler: str = _FILLER * 40) -> str:
    """A page in the exporter's shape: sections with a photo each, far apart."""
    sections = "".join(
        f'<section id="s{n}"><p>{filler}</p><img src="{name}" width="960" height="640" '
        f'loading="{"eager" if n == 0 else "lazy"}"></section>'
        for n, name in enumerate(names)
    )
    return (
        "<!DOCTYPE html><html><head><title>Fotos</title></head><body>"
        f'<article class="article">{sections}</article></body></html>'
    )


def _loaded_photos(qtbot, view) -> list[str]:
    """The photos Chromium has decoded, by the src the page gives."""
    box: list[object] = []
    view.page().runJavaScript(
        "Array.from(document.images).filter(i => i.naturalWidth > 0)"
        ".map(i => i.getAttribute('src')).join(' ')",
        QWebEngineScript.ScriptWorldId.ApplicationWorld,
        box.append,
    )
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    return sorted(box[0].split()) if isinstance(box[0], str) else []


def test_photos_are_served_from_the_pages_assets(qtbot, bare_view):
    assets = {f"preview-images/{n:016x}-960.jpg": _jpeg(40 * n) for n in range(4)}
    names = sorted(assets)
    with qtbot.waitSignal(bare_view.shown, timeout=WAIT_MS):
        bare_view.show_page(_photo_page(names), assets=assets)
    bare_view.scroll_to_y(1_000_000)  # lazy photos are asked for once near the view
    qtbot.waitUntil(lambda: _loaded_photos(qtbot, bare_view) == names, timeout=WAIT_MS)
    assert bare_view.handler.requested == dict.fromkeys(names, 1)
    assert bare_view.blocked_requests == 0

    # A patched section brings a new photo: the handler has it before the patch asks for it.
    changed = {**assets, "preview-images/00000000000000ff-960.jpg": _jpeg(250)}
    del changed[names[1]]
    new_names = sorted(changed)
    with qtbot.waitSignal(bare_view.shown, timeout=WAIT_MS) as shown:
        bare_view.show_page(_photo_page([names[0], new_names[-1], *names[2:]]), assets=changed)
    assert shown.args == ["patch"]
    qtbot.waitUntil(lambda: _loaded_photos(qtbot, bare_view) == new_names, timeout=WAIT_MS)
    assert bare_view.handler.requested["preview-images/00000000000000ff-960.jpg"] == 1
    assert bare_view.blocked_requests == 0


def test_the_preview_page_carries_no_photo_bytes(pane, stack):
    pane.refresh_now()
    assert "data:image" not in pane.page_html
    assert len(pane.page_assets) == 2
    assert all(f'src="{url}"' in pane.page_html for url in pane.page_assets)
    assert pane.blocked_requests == 0


def test_links_do_not_navigate_and_no_window_opens(bare_view):
    page = bare_view.page()
    clicked = QWebEnginePage.NavigationType.NavigationTypeLinkClicked
    assert not page.acceptNavigationRequest(QUrl("https://example.org/"), clicked, True)
    assert not page.acceptNavigationRequest(QUrl("file:///etc/passwd"), clicked, True)
    assert page.acceptNavigationRequest(QUrl("newsdesk-preview:page?v=9"), clicked, True)
    assert page.createWindow(QWebEnginePage.WebWindowType.WebBrowserTab) is None


def test_a_long_article_renders_one_section_per_pause(qtbot):
    stack = bridged_state(long_article(sections=100, words_per_section=120, photos=4))
    pane = PreviewPane(stack)
    pane.resize(900, 600)
    try:
        pane.show_section(stack.article.sections[60].id)  # before there is a page
        with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS * 3):
            pane.show()
        qtbot.waitUntil(lambda: pane.scroll_y() > 10_000, timeout=WAIT_MS)
        _type_in_a_long_read(qtbot, pane, stack)
    finally:
        dispose(pane)


def _type_in_a_long_read(qtbot, pane: PreviewPane, stack: ArticleState) -> None:
    cache = pane.render_cache
    rendered = cache.misses
    section = stack.article.sections[60]
    with qtbot.waitSignal(pane.page_shown, timeout=WAIT_MS) as shown:
        type_into(stack, section.id, " Words typed in a long read.")
    assert shown.args == ["patch"]
    assert cache.misses == rendered + 1
    assert "Words typed in a long read." in page_text(qtbot, pane)
    assert (
        pane.page_html
        == render_page(
            stack.article, assets="preview", cache=MemoryCache(), missing_images="placeholder"
        ).html
    )


_LEFT_FOR_LATER = """
from newsdesk.gui.preview import PreviewPane, register_preview_scheme

register_preview_scheme()

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.editor.markdown_bridge import document_to_markdown
from newsdesk.gui.editor.section_editor import new_section_document
from newsdesk.model.article import Article, Section


def test_left_for_a_later_event_loop(qtbot):
    state = ArticleState(
        Article(headline="Exit", sections=[Section()]),
        document_factory=new_section_document,
        to_markdown=document_to_markdown,
    )
    pane = PreviewPane(state)
    qtbot.addWidget(pane)  # closed and deleteLater() after the test: deleted by no one
    pane.show()
"""


def test_a_preview_left_undeleted_does_not_crash_the_exit(tmp_path):
    (tmp_path / "test_left.py").write_text(_LEFT_FOR_LATER, encoding="utf-8")
    done = run_offscreen(
        ["-m", "pytest", "-q", "-p", "no:cacheprovider", "test_left.py"], tmp_path, timeout=120
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
    assert "still not deleted" not in done.stderr


def test_a_clicked_link_opens_in_the_browser_never_in_the_preview(pane):
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineCore import QWebEnginePage

    opened: list[str] = []
    pane.open_link = lambda url: opened.append(url.toString())
    page = pane.view.page()
    clicked = QWebEnginePage.NavigationType.NavigationTypeLinkClicked
    typed = QWebEnginePage.NavigationType.NavigationTypeTyped
    url = QUrl("https://example.org/ferry-timetable")
    assert page.acceptNavigationRequest(url, clicked, True) is False  # not followed here
    assert opened == ["https://example.org/ferry-timetable"]
    # Not a click (a redirect, a typed address), or not a web link: nothing opens anywhere.
    assert page.acceptNavigationRequest(QUrl("https://example.org/x"), typed, True) is False
    assert page.acceptNavigationRequest(QUrl("file:///etc/passwd"), clicked, True) is False
    assert opened == ["https://example.org/ferry-timetable"]


def test_the_first_render_is_prepared_a_piece_per_turn_of_the_event_loop(qtbot, monkeypatch):
    """Keys typed right after the window appears are handled between the pieces (Markdown a few
    sections at a time, one photo at a time) instead of waiting for the whole first render."""
    import newsdesk.gui.preview.preview_pane as preview_module

    monkeypatch.setattr(preview_module, "SECTIONS_PER_TURN", 2)
    article = long_article(sections=6, words_per_section=60, photos=2)
    stack = bridged_state(article)
    pane = PreviewPane(stack)
    qtbot.addWidget(pane)
    work = pane._first_render_work()  # run a piece per turn by first_paint.in_turns
    photos = sum(1 for image in article.images if image.has_photo)
    assert len(work) == photos + 3
    work[-1]()  # a text piece fills the render cache
    assert len(pane.render_cache) > 0
    work[0]()  # a photo piece queues the photo for the worker threads, which make its sizes
    assert pane.photo_preparer.waiting == 1
    qtbot.waitUntil(lambda: pane.photo_preparer.waiting == 0, timeout=WAIT_MS)
    assert len(pane.image_cache) > 0


def test_a_script_answer_pending_when_the_view_goes_is_not_acted_on(qtbot):
    # Qt answers the scripts still pending from inside the page's destructor (an empty result);
    # acting on it then reached into a page being destroyed (a crash seen once in a teardown).
    from newsdesk.gui.preview.web_view import WebPreviewView

    view = WebPreviewView()
    view.resize(400, 300)
    view.show()
    with qtbot.waitSignal(view.shown, timeout=WAIT_MS):
        view.show_page("<html><body><p>Late ferry</p></body></html>", keep_scroll=False)
    answers: list[object] = []
    view.page_text(answers.append)  # both still waiting for their answer when the view goes
    view._run("new Promise(resolve => setTimeout(() => resolve(1), 5000))", answers.append)
    dispose(view)
    qtbot.wait(100)
    assert answers == []
