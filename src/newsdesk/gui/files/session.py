"""The open project file: lock it, open it, save to it, and ask when a save cannot simply go ahead.

Newsdesk never overwrites silently:
- a file another Newsdesk has open (its lock is live) is offered read-only or as a copy;
- a file another program changed since we last wrote it makes the save stop and ask (reload,
  overwrite, or save a copy);
- a failed write (disk full, no permission, stick pulled out) leaves the text in memory, says so
  once, and offers Save As elsewhere.

The store raises; this module turns its errors into questions and returns what the journalist
chose, and the window carries the choice out (it owns the article and the undo history).
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from newsdesk.errors import (
    NewsdeskError,
    ProjectChangedOnDiskError,
    ProjectLockedError,
)
from newsdesk.gui.dialogs.error_messages import error_text
from newsdesk.gui.dialogs.errors import Choice, ask_choice, show_error
from newsdesk.model.article import Article
from newsdesk.store import ProjectLock, create_project, open_project
from newsdesk.store.lock import hostname

translate = QCoreApplication.translate

PROJECT_SUFFIX = ".newsdesk"


class SaveOutcome(enum.Enum):
    SAVED = "saved"
    FAILED = "failed"  # nothing written; the text stays in memory
    RELOAD = "reload"  # the journalist wants the other program's version
    SAVE_AS = "save_as"  # the journalist wants to save a copy elsewhere


class ProjectSession:
    """One open project file with its lock (none when read-only)."""

    def __init__(self, project, lock: ProjectLock | None, *, is_draft: bool = False) -> None:
        self.project = project
        self.lock = lock
        self.is_draft = is_draft
        self._failure_shown = False
        self._conflict_open = (
            False  # asked about a change on disk; the journalist did not settle it
        )

    @property
    def path(self) -> Path:
        return Path(self.project.path)

    @property
    def read_only(self) -> bool:
        return bool(self.project.read_only)

    def load(self) -> Article:
        return self.project.load()

    def save(
        self,
        article: Article,
        *,
        revision_label: str | None = None,
        parent: QWidget | None = None,
        explicit: bool = False,
        automatic: bool = False,
    ) -> SaveOutcome:
        """Write the article; on trouble ask the journalist and return their choice.

        `explicit` is True for Ctrl+S and quitting: a failure is then always reported. Autosave
        failures are reported once per run of failures, not every ten seconds.
        """
        if self.read_only:
            return SaveOutcome.FAILED
        try:
            self.project.save(article, revision_label=revision_label, automatic=automatic)
        except ProjectChangedOnDiskError:
            if self._conflict_open and not explicit:
                return SaveOutcome.FAILED  # asked already: wait for Ctrl+S, not every pause
            return self._changed_on_disk(article, revision_label, parent)
        except (NewsdeskError, OSError) as exc:
            return self._save_failed(exc, parent, explicit)
        self._failure_shown = self._conflict_open = False
        return SaveOutcome.SAVED

    def _changed_on_disk(
        self, article: Article, revision_label: str | None, parent: QWidget | None
    ) -> SaveOutcome:
        answer = ask_choice(
            parent,
            translate("Session", "File changed on disk"),
            translate(
                "Session", "Another program changed “%1” since Newsdesk last saved it."
            ).replace("%1", self.path.name),
            [
                Choice(
                    "reload",
                    translate("Session", "Reload the file"),
                    QMessageBox.ButtonRole.DestructiveRole,
                ),
                Choice(
                    "overwrite",
                    translate("Session", "Overwrite with my text"),
                    QMessageBox.ButtonRole.AcceptRole,
                ),
                Choice(
                    "copy",
                    translate("Session", "Save my text as a copy…"),
                    QMessageBox.ButtonRole.RejectRole,
                ),
            ],
            informative=translate(
                "Session",
                "Reloading replaces your text with the file's (you can undo it). "
                "Saving a copy keeps both.",
            ),
            default="copy",
            escape="copy",
        )
        if answer == "reload":
            self._conflict_open = False
            return SaveOutcome.RELOAD
        if answer == "overwrite":
            try:
                self.project.save(article, revision_label=revision_label, force=True)
            except (NewsdeskError, OSError) as exc:
                return self._save_failed(exc, parent, True)
            self._conflict_open = False
            return SaveOutcome.SAVED
        self._conflict_open = True  # a copy that gets saved replaces this session anyway
        return SaveOutcome.SAVE_AS

    def _save_failed(self, exc: Exception, parent: QWidget | None, explicit: bool) -> SaveOutcome:
        if self._failure_shown and not explicit:
            return SaveOutcome.FAILED
        self._failure_shown = True
        reason = error_text(exc)
        answer = ask_choice(
            parent,
            translate("Session", "Not saved"),
            translate("Session", "Newsdesk could not save “%1”: %2")
            .replace("%1", self.path.name)
            .replace("%2", reason),
            [
                Choice(
                    "save_as", translate("Session", "Save As…"), QMessageBox.ButtonRole.AcceptRole
                ),
                Choice(
                    "later", translate("Session", "Keep editing"), QMessageBox.ButtonRole.RejectRole
                ),
            ],
            informative=translate(
                "Session",
                "Your text is safe in this window. Save it somewhere else, or keep editing and "
                "Newsdesk tries again.",
            ),
            default="save_as",
            escape="later",
        )
        return SaveOutcome.SAVE_AS if answer == "save_as" else SaveOutcome.FAILED

    def save_as(self, article: Article | None, target: Path, *, revision_label: str | None = None):
        """A consistent copy at `target` (SQLite backup) holding `article`; returns its session.

        The copy carries the revision history. If the current file cannot be read any more (the
        reason a Save As is often needed), the copy is written fresh from the article in memory.
        This session stays open; the caller closes it once it has switched.
        """
        lock = ProjectLock(target)
        lock.acquire()
        try:
            try:
                project = self.project.save_as(target)
            except (NewsdeskError, OSError):
                if article is None:
                    raise
                project = create_project(target, article, overwrite=True)
            if article is not None:
                project.save(article, revision_label=revision_label, force=True)
        except BaseException:
            lock.release()
            raise
        return ProjectSession(project, lock)

    def close(self) -> None:
        try:
            self.project.close()
        finally:
            if self.lock is not None:
                self.lock.release()
                self.lock = None


def choose_project_path(parent: QWidget | None, title: str, suggested: Path | None) -> Path | None:
    """Ask where to save a project file; the .newsdesk suffix is added when missing."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        str(suggested or ""),
        translate("Session", "Newsdesk articles (*.newsdesk)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix == PROJECT_SUFFIX else path.with_name(path.name + PROJECT_SUFFIX)


def copy_name(path: Path) -> Path:
    """A suggested name for a copy: "report.newsdesk" -> "report (copy).newsdesk"."""
    marker = translate("Session", "(copy)")
    return path.with_name(f"{path.stem} {marker}{path.suffix}")


def create_session(path: Path, article: Article, *, is_draft: bool = False) -> ProjectSession:
    """A new project file holding `article`, locked for this window."""
    lock = ProjectLock(path)
    lock.acquire()
    try:
        project = create_project(path, article, overwrite=is_draft)
    except BaseException:
        lock.release()
        raise
    return ProjectSession(project, lock, is_draft=is_draft)


def open_session(
    path: Path, parent: QWidget | None = None, *, is_draft: bool = False
) -> ProjectSession | None:
    """Lock and open a project; if another Newsdesk holds it, ask for read-only or a copy.

    Returns None when the journalist cancels. Store errors (not a project, damaged, too new)
    propagate for the caller to show.
    """
    lock = ProjectLock(path)
    try:
        lock.acquire()
    except ProjectLockedError as exc:
        answer = _ask_about_lock(path, lock, exc, parent)
        if answer != "take_over":
            return _open_other(path, answer, parent)
        lock.acquire(take_over=True)
    try:
        project = open_project(path)
    except BaseException:
        lock.release()
        raise
    return ProjectSession(project, lock, is_draft=is_draft)


def _ask_about_lock(
    path: Path, lock: ProjectLock, exc: ProjectLockedError, parent: QWidget | None
) -> str | None:
    choices = [
        Choice(
            "read_only", translate("Session", "Open read-only"), QMessageBox.ButtonRole.AcceptRole
        ),
        Choice(
            "copy", translate("Session", "Save a copy to edit…"), QMessageBox.ButtonRole.AcceptRole
        ),
    ]
    holder = lock.holder()
    if holder is not None and holder.hostname != hostname():
        # A lock from another computer may be left over from a crash there; only the journalist
        # can know, so taking it over is offered but never the default.
        choices.append(
            Choice(
                "take_over",
                translate("Session", "Open Anyway"),
                QMessageBox.ButtonRole.DestructiveRole,
            )
        )
    choices.append(
        Choice("cancel", translate("Session", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    )
    return ask_choice(
        parent,
        translate("Session", "Open in another window"),
        translate("Session", "“%1” is open in another Newsdesk window.").replace("%1", path.name),
        choices,
        informative=error_text(exc)
        + "\n\n"
        + translate(
            "Session",
            "Only one window can change a file. You can read it here, or edit a copy of it.",
        ),
        default="read_only",
        escape="cancel",
    )


def _open_other(path: Path, answer: str | None, parent: QWidget | None) -> ProjectSession | None:
    """The file is someone else's: a read-only view or a copy of it, as the journalist chose."""
    if answer == "read_only":
        return ProjectSession(open_project(path, read_only=True), None)
    if answer != "copy":
        return None
    target = choose_project_path(parent, translate("Session", "Save a copy"), copy_name(path))
    if target is None:
        return None
    if target.resolve() == path.resolve():
        show_error(
            parent, translate("Session", "The copy needs a different name than the original.")
        )
        return None
    source = ProjectSession(open_project(path, read_only=True), None)
    try:
        return source.save_as(None, target)
    finally:
        source.close()
