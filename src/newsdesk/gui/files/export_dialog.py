"""File > Export…: in which format, where the file goes, and (for a page) how its images travel.

The journalist chooses
- the format: a web page (HTML), a PDF proof, Word (.docx), Markdown with its photos in a folder
  beside it, or agency text (.txt); choosing one changes the file name's suffix, and typing a
  name with a known suffix chooses its format;
- for a page, the form: one standalone file with the photos inside, or the page plus a folder of
  images next to it (OUT_files, as browsers name it when they save a page);
- whether exported photos carry their credit (IPTC: creator, credit line, copyright; on by default);
- for agency text, the line width (none, 60, 72 or 80 characters); for a PDF proof, the paper
  (the system's, A4 or Letter); and "Strict", which refuses to export while the check finds
  errors (`newsdesk export --width`, `--paper`, `--strict`; see export_options.py);
- the file (typed, or with Browse…); the default is the last export folder and the article's slug;
- whether the default browser opens the page afterwards.
The folder, the format, the form, the width, the paper and the checkboxes are remembered in the
user's settings (gui/settings.py).

When the check (preflight) found errors the dialog says so before anything is written: the first
few errors in the interface language, "and N more", and the Export button becomes "Export Anyway"
(with "Strict" it cannot be pressed, and the dialog says why).
The text says "check", the name of the tab that lists the findings.

The dialog only asks; `newsdesk.gui.files.export_formats` writes the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
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

from newsdesk.formats.exporters import DOCX, EXPORT_SUFFIXES, HTML, MARKDOWN, PDF, TEXT
from newsdesk.gui.dialogs.errors import Choice, ask_choice
from newsdesk.gui.files.export_options import ExportOptionWidgets
from newsdesk.gui.settings import Settings

translate = QCoreApplication.translate

ERRORS_LISTED = 5  # more than this become "and N more"
FORMAT_SUFFIX = {HTML: ".html", PDF: ".pdf", DOCX: ".docx", MARKDOWN: ".md", TEXT: ".txt"}
FORMAT_ORDER = (HTML, PDF, DOCX, MARKDOWN, TEXT)
PHOTO_FORMATS = (HTML, DOCX, MARKDOWN)  # the formats that write photo files (credits apply)


def format_label(fmt: str) -> str:
    labels = {
        HTML: translate("ExportDialog", "Web page (.html)"),
        PDF: translate("ExportDialog", "PDF proof (.pdf)"),
        DOCX: translate("ExportDialog", "Word document (.docx)"),
        MARKDOWN: translate("ExportDialog", "Markdown with a photo folder (.md)"),
        TEXT: translate("ExportDialog", "Agency text (.txt)"),
    }
    return labels[fmt]


def format_filter(fmt: str) -> str:
    filters = {
        HTML: translate("ExportDialog", "Web pages (*.html *.htm)"),
        PDF: translate("ExportDialog", "PDF files (*.pdf)"),
        DOCX: translate("ExportDialog", "Word documents (*.docx)"),
        MARKDOWN: translate("ExportDialog", "Markdown (*.md *.markdown)"),
        TEXT: translate("ExportDialog", "Texts (*.txt)"),
    }
    return filters[fmt]


@dataclass(frozen=True)
class ExportChoice:
    """What the journalist chose: the file's path, "embed" or "folder" (a page), open it
    afterwards (a page), the format, whether photos carry their credit, the agency text's line
    width (None: no wrapping) and the PDF's paper ("": the system's)."""

    target: Path
    assets: str
    open_afterwards: bool
    format: str = HTML
    photo_credits: bool = True
    line_width: int | None = None
    paper: str = ""


def default_target(settings: Settings, suggested: Path, slug: str = "", fmt: str = HTML) -> Path:
    """The last export folder (when it still exists) and the slug, else the suggested path."""
    remembered = settings.export_folder
    folder = Path(remembered) if remembered and Path(remembered).is_dir() else suggested.parent
    # A slug is meant for URLs; the path separators of an invalid one must not make folders.
    stem = slug.strip().replace("/", "-").replace("\\", "-").strip(". ") or suggested.stem
    return folder / f"{stem}{FORMAT_SUFFIX.get(fmt, '.html')}"


def with_page_suffix(path: Path) -> Path:
    return with_format_suffix(path, HTML)


def with_format_suffix(path: Path, fmt: str) -> Path:
    """`path` ending in one of the format's suffixes (".html" added to "page" for a page)."""
    # "/" or "~" alone (the first key of a typed path) names no file yet: nothing to add to.
    if not path.name or EXPORT_SUFFIXES.get(path.suffix.lower()) == fmt:
        return path
    return path.with_name(path.name + FORMAT_SUFFIX[fmt])


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
        self.setWindowTitle(translate("ExportDialog", "Export"))
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

        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("export_format")
        for fmt in FORMAT_ORDER:
            self.format_combo.addItem(format_label(fmt), fmt)
        self.format_combo.setCurrentIndex(FORMAT_ORDER.index(settings.export_format))

        self.embed_radio = QRadioButton(
            translate("ExportDialog", "Standalone file (photos inside)"), self
        )
        self.embed_radio.setObjectName("export_embed")
        self.folder_radio = QRadioButton(translate("ExportDialog", "Folder with photos"), self)
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

        self.target_edit = QLineEdit(
            str(default_target(settings, suggested, slug, self.format)), self
        )
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
        self.credits_check = QCheckBox(translate("ExportDialog", "Photos carry their credit"), self)
        self.credits_check.setObjectName("export_credits")
        self.credits_check.setToolTip(
            translate(
                "ExportDialog",
                "Creator, credit line, copyright and caption go into each exported photo "
                "(IPTC), as newsrooms and search engines read them.",
            )
        )
        self.credits_check.setChecked(settings.export_photo_credits)
        self.options = ExportOptionWidgets(settings, self)
        self.line_width_label = QLabel(translate("ExportDialog", "Line width:"), self)
        self.paper_label = QLabel(translate("ExportDialog", "Paper:"), self)

        self.problem_label = QLabel(self)  # a target that cannot work, said here, not in a box
        self.problem_label.setObjectName("export_problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.hide()

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            translate("ExportDialog", "Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("export_accept")
        self.export_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("export_cancel")

        form = QFormLayout()
        form.addRow(translate("ExportDialog", "Format:"), self.format_combo)
        self.form_label = QLabel(translate("ExportDialog", "Form:"), self)
        form.addRow(self.form_label, self.embed_radio)
        form.addRow("", self.folder_radio)
        form.addRow("", self.folder_note)
        form.addRow(self.line_width_label, self.options.line_width_combo)
        form.addRow(self.paper_label, self.options.paper_combo)
        form.addRow(translate("ExportDialog", "File:"), target_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors_box)
        layout.addLayout(form)
        layout.addWidget(self.credits_check)
        layout.addWidget(self.open_check)
        layout.addWidget(self.options.strict_check)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.browse_button.clicked.connect(self.browse)
        self.target_edit.textChanged.connect(self._follow_typed_suffix)
        self.target_edit.textChanged.connect(self._update)
        self.format_combo.currentIndexChanged.connect(self._format_chosen)
        self._modes.buttonToggled.connect(lambda *_: self._update())
        self.options.strict_check.toggled.connect(lambda *_: self._update())
        self._update()
        self.resize(max(self.sizeHint().width(), 520), self.sizeHint().height())

    # --- state --------------------------------------------------------------------------------

    @property
    def assets(self) -> str:
        return "folder" if self.folder_radio.isChecked() else "embed"

    @property
    def format(self) -> str:
        return str(self.format_combo.currentData())

    def target(self) -> Path | None:
        text = self.target_edit.text().strip()
        return with_format_suffix(Path(text).expanduser(), self.format) if text else None

    def choice(self) -> ExportChoice | None:
        """What was chosen; None unless the dialog was accepted."""
        return self._choice

    def _format_chosen(self) -> None:
        """Another format: the typed name keeps its folder and stem and takes its suffix."""
        text = self.target_edit.text().strip()
        if text:
            path = Path(text)
            if path.suffix.lower() in EXPORT_SUFFIXES:
                path = path.with_suffix("")
            self.target_edit.setText(str(with_format_suffix(path, self.format)))
        self._update()

    def _follow_typed_suffix(self, text: str) -> None:
        """A name typed with a known suffix ("proof.pdf") chooses that format."""
        fmt = EXPORT_SUFFIXES.get(Path(text.strip()).suffix.lower())
        if fmt is not None and fmt != self.format:
            self.format_combo.blockSignals(True)
            self.format_combo.setCurrentIndex(FORMAT_ORDER.index(fmt))
            self.format_combo.blockSignals(False)

    def _update(self) -> None:
        target = self.target()
        fmt = self.format
        refused = bool(self._errors) and self.options.strict
        self.export_button.setEnabled(target is not None and not refused)
        self.export_button.setText(
            translate("ExportDialog", "Export Anyway")
            if self._errors and not refused
            else translate("ExportDialog", "Export")
        )
        self.problem_label.hide()
        page = fmt == HTML
        for widget in (self.form_label, self.embed_radio, self.folder_radio, self.open_check):
            widget.setVisible(page)
        self.credits_check.setVisible(fmt in PHOTO_FORMATS)
        self.options.show_for(fmt)
        self.line_width_label.setVisible(fmt == TEXT)
        self.paper_label.setVisible(fmt == PDF)
        if refused:
            self._say_problem(
                translate(
                    "ExportDialog",
                    "“Strict” is on: nothing is exported while the check finds errors.",
                )
            )
        if target is not None and (fmt == MARKDOWN or (page and self.assets == "folder")):
            if fmt == MARKDOWN:
                note = translate(
                    "ExportDialog", "The photos go into the folder “%1” next to the file."
                )
            else:
                note = translate(
                    "ExportDialog", "The images go into the folder “%1” next to the page."
                )
            self.folder_note.setText(note.replace("%1", f"{target.stem}_files"))
            self.folder_note.show()
        else:
            self.folder_note.hide()

    # --- actions ------------------------------------------------------------------------------

    def browse(self) -> None:
        current = self.target() or Path.home()
        name, _filter = QFileDialog.getSaveFileName(
            self, translate("ExportDialog", "Export"), str(current), format_filter(self.format)
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
        if target is None or (self._errors and self.options.strict):
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
                translate("ExportDialog", "“%1” is a folder; give the file a name.").replace(
                    "%1", target.name
                )
            )
            return
        if target.exists() and target != self._overwrite_confirmed and not self._replace(target):
            return
        page = self.format == HTML
        self._choice = ExportChoice(
            target,
            self.assets,
            page and self.open_check.isChecked(),
            self.format,
            self.credits_check.isChecked(),
            self.options.line_width if self.format == TEXT else None,
            self.options.paper if self.format == PDF else "",
        )
        self._settings.export_folder = str(target.parent)
        self._settings.export_format = self.format
        self._settings.export_photo_credits = self.credits_check.isChecked()
        self.options.remember(self._settings, self.format)
        if page:
            self._settings.export_mode = self.assets
            self._settings.open_export_in_browser = self.open_check.isChecked()
        self.accept()

    def _replace(self, target: Path) -> bool:
        answer = ask_choice(
            self,
            translate("ExportDialog", "Export"),
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
