"""Hostile articles through the Word, Markdown and agency-text writers: never a crash, always a
file its reader opens, no script address passed on as a link, no private note written."""

from __future__ import annotations

import io
import zipfile

import docx
from hypothesis import example, given

from newsdesk.formats.agency_text import agency_text
from newsdesk.formats.docx_export import docx_bytes
from newsdesk.formats.markdown_export import article_markdown
from newsdesk.formats.markdown_import import import_markdown
from newsdesk.formats.text_import import import_plain_text
from newsdesk.model.article import Article, Section
from tests.hostile.test_export_fuzz import SETTINGS, articles

_NOTE = "<!-- NOTIZ-4471 -->"


def _with_a_note(article):
    for section in article.walk_sections():
        section.markdown += f"\n\n{_NOTE}\n"
    return article


@SETTINGS
@given(articles())
def test_word_always_opens_and_links_only_to_the_web(article):
    data = docx_bytes(_with_a_note(article))
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        relations = archive.read("word/_rels/document.xml.rels").decode()
        body = archive.read("word/document.xml")
    targets = [part.split('"')[0] for part in relations.split('Target="')[1:]]
    external = [t for t in targets if "TargetMode" in relations and t.startswith(("h", "m", "j"))]
    assert not any(t.lower().startswith(("javascript", "data:")) for t in external)
    assert b"NOTIZ-4471" not in body


@SETTINGS
@given(articles())
# A description YAML 1.1 reads as its "value" tag, which the safe loader refuses (found in a fresh
# clone): the front matter must quote it.
@example(Article(language="de", description="=", sections=[Section()]))
def test_markdown_always_reads_back(article):
    text = article_markdown(_with_a_note(article), with_photos=False).text
    assert "NOTIZ-4471" not in text
    article.images = []  # without photo files the importer would (rightly) refuse the images
    import_markdown(article_markdown(article, with_photos=False).text)


@SETTINGS
@given(articles())
def test_agency_text_always_reads_back(article):
    text = agency_text(_with_a_note(article))
    assert "NOTIZ-4471" not in text
    import_plain_text(text)
