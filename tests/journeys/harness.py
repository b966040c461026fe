"""The journey harness: start Newsdesk as `newsdesk FILE` does, then use only what a user reaches.

A journey test is a journalist's errand told as a test: start the app, wait for the window, work
through menus, shortcuts, clicks, typing and dialogs, then look at the screen and at the saved
file. Unit tests elsewhere build a widget and call its methods; they prove the method. A journey
proves the feature, because it fails where the user would fail: a disabled menu entry cannot be
clicked, a shortcut that is not bound does nothing, a dialog that never shows cannot be answered.

How to write one
----------------
    from tests.journeys.harness import trigger_menu, type_text, press, saved_info

    def test_headline_is_saved(start_app, tmp_path):
        window = start_app(tmp_path / "story.newsdesk", language="en")   # `newsdesk FILE`
        click(window.headline_bar.headline)                               # a visible widget
        type_text("Council votes for the bridge")
        press("Ctrl+S")                                                   # the shortcut
        assert saved_info(tmp_path / "story.newsdesk")["headline"] == "Council votes for the bridge"

- `start_app(*args, language="en"|"de")` (fixture) runs `newsdesk.cli.main(args)` up to the event
  loop, whose `exec` is replaced so the test drives the window; it returns the visible main window
  once it is exposed. No args: `newsdesk` alone (the sample, or the last article). A never-saved
  draft: put one in `draft_folder()` first (see `make_draft`); the start offers it.
  The language is the user's choice in View > Language, stored in the test's private settings.
- Everything runs with settings, data and config folders private to the test (`private_qt_paths`
  from tests/gui/conftest.py), offscreen unless QT_QPA_PLATFORM says otherwise.
- Menus: `trigger_menu(window, "File", "Save As…")` opens the menu bar's menu by its visible text
  and clicks the entry (a submenu: more names; `&` and a trailing "…" may be left out). German
  tests pass German texts: `trigger_menu(window, "Datei", "Speichern")`. A disabled or missing
  entry fails the test with the entries that are there.
- Keys: `press("Ctrl+Shift+S")` sends the key combination to the focused widget (as QKeySequence
  reads it); `type_text("Grüße")` types into the focused widget, character by character.
- Mouse: `click(widget)` clicks the middle of a visible, enabled widget;
  `click_tab(window, "Details")` clicks a tab by its text (the tabbed panes, a dialog's tabs).
- Dialogs that block (message boxes, file dialogs, anything shown with exec()): say what the user
  will do BEFORE the action that opens them, because the action does not return until the dialog
  closes:
        with expect_dialog(lambda d: click_button(d, "Open It")) as seen:
            ...  # the action that opens the dialog
        assert "never saved" in seen.text
  An unannounced modal dialog is closed and fails the test (offscreen nobody could answer it).
  Several dialogs in a row (a question, then a file dialog): one `expect_dialog` each, in the
  order they come:
        with expect_dialog(answer("Save a copy to edit…")), expect_dialog(fill_file_dialog(p)):
  Dialogs that do not block (Find and Replace): `visible_dialog()` returns the one on screen.
  `fill_file_dialog(path)` is the handler for a Qt file dialog: it pastes the path and accepts.
- The file: `saved_info(path)` is `newsdesk info --json PATH`, parsed.
- Waiting: `wait_until(predicate)` waits as a user would look (processing events), up to 5 s.

Keep journeys about what the user sees and gets; reach into the window only to FIND a widget
(`window.findChild(...)`, `window.editor`), never to call the method that does the work.
"""

from __future__ import annotations

import contextlib
import io
import json
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabBar,
    QWidget,
)

from newsdesk import cli

WAIT_S = 5.0
DIALOG_WAIT_S = 10.0
LANGUAGE_KEY = "interface/language"  # as gui/translations.py stores View > Language


