"""Web sizes made down a ladder: one decode, each smaller size resized from the next larger one,
and a size's bytes the same whatever else was asked for, kept already, or made on other threads."""

from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage

import newsdesk.imaging as imaging
from newsdesk.derived_cache import MemoryCache
from newsdesk.formats.photo_sizes import PhotoSizes
from newsdesk.imaging import WEB_WIDTHS, derive_web_sizes
from tests.photo_sources import stored_image


def _camera_photo(size=(4000, 3000), seed: int = 0) -> bytes:
    """A photo with detail everywhere (noise over a gradient), so every resize changes pixels."""
    noise = PILImage.effect_noise(size, 40 + seed)
    gradient = PILImage.linear_gradient("L").resize(size)
    picture = PILImage.merge("RGB", (noise, gradient, PILImage.eval(noise, lambda v: 255 - v)))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def photo() -> bytes:
    return _camera_photo((2400, 1800))


@pytest.fixture(scope="module")
def camera_photo() -> bytes:
    """The size of the bench's photos: a JPEG this big decodes at half scale for the 1600."""
    return _camera_photo()


def _bytes_by_width(made) -> dict[int, bytes]:
    return {derived.width: derived.data for derived in made}


def test_each_smaller_size_is_resized_from_the_next_larger_after_one_decode(
    camera_photo, monkeypatch
):
    decodes, resizes = [], []
    real_prepare, real_resized = imaging._prepare_adjusted, imaging._resized

    def prepare(image, largest_width, *args):
        decodes.append(largest_width)
        return real_prepare(image, largest_width, *args)

    def resized(image, width, height, **kwargs):
        if image.size != (width, height):
            resizes.append((image.size, (width, height)))
        return real_resized(image, width, height, **kwargs)

    monkeypatch.setattr(imaging, "_prepare_adjusted", prepare)
    monkeypatch.setattr(imaging, "_resized", resized)
    made = derive_web_sizes(camera_photo, WEB_WIDTHS)
    assert [(d.width, d.height) for d in made] == [(480, 360), (960, 720), (1600, 1200)]
    assert decodes == [1600]
    # The JPEG decodes at half scale (2000 x 1500), then each size comes from the one above it.
    assert resizes == [
        ((2000, 1500), (1600, 1200)),
        ((1600, 1200), (960, 720)),
        ((960, 720), (480, 360)),
    ]


def test_the_standalone_pages_one_size_comes_straight_from_a_quarter_scale_decode(
    camera_photo, monkeypatch
):
    resizes = []
    real_resized = imaging._resized

    def resized(image, width, height, **kwargs):
        if image.size != (width, height):
            resizes.append((image.size, (width, height)))
        return real_resized(image, width, height, **kwargs)

    monkeypatch.setattr(imaging, "_resized", resized)
    (made,) = derive_web_sizes(camera_photo, (960,))
    assert (made.width, made.height) == (960, 720)
    assert resizes == [((1000, 750), (960, 720))]


@pytest.mark.parametrize(
    "adjustment",
    [{}, {"rotation": 90}, {"crop": "1:1", "focal": (0.2, 0.7)}, {"rotation": 270, "crop": "16:9"}],
)
def test_a_size_is_the_same_bytes_down_the_same_chain(photo, adjustment):
    every = _bytes_by_width(derive_web_sizes(photo, WEB_WIDTHS, **adjustment))
    assert _bytes_by_width(derive_web_sizes(photo, WEB_WIDTHS, **adjustment)) == every
    # The same top (1600): the 480 still comes down through the 960 that was not asked for.
    ends = _bytes_by_width(derive_web_sizes(photo, (480, 1600), **adjustment))
    assert ends == {width: every[width] for width in ends}
    (largest,) = derive_web_sizes(photo, (1600,), **adjustment)
    assert every[largest.width] == largest.data


def test_a_size_is_the_same_bytes_whatever_the_cache_held_before(photo):
    cold = _bytes_by_width(derive_web_sizes(photo, WEB_WIDTHS))
    cache = MemoryCache()
    derive_web_sizes(photo, (1600,), cache=cache)  # Word kept the largest: the chain's top
    derive_web_sizes(photo, (960,), cache=cache)  # the standalone page kept its own 960
    assert len(cache) == 2
    warm = _bytes_by_width(derive_web_sizes(photo, WEB_WIDTHS, cache=cache))
    assert warm == cold
    assert len(cache) == 4  # the 960 and 480 made from the 1600 are kept under their own keys
    assert sorted(key.split(":", 2)[2] for key in cache.entries) == [
        "1600w:auto:full",
        "480w:auto:full:from1600w",
        "960w:auto:full",
        "960w:auto:full:from1600w",
    ]


def test_a_picture_narrower_than_the_ladder_climbs_only_what_it_has():
    small = _camera_photo((1200, 800))
    made = derive_web_sizes(small, WEB_WIDTHS)
    assert [(d.width, d.height) for d in made] == [(480, 320), (960, 640), (1200, 800)]
    ends = _bytes_by_width(derive_web_sizes(small, (480, 1600)))
    assert ends == {480: made[0].data, 1200: made[2].data}


def _images(count: int):
    return [
        stored_image(_camera_photo((1800, 1200), seed=n), role="inline", width=1800, height=1200)
        for n in range(count)
    ]


def test_threads_make_the_same_bytes_as_one_photo_after_the_other():
    stored = _images(4)
    images = [image for image, _source in stored]
    one = PhotoSizes(images, WEB_WIDTHS, None, threads=1).all()
    two = PhotoSizes(images, WEB_WIDTHS, None, threads=2).all()
    alone = {image.id: derive_web_sizes(image.data or b"", WEB_WIDTHS) for image in images}
    for made in (one, two):
        assert {key: [d.data for d in sizes] for key, sizes in made.items()} == {
            key: [d.data for d in sizes] for key, sizes in alone.items()
        }


def test_photos_are_read_ahead_only_as_far_as_the_memory_bound_allows():
    stored = _images(3)
    images = [image for image, _source in stored]
    sources = [source for _image, source in stored]
    unbounded = PhotoSizes(images, (480,), None).all()
    for source in sources:
        source.reads = 0
    bounded = PhotoSizes(images, (480,), None, max_pending_bytes=1)  # one photo in flight
    assert [source.reads for source in sources] == [1, 0, 0]
    third = bounded.take(images[2].id)  # the page asks out of turn: read and made at once
    assert [source.reads for source in sources] == [1, 0, 1]
    assert [d.data for d in third] == [d.data for d in unbounded[images[2].id]]
    first = bounded.take(images[0].id)  # collecting one lets the next be read
    assert [source.reads for source in sources] == [1, 1, 1]
    assert [d.data for d in first] == [d.data for d in unbounded[images[0].id]]
    second = bounded.take(images[1].id)
    assert [d.data for d in second] == [d.data for d in unbounded[images[1].id]]
    assert [source.reads for source in sources] == [1, 1, 1]
