"""The preview's Qt-free parts: which sections to patch, what the head says, how engines cut."""

from __future__ import annotations

import base64

import pytest

from newsdesk.derived_cache import MemoryCache
from newsdesk.formats.html_export import render_page
from newsdesk.gui.preview.fallback_view import fit_images
from newsdesk.gui.preview.head_data import (
    cover_crop,
    data_uri_bytes,
    image_bytes,
    read_head,
    truncate,
)
from newsdesk.gui.preview.page_bytes import repair_surrogates, utf8
from newsdesk.gui.preview.page_diff import article_children, page_patches, split_top_level
from newsdesk.gui.preview.preview_pane import page_assets
from newsdesk.model.article import Image, Section
from tests.formats.html_export_fixtures import german_article, jpeg_bytes

_IMAGES = MemoryCache()


def _page(article) -> str:
    return render_page(article, assets="preview", cache=_IMAGES, missing_images="placeholder").html


# --- page_diff ---------------------------------------------------------------------------------


def test_typing_in_one_section_patches_that_section_only():
    article = german_article()
    before = _page(article)
    article.sections[2].markdown += " Ein neuer Satz."
    patches = page_patches(before, _page(article))
    # The article's children: header, lead figure, four sections, related links.
    assert [p[:3] for p in patches] == [(4, "section", "section-kommentar")]
    assert patches[0].html.startswith('<section id="section-kommentar"')
    assert patches[0].html.endswith("</section>")
    assert "Ein neuer Satz." in patches[0].html


def test_a_nested_section_patches_its_top_level_section():
    article = german_article()
    before = _page(article)
    article.sections[1].children[0].markdown += " Dazu kommen Personalkosten."
    patches = page_patches(before, _page(article))
    assert [p[:3] for p in patches] == [(3, "section", "section-aenderungen")]
    assert patches[0].html.count("<section") == 2  # the parent with its child inside


def test_a_box_is_patched_like_a_section():
    article = german_article()
    before = _page(article)
    article.sections[3].markdown = "N1 und N2 fahren ab 0.30 Uhr."
    patches = page_patches(before, _page(article))
    assert [p[:3] for p in patches] == [(5, "aside", "section-ueberblick")]


def test_header_lead_figure_and_related_links_are_patched_by_position():
    article = german_article()
    before = _page(article)
    article.kicker = "Nahverkehr"
    article.images[0].caption = "Eine neue Bildunterschrift"
    article.related.links.pop(0)
    patches = page_patches(before, _page(article), max_share=1.0)
    assert [p[:3] for p in patches] == [(0, "header", ""), (1, "figure", ""), (6, "aside", "")]
    assert "Nahverkehr" in patches[0].html
    assert "Eine neue Bildunterschrift" in patches[1].html
    assert "Neue Radwege" not in patches[2].html


def test_a_change_only_in_the_head_needs_nothing():
    article = german_article()
    before = _page(article)
    article.description = "Eine andere Beschreibung."
    article.tags.append("Nachtbus")
    assert page_patches(before, _page(article)) == []


@pytest.mark.parametrize(
    "change",
    [
        lambda a: a.sections.pop(2),  # one section fewer
        lambda a: a.sections.insert(0, Section(id="neu", markdown="Neuer Vorspann.")),
        lambda a: a.sections.reverse(),  # same count, other order
        lambda a: setattr(a.sections[2], "kind", "box"),  # a section becomes an aside
        lambda a: setattr(a, "language", "en"),  # <html lang> and every label
        lambda a: a.images.pop(0),  # no lead figure
    ],
)
def test_a_changed_structure_means_a_full_load(change):
    article = german_article()
    before = _page(article)
    change(article)
    assert page_patches(before, _page(article)) is None


def test_many_changed_parts_mean_a_full_load():
    article = german_article()
    before = _page(article)
    for section in article.sections:
        section.markdown += " Nachtrag."
    article.headline = "Ein neuer Titel"
    assert page_patches(before, _page(article)) is None
    assert len(page_patches(before, _page(article), max_share=1.0)) == 5


def test_split_top_level_keeps_every_character_and_refuses_broken_nesting():
    body = "<p>a</p><section id=x><section id=y>b</section></section>\n<aside id=z>c</aside>"
    pieces = split_top_level(body)
    assert "".join(pieces) == body
    assert pieces[1] == "<section id=x><section id=y>b</section></section>"
    assert pieces[3] == "<aside id=z>c</aside>"
    assert split_top_level("<section>a") is None
    assert split_top_level("a</section>") is None
    assert page_patches("no page", "<html><head></head><body></body></html>") is None


def test_only_an_article_of_known_children_is_split():
    assert article_children(_page(german_article()).split("<body>")[1].split("</body>")[0])
    article = (
        '<article class="article">\n<header>h</header>\n<section id="a">s</section>\n</article>'
    )
    assert article_children(article) == ["<header>h</header>", '<section id="a">s</section>']
    assert article_children(article.replace("\n<section", "<p>x</p><section")) is None
    assert article_children("<div>" + article + "</div>") is None


# --- head_data ---------------------------------------------------------------------------------


def test_the_head_gives_title_description_and_the_shown_photo():
    article = german_article()
    page = render_page(article, assets="preview", cache=_IMAGES, missing_images="placeholder")
    head = read_head(page.html)
    assert head.title == article.headline
    assert head.og_title == article.headline
    assert head.description == head.og_description == article.description
    # The served medium size, linked relatively like the page's own photos.
    assert head.og_image.startswith("preview-images/") and head.og_image.endswith("-960.jpg")
    # A symbol image's notice travels with it to the social card (issue 15).
    lead = article.images[0]
    assert head.og_image_alt.startswith(lead.alt)
    assert (lead.disclaimer in head.og_image_alt) is lead.symbolic
    assert head.og_image_id == "titelbild"
    assert image_bytes(head.og_image, page_assets(page))[:2] == b"\xff\xd8"


