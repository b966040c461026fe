"""File > Import… and a file dropped on the window: another program's document as a new draft.

Word (.docx), OpenDocument (.odt), web pages (.html, .htm), Markdown, plain text and Newsdesk JSON
all go through the one core entry point, `formats.importing.import_document`, as `newsdesk import`
does. The result opens as a new never-saved draft (offered for saving like File > New); the source
file stays as it is. What the import has to say comes once, in one dismissable message in the
window's language: its notes ("3 tracked insertions were accepted") and, when the document's
properties offer values for fields the article leaves empty (headline, byline, description, tags),
those values with a box each. Nothing of them is filled in unless the journalist presses "Use" (a
template's title or "Microsoft Office User" must never reach a byline unasked); what is used is one
undo step.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import NewsdeskError
from newsdesk.gui.dialogs.error_messages import coded_text
from newsdesk.gui.dialogs.errors import show_error
from newsdesk.model.commands import CompositeCommand, SetArticleField

if TYPE_CHECKING:
    from newsdesk.formats.import_notes import ImportResult
    from newsdesk.gui.files.article_files import ArticleFiles

translate = QCoreApplication.translate

SUGGESTED_FIELDS = ("headline", "byline", "description", "tags")
MAX_SUGGESTION_CHARS = 300  # a property is a line, not a text: longer ones are cut for display
PROJECT_SUFFIX = ".newsdesk"


def import_suffixes() -> list[str]:
    """Every suffix File > Import… reads, sorted."""
    # The importers (Word, YAML, Pillow with them) load here, at the first question about a
    # file, not with the window.
    from newsdesk.formats.importers import IMPORT_SUFFIXES
    from newsdesk.formats.importing import DOCUMENT_SUFFIXES

    return sorted({*IMPORT_SUFFIXES, *DOCUMENT_SUFFIXES})


def importable(path: Path) -> bool:
    return path.suffix.lower() in import_suffixes()


def import_filter() -> str:
    """The file dialog's types: every document it reads, then each kind, then anything."""
    suffixes = " ".join(f"*{suffix}" for suffix in import_suffixes())
    return ";;".join(
        [
            translate("ImportDocument", "Documents to import (%1)").replace("%1", suffixes),
            translate("ImportDocument", "Word documents (*.docx)"),
            translate("ImportDocument", "OpenDocument texts (*.odt)"),
            translate("ImportDocument", "Web pages (*.html *.htm)"),
            translate("ImportDocument", "Markdown (*.md *.markdown)"),
            translate("ImportDocument", "Texts and drafts (*.txt *.text *.json)"),
            translate("ImportDocument", "All files (*)"),
        ]
    )


def choose_import_file(parent: QWidget | None) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent, translate("ImportDocument", "Import"), "", import_filter()
    )
    return Path(name) if name else None


def field_label(name: str) -> str:
    labels = {
        "headline": translate("ImportDocument", "Headline"),
        "byline": translate("ImportDocument", "Byline"),
        "description": translate("ImportDocument", "Description"),
        "tags": translate("ImportDocument", "Tags"),
    }
    return labels.get(name, name)


def split_tags(value: str) -> list[str]:
    """Word's keywords ("Hafen; Fähre, Rat") as tags: split, trimmed, blanks and repeats gone."""
    tags: list[str] = []
    for part in re.split(r"[;,]", value):
        tag = " ".join(part.split())
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def note_lines(result: ImportResult) -> list[str]:
    """The import's notes in the interface language."""
    return [coded_text(note.code, note.params, note.message) for note in result.notes]


def offered_suggestions(result: ImportResult) -> dict[str, str]:
    """The suggestions worth offering: known fields, not blank, the article's field still empty."""
    offered = {}
    for name in SUGGESTED_FIELDS:
        value = " ".join(str(result.suggestions.get(name, "")).split())
        if value and not getattr(result.article, name, None):
            offered[name] = value
    return offered


def suggestion_command(chosen: dict[str, str]) -> CompositeCommand | None:
    """One undo step that fills the chosen fields; None when nothing was chosen."""
    commands = [
        SetArticleField(name, split_tags(value) if name == "tags" else value)
        for name, value in chosen.items()
    ]
    if not commands:
        return None
    return CompositeCommand(commands, translate("ImportDocument", "Use the document's suggestions"))


class ImportReport(QDialog):
    """What the import says (its notes) and what the document suggests, with Use / Ignore."""

    def __init__(
        self, name: str, notes: list[str], suggestions: dict[str, str], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_report")
        self.setWindowTitle(translate("ImportDocument", "Imported “%1”").replace("%1", name))
        layout = QVBoxLayout(self)
        self.notes_label = QLabel(self)
        self.notes_label.setObjectName("import_notes")
        self.notes_label.setWordWrap(True)
        # Notes name files and headings from the document: text, never markup.
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notes_label.setText("\n".join(f"• {line}" for line in notes))
        self.notes_label.setVisible(bool(notes))
        layout.addWidget(self.notes_label)
        self.boxes: dict[str, QCheckBox] = {}
        if suggestions:
            heading = QLabel(
                translate("ImportDocument", "The document suggests values for empty fields:"), self
            )
            heading.setObjectName("import_suggests")
            heading.setWordWrap(True)
            layout.addWidget(heading)
        for name, value in suggestions.items():
            shown = value if len(value) <= MAX_SUGGESTION_CHARS else value[:299] + "…"
            box = QCheckBox(f"{field_label(name)}: {shown}", self)
            box.setObjectName(f"import_suggestion_{name}")
            box.setChecked(True)
            self.boxes[name] = box
            layout.addWidget(box)
        self._values = dict(suggestions)
        buttons = QDialogButtonBox(self)
        if suggestions:
            self.use_button = buttons.addButton(
                translate("ImportDocument", "Use"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.use_button.setObjectName("import_use")
            ignore = buttons.addButton(
                translate("ImportDocument", "Ignore"), QDialogButtonBox.ButtonRole.RejectRole
            )
            ignore.setObjectName("import_ignore")
        else:
            close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
            close.setObjectName("import_close")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> dict[str, str]:
        """The suggestions whose box is ticked (ask after the dialog was accepted)."""
        return {name: self._values[name] for name, box in self.boxes.items() if box.isChecked()}


def show_import_report(files: ArticleFiles, name: str, result: ImportResult) -> None:
    """The one message after an import; "Use" fills the ticked fields as one undo step."""
    notes = note_lines(result)
    suggestions = offered_suggestions(result)
    if not notes and not suggestions:
        return
    dialog = ImportReport(name, notes, suggestions, files.parent_widget)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not suggestions:
            return
        command = suggestion_command(dialog.chosen())
        if command is not None and not files.read_only:
            files.stack.push_command(command, command.label)
    finally:
        dialog.deleteLater()


def import_into_window(files: ArticleFiles, path: Path | None = None) -> bool:
    """Import `path` (asked for when None) as a new never-saved draft; True when imported."""
    from newsdesk.formats.importing import import_document  # the importers load at first use

    parent = files.parent_widget
    if path is None:
        path = choose_import_file(parent)
        if path is None:
            return False
    try:
        result = import_document(Path(path))
    except (NewsdeskError, OSError) as exc:
        show_error(parent, exc)
        return False
    if not files.new_article(result.article):
        return False
    show_import_report(files, Path(path).name, result)
    return True


def open_dropped(files: ArticleFiles, path: Path) -> bool:
    """A file dropped on the window: a Newsdesk article opens, a document is imported."""
    if path.suffix.lower() == PROJECT_SUFFIX:
        return files.open_path(path)
    if importable(path):
        return import_into_window(files, path)
    return False
