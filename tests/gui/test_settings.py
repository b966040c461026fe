"""The typed settings object: every value parsed once, the same way, from INI and native stores."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from newsdesk.gui.settings import MAX_RECENT_FILES, Settings

GUI = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "gui"


@pytest.fixture
def store(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("true", True),
        ("yes", True),
        ("1", True),
        ("on", True),
        (True, True),
        (1, True),
        ("false", False),
        ("no", False),
        ("0", False),
        (False, False),
        (0, False),
    ],
)
def test_booleans_read_the_same_from_every_store(store, raw, expected):
    store.setValue("export/open_in_browser", raw)
    assert Settings(store).open_export_in_browser is expected


def test_missing_values_give_the_documented_defaults(store):
    settings = Settings(store)
    assert settings.typographic_quotes is True
    assert settings.open_export_in_browser is False
    assert settings.export_mode == "embed"
    assert settings.interface_language == ""
    assert settings.recent_files == []
    assert settings.window_geometry is None


def test_values_survive_a_new_settings_object_over_the_same_file(tmp_path, store):
    settings = Settings(store)
    settings.typographic_quotes = False
    settings.export_mode = "folder"
    settings.interface_language = "de"
    settings.recent_files = [f"/news/{n}.newsdesk" for n in range(MAX_RECENT_FILES + 3)]
    settings.window_geometry = QByteArray(b"\x01\x02geometry")
    settings.set_length_target("/news/a.newsdesk", "words:800")
    settings.sync()

    again = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert again.typographic_quotes is False
    assert again.export_mode == "folder"
    assert again.interface_language == "de"
    assert len(again.recent_files) == MAX_RECENT_FILES
    assert again.recent_files[0] == "/news/0.newsdesk"
    assert bytes(again.window_geometry) == b"\x01\x02geometry"
    assert again.length_target("/news/a.newsdesk") == "words:800"
    assert again.length_target("/news/b.newsdesk") == ""


def test_values_nobody_wrote_are_refused_not_passed_on(store):
    store.setValue("interface/language", "klingon")
    store.setValue("export/mode", "zip")
    settings = Settings(store)
    assert settings.interface_language == ""
    assert settings.export_mode == "embed"


def test_a_single_recent_file_reads_back_as_a_list(store):
    store.setValue("files/recent", "/news/only.newsdesk")
    assert Settings(store).recent_files == ["/news/only.newsdesk"]


def test_only_the_settings_module_makes_a_qsettings():
    makers = [
        path.relative_to(GUI).as_posix()
        for path in GUI.rglob("*.py")
        if path.name != "settings.py" and re.search(r"QSettings\(", path.read_text("utf-8"))
    ]
    assert makers == []
