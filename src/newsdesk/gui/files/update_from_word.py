"""File > Update from Word…: the desk's edits of an exported Word file, back into the open article.

The journalist picks the `.docx` the desk sent back. The file is checked like any Word import
(one line for a damaged, encrypted or macro-laden file; nothing changes). Its tracked changes, if
any, are listed to accept or reject (tracked_changes_dialog); then the core works out what the desk
changed (`formats.docx_update.plan_update`) and the window applies it as one undo step ("Update
from Word"), after recording an automatic revision of the article as it was. A file made from
another article is refused in one line. The status bar says what arrived.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from newsdesk.errors import ImportFormatError, NewsdeskError
from newsdesk.gui.dialogs.errors import show_error
from newsdesk.gui.files.tracked_changes_dialog import TrackedChangesDialog

if TYPE_CHECKING:
    from newsdesk.derived_cache import DerivedCache
    from newsdesk.formats.docx_update import DeskDocument
    from newsdesk.gui.files.article_files import ArticleFiles
    from newsdesk.model.article_update import ArticleUpdate

translate = QCoreApplication.translate


def choose_word_file(parent: QWidget | None) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        translate("UpdateFromWord", "Update from Word"),
        "",
        ";;".join(
            [
                translate("UpdateFromWord", "Word documents (*.docx)"),
                translate("UpdateFromWord", "All files (*)"),
            ]
        ),
    )
    return Path(name) if name else None


def read_word_file(path: Path) -> DeskDocument:
    """The file checked and its tracked changes listed; NewsdeskError with one line otherwise."""
    from newsdesk.formats.docx_import import MAX_DOCX_BYTES  # the Word importer, at first use
    from newsdesk.formats.docx_update import read_desk_document
    from newsdesk.formats.source_files import read_bounded

    data = read_bounded(path, MAX_DOCX_BYTES, "the file", ImportFormatError)
    return read_desk_document(data, path.name)


def ask_decisions(desk: DeskDocument, parent: QWidget | None) -> dict[int, bool] | None:
    """Accept / reject for each tracked change; None when the journalist cancels."""
    if not desk.changes:
        return {}
    dialog = TrackedChangesDialog(desk.changes, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.decisions()
    finally:
        dialog.deleteLater()


def summary(update: ArticleUpdate, decisions: dict[int, bool]) -> str:
    """The status bar's line after an update."""
    parts = [translate("UpdateFromWord", "Updated from Word")]
    if decisions:
        accepted = sum(decisions.values())
        parts.append(
            translate("UpdateFromWord", "Changes: %1 accepted, %2 rejected")
            .replace("%1", str(accepted))
            .replace("%2", str(len(decisions) - accepted))
        )
    if update.notes_added:
        parts.append(
            translate("UpdateFromWord", "Comments that became editor's notes: %1").replace(
                "%1", str(update.notes_added)
            )
        )
    if update.pictures_left_out:
        parts.append(
            translate("UpdateFromWord", "Pictures the desk added, left out: %1").replace(
                "%1", str(update.pictures_left_out)
            )
        )
    return "; ".join(parts)


def _photo_cache(files: ArticleFiles) -> DerivedCache | None:
    """The project file's cache of photo sizes, as File > Export uses it."""
    from newsdesk.derived_cache import ProjectCache

    return None if files.session is None else ProjectCache(files.session.project)


def update_from_word(files: ArticleFiles, path: Path | None = None) -> bool:
    """File > Update from Word… (see the module docstring); True when the article changed."""
    from newsdesk.formats.docx_update import plan_update
    from newsdesk.model.article_update import update_command

    parent = files.parent_widget
    if files.read_only:
        return False
    if path is None:
        path = choose_word_file(parent)
        if path is None:
            return False
    try:
        desk = read_word_file(Path(path))
    except (NewsdeskError, OSError) as exc:
        show_error(parent, exc)
        return False
    decisions = ask_decisions(desk, parent)
    if decisions is None:
        return False
    files.bring_up_to_date()
    # Reading both Word files takes a second or more for a long article.
    try:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            update = plan_update(files.article, desk, decisions, cache=_photo_cache(files))
        finally:
            QApplication.restoreOverrideCursor()
    except (NewsdeskError, OSError) as exc:
        show_error(parent, exc)
        return False
    if update.is_empty():
        QMessageBox.information(
            parent,
            translate("UpdateFromWord", "Update from Word"),
            translate("UpdateFromWord", "“%1” holds no changes to this article.").replace(
                "%1", Path(path).name
            ),
        )
        return False
    files.record_automatic_revision(translate("UpdateFromWord", "Before updating from Word"))
    try:
        label = translate("UpdateFromWord", "Update from Word")
        files.stack.push_command(update_command(update), label)
    except NewsdeskError as exc:
        show_error(parent, exc)
        return False
    files.message.emit(summary(update, decisions))
    return True
