"""ArticleUpdate as one command: every part applies together, one undo restores the article
exactly, and what an update has no value for (photos, properties, ids) is never touched."""

from __future__ import annotations

import copy

import pytest

from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.model.article_update import (
    UPDATE_LABEL,
    AddedSection,
    ArticleUpdate,
    ReplaceRelatedLinks,
    SectionUpdate,
    update_command,
)
from newsdesk.model.commands import EditRefusedError
from newsdesk.model.serialize import article_to_dict


def _article() -> Article:
    return Article(
        headline="Library stays open on Sundays",
        language="en",
        sections=[
            Section(id="lead", markdown="The council kept the Sunday hours."),
            Section(
                id="why",
                heading="Why",
                markdown="Families use it most.",
                children=[Section(id="numbers", heading="Numbers", markdown="400 a day.")],
            ),
            Section(id="old", heading="Background", markdown="It opened in 1962."),
        ],
        images=[
            Image(id="hall", data=b"\xff\xd8 not decoded here", caption="The hall", rotation=180)
        ],
        related=RelatedLinks(links=[RelatedLink("Opening hours", "https://example.org/h")]),
        properties={"spelling.ignore": '["Bexley"]', "wordpress": '{"post_id": 7}'},
    )


def _full_update() -> ArticleUpdate:
    return ArticleUpdate(
        fields={"headline": "Library keeps its Sundays", "subheadline": "A narrow vote"},
        sections=[
            SectionUpdate("why", heading="Why it matters", markdown="Families use it. <!-- a -->"),
            SectionUpdate("numbers", kind="opinion", label="Comment"),
        ],
        added=[AddedSection(Section(id="next", heading="Next", markdown="Review in May."), "why")],
        removed=["old"],
        images={"hall": {"caption": "The reading hall", "credit": "Jo Park"}},
        related=[RelatedLink("Opening hours", "https://example.org/h"), RelatedLink("Map", "")],
        related_heading="Further reading",
    )  # fmt: skip


def test_every_part_lands_in_one_command():
    article = _article()
    command = update_command(_full_update())
    assert command.label == UPDATE_LABEL
    command.do(article)
    assert (article.headline, article.subheadline) == ("Library keeps its Sundays", "A narrow vote")
    assert [s.id for s in article.walk_sections()] == ["lead", "why", "numbers", "next"]
    why, numbers = article.find_section("why"), article.find_section("numbers")
    assert (why.heading, why.markdown) == ("Why it matters", "Families use it. <!-- a -->")
    assert (numbers.kind, numbers.label, numbers.markdown) == ("opinion", "Comment", "400 a day.")
    hall = article.images[0]
    assert (hall.caption, hall.credit, hall.rotation, hall.data) == (
        "The reading hall",
        "Jo Park",
        180,
        b"\xff\xd8 not decoded here",
    )
    assert [link.title for link in article.related.links] == ["Opening hours", "Map"]
    assert article.related.heading == "Further reading"
    assert article.properties == _article().properties
    changed = command.changed
    assert changed.fields >= {"headline", "subheadline"}
    assert {"why", "numbers"} <= changed.sections and "why" in changed.markdown
    assert changed.added == {"next"} and changed.removed == {"old"}
    assert changed.images == {"hall"} and changed.related


def test_one_undo_restores_everything_and_redo_applies_it_again():
    article = _article()
    before = article_to_dict(article)
    command = update_command(_full_update())
    command.do(article)
    after = article_to_dict(article)
    command.undo(article)
    assert article_to_dict(article) == before
    command.do(article)
    assert article_to_dict(article) == after


def test_a_section_gone_meanwhile_refuses_the_whole_update():
    article = _article()
    before = article_to_dict(article)
    update = _full_update()
    update.sections.append(SectionUpdate("vanished", markdown="text"))
    with pytest.raises(EditRefusedError):
        update_command(update).do(article)
    assert article_to_dict(article) == before


def test_an_empty_update_says_so():
    assert ArticleUpdate().is_empty()
    assert not ArticleUpdate(related=[]).is_empty()
    assert not ArticleUpdate(fields={"headline": "x"}).is_empty()
    assert not ArticleUpdate(related_heading="").is_empty()


def test_replacing_related_links_brings_back_the_same_objects():
    article = _article()
    original = article.related.links
    command = ReplaceRelatedLinks([RelatedLink("New", "https://example.org/n")])
    command.do(article)
    assert [link.title for link in article.related.links] == ["New"]
    command.undo(article)
    assert article.related.links is original


def test_a_section_added_first_goes_before_the_lead():
    article = _article()
    update = ArticleUpdate(added=[AddedSection(Section(id="top", markdown="Breaking."))])
    update_command(update).do(article)
    assert article.sections[0].id == "top"
    assert copy.deepcopy(article).sections[1].id == "lead"
