"""The child of the termination test: `newsdesk FILE` with a typist at the keyboard.

Run as `python -m tests.reliability.typing_child PROJECT [HOW]` from the repository root, offscreen,
with private settings folders. It starts the window exactly as the `newsdesk` command does
(`newsdesk.cli.main([PROJECT])`, the real event loop); once the window is on screen a typist sends
one key event every TYPING_INTERVAL_MS into the focused editor and prints `typed N` (flushed) after
each, so the parent knows what was on screen when its signal landed. `ready` is printed when the
window is up. The exit status is the app's.

HOW adds what the real desktop does to the process: `native-reset` sets SIGTERM, SIGHUP and SIGINT
back to their default disposition in C once typing has begun, as Chromium's start-up does when the
preview's web engine starts; `dialog` opens a message box (as Help > About does) and keeps typing
behind it, as when a question is open at logout.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from newsdesk import cli

TYPING_INTERVAL_MS = 30
TEXT = "Die Fähre legte um sechs Uhr ab. The ferry left at six. " * 40


def reset_handlers_natively() -> None:
    """What a native library's start-up does: SIG_DFL for the signals, behind Python's back."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.signal.restype = ctypes.c_void_p
    libc.signal.argtypes = [ctypes.c_int, ctypes.c_void_p]
    for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        libc.signal(int(number), None)  # SIG_DFL is 0


def typist(how: str) -> None:
    from newsdesk.gui.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows or not windows[0].isVisible():
        QTimer.singleShot(50, lambda: typist(how))
        return
    editor = windows[0].editor
    editor.setFocus()
    print("ready", flush=True)
    typed = 0

    def next_key() -> None:
        nonlocal typed
        character = TEXT[typed % len(TEXT)]
        if character.isascii():
            QTest.keyClick(editor, character)
        else:
            editor.insertPlainText(character)  # QTest.keyClick knows ASCII only
        typed += 1
        print(f"typed {typed}", flush=True)

    timer = QTimer(editor)
    timer.timeout.connect(next_key)
    timer.start(TYPING_INTERVAL_MS)
    if how == "native-reset":
        QTimer.singleShot(5 * TYPING_INTERVAL_MS, reset_handlers_natively)
    elif how == "dialog":
        from PySide6.QtWidgets import QMessageBox

        QTimer.singleShot(5 * TYPING_INTERVAL_MS, lambda: QMessageBox.about(windows[0], "x", "y"))


def main() -> int:
    # The app makes its QApplication in cli.main; the typist starts from its first event loop turn.
    how = sys.argv[2] if len(sys.argv) > 2 else ""
    original_init = QApplication.__init__

    def init_and_type(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        QTimer.singleShot(0, lambda: typist(how))

    QApplication.__init__ = init_and_type
    return cli.main([sys.argv[1]])


if __name__ == "__main__":
    sys.exit(main())
