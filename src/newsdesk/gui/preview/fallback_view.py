"""The simplified preview: the same page in a QTextBrowser, when Qt WebEngine cannot start.

QTextBrowser understands a subset of HTML and CSS, so layout and fonts differ from a browser's;
the pane shows `notice` above the page, saying so and why. It runs no script at all and loads
nothing but the page's embedded photos (data: URIs, decoded by Qt itself): every other resource
the page names is refused here and counted, as the web view's request blocker does. Links do not
navigate.

The view offers the web view's interface (`show_page`, `shown`, `scroll_to_element`, ...) so the
pane treats both alike; each page is shown in full (no in-place patches), keeping the scroll bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from newsdesk.gui.preview.page_bytes import repair_surrogates

translate = QCoreApplication.translate


class FallbackPreviewView(QTextBrowser):
    """A QTextBrowser with the interface of WebPreviewView; `notice` says why it is used."""

    shown = Signal(str)  # "load" (each page is set in full) or "same"

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
        self._html: str | None = None
        self._first_target = ""

    def loadResource(self, resource_type: int, url: QUrl) -> object:
        if url.scheme().lower() == "data":
            return super().loadResource(resource_type, url)
        self.blocked_count += 1
        text = url.toDisplayString()
        if text not in self.blocked_urls:
            self.blocked_urls = [*self.blocked_urls[-19:], text]
        return None

    @property
    def blocked_requests(self) -> int:
        return self.blocked_count

    def show_page(self, html: str, *, keep_scroll: bool = True) -> None:
        if html == self._html:
            self.shown.emit("same")
            return
        bar = self.verticalScrollBar()
        position = bar.value() if keep_scroll else 0
        self.setHtml(repair_surrogates(html))
        first = self._html is None
        self._html = html
        bar.setValue(position)
        if first and self._first_target:
            self.scrollToAnchor(self._first_target)
        self.shown.emit("load")

    def scroll_to_element(self, element_id: str, *, only_if_hidden: bool = False) -> None:
        # QTextDocument has no element geometry to ask, so only_if_hidden cannot be honoured:
        # scrolling while typing would jump, so in that case nothing moves.
        if only_if_hidden:
            return
        if self._html is None:
            self._first_target = element_id  # once there is a page
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
