"""German and English: complete, in step with the code, loadable with or without built .qm files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QMenu

from newsdesk.gui.settings import Settings
from newsdesk.gui.translations import (
    TsTranslator,
    effective_language,
    install_translators,
    load_translator,
    translations_dir,
)
from tests.gui.window_helpers import close_window, new_window

GUI_SOURCES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "gui"


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).with_name(name)
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    assert found, f"{name} ships with PySide6-Essentials and must be installed"
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ElementTree.Element]:
    root = ElementTree.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_german_message_is_translated():
    messages = _messages(translations_dir() / "newsdesk_de.ts")
    assert len(messages) > 100
    unfinished = [key for key, m in messages.items() if m.find("translation").get("type")]
    assert unfinished == []


def test_the_sources_hold_every_string_the_code_marks_for_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in GUI_SOURCES.rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(fresh), "-locations", "none"],
        check=True,
        capture_output=True,
    )
    in_code = set(_messages(fresh))
    shipped = set(_messages(translations_dir() / "newsdesk_de.ts"))
    assert in_code - shipped == set(), "run pyside6-lupdate and translate the new strings"


def test_lrelease_compiles_the_sources_and_agrees_with_the_ts_reader(tmp_path, qapp):
    for language in ("de", "en"):
        ts = translations_dir() / f"newsdesk_{language}.ts"
        qm = tmp_path / f"newsdesk_{language}.qm"
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
        )
        compiled = QTranslator()
        assert compiled.load(str(qm))
        direct = TsTranslator(ts)
        for (context, source), message in _messages(ts).items():
            counts = (1, 2, 5) if message.get("numerus") == "yes" else (-1,)
            for n in counts:
                assert compiled.translate(context, source, None, n) == direct.translate(
                    context, source, None, n
                ), (context, source, n)


def test_without_a_qm_file_the_ts_source_is_read(tmp_path, qapp):
    shutil.copy(translations_dir() / "newsdesk_de.ts", tmp_path)
    translator = load_translator("de", tmp_path)
    assert isinstance(translator, TsTranslator)
    assert translator.translate("WindowActions", "&Quit") == "&Beenden"
    assert translator.translate("CountsStatus", "%n min read", None, 1) == "%n Minute Lesezeit"
    assert translator.translate("CountsStatus", "%n min read", None, 4) == "%n Minuten Lesezeit"
    assert translator.translate("WindowActions", "not a message") is None


def test_a_stale_qm_file_is_not_preferred_over_a_newer_ts(tmp_path, qapp):
    ts = tmp_path / "newsdesk_de.ts"
    shutil.copy(translations_dir() / "newsdesk_de.ts", ts)
    (tmp_path / "newsdesk_de.qm").write_bytes(b"not a qm file")
    os.utime(tmp_path / "newsdesk_de.qm", (1, 1))
    assert isinstance(load_translator("de", tmp_path), TsTranslator)


def test_the_language_follows_the_system_unless_chosen(tmp_path):
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings = Settings(store)
    german = QLocale(QLocale.Language.German, QLocale.Country.Austria)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    assert effective_language(settings, german) == "de"
    assert effective_language(settings, english) == "en"
    assert effective_language(settings, french) == "en"
    store.setValue("interface/language", "en")
    assert effective_language(settings, german) == "en"
    store.setValue("interface/language", "de")
    assert effective_language(settings, english) == "de"
    store.setValue("interface/language", "klingon")
    assert effective_language(settings, english) == "en"


@pytest.fixture
def german_interface(qapp):
    installed = install_translators(qapp, "de")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_the_window_speaks_german(qtbot, tmp_path, german_interface):
    assert QCoreApplication.translate("WindowActions", "&File") == "&Datei"
    window = new_window(qtbot, tmp_path)
    window.files.new_article()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&Datei", "&Bearbeiten"]
    assert window.sections_dock.windowTitle() == "Abschnitte"
    file_menu = window.menuBar().findChild(QMenu, "menu_file")
    assert "&Beenden" in [a.text() for a in file_menu.actions()]
    assert "Ungespeicherter Artikel" in window.windowTitle()
    close_window(window)
