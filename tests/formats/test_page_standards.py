"""Issue 15: the exported page is valid, accessible, ready for social and search, and light.

Each test states one promise of the issue on a real export (parsed as a browser parses it); the
Nu HTML Checker and axe-core run over the same exports in `make test-standards`.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage

from newsdesk.formats.bylines import contributors
from newsdesk.formats.html_export import export_html, render_page
from newsdesk.formats.html_labels import copyright_notice, copyright_signs, html_lang, labels_for
from newsdesk.model.article import Article, Image, Section
from newsdesk.publication import PublicationProfile
from tests.formats.html_export_fixtures import german_article, json_ld, meta, parse, text_of

PROFILE = PublicationProfile(
    name="Kasseler Abendblatt",
    site_name="Kasseler Abendblatt",
    base_url="https://www.abendblatt-kassel.example/lokales/",
    publisher_name="Abendblatt Verlag GmbH",
    publisher_logo_url="https://www.abendblatt-kassel.example/logo.png",
    author_url="https://www.abendblatt-kassel.example/autoren/jana-korte",
    twitter_handle="@abendblatt_ks",
)
PAGE_URL = "https://www.abendblatt-kassel.example/lokales/nachtbus-versuch-kassel"


def _png_chart() -> bytes:
    chart = PILImage.new("RGB", (1200, 800), "white")
    for x in range(100, 1100, 200):
        chart.paste((20, 90, 160), (x, 300, x + 120, 780))
    buffer = io.BytesIO()
    chart.save(buffer, "PNG")
    return buffer.getvalue()


def test_tel_and_spaced_link_targets_become_valid_hrefs():
    article = Article(
        language="de",
        sections=[
            Section(
                markdown="Anmeldung unter [0561 123-45](tel:+49 (0)561 123-45) oder im "
                "[Flyer](<https://example.org/Flyer Sommer.pdf>)."
            )
        ],
    )
    hrefs = [a.get("href") for a in parse(render_page(article).html).iter("a")]
    assert hrefs == ["tel:+4956112345", "https://example.org/Flyer%20Sommer.pdf"]


@pytest.mark.parametrize(
    ("typed", "written"),
    [("de", "de"), ("de_at", "de-AT"), ("deutsch", "und"), ("xx", "und"), ("de-xyzzy", "de")],
)
def test_the_lang_attribute_is_always_a_valid_tag(typed, written):
    assert html_lang(typed) == written
    root = parse(render_page(Article(language=typed, headline="Titel")).html)
    assert root.get("lang") == written


def test_one_main_landmark_and_no_section_without_heading():
    root = parse(render_page(german_article()).html)
    (main,) = root.findall("body/main")
    assert list(root.find("body")) == [main] and main.find("article") is not None
    for section in root.iter("section"):
        assert any(section.find(f"h{n}") is not None for n in range(2, 7)), section.attrib
    lead = main.find("article/div[@data-section-id='lead']")
    assert lead is not None and lead.get("aria-labelledby") is None


def test_the_symbol_image_label_shows_once():
    article = german_article()
    article.images[0].disclaimer = "Symbolbild: Die Szene wurde für das Foto nachgestellt."
    caption = parse(render_page(article).html).find(".//figure/figcaption")
    assert text_of(caption).count("Symbolbild") == 1
    assert text_of(caption.find("span[@class='disclaimer']")) == (
        "Symbolbild Die Szene wurde für das Foto nachgestellt."
    )
    article.images[0].disclaimer = "Archivbild: Die Aufnahme entstand 2019."
    caption = parse(render_page(article).html).find(".//figure/figcaption")
    assert "Symbolbild" not in text_of(caption) and text_of(caption).count("Archivbild") == 1


def test_with_a_profile_the_page_says_where_it_lives(tmp_path):
    out = tmp_path / "nachtbus.html"
    export_html(
        german_article(), out, assets="folder", profile=PROFILE, modified="2024-02-15T07:00:00Z"
    )
    root = parse(out.read_text(encoding="utf-8"))
    (canonical,) = [link for link in root.iter("link") if link.get("rel") == "canonical"]
    assert canonical.get("href") == PAGE_URL
    assert meta(root, "og:url") == PAGE_URL
    assert meta(root, "og:site_name") == "Kasseler Abendblatt"
    assert meta(root, "og:image").startswith(
        "https://www.abendblatt-kassel.example/lokales/nachtbus_files/"
    )
    assert "Symbolbild: Das Foto zeigt einen Bus" in meta(root, "og:image:alt")
    assert meta(root, "twitter:card") == "summary_large_image"
    assert meta(root, "twitter:site") == "@abendblatt_ks"
    assert meta(root, "article:author") == PROFILE.author_url
    assert meta(root, "article:modified_time") == "2024-02-15T07:00:00Z"
    data = json_ld(root)
    assert data["url"] == PAGE_URL and data["mainEntityOfPage"]["@id"] == PAGE_URL
    assert data["dateModified"] == "2024-02-15T07:00:00Z"
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Abendblatt Verlag GmbH",
        "url": PROFILE.base_url,
        "logo": {"@type": "ImageObject", "url": PROFILE.publisher_logo_url},
    }
    assert all(image["url"].startswith("https://") for image in data["image"])
    # Two authors: whose profile page it is cannot be told, so neither gets it.
    assert data["author"] == [
        {"@type": "Person", "name": "Jana Korte"},
        {"@type": "Person", "name": "Malte Ries"},
    ]


def test_without_a_profile_nothing_is_pretended():
    page = render_page(german_article())
    root = parse(page.html)
    assert meta(root, "og:image") is None and meta(root, "og:url") is None
    assert not [link for link in root.iter("link") if link.get("rel") == "canonical"]
    assert "data:" not in "".join(m.get("content") or "" for m in root.iter("meta"))
    assert page.missing_social_data == (
        "its own address (canonical link, og:url)",
        "an image address social networks can fetch (og:image)",
        "the site name (og:site_name)",
        "the publisher (JSON-LD publisher)",
    )


@pytest.mark.parametrize(
    ("byline", "people", "agencies"),
    [
        ("Von Anna Berg, Tom Weiß und Eva Klein", ["Anna Berg", "Tom Weiß", "Eva Klein"], []),
        ("By Sam Okafor, Lena Park and Joe Brand", ["Sam Okafor", "Lena Park", "Joe Brand"], []),
        ("Jörg Maaß/dpa", ["Jörg Maaß"], ["dpa"]),
        ("AFP/Reuters", [], ["AFP", "Reuters"]),
        ("Von Ute Groß (mit Material von KNA und epd)", ["Ute Groß"], ["KNA", "epd"]),
        ("AP", [], ["AP"]),
    ],
)
def test_bylines_name_people_and_agencies(byline, people, agencies):
    found = contributors(byline)
    assert [c.name for c in found if not c.is_agency] == people
    assert [c.name for c in found if c.is_agency] == agencies


def test_an_agency_is_an_organization_and_the_byline_shows_as_typed():
    article = german_article()
    article.byline = "Jana Korte/dpa"
    root = parse(render_page(article, profile=PROFILE).html)
    assert json_ld(root)["author"] == [
        {"@type": "Person", "name": "Jana Korte", "url": PROFILE.author_url},
        {"@type": "Organization", "name": "dpa"},
    ]
    assert text_of(root.find(".//span[@class='byline']")) == "Jana Korte/dpa"


def test_the_standalone_page_inlines_one_size_and_no_folder_is_made_without_images(tmp_path):
    page = render_page(german_article())
    assert page.html.count("data:image/") == 2  # one size of each of the two photos
    out = tmp_path / "ohne-bilder.html"
    export_html(Article(headline="Nur Text", sections=[Section(markdown="Text.")]), out,
                assets="folder")  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ohne-bilder.html"]


def test_png_charts_stay_png():
    article = german_article()
    article.images[1].data = _png_chart()
    page = render_page(article, assets="folder")
    chart_files = [a for a in page.assets if a.name.endswith(".png")]
    assert len(chart_files) >= 2
    for asset in chart_files:
        with PILImage.open(io.BytesIO(asset.data)) as picture:
            assert picture.format == "PNG"
            bar = picture.convert("RGB").getpixel(
                (picture.width * 160 // 1200, picture.height * 540 // 800)
            )
            assert all(abs(a - b) <= 2 for a, b in zip(bar, (20, 90, 160), strict=True))


def test_dates_and_copyright_do_not_break_apart():
    de = labels_for("de")
    root = parse(render_page(german_article()).html)
    assert text_of(root.find(".//time")) == "14. Februar 2024, 18:30 Uhr"
    assert "14.\u00a0Februar\u00a02024, 18:30\u00a0Uhr" in render_page(german_article()).html
    assert copyright_notice("(c) 2026 Stadtwerke Kassel") == "© 2026 Stadtwerke Kassel"
    assert de.credit("(c) dpa") == "©\u00a0dpa"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(c) 2026 Eva Klein", "© 2026 Eva Klein"),
        ("Foto: Ute Groß (c) Stadtarchiv", "Foto: Ute Groß © Stadtarchiv"),
        ("(a) Anträge, (b) Fristen, (c) Kosten", "(a) Anträge, (b) Fristen, (c) Kosten"),
        ("Absatz (c) regelt das", "Absatz (c) regelt das"),
    ],
)
def test_c_in_brackets_becomes_the_copyright_sign_only_before_a_year_or_name(text, expected):
    assert copyright_signs(text) == expected


def test_a_missing_photo_leaves_no_caption_in_print():
    article = german_article()
    article.images[0].data = None
    html = render_page(article, missing_images="placeholder").html
    figure = parse(html).find(".//figure[@data-image-id='titelbild']")
    assert "missing" in figure.get("class").split()
    print_rules = html[html.index("@media print") :]
    assert "figure.missing" in print_rules.split("}")[0] or "figure.missing" in print_rules


def test_an_image_object_without_photo_data_is_still_described():
    article = Article(language="en", images=[Image(role="lead", caption="Harbour at dawn")])
    data = json_ld(parse(render_page(article, missing_images="placeholder").html))
    assert data["image"]["caption"] == "Harbour at dawn"
