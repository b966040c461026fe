"""Pillow, safely: open only the formats we accept, refuse bombs and broken files, and (for the
export) derive web sizes that carry no metadata.

Every image that enters Newsdesk passes `inspect_image` first; nothing else opens image bytes.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image as PILImage

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
    width, height = image.size
    if image.format in ("JPEG", "WEBP"):
        # Report the size as shown: EXIF orientation 5-8 swaps width and height.
        orientation = image.getexif().get(0x0112, 1)
        if orientation in (5, 6, 7, 8):
            width, height = height, width
    return ImageInfo(width=width, height=height, format=image.format)
