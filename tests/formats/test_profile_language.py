"""An article without a language of its own is in its publication's default language: the page
(html lang, og:locale, inLanguage, the related-links heading, the date), the other formats and the
check all say so; an article's own language wins, and the file keeps none."""

from __future__ import annotations

import json

import html5lib

from newsdesk.formats.agency_text import agency_text
from newsdesk.formats.exporters import TEXT, ExportOptions, export_article
from newsdesk.formats.html_export import render_page
from newsdesk.formats.html_labels import ENGLISH, GERMAN
from newsdesk.model.article import Article, RelatedLink, RelatedLinks, Section
from newsdesk.model.preflight import preflight
from newsdesk.publication import PublicationProfile, page_article, page_language

GERMAN_SITE = PublicationProfile(
    name="Inselbote", site_name="Der Inselbote", base_url="https://inselbote.example", language="de"
)


def _article(language: str) -> Article:
    return Article(
        headline="Deichschau im Frühjahr",
        byline="Hauke Petersen",
        language=language,
        published="2026-11-27",
        slug="deichschau",
        description="Der Deichverband prüft die Deiche nach dem Winter.",
        sections=[Section(markdown="Am 27. November prüfen sie 12 km Deich.")],
        related=RelatedLinks(links=[RelatedLink("Sturmflut 2025", "https://inselbote.example/a")]),
    )


def _page(article: Article, profile: PublicationProfile | None):
    html = render_page(article, profile=profile).html
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    metas = {m.get("property") or m.get("name"): m.get("content") for m in tree.iter("meta")}
    data = json.loads(tree.find(".//script[@type='application/ld+json']").text)
    related = tree.find(".//aside[@class='related']")
    heading = "".join(related.find(".//h2").itertext()) if related is not None else ""
    return tree.get("lang"), metas, data, heading, html


def test_the_page_of_an_article_without_a_language_is_in_the_publications():
    article = _article("")
    lang, metas, data, heading, html = _page(article, GERMAN_SITE)
    assert lang == "de"
    assert metas["og:locale"] == "de_DE"
    assert data["inLanguage"] == "de"
    assert heading == GERMAN.related
    assert ">27.\u00a0November\u00a02026</time>" in html  # the German date, kept together
    assert article.language == ""  # the article (and so its file) keeps none


def test_the_articles_own_language_wins_over_the_publications():
    lang, metas, data, heading, _html = _page(_article("en-GB"), GERMAN_SITE)
    assert (lang, metas["og:locale"], data["inLanguage"]) == ("en-GB", "en_GB", "en-GB")
    assert heading == ENGLISH.related


def test_without_a_publication_the_page_without_a_language_is_undetermined():
    lang, metas, _data, heading, _html = _page(_article(""), None)
    assert lang == "und" and metas["og:locale"] == "en_US"
    assert heading == ENGLISH.related


def test_the_agency_text_and_the_check_follow_the_publications_language(tmp_path):
    article = _article("")
    out = tmp_path / "deichschau.txt"
    export_article(article, out, TEXT, ExportOptions(profile=GERMAN_SITE))
    text = out.read_text(encoding="utf-8")
    assert "Von Hauke Petersen" in text and GERMAN.related in text
    assert "By Hauke Petersen" in agency_text(article)  # without the profile: English
    assert "language-invalid" in {f.code for f in preflight(article)}
    assert "language-invalid" not in {f.code for f in preflight(page_article(article, GERMAN_SITE))}


def test_page_language_is_the_articles_then_the_publications():
    assert page_language(_article(" "), GERMAN_SITE) == "de"
    assert page_language(_article("da"), GERMAN_SITE) == "da"
    assert page_language(_article(""), PublicationProfile(name="Leer")) == ""
    assert page_article(_article("da"), GERMAN_SITE).language == "da"
