"""Update from Word with the desk's real part: a Word file LibreOffice opened and saved again (as
a desk working in LibreOffice sends it back) is read as unchanged, in English and German.

`make test-formats` installs LibreOffice and runs this with NEWSDESK_REQUIRE_TOOLS=1, where a
missing `soffice` fails; in `make test` it skips with the reason.
"""

from __future__ import annotations

import subprocess

import pytest

from newsdesk.formats.docx_export import docx_bytes
from newsdesk.formats.docx_update import plan_update, read_desk_document
from tests.formats.required_tools import tool
from tests.formats.update_articles import english_story, german_story


@pytest.mark.parametrize("make", [english_story, german_story])
def test_a_file_libreoffice_saved_again_is_read_as_unchanged(make, tmp_path):
    soffice = tool("soffice")
    article = make()
    exported = tmp_path / "story.docx"
    exported.write_bytes(docx_bytes(article))
    saved = tmp_path / "saved"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(saved),
            str(exported),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    desk = read_desk_document((saved / "story.docx").read_bytes(), "story.docx")
    assert desk.changes == []
    assert plan_update(article, desk).is_empty()
