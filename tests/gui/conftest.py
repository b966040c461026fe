"""Shared GUI test fixtures: offscreen Qt, private settings and data folders, no stray dialogs.

Every GUI test runs
- on the offscreen platform (unless QT_QPA_PLATFORM says otherwise, e.g. xvfb for screenshots);
- with QStandardPaths in test mode, the XDG folders and QSettings files under its own tmp_path, so
  no test reads or writes the user's real settings, recent files or autosaves;
- with QMessageBox's static helpers and exec() failing the test: a message box nobody expected
  would block an offscreen run forever. A test that expects one asks for `message_boxes`.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The platform must be chosen before Qt loads, so these imports come after it.
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QMessageBox

import newsdesk.gui  # noqa: F401 (applies the Qt binding workarounds before any test runs)
from newsdesk.gui.preview import register_preview_scheme
from tests.gui.article_states import bridged_state

# As gui/app.py does: the preview's URL scheme exists before pytest-qt makes the QApplication.
register_preview_scheme()

_MESSAGE_BOX_HELPERS = ("information", "warning", "critical", "question", "about", "aboutQt")


@pytest.fixture(autouse=True)
def private_qt_paths(tmp_path, monkeypatch):
    """Settings and data folders of this test only."""
    home = tmp_path / "home"
    # Test mode puts Qt's folders under ~/.qttest, so home moves too.
    monkeypatch.setenv("HOME", str(home))
    folders = {
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_RUNTIME_DIR": tmp_path / "runtime",
    }
    for name, folder in folders.items():
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    folders["XDG_RUNTIME_DIR"].chmod(0o700)  # Qt warns about a runtime folder others can read
    QStandardPaths.setTestModeEnabled(True)
    # QSettings caches its folders when first used, so point it at this test's folder directly.
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(
            settings_format, QSettings.Scope.UserScope, str(folders["XDG_CONFIG_HOME"])
        )
    yield home
    QStandardPaths.setTestModeEnabled(False)


@dataclass
class MessageBoxes:
    """Records the message boxes a test expected; each returns the next queued answer."""

    calls: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, text)
    answers: list[QMessageBox.StandardButton] = field(default_factory=list)

    def answer(self, *buttons: QMessageBox.StandardButton) -> None:
        self.answers.extend(buttons)

    def _record(self, kind: str):
        def helper(*args, **kwargs):
            texts = [a for a in args if isinstance(a, str)]
            title, text = [*texts, "", ""][:2]
            self.calls.append((kind, title, text))
            return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.Ok

        return helper

    def _record_box(self, box: QMessageBox):
        """A box shown with exec(): an error with details (show_error) records like critical()."""
        if box.icon() == QMessageBox.Icon.Critical:
            return self._record("critical")(box.windowTitle(), box.text())
        return self._record("exec")(box.text())


def _unexpected(kind: str):
    def helper(*args, **kwargs):
        texts = [a for a in args if isinstance(a, str)]
        pytest.fail(f"unexpected message box ({kind}): {' / '.join(texts)}")

    return helper


@pytest.fixture(autouse=True)
def no_unexpected_message_boxes(monkeypatch):
    for name in _MESSAGE_BOX_HELPERS:
        monkeypatch.setattr(QMessageBox, name, staticmethod(_unexpected(name)))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: _unexpected("exec")(self.text()))


@pytest.fixture
def message_boxes(monkeypatch, no_unexpected_message_boxes) -> MessageBoxes:
    """For a test that expects message boxes: records them instead of failing."""
    boxes = MessageBoxes()
    for name in _MESSAGE_BOX_HELPERS:
        monkeypatch.setattr(QMessageBox, name, staticmethod(boxes._record(name)))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: boxes._record_box(self))
    return boxes


@pytest.fixture
def state_for(qtbot):
    """`state_for(article, **kwargs)` makes a bridged ArticleState that is cleared after the test
    (its documents and history go before the QApplication's next test)."""
    made = []

    def make(article, **kwargs):
        state = bridged_state(article, **kwargs)
        made.append(state)
        return state

    yield make
    for state in made:
        state.clear()
