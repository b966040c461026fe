"""The window's panes around the editor, in docks: article details, photos, related links, the
preflight check and the live layout preview.

The default arrangement (the journalist may move, tab, float and hide every dock; the layout is
kept in the user's settings by the window):

    left:   Sections (the window's own dock) above Details | Photos | Links | Check as tabs
    right:  the Preview, full height, so the page is seen while any of them is edited

Each pane edits the article only through the one undo history. This module builds the docks and
answers "where is that?" for the preflight and the section tree: `go_to(where)` selects the field,
photo or link a finding names; sections are the window's business (`section_requested`).

The Photos, Related Links and Check panes sit behind the Details tab at start, so they are
built (and their modules imported) when their dock is first shown, or when something asks for
`images`, `related` or `preflight`; `when_built` lets others wire themselves to a pane whenever it
comes (start time, issue 18; tests/gui/test_lazy_start.py). Nothing needs the check's findings
while its pane does not exist (the pane checks only while shown, and anew when it is built): what
the layout check measures is kept here until then (`set_layout_findings`), and `recheck` and
`hold_check` wait for the pane. The details and the preview are built with the window.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from newsdesk.derived_cache import DerivedCache
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.details.details_pane import MetadataPane
from newsdesk.gui.preview import PreviewPane
from newsdesk.gui.settings import Settings

if TYPE_CHECKING:
    from newsdesk.gui.check.check_panel import PreflightPanel
    from newsdesk.gui.links.related_links_pane import RelatedLinksPane
    from newsdesk.gui.photos.photo_pane import ImagePane
    from newsdesk.model.preflight import Finding

_DOCK_FEATURES = (
    QDockWidget.DockWidgetFeature.DockWidgetMovable
    | QDockWidget.DockWidgetFeature.DockWidgetClosable
    | QDockWidget.DockWidgetFeature.DockWidgetFloatable
)
# Article fields the details pane shows; a finding naming one of them opens that field.
_DETAIL_FIELDS = (
    "headline",
    "subheadline",
    "kicker",
    "byline",
    "dateline",
    "published",
    "language",
    "slug",
    "description",
    "tags",
)


class SidePanes(QObject):
    """Creates the panes and their docks on `window` (see the module docstring)."""

    section_requested = Signal(str)  # a finding names a section ("" = the first one)
    publication_requested = Signal()  # a finding names the publication (its settings)

    def __init__(
        self,
        window: QMainWindow,
        stack: ArticleState,
        *,
        image_cache: DerivedCache | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._stack = stack
        self._settings = settings
        self._read_only = False
        self._built: dict[str, QWidget] = {}  # the lazily built panes, by name
        self._waiting: dict[str, list[Callable[[Any], None]]] = {
            "images": [],
            "related": [],
            "check": [],
        }
        self._check_held = False  # see hold_check
        self._layout_findings: list[Finding] = []  # for the Check pane, kept until it exists
        self.metadata = MetadataPane(stack, window)
        self.preview = PreviewPane(stack, window, image_cache=image_cache, settings=settings)

        self.details_dock = self._dock("detailsDock", self.tr("Details"), self.metadata)
        self.photos_dock = self._dock("photosDock", self.tr("Photos"), QWidget())
        self.links_dock = self._dock("linksDock", self.tr("Related Links"), QWidget())
        self.check_dock = self._dock("checkDock", self.tr("Check"), QWidget())
        for name, dock in (
            ("images", self.photos_dock),
            ("related", self.links_dock),
            ("check", self.check_dock),
        ):
            dock.visibilityChanged.connect(functools.partial(self._dock_visibility_changed, name))
        self.preview_dock = self._dock("previewDock", self.tr("Preview"), self.preview)

    # --- the panes built on first show ---------------------------------------------------------

    @property
    def images(self) -> ImagePane:
        """The Photos pane (built now if it was not yet)."""
        return self._pane("images")  # type: ignore[return-value]

    @property
    def related(self) -> RelatedLinksPane:
        """The Related Links pane (built now if it was not yet)."""
        return self._pane("related")  # type: ignore[return-value]

    @property
    def preflight(self) -> PreflightPanel:
        """The Check pane (built now if it was not yet)."""
        return self._pane("check")  # type: ignore[return-value]

    def is_built(self, name: str) -> bool:
        """Whether the lazily built pane `name` ("images", "related", "check") exists yet."""
        return name in self._built

    def when_built(self, name: str, callback: Callable[[Any], None]) -> None:
        """Call `callback(pane)` once the pane `name` exists (now, if it does)."""
        if name in self._built:
            callback(self._built[name])
        else:
            self._waiting[name].append(callback)

    # --- the check, whether or not its pane exists ------------------------------------------------

    def hold_check(self) -> None:
        """The check waits for the window's first paint (PreflightPanel.hold), built or not."""
        self._check_held = True
        if self.is_built("check"):
            self.preflight.hold()

    def release_check(self) -> None:
        self._check_held = False
        if self.is_built("check"):
            self.preflight.release()

    def recheck(self) -> None:
        """Check again soon (settings the check reads changed); a pane built later checks anew
        anyway."""
        if self.is_built("check"):
            self.preflight.recheck()

    @property
    def layout_findings(self) -> list[Finding]:
        return self._layout_findings

    def set_layout_findings(self, findings: list[Finding]) -> None:
        """What the page's layout hides (gui/layouts/label_watch.py), for the Check pane."""
        self._layout_findings = list(findings)
        if self.is_built("check"):
            self.preflight.set_layout_findings(findings)

    def _dock_visibility_changed(self, name: str, visible: bool) -> None:
        if visible:
            self._pane(name)

    def _pane(self, name: str) -> QWidget:
        pane = self._built.get(name)
        if pane is not None:
            return pane
        window, stack = self._window, self._stack
        if name == "images":
            from newsdesk.gui.photos.photo_pane import ImagePane
            from newsdesk.gui.photos.photo_placement import place_photo

            images = ImagePane(stack, window, settings=self._settings)
            editor = getattr(window, "editor", None)
            if editor is not None:
                images.place_in_text = functools.partial(place_photo, stack, editor, window)
            pane, dock = images, self.photos_dock
        elif name == "related":
            from newsdesk.gui.links.related_links_pane import RelatedLinksPane

            pane, dock = RelatedLinksPane(stack, window), self.links_dock
        else:
            from newsdesk.gui.check.check_panel import PreflightPanel

            # Checked when shown or asked (its showEvent, findings()), after the wiring below.
            check = PreflightPanel(stack, window, check_now=False)
            if self._check_held:
                check.hold()
            check.layout_findings = list(self._layout_findings)
            check.finding_activated.connect(self.go_to)
            pane, dock = check, self.check_dock
        self._built[name] = pane
        pane.set_read_only(self._read_only)  # type: ignore[attr-defined]
        for callback in self._waiting.pop(name, []):
            callback(pane)  # wired before it is shown (a shown Check pane checks at once)
        placeholder = dock.widget()
        dock.setWidget(pane)
        if placeholder is not None:
            placeholder.deleteLater()
        return pane

    def _dock(self, name: str, title: str, pane: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)
        dock.setFeatures(_DOCK_FEATURES)
        dock.setWidget(pane)
        return dock

    def arrange(self, sections_dock: QDockWidget) -> None:
        """The default layout (a restored layout from the settings replaces it afterwards)."""
        window = self._window
        window.splitDockWidget(sections_dock, self.details_dock, Qt.Orientation.Vertical)
        window.tabifyDockWidget(self.details_dock, self.photos_dock)
        window.tabifyDockWidget(self.photos_dock, self.links_dock)
        window.tabifyDockWidget(self.links_dock, self.check_dock)
        self.details_dock.raise_()
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.preview_dock)
        # Before the first paint, though QStyle's Python type costs ~5 ms: fitted later, the
        # column would widen under the journalist's eyes on a 1366-pixel laptop.
        self._fit_tab_titles()

    def _fit_tab_titles(self) -> None:
        """The tabbed panes are never narrower than their tab titles.

        Qt elides the titles of tabbed docks to fit the column ("Anga…", "Fo…", "Prüf…" in German
        on a 1280-pixel laptop); a minimum width that holds every title keeps them whole.
        """
        tabbed = [self.details_dock, self.photos_dock, self.links_dock, self.check_dock]
        metrics = QFontMetrics(self._window.font())
        # A tab is its title plus the style's horizontal tab space (as QTabBar sizes it), and a
        # little for the tab's frame.
        from PySide6.QtWidgets import QStyle

        style = self._window.style()
        padding = style.pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace) + 4
        needed = sum(metrics.horizontalAdvance(dock.windowTitle()) + padding for dock in tabbed)
        for dock in tabbed:
            dock.setMinimumWidth(needed)

    def first_sizes(self, sections_dock: QDockWidget) -> None:
        """Sizes for a first start: outline above the panes, a preview a phone page fits in."""
        window = self._window
        window.resizeDocks([sections_dock, self.details_dock], [300, 600], Qt.Orientation.Vertical)
        window.resizeDocks(
            [sections_dock, self.preview_dock], [340, 540], Qt.Orientation.Horizontal
        )

    def docks(self) -> list[QDockWidget]:
        return [
            self.details_dock,
            self.photos_dock,
            self.links_dock,
            self.check_dock,
            self.preview_dock,
        ]

    # --- saving and read-only -----------------------------------------------------------------

    def commit(self) -> None:
        """Before a save: what is being typed in a field becomes part of the article."""
        self.metadata.commit()
        for name in ("images", "related"):
            if name in self._built:
                self._built[name].commit()  # type: ignore[attr-defined]

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only  # a pane built later starts in this state
        for pane in (self.metadata, *self._built.values()):
            pane.set_read_only(read_only)  # type: ignore[attr-defined]

    # --- navigation ---------------------------------------------------------------------------

    def _show(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()

    def show_tree_node(self, key: str) -> None:
        """The section tree's fixed rows: the article itself, the photos, the related links."""
        if key == "root":
            self._show(self.details_dock)
        elif key == "images":
            self._show(self.photos_dock)
        elif key.startswith("image:"):
            self._show(self.photos_dock)
            self.images.select_image(key.removeprefix("image:"))
        elif key == "links":
            self._show(self.links_dock)

    def go_to(self, where: str, code: str = "") -> None:
        """Select what a preflight finding names (see model/preflight.py for the `where` forms);
        with the finding's `code`, a photo finding also puts the cursor in the field to fix."""
        from newsdesk.gui.photos.photo_pane import FINDING_FIELDS  # a finding: the pane is near

        if where.startswith("image:") and code in FINDING_FIELDS:
            self.show_tree_node(where)
            self.images.focus_field(FINDING_FIELDS[code])
        elif where == "sections":
            self.section_requested.emit("")
        elif where.startswith("section:"):
            self.section_requested.emit(where.removeprefix("section:"))
        elif where == "images" or where.startswith("image:"):
            self.show_tree_node(where)
        elif where == "publication":
            self.publication_requested.emit()
        elif where == "related":
            self._show(self.links_dock)
            self.related.focus_heading()
        elif where.startswith("related:"):
            self._show(self.links_dock)
            index = where.removeprefix("related:")
            if index.isdigit():
                self.related.select_link(int(index))
        elif where in _DETAIL_FIELDS:
            self._show(self.details_dock)
            self.metadata.focus_field(where)
