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
from concurrent.futures import ThreadPoolExecutor

from newsdesk.derived_cache import DerivedCache
from newsdesk.errors import ImageError, PhotoUnavailableError
from newsdesk.imaging import (
    Derived,
    adjustment_key,
    cached_web_sizes,
    derive_web_sizes,
    derived_key,
)
from newsdesk.model.article import Image
from newsdesk.photo_rules import adjusted_box, target_sizes

Outcome = list[Derived] | ImageError | PhotoUnavailableError | ValueError


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
    for width, _height in target_sizes(box[2] - box[0], box[3] - box[1], widths):
        key = derived_key(image.digest or "", width, crop=variant)
        data = cache.get(key)
        if data:
            kept[key] = data
    return kept


def _derive(data: bytes, widths: tuple[int, ...], image: Image, cache: _KeptSizes) -> Outcome:
    try:
        return derive_web_sizes(
            data,
            widths,
            cache=cache,
            rotation=image.rotation,
            crop=image.crop,
            focal=(image.focal_x, image.focal_y),
            digest=image.digest,
        )
    except (ImageError, ValueError) as exc:
        return exc


def derive_all(
    images: Iterable[Image], widths: tuple[int, ...], cache: DerivedCache | None
) -> dict[str, Outcome]:
    """Every image's web sizes (or why it has none), made in parallel where not cached."""
    outcomes: dict[str, Outcome] = {}
    to_make: list[tuple[Image, bytes, _KeptSizes]] = []
    for image in images:
        if not image.has_photo or image.id in outcomes or min(image.width, image.height) <= 0:
            continue  # no size recorded: web_sizes makes it when the page places it, as before
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
                    outcomes[image.id] = found
                    continue
            data = image.data  # read here: a stored photo is read through the file's connection
        except (PhotoUnavailableError, ValueError) as exc:
            outcomes[image.id] = exc
            continue
        to_make.append((image, data, _KeptSizes(kept)))
    if len(to_make) <= 1 or workers() == 1:
        made = [_derive(data, widths, image, sizes) for image, data, sizes in to_make]
    else:
        with ThreadPoolExecutor(workers(), thread_name_prefix="newsdesk-photo") as pool:
            made = list(pool.map(lambda job: _derive(job[1], widths, job[0], job[2]), to_make))
    for (image, _data, sizes), outcome in zip(to_make, made, strict=True):
        outcomes[image.id] = outcome
        if cache is not None:
            for key, data in sizes.made.items():
                cache.put(key, data)
    return outcomes
