"""The Word file as a package, checked before any converter reads it.

A `.docx` is a zip of XML parts. Before mammoth opens it, this module refuses, each with one line
and a stable code:

- an encrypted (password-protected) document, which Word stores as an OLE compound file, and an
  old binary Word 97-2003 `.doc` renamed to `.docx`     import.docx_encrypted, import.docx_old_word
- anything that is not a readable zip with `word/document.xml`     import.docx_damaged
- macros (`vbaProject.bin`, a macro-enabled content type)            import.docx_macros
- a zip bomb: more parts, more unpacked bytes or a higher packing ratio than any real article
  document has, and XML with a document type declaration (entity bombs)   import.docx_too_large

It also reads what the article importer reports or offers: the number of tracked insertions and
deletions, and the document properties (title, author, subject, keywords, description).

The OpenDocument importer (`odt_package`) checks its zip with the same bounds
(`check_zip_sizes`) and offers its properties by the same rule (`usable_properties`).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from newsdesk.errors import ImportFormatError

# A Word document holding a long article and twenty press photos stays far below these.
MAX_DOCX_BYTES = 100 * 1024 * 1024
MAX_PARTS = 2_000
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_XML_PART_BYTES = 16 * 1024 * 1024  # document.xml of a 300-page book is about 5 MB
MAX_RATIO = 200  # XML packs about 10:1; a bomb packs 1000:1 and more

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_MACRO_TYPES = (b"macroEnabled", b"vbaProject", b"vbaData")
_REVISION = re.compile(rb"<w:(ins|del|moveFrom|moveTo)\b[^>]*?\bw:id=\"(\d+)\"")
_DC = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}
# Names Word, LibreOffice and templates put in the properties that are nobody's byline or title.
_PLACEHOLDER_NAMES = re.compile(
    r"^(?:microsoft office (?:user|benutzer)|office user|user|benutzer|admin(?:istrator)?|author|"
    r"autor|owner|unknown|unbekannt|windows user|windows-benutzer|python-docx|docx4j|"
    r"apache poi|pandoc|title|titel|document\d*|dokument\d*|untitled|unbenannt|"
    r"normal(?:\.dotm?)?|template|vorlage|microsoft word.*|(?:generated|created) (?:by|with) .*)$",
    re.IGNORECASE,
)


@dataclass
class DocxPackage:
    """What the checks found: the tracked changes and the document properties worth offering."""

    insertions: int = 0
    deletions: int = 0
    properties: dict[str, str] = field(default_factory=dict)


def _refuse(message: str, code: str, name: str, **params: object) -> ImportFormatError:
    return ImportFormatError(f"{name} {message}", code=code, name=name, **params)


def check_package(data: bytes, name: str) -> DocxPackage:
    """Refuse what must not be opened; count tracked changes and read the properties."""
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTION_INFO in data[:1_000_000] or b"EncryptedPackage" in data[:1_000_000]:
            raise _refuse(
                "is password-protected; open it in Word, remove the password and save it again",
                "import.docx_encrypted",
                name,
            )
        raise _refuse(
            "is an old Word 97-2003 document; save it as .docx in Word or LibreOffice first",
            "import.docx_old_word",
            name,
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _refuse("is damaged or not a Word document", "import.docx_damaged", name) from exc
    with archive:
        check_zip_sizes(entries, name)
        names = {entry.filename for entry in entries}
        main_part = _main_part(archive, names, name)
        if main_part not in names:
            raise _refuse(
                "is damaged or not a Word document (it has no document part)",
                "import.docx_damaged",
                name,
            )
        content_types = (
            _read(archive, "[Content_Types].xml", name) if "[Content_Types].xml" in names else b""
        )
        if any(n.lower().endswith("vbaproject.bin") for n in names) or any(
            t in content_types for t in _MACRO_TYPES
        ):
            raise _refuse(
                "contains macros; Newsdesk imports no documents with macros. Save it as a plain "
                ".docx (Word Document) and import that",
                "import.docx_macros",
                name,
            )
        for entry in entries:
            if entry.filename.endswith((".xml", ".rels")):
                head = _read(archive, entry.filename, name)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise _refuse(
                        "contains XML entity declarations, which no Word document has",
                        "import.docx_too_large",
                        name,
                    )
        document = _read(archive, main_part, name)
        package = DocxPackage()
        kinds: dict[bytes, set[bytes]] = {b"ins": set(), b"del": set()}
        for match in _REVISION.finditer(document):
            kind = b"ins" if match[1] in (b"ins", b"moveTo") else b"del"
            kinds[kind].add(match[2])
        package.insertions, package.deletions = len(kinds[b"ins"]), len(kinds[b"del"])
        if "docProps/core.xml" in names:
            package.properties = _properties(_read(archive, "docProps/core.xml", name))
    return package


_OFFICE_DOCUMENT = re.compile(
    rb"<Relationship\b[^>]*?Type=\"[^\"]*/officeDocument\"[^>]*?Target=\"/?([^\"]+)\""
    rb"|<Relationship\b[^>]*?Target=\"/?([^\"]+)\"[^>]*?Type=\"[^\"]*/officeDocument\""
)


def _main_part(archive: zipfile.ZipFile, names: set[str], name: str) -> str:
    """The document part the package's relationships name (usually word/document.xml)."""
    if "_rels/.rels" in names:
        found = _OFFICE_DOCUMENT.search(_read(archive, "_rels/.rels", name))
        if found:
            return (found[1] or found[2]).decode("utf-8", "replace")
    return "word/document.xml"


