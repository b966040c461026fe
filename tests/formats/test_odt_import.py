"""OpenDocument text import (formats/odt_import.py): German and English documents written at test
time (tests/formats/odt_fixtures.py) arrive in their parts by the Word importer's rules; damaged,
encrypted, macro-laden and bomb-shaped files are refused with one line."""

from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage

from newsdesk.errors import ImportFormatError
from newsdesk.formats.importing import DOCUMENT_SUFFIXES, import_document
from newsdesk.formats.odt_import import import_odt
from tests.formats.odt_fixtures import content_xml, meta_xml, odt


def _png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (90, 60), (20, 120, 90)).save(out, "PNG")
    return out.getvalue()


GERMAN = """
<text:sequence-decls><text:sequence-decl text:display-outline-level="0"
  text:name="Illustration"/></text:sequence-decls>
<text:tracked-changes>
  <text:changed-region text:id="ct1"><text:insertion><office:change-info>
    <dc:creator>Redaktion</dc:creator></office:change-info></text:insertion></text:changed-region>
  <text:changed-region text:id="ct2"><text:deletion><office:change-info>
    <dc:creator>Redaktion</dc:creator></office:change-info>
    <text:p>Gestrichener Satz.</text:p></text:deletion></text:changed-region>
</text:tracked-changes>
<text:p text:style-name="P1">Stadtrat beschließt Nachtfähre nach Süderoog</text:p>
<text:p text:style-name="P2">Ein Probejahr beginnt im April</text:p>
<text:p text:style-name="Text_20_body">Der Rat hat am Donnerstag <text:span text:style-name="T1"
>mit großer Mehrheit</text:span> für eine <text:span text:style-name="T2">späte</text:span> Fähre
gestimmt.<text:change text:change-id="ct2"/> <text:change-start text:change-id="ct1"/>Neu
eingefügt.<text:change-end text:change-id="ct1"/> <text:span text:style-name="T3">Alt</text:span>
Mehr beim <text:a xlink:type="simple" xlink:href="https://example.org/faehre">Fährbetrieb</text:a
>.<office:annotation><dc:creator>Jörg</dc:creator><dc:date>2026-12-01T10:00:00</dc:date>
<text:p>Zahl mit dem Amt prüfen</text:p></office:annotation></text:p>
<text:p text:style-name="Standard"><draw:frame draw:name="Rahmen1" text:anchor-type="paragraph">
<draw:text-box><text:p text:style-name="Illustration"><draw:frame draw:name="Bild1"
text:anchor-type="as-char"><draw:image xlink:href="Pictures/faehre.png" xlink:type="simple"/>
<svg:title>Fähre</svg:title><svg:desc>Eine Fähre im Abendlicht</svg:desc></draw:frame
>Illustration <text:sequence text:ref-name="refIllustration0" text:name="Illustration"
style:num-format="1">1</text:sequence>: Die Fähre am Anleger in Holmvik.</text:p></draw:text-box>
</draw:frame></text:p>
<text:p text:style-name="Standard">Foto: Greta Thießen</text:p>
<text:h text:style-name="Heading_20_1" text:outline-level="1">Was der Fahrplan verspricht</text:h>
<text:p text:style-name="Text_20_body">Jörg Weißmüller erklärt die Halte<text:note text:id="ftn1"
text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>
<text:p>Fahrplanentwurf vom November.</text:p></text:note-body></text:note>:</text:p>
<text:list text:style-name="L1">
  <text:list-item><text:p>Holmvik</text:p>
    <text:list><text:list-item><text:p>mit Übergang</text:p></text:list-item></text:list>
  </text:list-item>
  <text:list-item><text:p>Sandøy</text:p></text:list-item>
</text:list>
<text:list text:style-name="L2">
  <text:list-item><text:p>Abfahrt prüfen</text:p></text:list-item>
  <text:list-item><text:p>Karte kaufen</text:p></text:list-item>
</text:list>
<text:p text:style-name="Quotations">Wir zählen jeden Fahrgast.</text:p>
<text:h text:style-name="Heading_20_3" text:outline-level="3">Einzelheiten</text:h>
<table:table table:name="Tabelle1"><table:table-column table:number-columns-repeated="2"/>
<table:table-header-rows><table:table-row>
  <table:table-cell><text:p>Abfahrt</text:p></table:table-cell>
  <table:table-cell><text:p>Ziel</text:p></table:table-cell>
</table:table-row></table:table-header-rows>
<table:table-row>
  <table:table-cell><text:p>23:30</text:p></table:table-cell>
  <table:table-cell><text:p>Süderoog | Hafen</text:p></table:table-cell>
</table:table-row></table:table>
<text:h text:style-name="Heading_20_1" text:outline-level="1">Kommentar: Eine Fähre ist kein
Luxus</text:h>
<text:p text:style-name="Text_20_body">Für die Inseln ist das Boot nach sieben Uhr eine
Bedingung.</text:p>
"""


