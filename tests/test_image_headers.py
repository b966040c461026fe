"""A kept size's width, height and type read from its header (newsdesk.image_headers), as Pillow
reads them, and nothing for bytes that are not a whole JPEG or PNG header."""

from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage

from newsdesk.image_headers import encoded_size


def _encoded(size, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGBA" if fmt == "PNG" else "RGB", size, (20, 90, 160)).save(
        buffer, fmt, **options
    )
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("size", "fmt", "options", "media_type"),
    [
        ((960, 640), "JPEG", {"quality": 82, "progressive": True, "optimize": True}, "image/jpeg"),
        ((481, 321), "JPEG", {"quality": 85}, "image/jpeg"),
        ((1600, 900), "PNG", {"optimize": True}, "image/png"),
    ],
)
def test_the_size_and_type_pillow_reads(size, fmt, options, media_type):
    data = _encoded(size, fmt, **options)
    with PILImage.open(io.BytesIO(data)) as image:
        assert image.size == size
    assert encoded_size(data) == (*size, media_type)


def test_anything_else_has_no_size():
    jpeg = _encoded((64, 48), "JPEG")
    png = _encoded((64, 48), "PNG")
    for data in (b"", b"GIF89a" + bytes(40), jpeg[:20], png[:20], b"\xff\xd8\xff\xd9", b"x" * 99):
        assert encoded_size(data) is None, data[:12]
