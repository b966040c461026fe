"""Exported photos carry their credit (IPTC Photo Metadata) and nothing else.

Read back twice: with Pillow here (XMP packet and IIM records, always), and with exiftool, the
tool newsrooms use, where it is installed (`make test-formats` installs it; without it those
tests say so and skip).
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest
from PIL import Image as PILImage
from PIL import IptcImagePlugin

from newsdesk.formats.html_export import export_html, render_page
from newsdesk.formats.markdown_export import export_markdown
from newsdesk.formats.photo_credits import PhotoCredits, credits_for, with_credits
from newsdesk.imaging import derive_web_sizes
from newsdesk.model.article import Image
from tests.formats.html_export_fixtures import german_article, jpeg_bytes

_NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
}
_IMAGE = Image(
    credit="Foto: Jörg Weiß/dpa",
    copyright="© 2026 Jörg Weiß",
    caption='Die Fähre "Greta" am Kai <Nord> & Süd',
    alt="Eine weiße Fähre legt an",
    symbolic=True,
    disclaimer="Symbolbild: nachgestellte Szene",
)
_EXPECTED = {
    "creator": "Jörg Weiß",
    "credit": "Foto: Jörg Weiß/dpa",
    "rights": "© 2026 Jörg Weiß",
    "description": 'Die Fähre "Greta" am Kai <Nord> & Süd Symbolbild: nachgestellte Szene',
    "alt": "Eine weiße Fähre legt an",
    "statement": "https://example.org/rechte",
}


def _xmp_fields(data: bytes) -> dict[str, str]:
    with PILImage.open(io.BytesIO(data)) as picture:
        picture.load()
        packet = picture.info["xmp"]
    root = ElementTree.fromstring(packet)
    description = root.find(".//rdf:Description", _NS)

    def text(path: str) -> str:
        found = description.find(path, _NS)
        return found.text if found is not None else ""

    return {
        "creator": text("dc:creator/rdf:Seq/rdf:li"),
        "credit": text("photoshop:Credit"),
        "rights": text("dc:rights/rdf:Alt/rdf:li"),
        "description": text("dc:description/rdf:Alt/rdf:li"),
        "alt": text("Iptc4xmpCore:AltTextAccessibility/rdf:Alt/rdf:li"),
        "statement": text("xmpRights:WebStatement"),
    }


def _credited_jpeg() -> bytes:
    web = derive_web_sizes(jpeg_bytes(), (480,))[0]
    credits = credits_for(_IMAGE, web_statement="https://example.org/rechte")
    return with_credits(web.data, web.media_type, credits)


def test_jpeg_carries_xmp_and_iim():
    data = _credited_jpeg()
    assert _xmp_fields(data) == _EXPECTED
    with PILImage.open(io.BytesIO(data)) as picture:
        iim = IptcImagePlugin.getiptcinfo(picture)
        assert not picture.getexif() and "icc_profile" not in picture.info
    assert iim[(1, 90)] == b"\x1b%G"  # UTF-8
    assert iim[(2, 80)].decode() == "Jörg Weiß"
    assert iim[(2, 110)].decode() == "Foto: Jörg Weiß/dpa"
    assert iim[(2, 116)].decode() == "© 2026 Jörg Weiß"
    assert iim[(2, 120)].decode() == _EXPECTED["description"]


def test_png_carries_xmp():
    buffer = io.BytesIO()
    PILImage.new("RGBA", (40, 30), (200, 0, 0, 120)).save(buffer, "PNG")
    credits = credits_for(_IMAGE, web_statement="https://example.org/rechte")
    data = with_credits(buffer.getvalue(), "image/png", credits)
    assert _xmp_fields(data) == _EXPECTED


def test_limits_and_what_is_left_out():
    long_caption = "ä" * 5000
    credits = credits_for(Image(caption=long_caption, credit="x" * 100), web_statement="http://a")
    assert credits.web_statement == ""  # only https statements
    assert len(credits.description) == 2000
    web = derive_web_sizes(jpeg_bytes(), (480,))[0]
    data = with_credits(web.data, web.media_type, credits)
    with PILImage.open(io.BytesIO(data)) as picture:
        iim = IptcImagePlugin.getiptcinfo(picture)
    assert len(iim[(2, 110)]) == 32 and len(iim[(2, 120)]) <= 2000
    iim[(2, 120)].decode("utf-8")  # never cut inside a character
    assert with_credits(web.data, web.media_type, PhotoCredits()) == web.data
    assert credits_for(Image(caption="a\x07b\ud800c")).description == "abc"  # XML cannot hold them


def test_private_notes_do_not_travel_in_photos():
    image = Image(caption="Kai <!-- NOTIZ-3307 --> im Regen", credit="Ada Berg")
    assert "NOTIZ-3307" not in credits_for(image).description


def _exported_photos(article, tmp_path, **options) -> list[bytes]:
    page = render_page(article, assets="embed", photo_credits=options.get("photo_credits", True))
    uris = re.findall(r"data:image/(?:jpeg|png);base64,[A-Za-z0-9+/=]+", page.html)
    return [base64.b64decode(uri.split(",", 1)[1]) for uri in set(uris)]


def test_every_export_carries_credits_and_no_photo_credits_none(tmp_path):
    article = german_article()
    article.images[0].data = jpeg_bytes(comment=b"Informant: Hauptstrasse 7")
    result = export_html(article, tmp_path / "a.html", assets="folder")
    folder_files = [written.path.read_bytes() for written in result.assets]
    export_markdown(article, tmp_path / "a.md")
    markdown_files = [p.read_bytes() for p in (tmp_path / "a_files").iterdir()]
    for data in [*folder_files, *markdown_files, *_exported_photos(article, tmp_path)]:
        assert b"Exif" not in data and b"Informant" not in data and b"Fixture-Kamera" not in data
        fields = _xmp_fields(data)
        assert fields["creator"] in ("Lena Vogt", "Redaktion")
    for data in _exported_photos(article, tmp_path, photo_credits=False):
        assert b"ns.adobe.com" not in data and b"Photoshop" not in data


# --- exiftool: what the newsroom's tools read --------------------------------------------------

EXIFTOOL = shutil.which("exiftool")
# `make test-formats` sets NEWSDESK_REQUIRE_TOOLS=1: there a missing exiftool fails.
needs_exiftool = pytest.mark.skipif(
    EXIFTOOL is None and os.environ.get("NEWSDESK_REQUIRE_TOOLS") != "1",
    reason="exiftool is not installed (make test-formats installs it)",
)
# Groups exiftool reports for any file, and the ones our credits make.
_ALLOWED_GROUPS = {"ExifTool", "System", "File", "JFIF", "PNG", "Composite"}
_CREDIT_GROUPS = {"XMP-x", "XMP-dc", "XMP-photoshop", "XMP-iptcCore", "XMP-xmpRights", "IPTC"}


def _exiftool(path) -> dict[str, object]:
    if EXIFTOOL is None:
        pytest.fail("exiftool is missing; make test-formats installs libimage-exiftool-perl")
    done = subprocess.run(
        [EXIFTOOL, "-json", "-a", "-G1", "-charset", "iptc=UTF8", str(path)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout)[0]


@needs_exiftool
def test_exiftool_reads_the_credits_and_finds_nothing_else(tmp_path):
    article = german_article()
    article.images[0].data = jpeg_bytes(comment=b"Informant: Hauptstrasse 7")
    result = export_html(article, tmp_path / "a.html", assets="folder")
    for written in result.assets:
        tags = _exiftool(written.path)
        groups = {key.split(":", 1)[0] for key in tags if ":" in key}
        assert groups <= _ALLOWED_GROUPS | _CREDIT_GROUPS, groups
        assert not any("GPS" in key or key.startswith("EXIF") for key in tags)
        if tags.get("XMP-dc:Creator") == "Lena Vogt":
            assert tags["IPTC:By-line"] == "Lena Vogt"
            assert tags["XMP-photoshop:Credit"] == "Lena Vogt"
            assert tags["IPTC:CopyrightNotice"] == tags["XMP-dc:Rights"]
            assert "Veranschaulichung" in tags["XMP-dc:Description"]
            assert tags["XMP-iptcCore:AltTextAccessibility"].startswith("Ein beleuchteter")
        assert "Warning" not in tags.get("ExifTool:Warning", "")


@needs_exiftool
def test_exiftool_reads_a_credited_png(tmp_path):
    buffer = io.BytesIO()
    PILImage.new("RGBA", (40, 30), (200, 0, 0, 120)).save(buffer, "PNG")
    path = tmp_path / "grafik.png"
    path.write_bytes(
        with_credits(
            buffer.getvalue(),
            "image/png",
            credits_for(_IMAGE, web_statement=_EXPECTED["statement"]),
        )
    )
    tags = _exiftool(path)
    assert tags["XMP-dc:Creator"] == "Jörg Weiß"
    assert tags["XMP-xmpRights:WebStatement"] == "https://example.org/rechte"
    assert "ExifTool:Warning" not in tags
