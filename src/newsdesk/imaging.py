"""Pillow, safely: open only the formats we accept, refuse bombs and broken files, and (for the
export) derive web sizes that carry no metadata.

Every image that enters Newsdesk passes `inspect_image` first; nothing else opens image bytes.
`derive_web_sizes` makes the export's images: upright, sRGB, downscaled, re-encoded, metadata-free,
optionally through a `DerivedCache` so that a re-export or the preview does not redo the work.

A photo's rotation, crop preset and focal point (see model.article.Image) are applied to the
decoded pixels after the EXIF orientation (`adjust`, `crop_box`); the original bytes never change.
`thumbnail` makes the GUI's small pictures, `social_crop` the 1.91:1 picture for og:image.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import warnings
from dataclasses import dataclass
from math import ceil
from typing import TYPE_CHECKING, Any

from newsdesk.derived_cache import DerivedCache
from newsdesk.errors import ImageError
from newsdesk.image_headers import encoded_size
from newsdesk.photo_rules import (
    MAX_IMAGE_BYTES,
    adjusted_box,
    adjustment_key,
    check_adjustment,
    crop_box,
    target_sizes,
)


class _Imported:
    """A module imported on first use. Pillow takes a tenth of a warm export's time to import,
    and a warm export finds every photo size kept: `cached_web_sizes` reads them without it."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name), attribute)


if TYPE_CHECKING:
    from PIL import Image as PILImage
    from PIL import ImageCms, ImageOps
else:
    PILImage = _Imported("PIL.Image")
    ImageCms = _Imported("PIL.ImageCms")
    ImageOps = _Imported("PIL.ImageOps")

# Formats a newsroom photo arrives in. Everything else (SVG, TIFF, PSD, EPS, ...) is refused.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
# 100 megapixels is beyond any press camera; Pillow's own bomb limit would only warn below 2x that.
MAX_PIXELS = 100_000_000


@dataclass(frozen=True)
class ImageInfo:
    width: int
    height: int
    format: str  # Pillow's name: JPEG, PNG, WEBP

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]


