"""The editor reads plain prose without the page's HTML (markdown_blocks.markdown_to_blocks and
formats.plain_prose.prose_blocks): the blocks must be those read from the page's HTML, for
generated prose, for the shapes prose may take and for every section of the articles we ship."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from newsdesk.formats.markdown_blocks import (
    BOLD,
    HEADING,
    ITALIC,
    ITEM,
    PARAGRAPH,
    Block,
    Run,
    blocks_of_page_html,
    markdown_to_blocks,
)
from newsdesk.formats.plain_prose import prose_blocks
from newsdesk.sample import sample_article
from tests.formats.html_export_fixtures import german_article
from tests.formats.test_plain_prose import blocks, prose


def assert_same_blocks(text: str) -> bool:
    """Both readings agree (with and without notes shown); True when prose took the text."""
    for notes in (False, True):
        assert markdown_to_blocks(text, notes=notes) == blocks_of_page_html(text, notes=notes), (
            repr(text)
        )
    return prose_blocks(text) is not None


@settings(max_examples=400, deadline=None)
@given(prose())
def test_generated_prose_reads_as_through_the_page(text):
    assert_same_blocks(text)


@settings(max_examples=400, deadline=None)
@given(blocks())
def test_generated_headings_quotes_and_lists_read_as_through_the_page(text):
    assert_same_blocks(text)


@pytest.mark.parametrize("article", [sample_article(), german_article()], ids=["sample", "de"])
def test_every_section_of_our_articles_reads_as_through_the_page(article):
    sections = [s.markdown for s in article.walk_sections() if s.markdown.strip()]
    taken = [text for text in sections if assert_same_blocks(text)]
    assert taken, "no section of the article is plain prose"


def test_the_sample_lead_is_read_without_the_page_html():
    """The window's first section at `make run` (tests/gui/test_lazy_start.py counts on it)."""
    assert prose_blocks(sample_article().sections[0].markdown) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The council voted **eleven to four** on *Thursday*.",
        "„Wir zählen jeden Fahrgast“, sagte sie am 27.\u00a0November.",
        "First paragraph.\n\nSecond one,\nwrapped.",
        "As [the minutes](https://example.org/archive/00001) show, *twice*.",
        "**[bold link](https://example.org/a b)** and *[italic](https://e.org/x)*",
        "3. starting\n4. at three",
        "#### Four\n\n###### Six",
        "> A quote,\n> said she.\n\n> Another one.",
        "Para.\n\n### Sub *head*\n\n- x\n- [y](https://e.org)\n\n> q\n\nEnd.",
        "",
        "\n\n",
    ],
)
def test_shapes_of_prose_read_as_through_the_page(text):
    assert_same_blocks(text)


def test_what_prose_reads_into():
    text = "### The *new* timetable\n\nBoats run **late** [daily](https://e.org/t).\n\n- one\n- two"
    assert markdown_to_blocks(text) == [
        Block(HEADING, (Run("The "), Run("new", frozenset({ITALIC})), Run(" timetable")), level=3),
        Block(
            PARAGRAPH,
            (
                Run("Boats run "),
                Run("late", frozenset({BOLD})),
                Run(" "),
                Run("daily", href="https://e.org/t"),
                Run("."),
            ),
        ),
        Block(ITEM, (Run("one"),), depth=1),
        Block(ITEM, (Run("two"),), depth=1),
    ]
