"""The check reports tables without caption or header row, source notes without reference or
without definition, and an unclosed private note; word counts leave private notes out."""

from __future__ import annotations

from newsdesk.model.article import Article, Section
from newsdesk.model.counts import section_counts
from newsdesk.model.preflight import preflight

TABLE = "| Partei | Stimmen |\n| --- | ---: |\n| Grüne | 12.304 |\n"


def codes(markdown: str) -> list[tuple[str, str]]:
    article = Article(headline="Wahl in Kassel", sections=[Section(id="s1", markdown=markdown)])
    construct_codes = {
        "table-caption-missing",
        "table-header-missing",
        "source-note-unreferenced",
        "source-note-missing",
        "private-note-unclosed",
    }
    return [(f.code, f.where) for f in preflight(article) if f.code in construct_codes]


def test_a_captioned_table_with_headers_and_matched_notes_are_fine():
    assert codes(TABLE + "\nTable: Ergebnis\n\nText[^1].\n\n[^1]: Wahlamt. <!-- ok -->") == []


def test_a_table_without_caption_is_reported_where_it_is():
    assert codes(TABLE) == [("table-caption-missing", "section:s1")]


def test_a_table_whose_header_row_is_empty_is_reported():
    found = codes("|  |  |\n| --- | --- |\n| Grüne | 12.304 |\n\nTable: Ergebnis\n")
    assert found == [("table-header-missing", "section:s1")]


def test_a_quoted_table_counts_too():
    assert codes("> " + TABLE.replace("\n", "\n> ").rstrip("> ")) == [
        ("table-caption-missing", "section:s1")
    ]


def test_source_notes_without_reference_or_definition():
    found = codes("Laut Amt[^amt] und Polizei[^pol].\n\n[^amt]: Wahlamt.\n[^alt]: Archiv.")
    assert found == [
        ("source-note-unreferenced", "section:s1"),
        ("source-note-missing", "section:s1"),
    ]


def test_an_unclosed_private_note_is_reported():
    assert codes("Sichtbar. <!-- Notiz ohne Ende\n\nAuch versteckt.") == [
        ("private-note-unclosed", "section:s1")
    ]


def test_words_of_private_notes_are_not_counted():
    plain = section_counts(Section(markdown="Drei Wörter hier."))
    noted = section_counts(Section(markdown="Drei <!-- geheim und lang --> Wörter hier."))
    assert noted.words == plain.words == 3
