"""Word import: the lines under a picture (caption, credit, notice) go back to their own fields
(formats/photo_caption_lines.py), whether they are one Caption paragraph with line breaks (our
own export's shape) or paragraphs of their own typed under the picture. Fixtures are made with
python-docx at test time, in German and English."""

from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage

from newsdesk.formats.docx_import import import_docx
from newsdesk.formats.photo_caption_lines import line_kind, take_lines
from newsdesk.model.article import Image

docx = pytest.importorskip("docx", reason="python-docx makes the Word fixtures")
from docx.enum.text import WD_BREAK  # noqa: E402
from docx.shared import Inches  # noqa: E402


def _jpeg() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (80, 60), (120, 60, 20)).save(out, "JPEG")
    return out.getvalue()


def _saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _document_with_picture(title: str, lead: str):
    document = docx.Document()
    document.add_paragraph(title, style="Title")
    document.add_paragraph(lead)
    document.add_picture(io.BytesIO(_jpeg()), width=Inches(2))
    return document


def test_german_caption_credit_and_notice_typed_as_paragraphs():
    document = _document_with_picture(
        "Neue Bänke am Deich", "Die Gemeinde hat zwölf Bänke am Deichweg aufgestellt."
    )
    document.add_paragraph("Eine der neuen Bänke bei Ebbe.", style="Caption")
    document.add_paragraph("Foto: Greta Thießen")
    document.add_paragraph("Symbolbild: Die Bank auf dem Foto steht an einem anderen Deich.")
    document.add_paragraph("Die Bänke wurden aus Spenden bezahlt.")
    article = import_docx(_saved(document), "baenke.docx").article
    (photo,) = article.images
    assert photo.caption == "Eine der neuen Bänke bei Ebbe."
    assert photo.credit == "Greta Thießen"
    assert photo.symbolic is True
    assert photo.disclaimer == "Die Bank auf dem Foto steht an einem anderen Deich."
    body = "\n".join(s.markdown for s in article.sections)
    assert "Foto:" not in body and "Symbolbild" not in body
    assert "Die Bänke wurden aus Spenden bezahlt." in body


def test_english_caption_with_line_breaks_and_copyright():
    document = _document_with_picture(
        "Harbour crane comes down", "The old crane was taken apart on Monday morning."
    )
    caption = document.add_paragraph("The crane's last lift.", style="Caption")
    caption.add_run().add_break(WD_BREAK.LINE)
    caption.add_run("Photo: Sam Okafor · © Port Authority")
    caption.add_run().add_break(WD_BREAK.LINE)
    caption.add_run("Illustrative image").bold = True
    document.add_paragraph("A new crane arrives in spring.")
    article = import_docx(_saved(document), "crane.docx").article
    (photo,) = article.images
    assert (photo.caption, photo.credit, photo.copyright) == (
        "The crane's last lift.",
        "Sam Okafor",
        "Port Authority",
    )
    assert photo.symbolic is True and photo.disclaimer == ""


def test_a_credit_line_that_is_not_under_a_picture_stays_text():
    document = docx.Document()
    document.add_paragraph("Ausstellung im Rathaus", style="Title")
    document.add_paragraph("Foto: Wer ein Bild einreichen will, hat bis Freitag Zeit.")
    article = import_docx(_saved(document), "ausstellung.docx").article
    assert article.images == []
    assert "Wer ein Bild einreichen will" in article.sections[0].markdown


def test_a_second_credit_paragraph_is_text_not_a_second_credit():
    document = _document_with_picture("Markt am Samstag", "Der Wochenmarkt zieht auf den Platz.")
    document.add_paragraph("Bild: Jonas Prieß")
    document.add_paragraph("Bild: Die Stände stehen ab sieben Uhr.")
    article = import_docx(_saved(document), "markt.docx").article
    (photo,) = article.images
    assert photo.credit == "Bild: Jonas Prieß"  # a label the page keeps as written
    assert "Die Stände stehen ab sieben Uhr." in article.sections[0].markdown


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Foto: Ada Berg", "credit"),
        ("Photo: Ada Berg · © dpa", "credit"),
        ("© 2026 Hafenamt", "credit"),
        ("Quelle: Stadtarchiv", "credit"),
        ("Symbolbild", "notice"),
        ("Archivbild: Die Aufnahme stammt von 2019.", "notice"),
        ("Illustrative image: the scene was staged.", "notice"),
        ("[Foto fehlt]", "missing"),
        ("Fotografen warten vor dem Rathaus.", "caption"),
        ("Photographers wait outside city hall", "caption"),
    ],
)
def test_line_kinds(line, kind):
    assert line_kind(line) == kind


def test_an_archive_notice_keeps_its_own_label_and_filled_fields_are_not_overwritten():
    image = Image(caption="Der Hafen 2019")
    assert take_lines(image, ["Archivbild: Aufnahme vom Sommer 2019"])
    assert image.disclaimer == "Archivbild: Aufnahme vom Sommer 2019" and image.symbolic
    assert not take_lines(image, ["Ein zweiter Bildtext"])
    assert not take_lines(image, ["Symbolbild: noch einer"])
    assert image.caption == "Der Hafen 2019"
