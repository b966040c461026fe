"""The printed proof (Chromium's print to PDF, A4, the page's own print stylesheet): every link
shows its address, boxes included; figures take at most a third of the page and sit beside the
text, so a chart-heavy article does not print one chart a page; a missing photo leaves no
caption behind (issue 15)."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image as PILImage
from pypdf import PdfReader

from newsdesk.formats.html_export import export_html
from newsdesk.model.article import Article, Image, Section
from tests.standards.tools import chromium_driver, tools_folder

A4_CM = (21.0, 29.7)
POINTS_PER_CM = 72 / 2.54


def _chart(seed: int) -> bytes:
    chart = PILImage.new("RGB", (1200, 800), "white")
    for n in range(5):
        height = 100 + (seed * 37 + n * 91) % 600
        chart.paste((30, 90, 160), (100 + n * 200, 780 - height, 220 + n * 200, 780))
    buffer = io.BytesIO()
    chart.save(buffer, "PNG")
    return buffer.getvalue()


def _chart_article() -> Article:
    paragraph = (
        "Die Zahl der Fahrgäste ist im dritten Jahr in Folge gestiegen, vor allem auf den "
        "Linien in die Außenbezirke, wo neue Wohngebiete entstanden sind. "
    ) * 3
    charts = [
        Image(
            id=f"chart{n}",
            role="inline",
            data=_chart(n),
            width=1200,
            height=800,
            caption=f"Fahrgäste Linie {n + 1}",
            alt=f"Balkendiagramm der Linie {n + 1}",
            credit="Grafik: Stadtwerke",
        )
        for n in range(6)
    ]
    missing = Image(
        id="fehlt",
        role="lead",
        caption="Kein Foto: Hafenkran Süd",
        credit="Ute Groß",
        alt="Ein Kran",
    )
    body = "\n\n".join(f"{paragraph}\n\n![](image:chart{n})" for n in range(6))
    return Article(
        headline="Busse so voll wie nie",
        language="de",
        sections=[
            Section(
                markdown=f"Mehr im [Geschäftsbericht](https://stadtwerke.example/bericht).\n\n{body}"
            ),
            Section(
                heading="Service",
                kind="box",
                markdown="Fahrplan: [online](https://stadtwerke.example/fahrplan)",
            ),
        ],
        images=[missing, *charts],
    )


@pytest.fixture(scope="module")
def proof(tmp_path_factory) -> PdfReader:
    tools_folder()
    page = tmp_path_factory.mktemp("print") / "busse.html"
    export_html(_chart_article(), page, missing_images="placeholder")
    driver = chromium_driver()
    try:
        from selenium.webdriver.common.print_page_options import PrintOptions

        options = PrintOptions()
        options.page_width, options.page_height = A4_CM
        options.background = False
        driver.get(page.as_uri())
        pdf = driver.print_page(options)
    finally:
        driver.quit()
    return PdfReader(io.BytesIO(base64.b64decode(pdf)))


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_every_link_prints_its_address(proof):
    text = _text(proof).replace(" ", "")
    assert "(https://stadtwerke.example/bericht)" in text
    assert "(https://stadtwerke.example/fahrplan)" in text  # in a box, too


def test_a_missing_photo_prints_no_caption(proof):
    assert "Hafenkran" not in _text(proof)


def test_six_charts_print_on_few_pages(proof):
    # Six charts of 1200 x 800 at full text width (17 cm wide, 11 cm tall) took six pages and
    # more; at most a third of the page and beside the text they take three.
    assert len(proof.pages) <= 3, len(proof.pages)