def visible_text(text: str) -> str:
    """A label as the user reads it: no mnemonic ampersands, no trailing ellipsis."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    return text.removesuffix("…").removesuffix("...").strip()


def wait_until(predicate: Callable[[], object], timeout: float = WAIT_S, what: str = "") -> None:
    """Process events until predicate() is true; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s in vain{': ' + what if what else ''}")
        QTest.qWait(20)


def settle(ms: int = 50) -> None:
    """Let queued work run (timers of 0 ms, repaints), as a user's glance would."""
    QTest.qWait(ms)


# --- keys and mouse ----------------------------------------------------------------------------


def focused_widget() -> QWidget:
    """Where a key goes: the focus widget; after a dialog closed offscreen (where no window
    manager activates the main window again), the main window's own focus widget."""
    widget = QApplication.focusWidget()
    if widget is None and _started_windows:
        window = _started_windows[-1]
        window.activateWindow()
        widget = window.focusWidget() or window
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def press(shortcut: str, widget: QWidget | None = None) -> None:
    """Press a key combination ("Ctrl+S", "Return", "Ctrl+Shift+N") on the focused widget."""
    sequence = QKeySequence(shortcut)
    assert sequence.count() == 1, f"{shortcut!r} is not one key combination"
    combination = sequence[0]
    QTest.keyClick(widget or focused_widget(), combination.key(), combination.keyboardModifiers())
    settle(20)


def type_text(text: str, widget: QWidget | None = None) -> None:
    """Type text into the focused widget; a newline is the Return key."""
    target = widget or focused_widget()
    for number, line in enumerate(text.split("\n")):
        if number:
            QTest.keyClick(target, Qt.Key.Key_Return)
        for character in line:
            _type_character(target, character)
    settle(20)


def _type_character(target: QWidget, character: str) -> None:
    # QTest.keyClicks knows ASCII only (anything else aborts the process), so a key event that
    # carries the character, as a German keyboard's ü or ß key sends it, goes to the widget.
    if character.isascii():
        QTest.keyClick(target, character)
        return
    upper = character.upper()
    key = ord(upper) if len(upper) == 1 and ord(upper) < 0x100 else 0
    modifiers = Qt.KeyboardModifier.NoModifier
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, character))


def click(widget: QWidget, at: QPoint | None = None) -> None:
    """Click a visible, enabled widget (in its middle unless `at` says where)."""
    assert widget.isVisible(), f"{widget.objectName() or widget} is not on screen"
    assert widget.isEnabled(), f"{widget.objectName() or widget} is disabled"
    top = widget.window()
    if not isinstance(widget, QMenu) and QApplication.activeWindow() is not top:
        # A click into another window activates it, as the window manager would.
        top.activateWindow()
        wait_until(lambda: QApplication.activeWindow() is top, 2.0, "the window to activate")
    position = at if at is not None else widget.rect().center()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, position)
    settle(20)


def click_tab(window: QWidget, text: str) -> None:
    """Click the tab labelled `text` (a tabbed pane such as Details / Angaben, or a dialog's)."""
    wanted = visible_text(text)
    for bar in window.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            if visible_text(bar.tabText(index)) == wanted:
                click(bar, bar.tabRect(index).center())
                return
    shown = [bar.tabText(i) for bar in window.findChildren(QTabBar) for i in range(bar.count())]
    raise AssertionError(f"no tab {text!r} on screen: {shown}")


# --- menus -------------------------------------------------------------------------------------


def _entries(menu_or_bar) -> list[str]:
    return [visible_text(a.text()) for a in menu_or_bar.actions() if not a.isSeparator()]


def open_menu(window: QWidget, *path: str) -> QMenu:
    """Open a menu of the menu bar (and submenus along `path`); returns the last one, shown."""
    bar = window.menuBar()
    wanted = visible_text(path[0])
    top = next((a for a in bar.actions() if visible_text(a.text()) == wanted), None)
    assert top is not None, f"no menu {path[0]!r} in the menu bar: {_entries(bar)}"
    assert top.isEnabled(), f"the menu {path[0]!r} is disabled"
    click(bar, bar.actionGeometry(top).center())
    menu = top.menu()
    wait_until(menu.isVisible, what=f"the menu {path[0]!r} to open")
    for name in path[1:]:
        entry = _menu_entry(menu, name)
        assert entry.menu() is not None, f"{name!r} is no submenu"
        click(menu, menu.actionGeometry(entry).center())
        menu = entry.menu()
        if not menu.isVisible():  # a click on a submenu entry may only highlight it
            menu.popup(QPoint(0, 0))
        wait_until(menu.isVisible, what=f"the submenu {name!r} to open")
    return menu


