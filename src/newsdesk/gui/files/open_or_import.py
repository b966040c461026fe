"""File > Open on a file that is not a Newsdesk article: offer to import it instead.

A journalist who opens notes.txt or a Word draft means "let me work on this"; refusing it with
"is not a Newsdesk project" leaves them to find File > Import on their own. When the store says
the file is no project at all (not SQLite, or empty) and its suffix is one an importer reads, the
window asks; Yes imports it as File > Import… does (`import_document.import_into_window`: a
never-saved draft, the import's notes and suggestions in one message; the file stays untouched).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk.errors import NewsdeskError, NotAProjectError
from newsdesk.gui.dialogs.error_messages import error_text
from newsdesk.gui.dialogs.errors import Choice, ask_choice
from newsdesk.gui.files.import_document import import_suffixes, importable

if TYPE_CHECKING:
    from typing_extensions import TypeIs  # typing.TypeIs from Python 3.13

translate = QCoreApplication.translate

# The store's codes for "this is no article file at all" (not a damaged or newer one: those are
# articles, and importing them as text would be wrong).
_NOT_A_PROJECT = frozenset({"project.not_sqlite", "project.empty"})


def open_filters() -> str:
    """File > Open's file types: articles first, then what it offers to import, then anything."""
    return ";;".join(
        [
            translate("OpenOrImport", "Newsdesk articles (*.newsdesk)"),
            translate("OpenOrImport", "Texts and documents to import (%1)").replace(
                "%1", " ".join(f"*{suffix}" for suffix in import_suffixes())
            ),
            translate("OpenOrImport", "All files (*)"),
        ]
    )


def offers_import(error: BaseException, path: Path) -> TypeIs[NotAProjectError]:
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
