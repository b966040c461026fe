"""The publish dialog against a small local server of our own, for what the real WordPress
cannot be made to answer: a refused password (forgotten, asked again) and a site that is not
WordPress (one line, nothing in the article changes). Answers to the questions come from the
`answers` fixture (the journalist's clicks); the keyring is a file backend (keyrings.alt)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from newsdesk.gui.publish.publish_dialog import PublishDialog, progress_text
from newsdesk.model.article import Article, Section
from newsdesk.publication import PublicationProfile
from newsdesk.publish.credentials import load_password, store_password
from tests.gui.window_helpers import make_project, new_window

INDEX = {"name": "Inselblatt", "namespaces": ["wp/v2"]}


@pytest.fixture
def file_keyring(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "keys"))
    previous = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def site():
    """A server answering by path: {path: (status, json)}; unknown paths are 404."""
    routes: dict[str, tuple[int, object]] = {}
    received: list[tuple[str, str, bytes]] = []  # method, path, body

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            received.append((self.command, self.path, body))
            status, body = routes.get(self.path.split("?")[0], (404, {"code": "rest_no_route"}))
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _answer  # noqa: N815

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    routes["received"] = received  # type: ignore[assignment]  (for the tests to read)
    yield f"http://127.0.0.1:{server.server_address[1]}", routes
    server.shutdown()
    server.server_close()


def open_dialog(qtbot, tmp_path, url):
    article = Article(
        headline="Fähre nach Süderoog fährt wieder",
        byline="Jörg Weiß",
        description="Die Fähre fährt ab Mai täglich.",
        sections=[Section(markdown="Die Gemeinde hat die Fähre für zwei Jahre gesichert.")],
    )
    path = make_project(tmp_path / "faehre.newsdesk", article)
    window = new_window(qtbot, tmp_path)
    assert window.files.open_path(path)
    profile = PublicationProfile(name="Inselblatt", wordpress_url=url, wordpress_user="redaktion")
    dialog = PublishDialog(window.files, [profile], "Inselblatt", parent=window, timeout=5)
    qtbot.addWidget(dialog)
    return window, dialog, path


@pytest.fixture
def english(qapp):
    from newsdesk.gui.translations import TsTranslator, translations_dir

    translator = TsTranslator(translations_dir() / "newsdesk_en.ts")
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_what_will_be_sent_is_shown_before_anything_is_sent(qtbot, tmp_path, site, english):
    url, _routes = site
    _window, dialog, _path = open_dialog(qtbot, tmp_path, url)
    assert dialog.summary["title"].text() == "Fähre nach Süderoog fährt wieder"
    assert dialog.summary["photos"].text() == "0 photos, 0 already on the site"
    assert dialog.summary["post"].text() == "a new post"
    future = dialog.status.model().item(dialog.status.findData("future"))
    assert not future.isEnabled()  # no publish date ahead: nothing to schedule
    assert progress_text("photo", 2, 20, url) == "Photo 3 of 20"


def test_a_refused_password_is_forgotten_and_asked_again(
    qtbot,
    tmp_path,
    site,
    file_keyring,
    answers,
):
    url, routes = site
    routes["/wp-json/"] = (200, INDEX)
    routes["/wp-json/wp/v2/users/me"] = (
        401,
        {"code": "incorrect_password", "message": "The password is wrong."},
    )
    store_password(url, "redaktion", "alt1 alt2 alt3 alt4")
    window, dialog, _path = open_dialog(qtbot, tmp_path, url)
    answers.answer("cancel")  # "Type the password again?" — not now
    dialog.start_publish()
    qtbot.waitUntil(
        lambda: not dialog._busy() and "Not published" in dialog.message.text(), timeout=10_000
    )
    assert "refused the user name or Application Password" in dialog.message.text()
    assert load_password(url, "redaktion") is None  # the refused one is gone from the keyring
    assert "refused" in answers.asked[0][1]
    assert "wordpress" not in window.files.article.properties


def test_a_site_that_is_not_wordpress_is_one_line_and_changes_nothing(
    qtbot,
    tmp_path,
    site,
    file_keyring,
):
    url, routes = site
    routes["/wp-json/"] = (200, b"<html>Willkommen</html>")
    store_password(url, "redaktion", "abcd efgh ijkl mnop")
    window, dialog, _path = open_dialog(qtbot, tmp_path, url)
    before = dict(window.files.article.properties)
    dialog.start_publish()
    qtbot.waitUntil(
        lambda: not dialog._busy() and "Not published" in dialog.message.text(), timeout=10_000
    )
    assert "does not answer like a WordPress site" in dialog.message.text()
    assert "\n" not in dialog.message.text()
    assert window.files.article.properties == before
    assert dialog.close_button.isEnabled()


def answer_password(password: str, labels: list[str], before_ok=lambda: None) -> None:
    """Type the password into the dialog that asks for it, and click OK."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, look)
            return
        labels.append(dialog.labelText())
        edit = dialog.findChild(QLineEdit)
        assert edit.echoMode() == QLineEdit.EchoMode.Password
        edit.setText(password)
        before_ok()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(20, look)


def a_small_wordpress(routes, url) -> None:
    routes["/wp-json/"] = (200, INDEX)
    routes["/wp-json/wp/v2/users/me"] = (
        200,
        {"slug": "redaktion", "capabilities": {"edit_posts": True}},
    )
    post = {
        "id": 5,
        "status": "draft",
        "link": f"{url}/?p=5",
        "modified_gmt": "2026-12-06T02:00:00",
        "meta": {},
    }
    routes["/wp-json/wp/v2/posts"] = (200, post)  # the marker search finds none: it is no list
    routes["/wp-json/wp/v2/posts/5"] = (200, post)