def _menu_entry(menu: QMenu, name: str):
    wanted = visible_text(name)
    entry = next(
        (a for a in menu.actions() if a.isVisible() and visible_text(a.text()) == wanted), None
    )
    assert entry is not None, f"no entry {name!r} in the menu: {_entries(menu)}"
    return entry


def close_menus() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMenu) and widget.isVisible():
            widget.hide()


def menu_entry_enabled(window: QWidget, *path: str) -> bool:
    """Whether the entry at the end of `path` is enabled when the user opens its menu."""
    menu = open_menu(window, *path[:-1])
    enabled = _menu_entry(menu, path[-1]).isEnabled()
    close_menus()
    return enabled


def trigger_menu(window: QWidget, *path: str) -> None:
    """Click a menu entry: trigger_menu(window, "File", "Save"); submenus: more names.

    Returns when the entry's action has run, which is after any modal dialog it opened has
    closed: announce such dialogs with `expect_dialog` first.
    """
    assert len(path) >= 2, "name the menu and the entry"
    menu = open_menu(window, *path[:-1])
    entry = _menu_entry(menu, path[-1])
    assert entry.isEnabled(), f"the menu entry {' > '.join(path)!r} is disabled"
    QTest.mouseClick(
        menu,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        menu.actionGeometry(entry).center(),
    )
    close_menus()
    settle()


# --- dialogs -----------------------------------------------------------------------------------


def visible_dialog(kind: type[QDialog] = QDialog) -> QDialog:
    """The dialog on screen (the active modal one first), failing when there is none."""
    modal = QApplication.activeModalWidget()
    if isinstance(modal, kind) and modal.isVisible():
        return modal
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert shown, "no dialog on screen"
    return shown[-1]


def buttons_of(dialog: QWidget) -> list[QAbstractButton]:
    return [b for b in dialog.findChildren(QAbstractButton) if b.isVisible()]


def click_button(dialog: QWidget, text: str) -> None:
    """Click the visible button labelled `text` (ampersands and "…" may be left out)."""
    wanted = visible_text(text)
    buttons = buttons_of(dialog)
    button = next((b for b in buttons if visible_text(b.text()) == wanted), None)
    assert button is not None, f"no button {text!r}: {[visible_text(b.text()) for b in buttons]}"
    click(button)


def fill_file_dialog(path: Path) -> Callable[[QDialog], None]:
    """A handler for a Qt file dialog (Open, Save As, Export): paste the path, click Save/Open."""

    def handle(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog), f"expected a file dialog, got {dialog!r}"
        # QFileDialog.getOpenFileName() & co. make the dialog in C++ and delete it on return: its
        # Python wrapper then points at freed memory, and touching it crashes the process.
        gone: list[bool] = []
        dialog.destroyed.connect(lambda *_args: gone.append(True))
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        box = dialog.findChild(QDialogButtonBox, "buttonBox")
        accept = next(
            b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole
        )
        for _attempt in range(5):
            # Pasted, as one would paste a path: typed key by key, the dialog selects every
            # folder the text passes through (and may refuse to save with several selected).
            name_edit.setFocus()
            name_edit.selectAll()
            QApplication.clipboard().setText(str(path))
            press("Ctrl+V", name_edit)
            QTest.qWait(100)
            popup = QApplication.activePopupWidget()  # the completer's list takes a first click
            if popup is not None:
                popup.hide()
            wait_until(accept.isEnabled, 2.0, "the dialog's accept button")
            click(accept)
            QTest.qWait(100)
            if gone or not dialog.isVisible():
                return

    return handle


