"""Photos that leave Newsdesk carry their credit: IPTC Photo Metadata written into the web sizes.

The web sizes themselves are made without any metadata (imaging.derive_web_sizes: no EXIF, GPS,
ICC, comments). Exports then add back exactly what a newsroom, an image search and the
photographer's agency read, and nothing else:

    Creator                    XMP dc:creator            IIM 2:80  By-line
    Credit Line                XMP photoshop:Credit      IIM 2:110 Credit
    Copyright Notice           XMP dc:rights             IIM 2:116 Copyright Notice
    Description                XMP dc:description        IIM 2:120 Caption/Abstract
      (the caption, and for a symbol image its notice)
    Alt Text (Accessibility)   XMP Iptc4xmpCore:AltTextAccessibility
    Web Statement of Rights    XMP xmpRights:WebStatement (where the publication profile has one)

XMP goes into JPEG (an APP1 segment) and PNG (an iTXt chunk); JPEG also gets IPTC IIM (the
Photoshop APP13 segment) for older newsroom systems. The web sizes are only ever JPEG or PNG, so
no other container is needed. The bytes are spliced in, never re-encoded: adding credits costs
nothing measurable, and the cached web sizes stay metadata-free (a changed credit never meets a
stale cached one).
"""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass
from html import escape as _html_escape

from newsdesk.formats.export_parts import inline_text, public_field
from newsdesk.model.article import Image


def escape(text: str) -> str:
    """&, < and > as XML entities (xml.sax.saxutils.escape's rule; that module's import pulls in
    urllib and http.client, a tenth of a warm export's start)."""
    return _html_escape(text, quote=False)


# Bounds that keep one segment of a JPEG (64 KB) enough for every field.
_MAX_FIELD_CHARS = 2000
_XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# IIM datasets and their maximum lengths in bytes (IPTC IIM 4.2).
_CREDIT_LABEL = re.compile(
    r"^(?:foto|photo|bild|image|grafik|graphic|illustration|quelle|source|©|\(c\))\s*:?\s*",
    re.IGNORECASE,
)
_IIM_BYLINE, _IIM_CREDIT, _IIM_COPYRIGHT, _IIM_CAPTION = (
    (80, 32),
    (110, 32),
    (116, 128),
    (120, 2000),
)


@dataclass(frozen=True)
class PhotoCredits:
    creator: str = ""
    credit_line: str = ""
    copyright: str = ""
    description: str = ""
    alt_text: str = ""
    web_statement: str = ""

    def __bool__(self) -> bool:
        return any(
            (
                self.creator,
                self.credit_line,
                self.copyright,
                self.description,
                self.alt_text,
                self.web_statement,
            )
        )


def _clean(text: str) -> str:
    text = _XML_ILLEGAL.sub("", public_field(text))
    return " ".join(text.split())[:_MAX_FIELD_CHARS]


def credits_for(image: Image, *, web_statement: str = "") -> PhotoCredits:
    """What a photo of the article carries: its credit, copyright, caption, notice and alt text."""
    credit = _clean(image.credit)
    # "Foto: Anna Berg/dpa": the photographer is the creator, the whole line is the credit.
    creator = re.split(r"\s*[/|,]\s*", _CREDIT_LABEL.sub("", credit), maxsplit=1)[0]
    notice = _clean(inline_text(image.disclaimer)) if image.symbolic else ""
    description = " ".join(p for p in (_clean(image.caption), notice) if p)
    return PhotoCredits(
        creator=creator,
        credit_line=credit,
        copyright=_clean(image.copyright),
        description=description[:_MAX_FIELD_CHARS],
        alt_text=_clean(image.alt),
        web_statement=_clean(web_statement) if web_statement.startswith("https://") else "",
    )


def xmp_packet(credits: PhotoCredits) -> bytes:
    """The XMP packet (UTF-8) with the IPTC Core properties that are set."""

    def alt(tag: str, text: str) -> str:
        return (
            f'<{tag}><rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li>'
            f"</rdf:Alt></{tag}>"
        )

    properties = []
    if credits.creator:
        properties.append(
            f"<dc:creator><rdf:Seq><rdf:li>{escape(credits.creator)}</rdf:li></rdf:Seq>"
            "</dc:creator>"
        )
    if credits.credit_line:
        properties.append(f"<photoshop:Credit>{escape(credits.credit_line)}</photoshop:Credit>")
    if credits.copyright:
        properties.append(alt("dc:rights", credits.copyright))
    if credits.description:
        properties.append(alt("dc:description", credits.description))
    if credits.alt_text:
        properties.append(alt("Iptc4xmpCore:AltTextAccessibility", credits.alt_text))
    if credits.web_statement:
        properties.append(
            f"<xmpRights:WebStatement>{escape(credits.web_statement)}</xmpRights:WebStatement>"
        )
    body = "\n   ".join(properties)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"\n'
        '    xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"\n'
        '    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">\n'
        f"   {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="r"?>'
    )
    return packet.encode("utf-8")


def _iim_value(text: str, limit: int) -> bytes:
    data = text.encode("utf-8")[:limit]
    return data.decode("utf-8", "ignore").encode("utf-8")  # never half a character


def iim_records(credits: PhotoCredits) -> bytes:
    """IPTC IIM datasets, UTF-8 declared (1:90), for the fields IIM has."""
    records = [(1, 90, b"\x1b%G"), (2, 0, b"\x00\x04")]
    for (dataset, limit), text in (
        (_IIM_BYLINE, credits.creator),
        (_IIM_CREDIT, credits.credit_line),
        (_IIM_COPYRIGHT, credits.copyright),
        (_IIM_CAPTION, credits.description),
    ):
        if text:
            records.append((2, dataset, _iim_value(text, limit)))
    return b"".join(
        struct.pack(">BBBH", 0x1C, record, dataset, len(value)) + value
        for record, dataset, value in records
    )


def _jpeg_segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def _photoshop_iptc(iim: bytes) -> bytes:
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim))
    resource += iim + (b"\x00" if len(iim) % 2 else b"")
    return b"Photoshop 3.0\x00" + resource


def _with_jpeg_credits(data: bytes, credits: PhotoCredits) -> bytes:
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    position = 2
    # Keep the JFIF APP0 first, as readers expect; our segments follow it.
    if data[2:4] == b"\xff\xe0":
        position = 4 + struct.unpack(">H", data[4:6])[0]
    segments = _jpeg_segment(0xE1, _XMP_HEADER + xmp_packet(credits))
    segments += _jpeg_segment(0xED, _photoshop_iptc(iim_records(credits)))
    return data[:position] + segments + data[position:]


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def _with_png_credits(data: bytes, credits: PhotoCredits) -> bytes:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    header_end = 8 + 12 + struct.unpack(">I", data[8:12])[0]  # signature + IHDR chunk
    payload = b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + xmp_packet(credits)
    return data[:header_end] + _png_chunk(b"iTXt", payload) + data[header_end:]


def with_credits(data: bytes, media_type: str, credits: PhotoCredits) -> bytes:
    """The web size `data` (image/jpeg or image/png) with the credits spliced in."""
    if not credits:
        return data
    if media_type == "image/jpeg":
        return _with_jpeg_credits(data, credits)
    if media_type == "image/png":
        return _with_png_credits(data, credits)
    raise ValueError(f"no credits for {media_type}")
