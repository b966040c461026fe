"""Agency-text import (formats/text_import.py, text_lists.py): a heading directly followed by a
list keeps its heading, and the list arrives as a list, in the shapes people type and in the one
our own agency text (formats/agency_text.py) writes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.formats.agency_text import agency_text
from newsdesk.formats.text_import import import_plain_text
from newsdesk.model.article import Article, Section
from tests.formats.export_compare import section_parts
from tests.formats.test_import_text import _PARAGRAPH, _TITLE


def _parts(article: Article) -> list[tuple[str, str]]:
    return [(s.heading, s.markdown) for s in article.sections]


def test_a_german_heading_followed_by_dash_items_keeps_its_heading():
    text = (
        "Wandertag am Deich\n"
        "Die Schule lädt am Freitag zum Wandertag ein, Treffpunkt ist das Schöpfwerk.\n"
        "Was mitkommt\n"
        "- feste Schuhe\n"
        "- eine Trinkflasche\n"
        "Bei Regen fällt der Ausflug nicht aus, er wird nur kürzer."
    )
    article = import_plain_text(text)
    assert _parts(article) == [
        ("", "Die Schule lädt am Freitag zum Wandertag ein, Treffpunkt ist das Schöpfwerk."),
        (
            "Was mitkommt",
            "- feste Schuhe\n- eine Trinkflasche\n\n"
            "Bei Regen fällt der Ausflug nicht aus, er wird nur kürzer.",
        ),
    ]


def test_en_dash_and_numbered_lists_as_our_agency_text_writes_them():
    text = (
        "Ferry timetable changes\n\n"
        "The island ferry runs a winter timetable from Monday on.\n\n"
        "What changes\n\n"
        "– the last boat leaves at nine\n"
        "  – on Sundays at eight\n"
        "– no boat on the first of January\n\n"
        "How to get tickets\n\n"
        "1. online\n"
        "1. at the harbour office\n"
    )
    article = import_plain_text(text)
    assert _parts(article) == [
        ("", "The island ferry runs a winter timetable from Monday on."),
        (
            "What changes",
            "- the last boat leaves at nine\n    - on Sundays at eight\n"
            "- no boat on the first of January",
        ),
        ("How to get tickets", "1. online\n1. at the harbour office"),
    ]


def test_a_heading_before_a_single_item_is_still_a_heading():
    text = (
        "Straßenfest verschoben\n"
        "Das Fest in der Lindenstraße findet erst im Juni statt.\n"
        "Was bleibt\n"
        "– der Flohmarkt am Sonntag\n"
        "Der Verein bittet um Verständnis für die Verschiebung."
    )
    article = import_plain_text(text)
    assert [s.heading for s in article.sections] == ["", "Was bleibt"]
    # One line alone is a paragraph that begins like an item: its characters stay as typed.
    assert article.sections[1].markdown.startswith("– der Flohmarkt am Sonntag\n\n")


def test_a_numbered_line_alone_is_a_sentence_not_a_list():
    text = (
        "Pokalabend im Stadion\n"
        "Das Spiel begann mit einer Viertelstunde Verspätung.\n"
        "1. FC Köln gewinnt das Rückspiel knapp mit zwei zu eins Toren."
    )
    article = import_plain_text(text)
    assert article.sections[0].markdown.endswith(
        "\n\n1\\. FC Köln gewinnt das Rückspiel knapp mit zwei zu eins Toren."
    )


def test_markdown_characters_in_items_render_as_typed():
    text = (
        "Neue Regeln\n"
        "Der Rat hat die Satzung geändert, und zwar in zwei Punkten.\n"
        "Die Punkte\n"
        "* Hunde *an* der Leine\n"
        "* Grillen nur [auf] den Plätzen\n"
        "Die Satzung gilt vom ersten März an."
    )
    markdown = import_plain_text(text).sections[1].markdown
    listed = "- Hunde \\*an\\* der Leine\n- Grillen nur \\[auf\\] den Plätzen"
    assert markdown == listed + "\n\nDie Satzung gilt vom ersten März an."


@st.composite
def _articles_with_headed_lists(draw):
    sections = [Section(markdown=draw(_PARAGRAPH))]
    for _ in range(draw(st.integers(1, 3))):
        # Two items at least: one line alone is a paragraph (test above).
        items = draw(st.lists(st.tuples(_TITLE, st.booleans()), min_size=2, max_size=4))
        numbered = draw(st.booleans())
        lines = [
            ("    " if nested and n and not numbered else "") + ("1. " if numbered else "- ") + text
            for n, (text, nested) in enumerate(items)
        ]
        body = "\n".join(lines)
        if draw(st.booleans()):
            body += "\n\n" + draw(_PARAGRAPH)
        sections.append(Section(heading=draw(_TITLE), markdown=body))
    return Article(headline=draw(_TITLE), language="de", sections=sections)


@settings(max_examples=40, deadline=None)
@given(_articles_with_headed_lists(), st.sampled_from([None, 72]))
def test_headed_lists_come_back_from_their_agency_text(article, width):
    again = import_plain_text(agency_text(article, width=width))
    assert section_parts(again) == section_parts(article)


def test_a_wrapped_paragraph_whose_line_begins_with_a_date_stays_one_paragraph():
    paragraph = (
        "Die neue Buslinie zwischen dem Bahnhof und dem Klinikum fährt vom\n"
        "1. Mai an alle zwanzig Minuten, am Wochenende und an Feiertagen\n"
        "stündlich."
    )
    text = "Neue Buslinie\n\n" + paragraph + "\n\nWeitere Halte\n\nDer Rat berät im Juni darüber."
    article = import_plain_text(text)
    assert article.sections[0].markdown == " ".join(paragraph.split("\n"))
