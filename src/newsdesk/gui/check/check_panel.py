"""The preflight panel: what `newsdesk check` would say about the article, kept up to date live.

The panel re-runs `newsdesk.model.preflight.preflight` on the stack's article a short pause
(REFRESH_DELAY_MS) after the last edit, typing included (typed text is written into the article
with `stack.flush_text()` first), and lists the findings: errors, then warnings, then hints, each
with its icon and its text in the interface language (`preflight_messages`). Above the list a
summary line says "2 errors, 3 warnings" or "Ready to publish".

Clicking a finding, or pressing Enter on it, emits `navigate_requested(where)` with the finding's
place exactly as preflight names it; the window turns that into a selection:
    "headline", "description", "byline", "language", "published", "slug"   a metadata field
    "sections"                     the article's text as a whole (the first section)
    "section:<id>"                 a section
    "images"                       the images (no lead image, or more than one)
    "image:<id>"                   one image
    "related"                      the related links' heading
    "related:<index>"              one related link (0-based position in the list)

The panel never changes the article. While it is hidden it does not re-run preflight (the check
walks the whole text); it catches up when shown, and `findings()` is always current.

Measured (2 shared cores, 100 sections, 100,000 words): preflight takes 18-40 ms, nine tenths of
it the two regular-expression scans for links and image references over every section; a refresh
after typing in a 1,000-word section adds 17 ms for writing that section's text back (flush_text),
so one refresh per typing pause costs 30-60 ms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.check.finding_messages import finding_texts, level_name
from newsdesk.gui.publish.page_profile import checked_article
from newsdesk.model.commands import Changes
from newsdesk.model.preflight import Finding, preflight
from newsdesk.publication import publication_findings
from newsdesk.spelling import Spelling

translate = QCoreApplication.translate

REFRESH_DELAY_MS = 400
WHERE_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2

_LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}
# QStyle.StandardPixmap's names, looked up when the first findings are shown: making that
# 80-member enum at import cost the window's start ~10 ms.
_LEVEL_ICONS = {
    "error": "SP_MessageBoxCritical",
    "warning": "SP_MessageBoxWarning",
    "info": "SP_MessageBoxInformation",
}


def summary_text(findings: list[Finding]) -> str:
    """ "2 errors, 3 warnings", "0 errors, 1 warning, 2 hints" or "Ready to publish"."""
    levels = Counter(finding.level for finding in findings)
    if not levels["error"] and not levels["warning"]:
        return translate("PreflightPanel", "Ready to publish")
    parts = [
        translate("PreflightPanel", "%n error(s)", None, levels["error"]),
        translate("PreflightPanel", "%n warning(s)", None, levels["warning"]),
    ]
    if levels["info"]:
        parts.append(translate("PreflightPanel", "%n hint(s)", None, levels["info"]))
    return translate("PreflightPanel", ", ").join(parts)


def _keys(findings: list[Finding]) -> list[tuple[str, str, int]]:
    """A key per finding that survives edits elsewhere: code, place, and which of several there.

    The message is no part of it: "the headline has 95 characters" becomes 96 while typing, and
    a selected finding should stay selected.
    """
    seen: Counter[tuple[str, str]] = Counter()
    keys = []
    for finding in findings:
        seen[(finding.code, finding.where)] += 1
        keys.append((finding.code, finding.where, seen[(finding.code, finding.where)]))
    return keys


class _FindingList(QListWidget):
    """The list; Enter and Return navigate like a click (itemActivated would double on KDE)."""

    enter_pressed = Signal(object)  # QListWidgetItem

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.enter_pressed.emit(self.currentItem())
            event.accept()
            return
        super().keyPressEvent(event)


class PreflightPanel(QWidget):
    """The live findings list (see the module docstring)."""

    navigate_requested = Signal(str)  # a finding's `where`
    finding_activated = Signal(str, str)  # the same, with the finding's code: (where, code)
    finding_chosen = Signal(object)  # the Finding itself (a spelling finding: go to its word)
    refreshed = Signal()  # the findings were computed anew

    def __init__(
        self, stack: ArticleState, parent: QWidget | None = None, *, check_now: bool = True
    ) -> None:
        """`check_now=False`: check first when shown or asked (the window builds the pane when
        its dock is first shown, and wires the spelling to it before that check)."""
        super().__init__(parent)
        self.setObjectName("preflight_panel")
        self._stack = stack
        self._findings: list[Finding] = []
        self.layout_findings: list[Finding] = []
        self._shown: list[tuple[str, str, str, str, str]] = []  # what the list displays now
        self._stale = True
        self._read_only = False
        self._flushing = False
        self._held = False  # see hold()
        # The spell checker while marking is on (gui/spelling sets it): its hints join the check.
        self.spelling_source: Callable[[], Spelling | None] = lambda: None

        self.summary = QLabel(self)
        self.summary.setObjectName("preflight_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.list = _FindingList(self)
        self.list.setObjectName("preflight_list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAccessibleName(translate("PreflightPanel", "Check findings"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._timer_fired)
        self.list.itemClicked.connect(self._navigate)
        self.list.enter_pressed.connect(self._navigate)
        stack.article_changed.connect(self._article_changed)
        stack.text_changed.connect(self._edited)
        if check_now:
            self.refresh_now()

    # --- public -------------------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        """The current findings, errors first (re-checked first if an edit is still pending)."""
        if self._stale or self._timer.isActive():
            self.refresh_now()
        return list(self._findings)

    def hold(self) -> None:
        """Check nothing on its own until `release` (the window's first paint comes first; a
        check of a 100,000-word article takes ~100 ms). `findings()` still checks when asked."""
        self._held = True

    def release(self) -> None:
        self._held = False
        if self._stale and self.isVisible():
            self.refresh_now()

    def recheck(self) -> None:
        """Check again soon (the spelling's word lists or its switch changed)."""
        self._edited()

    def error_count(self) -> int:
        return sum(1 for finding in self.findings() if finding.level == "error")

    def warning_count(self) -> int:
        return sum(1 for finding in self.findings() if finding.level == "warning")

    def set_read_only(self, read_only: bool) -> None:
        """The panel never edits, so a read-only article is listed and navigated just the same."""
        self._read_only = read_only

    def set_layout_findings(self, findings: list[Finding]) -> None:
        """What the page's layout hides of the press code's labels (gui/layouts/label_watch.py)."""
        self.layout_findings = list(findings)
        self.refresh_now()

    def current_where(self) -> str | None:
        item = self.list.currentItem()
        return item.data(WHERE_ROLE) if item is not None else None

    def refresh_now(self) -> None:
        """Check the article at once (typed text included) and show what was found."""
        from newsdesk.gui.layouts.page_layout import layout_choice_findings

        self._timer.stop()
        self._flushing = True
        try:
            self._stack.flush_text()
        finally:
            self._flushing = False
        # As the page is: without a language of its own, the article is in its publication's.
        findings = preflight(checked_article(self._stack.article), self.spelling_source())
        # The publication's word (kept out of preflight, which reads no settings), as
        # `newsdesk check` adds it.
        findings += publication_findings(self._stack.article)
        # The page layout's word: one that cannot be used, labels its stylesheet hides (measured
        # after the preview shows the page: gui/layouts/label_watch.py).
        findings += layout_choice_findings(self._stack.article) + self.layout_findings
        findings.sort(key=lambda finding: _LEVEL_ORDER.get(finding.level, len(_LEVEL_ORDER)))
        self._findings = findings
        self._stale = False
        self._show(findings)
        self.refreshed.emit()

    # --- refreshing ---------------------------------------------------------------------------

    def _article_changed(self, changes: Changes) -> None:
        if self._flushing:
            return  # our own flush_text(): the check that caused it reads this text already
        if changes.everything and self.isVisible() and not self._held:
            self.refresh_now()  # another article: show its findings without a pause
        else:
            self._edited()

    def _edited(self, *_args) -> None:
        if self._flushing:
            return
        self._stale = True
        self._timer.start()

    def _timer_fired(self) -> None:
        if self.isVisible() and not self._held:
            self.refresh_now()
        # Hidden: stay stale; showEvent or findings() catches up.

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and not self._held:
            self.refresh_now()

    def _show(self, findings: list[Finding]) -> None:
        article = self._stack.article
        keys = _keys(findings)
        rows = [
            (f.level, f.where, text, repr(k), f.code)
            for f, k, text in zip(findings, keys, finding_texts(findings, article), strict=True)
        ]
        self.summary.setText(summary_text(findings))
        if rows == self._shown:
            return
        current = self.list.currentItem()
        current_key = current.data(KEY_ROLE) if current is not None else None
        scroll = self.list.verticalScrollBar().value()
        self.list.blockSignals(True)
        try:
            self.list.clear()
            style = self.style()
            icons: dict[str, QIcon] = {
                level: style.standardIcon(getattr(QStyle.StandardPixmap, name))
                for level, name in _LEVEL_ICONS.items()
            }
            for level, where, text, key, code in rows:
                item = QListWidgetItem(icons.get(level, QIcon()), text)
                item.setData(WHERE_ROLE, where)
                item.setData(CODE_ROLE, code)
                item.setData(KEY_ROLE, key)
                item.setToolTip(level_name(level))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{level_name(level)}: {text}")
                self.list.addItem(item)
                if key == current_key:
                    self.list.setCurrentItem(item)
        finally:
            self.list.blockSignals(False)
        self.list.verticalScrollBar().setValue(scroll)
        self._shown = rows

    def _navigate(self, item: QListWidgetItem) -> None:
        self.navigate_requested.emit(item.data(WHERE_ROLE))
        self.finding_activated.emit(item.data(WHERE_ROLE), item.data(CODE_ROLE))
        row = self.list.row(item)
        if 0 <= row < len(self._findings):
            self.finding_chosen.emit(self._findings[row])
