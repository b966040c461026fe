"""The window's press code check of its page layout, wired between the preview and the Check.

After the preview shows a new page drawn in the journalist's own stylesheet, the page is measured
in a hidden Chromium page (gui/check/layout_check.py) and its findings join the Check panel's.
With the preview closed, the page is rendered for the check alone, a pause after the last edit.
The built-in layouts are tested to show every label, so for them nothing is measured (and no
hidden page is made); a finding of an earlier stylesheet goes when the layout changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer

from newsdesk.errors import NewsdeskError
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.preview.preview_pane import PreviewPane

if TYPE_CHECKING:
    from newsdesk.gui.check.layout_check import LayoutCheck
    from newsdesk.model.preflight import Finding


class LayoutFindings(Protocol):
    """Where the findings go: the Check pane, or the window's panes, which keep them for a Check
    pane not built yet (side_panes.py)."""

    @property
    def layout_findings(self) -> list[Finding]: ...

    def set_layout_findings(self, findings: list[Finding]) -> None: ...


PAUSE_MS = 1_500  # with the preview closed: after typing pauses this long


class LabelWatch(QObject):
    def __init__(
        self, state: ArticleState, preview: PreviewPane, check: LayoutFindings, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.preview = preview
        self.check = check
        self._layout_check: LayoutCheck | None = None
        self._flushing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._without_preview)
        preview.page_shown.connect(self._page_shown)
        state.article_changed.connect(self._edited)
        state.text_changed.connect(self._edited)

    @property
    def layout_check(self) -> LayoutCheck:
        """The hidden page's checker, made when a user's stylesheet is first shown."""
        if self._layout_check is None:
            from newsdesk.gui.check.layout_check import LayoutCheck

            self._layout_check = LayoutCheck(self)
            self._layout_check.measured.connect(self.check.set_layout_findings)
        return self._layout_check

    def _page_shown(self, how: str) -> None:
        if how != "same":
            self._measure(self.preview.page_html)

    def _measure(self, html: str) -> None:
        from newsdesk.gui.layouts.page_layout import uses_own_stylesheet

        if uses_own_stylesheet(self.state.article):
            self.layout_check.request(html)
        elif self.check.layout_findings:
            self.check.set_layout_findings([])

    def _edited(self, *_args: object) -> None:
        if (
            not self._flushing and not self.preview.isVisible()
        ):  # else the preview's next page is measured
            self._timer.start()

    def _without_preview(self) -> None:
        from newsdesk.formats.html_export import render_page
        from newsdesk.gui.layouts.page_layout import layout_for_page, uses_own_stylesheet
        from newsdesk.gui.publish.page_profile import page_profile

        if self.preview.isVisible():
            return
        article = self.state.article
        if not uses_own_stylesheet(article):
            self._measure("")
            return
        self._flushing = True
        try:
            self.state.flush_text()  # typed text reaches the article
        finally:
            self._flushing = False
        layout, _problem = layout_for_page(article)
        try:
            page = render_page(
                article,
                assets="preview",
                cache=self.preview.image_cache,
                missing_images="placeholder",
                profile=page_profile(article),
                layout=layout,
            )
        except NewsdeskError:
            return  # the preview says why when it is opened; nothing to measure
        self._measure(page.html)

    def close(self) -> None:
        self._timer.stop()
        if self._layout_check is not None:
            self._layout_check.close()
