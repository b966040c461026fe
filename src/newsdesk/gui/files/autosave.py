"""When the open article is written to its file: soon after typing pauses, and regularly while not.

The promise to the journalist is "every change reaches the file within 2 s after typing pauses, and
at least every 10 s while typing goes on". The controller keeps two times: the last change and the
first change not yet saved. A save is due at whichever comes first of

    last change + DEBOUNCE      (typing paused)
    first unsaved change + MAX_LATENCY   (typing never pauses)

A single-shot QTimer is aimed at that moment; when it fires the controller asks its clock again, so
a test can drive it with a fake clock and call `poll()` instead of waiting in real time.

The controller does not know what saving means: it calls `save(revision_label) -> bool`. A failed
save keeps the change pending and is retried after RETRY_INTERVAL (or at the next change).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

DEBOUNCE = 1.5
MAX_LATENCY = 10.0
RETRY_INTERVAL = 10.0

Clock = Callable[[], float]
SaveFunction = Callable[[str | None], bool]


class AutosaveController(QObject):
    """Decides when to save; the window supplies the save itself and reports every change."""

    saved = Signal()  # after every successful save, automatic or not

    def __init__(
        self,
        save: SaveFunction,
        *,
        clock: Clock = time.monotonic,
        debounce: float = DEBOUNCE,
        max_latency: float = MAX_LATENCY,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._clock = clock
        self.debounce = debounce
        self.max_latency = max_latency
        self._last_change: float | None = None
        self._first_unsaved: float | None = None
        self._retry_at: float | None = None
        self._saving = False
        self._enabled = True
        self._changes = 0  # counts note_change() calls, to spot edits made during a save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.poll)

    @property
    def pending(self) -> bool:
        """True while some change has not reached the file."""
        return self._first_unsaved is not None

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Off for read-only articles and while a question about the file is open."""
        self._enabled = enabled
        if enabled:
            self._schedule()
        else:
            self._timer.stop()

    def note_change(self) -> None:
        """Called for every edit, text or structure."""
        now = self._clock()
        self._changes += 1
        self._last_change = now
        if self._first_unsaved is None:
            self._first_unsaved = now
        self._retry_at = None
        self._schedule()

    def due_at(self) -> float | None:
        """Clock time at which the next automatic save is due, or None when nothing is pending."""
        if self._first_unsaved is None or self._last_change is None:
            return None
        due = min(self._last_change + self.debounce, self._first_unsaved + self.max_latency)
        if self._retry_at is not None:
            due = max(due, self._retry_at)
        return due

    def poll(self) -> bool:
        """Save if a save is due now; returns True when a save succeeded."""
        due = self.due_at()
        if due is None or not self._enabled or self._saving:
            return False
        if self._clock() < due:
            self._schedule()
            return False
        return self._run_save(None)

    def save_now(self, revision_label: str | None = None) -> bool:
        """Save at once, pending or not (Ctrl+S, quitting, switching files)."""
        if self._saving:
            return False
        return self._run_save(revision_label)

    def flush(self) -> bool:
        """Save only if something is pending; True when the file now holds everything."""
        if not self.pending:
            return True
        return self.save_now(None)

    def reset(self) -> None:
        """Forget pending changes (a freshly opened or just saved-as article)."""
        self._last_change = self._first_unsaved = self._retry_at = None
        self._timer.stop()

    def _run_save(self, revision_label: str | None) -> bool:
        changes_before = self._changes
        self._saving = True
        try:
            ok = self._save(revision_label)
        finally:
            self._saving = False
        if ok:
            # Changes made while the save ran (a dialog can spin the event loop) stay pending.
            if self._changes != changes_before:
                self._first_unsaved = self._last_change
            else:
                self._last_change = self._first_unsaved = None
            self._retry_at = None
            self.saved.emit()
        elif self._first_unsaved is not None:
            self._retry_at = self._clock() + RETRY_INTERVAL
        self._schedule()
        return ok

    def _schedule(self) -> None:
        due = self.due_at()
        if due is None or not self._enabled:
            self._timer.stop()
            return
        delay_ms = max(0, int((due - self._clock()) * 1000) + 1)
        self._timer.start(delay_ms)
