"""The file behind the window: open, new, import, save, Save As, export, revisions, quit.

`ArticleFiles` owns the open ProjectSession and the AutosaveController and keeps them in step with
the window's ArticleState: every change the stack reports (typing, structure, headline) is a
pending change for autosave; before each save the stack writes changed documents into the article
(`flush_text`) and the headline bar commits what is being typed. The window owns the widgets and
reacts to `opened` (show the first section) and `state_changed` (title, read-only, actions).

Switching articles never drops text: the current one is saved first, and a switch is abandoned
when that save fails and the journalist does not save a copy.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk.errors import NewsdeskError
from newsdesk.formats.slug import effective_slug
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.dialogs.errors import Choice, ask_choice, show_error
from newsdesk.gui.files.automatic_revisions import (
    EDITING_INTERVAL,
    AutomaticRevisions,
    editing_label,
)
from newsdesk.gui.files.autosave import AutosaveController, Clock
from newsdesk.gui.files.file_drops import FileDrops
from newsdesk.gui.files.open_or_import import ask_to_import, offers_import
from newsdesk.gui.files.session import (
    ProjectSession,
    SaveOutcome,
    choose_project_path,
    create_session,
    open_session,
)
from newsdesk.gui.files.user_data import (
    article_is_empty,
    delete_draft,
    ensure_sample_copy,
    is_draft,
    list_drafts,
    new_draft_path,
)
from newsdesk.gui.settings import Settings
from newsdesk.model.article import Article, Section
from newsdesk.model.commands import ReplaceArticle

translate = QCoreApplication.translate

FOLLOW_INTERVAL_MS = 3000


class ArticleFiles(QObject):
    """Which file the window shows, and getting every change into it (see module docstring)."""

    opened = Signal()  # another article is in the stack now
    followed = Signal()  # a read-only view took up the other window's newer version
    state_changed = Signal()  # path, read-only or pending changes changed
    message = Signal(str)  # a short note for the status bar

    def __init__(
        self,
        window: QWidget,
        stack: ArticleState,
        *,
        settings: Settings,
        data_dir: Path,
        clock: Clock = time.monotonic,
        before_save: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.stack = stack
        self.settings = settings
        self.data_dir = data_dir
        self._before_save = before_save
        self.session: ProjectSession | None = None
        self._quiet_depth = 0
        self._explicit = False
        self._automatic = False  # the revision being written is one Newsdesk records by itself
        self._clock = clock
        self._last_revision_at = clock()  # for a revision at least every 10 minutes of editing
        self.autosave = AutosaveController(self._write, clock=clock, parent=self)
        self.autosave.saved.connect(self.state_changed)
        stack.article_changed.connect(self.note_change)
        stack.text_changed.connect(self.note_change)
        self.automatic_revisions = AutomaticRevisions(self)
        # A read-only view follows what the window that owns the file saves.
        self._follow_timer = QTimer(self)
        self._follow_timer.setInterval(FOLLOW_INTERVAL_MS)
        self._follow_timer.timeout.connect(self.follow_disk)
        # A document or article dropped anywhere on the window is imported or opened.
        self.drops = FileDrops(window, self)

    # --- state --------------------------------------------------------------------------------

    @property
    def parent_widget(self) -> QWidget:
        """The window: parent of every dialog about the file."""
        return self._window

    @property
    def article(self) -> Article:
        return self.stack.article

    @property
    def read_only(self) -> bool:
        return self.session is None or self.session.read_only

    @property
    def pending(self) -> bool:
        return self.autosave.pending

    def note_change(self, *_args) -> None:
        """Any edit: autosave takes it from here (not for what saving itself writes back)."""
        if self._quiet_depth or self.read_only:
            return
        was_pending = self.autosave.pending
        self.autosave.note_change()
        if not was_pending:
            self.state_changed.emit()

    @contextlib.contextmanager
    def _quiet(self) -> Iterator[None]:
        """Changes made here are not new edits (writing typed text back, loading a file)."""
        self._quiet_depth += 1
        try:
            yield
        finally:
            self._quiet_depth -= 1

    # --- saving -------------------------------------------------------------------------------

    def _write(self, revision_label: str | None) -> bool:
        """AutosaveController's save: bring the article up to date, write it, handle trouble."""
        session = self.session
        if session is None or session.read_only:
            return False
        with self._quiet():
            self._before_save()
            self.stack.flush_text()
        automatic = self._automatic
        if revision_label is None and self._clock() - self._last_revision_at >= EDITING_INTERVAL:
            revision_label, automatic = editing_label(), True
        outcome = session.save(
            self.article,
            revision_label=revision_label,
            parent=self._window,
            explicit=self._explicit,
            automatic=automatic,
        )
        if outcome is SaveOutcome.SAVED:
            if revision_label is not None:
                self._last_revision_at = self._clock()
            return True
        if outcome is SaveOutcome.RELOAD:
            return self._reload_from_disk()
        if outcome is SaveOutcome.SAVE_AS and self.save_as():
            return True
        if not self._explicit:
            self.message.emit(
                translate("ArticleFiles", "Your latest changes are not saved yet (Ctrl+S saves).")
            )
        return False

    @contextlib.contextmanager
    def _explicitly(self) -> Iterator[None]:
        self._explicit = True
        try:
            yield
        finally:
            self._explicit = False

    def bring_up_to_date(self) -> None:
        """Write typed text and a headline being typed into the article (no file is written)."""
        with self._quiet():
            self._before_save()
            self.stack.flush_text()

    def save_revision(self, label: str) -> bool:
        """Write now and record a revision with this label."""
        with self._explicitly():
            return self.autosave.save_now(label)

    def record_automatic_revision(self, label: str) -> bool:
        """Write now and record a revision marked automatic (before a deletion, a restore, ...).
        Nothing happens without a writable file; a failure is reported like an autosave's."""
        if self.session is None or self.session.read_only:
            return False
        self._automatic = True
        try:
            return self.autosave.save_now(label)
        finally:
            self._automatic = False

    def save(self) -> bool:
        """Ctrl+S: write at once and record a revision (a new article first needs a name)."""
        if self.session is None:
            return False
        if self.session.is_draft or self.session.read_only:
            return self.save_as()
        with self._explicitly():
            ok = self.autosave.save_now(translate("ArticleFiles", "Saved"))
        if ok:
            self.message.emit(
                translate("ArticleFiles", "Saved “%1”").replace("%1", self.session.path.name)
            )
        return ok

    def flush(self) -> bool:
        """Write pending changes now (before switching files and quitting)."""
        if self.session is None or self.session.read_only:
            return True
        with self._explicitly():
            return self.autosave.flush()

    def _reload_from_disk(self) -> bool:
        session = self.session
        if session is None:  # asked only while a file is open
            return False
        try:
            article = session.project.load()
        except NewsdeskError as exc:
            show_error(self._window, exc)
            return False
        with self._quiet():
            self.stack.push_command(
                ReplaceArticle(article), translate("ArticleFiles", "Reload from disk")
            )
        self.message.emit(
            translate("ArticleFiles", "Reloaded “%1” from disk").replace("%1", session.path.name)
        )
        return True

    def save_as(self, target: Path | None = None) -> bool:
        """Write a consistent copy (with its revisions) and continue in it."""
        session = self.session
        if session is None:
            return False
        if target is None:
            target = choose_project_path(
                self._window, translate("ArticleFiles", "Save As"), self.suggested_path()
            )
            if target is None:
                return False
        target = Path(target).absolute()
        if target.resolve() == session.path.resolve() and not session.read_only:
            with self._explicitly():
                return self.autosave.save_now(translate("ArticleFiles", "Saved"))
        with self._quiet():
            self._before_save()
            self.stack.flush_text()
        label = translate("ArticleFiles", "Saved as “%1”").replace("%1", target.name)
        try:
            new_session = session.save_as(self.article, target, revision_label=label)
        except (NewsdeskError, OSError) as exc:
            show_error(self._window, exc)
            return False
        session.close()
        if session.is_draft:
            delete_draft(session.path)
        self.session = new_session
        self.autosave.reset()
        self.autosave.set_enabled(True)
        self._follow_timer.stop()
        self._remember(new_session.path)
        self.message.emit(translate("ArticleFiles", "Saved as “%1”").replace("%1", target.name))
        self.state_changed.emit()
        return True

    def suggested_path(self) -> Path:
        session = self.session
        if session is not None and not session.is_draft:
            return session.path
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = effective_slug(self.article) or translate("ArticleFiles", "article")
        return Path(folder or Path.home()) / f"{name}.newsdesk"

    # --- opening and switching -----------------------------------------------------------------

    def open_path(self, path: Path) -> bool:
        """Open a project file in this window (the current article is saved first)."""
        path = Path(path).absolute()
        if self.session is not None and path == self.session.path.absolute():
            return True
        if not self._leave():
            return False
        try:
            session = open_session(path, self._window, is_draft=is_draft(path, self.data_dir))
        except (NewsdeskError, OSError) as exc:
            if offers_import(exc, path):  # the question says what the file is: no second box
                return ask_to_import(self._window, path, exc) and self.import_file(path)
            show_error(self._window, exc)
            return False
        if session is None:
            return False
        return self._adopt_loaded(session)

    def _adopt_loaded(self, session: ProjectSession) -> bool:
        try:
            article = session.load()
        except NewsdeskError as exc:
            session.close()
            show_error(self._window, exc)
            return False
        self._adopt(session, article)
        return True

    def open_start_file(self) -> bool:
        """No file given: the last article, else the journalist's copy of the sample."""
        last = self.settings.last_file
        if last and Path(last).is_file() and self.open_path(Path(last)):
            return True
        try:
            sample = ensure_sample_copy(self.data_dir)
        except (NewsdeskError, OSError) as exc:
            show_error(self._window, exc)
            return self.new_article()
        return self.open_path(sample) or self.new_article()

    def open_from_command_line(self, path: Path) -> bool:
        """`newsdesk FILE`: a project (created when missing), or a draft to import."""
        if path.suffix.lower() == ".newsdesk":
            if path.exists():
                return self.open_path(path)
            return self._create_at(path)
        return self.import_file(path)

    def _create_at(self, path: Path) -> bool:
        try:
            session = create_session(path.absolute(), self._empty_article())
        except (NewsdeskError, OSError) as exc:
            show_error(self._window, exc)
            return False
        self._adopt_loaded(session)
        return True

    def _empty_article(self) -> Article:
        from newsdesk.gui.translations import effective_language

        return Article(language=effective_language(self.settings), sections=[Section()])

    def new_article(self, article: Article | None = None) -> bool:
        """A new article; it lives in the unsaved folder until the journalist names it."""
        if not self._leave():
            return False
        try:
            session = create_session(
                new_draft_path(self.data_dir), article or self._empty_article(), is_draft=True
            )
        except (NewsdeskError, OSError) as exc:
            show_error(self._window, exc)
            return False
        return self._adopt_loaded(session)

    def import_file(self, path: Path | None = None) -> bool:
        """Import a document (Word, web page, Markdown, text, JSON) into a new unsaved article."""
        from newsdesk.gui.files.import_document import import_into_window

        return import_into_window(self, path)

    def _leave(self) -> bool:
        """Save the current article before another one takes its place."""
        if self.session is None or self.read_only:
            return True
        return self.flush()

    def _adopt(self, session: ProjectSession, article: Article) -> None:
        old, old_article = self.session, self.stack.article
        if not article.sections:
            article.sections.append(Section())  # there is always somewhere to type
        self.session = session
        with self._quiet():
            self.stack.set_article(article)
        if old is not None:
            _retire(old, old_article)
        self.autosave.reset()
        self._last_revision_at = self._clock()
        self.autosave.set_enabled(not session.read_only)
        if session.read_only:
            self._follow_timer.start()
        else:
            self._follow_timer.stop()
        if not session.is_draft:
            self._remember(session.path)
        self.opened.emit()
        self.state_changed.emit()

    def follow_disk(self) -> bool:
        """Read-only: show the newer version another window saved; True when it changed."""
        session = self.session
        if session is None or not session.read_only:
            self._follow_timer.stop()
            return False
        try:
            if not session.project.changed_on_disk():
                return False
            article = session.load()
        except NewsdeskError:
            return False  # mid-write or gone: try again at the next tick
        if not article.sections:
            article.sections.append(Section())
        with self._quiet():
            self.stack.set_article(article)
        self.followed.emit()
        return True

    def close(self) -> bool:
        """Quitting: save, then let go of the file. False keeps the window open."""
        if not self._leave():
            answer = ask_choice(
                self._window,
                translate("ArticleFiles", "Not saved"),
                translate("ArticleFiles", "Your latest changes are not saved."),
                [
                    Choice(
                        "save_as",
                        translate("ArticleFiles", "Save As…"),
                        QMessageBox.ButtonRole.AcceptRole,
                    ),
                    Choice(
                        "discard",
                        translate("ArticleFiles", "Quit Without Saving"),
                        QMessageBox.ButtonRole.DestructiveRole,
                    ),
                    Choice(
                        "cancel",
                        translate("ArticleFiles", "Cancel"),
                        QMessageBox.ButtonRole.RejectRole,
                    ),
                ],
                default="save_as",
                escape="cancel",
            )
            if answer == "cancel" or answer is None:
                return False
            if answer == "save_as" and not self.save_as():
                return False
        self.autosave.set_enabled(False)
        self._follow_timer.stop()
        if self.session is not None:
            _retire(self.session, self.article)
            self.session = None
        return True

    # --- recent files -------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        return [Path(p) for p in self.settings.recent_files]

    def _remember(self, path: Path) -> None:
        path = path.absolute()
        recent = [p for p in self.recent_files() if p != path]
        recent.insert(0, path)
        self.settings.recent_files = [str(p) for p in recent]
        self.settings.last_file = str(path)

    def clear_recent(self) -> None:
        self.settings.recent_files = []

    # --- never-saved articles ----------------------------------------------------------------

    def unsaved_articles(self) -> list[Path]:
        """Drafts in the unsaved folder other than the one open here."""
        current = self.session.path.resolve() if self.session else None
        return [p for p in list_drafts(self.data_dir) if p.resolve() != current]

    def offer_unsaved_articles(self) -> bool:
        """At start: one dialog lists the never-saved articles; True when one was opened."""
        from newsdesk.gui.files.drafts_dialog import offer_drafts  # after the first paint

        chosen = offer_drafts(self._window, self.unsaved_articles())
        return chosen is not None and self.open_path(chosen)

    # --- export and revisions ------------------------------------------------------------------


def _retire(session: ProjectSession, article: Article) -> None:
    """Close a session; a never-saved article that holds nothing is not worth keeping."""
    with contextlib.suppress(NewsdeskError, OSError):
        session.close()
    if session.is_draft and article_is_empty(article):
        delete_draft(session.path)
