"""The .odt importer on files LibreOffice writes: our own Word exports (German and English)
converted with `soffice --headless --convert-to odt` import as the same article as the .docx.

`make test-formats` runs this with NEWSDESK_REQUIRE_TOOLS=1 (LibreOffice installed, a missing
one fails); in `make test` a missing LibreOffice skips with the reason.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from newsdesk.formats.docx_export import docx_bytes
from newsdesk.formats.docx_import import import_docx
from newsdesk.formats.odt_import import import_odt
from tests.formats.export_compare import image_parts, section_parts
from tests.formats.html_export_fixtures import english_opinion, german_article
from tests.formats.required_tools import tool

PHOTO_FIELDS = ("role", "caption", "credit", "copyright", "symbolic", "disclaimer", "alt")


@pytest.mark.parametrize("make_article", [german_article, english_opinion])
def test_libreoffice_odt_of_our_word_export_imports_as_the_docx_does(tmp_path, make_article):
    soffice = tool("soffice")
    source = tmp_path / "article.docx"
    source.write_bytes(docx_bytes(make_article()))
    subprocess.run(
        [soffice, "--headless", "--convert-to", "odt", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},  # LibreOffice's profile stays in the test
    )
    from_word = import_docx(source.read_bytes(), "article.docx").article
    from_odt = import_odt((tmp_path / "article.odt").read_bytes(), "article.odt").article
    assert (from_odt.headline, from_odt.subheadline) == (from_word.headline, from_word.subheadline)
    assert section_parts(from_odt) == section_parts(from_word)
    assert image_parts(from_odt, PHOTO_FIELDS) == image_parts(from_word, PHOTO_FIELDS)
    assert [i.has_photo for i in from_odt.images] == [i.has_photo for i in from_word.images]
