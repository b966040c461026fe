"""The preview's web view: Chromium (Qt WebEngine) on a private profile that runs no page script
and reaches no network.

- The profile is off the record (nothing on disk: no cache, cookies or history), its settings
  switch off JavaScript in the page, plugins, remote access from local content, DNS prefetch and
  everything else a confidential draft has no use for, and `RequestBlocker` refuses every request
  that is not for the page itself or its photos (served from memory by `PageSchemeHandler`).
- Links in the page do not navigate and no popup opens; there is no context menu (no "view source"
  window, no "open link").
- Our own code (never the page's) runs in Chromium's isolated application world, which page
  settings do not switch off: to read and restore the scroll position, to scroll to a section and
  to swap changed parts in place (see page_diff). The page's HTML is never run as code.

`show_page` is asynchronous and keeps only the newest page while a load or patch is under way;
`shown` is emitted when the view shows a page ("load", "patch" or "same").
"""

from __future__ import annotations

import atexit
import json
import weakref
from collections.abc import Callable, Mapping
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from newsdesk.gui.preview.fallback_view import OPENABLE_SCHEMES
from newsdesk.gui.preview.page_bytes import repair_surrogates, utf8
from newsdesk.gui.preview.page_diff import page_patches
from newsdesk.gui.preview.request_blocking import (
    SCHEME,
    SCHEME_BYTES,
    PageSchemeHandler,
    RequestBlocker,
    note_engine_started,
    page_url,
)

_ATTRIBUTE = QWebEngineSettings.WebAttribute
# Off: page script and what only script or the network would use. On: photos.
_SETTINGS = {
    _ATTRIBUTE.JavascriptEnabled: False,
    _ATTRIBUTE.JavascriptCanOpenWindows: False,
    _ATTRIBUTE.JavascriptCanAccessClipboard: False,
    _ATTRIBUTE.JavascriptCanPaste: False,
    _ATTRIBUTE.LocalContentCanAccessRemoteUrls: False,
    _ATTRIBUTE.LocalContentCanAccessFileUrls: False,
    _ATTRIBUTE.LocalStorageEnabled: False,
    _ATTRIBUTE.PluginsEnabled: False,
    _ATTRIBUTE.PdfViewerEnabled: False,
    _ATTRIBUTE.DnsPrefetchEnabled: False,
    _ATTRIBUTE.HyperlinkAuditingEnabled: False,
    _ATTRIBUTE.AllowRunningInsecureContent: False,
    _ATTRIBUTE.AllowGeolocationOnInsecureOrigins: False,
    _ATTRIBUTE.AllowWindowActivationFromJavaScript: False,
    _ATTRIBUTE.AutoLoadIconsForPage: False,
    _ATTRIBUTE.TouchIconsEnabled: False,
    _ATTRIBUTE.BackForwardCacheEnabled: False,  # no earlier drafts kept alive in memory
    _ATTRIBUTE.ScrollAnimatorEnabled: False,  # restored positions are exact at once
    _ATTRIBUTE.FullScreenSupportEnabled: False,
    _ATTRIBUTE.ScreenCaptureEnabled: False,
    _ATTRIBUTE.WebGLEnabled: False,
    _ATTRIBUTE.Accelerated2dCanvasEnabled: False,
    _ATTRIBUTE.WebRTCPublicInterfacesOnly: True,
    _ATTRIBUTE.NavigateOnDropEnabled: False,
    _ATTRIBUTE.FocusOnNavigationEnabled: False,
    _ATTRIBUTE.ErrorPageEnabled: False,
    _ATTRIBUTE.AutoLoadImages: True,
}
_APP_WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld

# Replace children of the page's article, after checking that each is the element the patch
# was made for (position, tag and id): all or nothing.
_PATCH_SCRIPT = """(function (patches) {
  const article = document.querySelector("body > main > article, body > article");
  if (!article) return false;
  const children = Array.from(article.children);
  for (const [index, tag, id] of patches) {
    const element = children[index];
    if (!element || element.tagName.toLowerCase() !== tag || element.id !== id) return false;
  }
  for (const [index, , , html] of patches) children[index].outerHTML = html;
  return true;
})(%s)"""
# Scroll an element to the top of the view; with `onlyIfHidden`, only when none of it is visible.
_SCROLL_TO_SCRIPT = """(function (id, onlyIfHidden) {
  if (!id) { window.scrollTo(0, 0); return true; }
  const element = document.getElementById(id);
  if (!element) return false;
  const box = element.getBoundingClientRect();
  if (onlyIfHidden && box.bottom > 0 && box.top < window.innerHeight) return false;
  element.scrollIntoView({block: "start", behavior: "instant"});
  return true;
})(%s, %s)"""


