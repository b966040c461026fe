"""import_file: dispatch by suffix, and the refusals that come before any parsing."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from newsdesk.errors import ImportFormatError
from newsdesk.formats.importers import (
    IMPORT_SUFFIXES,
    JSON,
    MARKDOWN,
    TEXT,
    import_bytes,
    import_file,
    import_text,
    source_type,
)
from newsdesk.formats.source_files import MAX_SOURCE_BYTES

ARTICLE_TEXT = "Titel der Meldung\nDer erste Absatz ist ein ganzer Satz mit Inhalt.\n"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", TEXT),
        ("a.TEXT", TEXT),
        ("a.md", MARKDOWN),
        ("a.Markdown", MARKDOWN),
        ("a.json", JSON),
    ],
)
def test_suffix_picks_the_importer(name, kind):
    assert source_type(Path(name)) == kind
    assert set(IMPORT_SUFFIXES) == {
        *(".txt", ".text", ".md", ".markdown", ".json"),
        *(".docx", ".html", ".htm"),  # through formats.importing (tests/formats/test_docx_*.py)
    }


@pytest.mark.parametrize("name", ["brief.doc", "seite.pdf", "ohne_endung", "bild.txt.png"])
def test_unknown_suffix_is_refused_before_reading(tmp_path, name):
    path = tmp_path / name
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    with pytest.raises(ImportFormatError, match="unsupported type"):
        import_file(path)


def test_each_kind_imports_through_import_file(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    (tmp_path / "a.md").write_text("# Titel der Meldung\n\nText.", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"headline": "Titel der Meldung"}', encoding="utf-8")
    for name in ("a.txt", "a.md", "a.json"):
        assert import_file(tmp_path / name).headline == "Titel der Meldung"


def test_text_and_bytes_entry_points():
    assert import_text(ARTICLE_TEXT).sections[0].markdown.startswith("Der erste Absatz")
    assert import_text("# Kopf\n\nText.", MARKDOWN).headline == "Kopf"
    assert import_text('{"headline": "Kopf"}', JSON).headline == "Kopf"
    assert import_bytes(ARTICLE_TEXT.encode("cp1252"), TEXT).headline == "Titel der Meldung"
    with pytest.raises(ValueError):
        import_text("x", "docx")


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ImportFormatError, match="does not exist"):
        import_file(tmp_path / "fehlt.txt")


def test_a_folder_is_refused(tmp_path):
    (tmp_path / "ordner.md").mkdir()
    with pytest.raises(ImportFormatError, match="not a regular file"):
        import_file(tmp_path / "ordner.md")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(ImportFormatError, match="not a regular file"):
        import_file(tmp_path / "pipe.txt")


def test_a_too_large_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "riesig.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_SOURCE_BYTES + 1)  # sparse: costs no disk space
    with pytest.raises(ImportFormatError, match="imports up to 50 MB"):
        import_file(path)
    with pytest.raises(ImportFormatError, match="larger than 50 MB"):
        import_bytes(b" " * (MAX_SOURCE_BYTES + 1), TEXT)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "NUL bytes"),
        ("notiz.md", b"Titel\x00\x00\x00Text", "NUL bytes"),
        ("brief.txt", b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        ("export.md", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3", "PDF"),
        ("daten.txt", bytes(range(1, 9)) * 50, "control characters"),
    ],
)
def test_binary_files_are_refused(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFormatError, match=message):
        import_file(path)


@pytest.mark.parametrize(
    "encoded",
    [
        ARTICLE_TEXT.replace("Titel", "Überschrift").encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE_TEXT.replace("Titel", "Überschrift").encode("utf-8"),
        ARTICLE_TEXT.replace("Titel", "Überschrift").encode("cp1252"),
        ARTICLE_TEXT.replace("Titel", "Überschrift").replace("\n", "\r\n").encode("latin-1"),
        codecs.BOM_UTF16_LE + ARTICLE_TEXT.replace("Titel", "Überschrift").encode("utf-16-le"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "latin-1-crlf", "utf-16"],
)
def test_text_files_in_every_supported_encoding_import_alike(tmp_path, encoded):
    path = tmp_path / "meldung.txt"
    path.write_bytes(encoded)
    article = import_file(path)
    assert article.headline == "Überschrift der Meldung"
    assert article.sections[0].markdown == "Der erste Absatz ist ein ganzer Satz mit Inhalt."


def test_the_error_names_the_file(tmp_path):
    path = tmp_path / "entwurf.txt"
    path.write_bytes(b"\x00\x01binary")
    with pytest.raises(ImportFormatError, match=r"entwurf\.txt"):
        import_file(path)
