"""Ending on a signal like a close: SIGTERM (logout, shutdown, `kill`), SIGHUP (the terminal that
started Newsdesk was closed) and SIGINT (Ctrl+C there) save the article, release its lock and quit.

Python's default reactions end the process at once: SIGTERM and SIGHUP kill it, so the last
seconds of typing (autosave waits for a 2-second pause) are lost and the lock file stays behind.
What goes wrong without this module, and how it is avoided:

- Python runs a signal handler only when the interpreter gets control; while Qt's event loop waits
  in C++ that may be never. A light timer hands it control every quarter second.
- A handler installed once does not stay installed: native code may set the signal's disposition
  back (Chromium's content layer resets SIGTERM, SIGHUP and SIGINT to their defaults in its
  start-up signal set-up, and the preview's web engine starts after the first paint, well after
  the window's start). The same timer installs the handlers again on every tick, a few cheap
  system calls, so a reset is undone within a quarter second.
- A signal can arrive before the window is on screen (while a long article opens); it is
  remembered and honoured as soon as the event loop runs.
- Nobody may be there to answer a question (logout): open dialogs are dismissed, the article is
  saved without asking, and only when that save fails does the window stay as it is and the
  process end with status 1 rather than wait for an answer that never comes.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

SIGNAL_TICKER = "newsdesk_signal_ticker"
TICK_MS = 250
MAX_DISMISSED = 20  # dialogs opened from dialogs; more than this is a loop, not a user
HANDLED_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


class Termination(QObject):
    """Installs the handlers (`install`), then closes `window` when a signal arrives."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._window: QWidget | None = None
        self._save: Callable[[], bool] | None = None
        self.received: int | None = None  # the signal that asked us to end, if one did
        self._dismissed = 0
        self._ticker = QTimer(app)
        self._ticker.setObjectName(SIGNAL_TICKER)
        self._ticker.timeout.connect(self._tick)

    def install(self) -> None:
        """Handle the signals from now on (before the window exists: a signal is remembered)."""
        self._install_handlers()
        self._ticker.start(TICK_MS)

    def watch(self, window: QWidget, save: Callable[[], bool]) -> None:
        """The window to close; `save()` writes the article and says whether it could."""
        self._window = window
        self._save = save
        if self.received is not None:
            QTimer.singleShot(0, self._end)

    def _install_handlers(self) -> None:
        for number in HANDLED_SIGNALS:
            signal.signal(number, self._received)

    def _received(self, number: int, _frame) -> None:
        first = self.received is None
        self.received = number
        if first and self._window is not None:
            # Not from inside the handler: the interrupted code finishes its step first.
            QTimer.singleShot(0, self._end)

    def _tick(self) -> None:
        self._install_handlers()

    def _end(self) -> None:
        window = self._window
        if window is None:
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and self._dismissed < MAX_DISMISSED:
            # Close what waits for an answer, then come back once its event loop has ended, so
            # the code that opened it finishes before the window goes.
            self._dismissed += 1
            if isinstance(modal, QDialog):
                modal.reject()
            modal.close()
            QTimer.singleShot(0, self._end)
            return
        if self._save is not None and not self._save():
            print("newsdesk: the article could not be saved before quitting", file=sys.stderr)
            self._app.exit(1)
            return
        window.close()  # saved already: closing asks nothing and releases the lock
        if window.isVisible():
            self._app.exit(1)
