"""All photos of an export made at once on every core: the same bytes as one at a time, the
project file's kept sizes reused, its connection used only on the calling thread."""

from __future__ import annotations

import threading

from newsdesk.derived_cache import MemoryCache
from newsdesk.errors import ImageError, PhotoUnavailableError
from newsdesk.formats.html_figures import web_sizes
from newsdesk.formats.photo_sizes import derive_all
from newsdesk.imaging import WEB_WIDTHS
from newsdesk.model.article import Image
from tests.formats.html_export_fixtures import jpeg_bytes
from tests.photo_sources import CountingSource


class _OneThreadCache(MemoryCache):
    """A cache that, like the project file's SQLite connection, fails off its own thread."""

    def __init__(self) -> None:
        super().__init__()
        self.thread = threading.get_ident()

    def get(self, key):
        assert threading.get_ident() == self.thread
        return super().get(key)

    def put(self, key, data):
        assert threading.get_ident() == self.thread
        super().put(key, data)


class _OneThreadSource(CountingSource):
    def __init__(self, data: bytes, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.thread = threading.get_ident()

    def read(self) -> bytes:
        assert threading.get_ident() == self.thread
        return super().read()


def _photos() -> list[Image]:
    images = []
    for n, colour in enumerate(((30, 80, 140), (140, 30, 80), (80, 140, 30), (10, 10, 10))):
        image = Image(role="inline", width=1800, height=1200, crop="16:9" if n == 2 else "")
        image.photo = _OneThreadSource(jpeg_bytes(colour=colour))
        images.append(image)
    return images


def test_the_same_sizes_as_one_at_a_time_and_kept_in_the_cache():
    images = _photos()
    cache = _OneThreadCache()
    made = derive_all(images, WEB_WIDTHS, cache)
    for image in images:
        alone = web_sizes(image, WEB_WIDTHS, None)
        assert [(d.width, d.height, d.data) for d in made[image.id]] == [
            (d.width, d.height, d.data) for d in alone
        ]
    assert len(cache) == 12
    reads = [image.photo.reads for image in images]
    again = derive_all(images, WEB_WIDTHS, cache)  # warm: nothing read, nothing made
    assert [image.photo.reads for image in images] == reads
    assert {k: [d.data for d in v] for k, v in again.items()} == {
        k: [d.data for d in v] for k, v in made.items()
    }


def test_kept_sizes_are_reused_and_only_the_missing_ones_made(monkeypatch):
    images = _photos()[:2]
    cache = _OneThreadCache()
    derive_all(images, (1600,), cache)  # Word keeps the largest: the top of the folder's chain
    encoded = []
    import newsdesk.imaging as imaging

    real = imaging._encode
    monkeypatch.setattr(imaging, "_encode", lambda *a, **k: encoded.append(a[1]) or real(*a, **k))
    derive_all(images, WEB_WIDTHS, cache)
    assert sorted(encoded) == [480, 480, 960, 960]


def test_each_photo_fails_alone():
    images = _photos()
    images[1].photo = CountingSource(b"not a photo at all")
    images[3].photo = CountingSource(jpeg_bytes(), gone=True)
    made = derive_all(images, WEB_WIDTHS, None)
    assert isinstance(made[images[1].id], ImageError)
    assert isinstance(made[images[3].id], PhotoUnavailableError)
    assert len(made[images[0].id]) == 3 and len(made[images[2].id]) == 3
