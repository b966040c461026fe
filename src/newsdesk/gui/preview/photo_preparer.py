"""The preview's photo sizes, made on worker threads so that typing never waits for a photo.

Making the preview size of a 12-megapixel camera photo (decode, turn, cut, downscale, encode)
takes about 0.4 s; on the GUI thread, 20 photos kept the window from taking keys for seconds.
`PhotoPreparer` runs `imaging.derive_web_sizes` in a small pool of Python threads (Pillow
releases the GIL while it decodes, resizes and encodes) and hands each result back through a
queued signal. The render asks `is_ready(image)` for every photo it places (render_page's
`photo_ready`): a photo not made yet is queued here and shown as a "being prepared" frame until
`ready` says it is made, when the pane renders again.

The worker threads touch bytes and Python objects only. An original is read (from the project
file: its SQLite connection belongs to the GUI thread) when a thread is free for it, and the
made sizes are put into the pane's cache (the project file's `derived` table too) on the GUI
thread, so at most MAX_IN_FLIGHT originals and their sizes are in memory at once, however many
photos are waiting. A photo that cannot be made (damaged bytes, lost from its file) stays a
marked frame and is not tried again in this session. `wait()` (the application's aboutToQuit)
drops the waiting photos and waits for the ones in flight only: quitting never waits for 80.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from contextlib import suppress
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from newsdesk.derived_cache import DerivedCache
from newsdesk.errors import NewsdeskError
from newsdesk.model.article import Image

# One photo at a time: on two cores shared with Chromium, a second worker took CPU time from the
# GUI thread (longer stalls while typing) for little gain; it also bounds memory to one original
# (2-10 MB) and its decoded pixels (~50 MB for 12 MP) at a time.
MAX_IN_FLIGHT = 1

PhotoKey = tuple[str, int, str, float, float]


def photo_key(image: Image) -> PhotoKey:
    """What the made sizes depend on: the photo, how it is turned and cut."""
    return (image.digest or "", image.rotation, image.crop, image.focal_x, image.focal_y)


@dataclass(frozen=True)
class _Made:
    key: PhotoKey
    entries: dict[str, bytes]  # the cache entries derive_web_sizes made, by cache key
    failed: bool


class _Relay(QObject):
    """Carries the workers' results to the GUI thread, where each preparer takes its own.

    It lives as long as the program. A worker may finish after the preparer that asked is gone
    (its window or pane closed); emitting a signal of a QObject that the GUI thread is destroying
    at that moment crashes the process (a fresh clone's test run met it). Qt drops what is queued
    for a receiver that is gone, so the relay's signal is safe to emit from any thread."""

    finished = Signal(object, object)  # the asking preparer's token, _Made


@functools.cache
def _relay() -> _Relay:
    return _Relay()  # made by the first preparer, on the GUI thread


class PhotoPreparer(QObject):
    """Makes the preview sizes of photos off the GUI thread; `ready()` after each one."""

    ready = Signal()  # a photo's sizes were made (or it failed): the page can show more now

    def __init__(
        self, cache: DerivedCache, widths: tuple[int, ...], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._cache = cache
        self._widths = widths
        # A Python pool, not a QThreadPool: Qt destroys a child pool with its parent and waits
        # for it there, holding the GIL that the worker's Pillow call needs back (a deadlock when
        # the window closes while a photo is made). This pool is waited for only in `wait`.
        self._pool = ThreadPoolExecutor(MAX_IN_FLIGHT, thread_name_prefix="newsdesk-preview-photo")
        self._running: set[Future[None]] = set()
        self._made: set[PhotoKey] = set()
        self._failed: set[PhotoKey] = set()
        self._queue: OrderedDict[PhotoKey, Image] = OrderedDict()
        self._in_flight: set[PhotoKey] = set()
        self._closed = False
        self._token = object()  # which results on the relay are this preparer's
        _relay().finished.connect(self._delivered, Qt.ConnectionType.QueuedConnection)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait)

    def is_ready(self, image: Image) -> bool | None:
        """Whether the render may place the photo now: its sizes are in the cache. If not, it is
        queued (once) and `ready` follows when they are made. None: they could not be made (the
        page shows a missing photo, and nothing tries to decode it again)."""
        key = photo_key(image)
        if key in self._made:
            return True
        if key in self._failed:
            return None
        if key in self._queue or key in self._in_flight:
            return False
        if self._cached(image):
            self._made.add(key)
            return True
        if not self._closed:
            self._queue[key] = image
            QTimer.singleShot(0, self, self._feed)
        return False

    def failed(self, image: Image) -> bool:
        """Whether the photo's sizes could not be made (a marked frame for the session)."""
        return photo_key(image) in self._failed

    @property
    def waiting(self) -> int:
        """Photos queued or being made."""
        return len(self._queue) + len(self._in_flight)

    def drop_waiting(self) -> None:
        """Forget the photos waiting for their turn (another article is shown: its render queues
        its own); the one being made is finished and kept."""
        self._queue.clear()

    def wait(self, msecs: int = 5000) -> bool:
        """Drop the waiting photos and block until those being made are done (quitting, tests'
        clean-up). Nothing is queued afterwards."""
        self._closed = True
        self._queue.clear()
        _done, not_done = futures_wait(list(self._running), timeout=msecs / 1000)
        return not not_done

    def _cached(self, image: Image) -> bool:
        from newsdesk.imaging import cached_web_sizes

        if image.digest is None:
            return False
        kept = cached_web_sizes(
            image.digest,
            (image.width, image.height),
            self._widths,
            self._cache,
            rotation=image.rotation,
            crop=image.crop,
            focal=(image.focal_x, image.focal_y),
        )
        return kept is not None

    def _feed(self) -> None:
        """Hand waiting photos to the pool while fewer than MAX_IN_FLIGHT are being made."""
        while self._queue and len(self._in_flight) < MAX_IN_FLIGHT and not self._closed:
            key, image = self._queue.popitem(last=False)
            try:
                data = image.data  # read here: the project file's connection is this thread's
            except NewsdeskError:  # the project file lost the photo
                data = None
            if not data:
                self._failed.add(key)
                self.ready.emit()
                continue
            self._in_flight.add(key)
            future = self._pool.submit(_make, _relay(), self._token, key, data, self._widths)
            self._running.add(future)
            future.add_done_callback(self._running.discard)

    def _delivered(self, token: object, result: _Made) -> None:
        if token is self._token:
            self._store(result)

    def _store(self, result: _Made) -> None:
        self._in_flight.discard(result.key)
        if result.failed:
            self._failed.add(result.key)
        else:
            for cache_key, data in result.entries.items():
                self._cache.put(cache_key, data)  # the project file too: on this thread
            self._made.add(result.key)
        self.ready.emit()
        self._feed()


def _make(
    relay: _Relay, token: object, key: PhotoKey, data: bytes, widths: tuple[int, ...]
) -> None:
    """Runs in a pool thread: plain Python and Pillow only, never the project file, nor the
    preparer (which may be gone when this ends: the result goes through the relay)."""
    from newsdesk.derived_cache import MemoryCache
    from newsdesk.imaging import derive_web_sizes

    made = MemoryCache()
    digest, rotation, crop, focal_x, focal_y = key
    try:
        derive_web_sizes(
            data,
            widths,
            cache=made,
            digest=digest or None,
            rotation=rotation,
            crop=crop,
            focal=(focal_x, focal_y),
        )
        result = _Made(key, made.entries, failed=False)
    except Exception:  # damaged bytes (ImageError), a crop no Newsdesk writes: a frame
        result = _Made(key, {}, failed=True)
    with suppress(RuntimeError):  # the program is ending and the relay is gone
        relay.finished.emit(token, result)