def test_a_german_document_arrives_in_its_parts():
    data = odt(
        GERMAN,
        pictures={"faehre.png": _png()},
        meta=meta_xml("Vorlage", "Microsoft Office User", ("Fähre", "Inseln")),
    )
    result = import_odt(data, "artikel.odt")
    article = result.article
    assert article.headline == "Stadtrat beschließt Nachtfähre nach Süderoog"
    assert article.subheadline == "Ein Probejahr beginnt im April"
    assert article.language == "de"
    lead, timetable, opinion = article.sections
    assert "**mit großer Mehrheit**" in lead.markdown and "*späte*" in lead.markdown
    assert "~~Alt~~" in lead.markdown
    assert "[Fährbetrieb](https://example.org/faehre)" in lead.markdown
    assert "Neu eingefügt." in lead.markdown and "Gestrichener Satz" not in lead.markdown
    assert "<!-- Zahl mit dem Amt prüfen -->" in lead.markdown  # a private note
    (photo,) = article.images
    assert photo.has_photo and photo.alt == "Eine Fähre im Abendlicht"
    assert photo.caption == "Die Fähre am Anleger in Holmvik."
    assert photo.credit == "Greta Thießen"
    assert timetable.heading == "Was der Fahrplan verspricht"
    assert "Halte[^1]:" in timetable.markdown
    assert "[^1]: Fahrplanentwurf vom November." in timetable.markdown
    assert "- Holmvik\n    - mit Übergang\n- Sandøy" in timetable.markdown
    assert "1. Abfahrt prüfen\n2. Karte kaufen" in timetable.markdown
    assert "> Wir zählen jeden Fahrgast." in timetable.markdown
    assert "### Einzelheiten" in timetable.markdown
    assert "| Abfahrt | Ziel |\n|---|---|\n| 23:30 | Süderoog \\| Hafen |" in timetable.markdown
    assert (opinion.kind, opinion.label) == ("opinion", "Kommentar")
    assert opinion.heading == "Eine Fähre ist kein Luxus"
    codes = {note.code: note.params for note in result.notes}
    assert codes["import.tracked_insertions"]["count"] == 1
    assert codes["import.tracked_deletions"]["count"] == 1
    assert codes["import.comments_as_notes"]["count"] == 1
    assert codes["import.footnotes"]["count"] == 1
    assert "import.tables" in codes
    # "Vorlage" and "Microsoft Office User" are no suggestions; the keywords are.
    assert result.suggestions == {"tags": "Fähre, Inseln"}


def test_an_english_document_with_a_bold_first_line_and_properties():
    body = """
    <text:p text:style-name="P3">Council backs a night ferry</text:p>
    <text:p text:style-name="Text_20_body">The vote passed by eleven to four on Thursday.</text:p>
    <text:h text:outline-level="2">Opinion: A ferry is not a luxury</text:h>
    <text:p>A boat home after seven is the condition for a working life<text:s text:c="2"/>on
    the islands.<text:line-break/>Second line.</text:p>
    """
    result = import_odt(odt(body, meta=meta_xml("", "Priya Nair")), "ferry.odt")
    article = result.article
    assert article.headline == "Council backs a night ferry"
    assert article.language == "en"
    assert [s.heading for s in article.sections] == ["", "A ferry is not a luxury"]
    assert article.sections[1].kind == "opinion"
    assert "working life on the islands.\\\nSecond line." in article.sections[1].markdown
    assert any(note.code == "import.headline_from_bold_line" for note in result.notes)
    assert result.suggestions == {"byline": "Priya Nair"}


def test_a_picture_that_is_not_a_photo_becomes_a_missing_photo():
    body = """<text:p>Ein Bild, das kein Foto ist:</text:p>
    <text:p><draw:frame><draw:image xlink:href="Pictures/plan.svg"/><svg:desc>Plan</svg:desc>
    </draw:frame></text:p><text:p>Danach geht es weiter.</text:p>"""
    result = import_odt(odt(body, pictures={"plan.svg": b"<svg/>"}), "plan.odt")
    (picture,) = result.article.images
    assert not picture.has_photo and picture.alt == "Plan"
    assert any(note.code == "import.pictures_refused" for note in result.notes)


def test_import_document_reads_odt_by_its_suffix(tmp_path):
    assert ".odt" in DOCUMENT_SUFFIXES
    source = tmp_path / "kurz.odt"
    source.write_bytes(odt('<text:p text:style-name="P1">Kurz</text:p><text:p>Ein Satz.</text:p>'))
    assert import_document(source).article.headline == "Kurz"


_DEEP = "<text:span>" * 300 + "tief" + "</text:span>" * 300


@pytest.mark.parametrize(
    ("name", "make", "code"),
    [
        ("damaged", lambda: odt("<text:p>Text</text:p>")[:-100], "import.odt_damaged"),
        ("no-zip", lambda: b"PK\x03\x04 no zip at all" * 30, "import.odt_damaged"),
        (
            "spreadsheet",
            lambda: odt(
                "<text:p>x</text:p>", mimetype="application/vnd.oasis.opendocument.spreadsheet"
            ),
            "import.odt_damaged",
        ),
        (
            "broken-xml",
            lambda: odt("", content_xml="<office:document-content><unclosed>"),
            "import.odt_damaged",
        ),
        (
            "encrypted",
            lambda: odt(
                "<text:p>x</text:p>",
                extra={"META-INF/manifest.xml": "<manifest:encryption-data/>"},
            ),
            "import.odt_encrypted",
        ),
        (
            "macros",
            lambda: odt("<text:p>x</text:p>", extra={"Basic/Standard/Module1.xml": "<x/>"}),
            "import.odt_macros",
        ),
        (
            "entities",
            lambda: odt(
                "",
                content_xml='<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>',
            ),
            "import.docx_too_large",
        ),
        ("too-deep", lambda: odt(f"<text:p>{_DEEP}</text:p>"), "import.odt_too_complex"),
        ("empty", lambda: odt(""), "import.docx_empty"),
    ],
)
def test_hostile_and_empty_documents_are_refused_with_one_line(name, make, code):
    with pytest.raises(ImportFormatError) as refused:
        import_odt(make(), f"{name}.odt")
    assert refused.value.code == code
    assert "\n" not in str(refused.value) and f"{name}.odt" in str(refused.value)


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content_xml("<text:p>" + "a" * 40_000_000 + "</text:p>"))
    with pytest.raises(ImportFormatError) as refused:
        import_odt(out.getvalue(), "bomb.odt")
    assert refused.value.code == "import.docx_too_large"
