"""File > Export HTML: where the page goes, how its images travel, and whether to look at it after.

The journalist chooses
- the form: one standalone file with the images inside, or the page plus a folder of images
  next to it (OUT_files, as browsers name it when they save a page);
- the file (typed, or with Browse…); the default is the last export folder and the article's slug;
- whether the default browser opens the page afterwards.
The folder, the form and the checkbox are remembered in the user's settings (gui/settings.py).

When the check (preflight) found errors the dialog says so before anything is written: the first
few errors in the interface language, "and N more", and the Export button becomes "Export Anyway".
The text says "check", the name of the tab that lists the findings.

The dialog only asks; `newsdesk.gui.files.export.export_html` writes the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from newsdesk.gui.dialogs.errors import Choice, ask_choice
from newsdesk.gui.settings import Settings

translate = QCoreApplication.translate

ERRORS_LISTED = 5  # more than this become "and N more"
PAGE_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class ExportChoice:
    """What the journalist chose: the page's path, "embed" or "folder", open it afterwards."""

    target: Path
    assets: str
    open_afterwards: bool


def default_target(settings: Settings, suggested: Path, slug: str = "") -> Path:
    """The last export folder (when it still exists) and the slug, else the suggested path."""
    remembered = settings.export_folder
    folder = Path(remembered) if remembered and Path(remembered).is_dir() else suggested.parent
    # A slug is meant for URLs; the path separators of an invalid one must not make folders.
    stem = slug.strip().replace("/", "-").replace("\\", "-").strip(". ") or suggested.stem
    return folder / f"{stem}.html"


def with_page_suffix(path: Path) -> Path:
    # "/" or "~" alone (the first key of a typed path) names no file yet: nothing to add to.
    if not path.name or path.suffix.lower() in PAGE_SUFFIXES:
        return path
    return path.with_name(path.name + ".html")


def errors_summary(errors: list[str], listed: int = ERRORS_LISTED) -> str:
    """The first `listed` errors, one a line, then "and N more"."""
    lines = [f"• {text}" for text in errors[:listed]]
    if len(errors) > listed:
        lines.append(translate("ExportDialog", "and %n more", None, len(errors) - listed))
    return "\n".join(lines)


