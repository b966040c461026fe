"""The exported page, parsed: head, JSON-LD, semantic body, figures, related links, preview mode."""

from __future__ import annotations

import base64
import io
import re

import pytest
from PIL import Image as PILImage

from newsdesk.derived_cache import MemoryCache
from newsdesk.errors import ExportError
from newsdesk.formats.html_export import render_page
from newsdesk.formats.jsonld import json_ld_script
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.counts import article_counts
from tests.formats.html_export_fixtures import (
    english_opinion,
    german_article,
    has_class,
    jpeg_bytes,
    json_ld,
    meta,
    parse,
    text_of,
)
from tests.photo_sources import stored_image


@pytest.fixture(scope="module")
def german_page():
    article = german_article()
    return article, render_page(article)


def test_document_shell_and_language(german_page):
    _article, page = german_page
    assert page.html.startswith("<!DOCTYPE html>\n")
    root = parse(page.html)
    assert root.get("lang") == "de"
    head = root.find("head")
    assert head.find("meta").get("charset") == "utf-8"  # first, within the first 1024 bytes
    assert page.html.index('charset="utf-8"') < 1024
    assert meta(root, "viewport") == "width=device-width, initial-scale=1"
    assert (
        text_of(head.find("title")) == "Stadtrat beschließt Nachtbus-Versuch für die Außenbezirke"
    )
    styles = head.findall("style")
    assert len(styles) == 1 and "@media print" in styles[0].text and "max-width" in styles[0].text
    assert page.assets == () and page.skipped_images == ()


def test_meta_description_and_open_graph(german_page):
    article, page = german_page
    root = parse(page.html)
    assert meta(root, "description") == article.description
    assert meta(root, "og:title") == article.headline
    assert meta(root, "og:type") == "article"
    assert meta(root, "og:description") == article.description
    assert meta(root, "og:locale") == "de_DE"
    # A standalone page has no address a crawler could fetch its image from (issue 15).
    assert meta(root, "og:image") is None and meta(root, "twitter:card") == "summary"
    assert meta(root, "article:published_time") == "2024-02-14T18:30:00+01:00"
    tags = [m.get("content") for m in root.iter("meta") if m.get("property") == "article:tag"]
    assert tags == ["Verkehr", "Kassel", "Nahverkehr"]
    (policy,) = [m for m in root.iter("meta") if m.get("http-equiv")]
    assert policy.get("http-equiv") == "Content-Security-Policy"
    # No script may run: the only script source is the hash of the JSON-LD data block.
    assert "script-src 'sha256-" in policy.get("content") and "unsafe" not in policy.get("content")


def test_json_ld_news_article(german_page):
    article, page = german_page
    data = json_ld(parse(page.html))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.headline
    assert data["alternativeHeadline"] == article.subheadline
    assert data["author"] == [
        {"@type": "Person", "name": "Jana Korte"},
        {"@type": "Person", "name": "Malte Ries"},
    ]
    assert data["datePublished"] == "2024-02-14T18:30:00+01:00"
    assert data["inLanguage"] == "de"
    assert data["wordCount"] == article_counts(article).words > 50
    assert data["keywords"] == ["Verkehr", "Kassel", "Nahverkehr"]
    lead, inline = data["image"]
    assert lead["@type"] == "ImageObject"
    assert lead["caption"] == (
        "Ein Linienbus wartet nachts an der Haltestelle Rathaus. (Symbolbild: Das Foto zeigt "
        "einen Bus einer anderen Linie und dient nur der Veranschaulichung.)"
    )
    assert lead["creditText"] == "Lena Vogt"
    assert lead["copyrightNotice"] == "© 2024 Stadtwerke Kassel"
    assert lead["description"].startswith("Das Foto zeigt einen Bus")
    assert "url" not in lead  # embedded pages do not repeat the bytes in the JSON-LD
    assert inline["caption"] == "Die drei geplanten Nachtlinien"
    # The editorial inside the report is named as an opinion part, pointing at its section.
    assert data["hasPart"] == [
        {
            "@type": "OpinionNewsArticle",
            "@id": "#section-kommentar",
            "headline": "Kommentar: Ein überfälliger Schritt",
        }
    ]
    assert parse(page.html).find(".//section[@id='section-kommentar']") is not None


