"""Plain-text import: the reference article, our own fixtures, generated articles of that shape."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.formats.encoding import decode_text
from newsdesk.formats.importers import import_file
from newsdesk.formats.markdown_escape import escape_markdown
from newsdesk.formats.slug import effective_slug
from newsdesk.formats.text_import import (
    import_plain_text,
    is_title_like,
    opinion_heading_line,
    opinion_section,
    parse_link_item,
    reads_as_notice,
)
from newsdesk.model.article import RelatedLink, RelatedLinks
from tests.shared_files import shared_path

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def _paragraphs(markdown: str) -> list[str]:
    return markdown.split("\n\n") if markdown else []


# --- the reference article -------------------------------------------------------------------


def test_reference_article_imports_into_exactly_its_parts():
    # CI checks the repository out with shared/ beside it; the seed is read there, never copied.
    seed = shared_path("seed")
    sources = sorted(seed.glob("*.txt"))
    assert sources, f"the reference article is missing from {seed}"
    lines = decode_text(sources[0].read_bytes()).split("\n")
    photo_at = next(n for n, line in enumerate(lines) if line.startswith("<< photo by"))

    article = import_file(sources[0])

    assert article.headline == lines[0]
    assert article.subheadline == lines[1]
    assert article.language == "de"
    assert article.slug == ""  # follows the headline, as the Details pane shows
    assert effective_slug(article).startswith("bestaetigung-")
    # Lead + four headed sections, the editorial among them as opinion.
    assert len(article.sections) == 5
    assert article.sections[0].heading == ""
    assert [s.kind for s in article.sections] == ["body", "body", "opinion", "body", "body"]
    # The prefix word is the opinion section's label; the heading keeps the rest.
    assert article.sections[2].label == "Editorial"
    assert article.sections[2].heading and not article.sections[2].heading.startswith("Editorial")
    assert all(s.markdown and not s.children for s in article.sections)
    # Nothing lost, nothing reordered: headings and paragraphs are the source lines in order.
    rebuilt = []
    for section in article.sections:
        heading = opinion_heading_line(section, "")
        rebuilt += [heading] if heading else []
        rebuilt += _paragraphs(section.markdown)
    assert rebuilt == [escape_markdown(line) for line in lines[2:photo_at]]
    # The lead image: credited, symbolic, with the line after the marker as its disclaimer.
    assert len(article.images) == 1
    image = article.images[0]
    assert (image.role, image.data, image.credit) == ("lead", None, "Aedrian")
    assert image.symbolic and image.disclaimer == lines[photo_at + 1]
    # Eight related links under the closing line, its trailing " !" stripped.
    assert article.related.heading == lines[photo_at + 2].rstrip(" !")
    assert [link.title for link in article.related.links] == [
        line[2:] for line in lines[photo_at + 3 :] if line
    ]
    assert len(article.related.links) == 8
    assert all(link.url == "" for link in article.related.links)


# --- our own fixture articles ----------------------------------------------------------------


@dataclass
class Expected:
    headline: str
    subheadline: str
    language: str
    sections: list[tuple[str, str, int]]  # heading, kind, number of paragraphs
    credit: str | None  # None: no image at all
    disclaimer: str
    related_heading: str
    links: list[tuple[str, str]]


EXPECTED = {
    "de_stadtrat.txt": Expected(
        headline="Stadtrat beschließt autofreie Innenstadt ab Mai",
        subheadline="Händler fürchten um ihre Kundschaft",
        language="de",
        sections=[
            ("", "body", 2),
            ("Was sich für Anwohner ändert", "body", 2),
            ("Kritik aus dem Einzelhandel", "body", 1),
            ("Mut zur Lücke", "opinion", 2),
            ("Wie geht es weiter?", "body", 1),
        ],
        credit="Tobias Kern",
        disclaimer="Symbolfoto: Die Aufnahme entstand in einer anderen Stadt.",
        related_heading="Lesen Sie auch",
        links=[
            ("Neue Radwege am Fluss", "https://example.org/radwege"),
            ("Parkgebühren steigen zum Jahreswechsel", "https://example.org/parken"),
            ("Was die Verkehrswende kostet", ""),
        ],
    ),
    "de_windpark_cp1252.txt": Expected(
        headline="Windpark vor der Küste liefert ersten Strom",
        subheadline="",
        language="de",
        sections=[
            ("", "body", 2),
            ("Strom für eine halbe Million Haushalte", "body", 1),
            ("Ein Anfang, mehr nicht", "opinion", 1),
        ],
        credit="Greta Möller",
        disclaimer="",
        related_heading="Mehr zum Thema",
        links=[
            ("Netzausbau: Wo die Trassen verlaufen sollen", ""),
            ("Fischer sorgen sich um ihre Fanggründe", ""),
        ],
    ),
    "en_library.txt": Expected(
        headline="Riverside library reopens after two-year renovation",
        subheadline="Readers find a roof garden and longer hours",
        language="en",
        sections=[
            ("", "body", 2),
            ("A roof garden for readers", "body", 2),
            ("Libraries are worth the money", "opinion", 2),
        ],
        credit="Priya Nair",
        disclaimer="Image for illustration only: the photo shows the building before the flood.",
        related_heading="You might also like",
        links=[
            ("Council approves new cycle lanes", "https://example.org/cycle-lanes"),
            ("Museum extends its summer exhibition", "https://example.org/museum"),
        ],
    ),
    "en_marathon_bom.txt": Expected(
        headline="Marathon runners brave the heat",
        subheadline="",
        language="en",
        sections=[
            ("", "body", 3),
            ("What went wrong?", "body", 2),
            ("Move the race to spring", "opinion", 1),
        ],
        credit=None,
        disclaimer="",
        related_heading="",
        links=[],
    ),
    "en_bridge_wrapped.txt": Expected(
        headline="Harbour bridge to close for repairs in August",
        subheadline="Ferries will run every twenty minutes instead",
        language="en",
        sections=[
            ("", "body", 2),
            ("Delays expected for freight", "body", 1),
            ("Repair it properly this time", "opinion", 2),
        ],
        credit="Sam Okafor",
        disclaimer="Archive photo: the bridge during the last closure in 2021.",
        related_heading="Read more",
        links=[
            ("Port authority appoints new chief engineer", "https://example.org/engineer"),
            ("Ferry timetable for the summer", ""),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_article_imports_into_exactly_its_parts(name):
    expected = EXPECTED[name]
    article = import_file(FIXTURES / name)
    assert article.headline == expected.headline
    assert article.subheadline == expected.subheadline
    assert article.language == expected.language
    got = [(s.heading, s.kind, len(_paragraphs(s.markdown))) for s in article.sections]
    assert got == expected.sections
    if expected.credit is None:
        assert article.images == []
    else:
        assert len(article.images) == 1
        image = article.images[0]
        assert (image.role, image.credit, image.data) == ("lead", expected.credit, None)
        assert image.disclaimer == expected.disclaimer
        assert image.symbolic == bool(expected.disclaimer)
    assert article.related.heading == expected.related_heading
    assert [(link.title, link.url) for link in article.related.links] == expected.links


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("de_stadtrat.txt", "Kommentar"),
        ("de_windpark_cp1252.txt", "Meinung"),
        ("en_library.txt", "Opinion"),
        ("en_marathon_bom.txt", "Commentary"),
        ("en_bridge_wrapped.txt", "Editorial"),
    ],
)
def test_the_opinion_prefix_word_becomes_the_label(name, label):
    """Issue 17, item 14: the page read "MEINUNG / Editorial: Die ..."; the prefix word is now
    the label shown above the section, the heading keeps the rest."""
    (opinion,) = [s for s in import_file(FIXTURES / name).sections if s.kind == "opinion"]
    assert opinion.label == label
    assert not opinion.heading.lower().startswith(label.lower())


@pytest.mark.parametrize(
    ("heading", "kind", "label", "rest"),
    [
        ("KOMMENTAR: Zu spät", "opinion", "Kommentar", "Zu spät"),
        ("Op-Ed: Trains, not planes", "opinion", "Op-Ed", "Trains, not planes"),
        ("Meinung", "opinion", "Meinung", ""),
        ("Meinungsfreiheit im Netz", "body", "", "Meinungsfreiheit im Netz"),
        ("Opinion polls: a warning", "body", "", "Opinion polls: a warning"),
    ],
)
def test_opinion_section_rule(heading, kind, label, rest):
    section = opinion_section(heading)
    assert (section.kind, section.label, section.heading) == (kind, label, rest)


def test_paragraph_text_arrives_whole_and_in_order():
    article = import_file(FIXTURES / "de_stadtrat.txt")
    assert article.sections[0].markdown.startswith("Der Stadtrat von Lindenau hat am Dienstagabend")
    assert article.sections[0].markdown.endswith(
        "„Schritt, den andere Städte längst gegangen sind“."
    )
    wrapped = import_file(FIXTURES / "en_bridge_wrapped.txt")
    # Hard-wrapped lines are joined with single spaces into one paragraph.
    assert _paragraphs(wrapped.sections[1].markdown) == [
        "Lorries heading for the container terminal will have to take the ring road, adding about "
        "fifteen minutes to each trip. Hauliers have asked for night-time access to the bridge "
        "once the first girder has been replaced."
    ]


def test_markdown_characters_in_plain_text_are_escaped_to_render_literally():
    article = import_file(FIXTURES / "en_marathon_bom.txt")
    lead = _paragraphs(article.sections[0].markdown)
    assert lead[1] == (
        "\\- a line that begins like a list item but is just text, as is \\* this one"
    )
    assert "\\*three weeks\\*" in lead[2] and "10\\_000" in lead[2]
    hashed = _paragraphs(article.sections[1].markdown)[1]
    assert hashed.startswith("\\# This line begins with a hash sign.")
    assert "\\[at dawn\\] &lt;http://example.org>" in hashed


def test_windows_line_endings_and_cp1252_quotes_import_cleanly():
    raw = (FIXTURES / "de_windpark_cp1252.txt").read_bytes()
    assert b"\r\n" in raw and "„".encode("cp1252") in raw
    article = import_file(FIXTURES / "de_windpark_cp1252.txt")
    assert "„Nordlicht“" in article.sections[0].markdown
    assert all("\r" not in s.markdown for s in article.sections)


# --- rules in isolation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Die Beziehung zwischen zwei Städten", True),
        ("Wie geht es weiter?", True),
        ("Ein Satz. Und noch einer?", False),
        ("Das ist ein ganzer Satz.", False),
        ("Die Forderungen:", False),
        ("", False),
        ("Wort " * 30, False),
    ],
)
def test_what_counts_as_a_title_line(line, expected):
    assert is_title_like(line.strip(), 100) is expected


@pytest.mark.parametrize(
    ("item", "title", "url"),
    [
        ("Plain title", "Plain title", ""),
        ("Title https://example.org/a", "Title", "https://example.org/a"),
        ("Title: https://example.org/a.", "Title", "https://example.org/a"),
        ("[Title](https://example.org/b)", "Title", "https://example.org/b"),
        ("Title (https://example.org/c)", "Title", "https://example.org/c"),
        ("Title <https://example.org/d>", "Title", "https://example.org/d"),
        ("Title – www.example.org/e", "Title", "https://www.example.org/e"),
        ("https://example.org/f", "https://example.org/f", "https://example.org/f"),
    ],
)
def test_related_link_items(item, title, url):
    assert parse_link_item(item) == RelatedLink(title=title, url=url)


def test_photo_marker_variants_and_a_marker_without_disclaimer():
    text = "Titel\nEin Absatz mit Inhalt.\n<< Foto: Ada Berg >>\nLesen Sie auch\n- A"
    article = import_plain_text(text)
    image = article.images[0]
    assert (image.credit, image.disclaimer, image.symbolic) == ("Ada Berg", "", False)
    assert article.related.heading == "Lesen Sie auch"


def test_a_closing_line_that_mentions_pictures_is_not_taken_for_a_disclaimer():
    text = "Titel\nEin Absatz mit Inhalt.\n<< photo by Ada Berg >>\nMehr Bilder vom Fest\n- Galerie"
    article = import_plain_text(text)
    assert article.images[0].disclaimer == ""
    assert article.related.heading == "Mehr Bilder vom Fest"


def test_a_second_photo_marker_becomes_an_inline_image_where_it_stood():
    text = (
        "Title\nFirst paragraph of the lead.\n<< photo by A >>\nMiddle paragraph here.\n"
        "<< photo by B >>\nFile photo from 2019.\nLast paragraph here."
    )
    article = import_plain_text(text)
    lead, inline = article.images
    assert (lead.role, lead.credit, inline.role, inline.credit) == ("lead", "A", "inline", "B")
    assert inline.disclaimer == "File photo from 2019." and inline.symbolic
    assert _paragraphs(article.sections[0].markdown) == [
        "First paragraph of the lead.",
        "Middle paragraph here.",
        f"![](image:{inline.id})",
        "Last paragraph here.",
    ]


def test_trailing_items_after_a_paragraph_stay_in_the_text_unless_all_have_urls():
    body = "Title\nA paragraph that ends the article properly and is long enough.\n"
    kept = import_plain_text(body + "- one\n- two")
    assert kept.related.links == []
    assert _paragraphs(kept.sections[0].markdown)[-1] == "- one\n- two"  # a list in the text
    linked = import_plain_text(body + "- one https://example.org/1\n- two https://example.org/2")
    assert [link.url for link in linked.related.links] == [
        "https://example.org/1",
        "https://example.org/2",
    ]
    assert linked.related.heading == ""


def test_an_article_opening_with_a_heading_has_no_empty_lead():
    article = import_plain_text("Title\nFirst heading\nA paragraph of text that follows it.")
    # The short second line is the subheadline by rule; the text after it is the lead.
    assert article.subheadline == "First heading"
    assert [s.heading for s in article.sections] == [""]
    article = import_plain_text("Title\nSub\nHeading\nA paragraph of text that follows it.")
    assert [s.heading for s in article.sections] == ["Heading"]


def test_empty_text_is_refused():
    from newsdesk.errors import ImportFormatError

    with pytest.raises(ImportFormatError, match="empty"):
        import_plain_text("\n \n\t\n")


# --- articles of the same shape that nobody has seen: generated ------------------------------

_WORDS = st.sampled_from(
    ("Stadt", "Rat", "Hafen", "Brücke", "Schule", "Bahn", "Markt", "Wasser", "Energie", "Plan",
     "Bürger", "Verein", "Straße", "council", "harbour", "bridge", "school", "train", "market",
     "water", "energy", "plan", "citizens", "club", "street")
)  # fmt: skip
_TITLE = st.lists(_WORDS, min_size=2, max_size=7).map(" ".join)
_SENTENCE = st.lists(_WORDS, min_size=6, max_size=14).map(lambda w: " ".join(w).capitalize() + ".")
_PARAGRAPH = st.lists(_SENTENCE, min_size=2, max_size=4).map(" ".join)
_PREFIX = st.sampled_from(["", "", "", "Kommentar: ", "Editorial: ", "Opinion: ", "Meinung: "])
_URL = st.sampled_from(["", "https://example.org/a", "https://example.org/b-c"])


@st.composite
def _shaped_articles(draw):
    parts = {
        "headline": draw(_TITLE),
        "subheadline": draw(st.one_of(st.just(""), _TITLE)),
        "lead": draw(st.lists(_PARAGRAPH, min_size=1, max_size=3)),
        "sections": draw(
            st.lists(
                st.tuples(
                    st.tuples(_PREFIX, _TITLE).map("".join),
                    st.lists(_PARAGRAPH, min_size=1, max_size=3),
                ),
                max_size=4,
            )
        ),
        "credit": draw(st.one_of(st.just(""), _TITLE)),
        "disclaimer": draw(st.sampled_from(["", "Symbolbild.", "Image for illustration only."])),
        "closing": draw(st.sampled_from(["Lesen Sie auch:", "Sie könnten lesen wollen !", "More"])),
        "links": draw(st.lists(st.tuples(_TITLE, _URL), max_size=5)),
    }
    lines = [parts["headline"]] + ([parts["subheadline"]] if parts["subheadline"] else [])
    lines += parts["lead"]
    for heading, paragraphs in parts["sections"]:
        lines += [heading, *paragraphs]
    if parts["credit"]:
        lines.append(f"<< photo by {parts['credit']} >>")
        lines += [parts["disclaimer"]] if parts["disclaimer"] else []
    if parts["links"]:
        lines.append(parts["closing"])
        lines += [f"- {title} {url}".rstrip() for title, url in parts["links"]]
    return parts, lines


def _check_imported(parts, article):
    assert article.headline == parts["headline"]
    assert article.subheadline == parts["subheadline"]

    def expected_section(heading: str, paragraphs: list[str]) -> tuple:
        prefix, _, rest = heading.partition(": ")
        if prefix in ("Kommentar", "Editorial", "Opinion", "Meinung"):
            return (rest, "opinion", prefix, paragraphs)
        return (heading, "body", "", paragraphs)

    expected = [("", "body", "", parts["lead"])] + [
        expected_section(h, p) for h, p in parts["sections"]
    ]
    got = [(s.heading, s.kind, s.label, _paragraphs(s.markdown)) for s in article.sections]
    assert got == expected
    if parts["credit"]:
        image = article.images[0]
        assert (image.credit, image.disclaimer) == (parts["credit"], parts["disclaimer"])
    else:
        assert article.images == []
    if parts["links"]:
        assert article.related.heading == parts["closing"].rstrip(" !:")
        assert [(link.title, link.url) for link in article.related.links] == parts["links"]
    else:
        assert article.related.links == []


@settings(max_examples=40, deadline=None)
@given(_shaped_articles())
def test_generated_articles_of_the_reference_shape_import_exactly(shaped):
    parts, lines = shaped
    _check_imported(parts, import_plain_text("\n".join(lines)))


@settings(max_examples=40, deadline=None)
@given(_shaped_articles())
def test_generated_articles_hard_wrapped_with_blank_lines_import_exactly(shaped):
    parts, lines = shaped
    wrapped = [line if line.startswith(("- ", "<<")) else textwrap.fill(line, 72) for line in lines]
    _check_imported(parts, import_plain_text("\n\n".join(wrapped)))


def test_a_link_list_right_after_the_photo_block_is_related_even_without_a_heading():
    text = (
        "Titel\nEin Absatz, der den Artikel beendet.\n<< photo by Ada Berg >>\n"
        "Symbolbild: Die Szene ist nachgestellt.\n- Erster Artikel\n- Zweiter Artikel"
    )
    article = import_plain_text(text)
    assert article.images[0].disclaimer == "Symbolbild: Die Szene ist nachgestellt."
    assert article.related == RelatedLinks(
        heading="", links=[RelatedLink("Erster Artikel"), RelatedLink("Zweiter Artikel")]
    )
    assert _paragraphs(article.sections[0].markdown) == ["Ein Absatz, der den Artikel beendet."]


@pytest.mark.parametrize(
    ("line", "is_notice"),
    [
        ("Das Bild dient nur zur Veranschaulichung.", True),
        ("Symbolbild", True),
        ("Archivfoto aus dem Jahr 2019.", True),
        ("Die Aufnahme zeigt eine ähnliche Szene.", True),
        ("Illustration: KI-generiert.", True),
        ("Image for illustration purposes only.", True),
        ("This picture does not depict the people named.", True),
        ("Stock photo.", True),
        ("Die Bildung in der Region hat gelitten.", False),
        ("Der Rat tagt am Montag erneut.", False),
        ("Das Foto " + "ist sehr lang und erzählt eine ganze Geschichte. " * 10, False),
    ],
)
def test_which_line_after_a_photo_marker_reads_as_a_notice(line, is_notice):
    assert reads_as_notice(line, None) is is_notice


def test_a_long_question_after_the_headline_is_still_the_subheadline():
    question = (
        "Was bedeutet die Entscheidung des Stadtrats für die Pendler aus dem Umland der Stadt?"
    )
    assert len(question) > 80
    article = import_plain_text(f"Titel\n{question}\nEin Absatz. Noch ein Satz.")
    assert article.subheadline == question


@pytest.mark.parametrize(
    ("text", "byline", "subheadline"),
    [
        ("Titel\nVon Anna Berg\nUnterzeile hier\nText. Mehr.", "Anna Berg", "Unterzeile hier"),
        (
            "Title\nA subheadline\nBy Sam Okafor and Priya Nair\nText. More.",
            "Sam Okafor and Priya Nair",
            "A subheadline",
        ),
        ("Titel\nVon Bonn nach Berlin\nText. Mehr.", "", "Von Bonn nach Berlin"),
    ],
)
def test_a_byline_under_the_headline(text, byline, subheadline):
    article = import_plain_text(text)
    assert (article.byline, article.subheadline) == (byline, subheadline)
