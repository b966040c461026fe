"""Typed text escaped into our Markdown dialect renders as exactly that text."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.formats.markdown_escape import escape_markdown
from newsdesk.formats.markdown_render import render_markdown

_TAG = re.compile(r"<[^>]+>")


def _rendered_text(markdown: str) -> tuple[str, str]:
    """The rendered HTML and the text a reader sees in it."""
    rendered = render_markdown(markdown)
    return rendered, " ".join(html.unescape(_TAG.sub("", rendered)).split())


@pytest.mark.parametrize(
    "text",
    [
        "- nur ein Strich",
        "+ plus",
        "* Stern",
        "1999. war das Jahr",
        "# kein Titel",
        "> kein Zitat",
        "---",
        "***",
        "a *b* __c__ `d` ~~e~~ [f](https://example.org) ![g](h.png)",
        "<https://example.org> <mail@example.org> <b>fett</b>",
        "&amp; &#169; AT&T",
        "Pfad C:\\Temp\\neu",
        "![](image:abc123)",
    ],
)
def test_markdown_syntax_in_typed_text_renders_literally(text):
    rendered, seen = _rendered_text(escape_markdown(text))
    assert seen == text
    for element in ("<li", "<h", "<blockquote", "<em", "<strong", "<code", "<a ", "<del", "<hr"):
        assert element not in rendered


_SYNTAX_HEAVY = st.text(
    alphabet=st.sampled_from(list("ab \\`*_{}[]()#+-.!<>&;~=|:/@0123456789äß")),
    min_size=1,
    max_size=40,
)


@settings(max_examples=100, deadline=None)
@given(_SYNTAX_HEAVY)
def test_any_line_of_text_renders_as_itself(text):
    expected = " ".join(text.split())
    _, seen = _rendered_text(escape_markdown(text))
    assert seen == expected
