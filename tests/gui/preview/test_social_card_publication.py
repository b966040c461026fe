"""The link card and the search result with and without a publication: with one, the page has its
own address, and the card shows the site's host and the snippet the address as engines print it;
without one, the card says a shared link would come without image and address."""

from __future__ import annotations

import io

from PIL import Image as PillowImage

from newsdesk.formats.html_export import render_page
from newsdesk.gui.preview.head_data import read_head
from newsdesk.gui.preview.preview_pane import page_assets
from newsdesk.gui.preview.social_previews import (
    SearchSnippetPreview,
    SocialCardPreview,
    page_host,
    search_address,
)
from newsdesk.model.article import Article, Image, Section
from newsdesk.publication import PublicationProfile

KUESTENBOTE = PublicationProfile(
    name="Küstenbote",
    site_name="Der Küstenbote",
    base_url="https://www.kuestenbote.example/lokales",
)


def _article() -> Article:
    photo = io.BytesIO()
    PillowImage.new("RGB", (400, 300), (40, 90, 150)).save(photo, "JPEG")
    return Article(
        headline="Neue Buslinie verbindet die Dörfer am Deich",
        description="Ab Dezember fährt die Linie 7 stündlich.",
        language="de",
        slug="buslinie-deich",
        sections=[Section(markdown="Die Linie 7 fährt ab Dezember.")],
        images=[
            Image(role="lead", data=photo.getvalue(), alt="Ein Bus am Deich", credit="Hafenamt")
        ],
    )


def _shown(qtbot, profile):
    article = _article()
    page = render_page(article, assets="preview", missing_images="placeholder", profile=profile)
    head = read_head(page.html)
    card, snippet = SocialCardPreview(), SearchSnippetPreview()
    for widget in (card, snippet):
        qtbot.addWidget(widget)
        widget.show()
    card.show_head(head, article, page_assets(page))
    snippet.show_head(head, article)
    return head, card, snippet


def test_with_a_publication_the_card_names_the_site(qtbot):
    head, card, snippet = _shown(qtbot, KUESTENBOTE)
    assert head.og_url == "https://www.kuestenbote.example/lokales/buslinie-deich"
    assert card.host.isVisible() and card.host.text() == "KUESTENBOTE.EXAMPLE"
    assert not card.note.isVisible() and not card.image.pixmap().isNull()
    assert snippet.address.text() == "kuestenbote.example › lokales › buslinie-deich"


def test_without_one_the_card_says_what_a_shared_link_lacks(qtbot):
    head, card, snippet = _shown(qtbot, None)
    assert head.og_url == ""
    assert not card.host.isVisible()
    assert card.note.isVisible() and "Publication Settings" in card.note.text()
    assert not card.image.pixmap().isNull()  # what the page would show, with the note below
    assert snippet.address.text() == "your site › buslinie-deich"


def test_addresses_as_engines_print_them():
    assert page_host("https://www.site.example/a") == "site.example"
    assert page_host("") == page_host("not a url") == ""
    assert search_address("https://site.example/news/2026/h%C3%A4fen") == (
        "site.example › news › 2026 › häfen"
    )
    assert search_address("") == ""
