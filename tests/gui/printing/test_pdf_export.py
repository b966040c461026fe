"""PDF proof: Qt WebEngine prints the exported page; pypdf reads the pages, paper and text back.

The pictures of a printed page were looked at with `pdftoppm -png` while this was built; the
tests check what can be read: the footer's headline, date and page numbers, the link addresses
after links (the print stylesheet), the paper size, and that private notes never print.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

import pypdf
import pytest
from PySide6.QtCore import Qt

from newsdesk.formats.exporters import ExportOptions
from newsdesk.gui.printing import export_pdf
from newsdesk.gui.printing.pdf_export import css_string, footer_style
from newsdesk.store import create_project
from tests.formats.html_export_fixtures import german_article

A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)


def _pages(path):
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return reader.pages


def _size(page) -> tuple[int, int]:
    return round(float(page.mediabox.width)), round(float(page.mediabox.height))


def test_the_proof_has_the_page_its_footer_and_the_link_addresses(qapp, tmp_path):
    article = german_article()
    article.sections[0].markdown += "\n\n<!-- NOTIZ-6610: nicht drucken -->\n\nLetzter Satz."
    out = export_pdf(article, tmp_path / "proof.pdf", ExportOptions(paper="a4"))
    pages = _pages(out)
    assert len(pages) >= 2
    text = [page.extract_text() for page in pages]
    for number, page_text in enumerate(text, 1):
        assert f"{number} / {len(pages)}" in page_text
        assert "Stadtrat beschließt Nachtbus-Versuch für die Außenbezirke · 14. Februar 2024" in (
            page_text
        )
    everything = "\n".join(text)
    assert "Letzter Satz." in everything and "NOTIZ-6610" not in everything
    assert "(https://example.org/fahrplan)" in everything  # the print stylesheet's addresses
    assert {_size(page) for page in pages} == {A4_POINTS}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith((".", "proof"))] == [
        "proof.pdf"
    ]  # no temporary file left beside it


def test_letter_paper_on_request(qapp, tmp_path):
    out = export_pdf(german_article(), tmp_path / "letter.pdf", ExportOptions(paper="letter"))
    assert {_size(page) for page in _pages(out)} == {LETTER_POINTS}


def test_the_footer_cannot_break_out_of_its_css_string():
    hostile = 'Ende"; } body { display: none } </style><script>x()</script>\\'
    escaped = css_string(hostile)
    assert '"' not in escaped and "<" not in escaped and "\n" not in escaped
    assert escaped.count("\\") == 8  # one quote, three < and >, one backslash: hex
    article = german_article()
    article.headline, article.published = hostile, ""
    style = footer_style(article, "a4")
    assert "</style>" not in style.split("<style>", 1)[1].rsplit("</style>", 1)[0]


def _cli(args, tmp_path, **env):
    environment = {k: v for k, v in os.environ.items() if k != "QTWEBENGINE_DISABLE_SANDBOX"}
    environment.update(env)
    environment.pop("DISPLAY", None)
    environment.pop("WAYLAND_DISPLAY", None)
    environment.pop("QT_QPA_PLATFORM", None)  # the command line must find offscreen itself
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=180,
    )


def test_the_command_line_renders_without_a_display(tmp_path):
    create_project(tmp_path / "a.newsdesk", german_article()).close()
    done = _cli(
        ["export", "a.newsdesk", "-o", "a.pdf", "--paper", "letter"],
        tmp_path,
        QTWEBENGINE_DISABLE_SANDBOX="1",
    )
    assert done.returncode == 0, done.stderr
    # The engine's start-up chatter stays out of the answer (the check's warnings may be there).
    assert all(line.startswith("newsdesk: warning:") for line in done.stderr.splitlines())
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_as_root_with_the_sandbox_on_one_line_and_exit_2(tmp_path):
    create_project(tmp_path / "a.newsdesk", german_article()).close()
    done = _cli(["export", "a.newsdesk", "-o", "a.pdf"], tmp_path)
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if "newsdesk: warning:" not in line]
    assert len(errors) == 1 and "sandbox" in errors[0] and "Traceback" not in done.stderr
    assert not (tmp_path / "a.pdf").exists()


def test_poppler_reads_the_pdf_proof(tmp_path, qapp):
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        if os.environ.get("NEWSDESK_REQUIRE_TOOLS") == "1":
            pytest.fail("pdfinfo is missing; make test-formats installs poppler-utils")
        pytest.skip("pdfinfo is not installed (make test-formats installs poppler-utils)")
    out = export_pdf(german_article(), tmp_path / "proof.pdf", ExportOptions(paper="a4"))
    info = subprocess.run([pdfinfo, str(out)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info and "Syntax Error" not in info
    assert int(info.split("Pages:")[1].split()[0]) >= 2


def test_the_page_is_laid_out_at_the_papers_width_off_screen(qapp, tmp_path, monkeypatch):
    """Chromium lays a page out for the screen before printing it; in a view that was never
    shown the viewport is a few pixels wide and the 100,000-word article took 3x as long to
    print (docs/PERFORMANCE.md). The view is shown at the paper's width, never on screen."""
    from newsdesk.gui.printing import pdf_page

    seen = []
    real = pdf_page.give_page_a_screen

    def spy(view, paper):
        real(view, paper)
        off_screen = view.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        seen.append((paper, view.width(), view.isVisible(), off_screen))

    monkeypatch.setattr(pdf_page, "give_page_a_screen", spy)
    out = export_pdf(german_article(), tmp_path / "letter.pdf", ExportOptions(paper="letter"))
    assert _size(_pages(out)[0]) == LETTER_POINTS
    assert seen == [("letter", 816, True, True)]
