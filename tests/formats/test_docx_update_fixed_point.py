"""Update from Word on generated articles: a Word file the desk opened and saved without a change
changes nothing, and one changed paragraph changes that paragraph only (hypothesis)."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsdesk.formats.docx_update import plan_update, read_desk_document
from newsdesk.formats.markdown_import import import_markdown
from newsdesk.model.article import Image
from newsdesk.model.article_update import update_command
from newsdesk.model.counts import plain_text
from newsdesk.model.serialize import article_to_dict
from tests.formats.desk_documents import desk_edit, retype
from tests.formats.html_export_fixtures import jpeg_bytes
from tests.formats.test_import_markdown import _markdown_articles

SETTINGS = settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)  # each example exports and reads two Word files


def _article(generated, lead_photo: bool):
    _parts, markdown = generated
    article = import_markdown(markdown)
    if lead_photo:
        article.images = [
            Image(role="lead", data=jpeg_bytes((320, 240)), caption="Am Kai", credit="Ada Berg")
        ]
    return article


@SETTINGS
@given(_markdown_articles(), st.booleans())
def test_an_unchanged_file_is_an_empty_update(generated, lead_photo):
    article = _article(generated, lead_photo)
    desk = read_desk_document(desk_edit(article, lambda document: None), "desk.docx")
    assert plan_update(article, desk).is_empty()


@SETTINGS
@given(_markdown_articles(), st.data())
def test_one_retyped_paragraph_changes_that_paragraph_only(generated, data):
    article = _article(generated, False)
    paragraphs = [
        (section.id, n, block)
        for section in article.walk_sections()
        for n, block in enumerate(section.markdown.split("\n\n"))
        if block and not block.startswith(("-", "#", ">", "!", "|", "1."))
    ]
    section_id, _index, old = data.draw(st.sampled_from(paragraphs))
    new_text = "Der Satz, den die Redaktion neu geschrieben hat."

    plain = " ".join(plain_text(old).split())
    same_text = [
        other
        for section in article.walk_sections()
        for other in section.markdown.split("\n\n")
        if " ".join(plain_text(other).split()) == plain
    ]
    assume(plain and len(same_text) == 1 and plain != " ".join(article.headline.split()))

    def edit(document):
        target = next(p for p in document.paragraphs if " ".join(p.text.split()) == plain)
        retype(target, new_text)

    desk = read_desk_document(desk_edit(article, edit), "desk.docx")
    update = plan_update(article, desk)
    after = copy.deepcopy(article)
    update_command(update).do(after)
    changed = after.find_section(section_id).markdown.split("\n\n")
    assert new_text in changed
    for section in article.walk_sections():
        if section.id != section_id:
            assert after.find_section(section.id).markdown == section.markdown
    before = article_to_dict(article)
    command = update_command(update)
    command.do(article)
    command.undo(article)
    assert article_to_dict(article) == before
