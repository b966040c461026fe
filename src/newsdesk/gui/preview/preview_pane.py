"""The live layout preview: exactly the page `newsdesk export` writes, following the typing.

The pane renders `render_page(article, assets="preview", missing_images="placeholder")`: the
export's markup, stylesheet and text, with one medium size per photo and a marked frame where a
photo is still missing. The photos are not in the page: it links them relatively
(`preview-images/<name>`) and the view serves their bytes from memory (`page_assets`), so the
page stays small and a render encodes nothing. It re-renders ~120 ms after the journalist pauses
(typing in any section, or any command), flushing the typed text into the article first. Two
caches keep that quick on a 100,000-word article: derived photo sizes (`MemoryCache`) and
rendered section text (`RenderCache`), so a pause renders the one changed section. A photo's sizes
are made on a worker thread (photo_preparer.py), never in a render: until they are, the photo is
the page's marked frame, and the page follows when they are made. The view then
swaps just the changed parts (a section, the header, a figure) into the shown page, scroll
position untouched, or, when the structure changed (a section added, moved, deleted), loads the
page again and restores the scroll position.

Tabs: the page, the social-media link card and the search result, both built from the rendered
page's head. A hidden pane does not render; it catches up when shown.

Widths (buttons in the tab bar, shown on the page tab only): "fit", the default, lays the page out
at the pane's own width at full size (what a reader with a window that wide sees); desktop, tablet
and phone lay it out at a fixed width, zoomed out when the pane is narrower. The last width chosen
is kept in the user's settings for the next start.

The view (Chromium on a private profile, ~0.1 s to make, or the simplified view) is made after
the window's first paint, so that it does not delay the window's appearance; the public methods
work before it exists (those that need it make it at once).

The "Dark" button beside the widths shows the page's own dark style (its prefers-color-scheme:
dark rules) instead of the light page most readers see; the default is light whatever the
desktop's scheme (color_scheme.py says how). Kept in the settings too.

Wiring (the window): construct with the undo stack, call `show_section(id)` when the current
section changes. gui/app.py decides, before the QApplication exists, whether the view draws in
software (engine.prefer_software_rendering) or needs shared OpenGL contexts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import NewsdeskError
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.dialogs.error_messages import error_text
from newsdesk.gui.first_paint import after_first_paint, in_turns
from newsdesk.gui.preview.engine import create_preview_view
from newsdesk.gui.settings import Settings
from newsdesk.model.commands import Changes

if TYPE_CHECKING:
    from newsdesk.derived_cache import DerivedCache
    from newsdesk.gui.preview.fallback_view import FallbackPreviewView
    from newsdesk.gui.preview.head_data import HeadData
    from newsdesk.gui.preview.social_previews import SearchSnippetPreview, SocialCardPreview
    from newsdesk.gui.preview.web_view import WebPreviewView
    from newsdesk.model.article import Section

    PreviewView = WebPreviewView | FallbackPreviewView
    from newsdesk.formats.html_export import RenderedPage
    from newsdesk.formats.render_cache import RenderCache
    from newsdesk.gui.preview.photo_preparer import PhotoPreparer

# The exporter, Python-Markdown and Pillow are imported when the first page is rendered, after
# the window's first paint: importing them with the window cost ~200 ms of its start.

translate = QCoreApplication.translate
_Contents = TypeVar("_Contents", bound=QWidget)

# The pause in typing after which the page follows. The page must show the text within 300 ms of
# a pause; on a 100,000-word article a render and patch take 100-150 ms after this (make bench),
# and a fast typist's keys come 60-90 ms apart, so typing itself does not trigger renders.
DEBOUNCE_MS = 120
SECTIONS_PER_TURN = 8  # ~40 ms of Markdown on the 100,000-word article
# While photos are being made, the page shows those made so far at most this often: each render
# of the 100,000-word article holds the event loop 100-250 ms, and 20 photos arrive ~0.2 s apart.
PHOTOS_SHOWN_MS = 1500
# Page widths in CSS pixels: a common laptop, a tablet in portrait, a phone.
PRESETS: dict[str, int] = {"desktop": 1280, "tablet": 768, "phone": 375}
FIT = "fit"  # the page laid out at the pane's own width, not zoomed
PRESET_NAMES: tuple[str, ...] = (FIT, *PRESETS)
MIN_ZOOM = 0.25  # Chromium's smallest zoom factor
_NOTICE_STYLE = "background: palette(tooltip-base); color: palette(tooltip-text);"


class PresetFrame(QWidget):
    """Shows the view `css_width` CSS pixels wide, centred; zoomed out when the pane is narrower.
    `css_width` None: the view fills the frame at zoom 1. The view may come later (`set_view`)."""

    def __init__(self, view: PreviewView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: PreviewView | None = None
        self.css_width: int | None = None
        self.setBackgroundRole(QPalette.ColorRole.Mid)  # the space around a narrow page
        self.setAutoFillBackground(True)
        if view is not None:
            self.set_view(view)

    def set_view(self, view: PreviewView) -> None:
        self.view = view
        view.setParent(self)
        self._place()
        view.show()

    def sizeHint(self) -> QSize:
        return QSize(480, 600)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 120)

    def set_css_width(self, css_width: int | None) -> None:
        self.css_width = css_width
        self._place()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        if self.view is None:
            return
        available = max(1, self.width())
        css_width = self.css_width or available
        width = min(available, css_width)
        self.view.setGeometry((available - width) // 2, 0, width, self.height())
        self.view.set_zoom(max(MIN_ZOOM, width / css_width))


class PreviewPane(QWidget):
    """The preview pane (see the module docstring)."""

    page_shown = Signal(str)  # the view shows the newest page: "load", "patch" or "same"

    def __init__(
        self,
        stack: ArticleState,
        parent: QWidget | None = None,
        *,
        image_cache: DerivedCache | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preview_pane")
        self._stack = stack
        self._settings = settings if settings is not None else Settings()
        self._images = image_cache
        self._render_cache: RenderCache | None = None
        self._preparer: PhotoPreparer | None = None
        self._html = ""
        self._assets: Mapping[str, bytes] = {}
        self._head: HeadData | None = None  # read from the first page (head_data)
        self._stale = True
        self._flushing = False
        self._reset_scroll = False
        self._edited_section: str | None = None
        self._preset = _saved_preset(self._settings)
        self._window_painted = False  # see showEvent
        self._waiting_for_paint = False
        # Made after the window's first paint (see the `view` property).
        self._view: PreviewView | None = None
        # Where a clicked link goes: the default browser (tests put a recorder here).
        self.open_link: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.show_notes = False  # View > Show Editor's Notes in the Preview (never exported)
        self._scroll_target: str | None = None  # the section shown before there was a view
        # The project file (None: none yet): its last change is the page's dateModified, as
        # `newsdesk export` writes it (the window sets this).
        self.project_path: Callable[[], Path | None] = lambda: None

        self.frame = PresetFrame(parent=self)
        self.notice = QLabel(self)
        self.notice.setObjectName("preview_notice")
        self.notice.setWordWrap(True)
        self.notice.setMargin(6)
        self.notice.setStyleSheet(_NOTICE_STYLE)
        self.notice.hide()
        self.problem = QLabel(self)
        self.problem.setObjectName("preview_problem")
        self.problem.setWordWrap(True)
        self.problem.setMargin(6)
        self.problem.hide()
        page_tab = QWidget(self)
        page_layout = QVBoxLayout(page_tab)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        # The widths sit above the page, not beside the tabs: in German, tabs and widths side by
        # side need more than a laptop's preview column, and the tab bar scrolled its last tab away.
        page_layout.addWidget(self._preset_buttons(), 0, Qt.AlignmentFlag.AlignRight)
        page_layout.addWidget(self.notice)
        page_layout.addWidget(self.problem)
        page_layout.addWidget(self.frame, 1)

        # The link card and the search result are made when first asked for (social_card,
        # search_snippet): most starts never show them (their modules and widgets: ~2 ms).
        self._social_card: SocialCardPreview | None = None
        self._search_snippet: SearchSnippetPreview | None = None
        self._card_page = self._tab_page()
        self._snippet_page = self._tab_page()
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(page_tab, translate("PreviewPane", "Page"))
        self.tabs.addTab(self._card_page, translate("PreviewPane", "Social card"))
        self.tabs.addTab(self._snippet_page, translate("PreviewPane", "Search result"))
        self.tabs.currentChanged.connect(self._show_head)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.frame.set_css_width(PRESETS.get(self._preset))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_now)
        self._photos_timer = QTimer(self)
        self._photos_timer.setSingleShot(True)
        self._photos_timer.setInterval(PHOTOS_SHOWN_MS)
        self._photos_timer.timeout.connect(self._schedule)
        stack.text_changed.connect(self._typed)
        stack.article_changed.connect(self._article_changed)
        self._schedule()

    def _tab_page(self) -> QWidget:
        """An empty tab until its contents are first asked for (a scroll area comes then)."""
        page = QWidget(self)
        QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
        return page

    @staticmethod
    def _fill(page: QWidget, contents: _Contents) -> _Contents:
        """`contents` in a scroll area on the tab `page`."""
        area = QScrollArea(page)
        area.setWidgetResizable(True)
        area.setWidget(contents)
        layout = page.layout()
        assert layout is not None  # made with the page (_tab_page)
        layout.addWidget(area)
        return contents

    @property
    def social_card(self) -> SocialCardPreview:
        """The link card as social networks draw it (the "Social card" tab)."""
        if self._social_card is None:
            from newsdesk.gui.preview.social_previews import SocialCardPreview

            self._social_card = self._fill(self._card_page, SocialCardPreview())
        return self._social_card

    @property
    def search_snippet(self) -> SearchSnippetPreview:
        """The search engines' result for the page (the "Search result" tab)."""
        if self._search_snippet is None:
            from newsdesk.gui.preview.social_previews import SearchSnippetPreview

            self._search_snippet = self._fill(self._snippet_page, SearchSnippetPreview())
        return self._search_snippet

    def _preset_buttons(self) -> QWidget:
        bar = QWidget(self)
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 4, 0)
        self._preset_group = QButtonGroup(self)
        self._preset_group.setExclusive(True)
        names = {
            FIT: translate("PreviewPane", "Fit"),
            "desktop": translate("PreviewPane", "Desktop"),
            "tablet": translate("PreviewPane", "Tablet"),
            "phone": translate("PreviewPane", "Phone"),
        }
        self.preset_buttons: dict[str, QToolButton] = {}
        for name, text in names.items():
            button = QToolButton(bar)
            button.setObjectName(f"preset_{name}")
            button.setText(text)
            button.setCheckable(True)
            button.setAutoRaise(True)
            if name == FIT:
                tip = translate("PreviewPane", "Show the page as wide as this panel, at full size")
            else:
                tip = translate("PreviewPane", "Show the page %1 pixels wide")
                tip = tip.replace("%1", str(PRESETS[name]))
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, n=name: self.set_preset(n))
            self._preset_group.addButton(button)
            row.addWidget(button)
            self.preset_buttons[name] = button
        self.preset_buttons[self._preset].setChecked(True)
        # The page's own dark style (color_scheme.py), beside the widths: not one of them.
        row.addSpacing(8)
        self.dark_style_button = QToolButton(bar)
        self.dark_style_button.setObjectName("preview_dark_style")
        self.dark_style_button.setText(translate("PreviewPane", "Dark"))
        self.dark_style_button.setToolTip(
            translate(
                "PreviewPane",
                "Show the page's own dark style, as readers whose system is set to dark see it",
            )
        )
        self.dark_style_button.setCheckable(True)
        self.dark_style_button.setAutoRaise(True)
        self.dark_style_button.setChecked(self._settings.preview_dark_style)
        self.dark_style_button.toggled.connect(self.set_dark_style)
        row.addWidget(self.dark_style_button)
        self.preset_bar = bar
        return bar

    # --- public API ---------------------------------------------------------------------------

    @property
    def view(self) -> PreviewView:
        """The page's view: a WebPreviewView, or a FallbackPreviewView when Chromium cannot run.
        Made on first use; the pane itself makes it after the window's first paint."""
        return self._view if self._view is not None else self._make_view()

    @property
    def has_view(self) -> bool:
        """Whether the view exists yet (it is made after the window's first paint)."""
        return self._view is not None

    @property
    def image_cache(self) -> DerivedCache:
        """Derived photo sizes: the cache the window gave, else one in memory (made on use)."""
        if self._images is None:
            from newsdesk.derived_cache import MemoryCache

            self._images = MemoryCache()
        return self._images

    @property
    def photo_preparer(self) -> PhotoPreparer:
        """Makes the photos' preview sizes on worker threads (made on use); the page shows a
        photo once they are made, a marked frame until then."""
        if self._preparer is None:
            from newsdesk.formats.html_figures import PREVIEW_WIDTHS
            from newsdesk.gui.preview.photo_preparer import PhotoPreparer

            self._preparer = PhotoPreparer(self.image_cache, PREVIEW_WIDTHS, self)
            self._preparer.ready.connect(self._photo_made)
        return self._preparer

    def _photo_made(self) -> None:
        """A photo's sizes are made: the page shows it with the next render, at once after the
        last photo waiting, else with the others made within PHOTOS_SHOWN_MS."""
        if self.photo_preparer.waiting == 0:
            self._photos_timer.stop()
            self._schedule()
        elif not self._photos_timer.isActive():
            self._photos_timer.start()

    @property
    def render_cache(self) -> RenderCache:
        """Rendered section text, kept between renders (made with the first render)."""
        if self._render_cache is None:
            from newsdesk.formats.render_cache import RenderCache

            self._render_cache = RenderCache()
        return self._render_cache

    @property
    def preset(self) -> str:
        return self._preset

    @property
    def page_html(self) -> str:
        """The page last rendered: what the export writes, with the preview's image URLs."""
        return self._html

    @property
    def page_assets(self) -> Mapping[str, bytes]:
        """The photos the last page links, by their relative URL ("preview-images/<name>")."""
        return self._assets

    @property
    def head(self) -> HeadData:
        """What the last page's head says (empty before the first page)."""
        if self._head is None:
            from newsdesk.gui.preview.head_data import HeadData

            self._head = HeadData()
        return self._head

    @property
    def blocked_requests(self) -> int:
        """Requests of the shown pages that were refused (the network, local files)."""
        return self._view.blocked_requests if self._view is not None else 0

    @property
    def is_simplified(self) -> bool:
        from newsdesk.gui.preview.fallback_view import FallbackPreviewView

        return isinstance(self.view, FallbackPreviewView)

    def set_read_only(self, read_only: bool) -> None:
        """The preview never edits; nothing changes in read-only mode."""

    def set_preset(self, name: str) -> None:
        """Show the page at a preset width: "fit", "desktop", "tablet" or "phone"; the choice is
        kept for the next start."""
        if name not in PRESET_NAMES:
            raise ValueError(
                f"unknown preview width {name!r}; use one of {', '.join(PRESET_NAMES)}"
            )
        self._preset = name
        self.preset_buttons[name].setChecked(True)
        self.frame.set_css_width(PRESETS.get(name))
        self._settings.preview_preset = name

    @property
    def dark_style(self) -> bool:
        """Whether the page is shown in its own dark style (else light, as most readers see it)."""
        return self.dark_style_button.isChecked()

    def set_dark_style(self, dark: bool) -> None:
        """Show the page's dark style or its light one; kept for the next start."""
        self._settings.preview_dark_style = dark
        if self.dark_style_button.isChecked() != dark:
            self.dark_style_button.setChecked(dark)  # comes back here through `toggled`
            return
        if self._view is not None and self._html:
            self.view.show_page(self._page_for_view(self._html), assets=self._assets)

    def _page_for_view(self, html: str) -> str:
        from newsdesk.gui.preview.color_scheme import DARK, LIGHT, page_in_scheme

        return page_in_scheme(html, DARK if self.dark_style else LIGHT)

    def show_section(self, section_id: str) -> None:
        """Scroll the page to a section (the window calls this when the current one changes)."""
        if self._view is None:
            self._scroll_target = section_id  # once the view is made
        else:
            self._scroll_to_section(section_id)

    def _scroll_to_section(self, section_id: str) -> None:
        from newsdesk.formats.jsonld import section_anchor

        article = self._stack.article
        section = article.find_section(section_id)
        if section is None:
            return
        # The lead belongs with the headline and the lead photo above it: show the page's top.
        lead = bool(article.sections) and section is article.sections[0]
        self.view.scroll_to_element("" if lead else section_anchor(section))

    def refresh_now(self) -> None:
        """Render the article and show it now, not after the typing pause."""
        from newsdesk.formats.html_export import render_page
        from newsdesk.gui.publish.page_profile import page_profile

        self._timer.stop()
        self._stale = False
        self._flushing = True
        try:
            self._stack.flush_text()  # typed text reaches the article (emits article_changed)
        finally:
            self._flushing = False
        from newsdesk.gui.layouts.page_layout import layout_for_page

        layout, layout_problem = layout_for_page(self._stack.article)
        try:
            page = render_page(
                self._stack.article,
                assets="preview",
                cache=self.image_cache,
                missing_images="placeholder",
                render_cache=self.render_cache,
                profile=page_profile(self._stack.article),
                show_notes=self.show_notes,
                layout=layout,
                photo_ready=self.photo_preparer.is_ready,
            )
        except NewsdeskError as exc:
            self.problem.setText(
                translate("PreviewPane", "The preview could not be shown: %1").replace(
                    "%1", error_text(exc)
                )
            )
            self.problem.show()
            return
        if layout_problem is None:
            self.problem.hide()
        else:  # drawn in Standard, never a blank page
            self.problem.setText(
                translate(
                    "PreviewPane",
                    "The page layout cannot be used, so the preview shows Standard: %1",
                ).replace("%1", error_text(layout_problem))
            )
            self.problem.show()
        self._html = page.html
        self._assets = page_assets(page)
        from newsdesk.gui.preview.head_data import read_head

        self._head = read_head(page.html)
        keep_scroll = not self._reset_scroll
        self._reset_scroll = False
        self.view.show_page(
            self._page_for_view(page.html), keep_scroll=keep_scroll, assets=self._assets
        )
        self._follow_typing()
        self._show_head()

    def page_text(self, callback: Callable[[str], None]) -> None:
        """Call back with the text of the shown page (the DOM's innerText)."""
        self.view.page_text(callback)

    def page_width(self, callback: Callable[[float], None]) -> None:
        """Call back with the shown page's width in CSS pixels."""
        self.view.page_width(callback)

    def scroll_y(self) -> float:
        return self._view.scroll_y() if self._view is not None else 0.0

    # --- updates ------------------------------------------------------------------------------

    def _typed(self, section_id: str) -> None:
        self._edited_section = section_id
        self._schedule()

    def _article_changed(self, changes: Changes) -> None:
        if self._flushing or not changes:
            return  # our own flush: the render that follows shows it
        if changes.everything:  # another article: start at its top
            self._reset_scroll = True
            self._edited_section = None
            if self._preparer is not None:  # nor make the photos of the one before
                self._preparer.drop_waiting()
        self._schedule()

    def _schedule(self) -> None:
        self._stale = True
        if self.isVisible() and self._window_painted:
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._window_painted:
            # The first render (photos sized, every section converted) waits until the window
            # has been painted once: the journalist sees the text at once, the page follows.
            if not self._waiting_for_paint:
                self._waiting_for_paint = True
                after_first_paint(self, self._window_shown)
        elif self._stale:
            self._timer.start()

    def _window_shown(self) -> None:
        in_turns(self, self._first_render_work(), self._first_render)

    def _first_render_work(self) -> list[Callable[[], object]]:
        """What the first render would do in one block (on the 100,000-word article: 0.6 s of
        Markdown), cut in pieces. The photos come first: a piece looks a photo up in the cache
        and, when its sizes are not there, queues it for the worker threads (photo_preparer),
        which make them (2 s of work for 20 camera photos) while the text is converted."""

        def text(texts: list[str]) -> None:
            for markdown in texts:
                self.render_cache.markdown(markdown)

        def photo(image) -> None:
            self.photo_preparer.is_ready(image)

        article = self._stack.article
        sections = list(article.walk_sections())

        def texts_of(part: list[Section]) -> Callable[[], None]:
            return lambda: text([section.markdown for section in part])  # read when it runs

        work: list[Callable[[], object]] = [
            partial(photo, image) for image in article.images if image.has_photo
        ]
        work += [
            texts_of(sections[start : start + SECTIONS_PER_TURN])
            for start in range(0, len(sections), SECTIONS_PER_TURN)
        ]
        return work

    def _first_render(self) -> None:
        """The view and the render, which find the first render's work made."""
        self._window_painted = True
        self._make_view()
        if self._stale and self.isVisible():
            self._timer.start()

    def _open_link(self, url: QUrl) -> None:
        """A link clicked in the page opens in the journalist's browser, never in the preview."""
        self.open_link(url)

    def _make_view(self) -> PreviewView:
        if self._view is not None:
            return self._view
        view = create_preview_view()
        self._view = view
        view.shown.connect(self.page_shown)
        view.link_clicked.connect(self._open_link)
        self.frame.set_view(view)
        self.notice.setText(view.notice)
        self.notice.setVisible(bool(view.notice))
        if self._scroll_target is not None:
            self._scroll_to_section(self._scroll_target)
            self._scroll_target = None
        return view

    def _follow_typing(self) -> None:
        """Keep the section being typed in on screen, if the page was scrolled away from it."""
        if self._edited_section is None:
            return
        from newsdesk.formats.jsonld import section_anchor

        section = self._stack.article.find_section(self._edited_section)
        self._edited_section = None
        if section is not None:
            self.view.scroll_to_element(section_anchor(section), only_if_hidden=True)

    def _show_head(self, *_args) -> None:
        current = self.tabs.currentIndex()
        if current == 1:
            self.social_card.show_head(self.head, self._stack.article, self._assets)
        elif current == 2:
            self.search_snippet.show_head(self.head, self._stack.article)


def page_assets(page: RenderedPage) -> dict[str, bytes]:
    """A rendered page's photos by the relative URL the page links them with."""
    return {f"{page.asset_dir_name}/{asset.name}": asset.data for asset in page.assets}


def _saved_preset(settings: Settings) -> str:
    """The width chosen last time, or "fit"."""
    name = settings.preview_preset
    return name if name in PRESET_NAMES else FIT
