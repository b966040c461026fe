"""render_page(show_notes=...): the window's preview shows private notes on request; a page
rendered for anything else (the default) never does."""

from __future__ import annotations

from newsdesk.formats.html_export import render_page
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