def test_header_and_lead_figure_come_first(german_page):
    _article, page = german_page
    article_element = parse(page.html).find("body/main/article")
    children = list(article_element)
    header, lead_figure = children[0], children[1]
    assert header.tag == "header"
    assert [(c.tag, c.get("class")) for c in header] == [
        ("p", "kicker"),
        ("h1", None),
        ("p", "subheadline"),
        ("p", "article-meta"),
    ]
    assert text_of(header.find("p")) == "Verkehr"
    assert text_of(header.find("h1")) == "Stadtrat beschließt Nachtbus-Versuch für die Außenbezirke"
    byline_line = header.find("p[@class='article-meta']")
    assert text_of(byline_line.find("span[@class='byline']")) == "Von Jana Korte und Malte Ries"
    assert text_of(byline_line.find("span[@class='dateline']")) == "Kassel"
    time = byline_line.find("time")
    assert time.get("datetime") == "2024-02-14T18:30:00+01:00"
    assert text_of(time) == "14. Februar 2024, 18:30 Uhr"
    assert lead_figure.tag == "figure" and has_class(lead_figure, "lead-figure")


def test_sections_in_order_with_headings(german_page):
    _article, page = german_page
    article_element = parse(page.html).find("body/main/article")
    blocks = [c for c in article_element if c.tag in ("section", "aside", "div")]
    assert [b.get("data-section-id") for b in blocks[:4]] == [
        "lead",
        "aenderungen",
        "kommentar",
        "ueberblick",
    ]
    lead = blocks[0]
    assert lead.find("h2") is None and lead.find("p/strong").text == "Versuch mit Nachtbussen"
    assert [text_of(b.find("h2")) for b in blocks[1:4]] == [
        "Was sich ändert",
        "Kommentar: Ein überfälliger Schritt",
        "Die Linien im Überblick",
    ]
    nested = blocks[1].find("section")
    assert nested.get("data-section-id") == "kosten" and text_of(nested.find("h3")) == "Die Kosten"
    assert [text_of(li) for li in blocks[1].findall("ul/li")] == [
        "Linie N1 über den Hauptbahnhof",
        "Linie N2 in den Norden",
    ]
    assert blocks[1].find(".//a").get("href") == "https://example.org/fahrplan"


def test_opinion_section_is_labelled_and_marked(german_page):
    _article, page = german_page
    root = parse(page.html)
    opinion = root.find(".//section[@data-kind='opinion']")
    assert has_class(opinion, "opinion")
    label = opinion.find("p[@class='section-label']")
    assert text_of(label) == "Meinung"
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    labelled_by = opinion.get("aria-labelledby").split()
    assert labelled_by and set(labelled_by) <= ids
    assert label.get("id") in labelled_by
    # Only the opinion section carries the label.
    assert len([p for p in root.iter("p") if has_class(p, "section-label")]) == 1


def test_box_is_an_aside(german_page):
    _article, page = german_page
    box = parse(page.html).find(".//aside[@data-kind='box']")
    assert has_class(box, "box")
    assert text_of(box.find("h2")) == "Die Linien im Überblick"


