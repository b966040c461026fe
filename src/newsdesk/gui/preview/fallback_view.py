"""The simplified preview: the same page in a QTextBrowser, when Qt WebEngine cannot start.

QTextBrowser understands a subset of HTML and CSS, so layout and fonts differ from a browser's;
the pane shows `notice` above the page, saying so and why. It runs no script at all and loads
nothing but the page's own photos: the ones it links relatively (`preview-images/<name>`, from the
assets handed to `show_page`) and embedded ones (data: URIs, decoded by Qt itself). Every other
resource the page names is refused here and counted, as the web view's request blocker does.
Links do not navigate.

The view offers the web view's interface (`show_page`, `shown`, `scroll_to_element`, ...) so the
pane treats both alike; each page is shown in full (no in-place patches), keeping the scroll bar.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from PySide6.QtCore import QByteArray, QCoreApplication, QTimer, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from newsdesk.gui.preview.page_bytes import repair_surrogates

translate = QCoreApplication.translate

# Rich text knows no max-width: photos are scaled here to the width of the view instead.
_IMG_SIZE = re.compile(r'(<img\b[^>]*?) width="(\d+)" height="(\d+)"')
_PAGE_MARGIN = 24


def fit_images(html: str, max_width: int) -> str:
    """The page with every `<img width height>` scaled down to at most `max_width` pixels."""

    def scaled(match: re.Match[str]) -> str:
        width, height = int(match.group(2)), int(match.group(3))
        if width <= max_width or width == 0:
            return match.group(0)
        new_height = max(1, round(height * max_width / width))
        return f'{match.group(1)} width="{max_width}" height="{new_height}"'

    return _IMG_SIZE.sub(scaled, html)


# Links a click in the preview may open outside it, in the journalist's own browser or mail program.
OPENABLE_SCHEMES = ("http", "https", "mailto")


class FallbackPreviewView(QTextBrowser):
    """A QTextBrowser with the interface of WebPreviewView; `notice` says why it is used."""

    shown = Signal(str)  # "load" (each page is set in full) or "same"
    link_clicked = Signal(QUrl)  # a web or mail link the journalist clicked (not followed here)

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = translate(
            "PreviewPane",
            "Simplified preview: %1 Layout and fonts may differ from the exported page.",
        ).replace("%1", reason)
        self.blocked_count = 0  # refusals (Qt asks again for each layout)
        self.blocked_urls: list[str] = []  # each refused URL once
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._anchor_clicked)
        self._html: str | None = None
        self._assets: Mapping[str, bytes] = {}
        self._first_target = ""
        self._fitted_width = 0
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(150)
        self._refit.timeout.connect(self._fit_to_width)

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in OPENABLE_SCHEMES:
            self.link_clicked.emit(url)
        elif url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())  # a jump within the page

    def loadResource(self, resource_type: int, url: QUrl | str) -> object:
        url = QUrl(url)  # Qt passes a QUrl; the signature also allows a string
        if url.scheme().lower() == "data":
            return super().loadResource(resource_type, url)
        if url.isRelative() and not url.host() and not url.path().startswith("/"):
            data = self._assets.get(url.path())
            if data is not None:
                return QByteArray(data)
        self.blocked_count += 1
        text = url.toDisplayString()
        if text not in self.blocked_urls:
            self.blocked_urls = [*self.blocked_urls[-19:], text]
        return None

    @property
    def blocked_requests(self) -> int:
        return self.blocked_count

    def show_page(
        self, html: str, *, keep_scroll: bool = True, assets: Mapping[str, bytes] | None = None
    ) -> None:
        """Show `html` in full; `assets` are the photos it links, by relative path."""
        self._assets = assets if assets is not None else {}
        if html == self._html:
            self.shown.emit("same")
            return
        first = self._html is None
        self._html = html
        self._set_document(keep_scroll)
        if first and self._first_target:
            self.scrollToAnchor(self._first_target)
        self.shown.emit("load")

    def _set_document(self, keep_scroll: bool) -> None:
        bar = self.verticalScrollBar()
        position = bar.value() if keep_scroll else 0
        self._fitted_width = max(1, self.viewport().width() - _PAGE_MARGIN)
        self.setHtml(fit_images(repair_surrogates(self._html or ""), self._fitted_width))
        bar.setValue(position)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._html is not None:
            self._refit.start()

    def _fit_to_width(self) -> None:
        if self._html is not None and self.viewport().width() - _PAGE_MARGIN != self._fitted_width:
            self._set_document(keep_scroll=True)

    def scroll_to_element(self, element_id: str, *, only_if_hidden: bool = False) -> None:
        # QTextDocument has no element geometry to ask, so only_if_hidden cannot be honoured:
        # scrolling while typing would jump, so in that case nothing moves.
        if only_if_hidden:
            return
        if self._html is None:
            self._first_target = element_id  # once there is a page
        elif not element_id:
            self.verticalScrollBar().setValue(0)  # the top of the page
        else:
            self.scrollToAnchor(element_id)

    def scroll_y(self) -> float:
        return float(self.verticalScrollBar().value())

    def scroll_to_y(self, y: float) -> None:
        self.verticalScrollBar().setValue(int(y))

    def page_text(self, callback: Callable[[str], None]) -> None:
        text = self.toPlainText()
        QTimer.singleShot(0, lambda: callback(text))  # asynchronous, like the web view

    def page_width(self, callback: Callable[[float], None]) -> None:
        width = float(self.viewport().width())
        QTimer.singleShot(0, lambda: callback(width))

    def set_zoom(self, factor: float) -> None:
        """Rich text cannot zoom by a factor; the frame's width alone shows the preset."""
