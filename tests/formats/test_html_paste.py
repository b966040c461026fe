"""Rich paste: the clipboard HTML of Word, LibreOffice and Google Docs (fixtures written here in
each program's shape) read by the import's HTML reader into the article's Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.formats.html_paste import markdown_from_clipboard_html

FIXTURES = Path(__file__).parent / "paste_fixtures"


def pasted(name: str) -> str:
    markdown, _start, _end = markdown_from_clipboard_html((FIXTURES / name).read_text("utf-8"))
    return markdown


def test_word_keeps_headings_emphasis_links_nested_lists_quotes_and_tables():
    markdown = pasted("word.html")
    assert markdown.startswith("### Nachtfähre nach Larsby\n\n### Was der Rat beschloss\n\n")
    assert "mit **14 zu 3** Stimmen die *Rückkehr* der Fähre" in markdown
    assert "[das Ratsprotokoll](https://example.org/rat)" in markdown
    assert "- Abfahrt um 23 Uhr\n    - auch sonntags\n- Rückfahrt um 5 Uhr" in markdown
    assert "> *„Endlich fährt sie wieder“, sagt Jürgen Weiß.*" in markdown
    assert "| **Abfahrt** | **Hafen** |\n|---|---|\n| 23:00 | Kelby Süd |" in markdown
    # Word's furniture never arrives: styles, fonts, list markers, conditional comments.
    for left_out in ("MsoNormal", "Calibri", "·", "supportLists", "o:p", "#C00000"):
        assert left_out not in markdown


def test_google_docs_emphasis_said_by_css_and_its_bold_wrapper():
    markdown = pasted("google_docs.html")
    assert markdown.startswith("### Harbour cranes stay\n\nThe port board voted on Monday")
    # The wrapper <b style="font-weight:normal"> makes nothing bold; font-weight:700 does.
    assert (
        "to keep **all three** *cranes* ~~two~~, says [the board](https://example.org/board)."
        in markdown
    )
    assert markdown.count("**") == 2
    assert "1. Crane one\n2. Crane two" in markdown
    assert "| Crane | Tonnes |\n|---|---|\n| North | 40 |" in markdown
    assert "\\" not in markdown  # the <br> between blocks is no line of its own


def test_libreoffice_lists_quotes_and_no_pictures():
    markdown = pasted("libreoffice.html")
    assert markdown.startswith("### Straßenbahn fährt bis Oststadt\n\n")
    assert "wird **ab Mai** verlängert, sagt *Dörte Groß* vom [Verkehrsamt]" in markdown
    assert (
        "- drei neue Haltestellen\n    - eine am Schlossplatz\n- Takt alle zehn Minuten" in markdown
    )
    assert "> „Wir haben lange gewartet“, sagt ein Anwohner." in markdown
    assert markdown.endswith("Nach dem Bild.")
    assert "lu1234" not in markdown and "Bild1" not in markdown


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<h1>Top</h1>", "### Top"),
        ("<h3>Three</h3>", "### Three"),
        ("<h5>Five</h5>", "#### Five"),
        ("<p>x<script>alert(1)</script><style>p{}</style></p>", "x"),
        ('<p><a href="javascript:alert(1)">click</a></p>', "click"),
        ("<p>5 * 3 = [15]</p>", "5 \\* 3 = \\[15\\]"),
        ("<p>1. Mai</p>", "1\\. Mai"),
    ],
)
def test_web_page_shapes(html, expected):
    assert markdown_from_clipboard_html(html)[0] == expected


def test_a_phrase_keeps_its_spaces_for_the_sentence_it_goes_into():
    assert markdown_from_clipboard_html("<span> the council </span>") == ("the council", True, True)
    word = "<html><body>\r\n<!--StartFragment--><p class=MsoNormal>Rat</p><!--EndFragment-->\r\n"
    assert markdown_from_clipboard_html(word) == ("Rat", False, False)


def test_a_deeply_nested_clipboard_is_refused_with_the_import_error():
    """(The editor then pastes the clipboard's plain text.)"""
    from newsdesk.errors import ImportFormatError

    with pytest.raises(ImportFormatError):
        markdown_from_clipboard_html("<div>" * 5000 + "x")
