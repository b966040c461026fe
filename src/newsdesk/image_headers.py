"""Width, height and type of an encoded JPEG or PNG from its first bytes, without Pillow: what a
warm export needs of the sizes it kept (imaging.cached_web_sizes), so that it never imports
Pillow (a tenth of its time)."""

from __future__ import annotations

import struct

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (C0-CF but C4 Huffman tables, C8 reserved, CC arithmetic tables).
_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def encoded_size(data: bytes) -> tuple[int, int, str] | None:
    """(width, height, media type) of JPEG or PNG bytes, from their header; None for anything
    else or a header that does not hold together."""
    png = data.startswith(_PNG_SIGNATURE)
    size = _png_size(data) if png else _jpeg_size(data)
    if size is None or min(size) <= 0:
        return None
    return size[0], size[1], "image/png" if png else "image/jpeg"


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the first start-of-frame segment of a JPEG."""
    if not data.startswith(b"\xff\xd8"):
        return None
    offset = 2
    while offset + 4 <= len(data):
        if data[offset] != 0xFF:
            return None
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte
            offset += 1
            continue
        (length,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        if marker in _JPEG_FRAMES:
            if offset + 9 > len(data) or length < 7:
                return None
            height, width = struct.unpack(">HH", data[offset + 5 : offset + 9])
            return width, height
        if marker in (0xD9, 0xDA) or length < 2:  # end, or scan data before any frame
            return None
        offset += 2 + length
    return None
