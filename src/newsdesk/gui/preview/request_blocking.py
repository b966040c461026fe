"""The preview's own URL scheme, served from memory, and the guard that blocks every other request.

Drafts are confidential and journalists work offline, so the preview page may load nothing from
anywhere: its text comes from `newsdesk-preview:` (served from memory by `PageSchemeHandler`, no
size limit unlike setHtml's 2 MB data: URL), its photos are data: URIs inside it, and
`RequestBlocker` refuses every request with another scheme before Chromium makes it (http, https,
file, ftp, ws, ...), counting them so that tests and the pane can show what was stopped.

`register_preview_scheme()` must run before Qt WebEngine starts: the application calls it before
it makes the QApplication (gui/app.py). Registered later, once a web page exists, Qt refuses with
a warning and the scheme still serves pages, only without the secure-scheme flags; so a late
call is harmless and this module never raises over it.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

SCHEME = "newsdesk-preview"
SCHEME_BYTES = SCHEME.encode("ascii")
# Schemes a preview page may use: its own page, its embedded photos, the empty page.
ALLOWED_SCHEMES = frozenset({SCHEME, "data", "about"})

_engine_started = False  # set once a preview made a web profile: registering is too late then


def register_preview_scheme() -> bool:
    """Register `newsdesk-preview:` with Qt WebEngine; True when it is (or already was).

    Call before the QApplication exists (or at least before any web view or profile does).
    """
    if QWebEngineUrlScheme.schemeByName(SCHEME_BYTES).name() == SCHEME_BYTES:
        return True
    if _engine_started:
        return False
    scheme = QWebEngineUrlScheme(SCHEME_BYTES)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    # Local: other local content only. Secure: like https, so mixed-content rules do not apply.
    # Content security policy is *not* ignored: the page's own policy forbids scripts.
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme | QWebEngineUrlScheme.Flag.LocalScheme)
    QWebEngineUrlScheme.registerScheme(scheme)
    return QWebEngineUrlScheme.schemeByName(SCHEME_BYTES).name() == SCHEME_BYTES


def note_engine_started() -> None:
    global _engine_started
    _engine_started = True


def page_url(generation: int) -> QUrl:
    """The URL of the current page; a new generation per load, so nothing is taken from a cache."""
    return QUrl(f"{SCHEME}:page?v={generation}")


class PageSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves the one current page (UTF-8 HTML) for every `newsdesk-preview:` request."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page = b""

    def set_page(self, html: bytes) -> None:
        self._page = html

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        if job.requestUrl().path() != "page":
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        # The buffer belongs to the job, so it lives exactly as long as the request.
        buffer = QBuffer(job)
        buffer.setData(QByteArray(self._page))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(b"text/html;charset=utf-8", buffer)


class RequestBlocker(QWebEngineUrlRequestInterceptor):
    """Blocks every request whose scheme is not in ALLOWED_SCHEMES; counts what it blocked.

    Qt 6 calls interceptRequest on the UI thread, so the count needs no lock.
    """

    blocked = Signal(str)  # the URL just blocked

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked_count = 0
        self.blocked_urls: list[str] = []  # the latest few, for a tooltip or a test's message

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme().lower() in ALLOWED_SCHEMES:
            return
        info.block(True)
        self.blocked_count += 1
        text = url.toDisplayString()
        self.blocked_urls = [*self.blocked_urls[-19:], text]
        self.blocked.emit(text)