def _js(value: Any) -> str:
    """A JavaScript literal for plain data (JSON, with the two line separators JS once refused)."""
    text = json.dumps(value)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


# Every web view alive, so that none outlives Qt WebEngine (see _delete_views_at_exit).
_live_views: weakref.WeakSet[WebPreviewView] = weakref.WeakSet()


@atexit.register
def _delete_views_at_exit() -> None:
    """Delete the views that still exist before Qt shuts down.

    Qt WebEngine releases its profiles when the application goes; a page still alive then (a
    window closed but never deleted, as in tests) crashes the process on its way out. Python runs
    this before PySide's own exit handling, which was registered earlier.
    """
    for view in list(_live_views):
        if shiboken6.isValid(view):
            shiboken6.delete(view)  # the page first, then its profile (see __init__)


class PreviewPage(QWebEnginePage):
    """A page that stays where it is: no link navigation, no popups, no console noise.

    A link the journalist clicks is not followed here (the preview loads nothing from the web);
    `link_clicked` hands a web or mail link to the pane, which opens it in the default browser.
    """

    link_clicked = Signal(QUrl)

    def acceptNavigationRequest(
        self, url: QUrl | str, navigation_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)  # Qt passes a QUrl; the signature also allows a string
        if url.scheme() in (SCHEME, "about"):
            return True  # our own loads, and jumps within the page
        clicked = navigation_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked
        if clicked and url.scheme() in OPENABLE_SCHEMES:
            self.link_clicked.emit(url)
        return False  # never a link to the web or a local file inside the preview

    # No page is no window (Qt takes a null pointer so); the stub allows only a page.
    def createWindow(self, window_type: QWebEnginePage.WebWindowType) -> None:  # type: ignore[override]
        return None

    def javaScriptConsoleMessage(self, level, message, line, source) -> None:
        return None


def _private_profile() -> QWebEngineProfile:
    profile = QWebEngineProfile()  # no storage name: off the record, nothing written to disk
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    )
    profile.setSpellCheckEnabled(False)
    settings = profile.settings()
    for attribute, enabled in _SETTINGS.items():
        settings.setAttribute(attribute, enabled)
    return profile


