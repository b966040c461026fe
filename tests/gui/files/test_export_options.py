"""The export dialog's line width (agency text), paper (PDF) and "Strict": shown for the formats
they apply to, carried into the written file, and remembered in the settings."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QSettings

from newsdesk.formats.exporters import PDF, TEXT
from newsdesk.gui.files.export_dialog import ExportChoice, ExportDialog
from newsdesk.gui.files.export_formats import write_export
from newsdesk.gui.settings import Settings
from tests.gui.files.test_export_dialog import files, ready_article  # noqa: F401 (fixture)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _dialog(qtbot, settings, tmp_path, errors=None) -> ExportDialog:
    dialog = ExportDialog(settings, tmp_path / "story.html", slug="buses", errors=errors)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _choose(dialog: ExportDialog, fmt: str) -> None:
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))


def test_each_choice_shows_for_its_format(qtbot, settings, tmp_path):
    dialog = _dialog(qtbot, settings, tmp_path)
    options = dialog.options
    _choose(dialog, TEXT)
    assert options.line_width_combo.isVisible() and not options.paper_combo.isVisible()
    _choose(dialog, PDF)
    assert options.paper_combo.isVisible() and not options.line_width_combo.isVisible()
    assert [options.paper_combo.itemData(i) for i in range(3)] == ["", "a4", "letter"]
    _choose(dialog, "html")
    assert not options.paper_combo.isVisible() and not options.line_width_combo.isVisible()
    assert options.strict_check.isVisible()


def test_the_choices_are_carried_and_remembered(qtbot, settings, tmp_path):
    dialog = _dialog(qtbot, settings, tmp_path)
    _choose(dialog, TEXT)
    dialog.options.line_width_combo.setCurrentIndex(dialog.options.line_width_combo.findData(72))
    dialog.options.strict_check.setChecked(True)
    dialog.try_accept()
    choice = dialog.choice()
    assert choice is not None and choice.format == TEXT and choice.line_width == 72
    assert settings.export_line_width == 72 and settings.export_strict
    again = _dialog(qtbot, settings, tmp_path)
    assert again.options.line_width == 72 and again.options.strict
    _choose(again, PDF)
    again.options.paper_combo.setCurrentIndex(2)
    again.try_accept()
    assert again.choice().paper == "letter" and again.choice().line_width is None
    assert settings.export_paper == "letter" and settings.export_line_width == 72


def test_strict_refuses_while_the_check_finds_errors(qtbot, settings, tmp_path):
    dialog = _dialog(qtbot, settings, tmp_path, errors=["The lead photo is missing"])
    assert dialog.export_button.isEnabled() and dialog.export_button.text() == "Export Anyway"
    dialog.options.strict_check.setChecked(True)
    assert not dialog.export_button.isEnabled() and dialog.export_button.text() == "Export"
    assert "Strict" in dialog.problem_label.text() and dialog.problem_label.isVisible()
    dialog.try_accept()
    assert dialog.choice() is None


def test_the_written_files_follow_the_choices(files, tmp_path):  # noqa: F811
    text = tmp_path / "buses.txt"
    write_export(files, ExportChoice(text, "embed", False, TEXT, line_width=60))
    lines = text.read_text(encoding="utf-8").splitlines()
    assert max(len(line) for line in lines) <= 60
    proof = tmp_path / "buses.pdf"
    write_export(files, ExportChoice(proof, "embed", False, PDF, paper="letter"))
    page = pypdf.PdfReader(io.BytesIO(Path(proof).read_bytes())).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
