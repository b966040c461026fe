"""Find and replace: options, Unicode words, Markdown left intact, replace-all as one command."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.formats.markdown_render import render_markdown
from newsdesk.model.article import Article, Section
from newsdesk.model.find_replace import (
    Match,
    escape_markdown,
    find_all,
    replace_all,
    replace_match,
)
from newsdesk.model.serialize import article_to_dict


def make_article() -> Article:
    return Article(
        kicker="Fähre",
        headline="Ärger um die Fähre",
        subheadline="Warum die Fähren im Winter ruhen",
        description="Die Fähre und der Ärger",
        sections=[
            Section(
                id="lead",
                markdown="Die **Fähre** fährt. Mehr auf [der Seite](https://faehre.example/fähre).",
            ),
            Section(id="plan", heading="Der Fahrplan der Fähre", markdown="Fährenfreunde warten."),
            Section(
                id="meinung",
                heading="Meinung",
                kind="opinion",
                markdown="Maßstab ist das Maß.\n\n- Fähre\n- Straße",
                children=[Section(id="box", heading="Preise", kind="box", markdown="Kein Ärger.")],
            ),
        ],
    )


def locations(matches: list[Match]) -> list[tuple[str, str]]:
    return [(m.where, m.part) for m in matches]


def texts(article: Article, matches: list[Match]) -> list[str]:
    out = []
    for m in matches:
        if m.part == "field":
            source = getattr(article, m.where)
        else:
            section = article.find_section(m.where)
            source = section.heading if m.part == "heading" else section.markdown
        out.append(source[m.start : m.end])
    return out


def test_finds_in_fields_headings_and_texts_in_reading_order():
    article = make_article()
    matches = find_all(article, "fähre")
    assert locations(matches) == [
        ("kicker", "field"),
        ("headline", "field"),
        ("subheadline", "field"),  # inside "Fähren"
        ("description", "field"),
        ("lead", "markdown"),  # the link target "…/fähre" is not matched
        ("plan", "heading"),
        ("plan", "markdown"),  # inside "Fährenfreunde"
        ("meinung", "markdown"),
    ]
    assert set(texts(article, matches)) == {"Fähre"}


def test_case_insensitive_by_default_including_umlauts():
    article = make_article()
    assert len(find_all(article, "ÄRGER")) == 3  # headline, description, box
    assert find_all(article, "ÄRGER", case=True) == []
    assert len(find_all(article, "Ärger", case=True)) == 3
    assert find_all(article, "ärger", case=True) == []


def test_without_whole_word_matches_inside_words():
    article = make_article()
    inside = find_all(article, "Fähre")
    assert any(m.where == "subheadline" for m in inside)  # "Fähren"
    assert any(m.where == "plan" and m.part == "markdown" for m in inside)  # "Fährenfreunde"


def test_whole_word_respects_umlauts_and_sharp_s():
    article = make_article()
    whole = find_all(article, "Fähre", whole_word=True)
    assert not any(m.where == "subheadline" for m in whole)
    assert not any(m.where == "plan" and m.part == "markdown" for m in whole)
    assert len([m for m in whole if m.where == "meinung"]) == 1  # the list item
    # "Maß" is a word of its own at the end, but not inside "Maßstab"
    maß = find_all(article, "Maß", whole_word=True)
    assert [(m.where, m.start) for m in maß] == [("meinung", 16)]
    assert len(find_all(article, "Maß")) == 2
    # an umlaut continues a word: "Fahr" is not a whole word in "Fähre"/"Fahrplan"
    assert find_all(Article(headline="Fahrt, Fährt und Fahr."), "Fahr", whole_word=True) == [
        Match("headline", "field", 17, 21)
    ]


def test_whole_word_with_punctuation_at_the_edges():
    article = Article(headline="Die S-Bahn und die U-Bahn")
    assert len(find_all(article, "-Bahn", whole_word=True)) == 2
    assert find_all(article, "-Bah", whole_word=True) == []


def test_link_targets_and_autolinks_are_never_matched():
    article = Article(
        sections=[
            Section(
                id="s",
                markdown="Siehe [Fähre](https://faehre.example/fähre) und <https://fähre.example>.",
            )
        ]
    )
    matches = find_all(article, "fähre")
    assert len(matches) == 1
    assert texts(article, matches) == ["Fähre"]  # the link text only
    assert find_all(article, "https") == []
    assert find_all(article, "](") == []


def test_markup_is_not_matched_but_escaped_characters_are():
    article = Article(sections=[Section(id="s", markdown="**fett** und 3 \\* 4 und ~~weg~~")])
    stars = find_all(article, "*")
    assert [article.sections[0].markdown[m.start : m.end] for m in stars] == ["\\*"]
    assert find_all(article, "~") == []
    assert len(find_all(article, "3 * 4")) == 1
    assert find_all(article, "fett** und") == []  # cannot span a change of formatting


def test_list_and_heading_markers_are_not_matched():
    article = Article(sections=[Section(id="s", markdown="### Titel\n\n- eins\n- zwei\n\n1. drei")])
    assert find_all(article, "#") == []
    assert find_all(article, "- ") == []
    assert find_all(article, "1.") == []
    assert len(find_all(article, "zwei")) == 1


def test_underscores_inside_words_are_text():
    article = Article(
        sections=[Section(id="s", markdown="Die Datei heißt snake_case.txt, _nicht_ so.")]
    )
    assert len(find_all(article, "snake_case")) == 1
    assert find_all(article, "_nicht") == []


def test_empty_needle_finds_nothing():
    assert find_all(make_article(), "") == []
    assert replace_all(make_article(), "", "x") is None


def test_body_text_searches_another_rendering():
    article = make_article()
    plain = {"lead": "Die Fähre fährt. Mehr auf der Seite.", "plan": "", "meinung": "", "box": ""}
    matches = find_all(article, "fähre", body_text=lambda section: plain[section.id])
    body = [m for m in matches if m.part == "body"]
    assert body == [Match("lead", "body", 4, 9)]


def test_replace_all_is_one_command_that_undoes_exactly():
    article = make_article()
    before = article_to_dict(article)
    command = replace_all(article, "Fähre", "Barkasse", whole_word=True)
    assert command.count == len(find_all(article, "Fähre", whole_word=True))
    command.do(article)
    assert article.headline == "Ärger um die Barkasse"
    assert article.subheadline == "Warum die Fähren im Winter ruhen"
    assert article.find_section("plan").heading == "Der Fahrplan der Barkasse"
    lead = article.find_section("lead").markdown
    assert lead == ("Die **Barkasse** fährt. Mehr auf [der Seite](https://faehre.example/fähre).")
    assert find_all(article, "Fähre", whole_word=True) == []
    command.undo(article)
    assert article_to_dict(article) == before
    command.do(article)
    assert article.kicker == "Barkasse"


def test_replace_all_is_case_aware():
    article = make_article()
    assert replace_all(article, "ärger", "Streit", case=True) is None
    command = replace_all(article, "ärger", "Streit")
    command.do(article)
    assert article.headline == "Streit um die Fähre"
    assert article.find_section("box").markdown == "Kein Streit."


def test_replacements_are_escaped_so_they_render_as_typed():
    article = Article(sections=[Section(id="s", markdown="alt\n\nalt und alt")])
    replace_all(article, "alt", "*neu* [x]").do(article)
    html = render_markdown(article.sections[0].markdown)
    assert "<em>" not in html
    assert html.count("*neu* [x]") == 3

    article = Article(sections=[Section(id="s", markdown="alt\n\n- alt")])
    replace_all(article, "alt", "# Titel").do(article)
    html = render_markdown(article.sections[0].markdown)
    assert "<h3>" not in html
    assert html.count("# Titel") == 2

    article = Article(sections=[Section(id="s", markdown="alt")])
    replace_all(article, "alt", "1. Mai").do(article)
    assert "<ol>" not in render_markdown(article.sections[0].markdown)


def test_escape_markdown():
    assert escape_markdown("a*b_c") == "a\\*b\\_c"
    assert escape_markdown("# x", at_line_start=True) == "\\# x"
    assert escape_markdown("# x") == "# x"
    assert escape_markdown("2024. Jahr", at_line_start=True) == "2024\\. Jahr"
    assert escape_markdown("2024 war", at_line_start=True) == "2024 war"


def test_replacement_newlines_become_spaces():
    article = Article(headline="alt")
    replace_all(article, "alt", "neu\nzeile").do(article)
    assert article.headline == "neu zeile"


def test_replace_one_match():
    article = make_article()
    first_in_text = next(m for m in find_all(article, "Fähre") if m.part == "markdown")
    replace_match(article, first_in_text, "Barkasse").do(article)
    assert article.find_section("lead").markdown.startswith("Die **Barkasse** fährt.")
    heading = next(m for m in find_all(article, "Fähre") if m.part == "heading")
    replace_match(article, heading, "Barkasse").do(article)
    assert article.find_section("plan").heading == "Der Fahrplan der Barkasse"
    field = next(m for m in find_all(article, "Ärger") if m.part == "field")
    command = replace_match(article, field, "Streit")
    command.do(article)
    assert article.headline == "Streit um die Fähre"
    command.undo(article)
    assert article.headline == "Ärger um die Fähre"
    with pytest.raises(ValueError):
        replace_match(article, Match("lead", "body", 0, 3), "x")


# A target follows a "](" whose "]" is not escaped: a replacement "](" in the link's text is
# written as "\](" and stays text.
_LINK_TARGET = re.compile(r"(?<!\\)\]\(([^)]*)\)")
words = st.sampled_from(["Fähre", "fähre", "Maß", "a", "b", "*", "_", "-", "ä", "https"])
links = st.builds(lambda t, u: f"[{t}](https://{u}.example/{t})", words, words)
markdown_texts = st.lists(st.one_of(words, links, st.just("\n\n- ")), max_size=15).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(markdown_texts, words, st.text(alphabet="xyzä*_[]()#-", max_size=6), st.booleans())
def test_replace_all_never_touches_link_targets(markdown, needle, replacement, whole):
    article = Article(sections=[Section(id="s", markdown=markdown)])
    targets = _LINK_TARGET.findall(markdown)
    command = replace_all(article, needle, replacement, whole_word=whole)
    if command is None:
        return
    command.do(article)
    assert _LINK_TARGET.findall(article.sections[0].markdown) == targets
    command.undo(article)
    assert article.sections[0].markdown == markdown


# --- issue 17 item 4: the case of what is replaced, German-aware whole words ---------------------


@pytest.mark.parametrize(
    ("found", "replacement", "expected"),
    [
        ("punkt", "Posten", "posten"),  # inside "Unterpunkt": no capital in the middle of a word
        ("Punkt", "posten", "Posten"),
        ("PUNKT", "Posten", "POSTEN"),
        ("straße", "Gasse", "gasse"),
        ("STRASSE", "Gäßchen", "GÄSSCHEN"),
        ("eu", "EU", "EU"),  # an abbreviation keeps its capitals
        ("telefon", "iPhone", "iPhone"),
    ],
)
def test_replacement_takes_the_case_pattern_of_what_it_replaces(found, replacement, expected):
    article = Article(headline=f"Der {found} ist klar", sections=[Section()])
    command = replace_all(article, found, replacement)
    command.do(article)
    assert article.headline == f"Der {expected} ist klar"


def test_unterpunkt_becomes_unterposten_in_text_heading_and_field():
    article = Article(
        headline="Punkt für Punkt",
        sections=[Section(heading="Der Unterpunkt", markdown="Jeder Unterpunkt zählt. PUNKT.")],
    )
    command = replace_all(article, "Punkt", "Posten")
    assert command.count == 5
    command.do(article)
    assert article.headline == "Posten für Posten"
    assert article.sections[0].heading == "Der Unterposten"
    assert article.sections[0].markdown == "Jeder Unterposten zählt. POSTEN."


def test_match_case_replaces_exactly_as_typed():
    article = Article(headline="Unterpunkt", sections=[Section()])
    command = replace_all(article, "punkt", "Posten", case=True)
    command.do(article)
    assert article.headline == "UnterPosten"


def test_whole_words_treat_a_hyphen_as_a_boundary_and_umlauts_as_letters():
    text = "S-Bahn, Bahnhof, Straßenbahn, Bahn\u2011Chef, Bahn"
    article = Article(headline=text, sections=[Section()])
    spans = [(m.start, m.end) for m in find_all(article, "Bahn", whole_word=True)]
    assert [text[s:e] for s, e in spans] == ["Bahn", "Bahn", "Bahn"]
    assert [s for s, _ in spans] == [2, text.index("Bahn\u2011"), text.rindex("Bahn")]


def test_whole_words_keep_decomposed_umlauts_and_soft_hyphens_inside_the_word():
    article = Article(headline="Fa\u0308hre und Bahn\u00adhof", sections=[Section()])
    assert find_all(article, "Fa", whole_word=True) == []
    assert find_all(article, "Bahn", whole_word=True) == []
    assert len(find_all(article, "Bahn")) == 1


def test_sharp_s_in_the_needle_finds_the_capitals_ss_without_match_case():
    article = Article(headline="STRASSE gesperrt, Straße frei", sections=[Section()])
    assert len(find_all(article, "Straße")) == 2
    assert len(find_all(article, "Straße", case=True)) == 1
    assert len(find_all(article, "Straße", whole_word=True)) == 2
