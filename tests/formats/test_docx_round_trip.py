"""Word export -> Word import (formats/docx_import.py, issue 13): the same article for every part
both carry — headline, subheadline, the sections in reading order (heading, opinion kind by its
prefix, text with emphasis, links, lists, quotes, subheadings, inline photo places) and the photos
with their alt text and caption.

What the Word importer does not read back, by its own rules: document properties (offered as
suggestions there), the page header (kicker, byline, dateline, date), the related links (a last
section there); nesting comes back as sections in the same order. The lines under a photo come
back to caption, credit, copyright and notice. Generated articles check the rest as a fixed point.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.formats.docx_export import docx_bytes
from newsdesk.formats.docx_import import import_docx
from newsdesk.formats.markdown_blocks import markdown_to_blocks
from newsdesk.formats.markdown_import import import_markdown
from newsdesk.model.article import Article, Image, Section
from tests.formats.export_compare import image_parts, section_parts
from tests.formats.html_export_fixtures import german_article, jpeg_bytes
from tests.formats.test_import_markdown import _markdown_articles


def _round_trip(article: Article) -> Article:
    imported = import_docx(docx_bytes(article), "article.docx")
    return getattr(imported, "article", imported)  # an ImportResult carries notes beside it


def _shown(markdown: str) -> list:
    return markdown_to_blocks(markdown)


def _same(article: Article, again: Article) -> None:
    assert (again.headline, again.subheadline) == (article.headline, article.subheadline)
    # A box is a plain section in Word (no style says "box"). Text is compared as the page
    # shows it: "**a** **b**" and "**a b**" are one bold run either way.
    carried = [(h, "body" if k == "box" else k, _shown(m)) for h, k, m in section_parts(article)]
    assert [(h, k, _shown(m)) for h, k, m in section_parts(again)] == carried
    assert image_parts(again, ("role", "alt")) == image_parts(article, ("role", "alt"))
    fields = ("caption", "credit", "copyright", "symbolic", "disclaimer")
    assert image_parts(again, fields) == image_parts(article, fields)


def test_the_german_article_comes_back():
    article = german_article()
    article.related.links = []  # read back as a last section: not part of this comparison
    # As every importer keeps an opinion heading: the prefix is the section's label.
    article.sections[2].heading, article.sections[2].label = "Ein überfälliger Schritt", "Kommentar"
    again = _round_trip(article)
    _same(article, again)
    opinion = next(s for s in again.sections if s.heading == "Ein überfälliger Schritt")
    assert (opinion.kind, opinion.label) == ("opinion", "Kommentar")


@settings(max_examples=25, deadline=None)
@given(_markdown_articles(), st.booleans(), st.booleans())
def test_generated_articles_are_a_fixed_point(generated, lead_photo, nested):
    _parts, markdown = generated
    article = import_markdown(markdown)
    article.related.links = []
    if nested and len(article.sections) > 1:
        parent = article.sections[1]
        parent.children.append(Section(heading="Ausblick", markdown="### Kosten\n\nNoch offen."))
    if lead_photo:
        article.images = [
            Image(role="lead", data=jpeg_bytes((640, 480)), caption="Der Kai im Regen",
                  alt="Ein nasser Kai", credit="Ada Berg")
        ]  # fmt: skip
    _same(article, _round_trip(article))


def test_quotes_and_nested_lists_come_back():
    body = (
        "> „Wir sind erleichtert“, sagt Jürgen Groß.\n\n"
        "1. Montag\n    - früh\n2. Dienstag\n\nZum Schluss ein Satz mit ~~Fehler~~."
    )
    article = Article(headline="Fähre", language="de", sections=[Section(markdown=body)])
    again = _round_trip(article)
    assert again.sections[0].markdown == body
