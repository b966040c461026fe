"""Converted section text kept beside the photo sizes (formats.kept_render): the same page with it
or without it, only the runs of the last render kept, anything unreadable or from another
renderer ignored."""

from __future__ import annotations

import json
import zlib

import pytest

from newsdesk.derived_cache import MemoryCache
from newsdesk.formats import kept_render
from newsdesk.formats.html_export import export_html, render_page
from newsdesk.formats.kept_render import KEPT_RENDER_KEY, KeptRenderCache
from newsdesk.model.article import Article, Section
from tests.formats.html_export_fixtures import english_opinion, german_article


@pytest.mark.parametrize("make_article", [german_article, english_opinion])
def test_the_page_is_the_same_cold_warm_and_without_a_cache(make_article, tmp_path):
    article = make_article()
    plain = export_html(article, tmp_path / "plain.html")
    cache = MemoryCache()
    export_html(article, tmp_path / "cold.html", cache=cache)
    assert cache.get(KEPT_RENDER_KEY)
    export_html(article, tmp_path / "warm.html", cache=cache)
    page = plain.page.path.read_bytes()
    assert (tmp_path / "cold.html").read_bytes() == page
    assert (tmp_path / "warm.html").read_bytes() == page


def test_a_warm_render_converts_nothing_and_keeps_nothing_new():
    article = german_article()
    store = MemoryCache()
    cold = KeptRenderCache(store)
    first = render_page(article, render_cache=cold).html
    assert cold.misses > 0 and cold.kept_hits == 0
    assert cold.keep() is True
    kept = store.get(KEPT_RENDER_KEY)
    warm = KeptRenderCache(store)
    assert render_page(article, render_cache=warm).html == first
    assert warm.misses == 0 and warm.kept_hits == cold.misses
    assert warm.keep() is False  # the same runs: the file is not written again
    assert store.get(KEPT_RENDER_KEY) == kept


def _article(*bodies: str) -> Article:
    return Article(
        headline="Fährhafen bekommt ein zweites Terminal",
        language="de",
        sections=[Section(heading=f"Teil {n}", markdown=body) for n, body in enumerate(bodies)],
    )


def _kept_runs(store: MemoryCache) -> dict[str, str]:
    return json.loads(zlib.decompress(store.get(KEPT_RENDER_KEY) or b""))["runs"]


def test_only_the_changed_text_is_converted_and_only_the_used_runs_are_kept():
    store = MemoryCache()
    before = _article("Die Fähre fährt **stündlich**.", "The ferry leaves *every hour*.")
    first = KeptRenderCache(store)
    render_page(before, render_cache=first)
    first.keep()
    assert len(_kept_runs(store)) == 2
    after = _article("Die Fähre fährt **halbstündlich**.", "The ferry leaves *every hour*.")
    second = KeptRenderCache(store)
    html = render_page(after, render_cache=second).html
    assert (second.misses, second.kept_hits) == (1, 1)
    assert "<strong>halbstündlich</strong>" in html
    assert second.keep() is True
    runs = _kept_runs(store)
    assert len(runs) == 2  # the old sentence's run is gone with it
    assert not any("<strong>stündlich</strong>" in run for run in runs.values())


def test_runs_of_another_renderer_are_not_used(monkeypatch):
    store = MemoryCache()
    article = _article("Das Terminal öffnet im Mai.")
    first = KeptRenderCache(store)
    page = render_page(article, render_cache=first).html
    first.keep()
    monkeypatch.setattr(kept_render, "RENDER_VERSION", kept_render.RENDER_VERSION + 1)
    other = KeptRenderCache(store)
    assert other.kept == {}
    assert render_page(article, render_cache=other).html == page
    assert other.misses == 1
    assert other.keep() is True  # written for the renderer now in use


@pytest.mark.parametrize(
    "entry",
    [b"not zlib", zlib.compress(b"[1, 2]"), zlib.compress(b'{"renderer": 3}'), b""],
)
def test_an_unreadable_entry_is_made_again(entry):
    store = MemoryCache()
    store.put(KEPT_RENDER_KEY, entry)
    article = _article("Ein Satz über den Hafen.")
    cache = KeptRenderCache(store)
    assert cache.kept == {}
    assert render_page(article, render_cache=cache).html == render_page(article).html
    assert cache.keep() is True
    assert len(_kept_runs(store)) == 1


def test_the_counts_of_unchanged_sections_are_kept_and_the_changed_counted(monkeypatch):
    from newsdesk.model import counts

    store = MemoryCache()
    before = _article("Die Fähre fährt stündlich.", "The ferry leaves every hour, all year.")
    first = KeptRenderCache(store, before)
    page = render_page(before, render_cache=first).html
    first.keep()
    counts._text_counts.cache_clear()  # as in a new process
    counted = []
    real = counts.plain_text
    monkeypatch.setattr(counts, "plain_text", lambda text: counted.append(text) or real(text))
    again = KeptRenderCache(store, before)
    assert render_page(before, render_cache=again).html == page  # wordCount included
    assert counted == []
    after = _article("Die Fähre fährt nur noch halbstündlich.", before.sections[1].markdown)
    counts._text_counts.cache_clear()
    changed = KeptRenderCache(store, after)
    html = render_page(after, render_cache=changed).html
    assert counted == ["Die Fähre fährt nur noch halbstündlich."]
    assert html == render_page(after).html
    assert changed.keep() is True
