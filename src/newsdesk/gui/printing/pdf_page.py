"""One page printed to PDF by Qt WebEngine, waited for in a local event loop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QMarginsF, Qt, QTimer, QUrl
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from newsdesk.errors import ExportError

MARGINS_MM = QMarginsF(20, 20, 20, 25)  # left, top, right, bottom: as article.css's print @page
_PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


class _OnlyThePage(QWebEngineUrlRequestInterceptor):
    """Refuse every request but the page file itself and data: URLs (photos are embedded)."""

    def __init__(self, page_url: QUrl) -> None:
        super().__init__()
        self.page_url = page_url
        self.blocked = 0

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() in ("data", "about") or url == self.page_url:
            return
        self.blocked += 1
        info.block(True)


# The paper's width in CSS pixels (96 per inch) and an A4 page's height, for the screen layout.
_SCREEN_SIZE = {"a4": (794, 1123), "letter": (816, 1123)}


def give_page_a_screen(view: QWebEngineView, paper: str) -> None:
    """Show `view` (and the page in it) off screen at the paper's width.

    Chromium lays the page out for the screen when it loads, before the print layout. A page
    without a shown view has a viewport a few pixels wide, where `overflow-wrap: break-word`
    breaks every word into letters: the 100,000-word bench article spent 6.8 s printing that
    way against 2.3 s at the paper's width (docs/PERFORMANCE.md). Nothing appears on screen."""
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.resize(*_SCREEN_SIZE.get(paper, _SCREEN_SIZE["a4"]))
    view.show()


def _failed(reason: str) -> ExportError:
    return ExportError(
        f"the PDF could not be made: {reason}", code="export.pdf_engine", reason=reason
    )


def print_to_pdf(page_file: Path, paper: str, timeout_ms: int) -> bytes:
    profile = QWebEngineProfile()  # off the record: no cache, no cookies on disk
    page_url = QUrl.fromLocalFile(str(page_file))
    interceptor = _OnlyThePage(page_url)
    profile.setUrlRequestInterceptor(interceptor)
    view = QWebEngineView()
    page = QWebEnginePage(profile, view)
    view.setPage(page)
    give_page_a_screen(view, paper)
    settings = page.settings()
    settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def finish(key: str, value: object) -> None:
        outcome.setdefault(key, value)
        loop.quit()

    def loaded(ok: bool) -> None:
        if not ok:
            finish("error", "the page did not load")
            return
        size = QPageSize(_PAGE_SIZES.get(paper, QPageSize.PageSizeId.A4))
        # Chromium takes the margins from the layout, not from @page; the footer sits in them.
        layout = QPageLayout(
            size, QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
        )
        page.printToPdf(lambda data: finish("pdf", bytes(data)), layout)

    def crashed(status, code: int) -> None:
        finish("error", f"the web engine's render process ended ({code})")

    page.loadFinished.connect(loaded)
    page.renderProcessTerminated.connect(crashed)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: finish("error", "the web engine did not answer in time"))
    timer.start(timeout_ms)
    page.load(page_url)
    loop.exec()
    timer.stop()
    page.loadFinished.disconnect(loaded)
    page.renderProcessTerminated.disconnect(crashed)
    # The page (the view's child) must be gone before its profile, or Qt WebEngine warns.
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    profile.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    if "error" in outcome and "pdf" not in outcome:
        raise _failed(str(outcome["error"]))
    data = outcome.get("pdf", b"")
    if not isinstance(data, bytes) or not data.startswith(b"%PDF"):
        raise _failed("the web engine returned no PDF")
    return data
