"""The render cache: the same page as without it, re-rendering only the text that changed."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.derived_cache import MemoryCache
from newsdesk.formats.html_export import render_page
from newsdesk.formats.jsonld import NOT_IN_HTML
from newsdesk.formats.markdown_render import render_markdown
from newsdesk.formats.render_cache import RenderCache, remove_not_in_html
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.counts import article_counts
from tests.formats.html_export_fixtures import english_opinion, german_article, jpeg_bytes

_WORDS = [
    *("harbour", "ferry", "council", "budget", "night", "shift", "crane", "dock", "tide"),
    *("pier", "lantern", "vote", "mayor", "street", "rain", "market", "bridge", "river"),
    *("Hafen", "Fähre", "Stadtrat", "Schicht", "Brücke", "Regen", "Markt", "Ufer", "Möwen"),
]


def long_article(sections: int = 100, words_per_section: int = 1000, photos: int = 20) -> Article:
    """A long read: `sections` headed sections of Markdown paragraphs, lists and links, a lead
    photo and `photos - 1` inline photos spread over the text (random words, fixed seed)."""
    rng = random.Random(4)

    def paragraph(count: int) -> str:
        words = [rng.choice(_WORDS) for _ in range(count)]
        words[0] = words[0].capitalize()
        words[rng.randrange(count)] = f"**{words[rng.randrange(count)]}**"
        return " ".join(words) + "."

    parts_of_article = []
    for number in range(sections):
        blocks, written = [], 0
        while written < words_per_section:
            count = min(40, words_per_section - written)
            blocks.append(paragraph(max(count, 3)))
            written += max(count, 3)
            if len(blocks) % 6 == 0:
                blocks.append("- the first point\n- [the source](https://example.org/source)")
        parts_of_article.append(Section(heading=f"Part {number + 1}", markdown="\n\n".join(blocks)))
    images = [
        Image(
            role="lead" if n == 0 else "inline",
            data=jpeg_bytes((640, 400), (20 + n * 10, 60, 120)),
            caption=f"Photo {n + 1} of the harbour",
            alt="Cranes against the evening sky",
            credit="Newsdesk tests",
        )
        for n in range(photos)
    ]
    step = max(1, sections // max(1, photos - 1))
    for n, image in enumerate(images[1:]):
        section = parts_of_article[min(n * step, sections - 1)]
        section.markdown += f"\n\n![](image:{image.id})\n\nThe story goes on after the photo."
    return Article(
        headline="A night on the harbour", language="en", sections=parts_of_article, images=images
    )


def _page(article: Article, cache: RenderCache | None, images: MemoryCache) -> str:
    return render_page(
        article, assets="preview", cache=images, missing_images="placeholder", render_cache=cache
    ).html


def test_pages_with_and_without_the_cache_are_identical_across_edits():
    images = MemoryCache()
    cache = RenderCache()
    for article in (german_article(), english_opinion()):
        assert _page(article, cache, images) == _page(article, None, images)
        article.sections[0].markdown += "\n\nA new paragraph with **bold** text."
        article.headline += " (updated)"
        assert _page(article, cache, images) == _page(article, None, images)
    for assets in ("embed", "folder"):
        article = german_article()
        with_cache = render_page(article, assets=assets, cache=images, render_cache=cache)
        without = render_page(article, assets=assets, cache=images)
        assert with_cache == without


def test_a_pause_in_typing_renders_only_the_changed_text():
    article = long_article(sections=40, words_per_section=200, photos=5)
    images = MemoryCache()
    cache = RenderCache()
    first = _page(article, cache, images)
    runs = cache.misses
    assert runs > 40  # every run was rendered once
    assert _page(article, cache, images) == first
    assert cache.misses == runs  # nothing rendered again
    article.sections[17].markdown += " and one more word"
    changed = _page(article, cache, images)
    assert cache.misses == runs + 1
    assert "and one more word" in changed
    assert changed == _page(article, None, images)


def test_the_word_count_in_the_json_ld_follows_the_text():
    article = german_article()
    cache = RenderCache()

    def word_count() -> int:
        html = render_page(article, assets="preview", render_cache=cache).html
        return int(re.search(r'"wordCount": (\d+)', html).group(1))

    before = word_count()
    assert before == article_counts(article).words
    article.sections[1].children[0].markdown += " Zwei Wörter"
    article.sections[2].heading = "Kommentar"
    assert word_count() == article_counts(article).words
    assert word_count() != before


def test_the_cache_forgets_the_oldest_runs_beyond_its_size():
    cache = RenderCache(max_chars=400)
    texts = [f"Paragraph number {n} with *some* text." for n in range(20)]
    for text in texts:
        assert cache.markdown(text) == render_markdown(text)
    assert 0 < len(cache) < 20
    assert cache.markdown(texts[-1]) == render_markdown(texts[-1])
    hits = cache.hits
    cache.markdown(texts[0])  # forgotten long ago: rendered again
    assert cache.hits == hits
    huge = "word " * 1000  # larger than the whole cache: rendered, never kept
    assert cache.markdown(huge) == render_markdown(huge)
    assert huge not in cache._runs


_markdown_pieces = st.sampled_from(
    [
        "Plain words",
        "**bold** and *italic*",
        "\n\n",
        "\n",
        "![](image:photo-1)",
        "![alt](image:other)",
        "  ![](image:photo-1)  ",
        "- item\n- item",
        "1. one\n2. two",
        "> quoted",
        "# heading",
        "<b>raw</b>",
        "\x00",
        "[link](https://example.org)",
        "    indented",
        "",
    ]
)


@settings(max_examples=80, deadline=None)
@given(st.lists(_markdown_pieces, max_size=12), st.booleans())
def test_markdown_is_what_render_markdown_gives(pieces, with_figures):
    text = "".join(pieces)
    figure = (lambda image_id: f"<figure>{image_id}</figure>") if with_figures else None
    cache = RenderCache()
    assert cache.markdown(text, figure) == render_markdown(text, figure)
    assert cache.markdown(text, figure) == render_markdown(text, figure)  # from memory


_characters = st.one_of(
    st.characters(),
    st.sampled_from(
        ["\x00", "\x0b", "\x85", "\ufdd0", "\ufffe", "\U0001fffe", "\U0010ffff", "\U0001f600"]
    ),
    st.sampled_from(["\U00020000", "ä", "\n"]),
)


@settings(max_examples=100, deadline=None)
@given(st.text(_characters, max_size=60))
def test_remove_not_in_html_matches_the_pattern(text):
    assert remove_not_in_html(text) == NOT_IN_HTML.sub("", text)