def test_lead_figure_with_srcset_and_full_caption(german_page):
    _article, page = german_page
    figure = parse(page.html).find("body/main/article/figure")
    assert figure.get("data-image-id") == "titelbild" and has_class(figure, "symbolic")
    img = figure.find("img")
    assert img.get("alt") == "Ein beleuchteter Linienbus an einer leeren Haltestelle bei Nacht"
    # Embedded: one size only, the one the desktop column shows (issue 15: page weight).
    assert img.get("srcset") is None and img.get("sizes") is None
    assert img.get("src").startswith("data:image/jpeg;base64,")
    assert (img.get("width"), img.get("height")) == ("960", "640")
    assert img.get("loading") == "eager"
    caption = figure.find("figcaption")
    parts = {span.get("class"): text_of(span) for span in caption.findall("span")}
    assert parts == {
        "caption": "Ein Linienbus wartet nachts an der Haltestelle Rathaus.",
        "credit": "Foto: Lena Vogt",
        "copyright": "© 2024 Stadtwerke Kassel",  # text_of folds the no-break space
        "disclaimer": "Symbolbild Das Foto zeigt einen Bus einer anderen Linie und dient nur "
        "der Veranschaulichung.",
    }
    # The label shows once, at the notice it introduces.
    assert text_of(caption.find("span/span[@class='figure-label']")) == "Symbolbild"
    folder_img = parse(render_page(german_article(), assets="folder").html).find(".//figure/img")
    candidates = [c.strip().rsplit(" ", 1) for c in folder_img.get("srcset").split(", ")]
    assert [w for _url, w in candidates] == ["480w", "960w", "1600w"]


def test_inline_image_is_placed_where_the_text_references_it(german_page):
    _article, page = german_page
    section = parse(page.html).find(".//section[@data-section-id='aenderungen']")
    tags = [child.tag for child in section]
    assert tags[:5] == ["h2", "p", "ul", "figure", "p"]
    figure = section.find("figure")
    assert figure.get("data-image-id") == "karte" and figure.find("img").get("loading") == "lazy"
    assert text_of(figure.find("figcaption/span[@class='credit']")) == "Grafik: Redaktion"
    assert "image:karte" not in page.html


def test_related_links_aside(german_page):
    _article, page = german_page
    related = parse(page.html).find("body/main/article/aside[@class='related']")
    assert list(parse(page.html).find("body/main/article"))[-1] is not None
    assert text_of(related.find("h2")) == "Mehr aus Kassel"
    items = related.findall("ul/li")
    assert [text_of(li) for li in items] == [
        "Neue Radwege am Ring",
        "Streit um Parkgebühren geht weiter",
        "Gewinnspiel",
    ]
    assert items[0].find("a").get("href") == "https://example.org/radwege"
    assert items[1].find("a") is None and items[2].find("a") is None


def test_english_commentary_is_an_opinion_news_article():
    article = english_opinion()
    root = parse(render_page(article).html)
    assert root.get("lang") == "en-GB"
    assert meta(root, "og:locale") == "en_GB"
    data = json_ld(root)
    assert data["@type"] == "OpinionNewsArticle" and "hasPart" not in data
    assert data["author"] == {"@type": "Person", "name": "Priya Hallam"}
    assert data["datePublished"] == "2024-03-03"
    assert root.find(".//time").get("datetime") == "2024-03-03"
    labels = [text_of(p) for p in root.iter("p") if has_class(p, "section-label")]
    assert labels == ["Opinion", "Opinion"]
    assert text_of(root.find(".//time")) == "March 3, 2024"
    assert text_of(root.find(".//figcaption/span[@class='credit']")) == "Photo: Tom Archer"
    related = root.find(".//aside[@class='related']")
    assert text_of(related.find("h2")) == "Related"


def test_missing_photo_is_left_out_and_reported():
    article = german_article()
    article.images[0].data = None
    page = render_page(article)
    root = parse(page.html)
    figure_ids = [f.get("data-image-id") for f in root.iter("figure")]
    assert figure_ids == ["karte"]
    assert "Lena Vogt" not in page.html
    assert [s.image_id for s in page.skipped_images] == ["titelbild"]
    assert json_ld(root)["image"]["caption"] == "Die drei geplanten Nachtlinien"


def test_missing_photo_placeholder_keeps_caption_credit_and_disclaimer():
    article = german_article()
    article.images[0].data = None
    root = parse(render_page(article, missing_images="placeholder").html)
    figure = root.find("body/main/article/figure")
    assert figure.get("data-image-id") == "titelbild" and figure.find("img") is None
    assert text_of(figure.find("div[@class='missing-photo']")) == "Foto fehlt"
    assert text_of(figure.find("figcaption/span[@class='credit']")) == "Foto: Lena Vogt"
    assert "Veranschaulichung" in text_of(figure.find("figcaption/span[@class='disclaimer']"))
    assert meta(root, "og:image") is None  # never a data: URI