@dataclass
class SeenDialog:
    """What an expected dialog showed: title, text (a message box's text) and all its labels."""

    title: str = ""
    text: str = ""
    labels: list[str] = field(default_factory=list)
    shown: bool = False


def _describe(dialog: QWidget) -> SeenDialog:
    from PySide6.QtWidgets import QLabel

    seen = SeenDialog(title=dialog.windowTitle(), shown=True)
    if isinstance(dialog, QMessageBox):
        seen.text = dialog.text() + (
            "\n" + dialog.informativeText() if dialog.informativeText() else ""
        )
    seen.labels = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    if not seen.text:
        seen.text = "\n".join(seen.labels)
    return seen


def _dismiss(dialog: QWidget) -> None:
    if isinstance(dialog, QDialog):
        dialog.reject()
    dialog.close()


class DialogWatch:
    """Answers modal dialogs with the handlers the test announced, in order; refuses others.

    A timer looks for the active modal widget; the nested event loop of exec() keeps it running.
    """

    def __init__(self) -> None:
        self.expected: list[tuple[Callable[[QDialog], None], SeenDialog]] = []
        self.failures: list[str] = []
        self._handled: set[int] = set()
        self._busy = False
        self._timer = QTimer()
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _look(self) -> None:
        if self._busy:
            return
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            return
        # Python wrappers come and go; the C++ object is the dialog's identity.
        address = shiboken6.getCppPointer(modal)[0]
        if address in self._handled:
            return
        self._handled.add(address)
        # A later dialog may be made at the address of this one once it is deleted.
        modal.destroyed.connect(lambda *_args, done=address: self._handled.discard(done))
        if not self.expected:
            seen = _describe(modal)
            self.failures.append(f"unexpected dialog {seen.title!r}: {seen.text!r}")
            _dismiss(modal)
            return
        handler, seen = self.expected.pop(0)
        seen.__dict__.update(_describe(modal).__dict__)
        self._busy = True
        # A dialog made and deleted by C++ (the static file dialogs) leaves a dangling wrapper:
        # after answering, it is only touched while it still exists.
        gone: list[bool] = []
        modal.destroyed.connect(lambda *_args: gone.append(True))

        def open_still() -> bool:
            return not gone and modal.isVisible()

        try:
            handler(modal)
            deadline = time.monotonic() + 2.0
            while open_still() and time.monotonic() < deadline:
                QTest.qWait(20)
            if open_still():
                self.failures.append(f"the dialog {seen.title!r} is still open after answering")
                _dismiss(modal)
        except BaseException as exc:  # reported by expect_dialog
            self.failures.append(f"answering {seen.title!r}: {exc!r}")
            if open_still():
                _dismiss(modal)
        finally:
            self._busy = False

    def check(self) -> None:
        failures, self.failures = self.failures, []
        if failures:
            raise AssertionError("; ".join(failures))


_watch: DialogWatch | None = None
_started_windows: list[QWidget] = []  # the main windows start_app opened in this test


@contextlib.contextmanager
def expect_dialog(
    handler: Callable[[QDialog], None], timeout: float = DIALOG_WAIT_S
) -> Iterator[SeenDialog]:
    """The block opens a modal dialog; `handler(dialog)` answers it as the user would."""
    assert _watch is not None, "expect_dialog needs the start_app fixture"
    seen = SeenDialog()
    _watch.expected.append((handler, seen))
    yield seen
    try:
        wait_until(lambda: seen.shown, timeout, what="the expected dialog")
    finally:
        if (handler, seen) in _watch.expected:
            _watch.expected.remove((handler, seen))
    settle()
    _watch.check()


def answer(text: str) -> Callable[[QDialog], None]:
    """The handler that clicks the button labelled `text`."""
    return lambda dialog: click_button(dialog, text)


# --- the saved file ----------------------------------------------------------------------------


