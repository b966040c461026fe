"""Pillow, safely: open only the formats we accept, refuse bombs and broken files, and (for the
export) derive web sizes that carry no metadata.

Every image that enters Newsdesk passes `inspect_image` first; nothing else opens image bytes.
`derive_web_sizes` makes the export's images: upright, sRGB, downscaled, re-encoded, metadata-free,
optionally through a `DerivedCache` so that a re-export or the preview does not redo the work.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from math import ceil
from typing import Protocol

from PIL import Image as PILImage
from PIL import ImageCms, ImageOps

from newsdesk.errors import ImageError

# Formats a newsroom photo arrives in. Everything else (SVG, TIFF, PSD, EPS, ...) is refused.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
MAX_IMAGE_BYTES = 60 * 1024 * 1024
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
            f"{MAX_IMAGE_BYTES // (1024 * 1024)} MB"
        )
    try:
        with warnings.catch_warnings():
            # Pillow warns about likely decompression bombs; here that is a refusal.
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            image = PILImage.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError) as exc:
        raise ImageError("the image has too many pixels to be a photo") from exc
    except PILImage.UnidentifiedImageError as exc:
        raise ImageError("this is not a JPEG, PNG or WebP image") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageError(f"the image cannot be read: {exc}") from exc
    if image.width * image.height > MAX_PIXELS:
        raise ImageError(
            f"the image is {image.width}x{image.height} pixels; Newsdesk accepts up to "
            f"{MAX_PIXELS // 1_000_000} megapixels"
        )
    return image


def inspect_image(data: bytes) -> ImageInfo:
    """Validate image bytes fully (decoding them) and return their size and format."""
    image = open_image(data)
    try:
        image.load()
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageError(f"the image is damaged: {exc}") from exc
    # Report the size as shown (and as exported): EXIF orientation 5-8 swaps width and height.
    width, height = oriented_size(image)
    # A multi-picture JPEG (MPO: stereo and depth photos from some cameras and phones) is a JPEG
    # whose first picture is what every browser shows.
    image_format = "JPEG" if image.format == "MPO" else image.format
    return ImageInfo(width=width, height=height, format=image_format)


# --- Web sizes for the export -------------------------------------------------------------------
#
# Every image the export writes is re-encoded from the decoded pixels, never copied: that is what
# guarantees that no EXIF (with its GPS position and camera serial), XMP, IPTC, ICC profile, JPEG
# comment or PNG text chunk from the photographer's file reaches the web.

WEB_WIDTHS = (480, 960, 1600)
JPEG_QUALITY = 82
# Bump when the encoding changes, so that cached derivatives made the old way are not reused.
DERIVATION_VERSION = 1
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


class DerivedCache(Protocol):
    """Where derived images are kept between exports (the project store implements it)."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, data: bytes) -> None: ...


class MemoryCache:
    """A dict-backed DerivedCache, for the preview of a session and for tests."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self.entries.get(key)

    def put(self, key: str, data: bytes) -> None:
        self.entries[key] = data

    def __len__(self) -> int:
        return len(self.entries)


def derived_key(digest: str, width: int, *, fmt: str = "auto", crop: str = "full") -> str:
    """Cache key of one variant: original's SHA-256 + width + format policy + crop + version."""
    return f"web-v{DERIVATION_VERSION}:{digest}:{width}w:{fmt}:{crop}"


def oriented_size(image: PILImage.Image) -> tuple[int, int]:
    """Width and height as displayed: EXIF orientation 5-8 swaps them."""
    width, height = image.size
    if image.getexif().get(_ORIENTATION_TAG, 1) in (5, 6, 7, 8):
        return height, width
    return width, height


def target_sizes(width: int, height: int, widths: tuple[int, ...]) -> list[tuple[int, int]]:
    """The distinct sizes to make, smallest first; requests wider than the original collapse to
    the original width (never upscale)."""
    sizes: dict[int, int] = {}
    for requested in sorted(w for w in widths if w > 0):
        target = min(requested, width)
        sizes[target] = max(1, round(height * target / width))
    return sorted(sizes.items())


def derive_web_sizes(
    data: bytes, widths: tuple[int, ...] = WEB_WIDTHS, *, cache: DerivedCache | None = None
) -> list[Derived]:
    """Re-encode an image at web widths (never upscaled), upright and without any metadata.

    Opaque images become progressive JPEGs; images with real transparency stay PNG with alpha.
    With a `cache`, variants made before are reused and new ones stored, keyed by `derived_key`.
    Raises ImageError for bytes that are not an accepted, intact image.
    """
    image = open_image(data)
    sizes = target_sizes(*oriented_size(image), widths)
    digest = hashlib.sha256(data).hexdigest()
    found: dict[int, Derived] = {}
    if cache is not None:
        for width, _height in sizes:
            cached = cache.get(derived_key(digest, width))
            described = _describe(cached) if cached else None
            if described is not None:
                found[width] = described
    missing = [size for size in sizes if size[0] not in found]
    if missing:
        prepared = _prepare(image, largest=missing[-1])
        for width, height in missing:
            derived = _encode(prepared, width, height)
            found[width] = derived
            if cache is not None:
                cache.put(derived_key(digest, width), derived.data)
    return [found[width] for width, _height in sizes]


def _describe(data: bytes) -> Derived | None:
    """A cached variant's size and type from its header; None if the cache entry is unusable."""
    try:
        with PILImage.open(io.BytesIO(data), formats=("JPEG", "PNG")) as image:
            return Derived(image.width, image.height, data, MEDIA_TYPES[image.format])
    except (OSError, ValueError, SyntaxError, KeyError):
        return None


def _prepare(image: PILImage.Image, largest: tuple[int, int]) -> PILImage.Image:
    """Decode (at reduced scale where JPEG allows), turn upright, normalise mode and colours."""
    if image.format in ("JPEG", "MPO"):
        # libjpeg can decode at 1/2, 1/4, 1/8 scale: far faster for big photos. Ask for at least
        # the largest target, in the stored (not yet rotated) orientation.
        display_width = oriented_size(image)[0]
        scale = largest[0] / display_width
        image.draft(None, (max(1, ceil(image.width * scale)), max(1, ceil(image.height * scale))))
    try:
        image.seek(0)  # animated WebP/PNG: the first frame is the picture
        image.load()
        image = ImageOps.exif_transpose(image)
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageError(f"the image is damaged: {exc}") from exc
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


def _encode(image: PILImage.Image, width: int, height: int) -> Derived:
    if image.size != (width, height):
        image = image.resize((width, height), PILImage.Resampling.LANCZOS, reducing_gap=3.0)
    image.info = {}  # resize copies info; nothing of the source may travel into the output
    buffer = io.BytesIO()
    if image.mode == "RGBA":
        image.save(buffer, "PNG", optimize=True)
        return Derived(width, height, buffer.getvalue(), "image/png")
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, progressive=True, optimize=True)
    return Derived(width, height, buffer.getvalue(), "image/jpeg")