class WebPreviewView(QWebEngineView):
    """The engine view of the preview pane (see the module docstring)."""

    shown = Signal(str)  # "load", "patch" or "same": the view now shows the latest page
    link_clicked = Signal(QUrl)  # a web or mail link the journalist clicked (not followed here)

    notice = ""  # the fallback view explains itself here; this one has nothing to say

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        note_engine_started()
        profile = _private_profile()
        self.blocker = RequestBlocker(profile)
        self.handler = PageSchemeHandler(profile)
        profile.setUrlRequestInterceptor(self.blocker)
        profile.installUrlSchemeHandler(SCHEME_BYTES, self.handler)
        self._page = PreviewPage(profile, self)
        self._page.link_clicked.connect(self.link_clicked)
        # The profile must outlive its page: as our child made after the page, it is deleted last.
        profile.setParent(self)
        self._profile = profile
        self.setPage(self._page)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        _live_views.add(self)
        self._page.loadFinished.connect(self._load_finished)
        self._page.renderProcessTerminated.connect(self._render_process_ended)
        self._zoom = 1.0
        self._generation = 0
        self._shown_html: str | None = None  # what the DOM holds (body-wise)
        self._loading_html: str | None = None
        # The newest page not shown yet, whether to keep the scroll position, and its photos.
        self._pending: tuple[str, bool, Mapping[str, bytes]] | None = None
        self._busy = False
        # An element to scroll to once the load is done, and whether only if it is out of view.
        self._scroll_target: tuple[str, bool] | None = None
        self._restore_y: float | None = None

    @property
    def blocked_requests(self) -> int:
        return self.blocker.blocked_count

    # --- showing pages ----------------------------------------------------------------------

    def show_page(
        self, html: str, *, keep_scroll: bool = True, assets: Mapping[str, bytes] | None = None
    ) -> None:
        """Show `html`: swap changed parts in place when possible, else load it anew. `assets`
        are the photos it links, by relative path (RenderedPage.assets of a preview render)."""
        keep_scroll = keep_scroll and (self._pending is None or self._pending[1])
        self._pending = (html, keep_scroll, assets if assets is not None else {})
        if not self._busy:
            self._show_pending()

    def _show_pending(self) -> None:
        if self._pending is None:
            return
        html, keep_scroll, assets = self._pending
        self._pending = None
        # Before a patch or load asks for them; the shown page's photos stay served meanwhile.
        self.handler.set_assets(assets)
        patches = None
        if keep_scroll and self._shown_html is not None:
            patches = page_patches(self._shown_html, html)
        if patches == []:
            self._shown_html = html
            self.handler.set_page(utf8(html))  # so a reload (after a crash) shows the latest
            self.shown.emit("same")
            return
        self._busy = True
        if patches:
            patch_list = [
                [p.position, p.tag, p.element_id, repair_surrogates(p.html)] for p in patches
            ]
            script = _PATCH_SCRIPT % _js(patch_list)
            self._run(script, lambda ok: self._patched(html, ok))
        elif keep_scroll and self._shown_html is not None:
            self._run("window.scrollY", lambda y: self._load(html, y))
        else:
            self._load(html, None)

    def _patched(self, html: str, ok: object) -> None:
        if ok is True:
            self._shown_html = html
            self.handler.set_page(utf8(html))
            self._done("patch")
        else:  # the DOM was not what we thought: load the page instead
            self._run("window.scrollY", lambda y: self._load(html, y))

    def _load(self, html: str, restore_y: object) -> None:
        self._restore_y = float(restore_y) if isinstance(restore_y, int | float) else None
        self._loading_html = html
        self.handler.set_page(utf8(html))
        self._generation += 1
        self._page.load(page_url(self._generation))

    def _load_finished(self, ok: bool) -> None:
        if not self._busy or self._loading_html is None:
            return  # a load we did not start (there are none) or one already handled
        self._shown_html = self._loading_html if ok else None
        self._loading_html = None
        self._page.history().clear()  # one page, no back/forward list holding old drafts
        self.setZoomFactor(self._zoom)
        steps = []
        if self._restore_y:
            steps.append(f"window.scrollTo(0, {self._restore_y:.1f})")
        if self._scroll_target is not None:
            target, only_if_hidden = self._scroll_target
            steps.append(_SCROLL_TO_SCRIPT % (_js(target), _js(only_if_hidden)))
        self._scroll_target = None
        self._restore_y = None
        if steps:
            # Scripts run in order; the callback of the last one means all have run.
            for step in steps[:-1]:
                self._run(step, None)
            self._run(steps[-1], lambda _: self._done("load"))
        else:
            self._done("load")

    def _done(self, kind: str) -> None:
        self._busy = False
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.parent()):
            # A script's answer that arrives after the window closed: the view (or the pane
            # its signal reaches) is gone, and emitting into it fails inside Qt's event loop.
            return
        self.shown.emit(kind)
        self._show_pending()

    def _render_process_ended(self, *_args) -> None:
        """Chromium's renderer died (out of memory, killed): load the page again from scratch."""
        html = self._loading_html or self._shown_html
        self._busy = False
        self._shown_html = None
        self._loading_html = None
        if html is not None and self._pending is None:
            self._pending = (html, False, self.handler.assets)
        self._show_pending()

    # --- scrolling and reading --------------------------------------------------------------

    def scroll_to_element(self, element_id: str, *, only_if_hidden: bool = False) -> None:
        """Scroll the element with this id to the top (after the current or first load); the
        empty id scrolls to the top of the page."""
        if self._loading_html is not None or self._shown_html is None:
            if not only_if_hidden or self._scroll_target is None:
                self._scroll_target = (element_id, only_if_hidden)
            return
        script = _SCROLL_TO_SCRIPT % (_js(element_id), _js(only_if_hidden))
        self._run(script, None)

    def scroll_y(self) -> float:
        """The vertical scroll position in CSS pixels (as Chromium last reported it)."""
        return self._page.scrollPosition().y()

    def scroll_to_y(self, y: float) -> None:
        self._run(f"window.scrollTo(0, {float(y):.1f})", None)

    def page_text(self, callback: Callable[[str], None]) -> None:
        """The text of the shown page's body, as the reader sees it (innerText)."""
        self._run(
            "document.body ? document.body.innerText : ''",
            lambda text: callback(text if isinstance(text, str) else ""),
        )

    def page_width(self, callback: Callable[[float], None]) -> None:
        """The page's viewport width in CSS pixels, as media queries see it (window.innerWidth)."""
        self._run(
            "window.innerWidth",
            lambda width: callback(float(width) if isinstance(width, int | float) else 0.0),
        )

    def set_zoom(self, factor: float) -> None:
        self._zoom = factor
        self.setZoomFactor(factor)

    def _run(self, script: str, callback: Callable[[object], None] | None) -> None:
        """Run our own script in the isolated world (page script stays off)."""
        if callback is None:
            self._page.runJavaScript(script, _APP_WORLD)
            return

        # Qt answers the scripts still pending when the page is destroyed, from inside the page's
        # destructor and with an empty result; the view is half gone by then (its Python side
        # already invalid), so such an answer is not acted on (it loaded or patched a page that
        # was being destroyed when a window or pane closed while a patch was pending).
        def answered(result: object) -> None:
            if shiboken6.isValid(self):
                callback(result)

        self._page.runJavaScript(script, _APP_WORLD, answered)
