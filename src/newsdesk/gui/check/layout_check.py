"""The press code check of the page's layout: a hidden Chromium page measures the labels.

The page (the export's markup in its house layout, without photo bytes: their boxes keep their
size from the width and height attributes) is loaded into a QWebEnginePage that never shows on
screen, with page scripts off and every request refused but the page itself and data: URLs, and
formats/label_visibility.MEASURE_SCRIPT runs in the ApplicationWorld (scripts of our own still run
there while the page's are off). It is measured three times, in the light and in the dark colour
scheme and as printed (the dark or the print rules forced on by rewriting their media queries),
because a stylesheet may hide a label in one of them only.

- The window: `LayoutCheck.request(html)` measures after a pause and emits `measured(findings)`;
  the Check panel lists them with its own.
- The command line: `check_page_offscreen(html)` starts the engine offscreen as the PDF export does
  and returns the findings, or one finding saying that the layout was not checked (and why).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from newsdesk.formats.label_visibility import (
    MEASURE_SCRIPT,
    PRINT_SCRIPT,
    label_findings,
    skipped_finding,
)
from newsdesk.model.preflight import Finding

PAGE_WIDTH, PAGE_HEIGHT = 1280, 900  # a desktop reader's window
SET_HTML_LIMIT = 1_500_000  # setHtml refuses 2 MB; larger pages go through a private file
TIMEOUT_MS = 30_000
PAUSE_MS = 1_000
_DARK = re.compile(r"prefers-color-scheme\s*:\s*dark", re.IGNORECASE)
_LIGHT = re.compile(r"prefers-color-scheme\s*:\s*light", re.IGNORECASE)
_PRINT = re.compile(r"@media\s+print\b", re.IGNORECASE)
_SCREEN = re.compile(r"@media\s+screen\b", re.IGNORECASE)


def dark_variant(html: str) -> str:
    """The page as a reader in dark mode sees it: the dark rules apply, the light ones do not."""
    return _LIGHT.sub("max-width: 0px", _DARK.sub("min-width: 0px", html))


def print_variant(html: str) -> str:
    """The page as printed (the PDF proof, File > Print): its print rules apply, its screen-only
    ones do not."""
    return _SCREEN.sub("@media not all", _PRINT.sub("@media all", html))


# (variant of the page, script): what the check measures.
VARIANTS: tuple[tuple[Callable[[str], str], str], ...] = (
    (lambda html: html, MEASURE_SCRIPT),
    (dark_variant, MEASURE_SCRIPT),
    (print_variant, PRINT_SCRIPT),
)


class _OnlyThePage(QWebEngineUrlRequestInterceptor):
    def __init__(self) -> None:
        super().__init__()
        self.page_url = QUrl()

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() in ("data", "about") or (not url.isEmpty() and url == self.page_url):
            return
        info.block(True)


class HiddenPage(QObject):
    """A page laid out PAGE_WIDTH wide that never appears; measures one html at a time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWebEngineWidgets import QWebEngineView

        self._profile = QWebEngineProfile(self)  # off the record: nothing on disk
        self._guard = _OnlyThePage()
        self._profile.setUrlRequestInterceptor(self._guard)
        self._page = QWebEnginePage(self._profile, self)
        settings = self._page.settings()
        attribute = QWebEngineSettings.WebAttribute
        settings.setAttribute(attribute.JavascriptEnabled, False)
        settings.setAttribute(attribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(attribute.LocalContentCanAccessFileUrls, False)
        # Without a view a page has no size, and every label would measure as nothing.
        self._view = QWebEngineView()
        self._view.setPage(self._page)
        self._view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self._view.resize(PAGE_WIDTH, PAGE_HEIGHT)
        self._view.show()
        self._folder = tempfile.TemporaryDirectory(prefix="newsdesk-check-")
        self._callback: Callable[[str | None], None] | None = None
        self._script = MEASURE_SCRIPT
        self._page.loadFinished.connect(self._loaded)

    def measure(
        self, html: str, callback: Callable[[str | None], None], script: str = MEASURE_SCRIPT
    ) -> None:
        """Load `html` and call back with the script's JSON answer (None: it did not load)."""
        self._callback = callback
        self._script = script
        if len(html.encode("utf-8", "replace")) < SET_HTML_LIMIT:
            self._guard.page_url = QUrl()
            self._page.setHtml(html, QUrl("about:blank"))
            return
        page_file = Path(self._folder.name) / "page.html"
        page_file.write_text(html, encoding="utf-8", errors="replace")
        self._guard.page_url = QUrl.fromLocalFile(str(page_file))
        self._page.load(self._guard.page_url)

    def _loaded(self, ok: bool) -> None:
        callback, self._callback = self._callback, None
        if callback is None:
            return
        if not ok:
            callback(None)
            return
        self._page.runJavaScript(
            self._script,
            QWebEngineScript.ScriptWorldId.ApplicationWorld,
            lambda answer: callback(answer if isinstance(answer, str) else None),
        )

    def close(self) -> None:
        self._page.loadFinished.disconnect(self._loaded)
        self._view.setPage(None)  # type: ignore[arg-type]
        self._view.deleteLater()
        self._page.deleteLater()
        self._profile.deleteLater()
        self._folder.cleanup()


def _merged(answers: list[str | None]) -> list[Finding] | None:
    """One finding per label and place, the first way it is hidden (light, dark, print)."""
    if len(answers) < len(VARIANTS) or any(answer is None for answer in answers):
        return None
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for answer in answers:
        for finding in label_findings(answer):
            if (finding.code, finding.where) not in seen:
                seen.add((finding.code, finding.where))
                findings.append(finding)
    return findings


def _measure_all(page: HiddenPage, html: str, done: Callable[[list[str | None]], None]) -> None:
    """Measure every variant of `html` one after another, then call `done` with the answers."""
    answers: list[str | None] = []

    def next_variant(answer: str | None = None, first: bool = False) -> None:
        if not first:
            answers.append(answer)
        if len(answers) == len(VARIANTS) or (answers and answers[-1] is None):
            done(answers)
            return
        variant, script = VARIANTS[len(answers)]
        page.measure(variant(html), next_variant, script)

    next_variant(first=True)


class LayoutCheck(QObject):
    """The window's check of the page's labels: `request(html)` after each render; `measured`
    carries the findings of the newest page measured (light and dark)."""

    measured = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page: HiddenPage | None = None
        self._waiting = ""
        self._busy = False
        self.findings: list[Finding] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._start)

    def request(self, html: str, *, now: bool = False) -> None:
        self._waiting = html
        if now:
            self._timer.stop()
            self._start()
        else:
            self._timer.start()

    def _start(self) -> None:
        if self._busy or not self._waiting:
            return
        html, self._waiting = self._waiting, ""
        self._busy = True
        if self._page is None:
            self._page = HiddenPage(self)
        _measure_all(self._page, html, self._done)

    def _done(self, answers: list[str | None]) -> None:
        self._busy = False
        findings = _merged(answers)
        if findings is not None:
            self.findings = findings
            self.measured.emit(findings)
        if self._waiting:
            self._timer.start()

    def close(self) -> None:
        self._timer.stop()
        if self._page is not None:
            self._page.close()
            self._page = None


def measure_now(html: str, timeout_ms: int = TIMEOUT_MS) -> list[Finding] | None:
    """The findings for `html`, waited for (None when the page did not load in time)."""
    page = HiddenPage()
    loop = QEventLoop()
    measured: list[str | None] = []

    def done(answers: list[str | None]) -> None:
        measured.extend(answers)
        loop.quit()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(timeout_ms)
    _measure_all(page, html, done)
    if len(measured) < len(VARIANTS) and timer.isActive():
        loop.exec()
    timer.stop()
    page.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return _merged(measured)


def check_page_offscreen(html: str) -> list[Finding]:
    """The command line's check: the engine started offscreen as for a PDF; a finding saying
    the layout was not checked when it cannot start or answer."""
    from newsdesk.errors import ExportError

    try:
        from newsdesk.gui.printing.pdf_export import _ensure_application

        _ensure_application()
    except (ImportError, ExportError) as exc:
        return [skipped_finding(str(exc))]
    findings = measure_now(html)
    if findings is None:
        return [skipped_finding("the web engine did not answer in time")]
    return findings
