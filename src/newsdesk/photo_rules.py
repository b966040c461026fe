"""What a photo may be, where it is cut and how large its web sizes are: no Pillow.

The largest photo file accepted, rotation and crop presets, the largest crop box of a ratio
around a focal point, the web sizes to make, and the part of a derived-image key that names an
adjustment. `imaging` does the pixels with Pillow; the window reads photo files, draws the crop
overlay and cuts the thumbnails with these alone, so that it starts without importing Pillow.
"""

from __future__ import annotations

from math import isfinite

MAX_IMAGE_BYTES = 60 * 1024 * 1024

# The one place of the rotation and crop presets; model.article.ROTATIONS / CROP_RATIOS are these.
# This module does not import the model, so that it stays usable on its own.
ROTATIONS: tuple[int, ...] = (0, 90, 180, 270)
CROP_PRESETS = {"": None, "16:9": 16 / 9, "4:3": 4 / 3, "3:2": 3 / 2, "1:1": 1.0}


def _ratio(ratio: str | float) -> float | None:
    """Width / height of a preset ("16:9") or a number; None for "" (uncropped)."""
    if isinstance(ratio, str):
        if ratio not in CROP_PRESETS:
            raise ValueError(f"unknown crop preset {ratio!r}")
        return CROP_PRESETS[ratio]
    if isinstance(ratio, bool) or not isfinite(ratio) or ratio <= 0:
        raise ValueError(f"a crop ratio must be a positive number, not {ratio!r}")
    return float(ratio)


def check_adjustment(rotation: int, crop: str, focal: tuple[float, float]) -> None:
    if rotation not in ROTATIONS or isinstance(rotation, bool):
        raise ValueError(f"rotation must be one of {ROTATIONS}, not {rotation!r}")
    _ratio(crop)
    if len(focal) != 2 or not all(isfinite(v) and 0 <= v <= 1 for v in focal):
        raise ValueError(f"a focal point is two fractions from 0 to 1, not {focal!r}")


def crop_box(
    width: int, height: int, ratio: str | float, focal_x: float = 0.5, focal_y: float = 0.5
) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the largest box of `ratio` inside a width x height picture,
    centred on the focal point (fractions of width and height) as far as the edges allow.

    `ratio` is a preset ("16:9", "4:3", "3:2", "1:1"; "" = the whole picture) or width / height
    as a number. The box's sides are whole pixels within half a pixel of the exact ratio, and it
    contains the focal point.
    """
    if width <= 0 or height <= 0:
        raise ValueError(f"a picture of {width}x{height} pixels cannot be cropped")
    wanted = _ratio(ratio)
    if wanted is None:
        return 0, 0, width, height
    if width / height > wanted:  # wider than wanted: full height, trim the sides
        box_width, box_height = min(width, max(1, round(height * wanted))), height
    else:
        box_width, box_height = width, min(height, max(1, round(width / wanted)))
    left = _place(width, box_width, focal_x)
    top = _place(height, box_height, focal_y)
    return left, top, left + box_width, top + box_height


def _place(total: int, size: int, focal: float) -> int:
    """Start of a span of `size` inside `total`, centred on `focal` * total, kept inside."""
    focal = min(1.0, max(0.0, focal))
    return min(total - size, max(0, round(focal * total - size / 2)))


def adjusted_box(
    size: tuple[int, int], rotation: int, crop: str | float, focal: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The crop box, in pixels of the upright picture of `size` after turning it by `rotation`."""
    width, height = size if rotation in (0, 180) else (size[1], size[0])
    return crop_box(width, height, crop, *focal)


def target_sizes(width: int, height: int, widths: tuple[int, ...]) -> list[tuple[int, int]]:
    """The distinct sizes to make, smallest first; requests wider than the original collapse to
    the original width (never upscale)."""
    sizes: dict[int, int] = {}
    for requested in sorted(w for w in widths if w > 0):
        target = min(requested, width)
        sizes[target] = max(1, round(height * target / width))
    return sorted(sizes.items())


def adjustment_key(
    rotation: int = 0, crop: str = "", focal: tuple[float, float] = (0.5, 0.5)
) -> str:
    """The crop part of `derived_key` for an adjustment: "full" for the photo as it is.

    The focal point only counts when something is cut away, so moving it on an uncropped photo
    keeps its cached sizes. No ":" inside, so keys still split on it.
    """
    check_adjustment(rotation, crop, focal)
    parts = [f"r{rotation}"] if rotation else []
    if crop:
        parts.append(f"c{crop.replace(':', 'x')}@{focal[0]:.4f},{focal[1]:.4f}")
    return "-".join(parts) or "full"