def open_image(data: bytes) -> PILImage.Image:
    """Open accepted image bytes with every guard in place; the caller still must .load() it."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageError(
            f"the image is {len(data) // (1024 * 1024)} MB; Newsdesk accepts up to "
            f"{MAX_IMAGE_BYTES // (1024 * 1024)} MB",
            code="image.too_large",
            megabytes=len(data) // (1024 * 1024),
            limit=MAX_IMAGE_BYTES // (1024 * 1024),
        )
    try:
        with warnings.catch_warnings():
            # Pillow warns about likely decompression bombs; here that is a refusal.
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            image = PILImage.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError) as exc:
        raise ImageError("the image has too many pixels to be a photo", code="image.bomb") from exc
    except PILImage.UnidentifiedImageError as exc:
        raise ImageError(
            "this is not a JPEG, PNG or WebP image", code="image.not_supported"
        ) from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageError(
            f"the image cannot be read: {exc}", code="image.unreadable", detail=str(exc)
        ) from exc
    if image.width * image.height > MAX_PIXELS:
        raise ImageError(
            f"the image is {image.width}x{image.height} pixels; Newsdesk accepts up to "
            f"{MAX_PIXELS // 1_000_000} megapixels",
            code="image.too_many_pixels",
            width=image.width,
            height=image.height,
            limit=MAX_PIXELS // 1_000_000,
        )
    return image


def inspect_image(data: bytes) -> ImageInfo:
    """Validate image bytes fully (decoding them) and return their size and format."""
    image = open_image(data)
    try:
        image.load()
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageError(
            f"the image is damaged: {exc}", code="image.damaged", detail=str(exc)
        ) from exc
    # Report the size as shown (and as exported): EXIF orientation 5-8 swaps width and height.
    width, height = oriented_size(image)
    # A multi-picture JPEG (MPO: stereo and depth photos from some cameras and phones) is a JPEG
    # whose first picture is what every browser shows.
    image_format = "JPEG" if image.format == "MPO" else image.format or ""
    return ImageInfo(width=width, height=height, format=image_format)


# --- Web sizes for the export -------------------------------------------------------------------
#
# Every image the export writes is re-encoded from the decoded pixels, never copied: that is what
# guarantees that no EXIF (with its GPS position and camera serial), XMP, IPTC, ICC profile, JPEG
# comment or PNG text chunk from the photographer's file reaches the web.

WEB_WIDTHS = (480, 960, 1600)
JPEG_QUALITY = 82
# Bump when the encoding changes, so that cached derivatives made the old way are not reused.
# 2: a PNG original (a chart, a map, a screenshot) stays PNG in every web size.
# 3: each smaller size is resized from the next larger one (imaging._size_chain).
DERIVATION_VERSION = 3
_ORIENTATION_TAG = 0x0112
_ALPHA_MODES = ("RGBA", "LA", "PA", "RGBa", "La")


@dataclass(frozen=True)
class Derived:
    """One re-encoded web size: a metadata-free JPEG, or a PNG where there is transparency."""

    width: int
    height: int
    data: bytes
    media_type: str  # image/jpeg or image/png

    @property
    def extension(self) -> str:
        return "png" if self.media_type == "image/png" else "jpg"


def derived_key(
    digest: str, width: int, *, fmt: str = "auto", crop: str = "full", top: int | None = None
) -> str:
    """Cache key of one variant: original's SHA-256 + version + width + format policy + crop,
    and the width of the chain it was resized down from (`_size_chain`) when that is larger.

    The key starts with "<digest>:", so the project file drops it together with the original's
    bytes (docs/FILE_FORMAT.md, `derived`)."""
    key = f"{digest}:web-v{DERIVATION_VERSION}:{width}w:{fmt}:{crop}"
    return f"{key}:from{top}w" if top is not None and top > width else key


def oriented_size(image: PILImage.Image) -> tuple[int, int]:
    """Width and height as displayed: EXIF orientation 5-8 swaps them."""
    width, height = image.size
    if image.getexif().get(_ORIENTATION_TAG, 1) in (5, 6, 7, 8):
        return height, width
    return width, height


def derive_web_sizes(
    data: bytes,
    widths: tuple[int, ...] = WEB_WIDTHS,
    *,
    cache: DerivedCache | None = None,
    rotation: int = 0,
    crop: str = "",
    focal: tuple[float, float] = (0.5, 0.5),
    digest: str | None = None,
) -> list[Derived]:
    """Re-encode an image at web widths (never upscaled), upright and without any metadata.

    The sizes are those of the adjusted picture: turned by `rotation` after the EXIF orientation,
    then cut to the `crop` preset around `focal` (see `adjust`). Opaque images become progressive
    JPEGs; images with real transparency stay PNG with alpha. With a `cache`, variants made before
    are reused and new ones stored, keyed by `derived_key` with `adjustment_key` as its crop part.
    A PNG original (a chart, a map) stays PNG, lossless and sharp.
    Raises ImageError for bytes that are not an accepted, intact image. `digest` is the
    SHA-256 of `data` when the caller knows it already (hashing a big photo on every preview
    render costs more than the cache lookups it serves).
    """
    variant = adjustment_key(rotation, crop, focal)
    image = open_image(data)
    box = adjusted_box(oriented_size(image), rotation, crop, focal)
    sizes = target_sizes(box[2] - box[0], box[3] - box[1], widths)
    digest = digest or hashlib.sha256(data).hexdigest()
    top = sizes[-1][0] if sizes else 0
    found: dict[int, Derived] = {}
    if cache is not None:
        for width, _height in sizes:
            described = _cached_variant(cache, digest, width, variant, top)
            if described is not None:
                found[width] = described
    missing = [size for size in sizes if size[0] not in found]
    if missing:
        # Graphics come as PNG: as JPEG they grow and their lines and lettering blur.
        lossless = image.format == "PNG"
        ladder = target_sizes(box[2] - box[0], box[3] - box[1], WEB_WIDTHS)
        for (width, _h), pixels in _size_chain(
            image, sizes[-1], ladder, missing, rotation, crop, focal
        ):
            found[width] = _encode(pixels, *pixels.size, lossless=lossless)
        if cache is not None:
            for width, _height in missing:
                cache.put(derived_key(digest, width, crop=variant, top=top), found[width].data)
    return [found[width] for width, _height in sizes]


def _size_chain(
    image: PILImage.Image,
    top: tuple[int, int],
    ladder: list[tuple[int, int]],
    wanted: list[tuple[int, int]],
    rotation: int,
    crop: str,
    focal: tuple[float, float],
) -> list[tuple[tuple[int, int], PILImage.Image]]:
    """The pixels of each `wanted` size, made down a chain from `top` (the largest size asked
    for): one decode (a JPEG at the reduced scale `top` needs), `top` from it, then each size of
    the `ladder` below `top` from the one above it: 1600, 960 from the 1600, 480 from the 960.

    A size's pixels so depend only on the original, its adjustment, its width and `top`, never
    on which sizes were cached already; derived_key names `top` for every size below it. The
    standalone page's one size (960) comes straight from a quarter-scale decode; the folder's
    three save most of the resizing (each step shrinks by less than half; each is Lanczos)."""
    steps = [size for size in ladder if wanted[0][0] < size[0] < top[0]]  # the way down
    source = _prepare_adjusted(image, top[0], rotation, crop, focal)
    made = []
    for size in sorted({top, *steps, *wanted}, reverse=True):
        pixels = _resized(source, *size)
        if size in wanted:
            made.append((size, pixels))
        if size == top or size in steps:
            source = pixels
    return made


def cached_web_sizes(
    digest: str,
    size: tuple[int, int],
    widths: tuple[int, ...],
    cache: DerivedCache,
    *,
    rotation: int = 0,
    crop: str = "",
    focal: tuple[float, float] = (0.5, 0.5),
) -> list[Derived] | None:
    """What `derive_web_sizes` would return, when `cache` holds every variant; else None.

    `size` is the original's size as displayed (EXIF orientation applied), as the image records
    it, so the original need not be read: a warm export or preview render of 20 camera photos
    read them all (~90 ms) only to find every size in the cache. A wrong `size` only misses.
    """
    variant = adjustment_key(rotation, crop, focal)
    try:
        box = adjusted_box(size, rotation, crop, focal)
    except ValueError:
        return None
    if min(size) <= 0:
        return None
    found = []
    sizes = target_sizes(box[2] - box[0], box[3] - box[1], widths)
    for width, _height in sizes:
        described = _cached_variant(cache, digest, width, variant, sizes[-1][0])
        if described is None:
            return None
        found.append(described)
    return found


def _cached_variant(
    cache: DerivedCache, digest: str, width: int, variant: str, top: int
) -> Derived | None:
    """The variant kept in `cache` under `derived_key`, or None (missing or unusable)."""
    cached = cache.get(derived_key(digest, width, crop=variant, top=top))
    return _describe(cached) if cached else None


# --- Rotation, crop and focal point --------------------------------------------------------------

SOCIAL_RATIO = 1.91  # Open Graph's recommended 1200 x 628
SOCIAL_WIDTH = 1200
# Clockwise quarter turns as Pillow transposes (Pillow's ROTATE_90 turns anticlockwise).
_CLOCKWISE = {90: "ROTATE_270", 180: "ROTATE_180", 270: "ROTATE_90"}


def adjust(
    image: PILImage.Image,
    rotation: int = 0,
    crop: str = "",
    focal_x: float = 0.5,
    focal_y: float = 0.5,
) -> PILImage.Image:
    """The picture turned clockwise by `rotation` and cut to the `crop` preset around the focal
    point. Give it the upright picture (after `ImageOps.exif_transpose`)."""
    check_adjustment(rotation, crop, (focal_x, focal_y))
    if rotation:
        image = image.transpose(PILImage.Transpose[_CLOCKWISE[rotation]])
    if crop:
        image = image.crop(crop_box(image.width, image.height, crop, focal_x, focal_y))
    return image


def _prepare_adjusted(
    image: PILImage.Image,
    largest_width: int,
    rotation: int,
    crop: str | float,
    focal: tuple[float, float],
) -> PILImage.Image:
    """Decode only as finely as the widest output needs, turn upright, rotate and crop.

    The crop box is computed on the full-size picture and scaled to the decoded one, so that a
    JPEG decoded at reduced scale shows exactly the region the full picture would.
    """
    rotated = adjusted_box(oriented_size(image), rotation, "", focal)
    full_width, full_height = rotated[2], rotated[3]
    box = crop_box(full_width, full_height, crop, *focal)
    prepared = _prepare(image, scale=largest_width / (box[2] - box[0]))
    if rotation:
        prepared = prepared.transpose(PILImage.Transpose[_CLOCKWISE[rotation]])
    if box != (0, 0, full_width, full_height):
        sx, sy = prepared.width / full_width, prepared.height / full_height
        left = min(round(box[0] * sx), prepared.width - 1)
        top = min(round(box[1] * sy), prepared.height - 1)
        right = max(left + 1, round(box[2] * sx))
        bottom = max(top + 1, round(box[3] * sy))
        prepared = prepared.crop(
            (left, top, min(right, prepared.width), min(bottom, prepared.height))
        )
    prepared.info = {}
    return prepared


def thumbnail(
    data: bytes,
    max_side: int,
    *,
    rotation: int = 0,
    crop: str = "",
    focal: tuple[float, float] = (0.5, 0.5),
) -> Derived:
    """A small picture for the GUI: adjusted, fitted into max_side x max_side (never enlarged),
    metadata-free JPEG (PNG with transparency). JPEGs decode at reduced scale, so this stays fast
    for a camera's 24-megapixel photo. Raises ImageError for bad bytes."""
    if max_side < 1:
        raise ValueError("a thumbnail needs at least one pixel")
    check_adjustment(rotation, crop, focal)
    image = open_image(data)
    box = adjusted_box(oriented_size(image), rotation, crop, focal)
    box_width, box_height = box[2] - box[0], box[3] - box[1]
    scale = min(1.0, max_side / max(box_width, box_height))
    width = max(1, round(box_width * scale))
    height = max(1, round(box_height * scale))
    prepared = _prepare_adjusted(image, width, rotation, crop, focal)
    return _encode(prepared, width, height, fast=True)


