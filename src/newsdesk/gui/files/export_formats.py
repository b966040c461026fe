"""File > Export… (Ctrl+E): the open article in the format the journalist chose.

The export dialog (`export_dialog`) asks for the format, the file and the options; this module
writes through the same core writers as `newsdesk export` (`formats.exporters` for the page,
Word, Markdown and agency text; `gui.printing` for the PDF proof), each of which writes to a
temporary file and renames it, so a failed export leaves nothing half-written. The page keeps
going through `files.export.export_html`, which adds what the window knows of the publication.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog

from newsdesk.derived_cache import ProjectCache
from newsdesk.errors import NewsdeskError
from newsdesk.formats.exporters import HTML, PDF, ExportOptions, export_article
from newsdesk.formats.slug import effective_slug
from newsdesk.gui.dialogs.errors import show_error
from newsdesk.gui.files.export import export_html, preflight_errors

if TYPE_CHECKING:
    from newsdesk.gui.files.article_files import ArticleFiles
    from newsdesk.gui.files.export_dialog import ExportChoice

translate = QCoreApplication.translate


def ask_export_choice(files: ArticleFiles) -> ExportChoice | None:
    """The export dialog for the open article; None when the journalist cancels."""
    from newsdesk.gui.files.export_dialog import ExportDialog

    dialog = ExportDialog(
        files.settings,
        files.suggested_path().with_suffix(".html"),
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


def write_export(files: ArticleFiles, choice: ExportChoice) -> None:
    """Write the article as chosen (not the page: see `export`); raises what the writer raises."""
    from newsdesk.gui.layouts.page_layout import window_layout
    from newsdesk.gui.publish.page_profile import page_profile

    # As `newsdesk export`: the chosen publication (dateModified: the article's last change).
    options = ExportOptions(
        missing_images="placeholder",
        photo_credits=choice.photo_credits,
        line_width=choice.line_width,  # the dialog's choices, as --width and --paper
        paper=choice.paper,
        profile=page_profile(files.article),
        layout=window_layout(files.article) if choice.format == PDF else None,
    )
    if choice.format == PDF:
        from newsdesk.gui.printing import export_pdf

        export_pdf(files.article, choice.target, options)
        return
    cache = (
        None if files.read_only or files.session is None else ProjectCache(files.session.project)
    )
    export_article(files.article, choice.target, choice.format, options, cache=cache)


def export(
    files: ArticleFiles,
    choice: ExportChoice | None = None,
    *,
    opener: Callable[[Path], bool] | None = None,
) -> bool:
    """Ask (unless `choice` is given) and write the export; True when the file was written."""
    if files.session is None:
        return False
    # Typed text first: the preflight in the dialog and the file both see what is on screen.
    files.bring_up_to_date()
    if choice is None:
        choice = ask_export_choice(files)
        if choice is None:
            return False
    if choice.format == HTML:
        written = export_html(
            files, choice.target, choice.assets, photo_credits=choice.photo_credits
        )
        if written and choice.open_afterwards:
            from newsdesk.gui.files.export import open_in_browser

            if not (opener or open_in_browser)(choice.target):
                files.message.emit(
                    translate("ArticleFiles", "Exported “%1”; no browser could open it").replace(
                        "%1", choice.target.name
                    )
                )
        return written
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a PDF or Word file takes a moment
    try:
        write_export(files, choice)
    except (NewsdeskError, OSError) as exc:
        QApplication.restoreOverrideCursor()
        show_error(files.parent_widget, exc)
        return False
    QApplication.restoreOverrideCursor()
    files.message.emit(translate("ArticleFiles", "Exported “%1”").replace("%1", choice.target.name))
    return True
