"""Hostile images: bombs, broken files, foreign formats and metadata never reach the page.

tests/test_imaging.py pins the metadata stripping of derive_web_sizes and refuses a third of a
JPEG, a GIF header and SVG text; tests/formats/test_html_export_files.py checks the files of a
folder export. Here: forged headers claiming huge sizes, truncation and flips at any offset
(hypothesis), every format Pillow could open but we do not accept, SVG by every route into an
article, extreme aspect ratios, and the embedded data: images of the default (single file) export.
"""

from __future__ import annotations

import base64
import io
import json
import re
import struct
import time
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from newsdesk.errors import ImageError, ImportFormatError, NewsdeskError
from newsdesk.formats.html_export import render_page
from newsdesk.formats.importers import JSON, MARKDOWN, import_bytes
from newsdesk.formats.importing import import_document
from newsdesk.imaging import derive_web_sizes, inspect_image
from newsdesk.model.article import Article, Image, Section
from tests.formats.html_export_fixtures import parse

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def forged_png(width: int, height: int) -> bytes:
    """A PNG whose header claims `width` x `height` but whose data is a few bytes."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


def forged_jpeg(width: int, height: int) -> bytes:
    """A real small JPEG with its frame header rewritten to claim `width` x `height`."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (16, 16), (90, 40, 200)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def encoded(fmt: str, size=(40, 30), mode="RGB", **options) -> bytes:
    buffer = io.BytesIO()
    picture = PILImage.new(mode, size, (200, 30, 60) if mode == "RGB" else 1)
    for x in range(0, size[0], 3):
        picture.putpixel((x, (x * 7) % size[1]), (10, 220, 30) if mode == "RGB" else 0)
    picture.save(buffer, fmt, **options)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        forged_png(50_000, 50_000),
        forged_png(2**31 - 1, 2**31 - 1),
        forged_png(12_000, 9_000),
        forged_jpeg(65_000, 65_000),
        forged_jpeg(20_000, 20_000),
    ],
    ids=["png-50000", "png-2^31", "png-108mp", "jpeg-65000", "jpeg-20000"],
)
def test_a_header_claiming_a_huge_picture_is_refused_without_decoding_it(data):
    start = time.perf_counter()
    with pytest.raises(ImageError) as caught:
        inspect_image(data)
    with pytest.raises(ImageError):
        derive_web_sizes(data)
    assert "\n" not in str(caught.value)
    assert time.perf_counter() - start < 2, "the bomb was decoded"


def test_a_real_png_bomb_is_refused(tmp_path):
    # 12,000 x 9,000 black pixels compress to ~300 kB: small on disk, 324 MB when decoded.
    rows = zlib.compress(b"".join(b"\x00" + bytes(12_000) for _ in range(9_000)), 9)
    header = struct.pack(">IIBBBBB", 12_000, 9_000, 8, 0, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", rows)
        + _chunk(b"IEND", b"")
    )
    assert len(data) < 1_000_000
    (tmp_path / "bombe.png").write_bytes(data)
    (tmp_path / "artikel.md").write_text("# Titel\n\n![Bombe](bombe.png)\n\nText.\n", "utf-8")
    # The bomb never enters and the journalist is told why; the text still arrives (issue 13).
    result = import_document(tmp_path / "artikel.md")
    assert not any(image.has_photo for image in result.article.images)
    (refusal,) = [note for note in result.notes if note.code == "import.picture_refused"]
    assert refusal.params["name"] == "bombe.png"
    assert re.search(r"too many pixels|megapixels", refusal.message)
    assert "Text." in result.article.sections[0].markdown


@pytest.mark.parametrize(
    ("width", "height"), [(30_000, 2), (2, 30_000), (65_000, 1), (1, 1)], ids=str
)
def test_extreme_aspect_ratios_are_accepted_and_exported_or_refused_cleanly(width, height):
    data = encoded("PNG", size=(width, height))
    info = inspect_image(data)
    assert (info.width, info.height) == (width, height)
    for variant in derive_web_sizes(data):
        assert variant.width >= 1 and variant.height >= 1
        with PILImage.open(io.BytesIO(variant.data)) as image:
            assert image.size == (variant.width, variant.height)


