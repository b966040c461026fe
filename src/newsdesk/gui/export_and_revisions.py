"""File > Export HTML and File > Revisions: what the window does with the open article's file.

Both work on an ArticleFiles: export asks through the export dialog (which warns about preflight
errors), writes the article as it is on screen (typed text included) and keeps derived image
sizes in the project as a cache; a restore replaces the article through the one undo history and
records both the state it replaces and the restore itself as revisions, so going back to a
revision never loses anything.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog

from newsdesk.derived_cache import MemoryCache
from newsdesk.errors import NewsdeskError
from newsdesk.formats.slug import effective_slug
from newsdesk.gui.dialogs.errors import show_error
from newsdesk.gui.dialogs.revisions_dialog import RevisionsDialog, format_revision_time
from newsdesk.gui.preflight_messages import finding_text
from newsdesk.model.article import Article
from newsdesk.model.commands import ReplaceArticle
from newsdesk.model.preflight import preflight

if TYPE_CHECKING:
    from newsdesk.gui.article_files import ArticleFiles
    from newsdesk.gui.dialogs.export_dialog import ExportChoice

translate = QCoreApplication.translate


class ProjectImageCache:
    """The project's derived-image table as the exporter's cache (a cache never fails a save)."""

    def __init__(self, project) -> None:
        self._project = project

    def get(self, key: str) -> bytes | None:
        try:
            return self._project.derived_get(key)
        except NewsdeskError:
            return None

    def put(self, key: str, data: bytes) -> None:
        with contextlib.suppress(NewsdeskError):
            self._project.derived_put(key, data)


def open_in_browser(path: Path) -> bool:
    """Show the exported page in the desktop's default browser."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def preflight_errors(article: Article) -> list[str]:
    """The article's preflight errors, in the interface language."""
    return [
        finding_text(finding, article) for finding in preflight(article) if finding.level == "error"
    ]


def ask_export(files: ArticleFiles) -> ExportChoice | None:
    """The export dialog, warning about preflight errors; None when the journalist cancels."""
    # Imported here: the window does not need the dialog to show itself (start-up time).
    from newsdesk.gui.dialogs.export_dialog import ExportDialog

    suggested = files.suggested_path().with_suffix(".html")
    dialog = ExportDialog(
        files.settings,
        suggested,
        slug=effective_slug(files.article),
        errors=preflight_errors(files.article),
        parent=files.parent_widget,
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
    finally:
        dialog.deleteLater()


class PreviewImageCache:
    """The preview's derived photo sizes: kept in memory for the session, and in the open
    project's file, so that the next start shows the photos without decoding them again.

    `project` is asked on every miss, so the cache follows Open, New and Save As.
    """

    def __init__(self, project: Callable[[], object | None]) -> None:
        self._project = project
        self._memory = MemoryCache()

    def get(self, key: str) -> bytes | None:
        found = self._memory.get(key)
        if found is None and (project := self._project()) is not None:
            found = ProjectImageCache(project).get(key)
            if found is not None:
                self._memory.put(key, found)
        return found

    def put(self, key: str, data: bytes) -> None:
        self._memory.put(key, data)
        if (project := self._project()) is not None:
            ProjectImageCache(project).put(key, data)


def export_html(
    files: ArticleFiles,
    target: Path | None = None,
    assets: str = "embed",
    *,
    opener: Callable[[Path], bool] | None = None,
) -> bool:
    """Write the web page; True when it was written.

    Without `target`, the export dialog asks where, in which form, and whether to open the page
    afterwards with `opener` (default: the desktop's browser; it returns False when nothing could
    open the page). With a `target` nothing is asked: a caller that names the file has decided.
    """
    from newsdesk.formats.html_export import export_html as write_page

    if files.session is None:
        return False
    # Typed text first: the preflight in the dialog and the page both see what is on screen.
    files.bring_up_to_date()
    open_afterwards = False
    if target is None:
        choice = ask_export(files)
        if choice is None:
            return False
        target, assets, open_afterwards = choice.target, choice.assets, choice.open_afterwards
    cache = None if files.read_only else ProjectImageCache(files.session.project)
    try:
        # As on the command line: a photo still to come keeps its caption, credit and disclaimer.
        write_page(
            files.article, Path(target), assets=assets, cache=cache, missing_images="placeholder"
        )
    except (NewsdeskError, OSError) as exc:
        show_error(files.parent_widget, exc)
        return False
    files.message.emit(translate("ArticleFiles", "Exported “%1”").replace("%1", Path(target).name))
    if open_afterwards and not (opener or open_in_browser)(Path(target)):
        files.message.emit(
            translate("ArticleFiles", "Exported “%1”; no browser could open it").replace(
                "%1", Path(target).name
            )
        )
    return True


def show_revisions(files: ArticleFiles) -> bool:
    """File > Revisions; True when a revision was restored."""
    if files.session is None:
        return False
    files.flush()
    dialog = RevisionsDialog(files.session.project, files.parent_widget)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return False
        return restore_revision(files, dialog.chosen, dialog.chosen_revision)
    finally:
        dialog.deleteLater()


def restore_revision(files: ArticleFiles, article: Article, revision) -> bool:
    """Put a revision's article in place: one undoable step, recorded as a revision itself."""
    if files.read_only:
        return False
    when = format_revision_time(revision.created)
    # The state being replaced becomes a revision too.
    files.save_revision(
        translate("ArticleFiles", "Before restoring the revision of %1").replace("%1", when)
    )
    try:
        files.stack.push_command(
            ReplaceArticle(article),
            translate("ArticleFiles", "Restore revision of %1").replace("%1", when),
        )
    except NewsdeskError as exc:
        show_error(files.parent_widget, exc)
        return False
    files.save_revision(
        translate("ArticleFiles", "Restored the revision of %1").replace("%1", when)
    )
    files.opened.emit()
    return True
