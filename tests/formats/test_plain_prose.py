"""Plain prose without Python-Markdown (formats.plain_prose): the same HTML, byte for byte, or
None. Generated prose, the articles we ship and test with, and the shapes it must leave alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.formats.markdown_render import new_renderer, sanitize
from newsdesk.formats.plain_prose import prose_html
from newsdesk.model.markdown_text import IMAGE_REFERENCE_LINE
from newsdesk.sample import sample_article
from tests.formats.html_export_fixtures import german_article

_RENDERER = new_renderer()


def python_markdown(text: str) -> str:
    _RENDERER.reset()
    return sanitize(_RENDERER.convert(text))


def assert_same_or_declined(text: str) -> bool:
    fast = prose_html(text)
    if fast is not None:
        assert fast == python_markdown(text), repr(text)
    return fast is not None


WORDS = st.sampled_from(
    [
        "Hafen", "ferry", "Straße", "Überfahrt", "l'été", "naïve", "Kovač", "2026", "3,5", "1.5",
        "27.", "12", "km", "%", "€", "„Ja“", "“yes,”", "‚so‘", "«très»", "(Archiv)", "—", "–",
        "-", "x=y", "50/50", "@desk", "+3", "°C", "§", "©", "…", "!", "?", ":", ";", "a*b*c",
        "*", "**", "***", "_", "#", "1)", "2.", "\\", "`", "<b>", "&amp;", "[x]", "~~", "^",
        "\u00a0", "\t", "  ", "[the minutes](https://example.org/archive/00001)",
        "[Start](http://x.de/a?b=1#c)", "[a b](https://e.org/a_b%C3%A4)", "[x](example.org)",
        "[y](https://e.org/ \"t\")", "[z](https://e.org/(a))", "[**b**](https://e.org)",
        "[\u00a0n](https://e.org/.)", "[q](https://e.org/a*b*)", "[](https://e.org)",
    ]
)  # fmt: skip
EMPHASIS = st.sampled_from(["*{}*", "**{}**", "{}", "{}", "{}", "* {}*", "*{} *"])


@st.composite
def prose(draw) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        lines = []
        for _ in range(draw(st.integers(1, 2))):
            words = [draw(EMPHASIS).format(draw(WORDS)) for _ in range(draw(st.integers(1, 8)))]
            lines.append(draw(st.sampled_from([" ", "\u00a0"])).join(words))
        paragraphs.append("\n".join(lines))
    return draw(st.sampled_from(["\n\n", "\n\n\n", "\n"])).join(paragraphs)


@settings(max_examples=600, deadline=None)
@given(prose())
def test_generated_prose_gets_python_markdowns_html_or_is_declined(text):
    assert_same_or_declined(text)


MARKERS = st.sampled_from(
    ["", "", "# ", "### ", "###### ", "####### ", "#", "> ", ">", "- ", "1. ", "2. ", "10. ",
     "01. ", "* ", "+ ", "  - ", "1) "]
)  # fmt: skip


@st.composite
def blocks(draw) -> str:
    out = []
    for _ in range(draw(st.integers(1, 4))):
        marker = draw(MARKERS)
        lines = []
        for _ in range(draw(st.integers(1, 3))):
            words = [draw(EMPHASIS).format(draw(WORDS)) for _ in range(draw(st.integers(1, 5)))]
            line_marker = marker if draw(st.integers(0, 5)) else draw(MARKERS)
            lines.append(line_marker + " ".join(words))
        out.append("\n".join(lines))
    return draw(st.sampled_from(["\n\n", "\n"])).join(out)


@settings(max_examples=600, deadline=None)
@given(blocks())
def test_generated_headings_quotes_and_lists_get_the_same_html_or_are_declined(text):
    assert_same_or_declined(text)


def _runs(article) -> list[str]:
    runs = []
    for section in article.walk_sections():
        runs += IMAGE_REFERENCE_LINE.split(section.markdown)[::2]
        runs += section.markdown.split("\n\n")
    return [run for run in runs if run.strip()]


@pytest.mark.parametrize("article", [sample_article(), german_article()], ids=["sample", "de"])
def test_every_run_of_our_articles_is_the_same_and_most_are_prose(article):
    runs = _runs(article)
    taken = [run for run in runs if assert_same_or_declined(run)]
    assert len(taken) >= len(runs) // 2, (len(taken), len(runs))


def test_the_sample_articles_first_section_needs_no_python_markdown():
    """What the window shows first at `make run` (tests/gui/test_lazy_start.py counts on it)."""
    lead = sample_article().sections[0].markdown
    runs = [run for run in IMAGE_REFERENCE_LINE.split(lead)[::2] if run.strip()]
    assert runs and all(prose_html(run) is not None for run in runs)


@pytest.mark.parametrize(
    "text",
    [
        "12) another",
        "- a\n  - nested list",
        "1. a\n\n2. loose list",
        "* a starred list",
        "Intro:\n- a list without a blank line",
        "> > a nested quote",
        ">no space quote",
        "> a quote\nwith a lazy line",
        "### C#",
        "####### seven",
        "#tag",
        "### Heading\nand a line",
        "Some `code`",
        "A [link](example.org) without its scheme",
        'A [link](https://example.org/ "with a title")',
        "A [link](https://example.org/?a=1&b=2) with an ampersand",
        "A [link](mailto:desk@example.org)",
        "Under_scores and _emphasis_",
        "A line break  \nafter two spaces",
        "    indented code",
        " leading space",
        "A\ttab",
        "Nested **bold *italic* bold**",
        "Three ***stars***",
        "A lone * star",
        "* * *",
        "Text\n===",
        "Fish & chips",
        "x < y",
        "~~struck~~",
        "H<sub>2</sub>O",
        "A note <!-- private -->",
        "| a | b |",
        "[ ] a task",
        "☐ a task",
        "",
        "\n\n",
    ],
)
def test_anything_more_than_prose_is_left_to_python_markdown(text):
    assert prose_html(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The council voted **eleven to four** on *Thursday*.",
        "„Wir zählen jeden Fahrgast“, sagte sie am 27.\u00a0November.",
        "First paragraph.\n\nSecond one,\nwrapped.",
        "a*b*c and **x**y",
        "«C'est ça», dit-il (2026) – 3,5 % mehr.",
        "As [the minutes](https://example.org/archive/00001) show, *twice*.",
        "A [link](https://example.org)",
        "- a list",
        "1. a numbered list\n2. of *two*",
        "3. starting\n4. at three",
        "# a heading demoted",
        "#### Four",
        "> A quote, said she.",
        "> Two\n> lines",
        "Para.\n\n### Sub *head*\n\n- x\n- [y](https://e.org)\n\n> q\n\nEnd.",
        "[Der Fahrplan](https://example.org/fahrplan_2026#winter) liegt vor.",
    ],
)
def test_prose_is_taken(text):
    assert prose_html(text) == python_markdown(text)