class ExportDialog(QDialog):
    """Asks where and how to export (see the module docstring); `choice()` after accept."""

    def __init__(
        self,
        settings: Settings,
        suggested: Path,
        *,
        slug: str = "",
        errors: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(translate("ExportDialog", "Export HTML"))
        self._settings = settings
        self._errors = list(errors or [])
        self._overwrite_confirmed: Path | None = None  # Browse… already asked about this file
        self._choice: ExportChoice | None = None

        self.errors_label = QLabel(self)
        self.errors_label.setObjectName("export_errors")
        self.errors_label.setWordWrap(True)
        # Headlines, file names and link titles are the journalist's text, never markup.
        self.errors_label.setTextFormat(Qt.TextFormat.PlainText)
        if self._errors:
            heading = translate(
                "ExportDialog",
                "The check found %n error(s) readers would notice:",
                None,
                len(self._errors),
            )
            self.errors_label.setText(f"{heading}\n{errors_summary(self._errors)}")
        errors_icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        errors_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        errors_row = QHBoxLayout()
        errors_row.setContentsMargins(0, 0, 0, 0)
        errors_row.addWidget(errors_icon, 0, Qt.AlignmentFlag.AlignTop)
        errors_row.addWidget(self.errors_label, 1)
        self.errors_box = QWidget(self)
        self.errors_box.setLayout(errors_row)
        self.errors_box.setVisible(bool(self._errors))

        self.embed_radio = QRadioButton(
            translate("ExportDialog", "Standalone file (images inside)"), self
        )
        self.embed_radio.setObjectName("export_embed")
        self.folder_radio = QRadioButton(translate("ExportDialog", "Folder with images"), self)
        self.folder_radio.setObjectName("export_folder")
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.embed_radio)
        self._modes.addButton(self.folder_radio)
        mode = settings.export_mode
        (self.folder_radio if mode == "folder" else self.embed_radio).setChecked(True)
        self.folder_note = QLabel(self)
        self.folder_note.setObjectName("export_folder_note")
        self.folder_note.setWordWrap(True)
        self.folder_note.setTextFormat(Qt.TextFormat.PlainText)

        self.target_edit = QLineEdit(str(default_target(settings, suggested, slug)), self)
        self.target_edit.setObjectName("export_target")
        self.browse_button = QPushButton(translate("ExportDialog", "Browse…"), self)
        self.browse_button.setObjectName("export_browse")
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(self.browse_button)

        self.open_check = QCheckBox(
            translate("ExportDialog", "Open the page in the default browser afterwards"), self
        )
        self.open_check.setObjectName("export_open")
        self.open_check.setChecked(settings.open_export_in_browser)

        self.problem_label = QLabel(self)  # a target that cannot work, said here, not in a box
        self.problem_label.setObjectName("export_problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.hide()

        self.buttons = QDialogButtonBox(self)
        export_text = (
            translate("ExportDialog", "Export Anyway")
            if self._errors
            else translate("ExportDialog", "Export")
        )
        self.export_button = self.buttons.addButton(
            export_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("export_accept")
        self.export_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("export_cancel")

        form = QFormLayout()
        form.addRow(translate("ExportDialog", "Form:"), self.embed_radio)
        form.addRow("", self.folder_radio)
        form.addRow("", self.folder_note)
        form.addRow(translate("ExportDialog", "File:"), target_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors_box)
        layout.addLayout(form)
        layout.addWidget(self.open_check)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.browse_button.clicked.connect(self.browse)
        self.target_edit.textChanged.connect(self._update)
        self._modes.buttonToggled.connect(lambda *_: self._update())
        self._update()
        self.resize(max(self.sizeHint().width(), 520), self.sizeHint().height())

    # --- state --------------------------------------------------------------------------------

    @property
    def assets(self) -> str:
        return "folder" if self.folder_radio.isChecked() else "embed"

    def target(self) -> Path | None:
        text = self.target_edit.text().strip()
        return with_page_suffix(Path(text).expanduser()) if text else None

    def choice(self) -> ExportChoice | None:
        """What was chosen; None unless the dialog was accepted."""
        return self._choice

    def _update(self) -> None:
        target = self.target()
        self.export_button.setEnabled(target is not None)
        self.problem_label.hide()
        if self.assets == "folder" and target is not None:
            self.folder_note.setText(
                translate(
                    "ExportDialog", "The images go into the folder “%1” next to the page."
                ).replace("%1", f"{target.stem}_files")
            )
            self.folder_note.show()
        else:
            self.folder_note.hide()

    # --- actions ------------------------------------------------------------------------------

    def browse(self) -> None:
        current = self.target() or Path.home()
        name, _filter = QFileDialog.getSaveFileName(
            self,
            translate("ExportDialog", "Export HTML"),
            str(current),
            translate("ExportDialog", "Web pages (*.html *.htm)"),
        )
        if not name:
            return
        self.target_edit.setText(name)
        # The file dialog asked before overwriting; do not ask a second time.
        self._overwrite_confirmed = self.target()

    def _say_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.show()

    def try_accept(self) -> None:
        """Accept when the target can be written (asking before replacing an existing file)."""
        target = self.target()
        if target is None:
            return
        if not target.parent.is_dir():
            self._say_problem(
                translate("ExportDialog", "The folder “%1” does not exist.").replace(
                    "%1", str(target.parent)
                )
            )
            return
        if target.is_dir():
            self._say_problem(
                translate("ExportDialog", "“%1” is a folder; give the page a file name.").replace(
                    "%1", target.name
                )
            )
            return
        if target.exists() and target != self._overwrite_confirmed and not self._replace(target):
            return
        self._choice = ExportChoice(target, self.assets, self.open_check.isChecked())
        self._settings.export_folder = str(target.parent)
        self._settings.export_mode = self.assets
        self._settings.open_export_in_browser = self.open_check.isChecked()
        self.accept()

    def _replace(self, target: Path) -> bool:
        answer = ask_choice(
            self,
            translate("ExportDialog", "Export HTML"),
            translate("ExportDialog", "“%1” already exists. Replace it?").replace(
                "%1", target.name
            ),
            [
                Choice(
                    "replace",
                    translate("ExportDialog", "Replace"),
                    QMessageBox.ButtonRole.DestructiveRole,
                ),
                Choice(
                    "cancel", translate("ExportDialog", "Cancel"), QMessageBox.ButtonRole.RejectRole
                ),
            ],
            default="replace",
            escape="cancel",
        )
        return answer == "replace"