def test_damaged_photo_is_left_out_with_the_reason():
    article = german_article()
    article.images[1].data = article.images[1].data[:300]
    page = render_page(article)
    assert [f.get("data-image-id") for f in parse(page.html).iter("figure")] == ["titelbild"]
    (skipped,) = page.skipped_images
    assert skipped.image_id == "karte" and skipped.reason.startswith("the image")


def test_unplaced_inline_image_follows_the_sections():
    article = german_article()
    article.sections[1].markdown = "Kein Bildverweis mehr."
    children = list(parse(render_page(article).html).find("body/main/article"))
    figure = children[-2]
    assert figure.tag == "figure" and figure.get("data-image-id") == "karte"
    assert children[-1].get("class") == "related"


def _normalised(html: str) -> str:
    """The page without image URLs and sizes: what must not differ between export and preview."""
    html = re.sub(r'(src|srcset|content)="(?:data:image/|[^"]*\.jpg)[^"]*"', r'\1=""', html)
    # The standalone page names no og:image (a data: URI no crawler fetches); the preview's
    # social card tab reads its relative one.
    html = re.sub(r'<meta property="og:image[^>]*>\n', "", html)
    return html.replace('content="summary_large_image"', 'content="summary"')


def test_preview_is_the_export_with_one_image_size():
    article = german_article()
    export = render_page(article)
    preview = render_page(article, assets="preview")
    assert _normalised(preview.html) == _normalised(export.html)
    for img in parse(preview.html).iter("img"):
        assert img.get("srcset") is None and img.get("width") in ("960", "900")
    assert len(preview.html) < len(export.html)


def test_preview_links_its_photos_named_as_the_folder_export_names_them():
    article = german_article()
    preview = render_page(article, assets="preview")
    folder = render_page(article, assets="folder")
    assert "data:image" not in preview.html
    assert preview.asset_dir_name == "preview-images"
    names = {asset.name for asset in preview.assets}
    assert len(names) == 2 and names <= {asset.name for asset in folder.assets}
    root = parse(preview.html)
    assert {img.get("src") for img in root.iter("img")} == {
        f"preview-images/{name}" for name in names
    }
    assert meta(root, "og:image") == f"preview-images/{preview.assets[0].name}"  # the lead's
    # The same bytes the standalone page embeds (the folder's 960 is resized from its 1600).
    embedded = render_page(article, assets="embed").html
    for asset in preview.assets:
        assert base64.b64encode(asset.data).decode("ascii") in embedded


def test_preview_after_export_reuses_the_cached_images(monkeypatch):
    article = german_article()
    cache = MemoryCache()
    render_page(article, cache=cache)
    stored = len(cache)
    assert stored == 2  # the embedded page inlines one size: 960 of the lead, 900 of the map

    def no_encoding(*_args, **_kwargs):
        raise AssertionError("encoded again although cached")

    monkeypatch.setattr("newsdesk.imaging._encode", no_encoding)
    render_page(article, assets="preview", cache=cache)
    render_page(article, cache=cache)
    assert len(cache) == stored


def test_untitled_article_and_description_from_the_text():
    long_text = " ".join(["Ein Satz über die Sitzung des Kreistags am Montag."] * 10)
    article = Article(language="de", sections=[Section(markdown=long_text)])
    root = parse(render_page(article).html)
    assert text_of(root.find("head/title")) == "Ohne Titel"
    assert text_of(root.find(".//h1")) == "Ohne Titel"
    description = meta(root, "description")
    assert description.startswith("Ein Satz über die Sitzung") and description.endswith("…")
    assert len(description) <= 160
    assert meta(root, "og:image") is None and "image" not in json_ld(root)


