"""No-break spaces where a line must not break, in the page's text only (issue 15)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.formats.html_export import render_page
from newsdesk.formats.typography import typeset_html
from newsdesk.model.article import Article, Section
from tests.formats.html_export_fixtures import parse

NB = "\u00a0"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Am 27. November 2026</p>", f"<p>Am 27.{NB}November 2026</p>"),
        ("<p>on November 27, 2026</p>", f"<p>on November{NB}27, 2026</p>"),
        (
            "<p>10 km, 3,5 Mio. Euro, 20 %, 7 Uhr</p>",
            f"<p>10{NB}km, 3,5{NB}Mio. Euro, 20{NB}%, 7{NB}Uhr</p>",
        ),
        ("<p>(c) 2026 Eva Groß</p>", f"<p>©{NB}2026 Eva Groß</p>"),
        ("<p>(a) Anträge (b) Fristen (c) Kosten</p>", "<p>(a) Anträge (b) Fristen (c) Kosten</p>"),
        ("<p>2 Mädchen und 3 Männer</p>", "<p>2 Mädchen und 3 Männer</p>"),
        ('<a href="x" title="10 km">10 km</a>', f'<a href="x" title="10 km">10{NB}km</a>'),
        (
            "<pre><code>10 km</code></pre><p>10 km</p>",
            f"<pre><code>10 km</code></pre><p>10{NB}km</p>",
        ),
    ],
)
def test_spaces_that_must_not_break(html, expected):
    assert typeset_html(html) == expected


def test_the_exported_page_is_typeset_and_the_stored_text_is_not():
    text = "Am 27. November sperrt die Stadt 2 km der Hauptstraße."
    article = Article(
        language="de", headline="Sperrung ab 27. November", sections=[Section(markdown=text)]
    )
    root = parse(render_page(article).html)
    assert root.find(".//h1").text == f"Sperrung ab 27.{NB}November"
    assert f"27.{NB}November sperrt die Stadt 2{NB}km" in root.find(".//main//p").text
    assert article.sections[0].markdown == text


def _typeset_reference(html: str) -> str:
    """typeset_html as first written, every text through keep_together: the fast one must agree."""
    from newsdesk.formats import typography

    parts = typography._TAG.split(html)
    verbatim = 0
    for index, part in enumerate(parts):
        if index % 2:
            match = typography._VERBATIM.match(part)
            if match:
                verbatim = max(0, verbatim + (-1 if match.group(1) else 1))
        elif part and not verbatim:
            parts[index] = typography.keep_together(part)
    return "".join(parts)


_PIECES = [
    "<p>", "</p>", "<code>", "</code>", "<pre>", "</pre>", "<PRE class=x>", "<c>", "<", ">",
    "27. November", "12 km", "(c) 2026", "© 2026", "a", " ", "3 %", "x\n", "<br/>", "</ code>",
    "©", "(c", "1", "(", "c)", "(C)", "2", "km", "Mai",
]  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_the_fast_typesetting_is_the_reference_one(pieces):
    html = "".join(pieces)
    assert typeset_html(html) == _typeset_reference(html)
