"""The exports in the programs people open them with: LibreOffice converts each Word file to PDF
headless without complaint, poppler reads the PDF proof, exiftool reads every photo.

`make test-formats` installs the Debian packages (libreoffice-writer-nogui, poppler-utils,
libimage-exiftool-perl) and runs this file with NEWSDESK_REQUIRE_TOOLS=1, where a missing tool
fails; in `make test` a missing tool skips with the reason.
"""

from __future__ import annotations

import subprocess

import pytest

from newsdesk.formats.docx_export import export_docx
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from tests.formats.html_export_fixtures import english_opinion, german_article, jpeg_bytes
from tests.formats.required_tools import tool


def _everything_article() -> Article:
    """Every construct the Word writer knows, with umlauts, ß and awkward characters."""
    return Article(
        headline="Prüfung: Straßenbahn „Linie 5“ & <Tram> fährt wieder",
        subheadline="Was Fahrgäste in Göttingen jetzt wissen müssen",
        byline="Von Özlem Şahin",
        language="de",
        tags=["Verkehr", "Göttingen"],
        sections=[
            Section(
                markdown=(
                    "Die **Straßenbahn** fährt *wieder* – ~~bald~~ jetzt[^q].\\\nZweite Zeile.\n\n"
                    "> „Wir sind erleichtert“, sagt Jürgen Groß.\n\n"
                    "1. Montag\n    - früh\n        - sehr früh\n2. Dienstag\n\n"
                    "| Halt | Minute |\n|:--|--:|\n| Markt | 3 |\n| Weender Tor | 7 |\n"
                    "Table: Fahrzeiten ab Bahnhof\n\n"
                    "<!-- NOTIZ-9017 -->\n\n[^q]: Stadtwerke Göttingen, Mitteilung."
                ),
                children=[Section(heading="Ausblick", markdown="### Kosten\n\nNoch offen.")],
            ),
            Section(heading="Kommentar: Gut so", kind="opinion", markdown="Endlich."),
        ],
        images=[
            Image(
                role="lead",
                data=jpeg_bytes(),
                caption="Die Bahn",
                alt="Eine Tram",
                credit="Ada Berg/dpa",
                copyright="2026 dpa",
                symbolic=True,
                disclaimer="Symbolbild",
            ),
        ],
        related=RelatedLinks(links=[RelatedLink("Fahrplan", "https://example.org/f?a=1&b=2")]),
    )


@pytest.mark.parametrize(
    "make", [german_article, english_opinion, _everything_article], ids=lambda m: m.__name__
)
def test_libreoffice_converts_the_word_file_without_complaint(tmp_path, make):
    soffice = tool("soffice")
    pdftotext = tool("pdftotext")
    article = make()
    source = export_docx(article, tmp_path / "article.docx")
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    converted = tmp_path / "out" / "article.pdf"
    assert converted.is_file() and converted.stat().st_size > 1000, done.stdout + done.stderr
    assert "Error" not in done.stderr and "repair" not in (done.stdout + done.stderr).lower()
    text = subprocess.run(
        [pdftotext, str(converted), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = article.headline.split()
    assert words[0] in text and words[-1] in text
    assert "NOTIZ-9017" not in text
