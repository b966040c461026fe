"""Hostile OpenDocument texts, generated at test time: `newsdesk import` refuses each with one
line and exit status 2, writes nothing, and stays within bounded time and memory (the same
bounds as for Word files, tests/hostile/test_import_documents.py)."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from tests.formats.odt_fixtures import content_xml, odt
from tests.hostile.test_import_documents import _run_import


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content_xml("<text:p>" + "0" * 60_000_000 + "</text:p>"))
    return out.getvalue()


HOSTILE_ODT = {
    "zip-bomb": _zip_bomb,
    "macros": lambda: odt("<text:p>x</text:p>", extra={"Scripts/python/run.py": "import os"}),
    "password-protected": lambda: odt(
        "<text:p>x</text:p>",
        extra={"META-INF/manifest.xml": "<manifest:encryption-data/>"},
    ),
    "nested": lambda: odt("<text:section>" * 5_000 + "</text:section>" * 5_000),
    "damaged": lambda: odt("<text:p>Text</text:p>")[:-300],
}


@pytest.mark.parametrize("name", sorted(HOSTILE_ODT))
def test_the_command_line_refuses_hostile_odt_files_and_writes_nothing(tmp_path, name):
    source = tmp_path / f"{name}.odt"
    source.write_bytes(HOSTILE_ODT[name]())
    started = time.monotonic()
    done = _run_import(source, tmp_path)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr and f"{name}.odt" in done.stderr
    assert not (tmp_path / "out.newsdesk").exists()
    assert time.monotonic() - started < 30


def test_a_200_mb_odt_gets_one_line_and_exit_2(tmp_path):
    source = tmp_path / "huge.odt"
    with source.open("wb") as handle:  # sparse: the size is real, the disk stays free
        handle.truncate(200 * 1024 * 1024)
    done = _run_import(source, tmp_path)
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert not (tmp_path / "out.newsdesk").exists()