def check_zip_sizes(entries: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse a zip bomb: too many parts, too many unpacked bytes, a bomb's packing ratio."""
    too_large = "is packed like a zip bomb; that is no article"
    if len(entries) > MAX_PARTS:
        raise _refuse(too_large, "import.docx_too_large", name)
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise _refuse(too_large, "import.docx_too_large", name)
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise _refuse(
                "is password-protected; open it in Word, remove the password and save it again",
                "import.docx_encrypted",
                name,
            )
        ratio = entry.file_size / max(entry.compress_size, 1)
        xml_too_large = entry.filename.endswith(".xml") and entry.file_size > MAX_XML_PART_BYTES
        if xml_too_large or (entry.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise _refuse(too_large, "import.docx_too_large", name)


def _read(archive: zipfile.ZipFile, part: str, name: str) -> bytes:
    """A part's bytes; zipfile stops at the size the directory declares, so this is bounded."""
    try:
        with archive.open(part) as handle:
            return handle.read(MAX_XML_PART_BYTES + 1)
    except (
        zipfile.BadZipFile,
        OSError,
        ValueError,
        EOFError,
        KeyError,
        NotImplementedError,
    ) as exc:
        raise _refuse("is damaged or not a Word document", "import.docx_damaged", name) from exc


def _properties(core: bytes) -> dict[str, str]:
    """Title, author, subject, keywords and description, without placeholders and templates."""
    try:
        root = ElementTree.fromstring(core)
    except ElementTree.ParseError:
        return {}
    found = {
        "title": root.findtext("dc:title", "", _DC),
        "author": root.findtext("dc:creator", "", _DC),
        "subject": root.findtext("dc:subject", "", _DC),
        "keywords": root.findtext("cp:keywords", "", _DC),
        "description": root.findtext("dc:description", "", _DC),
    }
    return usable_properties(found)


def usable_properties(found: dict[str, str]) -> dict[str, str]:
    """The properties worth offering: no placeholder names, template markup or empty values."""
    properties = {}
    for key, value in found.items():
        value = " ".join((value or "").split())[:500]
        template = any(mark in value for mark in ("<%", "%>", "{{", "}}", "<", ">"))
        letters = sum(ch.isalpha() for ch in value)
        if letters >= 2 and not template and not _PLACEHOLDER_NAMES.match(value):
            properties[key] = value
    return properties