FOREIGN = {
    "gif": encoded("GIF"),
    "bmp": encoded("BMP"),
    "tiff": encoded("TIFF"),
    "ico": encoded("ICO", size=(32, 32)),
    "tga": encoded("TGA"),
    "pcx": encoded("PCX"),
    "ppm": encoded("PPM"),
    "pdf": encoded("PDF"),
    "jpeg2000": encoded("JPEG2000"),
    "svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>',
    "svg-xml": b"<?xml version='1.0'?>\n<svg xmlns='http://www.w3.org/2000/svg' width='9'/>",
    "html": b"<html><script>alert(1)</script></html>",
    "eps": b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n",
    "empty": b"",
}


@pytest.mark.parametrize("data", FOREIGN.values(), ids=FOREIGN.keys())
def test_formats_we_do_not_accept_are_refused(data):
    with pytest.raises(ImageError) as caught:
        inspect_image(data)
    assert "\n" not in str(caught.value)
    with pytest.raises(ImageError):
        derive_web_sizes(data)


SVG = FOREIGN["svg"]


@pytest.mark.parametrize("name", ["zeichnung.svg", "getarnt.png", "getarnt.jpg"])
def test_svg_is_refused_by_markdown_import_whatever_its_name(tmp_path, name):
    (tmp_path / name).write_bytes(SVG)
    (tmp_path / "artikel.md").write_text(f"# Titel\n\nText.\n\n![Grafik]({name})\n", "utf-8")
    result = import_document(tmp_path / "artikel.md")
    assert not any(image.has_photo for image in result.article.images)
    (refusal,) = [note for note in result.notes if note.code == "import.picture_refused"]
    assert refusal.params["name"] == name and name in refusal.message
    assert refusal.params["reason"] == "image.not_supported"


@pytest.mark.parametrize("media_type", ["image/svg+xml", "image/png", "text/html"])
def test_svg_as_a_data_uri_in_json_is_refused(media_type):
    uri = f"data:{media_type};base64,{base64.b64encode(SVG).decode()}"
    source = json.dumps({"headline": "Kopf", "images": [{"role": "lead", "data": uri}]})
    with pytest.raises((ImageError, ImportFormatError)):
        import_bytes(source.encode(), JSON)


def test_svg_inline_in_markdown_is_text_on_the_page():
    source = (
        b"# Titel\n\n<svg onload=alert(1)><circle r=1 /></svg>\n\n![x](data:image/svg+xml,<svg/>)"
    )
    try:
        article = import_bytes(source, MARKDOWN)
    except NewsdeskError:
        return  # refusing the data: image is as good
    root = parse(render_page(article).html)
    assert not [e for e in root.iter() if isinstance(e.tag, str) and e.tag.endswith("svg")]


def _jpeg_with_everything() -> bytes:
    """A photo carrying EXIF with GPS, an XMP packet and a JPEG comment (COM segment)."""
    picture = PILImage.new("RGB", (900, 600), (30, 120, 60))
    picture.paste((250, 250, 250), (100, 100, 400, 300))
    exif = PILImage.Exif()
    exif[0x010F] = "Spionkamera"
    exif[0x8298] = "Geheim-Copyright"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (52.0, 31.0, 12.0), "E", (13.0, 24.0, 36.0)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90, exif=exif, comment=b"Quelle: Hinterhof 12")
    data = buffer.getvalue()
    xmp = (
        b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x='adobe:ns:meta/'>"
        b"<rdf:Description photoshop:City='Geheimstadt'/></x:xmpmeta>"
    )
    segment = b"\xff\xe1" + struct.pack(">H", len(xmp) + 2) + xmp
    return data[:2] + segment + data[2:]


