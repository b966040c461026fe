"""render_page(show_notes=...): the window's preview shows private notes on request; a page
rendered for anything else (the default) never does."""

from __future__ import annotations

import pytest

from newsdesk.formats.html_export import render_page
from newsdesk.formats.markdown_render import render_markdown
from newsdesk.formats.render_cache import RenderCache
from newsdesk.model.article import Article, Section

MARKDOWN = "Der Stadtrat tagt <!-- ZZ Zitat von Frau Weiß autorisieren ZZ --> am Montag.\n"


def _article() -> Article:
    return Article(language="de", headline="Stadtrat", sections=[Section(markdown=MARKDOWN)])


def test_the_page_leaves_notes_out_by_default():
    html = render_page(_article()).html
    assert "Stadtrat tagt" in html
    assert "ZZ Zitat" not in html


def test_the_preview_on_request_shows_the_note_highlighted():
    html = render_page(_article(), assets="preview", show_notes=True).html
    assert '<span class="newsdesk-note">ZZ Zitat von Frau Weiß autorisieren ZZ</span>' in html


@pytest.mark.parametrize("show_notes", [False, True])
def test_the_previews_render_cache_renders_notes_and_source_notes_as_the_export(show_notes):
    # The live preview renders through a RenderCache: it once showed "1-1" for a source-note
    # reference and "0" for a shown note (the notes' placeholders read as text).
    text = "Laut Polizei[^1] <!-- prüfen --> brannte es.\n\n[^1]: Polizeipräsidium Kassel\n"
    cache = RenderCache()
    for _ in range(2):  # rendered, then remembered
        cached = cache.markdown(text, note_prefix="s", show_notes=show_notes)
        assert cached == render_markdown(text, note_prefix="s", show_notes=show_notes)
    assert 'role="doc-noteref"><sup>1</sup>' in cached
    assert ('<span class="newsdesk-note">prüfen</span>' in cached) is show_notes