def social_crop(
    data: bytes,
    *,
    rotation: int = 0,
    focal: tuple[float, float] = (0.5, 0.5),
    width: int = SOCIAL_WIDTH,
    cache: DerivedCache | None = None,
    digest: str | None = None,
) -> Derived:
    """The 1.91:1 picture social networks show for a link (og:image), cut around the focal point
    of the rotated photo (the crop preset does not apply: the card has its own shape). At most
    `width` wide, never enlarged, metadata-free. Raises ImageError for bad bytes."""
    if width < 1:
        raise ValueError("a social picture needs at least one pixel")
    check_adjustment(rotation, "", focal)
    image = open_image(data)
    box = adjusted_box(oriented_size(image), rotation, SOCIAL_RATIO, focal)
    box_width, box_height = box[2] - box[0], box[3] - box[1]
    target = min(width, box_width)
    target_height = max(1, round(box_height * target / box_width))
    key = None
    if cache is not None:
        digest = digest or hashlib.sha256(data).hexdigest()
        variant = f"social{rotation}@{focal[0]:.4f},{focal[1]:.4f}"
        key = derived_key(digest, target, crop=variant)
        cached = cache.get(key)
        described = _describe(cached) if cached else None
        if described is not None:
            return described
    prepared = _prepare_adjusted(image, target, rotation, SOCIAL_RATIO, focal)
    derived = _encode(prepared, target, target_height)
    if cache is not None and key is not None:
        cache.put(key, derived.data)
    return derived


