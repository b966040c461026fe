"""Word export: styles, runs, links, lists, tables, photos and properties, read back with
python-docx (LibreOffice's own check runs in `make test-formats`: tests/formats/test_with_tools.py).
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from PIL import Image as PILImage

from newsdesk.errors import ExportError
from newsdesk.formats.docx_export import docx_bytes, export_docx
from newsdesk.model.article import Article, Section
from tests.formats.html_export_fixtures import german_article

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _document(article: Article, **options) -> docx.document.Document:
    return docx.Document(io.BytesIO(docx_bytes(article, **options)))


def _styled(document) -> list[tuple[str, str]]:
    # Dates keep their no-break spaces (html_labels); compared here as plain spaces.
    return [
        (p.style.name, p.text.replace("\xa0", " ")) for p in document.paragraphs if p.text.strip()
    ]


def document_header(article: Article) -> str:
    header = _document(article).sections[0].header
    return " ".join(p.text for p in header.paragraphs).replace("\xa0", " ")


def test_word_styles_carry_the_articles_structure():
    styled = _styled(_document(german_article()))
    assert styled[:2] == [
        ("Title", "Stadtrat beschließt Nachtbus-Versuch für die Außenbezirke"),
        ("Subtitle", "Ab März fahren drei Linien bis zwei Uhr morgens"),
    ]
    header = document_header(german_article())
    assert (
        header == "Verkehr · Von Jana Korte und Malte Ries · Kassel · 14. Februar 2024, 18:30 Uhr"
    )
    assert ("Heading 1", "Was sich ändert") in styled
    assert ("Heading 2", "Die Kosten") in styled  # the nested section
    assert ("List Bullet", "Linie N1 über den Hauptbahnhof") in styled
    # An opinion section's label stands before its heading, as the importers read it back.
    assert ("Heading 1", "Kommentar: Ein überfälliger Schritt") in styled
    assert styled[-4:] == [
        ("Heading 1", "Mehr aus Kassel"),
        ("List Bullet", "Neue Radwege am Ring"),
        ("List Bullet", "Streit um Parkgebühren geht weiter"),
        ("List Bullet", "Gewinnspiel"),
    ]


def test_photos_with_caption_credit_copyright_and_notice_under_them():
    document = _document(german_article())
    assert len(document.inline_shapes) == 2
    captions = [
        p.text.replace("\xa0", " ") for p in document.paragraphs if p.style.name == "Caption"
    ]
    assert captions == [
        "Ein Linienbus wartet nachts an der Haltestelle Rathaus.\n"
        "Foto: Lena Vogt · © 2024 Stadtwerke Kassel\n"
        "Symbolbild: Das Foto zeigt einen Bus einer anderen Linie und dient nur der "
        "Veranschaulichung.",
        "Die drei geplanten Nachtlinien\nGrafik: Redaktion",
    ]
    description = document.inline_shapes[0]._inline.docPr.get("descr")
    assert description == "Ein beleuchteter Linienbus an einer leeren Haltestelle bei Nacht"
    # The picture is the web size, upright and without the camera's EXIF.
    blob = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    data = document.part.related_parts[blob].blob
    with PILImage.open(io.BytesIO(data)) as picture:
        assert picture.width == 1600 and not picture.getexif()


def test_emphasis_links_quotes_nested_lists_and_tables():
    article = Article(
        headline="Der Hafen",
        language="de",
        sections=[
            Section(
                markdown=(
                    "Ein **fetter**, *kursiver* und ~~alter~~ Satz mit [Link](https://example.org/x)."
                    "\n\n> Ein Zitat der Bürgermeisterin.\n\n"
                    "1. Erstens\n    - darunter\n        - tiefer\n2. Zweitens\n\n"
                    "| Linie | Takt |\n|---|--:|\n| N1 | **60** min |\nTable: Fahrplan ab März"
                )
            )
        ],
    )
    document = _document(article)
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Ein "))
    runs = {run.text: run for run in paragraph.runs}
    assert runs["fetter"].bold and runs["kursiver"].italic and runs["alter"].font.strike
    links = paragraph._p.findall(f"{_W}hyperlink")
    assert len(links) == 1 and "".join(t.text for t in links[0].iter(f"{_W}t")) == "Link"
    assert document.part.rels[links[0].get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    )].target_ref == "https://example.org/x"  # fmt: skip
    styled = _styled(document)
    assert ("Quote", "Ein Zitat der Bürgermeisterin.") in styled
    items = [p for p in document.paragraphs if p.style.name.startswith("List")]
    levels = [(p.style.name, p._p.pPr.numPr.ilvl.val, p.text) for p in items]
    assert levels == [
        ("List Number", 0, "Erstens"),
        ("List Bullet", 1, "darunter"),
        ("List Bullet", 2, "tiefer"),
        ("List Number", 0, "Zweitens"),
    ]
    (table,) = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Linie", "Takt"],
        ["N1", "60 min"],
    ]
    assert table.rows[1].cells[1].paragraphs[0].alignment == 2  # right, as the rule says
    assert ("Caption", "Fahrplan ab März") in styled


def test_document_properties():
    properties = _document(german_article()).core_properties
    assert properties.title == "Stadtrat beschließt Nachtbus-Versuch für die Außenbezirke"
    assert properties.author == "Von Jana Korte und Malte Ries"
    assert properties.subject == "Ab März fahren drei Linien bis zwei Uhr morgens"
    assert properties.keywords == "Verkehr, Kassel, Nahverkehr"
    assert properties.language == "de"
    assert properties.created.isoformat().startswith("2024-02-14T17:30")


def test_private_notes_and_script_links_are_never_written():
    article = german_article()
    article.sections[0].markdown += "\n\n<!-- NOTIZ-8842: Quelle B schützen -->\n\nEnde."
    article.images[0].caption += " <!-- NOTIZ-8842 -->"
    data = docx_bytes(article)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            content = archive.read(name)
            assert b"NOTIZ-8842" not in content and b"javascript:" not in content, name


def test_control_characters_and_broken_surrogates_still_make_a_valid_file():
    article = Article(
        headline="Kaputt\x07 \ud800 Zeichen",
        sections=[Section(heading="Teil\x01", markdown="Text\x0b mit \ud83d Rest.")],
    )
    document = _document(article)
    assert document.paragraphs[0].text == "Kaputt \ufffd Zeichen"


def test_written_atomically_and_refused_into_a_missing_folder(tmp_path):
    out = export_docx(german_article(), tmp_path / "a.docx")
    assert zipfile.is_zipfile(out) and sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]
    with pytest.raises(ExportError) as caught:
        export_docx(german_article(), tmp_path / "nowhere" / "a.docx")
    assert caught.value.code == "export.no_folder"


def test_no_photo_credits_leaves_the_pictures_bare():
    document = _document(german_article(), photo_credits=False)
    blob = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert b"ns.adobe.com" not in document.part.related_parts[blob].blob
    credited = _document(german_article())
    blob = credited.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert b"Lena Vogt" in credited.part.related_parts[blob].blob