def saved_info(path: Path) -> dict:
    """`newsdesk info --json PATH`, as another program would read the saved file."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = cli.main(["info", str(path), "--json"])
    assert status == 0, f"newsdesk info failed on {path}"
    return json.loads(out.getvalue())


def all_text(info: dict) -> str:
    """Headline fields and every section's heading and text of an `info --json` article."""
    parts = [str(info.get(k) or "") for k in ("headline", "subheadline")]

    def walk(sections):
        for section in sections:
            parts.append(section.get("heading") or "")
            parts.append(section.get("text") or section.get("markdown") or "")
            walk(section.get("children") or [])

    walk(info.get("sections") or [])
    return "\n".join(parts)


# --- starting the app --------------------------------------------------------------------------


class AppStarter:
    """`start(*args, language=...)` runs `newsdesk ARGS` up to its event loop; see the docstring."""

    def __init__(self, qapp: QApplication, monkeypatch) -> None:
        self.qapp = qapp
        self.monkeypatch = monkeypatch
        self.windows: list[QWidget] = []
        self.status: int | None = None
        global _watch
        if _watch is None:
            # From the start: `newsdesk FILE` may ask before its window shows (a locked file).
            _watch = DialogWatch()
        self._handlers = {
            number: signal.getsignal(number)
            for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
        }

    def __call__(self, *args: str | Path, language: str = "en") -> QWidget:
        from newsdesk.gui.main_window import MainWindow

        _name_application()
        QSettings().setValue(LANGUAGE_KEY, language)
        started: list[QWidget] = []

        def event_loop() -> int:
            # What app.exec() would show first: the window and what it asks at start.
            windows = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible() and w not in self.windows
            ]
            assert len(windows) == 1, f"expected one new main window, found {len(windows)}"
            started.extend(windows)
            return 0

        self.monkeypatch.setattr(QApplication, "exec", staticmethod(event_loop))
        self.status = cli.main([str(a) for a in args])
        assert started, f"`newsdesk {' '.join(map(str, args))}` ended with {self.status}"
        window = started[0]
        self.windows.append(window)
        _started_windows.append(window)
        wait_until(
            lambda: window.windowHandle() and window.windowHandle().isExposed(),
            what="the window to be on screen",
        )
        settle(100)  # the start-up offers and the first paint's deferred work
        return window

    def finish(self) -> None:
        """Close what the test left open (as the window's close button would), tidy the app."""
        global _watch
        from newsdesk.gui.termination import SIGNAL_TICKER

        _started_windows.clear()
        for window in self.windows:
            if window.isVisible():
                window.close()
            window.deleteLater()
        settle()
        failures = []
        if _watch is not None:
            _watch.stop()
            failures = _watch.failures
            _watch = None
        for number, handler in self._handlers.items():
            signal.signal(number, handler)
        ticker = self.qapp.findChild(QTimer, SIGNAL_TICKER)
        if ticker is not None:
            ticker.stop()
            ticker.deleteLater()
        for translator in getattr(self.qapp, "_newsdesk_translators", []):
            self.qapp.removeTranslator(translator)
        if hasattr(self.qapp, "_newsdesk_translators"):
            del self.qapp._newsdesk_translators
        settle()
        if failures:
            raise AssertionError("; ".join(failures))


def _name_application() -> None:
    """The names the app sets at start, which settings and data folders are found by."""
    from newsdesk.gui.app import APPLICATION, ORGANISATION

    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationName(APPLICATION)


def draft_folder() -> Path:
    """Where the app keeps never-saved articles (the test's private data folder)."""
    from newsdesk.gui.files.user_data import default_data_dir, unsaved_dir

    _name_application()
    return unsaved_dir(default_data_dir())


def make_draft(article, name: str = "untitled-20261205-221500-abcdef.newsdesk") -> Path:
    """A never-saved article left behind by an earlier run (e.g. one that crashed)."""
    from newsdesk.store import create_project

    folder = draft_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    create_project(path, article).close()
    return path