def test_the_preview_page_links_its_photos_and_hands_over_their_bytes():
    article = german_article()
    page = render_page(article, assets="preview", cache=_IMAGES, missing_images="placeholder")
    assert "data:image" not in page.html
    assets = page_assets(page)
    # One size each: the lead photo 960 wide, the map 900 (its own width).
    assert sorted(url.rsplit("-", 1)[1] for url in assets) == ["900.jpg", "960.jpg"]
    for url in assets:
        # One size a photo (issue 15: the page carries the size a desktop shows, no others).
        assert page.html.count(f'src="{url}"') == 1
        assert assets[url][:2] == b"\xff\xd8"
    assert page.asset_dir_name == "preview-images"


def test_image_bytes_reads_data_uris_and_the_pages_own_assets_only():
    assets = {"preview-images/abc-960.jpg": b"photo"}
    encoded = base64.b64encode(b"inline").decode()
    assert image_bytes(f"data:image/png;base64,{encoded}", assets) == b"inline"
    assert image_bytes("preview-images/abc-960.jpg", assets) == b"photo"
    assert image_bytes("preview-images/abc-960.jpg") is None  # no assets handed over
    for elsewhere in (
        "preview-images/other-960.jpg",
        "/preview-images/abc-960.jpg",
        "//example.org/preview-images/abc-960.jpg",
        "https://example.org/preview-images/abc-960.jpg",
        "file:preview-images/abc-960.jpg",
    ):
        assert image_bytes(elsewhere, assets) is None


def test_without_a_lead_photo_og_image_is_the_first_photo_the_page_shows():
    article = german_article()
    article.images[0].role = "inline"
    article.images[0].data = None  # a missing photo: its figure shows a placeholder
    head = read_head(_page(article))
    assert head.og_image_id == "karte"


def test_a_page_without_photos_has_no_og_image():
    article = german_article()
    article.images.clear()
    article.description = ""
    head = read_head(_page(article))
    assert (head.og_image, head.og_image_id) == ("", "")
    assert head.description.startswith("Nach monatelanger Debatte")  # from the text


def test_data_uri_bytes_reads_only_base64_data_uris():
    encoded = base64.b64encode(b"photo").decode()
    assert data_uri_bytes(f"data:image/png;base64,{encoded}") == b"photo"
    assert data_uri_bytes("https://example.org/photo.jpg") is None
    assert data_uri_bytes("data:image/png;base64,@@@") is None


def test_truncate_cuts_at_a_word_like_a_search_engine():
    assert truncate("  Short   title ", 60) == "Short title"
    text = "Stadtrat beschließt Nachtbus-Versuch für die Außenbezirke und die Innenstadt"
    cut = truncate(text, 60)
    assert cut == "Stadtrat beschließt Nachtbus-Versuch für die Außenbezirke …"
    assert len(cut) <= 62
    assert truncate("A" * 80, 60) == "A" * 60 + " …"  # one long word: cut inside it
    assert truncate("exactly ten", 11) == "exactly ten"
    assert truncate("Word, another word", 6) == "Word …"  # no dangling comma


def test_cover_crop_keeps_the_focal_point_in_view():
    assert cover_crop(1910, 1000, 1.91) == (0, 0, 1910, 1000)
    x, y, w, h = cover_crop(4000, 1000, 1.91, focal_x=0.9)
    assert (y, w, h) == (0, 1910, 1000)
    assert x <= 0.9 * 4000 <= x + w
    assert cover_crop(4000, 1000, 1.91, focal_x=1.0)[0] == 4000 - 1910  # at the edge
    assert cover_crop(4000, 1000, 1.91, focal_x=0.0)[0] == 0
    x, y, w, h = cover_crop(1000, 1000, 1.91, focal_y=0.2)
    assert (x, w, h) == (0, 1000, 524)
    assert y == 0  # 0.2 * 1000 - 262 is above the top edge
    assert cover_crop(0, 10, 1.91) == (0, 0, 0, 10)


# --- page_bytes --------------------------------------------------------------------------------


def test_half_a_surrogate_pair_becomes_a_replacement_character():
    broken = "Zitat \ud83d Ende"
    assert repair_surrogates(broken) == "Zitat \ufffd Ende"
    assert utf8(broken) == "Zitat \ufffd Ende".encode()
    assert repair_surrogates("Grüße 😀") == "Grüße 😀"


def test_inline_photos_keep_their_place_in_the_patch():
    article = german_article()
    article.images.append(
        Image(id="extra", role="inline", data=jpeg_bytes((300, 200)), caption="Ein drittes Foto")
    )
    article.sections[2].markdown += "\n\n![](image:extra)\n\nNach dem Foto."
    before = _page(article)
    article.sections[2].markdown += " Und weiter."
    patches = page_patches(before, _page(article))
    assert [p.element_id for p in patches] == ["section-kommentar"]
    assert 'data-image-id="extra"' in patches[0].html
    assert patches[0].html.index("extra") < patches[0].html.index("Und weiter.")


def test_the_simplified_view_scales_photos_to_its_width():
    html = '<img src="a" width="960" height="640" alt=""><img src="b" width="300" height="200">'
    fitted = fit_images(html, 480)
    assert '<img src="a" width="480" height="320" alt="">' in fitted
    assert '<img src="b" width="300" height="200">' in fitted  # small enough already