def _describe(data: bytes) -> Derived | None:
    """A cached variant's size and type from its header (no Pillow needed); None if the cache
    entry is unusable."""
    found = encoded_size(data)
    return Derived(found[0], found[1], data, found[2]) if found is not None else None


def _prepare(image: PILImage.Image, scale: float) -> PILImage.Image:
    """Decode (at reduced scale where JPEG allows), turn upright, normalise mode and colours.

    `scale` is the fraction of the full size the largest output needs."""
    if image.format in ("JPEG", "MPO") and scale < 1:
        # libjpeg can decode at 1/2, 1/4, 1/8 scale: far faster for big photos. Ask for at least
        # the needed scale, in the stored (not yet rotated) orientation.
        image.draft(None, (ceil(image.width * scale) + 1, ceil(image.height * scale) + 1))
    try:
        image.seek(0)  # animated WebP/PNG: the first frame is the picture
        image.load()
        image = ImageOps.exif_transpose(image)
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageError(
            f"the image is damaged: {exc}", code="image.damaged", detail=str(exc)
        ) from exc
    image = _to_srgb(image)
    image.info = {}
    return image


def _to_srgb(image: PILImage.Image) -> PILImage.Image:
    """RGB or L for JPEG, RGBA for real transparency; colours made sRGB via the ICC profile."""
    icc = image.info.get("icc_profile")
    transparent = image.mode in _ALPHA_MODES or "transparency" in image.info
    if image.mode.startswith("I") or image.mode == "F":
        # 16-bit and float greyscale: scale into 8 bits (a plain convert would clip to white).
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    elif image.mode == "1":
        image = image.convert("L")
    if transparent:
        image = image.convert("RGBA")
        alpha_low, _alpha_high = image.getchannel("A").getextrema()
        if alpha_low == 255:
            image = image.convert("RGB")  # an alpha channel that hides nothing: photo, JPEG
    elif image.mode not in ("RGB", "L"):
        image = _convert_with_profile(image, icc, "RGB") if icc else image.convert("RGB")
        icc = None
    if icc and image.mode in ("RGB", "RGBA"):
        image = _convert_with_profile(image, icc, image.mode)
    return image


