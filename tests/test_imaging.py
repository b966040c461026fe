"""Web sizes for the export: upright, downscaled only, re-encoded, and without any metadata."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib

import pytest
from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from newsdesk.derived_cache import MemoryCache
from newsdesk.errors import ImageError
from newsdesk.imaging import (
    WEB_WIDTHS,
    derive_web_sizes,
    derived_key,
    inspect_image,
    target_sizes,
)

SECRET_MAKE = "GeheimKamera 3000"
SECRET_COMMENT = b"Aufgenommen in der Wohnung von Frau K."
SECRET_XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b"<rdf:Description>Quelle: Informant Lindenstrasse 4</rdf:Description>"
    b"</rdf:RDF></x:xmpmeta>"
)
SECRET_IPTC = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x10\x1c\x02x\x00\x0bIPTC-Geheim"
SRGB_ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _exif_with_gps(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = SECRET_MAKE  # Make
    exif[0x0131] = "Newsdesk-Test-Software"  # Software
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (52.0, 31.0, 12.5)
    gps[3] = "E"
    gps[4] = (13.0, 24.0, 3.25)
    return exif


def _insert_app_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    """Put an extra APPn segment right after SOI (Pillow cannot write IPTC itself)."""
    segment = bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + segment + jpeg[2:]


def _photo(size=(2000, 1200), colour=(40, 90, 160)) -> Image.Image:
    image = Image.new("RGB", size, colour)
    # A second colour so that resampling and orientation have something to work on.
    image.paste((220, 200, 30), (0, 0, size[0] // 2, size[1]))
    return image


def _jpeg_with_everything(size=(2000, 1200), orientation: int = 1) -> bytes:
    buffer = io.BytesIO()
    _photo(size).save(
        buffer,
        "JPEG",
        exif=_exif_with_gps(orientation),
        comment=SECRET_COMMENT,
        xmp=SECRET_XMP,
        icc_profile=SRGB_ICC,
        quality=90,
    )
    return _insert_app_segment(buffer.getvalue(), 0xED, SECRET_IPTC)


def _png_with_text(mode: str = "RGBA", transparent: bool = True) -> bytes:
    image = Image.new(mode, (800, 600), (10, 120, 60, 0 if transparent else 255))
    image.paste((250, 250, 250, 255), (100, 100, 700, 500))
    info = PngInfo()
    info.add_text("Author", "Quelle geheim")
    info.add_text("Comment", "GPS 52.5 13.4", zip=True)
    info.add_itxt("Description", "Unveroeffentlicht", lang="de", tkey="Beschreibung")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info, exif=_exif_with_gps(), icc_profile=SRGB_ICC)
    return buffer.getvalue()


def _jpeg_markers(data: bytes) -> list[int]:
    """The marker bytes of every segment before the image data starts (SOS)."""
    assert data[:2] == b"\xff\xd8"
    markers, pos = [], 2
    while pos < len(data):
        assert data[pos] == 0xFF
        marker = data[pos + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        pos += 2 + length
    return markers


def _png_chunks(data: bytes) -> list[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        assert (
            zlib.crc32(kind + body)
            == struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])[0]
        )
        chunks.append(kind)
        pos += 12 + length
    return chunks


def _assert_no_metadata(data: bytes) -> None:
    for needle in (
        b"Exif",
        b"http://ns.adobe.com/xap",
        b"xmpmeta",
        b"Photoshop 3.0",
        b"ICC_PROFILE",
        SECRET_COMMENT,
        SECRET_MAKE.encode(),
        b"Quelle",
        b"GPS",
    ):
        assert needle not in data, needle
    with Image.open(io.BytesIO(data)) as image:
        assert dict(image.getexif()) == {}
        assert not image.getexif().get_ifd(0x8825)
        assert "comment" not in image.info
        assert "xmp" not in image.info
        assert "icc_profile" not in image.info
        assert "exif" not in image.info
        assert not getattr(image, "text", {})


def test_the_fixtures_really_carry_the_metadata():
    """Guard against a vacuous pass: the inputs do hold what the outputs must not."""
    data = _jpeg_with_everything()
    for needle in (b"Exif", b"http://ns.adobe.com/xap", SECRET_COMMENT, b"Photoshop 3.0"):
        assert needle in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.getexif().get_ifd(0x8825)[1] == "N"
        assert image.info["comment"] == SECRET_COMMENT
    png = _png_with_text()
    assert {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP"} <= set(_png_chunks(png))


def test_jpeg_outputs_carry_no_metadata_at_all():
    derived = derive_web_sizes(_jpeg_with_everything())
    assert [d.width for d in derived] == list(WEB_WIDTHS)
    for variant in derived:
        assert variant.media_type == "image/jpeg"
        _assert_no_metadata(variant.data)
        markers = set(_jpeg_markers(variant.data))
        # Only JFIF (APP0) and the segments needed to decode; no APP1 (EXIF/XMP), APP2 (ICC),
        # APP13 (IPTC) or COM.
        assert not markers & {0xE1, 0xE2, 0xED, 0xFE}
        assert markers <= {0xE0, 0xDB, 0xC0, 0xC2, 0xC4, 0xDA, 0xDD}
        assert 0xC2 in markers  # progressive


def test_png_with_transparency_stays_png_with_alpha_and_loses_its_chunks():
    derived = derive_web_sizes(_png_with_text(), widths=(480, 960))
    assert [(d.width, d.height) for d in derived] == [(480, 360), (800, 600)]
    for variant in derived:
        assert variant.media_type == "image/png"
        assert variant.extension == "png"
        _assert_no_metadata(variant.data)
        assert set(_png_chunks(variant.data)) <= {b"IHDR", b"IDAT", b"IEND"}
        with Image.open(io.BytesIO(variant.data)) as image:
            assert image.mode == "RGBA"
            assert image.getpixel((5, 5))[3] == 0
            assert image.getpixel((image.width // 2, image.height // 2))[3] == 255


def test_opaque_png_stays_png_without_its_alpha_channel():
    # A PNG is a graphic (a chart, a map): as JPEG it would grow and blur (issue 15).
    derived = derive_web_sizes(_png_with_text(transparent=False), widths=(480,))
    assert derived[0].media_type == "image/png"
    with Image.open(io.BytesIO(derived[0].data)) as result:
        assert result.mode == "RGB"
    _assert_no_metadata(derived[0].data)


def test_palette_png_with_transparency_keeps_it():
    image = Image.new("P", (300, 200), 0)
    image.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    image.paste(1, (100, 50, 200, 150))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", transparency=0)
    derived = derive_web_sizes(buffer.getvalue())
    assert len(derived) == 1 and derived[0].media_type == "image/png"
    with Image.open(io.BytesIO(derived[0].data)) as result:
        assert result.convert("RGBA").getpixel((0, 0))[3] == 0
        assert result.convert("RGBA").getpixel((150, 100)) == (0, 0, 255, 255)


def test_webp_with_exif_becomes_clean_jpeg():
    buffer = io.BytesIO()
    _photo((1000, 700)).save(buffer, "WEBP", exif=_exif_with_gps(), xmp=SECRET_XMP, quality=80)
    assert b"EXIF" in buffer.getvalue() and SECRET_MAKE.encode() in buffer.getvalue()
    derived = derive_web_sizes(buffer.getvalue())
    assert [(d.width, d.media_type) for d in derived] == [
        (480, "image/jpeg"),
        (960, "image/jpeg"),
        (1000, "image/jpeg"),
    ]
    for variant in derived:
        _assert_no_metadata(variant.data)


def test_exif_orientation_is_applied_to_the_pixels():
    # Stored 2000x1200 with the left half yellow; orientation 6 = "rotate 90° clockwise to view".
    derived = derive_web_sizes(_jpeg_with_everything(orientation=6), widths=(480,))
    assert (derived[0].width, derived[0].height) == (480, 800)
    with Image.open(io.BytesIO(derived[0].data)) as image:
        assert image.size == (480, 800)
        top = image.getpixel((240, 100))
        bottom = image.getpixel((240, 700))
    assert top[0] > 180 and top[2] < 90  # yellow: the stored left half is now on top
    assert bottom[2] > 120 and bottom[0] < 90


def test_inspect_image_reports_the_upright_size():
    info = inspect_image(_jpeg_with_everything(size=(600, 400), orientation=8))
    assert (info.width, info.height, info.format) == (400, 600, "JPEG")


def test_never_upscales_and_keeps_the_aspect_ratio():
    buffer = io.BytesIO()
    _photo((300, 200)).save(buffer, "JPEG")
    derived = derive_web_sizes(buffer.getvalue())
    assert [(d.width, d.height) for d in derived] == [(300, 200)]
    assert target_sizes(2000, 1000, (1600, 480, 960, 480)) == [(480, 240), (960, 480), (1600, 800)]
    assert target_sizes(1000, 3000, (480, 960, 1600)) == [(480, 1440), (960, 2880), (1000, 3000)]


def test_sixteen_bit_greyscale_is_scaled_not_clipped():
    image = Image.new("I;16", (600, 400), 32768)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    derived = derive_web_sizes(buffer.getvalue(), widths=(480,))
    with Image.open(io.BytesIO(derived[0].data)) as result:
        assert result.mode == "L"
        assert 110 < result.getpixel((10, 10)) < 145


def test_cmyk_jpeg_becomes_rgb():
    buffer = io.BytesIO()
    Image.new("CMYK", (640, 480), (0, 255, 255, 0)).save(buffer, "JPEG")
    derived = derive_web_sizes(buffer.getvalue(), widths=(480,))
    with Image.open(io.BytesIO(derived[0].data)) as result:
        assert result.mode == "RGB"
        red, green, blue = result.getpixel((10, 10))
    assert red > 200 and green < 60 and blue < 60


def test_damaged_or_foreign_bytes_are_refused():
    good = _jpeg_with_everything(size=(400, 300))
    with pytest.raises(ImageError):
        derive_web_sizes(good[: len(good) // 3])
    with pytest.raises(ImageError):
        derive_web_sizes(b"GIF89a" + b"\x00" * 100)
    with pytest.raises(ImageError):
        derive_web_sizes(b"<svg onload='alert(1)'/>")


def test_cache_is_filled_then_used_instead_of_encoding(monkeypatch):
    data = _jpeg_with_everything()
    cache = MemoryCache()
    first = derive_web_sizes(data, cache=cache)
    assert len(cache) == 3
    digest = hashlib.sha256(data).hexdigest()
    assert set(cache.entries) == {derived_key(digest, w, top=WEB_WIDTHS[-1]) for w in WEB_WIDTHS}

    def no_encoding(*_args, **_kwargs):
        raise AssertionError("a cached variant was encoded again")

    monkeypatch.setattr("newsdesk.imaging._encode", no_encoding)
    second = derive_web_sizes(data, cache=cache)
    assert second == first


def test_a_broken_cache_entry_is_recomputed():
    data = _jpeg_with_everything(size=(1000, 600))
    cache = MemoryCache()
    derive_web_sizes(data, widths=(480, 960), cache=cache)
    key = next(k for k in cache.entries if ":480w:" in k)
    cache.entries[key] = b"not an image"
    derived = derive_web_sizes(data, widths=(480, 960), cache=cache)
    assert derived[0].width == 480 and derived[0].data[:2] == b"\xff\xd8"
    assert cache.entries[key] == derived[0].data


def test_cache_keys_differ_by_original_width_and_version():
    assert derived_key("a" * 64, 480) != derived_key("b" * 64, 480)
    assert derived_key("a" * 64, 480) != derived_key("a" * 64, 960)
    assert derived_key("a" * 64, 480, crop="16x9") != derived_key("a" * 64, 480)
    assert derived_key("a" * 64, 480).startswith("a" * 64 + ":web-v")  # dropped with the blob


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz_tag(x: float, y: float, z: float) -> bytes:
    return b"XYZ \0\0\0\0" + _s15(x) + _s15(y) + _s15(z)


def _matrix_profile(description: str, red, green, blue) -> bytes:
    """A minimal ICC v2 RGB display profile (matrix + gamma 2.2), built byte by byte."""
    text = description.encode("ascii") + b"\0"
    desc = b"desc\0\0\0\0" + struct.pack(">I", len(text)) + text + bytes(4 + 4 + 2 + 1 + 67)
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, 0x0233) + b"\0\0"
    tags = [
        (b"desc", desc),
        (b"wtpt", _xyz_tag(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _xyz_tag(*red)),
        (b"gXYZ", _xyz_tag(*green)),
        (b"bXYZ", _xyz_tag(*blue)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += bytes(-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (
        struct.pack(">I", size)
        + bytes(4)
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + bytes(12)
        + b"acsp"
        + bytes(24)
        + bytes(4)
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)
        + bytes(48)
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


# sRGB's primaries adapted to D50, as ICC profiles state them.
_RED, _GREEN, _BLUE = (0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141)


def test_colours_are_converted_to_srgb_through_the_embedded_profile():
    # A profile whose "red" channel is sRGB's blue: a converter turns stored red into blue, a
    # metadata stripper that merely dropped the profile would leave it red.
    swapped = _matrix_profile("Swapped primaries", _BLUE, _GREEN, _RED)
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (255, 0, 0)).save(buffer, "JPEG", icc_profile=swapped)
    derived = derive_web_sizes(buffer.getvalue(), widths=(480,))
    _assert_no_metadata(derived[0].data)
    with Image.open(io.BytesIO(derived[0].data)) as image:
        red, green, blue = image.getpixel((20, 20))
    assert blue > 200 and red < 60 and green < 60


def test_a_broken_profile_is_dropped_not_fatal():
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (255, 0, 0)).save(buffer, "JPEG", icc_profile=b"\0" * 200)
    derived = derive_web_sizes(buffer.getvalue(), widths=(480,))
    _assert_no_metadata(derived[0].data)
    with Image.open(io.BytesIO(derived[0].data)) as image:
        assert image.getpixel((20, 20))[0] > 200


def test_multi_picture_jpeg_is_a_jpeg_showing_its_first_picture():
    buffer = io.BytesIO()
    first, second = Image.new("RGB", (600, 400), "red"), Image.new("RGB", (600, 400), "blue")
    first.save(buffer, "MPO", save_all=True, append_images=[second], exif=_exif_with_gps())
    info = inspect_image(buffer.getvalue())
    assert (info.format, info.media_type, info.width) == ("JPEG", "image/jpeg", 600)
    derived = derive_web_sizes(buffer.getvalue(), widths=(480,))
    _assert_no_metadata(derived[0].data)
    with Image.open(io.BytesIO(derived[0].data)) as image:
        assert image.format == "JPEG" and image.getpixel((10, 10))[0] > 200