def test_caption_fields_are_text_not_markdown():
    article = Article(
        headline="Aufstieg",
        language="de",
        images=[
            Image(
                data=jpeg_bytes((500, 300)),
                caption="1. FC Köln feiert den *Aufstieg*",
                credit="Foto: dpa",
                copyright="© Verein",
            )
        ],
    )
    spans = {s.get("class"): text_of(s) for s in parse(render_page(article).html).iter("span")}
    assert spans["caption"] == "1. FC Köln feiert den *Aufstieg*"
    assert spans["credit"] == "Foto: dpa" and spans["copyright"] == "© Verein"


def test_unknown_modes_are_refused():
    with pytest.raises(ExportError, match="asset mode"):
        render_page(german_article(), assets="inline")
    with pytest.raises(ExportError, match="missing-image mode"):
        render_page(german_article(), missing_images="keep")


def test_json_ld_script_cannot_be_closed_from_inside():
    script = json_ld_script({"headline": "</script><script>alert(1)</script>\u2028<!-- & -->"})
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body and "\u2028" not in body
    assert "\\u003c/script\\u003e" in body


def test_an_image_shown_twice_is_described_and_stored_once():
    article = german_article()
    article.sections[0].markdown += "\n\n![](image:titelbild)\n\nNoch ein Absatz."
    page = render_page(article, assets="folder")
    root = parse(page.html)
    assert [f.get("data-image-id") for f in root.iter("figure")] == [
        "titelbild",
        "titelbild",
        "karte",
    ]
    assert [i["caption"] for i in json_ld(root)["image"]] == [
        "Ein Linienbus wartet nachts an der Haltestelle Rathaus. (Symbolbild: Das Foto zeigt "
        "einen Bus einer anderen Linie und dient nur der Veranschaulichung.)",
        "Die drei geplanten Nachtlinien",
    ]
    # Three sizes of the lead photo, two of the map, and the lead's social crop for og:image.
    assert len(page.assets) == len({a.name for a in page.assets}) == 6


@pytest.mark.parametrize(
    ("language", "locale", "opinion"),
    [
        ("de", "de_DE", "Meinung"),
        ("de-AT", "de_AT", "Meinung"),
        ("de_CH", "de_CH", "Meinung"),
        ("en", "en_US", "Opinion"),
        ("en-GB", "en_GB", "Opinion"),
        ("fr", "fr_FR", "Opinion"),
        ("", "en_US", "Opinion"),
    ],
)
def test_locale_and_labels_follow_the_article_language(language, locale, opinion):
    article = Article(
        headline="Test", language=language, sections=[Section(kind="opinion", markdown="Text.")]
    )
    root = parse(render_page(article).html)
    assert meta(root, "og:locale") == locale
    assert text_of(root.find(".//p[@class='section-label']")) == opinion


def test_a_warm_render_reads_no_photo_when_every_size_is_cached():
    """The preview renders after every typing pause: with all sizes in the cache, the photos'
    originals (several MB each, read from the project file) are not read at all."""

    out = io.BytesIO()
    PILImage.new("RGB", (1400, 1000), (20, 90, 140)).save(out, "JPEG")
    caption = "The ferry at the north quay."
    photo, source = stored_image(out.getvalue(), width=1400, height=1000, caption=caption)
    article = Article(headline="Ferry", sections=[Section(markdown="The ferry runs.")])
    article.images.append(photo)
    cache = MemoryCache()
    cold = render_page(article, assets="preview", cache=cache, missing_images="placeholder")
    assert source.reads == 1
    warm = render_page(article, assets="preview", cache=cache, missing_images="placeholder")
    assert source.reads == 1  # every size came from the cache
    assert warm.html == cold.html
    assert [a.data for a in warm.assets] == [a.data for a in cold.assets]
    # A record that says the photo is narrower than the preview's size finds nothing, and the
    # photo is read after all.
    photo.width = 800
    render_page(article, assets="preview", cache=cache, missing_images="placeholder")
    assert source.reads == 2