def test_without_a_stored_password_it_is_asked_for_and_kept(
    qtbot, tmp_path, site, file_keyring, answers
):
    url, routes = site
    a_small_wordpress(routes, url)
    window, dialog, path = open_dialog(qtbot, tmp_path, url)
    labels: list[str] = []
    answer_password("neu1 neu2 neu3 neu4", labels)
    dialog.start_publish()
    qtbot.waitUntil(lambda: "Published" in dialog.message.text(), timeout=10_000)
    assert f'href="{url}/?p=5"' in dialog.message.text()
    assert dialog.message.text().startswith("Published (Draft): ")
    assert "redaktion" in labels[0]
    assert load_password(url, "redaktion") == "neu1 neu2 neu3 neu4"
    assert dialog.summary["post"].text() == "updates post #5"
    # The record reached the file, outside the undo history.
    from tests.gui.window_helpers import read_article

    assert '"post_id": 5' in read_article(path).properties["wordpress"]
    assert window.article_state.count() == 0


def test_without_a_keyring_it_says_so_and_asks_each_time(qtbot, tmp_path, site, answers):
    from keyring.backends import fail

    url, routes = site
    a_small_wordpress(routes, url)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        _window, dialog, _path = open_dialog(qtbot, tmp_path, url)
        labels: list[str] = []
        answer_password("abcd efgh ijkl mnop", labels)
        dialog.start_publish()
        qtbot.waitUntil(lambda: "Published" in dialog.message.text(), timeout=10_000)
        assert "no system keyring" in labels[0]
    finally:
        keyring.set_keyring(previous)


def test_a_changed_post_can_be_opened_in_the_browser_instead(
    qtbot, tmp_path, site, file_keyring, answers
):
    url, routes = site
    a_small_wordpress(routes, url)
    store_password(url, "redaktion", "abcd efgh ijkl mnop")
    _window, dialog, _path = open_dialog(qtbot, tmp_path, url)
    opened = []
    dialog.open_url = lambda address: opened.append(address.toString())
    dialog.start_publish()
    qtbot.waitUntil(lambda: "Published" in dialog.message.text(), timeout=10_000)
    changed = dict(routes["/wp-json/wp/v2/posts/5"][1], modified_gmt="2026-12-06T03:00:00")
    routes["/wp-json/wp/v2/posts/5"] = (200, changed)
    answers.answer("browser")
    dialog.start_publish()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened == [f"{url}/?p=5"]
    assert "changed on the site" in answers.asked[-1][1]


def test_the_sites_categories_are_offered_and_the_chosen_ones_sent(
    qtbot, tmp_path, site, file_keyring, answers
):
    from PySide6.QtCore import Qt

    url, routes = site
    a_small_wordpress(routes, url)
    routes["/wp-json/wp/v2/categories"] = (
        200,
        [{"id": 3, "name": "Lokales"}, {"id": 4, "name": "Sport &amp; Freizeit"}],
    )
    store_password(url, "redaktion", "abcd efgh ijkl mnop")
    _window, dialog, _path = open_dialog(qtbot, tmp_path, url)
    dialog.load_categories.click()
    qtbot.waitUntil(lambda: dialog.categories.count() == 2, timeout=10_000)
    assert dialog.categories.item(1).text() == "Sport & Freizeit"
    dialog.categories.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.status.setCurrentIndex(dialog.status.findData("pending"))
    dialog.start_publish()
    qtbot.waitUntil(lambda: "Published" in dialog.message.text(), timeout=10_000)
    sent = [
        json.loads(body)
        for method, path, body in routes["received"]
        if method == "POST" and path.startswith("/wp-json/wp/v2/posts/5")
    ]
    assert sent[-1]["categories"] == [4]
    assert sent[-1]["status"] == "pending"


def test_a_site_without_https_is_only_sent_to_when_confirmed(
    qtbot, tmp_path, site, file_keyring, answers
):
    _window, dialog, _path = open_dialog(qtbot, tmp_path, "http://wordpress.example.invalid")
    answers.answer("cancel")
    dialog.start_publish()
    assert "does not use HTTPS" in answers.asked[0][1]
    assert not dialog._busy()
    assert "Not published" not in dialog.message.text()  # the journalist said no: nothing to report


def test_a_refused_password_typed_anew_publishes(qtbot, tmp_path, site, file_keyring, answers):
    url, routes = site
    a_small_wordpress(routes, url)
    accepted = routes["/wp-json/wp/v2/users/me"]
    routes["/wp-json/wp/v2/users/me"] = (401, {"code": "incorrect_password", "message": "No."})
    store_password(url, "redaktion", "alt1 alt2 alt3 alt4")
    _window, dialog, _path = open_dialog(qtbot, tmp_path, url)
    answers.answer("again")
    labels: list[str] = []
    # The journalist types the right one (the site accepts it from now on).
    answer_password(
        "neu1 neu2 neu3 neu4",
        labels,
        before_ok=lambda: routes.__setitem__("/wp-json/wp/v2/users/me", accepted),
    )
    dialog.start_publish()
    qtbot.waitUntil(lambda: "Published" in dialog.message.text(), timeout=10_000)
    assert len(labels) == 1
    assert load_password(url, "redaktion") == "neu1 neu2 neu3 neu4"
