"""The preview's own URL scheme, served from memory, and the guard that blocks every other request.

Drafts are confidential and journalists work offline, so the preview page may load nothing from
anywhere: its text and its photos come from `newsdesk-preview:` (served from memory by
`PageSchemeHandler`, no size limit unlike setHtml's 2 MB data: URL; the page links its photos
relatively, `preview-images/<name>`, so it carries none of their bytes), and
`RequestBlocker` refuses every request with another scheme before Chromium makes it (http, https,
file, ftp, ws, ...), counting them so that tests and the pane can show what was stopped.

`register_preview_scheme()` must run before Qt WebEngine starts: the pane calls it right before it
makes its first web view (engine.create_preview_view), after the window's first paint. Registered
later, once a web page exists, Qt refuses with a warning and the scheme still serves pages, only
without the secure-scheme flags; so a late call is harmless and this module never raises over it.
"""

from __future__ import annotations

from collections.abc import Mapping

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
# Schemes a preview page may use: its own page and photos, embedded photos, the empty page.
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
    # Local access: the page may load from local schemes, i.e. its photos from this very scheme
    # (without it Chromium silently refuses them); file: stays refused by the profile's settings
    # and by RequestBlocker. Content security policy is *not* ignored: the page's own policy
    # forbids scripts.
    flag = QWebEngineUrlScheme.Flag
    scheme.setFlags(flag.SecureScheme | flag.LocalScheme | flag.LocalAccessAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)
    return QWebEngineUrlScheme.schemeByName(SCHEME_BYTES).name() == SCHEME_BYTES


def note_engine_started() -> None:
    global _engine_started
    _engine_started = True


def page_url(generation: int) -> QUrl:
    """The URL of the current page; a new generation per load, so nothing is taken from a cache."""
    return QUrl(f"{SCHEME}:page?v={generation}")


class PageSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves the current page (UTF-8 HTML) at `newsdesk-preview:page` and its photos at
    `newsdesk-preview:<relative path>`, both from memory.

    `set_assets` replaces the photos with each render. The photos of the render before are still
    served: a page being patched or loaded may ask for one the newest render no longer has.
    `requested` counts the photo requests by path (tests check what Chromium fetched, and when).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page = b""
        self._assets: Mapping[str, bytes] = {}
        self._previous_assets: Mapping[str, bytes] = {}
        self.requested: dict[str, int] = {}

    def set_page(self, html: bytes) -> None:
        self._page = html

    @property
    def assets(self) -> Mapping[str, bytes]:
        return self._assets

    def set_assets(self, assets: Mapping[str, bytes]) -> None:
        """The photos the page links, by relative path (e.g. "preview-images/<name>")."""
        if assets is not self._assets:
            self._previous_assets = self._assets
            self._assets = assets

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        path = job.requestUrl().path()
        if path == "page":
            self._reply(job, b"text/html;charset=utf-8", self._page)
            return
        data = self._assets.get(path)
        if data is None:
            data = self._previous_assets.get(path)
        if data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        self.requested[path] = self.requested.get(path, 0) + 1
        self._reply(job, _media_type(path), data)

    @staticmethod
    def _reply(job: QWebEngineUrlRequestJob, media_type: bytes, data: bytes) -> None:
        # The buffer belongs to the job, so it lives exactly as long as the request.
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(media_type, buffer)


def _media_type(path: str) -> bytes:
    """The photo's type by its extension (the exporter writes .jpg and .png only)."""
    return b"image/png" if path.lower().endswith(".png") else b"image/jpeg"


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
