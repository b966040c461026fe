"""The export dialog's choices beyond format and file: the agency text's line width, the PDF
proof's paper, and "Strict" (refuse to export while the check finds errors, as
`newsdesk export --width N`, `--paper` and `--strict` do). Each is shown for the formats it
applies to and remembered in the user's settings (gui/settings.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from newsdesk.formats.exporters import PDF, TEXT
from newsdesk.gui.settings import Settings

translate = QCoreApplication.translate

LINE_WIDTHS = (0, 60, 72, 80)  # 0: no wrapping, one line a paragraph
PAPERS = ("", "a4", "letter")  # "": the system's (Letter where it measures in inches, else A4)


def line_width_label(width: int) -> str:
    if not width:
        return translate("ExportDialog", "No wrapping")
    return translate("ExportDialog", "%1 characters").replace("%1", str(width))


def paper_label(paper: str) -> str:
    labels = {
        "": translate("ExportDialog", "System setting"),
        "a4": translate("ExportDialog", "A4"),
        "letter": translate("ExportDialog", "Letter"),
    }
    return labels[paper]


class ExportOptionWidgets:
    """The three choices as widgets of the export dialog (`parent`), set from `settings`."""

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        self.line_width_combo = QComboBox(parent)
        self.line_width_combo.setObjectName("export_line_width")
        for width in LINE_WIDTHS:
            self.line_width_combo.addItem(line_width_label(width), width)
        self.line_width_combo.setCurrentIndex(LINE_WIDTHS.index(settings.export_line_width))
        self.line_width_combo.setToolTip(
            translate(
                "ExportDialog",
                "Agency text: wrap lines at this width, as a wire or an old editing system wants "
                "them; without wrapping every paragraph is one line.",
            )
        )
        self.paper_combo = QComboBox(parent)
        self.paper_combo.setObjectName("export_paper")
        for paper in PAPERS:
            self.paper_combo.addItem(paper_label(paper), paper)
        self.paper_combo.setCurrentIndex(PAPERS.index(settings.export_paper))
        self.strict_check = QCheckBox(
            translate("ExportDialog", "Strict: refuse to export while the check finds errors"),
            parent,
        )
        self.strict_check.setObjectName("export_strict")
        self.strict_check.setChecked(settings.export_strict)

    @property
    def line_width(self) -> int | None:
        """The chosen width, None for no wrapping."""
        return int(self.line_width_combo.currentData()) or None

    @property
    def paper(self) -> str:
        return str(self.paper_combo.currentData())

    @property
    def strict(self) -> bool:
        return self.strict_check.isChecked()

    def show_for(self, fmt: str) -> None:
        self.line_width_combo.setVisible(fmt == TEXT)
        self.paper_combo.setVisible(fmt == PDF)

    def remember(self, settings: Settings, fmt: str) -> None:
        """Keep the choices that applied to the export just made."""
        settings.export_strict = self.strict
        if fmt == TEXT:
            settings.export_line_width = self.line_width or 0
        elif fmt == PDF:
            settings.export_paper = self.paper
