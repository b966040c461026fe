from newsdesk.model import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.model.preflight import is_web_url, preflight
from newsdesk.sample import sample_article


def _codes(article):
    return {(f.code, f.where) for f in preflight(article)}


def test_the_sample_article_is_clean():
    assert preflight(sample_article()) == []


def test_image_findings():
    image = Image(id="p", caption="Ein Hafen", alt="ein hafen", symbolic=True)
    article = sample_article()
    article.images = [image]
    codes = _codes(article)
    assert ("image-missing", "image:p") in codes
    assert ("alt-equals-caption", "image:p") in codes
    assert ("credit-missing", "image:p") in codes
    assert ("disclaimer-missing", "image:p") in codes
    image.symbolic, image.disclaimer = False, "Symbolbild"
    assert ("disclaimer-not-symbolic", "image:p") in _codes(article)


def test_header_section_and_link_findings():
    article = Article(
        headline="x" * 120,
        description="y" * 200,
        language="deutsch",
        published="gestern",
        slug="Not A Slug",
        sections=[
            Section(id="a", markdown="Text [bad](javascript:alert(1)) ![](image:nope)"),
            Section(id="b", heading="Leer"),
        ],
        related=RelatedLinks("", [RelatedLink("Ohne URL"), RelatedLink("Kaputt", "htp:/x")]),
    )
    codes = {code for code, _ in _codes(article)}
    assert {
        "headline-too-long",
        "description-too-long",
        "language-invalid",
        "published-invalid",
        "slug-invalid",
        "link-invalid",
        "image-reference-broken",
        "section-empty",
        "related-heading-default",
        "related-url-missing",
        "related-url-invalid",
        "lead-image-missing",
    } <= codes


def test_errors_come_first():
    levels = [f.level for f in preflight(Article())]
    assert levels == sorted(levels, key=["error", "warning", "info"].index)
    assert "error" in levels


def test_web_url():
    assert is_web_url("https://example.org/a?b=c")
    assert not is_web_url("javascript:alert(1)")
    assert not is_web_url("https://")
    assert not is_web_url("ftp://example.org")


def test_a_related_link_the_page_would_print_as_plain_text_is_an_error():
    """The check and the exporter use one rule: no host, a backslash or a tab is no link."""
    for url in ("http://:80/x", "https://example.org\\\\evil", "https://exa\tmple.org"):
        article = Article(
            headline="Hafen",
            sections=[Section(markdown="Text.")],
            related=RelatedLinks("Mehr", [RelatedLink("Kai", url)]),
        )
        codes = {finding.code for finding in preflight(article)}
        assert "related-url-invalid" in codes, url


def test_check_and_page_agree_on_the_related_links_heading():
    """The page shows the language's default heading when none is set: the check names that
    heading as a hint instead of warning that there is none (issue 17, item 9)."""
    from newsdesk.formats.html_export import render_page

    article = Article(
        headline="Hafenfest",
        language="de",
        sections=[Section(markdown="Am Kai wird gefeiert.")],
        related=RelatedLinks("", [RelatedLink("Programm", "https://example.org/programm")]),
    )
    findings = [f for f in preflight(article) if f.where == "related"]
    assert [(f.level, f.code) for f in findings] == [("info", "related-heading-default")]
    assert "'Mehr zum Thema'" in findings[0].message
    assert '<h2 id="related-heading">Mehr zum Thema</h2>' in render_page(article).html
    article.related.heading = "Lesen Sie auch"
    assert not [f for f in preflight(article) if f.where == "related"]


def test_a_photo_in_the_text_that_no_section_places_is_reported():
    from newsdesk.model.article import Image

    placed = Image(id="kai", role="inline", filename="kai.jpg")
    loose = Image(id="boot", role="inline", filename="boot.jpg")
    article = Article(
        headline="Hafenfest",
        sections=[Section(markdown="Am Kai.\n\n![](image:kai)\n\nUnd weiter.")],
        images=[Image(id="lead", role="lead"), placed, loose],
    )
    unplaced = [f for f in preflight(article) if f.code == "image-unplaced"]
    assert [(f.level, f.where) for f in unplaced] == [("warning", "image:boot")]
    assert "'boot.jpg'" in unplaced[0].message
