"""File > Open on a file that is not a Newsdesk article: offer to import it instead.

A journalist who opens notes.txt or a Word draft means "let me work on this"; refusing it with
"is not a Newsdesk project" leaves them to find File > Import on their own. When the store says
the file is no project at all (not SQLite, or empty) and its suffix is one an importer reads, the
window asks; Yes imports it through `formats.importing.import_document` into a never-saved draft
(the original file stays untouched), and the import's notes are shown in the status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk.errors import NewsdeskError, NotAProjectError
from newsdesk.formats.importers import IMPORT_SUFFIXES
from newsdesk.formats.importing import DOCUMENT_SUFFIXES
from newsdesk.gui.dialogs.error_messages import coded_text, error_text
from newsdesk.gui.dialogs.errors import Choice, ask_choice, show_error

if TYPE_CHECKING:
    from newsdesk.gui.files.article_files import ArticleFiles

translate = QCoreApplication.translate

# The store's codes for "this is no article file at all" (not a damaged or newer one: those are
# articles, and importing them as text would be wrong).
_NOT_A_PROJECT = frozenset({"project.not_sqlite", "project.empty"})


def open_filters() -> str:
    """File > Open's file types: articles first, then what it offers to import, then anything."""
    suffixes = sorted({*IMPORT_SUFFIXES, *DOCUMENT_SUFFIXES})
    return ";;".join(
        [
            translate("OpenOrImport", "Newsdesk articles (*.newsdesk)"),
            translate("OpenOrImport", "Texts and documents to import (%1)").replace(
                "%1", " ".join(f"*{suffix}" for suffix in suffixes)
            ),
            translate("OpenOrImport", "All files (*)"),
        ]
    )


def importable(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in IMPORT_SUFFIXES or suffix in DOCUMENT_SUFFIXES


def offers_import(error: BaseException, path: Path) -> bool:
    """True when opening `path` failed only because it is another kind of file we can import."""
    return isinstance(error, NotAProjectError) and error.code in _NOT_A_PROJECT and importable(path)


def ask_to_import(parent: QWidget | None, path: Path, error: NewsdeskError) -> bool:
    answer = ask_choice(
        parent,
        translate("OpenOrImport", "Not a Newsdesk article"),
        error_text(error),
        [
            Choice(
                "import",
                translate("OpenOrImport", "Import as New Article"),
                QMessageBox.ButtonRole.AcceptRole,
            ),
            Choice(
                "cancel", translate("OpenOrImport", "Cancel"), QMessageBox.ButtonRole.RejectRole
            ),
        ],
        informative=translate(
            "OpenOrImport",
            "Newsdesk can import “%1” as a new article. The file itself stays as it is.",
        ).replace("%1", path.name),
        default="import",
        escape="cancel",
    )
    return answer == "import"


def import_as_draft(files: ArticleFiles, path: Path, parent: QWidget | None) -> bool:
    """Import `path` into a new, never-saved article; refusals are shown, notes go to the status
    bar. True when the article was imported."""
    from newsdesk.formats.importing import import_document  # the importers load with the first use

    try:
        result = import_document(path)
    except (NewsdeskError, OSError) as exc:
        show_error(parent, exc)
        return False
    if not files.new_article(result.article):
        return False
    notes = [coded_text(note.code, note.params, note.message) for note in result.notes]
    if notes:
        files.message.emit(" · ".join(notes))
    return True
