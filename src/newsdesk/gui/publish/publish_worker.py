"""Network work off the GUI thread: a publish, or reading the site's categories.

A plain Python thread runs the call; a QObject living on the GUI thread carries its progress,
result and failure back as signals, which Qt queues to the GUI thread (the emitting thread is
not the receiver's). The window never blocks on the network.

The publish works on a snapshot of the article taken on the GUI thread (photos read there: a
stored photo can only be read on the thread that owns the project file), so typing during a
publish changes nothing that is being sent. Its `keep(record)` hands each record to the GUI
thread, which stores it in the live article and saves, and waits until that is done: killed at
any point, the file knows what the site already has (publisher.py).

`cancel()` asks the work to stop: the client it made with `cancelled=call.cancel_requested` checks
before each request, so the publish stops between two requests, never inside an upload, and what
was created before is already recorded.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from newsdesk.model.article import Article
from newsdesk.publish.media import published_photos
from newsdesk.publish.records import SiteRecord

KEEP_WAIT_S = 60.0  # a save that takes longer than this is not waited for


def article_snapshot(article: Article) -> Article:
    """A copy of the article whose published photos hold their bytes (read here, on the thread
    that owns the project file)."""
    snapshot = copy.deepcopy(article)
    for image in published_photos(snapshot):
        if image.has_photo:
            image.data = image.data
    return snapshot


class BackgroundCall(QObject):
    """Runs `work(report)` on a thread; `report(step, done, total)` becomes `progress`."""

    progress = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    record_ready = Signal(object)  # a SiteRecord to keep (publish only)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._kept = threading.Event()
        self._cancel = threading.Event()
        self._done = threading.Event()

    @property
    def running(self) -> bool:
        """The work has not ended yet. Done before its result is signalled, not when the thread
        is gone: the dialog gets the result first and must be closable then, however slowly a
        loaded machine lets the thread wind down."""
        return self._thread is not None and not self._done.is_set()

    def start(self, work: Callable[[Callable[[str, int, int], None]], Any]) -> None:
        self._done.clear()

        def run() -> None:
            try:
                result = work(self.progress.emit)
            except Exception as exc:  # every failure goes to the window, worded there
                self._done.set()
                self.failed.emit(exc)
            else:
                self._done.set()
                self.succeeded.emit(result)

        self._thread = threading.Thread(target=run, name="newsdesk-publish", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Called on the GUI thread: the work stops before its next request."""
        self._cancel.set()

    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def keep(self, record: SiteRecord) -> None:
        """Called on the worker thread: the GUI thread stores the record, then `kept()`."""
        self._kept.clear()
        self.record_ready.emit(copy.deepcopy(record))
        self._kept.wait(KEEP_WAIT_S)

    def kept(self) -> None:
        self._kept.set()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)
