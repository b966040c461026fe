"""The OpenDocument text (`.odt`) as a package, checked before its XML is read.

An `.odt` is a zip of XML parts (`content.xml`, `styles.xml`, `meta.xml`, pictures under
`Pictures/`), with a `mimetype` entry naming what it is. Before anything is parsed, this module
refuses, each with one line and a stable code:

- anything that is no readable zip, or a zip that is not an OpenDocument text (a spreadsheet or a
  presentation renamed, no `content.xml`)                                  import.odt_damaged
- a password-protected document (its manifest names encryption data)     import.odt_encrypted
- macros (`Basic/` or `Scripts/` parts)                                   import.odt_macros
- a zip bomb, by the Word importer's bounds (`docx_import_package.check_zip_sizes`: parts,
  unpacked bytes, packing ratio, XML part size), and XML with a document type declaration
  (entity bombs)                                                          import.docx_too_large

What it hands on: the parsed content and styles (xml.etree, which expands no external entities),
the document properties worth offering (by the Word importer's rule), and bounded reads of the
pictures the content names.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from newsdesk.errors import ImportFormatError
from newsdesk.formats.docx_import_package import (
    MAX_XML_PART_BYTES,
    check_zip_sizes,
    usable_properties,
)
from newsdesk.imaging import MAX_IMAGE_BYTES

MIME_TYPES = (
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
)
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}


@dataclass
class OdtPackage:
    """The parsed parts and what the checks found."""

    content: ElementTree.Element
    styles: ElementTree.Element | None
    archive_bytes: bytes
    properties: dict[str, str] = field(default_factory=dict)

    def picture(self, href: str) -> bytes | None:
        """A picture's bytes from the package (`Pictures/...`), bounded; None when it is not
        there, too large or unreadable (it becomes a missing photo)."""
        href = href.removeprefix("./")
        if not href or href.startswith(("/", "..")) or "://" in href:
            return None  # a linked (external) picture is never fetched
        try:
            with zipfile.ZipFile(io.BytesIO(self.archive_bytes)) as archive:
                info = archive.getinfo(href)
                if info.file_size > MAX_IMAGE_BYTES:
                    return None
                with archive.open(info) as handle:
                    return handle.read(MAX_IMAGE_BYTES + 1)
        except (KeyError, zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
            return None


def _refuse(message: str, code: str, name: str) -> ImportFormatError:
    return ImportFormatError(f"{name} {message}", code=code, name=name)


def _damaged(name: str, what: str = "") -> ImportFormatError:
    return _refuse(f"is damaged or not an OpenDocument text{what}", "import.odt_damaged", name)


def _read(archive: zipfile.ZipFile, part: str, name: str) -> bytes:
    try:
        with archive.open(part) as handle:
            data = handle.read(MAX_XML_PART_BYTES + 1)
    except (
        zipfile.BadZipFile,
        OSError,
        ValueError,
        EOFError,
        KeyError,
        NotImplementedError,
    ) as exc:
        raise _damaged(name) from exc
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise _refuse(
            "contains XML entity declarations, which no OpenDocument text has",
            "import.docx_too_large",
            name,
        )
    return data


def _parse(data: bytes, name: str) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise _damaged(name) from exc


def check_package(data: bytes, name: str) -> OdtPackage:
    """Refuse what must not be opened; parse the content, the styles and the properties."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _damaged(name) from exc
    with archive:
        for entry in entries:
            if entry.flag_bits & 0x1:  # zip-level encryption: no office program writes it
                raise _encrypted(name)
        check_zip_sizes(entries, name)
        names = {entry.filename for entry in entries}
        mimetype = _read(archive, "mimetype", name).strip() if "mimetype" in names else b""
        if mimetype and mimetype.decode("ascii", "replace") not in MIME_TYPES:
            raise _damaged(name, " (it is another kind of OpenDocument file)")
        if "META-INF/manifest.xml" in names:
            manifest = _read(archive, "META-INF/manifest.xml", name)
            if b"encryption-data" in manifest:
                raise _encrypted(name)
        if any(n.startswith(("Basic/", "Scripts/")) and not n.endswith("/") for n in names):
            raise _refuse(
                "contains macros; Newsdesk imports no documents with macros. Save it without "
                "them (or as .docx) and import that",
                "import.odt_macros",
                name,
            )
        if "content.xml" not in names:
            raise _damaged(name, " (it has no content part)")
        content = _parse(_read(archive, "content.xml", name), name)
        styles = _parse(_read(archive, "styles.xml", name), name) if "styles.xml" in names else None
        properties = _properties(_read(archive, "meta.xml", name)) if "meta.xml" in names else {}
    return OdtPackage(content=content, styles=styles, archive_bytes=data, properties=properties)


def _encrypted(name: str) -> ImportFormatError:
    return _refuse(
        "is password-protected; open it in LibreOffice, remove the password and save it again",
        "import.odt_encrypted",
        name,
    )


def _properties(meta: bytes) -> dict[str, str]:
    try:
        root = ElementTree.fromstring(meta)
    except ElementTree.ParseError:
        return {}
    office_meta = root.find("office:meta", NS)
    if office_meta is None:
        return {}
    keywords = [k.text or "" for k in office_meta.findall("meta:keyword", NS)]
    author = office_meta.findtext("dc:creator", "", NS) or office_meta.findtext(
        "meta:initial-creator", "", NS
    )
    return usable_properties(
        {
            "title": office_meta.findtext("dc:title", "", NS),
            "author": author,
            "subject": office_meta.findtext("dc:subject", "", NS),
            "keywords": ", ".join(k.strip() for k in keywords if k.strip()),
            "description": office_meta.findtext("dc:description", "", NS),
        }
    )
