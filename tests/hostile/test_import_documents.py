"""Hostile Word files and web pages, generated at test time: each is refused with one line and
exit status 2 by `newsdesk import`, nothing is written, within bounded time and memory."""

from __future__ import annotations

import io
import resource
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.errors import ImportFormatError
from newsdesk.formats.docx_import import import_docx
from newsdesk.formats.html_import import import_html

_MINIMAL_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
    ),
    "word/document.xml": (
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Text</w:t></w:r></w:p></w:body>'
        "</w:document>"
    ),
}


_ENTITY_BOMB = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'


def _docx(extra: dict[str, bytes | str] | None = None, **replace: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in {**_MINIMAL_PARTS, **replace, **(extra or {})}.items():
            archive.writestr(name, text)
    return out.getvalue()


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _MINIMAL_PARTS.items():
            archive.writestr(name, text)
        # 1 GB of zeros packs into about 1 MB.
        with archive.open("word/media/bomb.bin", "w", force_zip64=True) as bomb:
            chunk = b"\0" * (1 << 20)
            for _ in range(1024):
                bomb.write(chunk)
    return out.getvalue()


HOSTILE_DOCX = {
    "password-protected": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le") * 50,
        "import.docx_encrypted",
    ),
    "old-word-97": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096,
        "import.docx_old_word",
    ),
    "damaged": (lambda: _docx()[:-200], "import.docx_damaged"),
    "not-a-zip": (lambda: b"PK\x03\x04 this is no zip" * 40, "import.docx_damaged"),
    "macros": (lambda: _docx({"word/vbaProject.bin": b"\0" * 64}), "import.docx_macros"),
    "entity-bomb": (
        lambda: _docx(**{"word/document.xml": _ENTITY_BOMB}),
        "import.docx_too_large",
    ),
    "zip-bomb": (_zip_bomb, "import.docx_too_large"),
}


def refused_quickly(read: Callable[[], object], code: str) -> ImportFormatError:
    """The ImportFormatError `read()` raises: with `code`, one line, within 5 seconds."""
    started = time.monotonic()
    with pytest.raises(ImportFormatError) as refused:
        read()
    assert refused.value.code == code
    assert "\n" not in str(refused.value)
    assert time.monotonic() - started < 5
    return refused.value


@pytest.mark.parametrize("name", list(HOSTILE_DOCX))
def test_hostile_word_files_are_refused_with_one_line(name):
    make, code = HOSTILE_DOCX[name]
    data = make()
    refused = refused_quickly(lambda: import_docx(data, f"{name}.docx"), code)
    assert f"{name}.docx" in str(refused)


def test_a_page_of_100000_nested_tags_is_refused_quickly():
    page = ("<div>" * 100_000 + "text" + "</div>" * 100_000).encode()
    refused_quickly(lambda: import_html(page, None, "deep.html"), "import.html_too_deep")


def _run_import(source: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """`newsdesk import` in a child with 1 GB of address space at most (bounded memory)."""

    def limit() -> None:  # pragma: no cover - runs in the child
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [
            sys.executable,
            "-m",
            "newsdesk",
            "import",
            str(source),
            "-o",
            str(tmp_path / "out.newsdesk"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit,
    )


@pytest.mark.parametrize(
    "name, size", [("huge.docx", 200 * 1024 * 1024), ("huge.html", 50 * 1024 * 1024)]
)
def test_a_200_mb_document_and_a_50_mb_page_get_one_line_and_exit_2(tmp_path, name, size):
    source = tmp_path / name
    with source.open("wb") as handle:  # sparse: the size is real, the disk stays free
        handle.truncate(size)
    done = _run_import(source, tmp_path)
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert not (tmp_path / "out.newsdesk").exists()


@pytest.mark.parametrize("name", ["zip-bomb", "macros", "password-protected"])
def test_the_command_line_refuses_hostile_word_files_and_writes_nothing(tmp_path, name):
    source = tmp_path / f"{name}.docx"
    source.write_bytes(HOSTILE_DOCX[name][0]())
    done = _run_import(source, tmp_path)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert not (tmp_path / "out.newsdesk").exists()
