"""The main window: section tree on the left, the section editor in the centre, panes around it.

Wiring only. The parts do the work and talk through the one ArticleState:
- SectionTreeView pushes structure commands and says which section is current;
- SectionEditor shows the current section's QTextDocument (owned by the stack, one per section);
- HeadlineBar edits headline and subheadline through SetArticleField commands;
- ArticleFiles opens, autosaves and saves; CountsStatus shows lengths; WindowActions the menus;
- SidePanes holds the docks for details, photos, related links, the preflight check and the
  live preview, and finds what a finding names; InlineImages shows photos placed in the text.

Layout and geometry are kept in the user's settings (gui/settings.py).
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.editor.find_actions import FindReplace
from newsdesk.gui.editor.headline_bar import HeadlineBar
from newsdesk.gui.editor.inline_images import InlineImages, can_insert_photo, insert_photo_file
from newsdesk.gui.editor.markdown_bridge import document_to_markdown
from newsdesk.gui.editor.section_editor import SectionEditor, new_section_document
from newsdesk.gui.editor.section_heading import SectionHeading
from newsdesk.gui.editor.view_modes import ArticleViews
from newsdesk.gui.files.article_files import ArticleFiles
from newsdesk.gui.files.autosave import Clock
from newsdesk.gui.files.open_or_import import open_filters
from newsdesk.gui.files.user_data import default_data_dir
from newsdesk.gui.first_paint import after_first_paint, in_turns
from newsdesk.gui.layouts.label_watch import LabelWatch
from newsdesk.gui.outline.section_tree import SectionTreeView
from newsdesk.gui.photos.image_caches import PreviewImageCache
from newsdesk.gui.photos.thumbnails import shared_thumbnailer
from newsdesk.gui.settings import Settings
from newsdesk.gui.side_panes import SidePanes
from newsdesk.gui.spelling.window_spelling import WindowSpelling
from newsdesk.gui.status import CountsStatus, LengthTargetDialog, load_target, store_target
from newsdesk.gui.undo_offer import UndoOffer
from newsdesk.gui.window_actions import WindowActions, WindowParts
from newsdesk.model.article import Article, Section
from newsdesk.model.commands import Changes, EditCommand
from newsdesk.publication import PUBLICATION_PROPERTY

PREFERRED_WIDTH, PREFERRED_HEIGHT = 1440, 900  # a first start on a large screen
LAYOUT_VERSION = 2  # 2: the panes of details, photos, links, check and preview
COUNTS_DELAY_MS = 250  # recount after typing pauses this long
COUNT_SECTIONS_PER_TURN = 10  # ~12 ms of counting on the 100,000-word article


def _forget_cache(thumbnailer, cache) -> None:
    """A closed window's project file no longer keeps the application's thumbnails."""
    if thumbnailer.cache is cache:
        thumbnailer.cache = None


def first_window_size(available: QSize) -> QSize:
    """The window's size at a first start: 1440 x 900, but never larger than the screen's free
    area (a laptop's 1366 x 768 or 1280 x 800 would otherwise cut off the status bar and panes)."""
    return QSize(min(PREFERRED_WIDTH, available.width()), min(PREFERRED_HEIGHT, available.height()))


class MainWindow(QMainWindow):
    """One article at a time; see the module docstring for who does what."""

    def __init__(
        self,
        *,
        settings: Settings | None = None,
        data_dir: Path | None = None,
        clock: Clock = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else Settings()
        self.data_dir = data_dir if data_dir is not None else default_data_dir()
        self.current_section_id: str | None = None
        self._target_path = ""  # the file the length target is stored for
        self._secondary_held = False  # see defer_secondary_work
        self._read_only_applied = False  # see showEvent

        self.article_state = ArticleState(
            Article(sections=[Section()]),
            document_factory=new_section_document,
            to_markdown=document_to_markdown,
            parent=self,
        )
        self.headline_bar = HeadlineBar(self.article_state, self)
        self.editor = SectionEditor(self)
        self.editor.set_undo_stack(self.article_state)
        self.editor.typographic_quotes = self.settings.typographic_quotes
        self.section_heading = SectionHeading(self.article_state, self)
        self.tree_view = SectionTreeView(self.article_state, self)
        self.tree_model = self.tree_view.tree_model
        self.finder = FindReplace(self.article_state, self)  # the dialog comes at the first Ctrl+F
        # The preview's photo sizes and the thumbnails are kept in the project file too (not in
        # a read-only view), so the next start needs neither the originals nor a decode.
        image_cache = PreviewImageCache(self._writable_project)
        thumbnailer = shared_thumbnailer()
        thumbnailer.cache = image_cache
        self.destroyed.connect(lambda: _forget_cache(thumbnailer, image_cache))
        self.panes = SidePanes(
            self, self.article_state, image_cache=image_cache, settings=self.settings
        )
        self.inline_images = InlineImages(self.article_state, self)
        self.files = ArticleFiles(
            self,
            self.article_state,
            settings=self.settings,
            data_dir=self.data_dir,
            clock=clock,
            before_save=self._commit_fields,
        )
        # The preview's dateModified is the file's last change, as `newsdesk export` writes it.
        self.panes.preview.project_path = lambda: (
            self.files.session.path if self.files.session is not None else None
        )
        self.counts = CountsStatus(self.statusBar())
        self.undo_offer = UndoOffer(self.statusBar(), self.article_state)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(COUNTS_DELAY_MS)
        self._counts_timer.timeout.connect(self.update_counts)

        self._build_layout()
        self.views = ArticleViews(self)
        self.window_actions = WindowActions(
            WindowParts(
                host=self,
                files=self.files,
                state=self.article_state,
                finder=self.finder,
                outline=self.tree_view,
                editor=self.editor,
                views=self.views,
                preview=self.panes.preview,
                settings=self.settings,
                open_with_dialog=self.open_with_dialog,
                set_typographic_quotes=self.set_typographic_quotes,
                edit_length_target=self.edit_length_target,
                insert_photo=self.insert_photo,
                can_insert_photo=self.can_insert_photo,
                format_actions=self.format_actions,
                panels=self.panels,
            )
        )
        self.spelling = WindowSpelling(self)
        self._connect()
        self._restore_layout()
        self._update_state()
        self.views.restore()

    # --- construction -------------------------------------------------------------------------

    def _build_layout(self) -> None:
        centre = QWidget(self)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.headline_bar)
        layout.addWidget(self.section_heading)
        layout.addWidget(self.editor, 1)
        self.setCentralWidget(centre)

        self.sections_dock = QDockWidget(self.tr("Sections"), self)
        self.sections_dock.setObjectName("sectionsDock")
        self.sections_dock.setWidget(self.tree_view)
        self.sections_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.sections_dock)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.format_toolbar: QToolBar = self.editor.format_toolbar(self)
        self.format_toolbar.setObjectName("formatToolbar")
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.format_toolbar)
        self.panes.arrange(self.sections_dock)
        self.resize(first_window_size(self.screen().availableGeometry().size()))

    def panels(self) -> list[QDockWidget | QToolBar]:
        """Docks and toolbars the View menu can show and hide."""
        return [self.sections_dock, *self.panes.docks(), self.format_toolbar]

    def format_actions(self) -> list[QAction]:
        return list(self.editor.format_actions())

    def _connect(self) -> None:
        stack = self.article_state
        self.tree_view.section_selected.connect(self.show_section)
        self.tree_view.node_selected.connect(self.panes.show_tree_node)
        self.tree_view.deleted.connect(self.undo_offer.offer)
        self.panes.section_requested.connect(self.go_to_section)
        self.panes.publication_requested.connect(
            lambda: self.window_actions.publication_settings.trigger()
        )
        self.panes.metadata.edited.connect(self.files.note_change)
        for lazy in ("images", "related"):  # built when first shown (side_panes.py)
            self.panes.when_built(lazy, lambda pane: pane.edited.connect(self.files.note_change))
        stack.section_activated.connect(self.activate_section)
        stack.document_replaced.connect(self._document_replaced)
        stack.article_changed.connect(self._article_changed)
        stack.text_changed.connect(lambda _id: self._counts_timer.start())
        self.headline_bar.edited.connect(self.files.note_change)
        self.editor.column_margin_changed.connect(self.section_heading.set_side_margin)
        self.section_heading.finished.connect(self._heading_finished)
        self.files.opened.connect(self._article_opened)
        self.files.followed.connect(self._article_followed)
        self.files.state_changed.connect(self._update_state)
        self.files.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.finder.match_found.connect(self.show_match)
        # The page's labels in the journalist's own stylesheet, measured for the Check (issue 18).
        self.label_watch = LabelWatch(stack, self.panes.preview, self.panes, self)

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state
        if state is None or not self.restoreState(state, LAYOUT_VERSION):
            # First start: an outline wide enough for typical section headings.
            self.panes.first_sizes(self.sections_dock)

    def save_layout(self) -> None:
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState(LAYOUT_VERSION)
        self.settings.sync()

    # --- opening (delegated to ArticleFiles, here for app.main and the menus) -----------------

    @property
    def article(self) -> Article:
        return self.article_state.article

    @property
    def session(self):
        return self.files.session

    @property
    def autosave(self):
        return self.files.autosave

    def open_path(self, path: Path) -> bool:
        return self.files.open_path(path)

    def open_start_file(self) -> bool:
        return self.files.open_start_file()

    def open_from_command_line(self, path: Path) -> bool:
        return self.files.open_from_command_line(path)

    def offer_unsaved_articles(self) -> bool:
        return self.files.offer_unsaved_articles()

    def open_with_dialog(self) -> bool:
        folder = str(self.session.path.parent) if self.session and not self.session.is_draft else ""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open"), folder, open_filters())
        return bool(name) and self.files.open_path(Path(name))

    def set_typographic_quotes(self, enabled: bool) -> None:
        """Format > Typographic Quotes: typed straight quotes become the article language's."""
        self.editor.typographic_quotes = enabled
        self.settings.typographic_quotes = enabled

    def _typing_language(self) -> str:
        """The quotes' language: the article's, else its publication's default (as the page)."""
        from newsdesk.gui.publish.page_profile import checked_article

        return checked_article(self.article).language

    def _article_opened(self) -> None:
        """A new article is in the stack: show its first section, ready to type."""
        self.headline_bar.set_article(self.article)
        self.editor.language = self._typing_language()
        path = str(self.session.path) if self.session else ""
        self._target_path = path
        if not self._secondary_held:  # else with the counts, once the window is on screen
            self._show_target()
        first = self.article.sections[0].id if self.article.sections else None
        if first is not None:
            self.tree_view.select_section(first)
            self.show_section(first)
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.update_counts()

    def defer_secondary_work(self) -> None:
        """Let the window's first paint come first: the outline's word counts, the status bar's
        counts, the check and the making of thumbnails wait until the window is on screen
        (application start; on a 100,000-word article with 20 photos they cost ~400 ms)."""
        self._secondary_held = True
        self.tree_model.hold_counts()
        self.panes.hold_check()
        shared_thumbnailer().hold()
        after_first_paint(self, self._release_secondary_work)

    def _release_secondary_work(self) -> None:
        self.panes.release_check()
        shared_thumbnailer().release()
        # A few sections' counts per turn of the event loop: counting 100,000 words at once
        # (~120 ms) kept the first keys waiting after the window appeared. Counts are cached by
        # text, so showing them afterwards counts nothing again. (The counting module too is
        # imported here: nothing is counted before the paint.)
        from newsdesk.model.counts import section_counts

        sections = list(self.article.walk_sections())
        pieces = [
            lambda part=sections[start : start + COUNT_SECTIONS_PER_TURN]: [
                section_counts(section) for section in part
            ]
            for start in range(0, len(sections), COUNT_SECTIONS_PER_TURN)
        ]
        in_turns(self, pieces, self._show_counts)

    def _show_counts(self) -> None:
        self._secondary_held = False
        self._show_target()
        self.tree_model.show_counts()
        self.update_counts()

    def _article_followed(self) -> None:
        """A read-only view took up a newer version: stay on the section being read."""
        self.headline_bar.set_article(self.article)
        current = self.current_section_id
        if current is None or self.article.find_section(current) is None:
            current = self.article.sections[0].id
        self.current_section_id = None
        self.tree_view.select_section(current)
        self.show_section(current)
        self.update_counts()

    # --- sections and the editor --------------------------------------------------------------

    def push_command(self, command: EditCommand, label: str) -> None:
        self.article_state.push_command(command, label)

    def show_section(self, section_id: str) -> None:
        """Put the section's document (kept by the stack, one per section) in the editor."""
        if self.article.find_section(section_id) is None:
            return
        if section_id != self.current_section_id or self.editor.document() is not (
            self.article_state.document(section_id)
        ):
            document = self.article_state.document(section_id)
            self.inline_images.prepare(document)
            self.views.release_editor()
            self.editor.set_document(document)
            self.current_section_id = section_id
            self.section_heading.set_section(section_id)
            self.panes.preview.show_section(section_id)
        self.views.show_section(section_id)
        self._counts_timer.start()

    def _heading_finished(self, section_id: str) -> None:
        """Enter in the section's heading: on into its text, at the start."""
        if section_id == self.current_section_id:
            self.editor.moveCursor(QTextCursor.MoveOperation.Start)
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to_section(self, section_id: str) -> None:
        """A finding names a section ("" = the article's first): show it, ready to type."""
        if not section_id and self.article.sections:
            section_id = self.article.sections[0].id
        if self.article.find_section(section_id) is None:
            return
        self.tree_view.select_section(section_id)
        self.show_section(section_id)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def insert_photo(self) -> None:
        """Insert > Photo…: a photo at the cursor, with its own caption, credit and alt text."""
        image_id = insert_photo_file(self, self.article_state, self.editor, settings=self.settings)
        if image_id is not None:
            # The new photo is open in the Photos tab, ready for its caption.
            self.panes.show_tree_node(f"image:{image_id}")
            self.panes.images.focus_field("caption")

    def can_insert_photo(self) -> bool:
        return can_insert_photo(self.editor)

    def _writable_project(self):
        files = getattr(self, "files", None)  # made after the panes
        if files is None or files.session is None or files.read_only:
            return None
        return files.session.project

    def _commit_fields(self) -> None:
        """Before a save: text still being typed in a field becomes part of the article."""
        self.headline_bar.commit()
        self.panes.commit()

    def activate_section(self, section_id: str) -> None:
        """Undo/redo of typing happens in this section: show it first."""
        if section_id != self.current_section_id:
            self.tree_view.select_section(section_id)
            self.show_section(section_id)

    def _document_replaced(self, section_id: str) -> None:
        if section_id == self.current_section_id:
            document = self.article_state.document(section_id)
            self.inline_images.prepare(document)
            self.views.release_editor()
            self.editor.set_document(document)
            self.views.show_section(section_id)

    def _article_changed(self, changes: Changes) -> None:
        if changes.everything or changes.fields & {"headline", "subheadline"}:
            self.headline_bar.refresh()
        if changes.everything or changes.fields & {"language", PUBLICATION_PROPERTY}:
            self.editor.language = self._typing_language()
        current = self.current_section_id
        if current is None or self.article.find_section(current) is None:
            # The current section went away (deleted, or a whole new article): follow the tree.
            fallback = self.tree_view.current_section_id()
            if fallback is None and self.article.sections:
                fallback = self.article.sections[0].id
            if fallback is not None:
                self.tree_view.select_section(fallback)
                self.show_section(fallback)
        self._counts_timer.start()

    def show_match(self, where: str, part: str, start: int, end: int) -> None:
        """Find & replace found something: select it where the journalist can see it."""
        if part == "body":
            self.activate_section(where)
            cursor = self.editor.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
        elif part == "heading":
            self.activate_section(where)
            self.views.heading_edit(where).setSelection(start, end - start)
        elif where in ("headline", "subheadline"):
            edit = getattr(self.headline_bar, where)
            edit.setSelection(start, end - start)
        else:
            self.statusBar().showMessage(self.tr("Found in the article details"), 4000)

    # --- counts -------------------------------------------------------------------------------

    def _show_target(self) -> None:
        """The length target stored for the file, in the status bar against the counts."""
        path = self._target_path
        self.counts.set_target(load_target(self.settings, path) if path else None)

    def update_counts(self) -> None:
        """Section and article counts, the current section taken live from its document."""
        self._counts_timer.stop()
        if self._secondary_held:
            return  # counted once the window is on screen
        from newsdesk.model.counts import (
            Counts,
            article_counts,
            heading_and_text_counts,
            section_counts,
        )

        article = self.article
        total = article_counts(article)
        section = article.find_section(self.current_section_id or "")
        live = None
        if section is not None:
            live = heading_and_text_counts(section.heading, self.editor.document().toPlainText())
            stale = section_counts(section)  # what the article's total holds for it so far
            total = Counts(
                total.words - stale.words + live.words,
                total.characters - stale.characters + live.characters,
            )
        self.counts.show_counts(live, total)

    def edit_length_target(self) -> None:
        if self.session is None:
            return
        dialog = LengthTargetDialog(self.counts.target, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            target = dialog.chosen_target()
            store_target(self.settings, str(self.session.path), target)
            self.counts.set_target(target)
        dialog.deleteLater()

    # --- title and read-only state ------------------------------------------------------------

    def _update_state(self) -> None:
        session = self.session
        if session is None:
            name = "Newsdesk"
        elif session.is_draft:
            name = self.tr("Unsaved article")
        else:
            name = session.path.name
        read_only = session is not None and session.read_only
        suffix = " " + self.tr("(read-only)") if read_only else ""
        self.setWindowTitle(f"{name}[*]{suffix} — Newsdesk")
        self.setWindowModified(self.files.pending)
        if session is not None and not session.is_draft:
            self.setWindowFilePath(str(session.path))
        if session is not None and str(session.path) != self._target_path:
            # Saved under another name: the length target goes along.
            self._target_path = str(session.path)
            if self.counts.target is not None:
                store_target(self.settings, self._target_path, self.counts.target)
        if session is not None or self._read_only_applied:
            self._apply_read_only()

    def showEvent(self, event: QShowEvent) -> None:
        # Shown before any article opened (a test's window), it is read-only. One whose article
        # opened first never was: disabling every action while the window was built and enabling
        # them again at the open sent ~300 events to the menus and toolbars during the start.
        if not self._read_only_applied:
            self._apply_read_only()
        super().showEvent(event)

    def _apply_read_only(self) -> None:
        self._read_only_applied = True
        read_only = self.files.read_only
        self.editor.setReadOnly(read_only)
        self.section_heading.set_read_only(read_only)
        views = getattr(self, "views", None)  # made after the first state update
        if views is not None:
            views.set_read_only(read_only)
        self.headline_bar.set_read_only(read_only)
        self.panes.set_read_only(read_only)
        self.tree_view.set_read_only(read_only)
        actions = getattr(self, "window_actions", None)
        if actions is not None:
            actions.set_read_only(read_only, can_save=self.session is not None)

    # --- closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.close():
            event.ignore()
            return
        self.finder.hide()
        self.save_layout()
        self.label_watch.close()
        event.accept()