def _convert_with_profile(image: PILImage.Image, icc: bytes, mode: str) -> PILImage.Image:
    """Convert to sRGB through the embedded profile; a broken profile is ignored, not fatal."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if image.mode == mode and "srgb" in ImageCms.getProfileDescription(source).lower():
            return image
        converted = ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        converted = None
    return converted if converted is not None else image.convert(mode)


def _resized(
    image: PILImage.Image, width: int, height: int, *, fast: bool = False
) -> PILImage.Image:
    """The picture at width x height (itself when it has that size already)."""
    if image.size == (width, height):
        return image
    resample = PILImage.Resampling.BICUBIC if fast else PILImage.Resampling.LANCZOS
    return image.resize((width, height), resample, reducing_gap=2.0 if fast else 3.0)


def _encode(
    image: PILImage.Image, width: int, height: int, *, fast: bool = False, lossless: bool = False
) -> Derived:
    """Resize and re-encode; `fast` (thumbnails) trades a little size and sharpness for speed;
    `lossless` keeps an opaque picture PNG too (graphics)."""
    image = _resized(image, width, height, fast=fast)
    image.info = {}  # resize copies info; nothing of the source may travel into the output
    buffer = io.BytesIO()
    if image.mode == "RGBA" or lossless:
        image.save(buffer, "PNG", optimize=not fast, compress_level=1 if fast else 6)
        return Derived(width, height, buffer.getvalue(), "image/png")
    if fast:
        image.save(buffer, "JPEG", quality=85)
    else:
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, progressive=True, optimize=True)
    return Derived(width, height, buffer.getvalue(), "image/jpeg")
