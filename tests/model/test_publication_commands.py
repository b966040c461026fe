"""Choosing the article's publication is an edit like any other: done, undone, redone exactly,
and it leaves the publish record (outside the undo history) alone."""

from __future__ import annotations

from newsdesk.model.article import Article, Section
from newsdesk.model.publication_commands import SetArticlePublication
from newsdesk.publication import PUBLICATION_PROPERTY, article_publication


def test_choosing_and_undoing_a_publication():
    article = Article(headline="Fähre fährt wieder", sections=[Section(markdown="Text.")])
    article.properties["wordpress"] = '{"https://blatt.example": {"post_id": 7}}'
    choose = SetArticlePublication("  Inselblatt ")
    choose.do(article)
    assert article_publication(article) == "Inselblatt"
    assert PUBLICATION_PROPERTY in choose.changed.fields
    choose.undo(article)
    assert PUBLICATION_PROPERTY not in article.properties
    assert article.properties["wordpress"] == '{"https://blatt.example": {"post_id": 7}}'


def test_choosing_none_removes_the_choice_and_undo_brings_it_back():
    article = Article(sections=[Section()])
    article.properties[PUBLICATION_PROPERTY] = "Küstenbote"
    clear = SetArticlePublication("")
    clear.do(article)
    assert article_publication(article) == ""
    clear.undo(article)
    assert article_publication(article) == "Küstenbote"
