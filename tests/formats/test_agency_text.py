"""Agency text: the plain-text shape `newsdesk import` reads, written from an article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from newsdesk.errors import ExportError
from newsdesk.formats.agency_text import agency_text, export_agency_text
from newsdesk.formats.text_import import import_plain_text
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from tests.formats.export_compare import image_parts, link_parts, section_parts
from tests.formats.html_export_fixtures import german_article
from tests.formats.test_import_text import _shaped_articles


def _same_text_parts(before: Article, after: Article) -> None:
    assert (after.headline, after.subheadline, after.byline) == (
        before.headline,
        before.subheadline,
        before.byline,
    )
    assert section_parts(after) == section_parts(before)
    assert image_parts(after, ("role", "credit", "disclaimer", "symbolic")) == image_parts(
        before, ("role", "credit", "disclaimer", "symbolic")
    )
    assert link_parts(after) == link_parts(before)


@settings(max_examples=40, deadline=None)
@given(_shaped_articles())
def test_generated_articles_come_back_from_their_agency_text(shaped):
    _parts, lines = shaped
    article = import_plain_text("\n".join(lines))
    _same_text_parts(article, import_plain_text(agency_text(article)))


@settings(max_examples=40, deadline=None)
@given(_shaped_articles())
def test_wrapped_agency_text_comes_back_the_same(shaped):
    _parts, lines = shaped
    article = import_plain_text("\n".join(lines))
    text = agency_text(article, width=72)
    lines = text.split("\n")
    assert all(len(line) <= 72 or line.startswith(("- ", "<<")) for line in lines)
    _same_text_parts(article, import_plain_text(text))


def test_the_shape_of_a_german_article():
    text = agency_text(german_article())
    lines = text.split("\n")
    assert lines[:10] == [
        "Stadtrat beschließt Nachtbus-Versuch für die Außenbezirke",
        "",
        "Ab März fahren drei Linien bis zwei Uhr morgens",
        "",
        "Von Jana Korte und Malte Ries",
        "",
        "<< photo by Lena Vogt >>",
        "Das Foto zeigt einen Bus einer anderen Linie und dient nur der Veranschaulichung.",
        "",
        "Nach monatelanger Debatte hat der Stadtrat am Mittwochabend mit knapper Mehrheit einen "
        "Versuch mit Nachtbussen beschlossen. Drei Linien sollen die Außenbezirke künftig auch "
        "nach Mitternacht anbinden.",
    ]
    # Links keep their address in plain text; a list is not mistaken for the related links.
    assert "Details stehen im Fahrplan (https://example.org/fahrplan)." in lines
    assert "– Linie N1 über den Hauptbahnhof" in lines
    assert "<< photo by Grafik: Redaktion >>" in lines  # the inline photo where it stands
    assert text.endswith(  # a script address is not passed on
        "Mehr aus Kassel:\n- Neue Radwege am Ring https://example.org/radwege\n"
        "- Streit um Parkgebühren geht weiter\n- Gewinnspiel\n"
    )


def test_tables_and_source_notes_become_lines_and_private_notes_vanish():
    article = Article(
        headline="Wahlergebnis in Würzburg",
        language="de",
        sections=[
            Section(
                markdown=(
                    "Die Stimmen im Überblick[^1]. <!-- GEHEIM-7731: Zahl noch prüfen -->\n\n"
                    "| Partei | Anteil |\n|---|---:|\n| Grüne | 31 % |\n| SPD | 22 % |\n"
                    "Table: Ergebnis nach Auszählung\n\n"
                    "<!--\nmehrzeilige Notiz GEHEIM-7731\n-->\n\n"
                    "[^1]: Wahlamt der Stadt, vorläufig."
                )
            )
        ],
    )
    text = agency_text(article)
    assert "GEHEIM-7731" not in text and "<!--" not in text
    assert "Partei | Anteil\nGrüne | 31 %\nSPD | 22 %\nErgebnis nach Auszählung" in text
    assert "Die Stimmen im Überblick[1]." in text
    assert "[1] Wahlamt der Stadt, vorläufig." in text


def test_english_byline_and_a_photo_without_credit():
    article = Article(
        headline="Ferry back in service",
        byline="Sam Okafor",
        sections=[Section(markdown="The ferry runs again from Monday.")],
        images=[Image(role="lead")],
        related=RelatedLinks(links=[RelatedLink("Timetable", "https://example.org/t")]),
    )
    text = agency_text(article)
    assert text.startswith("Ferry back in service\n\nBy Sam Okafor\n\n<< photo >>\n\n")
    # No heading given: the language's label closes the article, so the list is read back.
    assert text.endswith("Related:\n- Timetable https://example.org/t\n")
    again = import_plain_text(text)
    assert again.byline == "Sam Okafor" and again.images[0].credit == ""


@pytest.mark.parametrize("width", [0, 29, 101])
def test_a_line_width_out_of_range_is_refused(width):
    with pytest.raises(ExportError) as caught:
        agency_text(german_article(), width=width)
    assert caught.value.code == "export.line_width"


def test_written_as_utf8_without_bom(tmp_path):
    out = export_agency_text(german_article(), tmp_path / "a.txt")
    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert "Außenbezirke".encode() in data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