def _png_with_chunks() -> bytes:
    data = encoded("PNG", size=(300, 200))
    text = _chunk(b"tEXt", b"Comment\x00Quelle: Hinterhof 12")
    itxt = _chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00<x:xmpmeta Geheimstadt/>")
    exif = _chunk(b"eXIf", b"MM\x00*\x00\x00\x00\x08\x00\x00Spionkamera")
    end = data.rfind(b"IEND") - 4
    return data[:end] + text + itxt + exif + data[end:]


METADATA = (b"Exif", b"Spionkamera", b"Geheim", b"Hinterhof", b"ns.adobe.com", b"xmpmeta", b"GPS")


@pytest.mark.parametrize("assets", ["embed", "preview", "folder"])
def test_page_images_carry_no_exif_gps_xmp_or_comment(assets):
    photo, png = _jpeg_with_everything(), _png_with_chunks()
    assert all(needle in photo for needle in METADATA[:6])
    with PILImage.open(io.BytesIO(photo)) as original:
        assert original.getexif().get_ifd(0x8825) and "comment" in original.info
    article = Article(
        headline="Bilder ohne Spuren",
        language="de",
        sections=[Section(markdown="Text.")],
        images=[
            Image(role="lead", data=photo, caption="Foto", alt="Ein Hof"),
            Image(role="inline", data=png, caption="Grafik", alt="Balken"),
        ],
    )
    page = render_page(article, assets=assets)
    # Embedded pages carry the images as data: URIs; the preview serves them and the folder
    # export writes them as files: both come out of the render as assets.
    uris = re.findall(r"data:image/(?:jpeg|png);base64,[A-Za-z0-9+/=]+", page.html)
    images = [base64.b64decode(uri.split(",", 1)[1]) for uri in set(uris)]
    images += [asset.data for asset in page.assets]
    assert len(images) >= 2
    for data in images:
        for needle in METADATA:
            assert needle not in data, needle
        with PILImage.open(io.BytesIO(data)) as image:
            image.load()
            assert not image.getexif()
            assert not {"exif", "comment", "xmp", "XML:com.adobe.xmp", "icc_profile"} & set(
                image.info
            )
            assert not getattr(image, "text", {})
    for needle in ("Spionkamera", "Hinterhof", "Geheimstadt"):
        assert needle not in page.html


def _sample(fmt: str) -> bytes:
    if fmt == "JPEG":
        return _jpeg_with_everything()
    if fmt == "WEBP":
        return encoded("WEBP", size=(120, 80), quality=80)
    return encoded("PNG", size=(120, 80))


SAMPLES = {fmt: _sample(fmt) for fmt in ("JPEG", "PNG", "WEBP")}


def _inspect_or_refuse(data: bytes) -> None:
    try:
        info = inspect_image(data)
    except ImageError as error:
        assert "\n" not in str(error)
        return
    assert info.width > 0 and info.height > 0
    try:
        variants = derive_web_sizes(data, (64,))
    except ImageError:
        return
    assert variants and all(v.media_type in ("image/jpeg", "image/png") for v in variants)


@SETTINGS
@given(fmt=st.sampled_from(sorted(SAMPLES)), data=st.data())
def test_truncated_images_are_refused_or_whole(fmt, data):
    original = SAMPLES[fmt]
    keep = data.draw(st.integers(0, len(original) - 1))
    _inspect_or_refuse(original[:keep])


@SETTINGS
@given(
    fmt=st.sampled_from(sorted(SAMPLES)),
    data=st.data(),
    masks=st.lists(st.integers(1, 255), min_size=1, max_size=6),
)
def test_flipped_image_bytes_are_refused_or_decode(fmt, data, masks):
    damaged = bytearray(SAMPLES[fmt])
    for mask in masks:
        damaged[data.draw(st.integers(0, len(damaged) - 1))] ^= mask
    _inspect_or_refuse(bytes(damaged))


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_an_image_cut_in_half_is_refused(fmt):
    with pytest.raises(ImageError):
        inspect_image(SAMPLES[fmt][: len(SAMPLES[fmt]) // 2])
