"""Cancel in the publish dialog, against a small WordPress of the test's own (posts and media in
memory) that holds the first photo upload until the journalist has clicked Cancel: the publish
stops before its next request, the article's text is unchanged, and publishing again finishes
the same post without a second post or a second upload of the photo already sent."""

from __future__ import annotations

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring
from PIL import Image as PILImage
from PySide6.QtCore import Qt

from newsdesk.gui.publish.publish_dialog import PublishDialog
from newsdesk.model.article import Article, Image, Section
from newsdesk.publication import PublicationProfile
from newsdesk.publish.credentials import store_password
from tests.gui.window_helpers import make_project, new_window, read_article


class SmallWordPress:
    """Just enough of WordPress's REST API for one post with photos; `hold_upload` makes the
    first photo upload wait until `release` is set."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []  # method, path with query
        self.posts: dict[int, dict] = {}
        self.media: dict[int, dict] = {}
        self.upload_arrived = threading.Event()
        self.release = threading.Event()
        self.hold_upload = True
        self._ids = iter(range(5, 1000))
        self.url = ""

    def answer(self, method: str, path: str, query: dict[str, list[str]], body: bytes):
        route = path.removeprefix("/wp-json")
        if route == "/":
            return 200, {"name": "Inselblatt", "namespaces": ["wp/v2"]}
        if route == "/wp/v2/users/me":
            return 200, {"slug": "redaktion", "capabilities": {"edit_posts": True}}
        if route == "/wp/v2/posts" and method == "GET":
            slug = query.get("slug", [""])[0]
            return 200, [p for p in self.posts.values() if p["slug"] == slug]
        if route == "/wp/v2/posts" and method == "POST":
            return 201, self._save_post(next(self._ids), json.loads(body))
        if route.startswith("/wp/v2/posts/"):
            post_id = int(route.rsplit("/", 1)[1])
            if post_id not in self.posts:
                return 404, {"code": "rest_post_invalid_id"}
            if method == "POST":
                return 200, self._save_post(post_id, json.loads(body))
            return 200, self.posts[post_id]
        if route == "/wp/v2/media" and method == "GET":
            wanted = set(query.get("slug", [""])[0].split(",")) | set(
                query.get("include", [""])[0].split(",")
            )
            return 200, [
                m for m in self.media.values() if m["slug"] in wanted or str(m["id"]) in wanted
            ]
        if route == "/wp/v2/media" and method == "POST":
            if self.hold_upload:
                self.hold_upload = False
                self.upload_arrived.set()
                self.release.wait(10)
            media_id = next(self._ids)
            self.media[media_id] = {
                "id": media_id,
                "slug": query["slug"][0],
                "source_url": f"{self.url}/wp-content/uploads/{media_id}.jpg",
                "alt_text": query.get("alt_text", [""])[0],
                "caption": {"raw": query.get("caption", [""])[0]},
            }
            return 201, self.media[media_id]
        if route.startswith("/wp/v2/media/"):
            return 200, self.media[int(route.rsplit("/", 1)[1])]
        return 404, {"code": "rest_no_route"}

    def _save_post(self, post_id: int, data: dict) -> dict:
        post = self.posts.setdefault(post_id, {"id": post_id, "meta": {}})
        post.update(data)
        post.update(link=f"{self.url}/?p={post_id}", modified_gmt=f"2026-12-06T04:{post_id:02d}:00")
        post.setdefault("status", "draft")
        return post

    def count(self, method: str, route: str) -> int:
        return sum(1 for m, p in self.requests if m == method and p.split("?")[0] == route)


@pytest.fixture
def wordpress():
    site = SmallWordPress()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            site.requests.append((self.command, self.path))
            parts = urlsplit(self.path)
            status, answer = site.answer(self.command, parts.path, parse_qs(parts.query), body)
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _answer  # noqa: N815

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield site
    site.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def file_keyring(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "keys"))
    previous = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    yield
    keyring.set_keyring(previous)


def photo(image_id: str, color: tuple[int, int, int], **fields) -> Image:
    out = io.BytesIO()
    PILImage.new("RGB", (640, 400), color).save(out, "JPEG", quality=80)
    return Image(
        id=image_id, data=out.getvalue(), filename=f"{image_id}.jpg", width=640, height=400,
        **fields,
    )  # fmt: skip


def article_with_two_photos() -> Article:
    return Article(
        headline="Der Deich bei Nordstrand wird erhöht",
        byline="Von Maren Öztürk",
        description="Bis 2030 wächst der Deich um einen Meter.",
        sections=[Section(markdown="Die Arbeiten beginnen im März.\n\n![](image:bagger)")],
        images=[
            photo("deich", (30, 120, 40), caption="Der Deich im Winter", alt="Grüner Deich",
                  credit="Lena Haß"),
            photo("bagger", (200, 160, 20), role="inline", caption="Ein Bagger am Fuß",
                  alt="Gelber Bagger", credit="Ole Brück"),
        ],
    )  # fmt: skip


def test_cancel_stops_between_requests_and_a_later_publish_finishes_without_duplicates(
    qtbot, tmp_path, wordpress, file_keyring, answers
):
    path = make_project(tmp_path / "deich.newsdesk", article_with_two_photos())
    window = new_window(qtbot, tmp_path)
    assert window.files.open_path(path)
    # The text as it was (a section the editor wrote back ends with a newline; one never edited
    # keeps the text as it came: the comparisons leave the final newline out).
    text_before = window.files.article.sections[0].markdown.rstrip("\n")
    headline_before = window.files.article.headline
    profile = PublicationProfile(
        name="Inselblatt", wordpress_url=wordpress.url, wordpress_user="redaktion"
    )
    store_password(wordpress.url, "redaktion", "abcd efgh ijkl mnop")
    dialog = PublishDialog(window.files, [profile], "Inselblatt", parent=window, timeout=5)
    qtbot.addWidget(dialog)
    assert not dialog.cancel_button.isEnabled()  # nothing to stop yet

    dialog.start_publish()
    qtbot.waitUntil(wordpress.upload_arrived.is_set, timeout=10_000)
    assert dialog.cancel_button.isEnabled() and not dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "Stopping after the current request" in dialog.message.text()
    sent_before_release = len(wordpress.requests)
    wordpress.release.set()  # the upload in flight completes; nothing is sent after it
    qtbot.waitUntil(lambda: "Stopped" in dialog.message.text(), timeout=10_000)

    assert len(wordpress.requests) == sent_before_release
    assert wordpress.requests[-1][0] == "POST" and "/wp/v2/media" in wordpress.requests[-1][1]
    assert wordpress.count("POST", "/wp-json/wp/v2/posts") == 1  # the draft, not yet filled in
    assert len(wordpress.media) == 1
    assert dialog.close_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert window.files.article.sections[0].markdown.rstrip("\n") == text_before
    assert window.files.article.headline == headline_before
    saved = read_article(path)  # the record was saved, with the text as it was
    assert saved.sections[0].markdown.rstrip("\n") == text_before
    assert saved.headline == headline_before
    record = json.loads(saved.properties["wordpress"])
    (site_record,) = record.values()
    assert site_record["post_id"] == 5 and list(site_record["media"].values()) == [6]
    assert window.article_state.count() == 0  # the record is not an edit to undo
    assert dialog.summary["post"].text() == "updates post #5"

    dialog.start_publish()
    qtbot.waitUntil(lambda: "Published" in dialog.message.text(), timeout=10_000)
    assert wordpress.count("POST", "/wp-json/wp/v2/posts") == 1  # no second post
    assert wordpress.count("POST", "/wp-json/wp/v2/media") == 2  # each photo sent once
    assert len(wordpress.media) == 2
    content = wordpress.posts[5]["content"]
    assert "wp-image-6" in content and "wp-image-7" in content
    assert wordpress.posts[5]["featured_media"] == 6
    assert window.files.article.sections[0].markdown.rstrip("\n") == text_before
