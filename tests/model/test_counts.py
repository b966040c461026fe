from newsdesk.model import Article, Section
from newsdesk.model.counts import (
    article_counts,
    count_characters,
    count_words,
    plain_text,
    reading_minutes,
    section_counts,
)


def test_plain_text_drops_markup_but_keeps_link_text():
    markdown = (
        "### Zwischentitel\n\n**Fett** und *kursiv* mit [Link](https://example.org/x-y).\n\n"
        "- eins\n    - zwei\n\n> Zitat"
    )
    text = plain_text(markdown)
    assert "https" not in text and "*" not in text and "#" not in text and ">" not in text
    assert count_words(text) == 9  # Zwischentitel Fett und kursiv mit Link eins zwei Zitat


def test_words_with_umlauts_hyphens_and_apostrophes_count_once():
    assert count_words("Über-Regionale Straßenbahn’s don't 3.5 Mio.") == 5


def test_characters_fold_white_space():
    assert count_characters("a  b\n\nc") == len("a b c")


def test_article_counts_headline_subheadline_headings_and_text_only():
    article = Article(
        headline="Two words",
        subheadline="three more words",
        byline="Not Counted",
        sections=[
            Section(markdown="one two"),
            Section(heading="Head", markdown="x", children=[Section(markdown="child text")]),
        ],
    )
    assert article_counts(article).words == 2 + 3 + 2 + 2 + 2
    parent = article.sections[1]
    assert section_counts(parent).words == 2
    assert section_counts(parent, include_children=True).words == 4


def test_reading_time_rounds_up():
    assert reading_minutes(0) == 0
    assert reading_minutes(1) == 1
    assert reading_minutes(231) == 2


def test_counts_follow_every_change_of_a_sections_text_despite_the_cache():
    from newsdesk.model.article import Section
    from newsdesk.model.counts import section_counts

    section = Section(heading="Costs", markdown="Three new lamps.")
    assert section_counts(section).words == 4
    section.markdown = "Three new lamps and a **fourth** one."
    assert section_counts(section).words == 8
    section.heading = ""
    assert section_counts(section).words == 7


def test_an_empty_section_counts_nothing_even_with_a_heading():
    empty = Section(heading="Neuer Abschnitt")
    assert (section_counts(empty).words, section_counts(empty).characters) == (0, 0)
    article = Article(
        headline="Zwei Wörter", sections=[Section(markdown="Drei kurze Wörter."), empty]
    )
    assert article_counts(article).words == 2 + 3
    # With its first word the heading counts as well.
    empty.markdown = "Straße"
    assert section_counts(empty).words == 3
