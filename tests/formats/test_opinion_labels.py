"""An opinion section's own label ("Kommentar", "Editorial") is what the page shows above it; the
text writers put it before the heading, where the importers read it back (issue 17, item 14)."""

from __future__ import annotations

import html5lib

from newsdesk.formats.agency_text import agency_text
from newsdesk.formats.html_export import render_page
from newsdesk.formats.text_import import import_plain_text
from newsdesk.model.article import Article, Section


def _article(label: str) -> Article:
    return Article(
        headline="Die Fähre bleibt",
        language="de",
        sections=[
            Section(markdown="Der Kreistag hat entschieden: Die Fähre fährt weiter."),
            Section(
                heading="Gut so, aber zu spät",
                kind="opinion",
                label=label,
                markdown="Jahrelang hat man über die Fähre gestritten.",
            ),
        ],
    )


def _page_label(article: Article) -> str:
    tree = html5lib.parse(render_page(article).html, namespaceHTMLElements=False)
    (label,) = tree.findall(".//p[@class='section-label']")
    return label.text


def test_the_page_shows_the_section_label_else_the_language_default():
    assert _page_label(_article("Kommentar")) == "Kommentar"
    assert _page_label(_article("")) == "Meinung"


def test_agency_text_carries_the_label_and_comes_back_with_it():
    text = agency_text(_article("Kommentar"))
    assert "Kommentar: Gut so, aber zu spät" in text.splitlines()
    again = import_plain_text(text)
    opinion = again.sections[1]
    assert (opinion.kind, opinion.label, opinion.heading) == (
        "opinion",
        "Kommentar",
        "Gut so, aber zu spät",
    )
    # Without a label of its own the language's default is written, so the kind survives.
    assert "Meinung: Gut so, aber zu spät" in agency_text(_article("")).splitlines()
