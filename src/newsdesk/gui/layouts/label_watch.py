"""The window's press code check of its page layout, wired between the preview and the Check.

After the preview shows a new page drawn in the journalist's own stylesheet, the page is measured
in a hidden Chromium page (gui/check/layout_check.py) and its findings join the Check panel's. The
built-in layouts are tested to show every label, so for them nothing is measured (and no hidden
page is made); a finding of an earlier stylesheet goes when the layout changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.check.check_panel import PreflightPanel
from newsdesk.gui.preview.preview_pane import PreviewPane


class LabelWatch(QObject):
    def __init__(
        self, state: ArticleState, preview: PreviewPane, check: PreflightPanel, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.preview = preview
        self.check = check
        self._layout_check = None
        preview.page_shown.connect(self._page_shown)

    @property
    def layout_check(self):
        """The hidden page's checker, made when a user's stylesheet is first shown."""
        if self._layout_check is None:
            from newsdesk.gui.check.layout_check import LayoutCheck

            self._layout_check = LayoutCheck(self)
            self._layout_check.measured.connect(self.check.set_layout_findings)
        return self._layout_check

    def _page_shown(self, how: str) -> None:
        if how == "same":
            return
        from newsdesk.gui.layouts.page_layout import uses_own_stylesheet

        if uses_own_stylesheet(self.state.article):
            self.layout_check.request(self.preview.page_html)
        elif self.check.layout_findings:
            self.check.set_layout_findings([])

    def close(self) -> None:
        if self._layout_check is not None:
            self._layout_check.close()
