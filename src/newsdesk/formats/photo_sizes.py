"""The web sizes of all photos of an export, made on every core at once.

Pillow releases the GIL while it decodes, resizes and encodes, so threads make the photos of a
page side by side: on two cores a cold export of 20 camera photos takes about half the time of
one photo after the other. The project file (the DerivedCache) and a stored photo's bytes are
read and written only on the calling thread (SQLite connections stay on their thread): the
photos are read first, the workers get bytes and return sizes, the sizes go into the cache as
they come back.

`derive_all` returns, per image id, the sizes or the error a single `web_sizes` call would have
raised (images without a recorded size are left to `web_sizes`); html_figures.FigureRenderer
asks it once per page before placing the first figure.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.derived_cache import DerivedCache

if TYPE_CHECKING:  # the pool (with logging) is imported when a photo needs work: not when warm
    from concurrent.futures import Future, ThreadPoolExecutor
from newsdesk.errors import ImageError, PhotoUnavailableError
from newsdesk.imaging import (
    WEB_WIDTHS,
    Derived,
    adjustment_key,
    cached_web_sizes,
    derive_web_sizes,
    derived_key,
)
from newsdesk.model.article import Image
from newsdesk.photo_rules import adjusted_box, target_sizes

# Word and the Markdown folder carry one size of each photo: the largest web size.
LARGEST: tuple[int, ...] = (WEB_WIDTHS[-1],)
Outcome = list[Derived] | ImageError | PhotoUnavailableError | ValueError
# Original photos read ahead for the workers at most (a newsroom's 20 camera photos fit).
MAX_PENDING_BYTES = 256 * 1024 * 1024


def workers() -> int:
    """Threads to use: the cores this process may run on (at most 8; memory grows with them)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


class _KeptSizes:
    """A DerivedCache for one worker: the sizes the project file already had (read on the
    calling thread), and the new ones, handed back to be stored there."""

    def __init__(self, kept: dict[str, bytes]) -> None:
        self.kept = kept
        self.made: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self.kept.get(key)

    def put(self, key: str, data: bytes) -> None:
        self.made[key] = data


def _kept_sizes(image: Image, widths: tuple[int, ...], cache: DerivedCache) -> dict[str, bytes]:
    """The image's sizes the cache holds, by key, looked up as derive_web_sizes will."""
    focal = (image.focal_x, image.focal_y)
    variant = adjustment_key(image.rotation, image.crop, focal)
    box = adjusted_box((image.width, image.height), image.rotation, image.crop, focal)
    kept = {}
    sizes = target_sizes(box[2] - box[0], box[3] - box[1], widths)
    for width, _height in sizes:
        key = derived_key(image.digest or "", width, crop=variant, top=sizes[-1][0])
        data = cache.get(key)
        if data:
            kept[key] = data
    return kept


@dataclass(frozen=True)
class _Adjustment:
    """What a worker needs of an Image besides its bytes (never the Image: its photo source
    reads through the project file's connection)."""

    digest: str
    rotation: int
    crop: str
    focal: tuple[float, float]

    @classmethod
    def of(cls, image: Image) -> _Adjustment:
        return cls(image.digest or "", image.rotation, image.crop, (image.focal_x, image.focal_y))


def _derive(
    data: bytes, widths: tuple[int, ...], adjustment: _Adjustment, cache: _KeptSizes
) -> Outcome:
    try:
        return derive_web_sizes(
            data,
            widths,
            cache=cache,
            rotation=adjustment.rotation,
            crop=adjustment.crop,
            focal=adjustment.focal,
            digest=adjustment.digest,
        )
    except (ImageError, ValueError) as exc:
        return exc


