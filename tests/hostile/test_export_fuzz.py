"""Export fuzzing with broader strategies than tests/formats/test_export_safety.py.

That file's hypothesis test mixes a fixed alphabet of dangerous characters with its payload list in
five fields. Here any Unicode text (controls, U+2028, bidi marks, astral characters) is spliced with
injection fragments into every field of the article, section trees are nested, and Markdown bodies
are built from links, images, raw HTML, code and lists whose URLs come from encoded `javascript:`
variants. Every page goes through the same browser-grade inertness check (html5lib): one script,
the JSON-LD block, which parses; no event handlers; no URL schemes beyond http, https, mailto and
our own data:image URIs; no embedding or foreign elements.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.formats.html_export import render_page
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from tests.formats.test_export_safety import HOSTILE_URLS, PAYLOADS, assert_page_is_inert

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = [
    *PAYLOADS,
    "</script>",
    "</SCRIPT\t>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "javascript:",
    "&#x6a;avascript:",
    "&#106;avascript&colon;",
    "java&#x09;script:",
    '"><svg onload=alert(1)>',
    "'><img src=x onerror=alert(1)>",
    "\u2028",
    "\u2029",
    "\u202e",
    "\ufeff",
    "\\u003c/script\\u003e",
    "{{",
    "}}",
    "${",
    "</style>",
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>",
    "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='>",
    "<form action=javascript:alert(1)><button>",
]
URLS = [
    *HOSTILE_URLS,
    "&#x6a;avascript:alert(1)",
    "&#106;&#97;vascript:alert(1)",
    "javascript&colon;alert(1)",
    "\x01javascript:alert(1)",
    "java\u0000script:alert(1)",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "data:image/png;base64,iVBORw0KGgo=",
    "JaVaScRiPt:alert(1)",
    'https://example.org/a?b=<c>&d="e"',
    "mailto:a@example.org?subject=</script>",
]
# No lone surrogates: they cannot be encoded (export refuses them; see test_text_input).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
TEXT = st.lists(ANY_TEXT | st.sampled_from(FRAGMENTS), max_size=6).map("".join)
URL = st.sampled_from(URLS) | TEXT | st.tuples(st.sampled_from(URLS), TEXT).map("".join)


@st.composite
def markdown_bodies(draw) -> str:
    """Markdown a hostile script could write: structure around dangerous text and URLs."""
    blocks = []
    for _ in range(draw(st.integers(0, 5))):
        text, url = draw(TEXT), draw(URL)
        shape = draw(st.integers(0, 9))
        blocks.append(
            [
                text,
                f"[{text}]({url})",
                f"![{text}]({url})",
                f"<{url}>",
                f'[{text}]({url} "{text}")',
                f"[ref][r]\n\n[r]: {url}",
                f"```\n{text}\n```",
                f"- {text}\n  - [{text}]({url})",
                f"> {text}\n>\n> <a href='{url}'>{text}</a>",
                f"### {text}\n\n<div onclick='x'>{text}</div>",
            ][shape]
        )
    return "\n\n".join(blocks)


@st.composite
def sections(draw, depth: int = 0) -> Section:
    children = draw(st.lists(sections(depth + 1), max_size=2)) if depth < 2 else []
    return Section(
        heading=draw(TEXT),
        kind=draw(st.sampled_from(["body", "opinion", "box"])),
        markdown=draw(markdown_bodies()),
        children=children,
    )


@st.composite
def articles(draw) -> Article:
    return Article(
        headline=draw(TEXT),
        subheadline=draw(TEXT),
        kicker=draw(TEXT),
        byline=draw(TEXT),
        dateline=draw(TEXT),
        language=draw(st.sampled_from(["de", "en", ""]) | TEXT),
        published=draw(st.sampled_from(["2025-01-02T03:04:05+01:00", ""]) | TEXT),
        slug=draw(TEXT),
        description=draw(TEXT),
        tags=draw(st.lists(TEXT, max_size=3)),
        sections=draw(st.lists(sections(), min_size=1, max_size=3)),
        images=[
            Image(
                role=draw(st.sampled_from(["lead", "inline"])),
                filename=draw(TEXT),
                caption=draw(TEXT),
                alt=draw(TEXT),
                credit=draw(TEXT),
                copyright=draw(TEXT),
                symbolic=draw(st.booleans()),
                disclaimer=draw(TEXT),
            )
            for _ in range(draw(st.integers(0, 2)))
        ],
        related=RelatedLinks(
            heading=draw(TEXT),
            links=[
                RelatedLink(title=draw(TEXT), url=draw(URL)) for _ in range(draw(st.integers(0, 3)))
            ],
        ),
    )


@SETTINGS
@given(article=articles())
def test_any_article_exports_to_an_inert_page(article):
    page = render_page(article, missing_images="placeholder")
    assert_page_is_inert(page.html, article)


@SETTINGS
@given(body=markdown_bodies(), heading=TEXT)
def test_any_markdown_body_exports_to_an_inert_page(body, heading):
    article = Article(
        headline="Kopf",
        sections=[Section(markdown=body), Section(heading=heading, markdown=body)],
    )
    assert_page_is_inert(render_page(article).html, article)


def test_controls_and_noncharacters_are_dropped_from_the_page_but_kept_in_the_data():
    # Found by the fuzz test: an ESC typed into the description reached the page raw, which
    # makes the HTML invalid ("invalid-codepoint"). Now the page drops such code points and the
    # JSON-LD keeps them, escaped, so the data still says exactly what was typed.
    odd = "Kopf\x1b \x85 \ufffe \U0001fffe\x07 Ende"
    article = Article(
        headline=odd, description=odd, sections=[Section(heading=odd, markdown=f"*{odd}*")]
    )
    html = render_page(article).html
    assert not {"\x1b", "\x85", "\ufffe", "\U0001fffe", "\x07"} & set(html)
    assert_page_is_inert(html, article)
    assert "<em>Kopf    Ende</em>" in html  # only the odd code points went
