"""Helpers for the main-window tests: a window on a private folder, answers to its questions.

`Answers` replaces QMessageBox.exec: each question the window asks is recorded and answered by
clicking the button named by the next queued key (ask_choice names every button after its key), so
a test says exactly what the journalist would click and fails on a question nobody expected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project, open_project


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Answers:
    """Queued button keys for ask_choice questions; records (title, text) of each question."""

    queue: list[str] = field(default_factory=list)
    asked: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def answer(self, *keys: str) -> None:
        self.queue.extend(keys)

    def _exec(self, box: QMessageBox) -> int:
        if box.icon() == QMessageBox.Icon.Critical:  # show_error's box with details: an error
            self.errors.append(box.text())
            return 0
        self.asked.append((box.windowTitle(), box.text()))
        if not self.queue:
            pytest.fail(f"unexpected question: {box.text()}")
        key = self.queue.pop(0)
        button = next((b for b in box.buttons() if b.objectName() == key), None)
        if button is None:
            names = [b.objectName() for b in box.buttons()]
            pytest.fail(f"no button {key!r} in question {box.text()!r} (buttons: {names})")
        button.click()
        return 0

    def _critical(self, parent, title, text, *args, **kwargs):
        self.errors.append(text)
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def answers(monkeypatch, no_unexpected_message_boxes) -> Answers:
    recorded = Answers()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: recorded._exec(box))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(recorded._critical))
    return recorded


@pytest.fixture
def save_dialog(monkeypatch):
    """Set `.path` to what QFileDialog.getSaveFileName "chooses" (None: the user cancels)."""

    class Chooser:
        path: Path | None = None
        calls = 0

        def __call__(self, *args, **kwargs):
            self.calls += 1
            return (str(self.path) if self.path else "", "")

    chooser = Chooser()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(chooser))
    return chooser


def english_article() -> Article:
    return Article(
        headline="Ferry timetable grows by two evening crossings",
        subheadline="Commuters asked for later boats for years",
        language="en",
        sections=[
            Section(markdown="The island ferry adds two crossings after nine in the evening."),
            Section(
                heading="What changes",
                markdown="From May the last boat leaves the harbour at **23:10**.",
            ),
            Section(
                heading="Commentary: About time",
                kind="opinion",
                markdown="Late shifts do not end at eight.",
            ),
        ],
    )


def german_article() -> Article:
    return Article(
        headline="Stadtbibliothek öffnet sonntags",
        language="de",
        sections=[
            Section(markdown="Ab März ist die Bibliothek auch am Sonntag geöffnet."),
            Section(heading="Mehr Personal", markdown="Zwei neue Stellen sind *ausgeschrieben*."),
        ],
    )


def make_project(path: Path, article: Article | None = None) -> Path:
    create_project(path, article or english_article()).close()
    return path


def read_article(path: Path) -> Article:
    """What the file on disk holds now (read-only: never disturbs the window's lock)."""
    with open_project(path, read_only=True) as project:
        return project.load()


def revisions_of(path: Path) -> list:
    with open_project(path, read_only=True) as project:
        return project.revisions()


def new_window(qtbot, tmp_path: Path, clock=None, *, show: bool = True):
    """A MainWindow with its own settings file and data folder under tmp_path."""
    from newsdesk.gui.main_window import MainWindow
    from newsdesk.gui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    kwargs = {"settings": settings, "data_dir": tmp_path / "data"}
    if clock is not None:
        kwargs["clock"] = clock
    window = MainWindow(**kwargs)
    qtbot.addWidget(window)
    if show:
        window.show()
        qtbot.waitExposed(window)
        # Shortcuts only reach the active window.
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def close_window(window) -> None:
    """Close as the journalist would; the test fails if the window refuses."""
    assert window.close(), "the window refused to close"
