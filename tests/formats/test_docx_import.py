"""Word import of our own documents, made with python-docx at test time (no committed binaries):
English and German articles with every construct the issue maps, a Google Docs-shaped export
(direct formatting, no Title style) and a document with tracked changes."""

from __future__ import annotations

import copy
import io

import pytest
from PIL import Image as PILImage

from newsdesk.errors import ImportFormatError
from newsdesk.formats.docx_import import import_docx

docx = pytest.importorskip("docx", reason="python-docx makes the Word fixtures")
from docx.enum.text import WD_COLOR_INDEX  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Inches  # noqa: E402


def _jpeg(width: int = 64, height: int = 48) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), (30, 90, 160)).save(out, "JPEG")
    return out.getvalue()


def _saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _hyperlink(paragraph, text: str, url: str) -> None:
    part = paragraph.part
    rel = part.relate_to(
        url,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    link = paragraph._p.makeelement(qn("w:hyperlink"), {qn("r:id"): rel})
    run = paragraph.add_run(text)._r
    link.append(run)
    paragraph._p.append(link)


def _german_article() -> bytes:
    document = docx.Document()
    document.core_properties.author = "Microsoft Office User"
    document.core_properties.title = "Vorlage Pressemitteilung"
    document.add_paragraph("Stadtrat beschließt Nachtfähre nach Süderoog", style="Title")
    document.add_paragraph("Ein Probejahr beginnt im April", style="Subtitle")
    lead = document.add_paragraph("Der Rat der Gemeinde hat am Donnerstag ")
    lead.add_run("mit großer Mehrheit").bold = True
    lead.add_run(" für eine ")
    lead.add_run("späte").italic = True
    lead.add_run(" Fähre gestimmt. ")
    lead.add_run("Gestrichen").font.strike = True
    lead.add_run(" Mehr beim ")
    _hyperlink(lead, "Fährbetrieb", "https://example.org/faehre")
    lead.add_run(".")
    document.add_picture(io.BytesIO(_jpeg()), width=Inches(2))
    document.inline_shapes[0]._inline.docPr.set("descr", "Eine Fähre im Abendlicht")
    document.add_paragraph("Die Fähre am Anleger in Holmvik.", style="Caption")
    document.add_heading("Was der Fahrplan verspricht", level=1)
    document.add_paragraph("Jörg Weißmüller erklärt die Halte:")
    document.add_paragraph("Holmvik", style="List Bullet")
    document.add_paragraph("Sandøy mit Übergang", style="List Bullet")
    document.add_paragraph("Ytterskär", style="List Number")
    document.add_paragraph("Wir zählen jeden Fahrgast.", style="Quote")
    document.add_heading("Einzelheiten", level=3)
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {
        (0, 0): "Abfahrt",
        (0, 1): "Ziel",
        (1, 0): "23:30",
        (1, 1): "Süderoog | Hafen",
    }.items():
        table.cell(row, col).text = text
    document.add_heading("Kommentar: Eine Fähre ist kein Luxus", level=1)
    document.add_paragraph("Für die Inseln ist das Boot nach sieben Uhr eine Bedingung.")
    return _saved(document)


def test_a_german_article_arrives_in_its_parts():
    result = import_docx(_german_article(), "artikel.docx")
    article = result.article
    assert article.headline == "Stadtrat beschließt Nachtfähre nach Süderoog"
    assert article.subheadline == "Ein Probejahr beginnt im April"
    assert article.language == "de"
    lead, timetable, opinion = article.sections
    assert lead.heading == "" and "**mit großer Mehrheit**" in lead.markdown
    assert "*späte*" in lead.markdown and "~~Gestrichen~~" in lead.markdown
    assert "[Fährbetrieb](https://example.org/faehre)" in lead.markdown
    assert timetable.heading == "Was der Fahrplan verspricht"
    # (nesting: the corpus test counts the items of pandoc's nested-list documents)
    assert "- Holmvik\n- Sandøy mit Übergang" in timetable.markdown
    assert "1. Ytterskär" in timetable.markdown
    assert "> Wir zählen jeden Fahrgast." in timetable.markdown
    assert "### Einzelheiten" in timetable.markdown
    assert "| Abfahrt | Ziel |\n|---|---|\n| 23:30 | Süderoog \\| Hafen |" in timetable.markdown
    # The prefix word sets the kind and the label shown; the heading keeps the rest (issue 17.14).
    assert opinion.kind == "opinion" and opinion.label == "Kommentar"
    assert opinion.heading == "Eine Fähre ist kein Luxus"
    (photo,) = article.images
    assert photo.has_photo and photo.alt == "Eine Fähre im Abendlicht"
    assert photo.caption == "Die Fähre am Anleger in Holmvik."
    assert any(n.code == "import.tables" for n in result.notes)
    # The template's title and "Microsoft Office User" are no suggestions, let alone the byline.
    assert article.byline == "" and result.suggestions == {}


def test_an_english_article_offers_its_properties_and_never_fills_them():
    document = docx.Document()
    document.core_properties.author = "Priya Nair"
    document.core_properties.keywords = "ferries, islands"
    document.add_heading("Council backs a night ferry", level=1)
    document.add_paragraph("The vote passed by eleven to four.")
    document.add_heading("Opinion: A ferry is not a luxury", level=2)
    document.add_paragraph("A boat home after seven is the condition for a working life.")
    result = import_docx(_saved(document), "story.docx")
    assert result.article.headline == "Council backs a night ferry"
    assert result.article.byline == "" and result.article.tags == []
    assert result.suggestions == {"byline": "Priya Nair", "tags": "ferries, islands"}
    assert [s.kind for s in result.article.sections] == ["body", "opinion"]


def test_a_google_docs_export_with_direct_formatting_only():
    """Google Docs writes no Title style when the writer just made the first line big and bold."""
    document = docx.Document()
    first = document.add_paragraph()
    first.add_run("Harbour wall vote delayed").bold = True
    body = document.add_paragraph("The council postponed the vote to January.")
    body.runs[0].font.highlight_color = WD_COLOR_INDEX.YELLOW  # look only: never imported
    indented = document.add_paragraph("We need more time, the mayor said.")
    indented.paragraph_format.left_indent = Inches(0.5)
    result = import_docx(_saved(document), "Harbour wall - Google Docs.docx")
    assert result.article.headline == "Harbour wall vote delayed"
    assert result.article.sections[0].markdown == (
        "The council postponed the vote to January.\n\n> We need more time, the mayor said."
    )
    assert any(n.code == "import.headline_from_bold_line" for n in result.notes)


def _tracked(paragraph, kind: str, text: str, change_id: int) -> None:
    """Wrap a new run in <w:ins> or <w:del> (python-docx has no API for tracked changes)."""
    run = copy.deepcopy(paragraph.add_run(text)._r)
    paragraph._p.remove(paragraph.runs[-1]._r)
    if kind == "del":
        for t in run.findall(qn("w:t")):
            t.tag = qn("w:delText")
    change = paragraph._p.makeelement(
        qn(f"w:{kind}"), {qn("w:id"): str(change_id), qn("w:author"): "Desk"}
    )
    change.append(run)
    paragraph._p.append(change)


def test_tracked_changes_insertions_accepted_deletions_dropped_and_counted():
    document = docx.Document()
    document.add_paragraph("Ferry vote", style="Title")
    paragraph = document.add_paragraph("The council voted ")
    _tracked(paragraph, "del", "against ", 1)
    _tracked(paragraph, "ins", "for ", 2)
    paragraph.add_run("the trial")
    _tracked(paragraph, "ins", " on Thursday", 3)
    paragraph.add_run(".")
    result = import_docx(_saved(document), "tracked.docx")
    assert result.article.sections[0].markdown == "The council voted for the trial on Thursday."
    messages = [n.message for n in result.notes]
    assert "2 tracked insertions were accepted" in messages
    assert "1 tracked deletion was applied (the deleted text is gone)" in messages


def test_word_comments_become_private_notes_in_place(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("The operator wants a subsidy.")
    if not hasattr(document, "add_comment"):
        pytest.skip("this python-docx cannot write comments (needs 1.2)")
    document.add_comment(paragraph.runs, text="Check the figure -- with finance", author="Desk")
    result = import_docx(_saved(document), "comments.docx")
    markdown = result.article.sections[0].markdown
    assert markdown.startswith("The operator wants a subsidy.")
    assert "<!-- Check the figure – with finance -->" in markdown
    assert any(n.code == "import.comments_as_notes" for n in result.notes)


def test_a_picture_that_is_no_photo_becomes_a_missing_photo_not_a_refusal():
    document = docx.Document()
    document.add_paragraph("Text before the picture.")
    gif = io.BytesIO()
    PILImage.new("RGB", (8, 8)).save(gif, "GIF")
    document.add_picture(io.BytesIO(gif.getvalue()))
    result = import_docx(_saved(document), "gif.docx")
    (image,) = result.article.images
    assert not image.has_photo and image.role == "inline"
    assert f"![](image:{image.id})" in result.article.sections[0].markdown
    assert any(n.code == "import.pictures_refused" for n in result.notes)


def test_an_empty_and_a_picture_only_document_are_refused_with_one_line():
    with pytest.raises(ImportFormatError) as empty:
        import_docx(_saved(docx.Document()), "leer.docx")
    assert empty.value.code == "import.docx_empty"
    document = docx.Document()
    document.add_picture(io.BytesIO(_jpeg()))
    with pytest.raises(ImportFormatError) as pictures:
        import_docx(_saved(document), "bilder.docx")
    assert pictures.value.code == "import.docx_no_text"
