"""File > Print…: the proof page goes to a printer; here a QPrinter writing a PDF file (no dialog),
whose pages pypdf counts and measures against the PDF proof of the same article."""

from __future__ import annotations

import io

import pypdf
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from newsdesk.formats.exporters import ExportOptions
from newsdesk.gui.printing import export_pdf
from newsdesk.gui.printing.print_article import MAX_PRINT_DPI, paper_of, print_article
from newsdesk.model.article import Article, Section
from tests.formats.html_export_fixtures import german_article

A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)


def pdf_printer(path, size=QPageSize.PageSizeId.A4) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(size))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def pages(path) -> list:
    return list(pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


def size(page) -> tuple[int, int]:
    return round(float(page.mediabox.width)), round(float(page.mediabox.height))


def long_article() -> Article:
    article = german_article()
    article.sections.append(
        Section(heading="Chronik", markdown="\n\n".join(["Die Fähre über die Förde fuhr."] * 120))
    )
    return article


def test_the_print_has_as_many_pages_as_the_pdf_proof(qapp, tmp_path):
    article = long_article()
    proof = tmp_path / "proof.pdf"
    export_pdf(article, proof, ExportOptions(paper="a4", missing_images="placeholder"))
    printed = tmp_path / "printed.pdf"
    printer = pdf_printer(printed)
    print_article(article, printer)
    assert len(pages(proof)) >= 2
    assert len(pages(printed)) == len(pages(proof))
    assert {size(page) for page in pages(printed)} == {A4_POINTS}
    assert printer.resolution() <= MAX_PRINT_DPI  # a 1200 dpi raster would take a minute


def test_letter_paper_follows_the_printer(qapp, tmp_path):
    printed = tmp_path / "letter.pdf"
    printer = pdf_printer(printed, QPageSize.PageSizeId.Letter)
    assert paper_of(printer) == "letter"
    print_article(Article(headline="Brief", sections=[Section(markdown="Kurz.")]), printer)
    assert {size(page) for page in pages(printed)} == {LETTER_POINTS}
