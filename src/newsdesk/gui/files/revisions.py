"""File > Revisions: going back to a revision of the open article's file.

A restore replaces the article through the one undo history and records both the state it
replaces and the restore itself as revisions, so going back to a revision never loses anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from newsdesk.errors import NewsdeskError
from newsdesk.gui.dialogs.errors import Choice, ask_choice, show_error
from newsdesk.gui.files.revisions_dialog import RevisionsDialog, format_revision_time
from newsdesk.model.article import Article
from newsdesk.model.commands import ReplaceArticle

if TYPE_CHECKING:
    from newsdesk.gui.files.article_files import ArticleFiles

translate = QCoreApplication.translate


def show_revisions(files: ArticleFiles) -> bool:
    """File > Revisions; True when a revision was restored."""
    if files.session is None:
        return False
    files.flush()
    files.bring_up_to_date()
    dialog = RevisionsDialog(files.session.project, files.parent_widget, current=files.article)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return False
        if not confirm_restore(files, dialog.chosen_revision):
            return False
        return restore_revision(files, dialog.chosen, dialog.chosen_revision)
    finally:
        dialog.deleteLater()


def confirm_restore(files: ArticleFiles, revision) -> bool:
    """Ask before the article is replaced; the answer says the current text is kept."""
    when = format_revision_time(revision.created)
    answer = ask_choice(
        files.parent_widget,
        translate("ArticleFiles", "Restore revision"),
        translate("ArticleFiles", "Replace the article with the revision of %1?").replace(
            "%1", when
        ),
        [
            Choice(
                "restore",
                translate("ArticleFiles", "Restore"),
                QMessageBox.ButtonRole.AcceptRole,
            ),
            Choice(
                "cancel", translate("ArticleFiles", "Cancel"), QMessageBox.ButtonRole.RejectRole
            ),
        ],
        informative=translate(
            "ArticleFiles",
            "Your current text is kept as a revision, and Edit > Undo brings it back.",
        ),
        default="restore",
        escape="cancel",
    )
    return answer == "restore"


def restore_revision(files: ArticleFiles, article: Article, revision) -> bool:
    """Put a revision's article in place: one undoable step, recorded as a revision itself."""
    if files.read_only:
        return False
    when = format_revision_time(revision.created)
    # The state being replaced becomes a revision too.
    files.record_automatic_revision(
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
