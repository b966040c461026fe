"""The REST client's failures, each a PublishError with its code, against a small local server of
our own that answers what the real WordPress cannot be made to (a timeout, a 500, a page that is
not WordPress, a TLS mismatch, a closed port)."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from newsdesk.errors import PublishError
from newsdesk.publish.wordpress import WordPressClient, check_site_address, is_loopback, site_key

INDEX = {"name": "Testblatt", "namespaces": ["oembed/1.0", "wp/v2"]}


class _Site(BaseHTTPRequestHandler):
    """Answers by path: /wp-json/ is the API index unless the server is set to be no WordPress."""

    routes: ClassVar[dict[str, tuple[int, object]]] = {}

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        path = self.path.split("?")[0]
        status, body = self.routes.get(path, (404, {"code": "rest_no_route", "message": "No"}))
        if body == "sleep":
            time.sleep(2)
            status, body = 200, {}
        if body == "trickle":  # a byte at a time, each well within the socket timeout
            self.send_response(200)
            self.send_header("Content-Length", "40")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.05)
            return
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        if status in (301, 302) and isinstance(body, dict):
            self.send_header("Location", body["location"])
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_DELETE = _answer  # noqa: N815 (http.server's names)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # the client hanging up mid-answer is what some tests do on purpose


@pytest.fixture
def site():
    routes: dict[str, tuple[int, object]] = {"/wp-json/": (200, INDEX)}
    handler = type("Handler", (_Site,), {"routes": routes})
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", routes
    server.shutdown()
    server.server_close()


def client(url: str, **kwargs) -> WordPressClient:
    return WordPressClient(url, "redaktion", "abcd efgh ijkl mnop", **kwargs)


@pytest.mark.parametrize(
    ("status", "body", "code"),
    [
        (401, {"code": "incorrect_password", "message": "wrong"}, "publish.unauthorized"),
        (403, {"code": "rest_cannot_create", "message": "no"}, "publish.forbidden"),
        (413, b"<html>413 Request Entity Too Large</html>", "publish.too_large"),
        (400, {"code": "rest_upload_file_too_big", "message": "big"}, "publish.too_large"),
        (404, {"code": "rest_post_invalid_id", "message": "gone"}, "publish.not_found"),
        (500, b"<html>Fatal error</html>", "publish.server_error"),
        (400, {"code": "rest_invalid_param", "message": "Ungültig: status"}, "publish.rejected"),
        (400, b"<html>Bad</html>", "publish.not_wordpress"),
    ],
)
def test_each_refusal_is_a_typed_error_with_its_code(site, status, body, code):
    url, routes = site
    routes["/wp-json/wp/v2/posts"] = (status, body)
    with client(url) as wp, pytest.raises(PublishError) as raised:
        wp.json("POST", "wp/v2/posts", data={"title": "Überschrift"})
    assert raised.value.code == code
    assert "\n" not in raised.value.message


def test_a_site_without_the_rest_api_is_not_wordpress(site):
    url, routes = site
    routes["/wp-json/"] = (200, b"<html><body>Ein Blog</body></html>")
    with client(url) as wp, pytest.raises(PublishError) as raised:
        wp.discover()
    assert raised.value.code == "publish.not_wordpress"


def test_a_site_that_moved_says_where(site):
    url, routes = site
    routes["/wp-json/"] = (301, {"location": "https://blatt.example/wp-json/"})
    with client(url) as wp, pytest.raises(PublishError) as raised:
        wp.discover()
    assert raised.value.code == "publish.moved"
    assert raised.value.params["location"] == "https://blatt.example/wp-json/"


def test_the_api_is_found_without_pretty_permalinks(site):
    url, routes = site
    routes.pop("/wp-json/")
    routes["/"] = (200, INDEX)  # ?rest_route=/ is served by the site's front page
    with client(url) as wp:
        assert wp.discover()["name"] == "Testblatt"


def test_a_server_that_does_not_answer_in_time_is_a_timeout(site):
    url, routes = site
    routes["/wp-json/wp/v2/users/me"] = (200, "sleep")
    with client(url, timeout=0.5) as wp, pytest.raises(PublishError) as raised:
        wp.json("GET", "wp/v2/users/me")
    assert raised.value.code == "publish.timeout"


def test_an_answer_trickling_in_is_cut_off_in_time(site):
    url, routes = site
    routes["/wp-json/wp/v2/users/me"] = (200, "trickle")
    with client(url, timeout=0.2) as wp:
        wp.discover()
        started = time.monotonic()
        with pytest.raises(PublishError) as raised:
            wp.json("GET", "wp/v2/users/me")
    assert raised.value.code == "publish.timeout"
    assert time.monotonic() - started < 1.5


def test_a_closed_port_is_no_network():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nobody listens once it is closed
    with client(f"http://127.0.0.1:{port}") as wp, pytest.raises(PublishError) as raised:
        wp.discover()
    assert raised.value.code == "publish.no_network"


def test_https_to_a_server_without_tls_is_a_tls_error(site):
    url, _routes = site
    with client(url.replace("http:", "https:")) as wp, pytest.raises(PublishError) as raised:
        wp.discover()
    assert raised.value.code == "publish.tls"


def test_plain_http_is_refused_off_this_computer_unless_confirmed():
    with pytest.raises(PublishError) as raised:
        check_site_address("http://blatt.example")
    assert raised.value.code == "publish.insecure"
    check_site_address("http://blatt.example", allow_insecure=True)
    check_site_address("https://blatt.example")
    for local in ("http://127.0.0.1:8080", "http://localhost", "http://[::1]:8000"):
        check_site_address(local)
    with pytest.raises(PublishError) as raised:
        check_site_address("ftp://blatt.example")
    assert raised.value.code == "publish.bad_address"


def test_loopback_and_site_keys():
    assert is_loopback("127.5.0.1") and is_loopback("::1") and is_loopback("LOCALHOST")
    assert not is_loopback("10.0.0.1") and not is_loopback("blatt.example")
    assert site_key("HTTPS://Blatt.Example/news/") == "https://blatt.example/news"


def test_an_answer_far_too_large_is_refused(site, monkeypatch):
    url, routes = site
    monkeypatch.setattr("newsdesk.publish.wordpress.MAX_RESPONSE_BYTES", 1000)
    routes["/wp-json/wp/v2/posts"] = (200, b"[" + b"1," * 2000 + b"1]")
    with client(url) as wp:
        wp.discover()
        with pytest.raises(PublishError) as raised:
            wp.json("GET", "wp/v2/posts")
    assert raised.value.code == "publish.not_wordpress"


def test_the_password_is_sent_as_basic_authentication_only_to_the_api(site):
    _url, routes = site
    seen = {}

    class Recording(_Site):
        def do_GET(self):
            seen[self.path] = self.headers.get("Authorization")
            super()._answer()

    server = _QuietServer(("127.0.0.1", 0), type("H", (Recording,), {"routes": routes}))
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        routes["/wp-json/wp/v2/users/me"] = (200, {"id": 1})
        with client(f"http://127.0.0.1:{server.server_address[1]}") as wp:
            assert wp.json("GET", "wp/v2/users/me") == {"id": 1}
    finally:
        server.shutdown()
        server.server_close()
    assert seen["/wp-json/"] is None  # discovery needs no password
    assert seen["/wp-json/wp/v2/users/me"].startswith("Basic ")