class PhotoSizes:
    """The web sizes of a page's photos, started before the page's text is rendered.

    Made on the calling thread: the cache lookups and the reading of each photo. Then the
    photos are made on worker threads while the caller renders the text (Markdown holds the
    GIL, Pillow lets go of it); `take` waits for one photo's sizes and stores what was made in
    the cache, on the calling thread again.

    Memory stays bounded: photos are read ahead only while less than `max_pending_bytes` of
    originals wait for the workers; the others are read as `take` collects made ones (or asks
    for them). A worker holds one decoded photo at a time, so pixels take at most `threads`
    photos' worth.
    """

    def __init__(
        self,
        images: Iterable[Image],
        widths: tuple[int, ...],
        cache: DerivedCache | None,
        *,
        max_pending_bytes: int = MAX_PENDING_BYTES,
        threads: int | None = None,
    ) -> None:
        self.cache = cache
        self.widths = widths
        self.max_pending_bytes = max_pending_bytes
        self._ready: dict[str, Outcome] = {}
        self._pending: dict[str, tuple[Future[Outcome], _KeptSizes, int]] = {}
        self._unread: dict[str, tuple[Image, _KeptSizes]] = {}  # waiting for memory to free
        self._pending_bytes = 0
        self._pool: ThreadPoolExecutor | None = None
        self._threads = threads or workers()
        for image in images:
            known = image.id in self._ready or image.id in self._unread
            if not image.has_photo or known or min(image.width, image.height) <= 0:
                continue  # no size recorded: web_sizes makes it when the page places it
            try:
                kept = _kept_sizes(image, widths, cache) if cache is not None else {}
                if cache is not None:
                    found = cached_web_sizes(
                        image.digest or "",
                        (image.width, image.height),
                        widths,
                        _KeptSizes(kept),
                        rotation=image.rotation,
                        crop=image.crop,
                        focal=(image.focal_x, image.focal_y),
                    )
                    if found is not None:
                        self._ready[image.id] = found
                        continue
            except (PhotoUnavailableError, ValueError) as exc:
                self._ready[image.id] = exc
                continue
            self._unread[image.id] = (image, _KeptSizes(kept))
        self._read_ahead()

    def _read_ahead(self) -> None:
        """Hand the next photos to the workers, while the bytes in flight allow."""
        while self._unread and (not self._pending or self._pending_bytes < self.max_pending_bytes):
            self._submit(next(iter(self._unread)))

    def _submit(self, image_id: str) -> None:
        """Read one photo (on this thread: the project file's connection) and start making it."""
        image, sizes = self._unread.pop(image_id)
        try:
            # A stored photo is read through the file's connection; no bytes at all are refused
            # like bytes that are no photo.
            data = image.data or b""
        except (PhotoUnavailableError, ValueError) as exc:
            self._ready[image_id] = exc
        else:
            if self._pool is None:
                from concurrent.futures import ThreadPoolExecutor

                self._pool = ThreadPoolExecutor(self._threads, thread_name_prefix="newsdesk-photo")
            future = self._pool.submit(_derive, data, self.widths, _Adjustment.of(image), sizes)
            self._pending[image_id] = (future, sizes, len(data))
            self._pending_bytes += len(data)
        if not self._unread and self._pool is not None:
            self._pool.shutdown(wait=False)  # the submitted photos are still made
            self._pool = None

    def take(self, image_id: str) -> Outcome | None:
        """The image's sizes (or why it has none); None when it was left to web_sizes."""
        if image_id in self._unread:  # asked for before its turn came: start it now
            self._submit(image_id)
        if image_id in self._ready:
            return self._ready.pop(image_id)
        pending = self._pending.pop(image_id, None)
        if pending is None:
            return None
        future, sizes, size = pending
        outcome = future.result()
        self._pending_bytes -= size
        if self.cache is not None:
            for key, data in sizes.made.items():
                self.cache.put(key, data)
        self._read_ahead()
        return outcome

    def all(self) -> dict[str, Outcome]:
        ids = [*self._ready, *self._pending, *self._unread]
        return {image_id: outcome for image_id in ids if (outcome := self.take(image_id))}


def derive_all(
    images: Iterable[Image], widths: tuple[int, ...], cache: DerivedCache | None
) -> dict[str, Outcome]:
    """Every image's web sizes (or why it has none), made in parallel where not cached."""
    return PhotoSizes(images, widths, cache).all()
