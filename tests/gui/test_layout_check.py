"""The press code check of a page layout (issue 18): a stylesheet that hides a credit, a copyright
notice, a symbol-image disclaimer or an opinion label is caught, whichever trick it uses; the
built-in layouts hide nothing."""

from __future__ import annotations

import re

import pytest

from newsdesk.formats.html_export import render_page
from newsdesk.formats.label_visibility import REASONS, label_findings
from newsdesk.gui.check.layout_check import LayoutCheck, dark_variant, measure_now, print_variant
from newsdesk.house_layouts import BUILT_IN_LAYOUTS, CUSTOM, Layout, built_in_layout
from newsdesk.house_layouts import check_stylesheet as checked
from newsdesk.model.article import Article, Image, Section
from tests.formats.html_export_fixtures import german_article, jpeg_bytes


def harbour_article() -> Article:
    """A symbol image with credit, copyright and disclaimer; an opinion section."""
    return Article(
        headline="Neue Kaimauer soll bis 2028 stehen",
        byline="Von Ole Brandt",
        language="de",
        sections=[
            Section(markdown="Die Hafenbehörde hat den Auftrag vergeben.\n\n![](image:kai)"),
            Section(heading="Standpunkt", kind="opinion", markdown="Das war überfällig."),
        ],
        images=[
            Image(
                id="kai",
                role="inline",
                data=jpeg_bytes(size=(1200, 800)),
                width=1200,
                height=800,
                caption="Die alte Mauer bröckelt",
                alt="Eine verwitterte Kaimauer aus Backstein am Wasser",
                credit="Ole Brandt",
                copyright="© 2026 Hafenbote",
                symbolic=True,
                disclaimer="Symbolbild: Die Aufnahme zeigt einen anderen Kai.",
            )
        ],
    )


def _page(css: str, article: Article | None = None) -> str:
    layout = Layout(CUSTOM, checked(css, "test.css"), "test.css")
    return render_page(article or harbour_article(), assets="preview", layout=layout).html


def _found(css: str) -> set[tuple[str, str]]:
    findings = measure_now(_page(css))
    assert findings is not None, "the hidden page did not answer"
    return {(f.code, f.details["reason"]) for f in findings}


# Each trick a stylesheet could use, what it hides and how the check names it.
HOSTILE = [
    (".credit { display: none }", "credit-invisible", "display-none"),
    ("figcaption { display: none }", "copyright-invisible", "display-none"),
    (".copyright { visibility: hidden }", "copyright-invisible", "visibility-hidden"),
    ("figcaption { opacity: 0.05 }", "disclaimer-invisible", "opacity"),
    (".credit { color: transparent }", "credit-invisible", "transparent-colour"),
    (".credit { color: rgba(0, 0, 0, 0) }", "credit-invisible", "transparent-colour"),
    (".credit { color: var(--background) }", "credit-invisible", "transparent-colour"),
    (
        ".section-label { color: var(--opinion-background) }",
        "opinion-label-invisible",
        "transparent-colour",
    ),
    (".copyright { font-size: 3px }", "copyright-invisible", "tiny"),
    (".section-label { font-size: 0 }", "opinion-label-invisible", "tiny"),
    (".credit { display: inline-block; transform: scale(0) }", "credit-invisible", "tiny"),
    (
        ".credit { position: absolute; width: 1px; height: 1px; overflow: hidden; "
        "clip: rect(0 0 0 0) }",
        "credit-invisible",
        "clipped",
    ),
    (".disclaimer { clip-path: inset(50%) }", "disclaimer-invisible", "clipped"),
    (
        "figcaption { display: block; height: 1.2em; overflow: hidden }",
        "disclaimer-invisible",
        "clipped",
    ),
    (".section-label { text-indent: -9999px }", "opinion-label-invisible", "off-page"),
    (".credit { position: absolute; left: -5000px }", "credit-invisible", "off-page"),
    (".copyright { position: relative; top: 20000px }", "copyright-invisible", "off-page"),
    (
        "@media (prefers-color-scheme: dark) { .credit { display: none } }",
        "credit-invisible",
        "display-none",
    ),
    ("@media print { .disclaimer { color: #fff } }", "disclaimer-invisible", "transparent-colour"),
]


@pytest.mark.parametrize("css, code, reason", HOSTILE, ids=[h[0][:40] for h in HOSTILE])
def test_each_hiding_trick_is_reported(qapp, css, code, reason):
    assert (code, reason) in _found(css)


def test_every_reason_has_a_hostile_stylesheet():
    assert {reason for _css, _code, reason in HOSTILE} == set(REASONS)


def test_a_harmless_stylesheet_hides_nothing(qapp):
    css = ".credit { font-weight: 700; color: #3d3d3d } .section-label { letter-spacing: 0.2em }"
    assert _found(css) == set()


@pytest.mark.parametrize("name", BUILT_IN_LAYOUTS)
def test_the_built_in_layouts_show_every_label_light_dark_and_printed(qapp, name):
    layout = built_in_layout(name)
    for article in (harbour_article(), german_article()):
        html = render_page(article, assets="preview", layout=layout).html
        assert measure_now(html) == []


def test_findings_name_the_place_and_word_it_in_english(qapp):
    findings = measure_now(_page(".credit { display: none } .section-label { opacity: 0 }"))
    places = {(f.code, f.where) for f in findings}
    assert ("credit-invisible", "image:kai") in places
    assert any(code == "opinion-label-invisible" and where.startswith("section:")
               for code, where in places)  # fmt: skip
    credit = next(f for f in findings if f.code == "credit-invisible")
    assert credit.level == "error"
    assert "hides the credit (display: none)" in credit.message


def test_the_dark_variant_applies_only_the_dark_rules():
    css = (
        "@media (prefers-color-scheme: dark) { a {} } @media (prefers-color-scheme: light) { b {} }"
    )
    assert dark_variant(css) == "@media (min-width: 0px) { a {} } @media (max-width: 0px) { b {} }"


def test_the_print_variant_applies_the_print_rules_and_not_the_screen_ones():
    css = "@media print { a {} } @media screen and (min-width: 48rem) { b {} }"
    assert (
        print_variant(css) == "@media all { a {} } @media not all and (min-width: 48rem) { b {} }"
    )


def test_an_answer_of_another_shape_gives_no_findings():
    assert label_findings("not json") == []
    assert label_findings('{"kind": "credit"}') == []
    assert label_findings([{"kind": "credit", "where": "image:x", "reason": "unknown"}]) == []


def test_the_window_check_emits_the_findings_of_the_newest_page(qtbot):
    check = LayoutCheck()
    try:
        with qtbot.waitSignal(check.measured, timeout=20_000) as emitted:
            check.request(_page(".copyright { visibility: hidden }"), now=True)
        assert [f.code for f in emitted.args[0]] == ["copyright-invisible"]
        assert check.findings == emitted.args[0]
    finally:
        check.close()


def test_a_missing_photo_prints_nothing_on_purpose_and_is_not_reported(qapp):
    article = harbour_article()
    article.images[0].data, article.images[0].width, article.images[0].height = None, 0, 0
    html = render_page(article, assets="preview", missing_images="placeholder").html
    assert re.search(r'<figure class="[^"]*\bmissing\b[^"]*" data-image-id="kai"', html)
    assert measure_now(html) == []
