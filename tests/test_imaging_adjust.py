"""Rotation, crop and focal point: the crop box, derived sizes, thumbnails and the social crop.

The original bytes are never touched; every output is re-encoded from adjusted pixels and carries
no metadata of the photographer's file.
"""

from __future__ import annotations

import io
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from newsdesk import imaging, photo_rules
from newsdesk.derived_cache import MemoryCache
from newsdesk.errors import ImageError
from newsdesk.imaging import (
    adjust,
    adjustment_key,
    crop_box,
    derive_web_sizes,
    derived_key,
    social_crop,
    thumbnail,
)
from newsdesk.model.article import CROP_RATIOS, ROTATIONS
from tests.test_imaging import _assert_no_metadata, _jpeg_with_everything, _png_with_text

YELLOW, BLUE, RED = (230, 200, 20), (20, 60, 200), (220, 20, 20)


def _halves(size=(1200, 600), fmt="JPEG") -> bytes:
    """Left half yellow, right half blue, and a red square in the top-left corner."""
    image = Image.new("RGB", size, BLUE)
    image.paste(YELLOW, (0, 0, size[0] // 2, size[1]))
    image.paste(RED, (0, 0, size[0] // 10, size[0] // 10))
    buffer = io.BytesIO()
    image.save(buffer, fmt, quality=95)
    return buffer.getvalue()


def _colour_at(data: bytes, x: float, y: float) -> tuple[int, ...]:
    with Image.open(io.BytesIO(data)) as image:
        rgb = image.convert("RGB")
        return rgb.getpixel((round(x * (rgb.width - 1)), round(y * (rgb.height - 1))))


def _close(colour, expected, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def test_presets_match_the_model():
    assert photo_rules.ROTATIONS == ROTATIONS
    assert tuple(photo_rules.CROP_PRESETS) == CROP_RATIOS


# --- crop_box ------------------------------------------------------------------------------------

ratios = st.sampled_from([r for r in CROP_RATIOS if r]) | st.floats(0.2, 5.0)
fractions = st.floats(0, 1)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 6000), st.integers(1, 6000), ratios, fractions, fractions)
def test_crop_box_is_the_largest_box_of_the_ratio_around_the_focal_point(w, h, ratio, fx, fy):
    left, top, right, bottom = crop_box(w, h, ratio, fx, fy)
    box_w, box_h = right - left, bottom - top
    assert 0 <= left < right <= w and 0 <= top < bottom <= h
    assert box_w == w or box_h == h  # the largest: it touches two opposite edges
    wanted = photo_rules.CROP_PRESETS[ratio] if isinstance(ratio, str) else ratio
    exact_w, exact_h = box_h * wanted, box_w / wanted
    assert abs(box_w - exact_w) <= 1 or abs(box_h - exact_h) <= 1
    assert left <= fx * w <= right and top <= fy * h <= bottom
    # Centred on the focal point unless an edge is in the way.
    if left > 0 and right < w:
        assert abs((left + right) / 2 - fx * w) <= 1
    if top > 0 and bottom < h:
        assert abs((top + bottom) / 2 - fy * h) <= 1


def test_crop_box_examples():
    assert crop_box(4000, 3000, "") == (0, 0, 4000, 3000)
    assert crop_box(4000, 3000, "16:9") == (0, 375, 4000, 2625)
    assert crop_box(4000, 3000, "1:1", 0.0, 0.5) == (0, 0, 3000, 3000)
    assert crop_box(4000, 3000, "1:1", 1.0, 0.5) == (1000, 0, 4000, 3000)
    assert crop_box(3000, 4000, "3:2", 0.5, 0.1) == (0, 0, 3000, 2000)
    assert crop_box(1200, 628, 1.91) == (0, 0, 1199, 628)


@pytest.mark.parametrize("bad", ["2:1", "16/9", 0, -1.5, float("nan"), True])
def test_crop_box_refuses_unknown_ratios(bad):
    with pytest.raises(ValueError):
        crop_box(100, 100, bad)


def test_crop_box_refuses_an_empty_picture():
    with pytest.raises(ValueError):
        crop_box(0, 100, "1:1")


# --- adjust --------------------------------------------------------------------------------------


def test_adjust_turns_clockwise_then_crops():
    picture = Image.open(io.BytesIO(_halves((400, 200), "PNG")))
    turned = adjust(picture, 90)
    assert turned.size == (200, 400)
    assert turned.getpixel((195, 5)) == RED  # the top-left corner is now top right
    assert adjust(picture, 270).getpixel((5, 395)) == RED
    assert adjust(picture, 180).getpixel((395, 195)) == RED
    square = adjust(picture, 0, "1:1", 0.0, 0.5)
    assert square.size == (200, 200) and square.getpixel((150, 150)) == YELLOW
    assert adjust(picture, 0, "1:1", 1.0, 0.5).getpixel((50, 150)) == BLUE


@pytest.mark.parametrize("kwargs", [{"rotation": 45}, {"crop": "5:4"}, {"focal_x": 1.5}])
def test_adjust_refuses_impossible_values(kwargs):
    with pytest.raises(ValueError):
        adjust(Image.new("RGB", (10, 10)), **kwargs)


# --- derived web sizes ---------------------------------------------------------------------------


def test_rotation_by_90_swaps_the_dimensions():
    data = _halves((2000, 1200))
    upright = derive_web_sizes(data)
    turned = derive_web_sizes(data, rotation=90)
    assert [(v.width, v.height) for v in upright] == [(480, 288), (960, 576), (1600, 960)]
    assert [(v.width, v.height) for v in turned] == [(480, 800), (960, 1600), (1200, 2000)]
    assert _close(_colour_at(turned[0].data, 0.95, 0.02), RED)


def test_rotation_applies_after_the_exif_orientation():
    # Stored 2000x1200 with orientation 6 (shown 1200x2000); a further quarter turn: 2000x1200.
    data = _jpeg_with_everything(orientation=6)
    assert imaging.inspect_image(data).width == 1200
    sizes = derive_web_sizes(data, (480,), rotation=90)
    assert (sizes[0].width, sizes[0].height) == (480, 288)


def test_crop_sizes_follow_the_preset_and_the_focal_point():
    data = _halves((1200, 600))
    left = derive_web_sizes(data, (480,), crop="1:1", focal=(0.0, 0.5))
    right = derive_web_sizes(data, (480,), crop="1:1", focal=(1.0, 0.5))
    assert (left[0].width, left[0].height) == (480, 480)
    assert _close(_colour_at(left[0].data, 0.9, 0.9), YELLOW)
    assert _close(_colour_at(right[0].data, 0.1, 0.9), BLUE)
    wide = derive_web_sizes(data, (480, 960, 1600), crop="16:9")
    assert [(v.width, v.height) for v in wide] == [(480, 270), (960, 540), (1067, 600)]


def test_rotated_and_cropped_outputs_carry_no_metadata():
    data = _jpeg_with_everything()
    outputs = derive_web_sizes(data, rotation=270, crop="4:3", focal=(0.3, 0.7))
    outputs.append(thumbnail(data, 200, rotation=90, crop="1:1", focal=(0.1, 0.9)))
    outputs.append(social_crop(data, rotation=180, focal=(0.9, 0.2)))
    for derived in outputs:
        _assert_no_metadata(derived.data)
    png = derive_web_sizes(_png_with_text(), (480,), rotation=90, crop="3:2")
    assert png[0].media_type == "image/png"
    _assert_no_metadata(png[0].data)


class CountingCache(MemoryCache):
    def __init__(self) -> None:
        super().__init__()
        self.hits = 0

    def get(self, key: str) -> bytes | None:
        found = super().get(key)
        self.hits += found is not None
        return found


def test_cache_keys_include_the_adjustment():
    data = _halves((1200, 600))
    cache = CountingCache()
    plain = derive_web_sizes(data, (480,), cache=cache)
    cropped = derive_web_sizes(data, (480,), cache=cache, crop="1:1", focal=(0.0, 0.5))
    assert len(cache) == 2 and cache.hits == 0
    assert (plain[0].height, cropped[0].height) == (240, 480)
    again = derive_web_sizes(data, (480,), cache=cache, crop="1:1", focal=(0.0, 0.5))
    assert cache.hits == 1 and again == cropped
    derive_web_sizes(data, (480,), cache=cache, crop="1:1", focal=(1.0, 0.5))
    assert len(cache) == 3


def test_adjustment_key():
    assert adjustment_key() == "full"
    assert adjustment_key(0, "", (0.1, 0.9)) == "full"  # the focal point cuts nothing away
    assert adjustment_key(90) == "r90"
    key = adjustment_key(270, "16:9", (0.25, 1.0))
    assert ":" not in key and key.startswith("r270-c16x9")
    assert adjustment_key(0, "1:1", (0.25, 0.5)) != adjustment_key(0, "1:1", (0.5, 0.5))
    # The unadjusted photo keeps the keys it had before adjustments existed.
    assert derived_key("d" * 64, 480, crop=adjustment_key()) == derived_key("d" * 64, 480)


# --- thumbnails ----------------------------------------------------------------------------------


def test_thumbnail_fits_and_is_never_enlarged():
    data = _halves((1200, 600))
    small = thumbnail(data, 128)
    assert (small.width, small.height, small.media_type) == (128, 64, "image/jpeg")
    turned = thumbnail(data, 128, rotation=90, crop="3:2", focal=(0.5, 0.0))
    assert (turned.width, turned.height) == (128, 85)
    assert _close(_colour_at(turned.data, 0.95, 0.05), RED)
    tiny = _halves((60, 40))
    assert (thumbnail(tiny, 256).width, thumbnail(tiny, 256).height) == (60, 40)
    assert thumbnail(_png_with_text(), 100).media_type == "image/png"


def test_thumbnail_of_a_camera_sized_jpeg_is_fast():
    picture = Image.effect_noise((4000, 3000), 30).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    started = time.perf_counter()
    result = thumbnail(data, 256, rotation=90, crop="16:9")
    elapsed = time.perf_counter() - started
    assert (result.width, result.height) == (256, 144)
    assert elapsed < 1.0  # ~30-100 ms on a laptop: decoded at 1/8 scale


def test_thumbnail_refuses_what_is_not_a_photo():
    with pytest.raises(ImageError):
        thumbnail(b"<svg/>", 100)


# --- social crop ---------------------------------------------------------------------------------


def test_social_crop_is_1_91_to_1_around_the_focal_point():
    data = _halves((2400, 2400))
    top = social_crop(data, focal=(0.5, 0.0))
    assert (top.width, top.height) == (1200, 628)
    assert _close(_colour_at(top.data, 0.02, 0.05), RED)
    bottom = social_crop(data, focal=(0.5, 1.0))
    assert not _close(_colour_at(bottom.data, 0.02, 0.05), RED)
    turned = social_crop(data, rotation=90, focal=(1.0, 0.0), width=600)
    assert (turned.width, turned.height) == (600, 314)
    assert _close(_colour_at(turned.data, 0.98, 0.05), RED)


def test_social_crop_is_never_enlarged_and_uses_the_cache():
    data = _halves((400, 300))
    cache = CountingCache()
    first = social_crop(data, cache=cache)
    assert (first.width, first.height) == (400, 209)
    assert social_crop(data, cache=cache) == first and cache.hits == 1
    social_crop(data, cache=cache, focal=(0.5, 0.0))
    assert len(cache) == 2
