"""An article left without a language is in its publication's default: the Language field says
which ("de (the publication's)") and does not mark the empty field as wrong."""

from __future__ import annotations

from newsdesk.gui.details.details_pane import MetadataPane
from newsdesk.model.article import Article, Section
from newsdesk.model.commands import SetArticleField
from newsdesk.publication import (
    PublicationProfile,
    Publications,
    save_publications,
    set_article_publication,
)
from tests.gui.article_states import bridged_state


def test_the_empty_language_shows_the_publications(qtbot):
    save_publications(Publications([PublicationProfile(name="Inselbote", language="de")]))
    article = Article(headline="Deich", language="", sections=[Section(markdown="Text")])
    set_article_publication(article, "Inselbote")
    stack = bridged_state(article)
    pane = MetadataPane(stack)
    qtbot.addWidget(pane)
    pane.refresh()
    line = pane.language.lineEdit()
    assert line.text() == "" and line.placeholderText() == "de (the publication's)"
    assert not line.property("problem")
    stack.push_command(SetArticleField("language", "en-GB"))
    assert line.text() == "en-GB"


def test_without_a_publication_the_empty_language_is_marked(qtbot):
    stack = bridged_state(Article(headline="Deich", language="", sections=[Section()]))
    pane = MetadataPane(stack)
    qtbot.addWidget(pane)
    pane.refresh()
    line = pane.language.lineEdit()
    assert line.placeholderText() == ""
    assert line.property("problem")


def test_choosing_another_publication_updates_the_hint(qtbot):
    from newsdesk.model.publication_commands import SetArticlePublication

    save_publications(
        Publications(
            [
                PublicationProfile(name="Inselbote", language="de"),
                PublicationProfile(name="Harbour Gazette", language="en-GB"),
            ]
        )
    )
    stack = bridged_state(Article(headline="Deich", language="", sections=[Section()]))
    pane = MetadataPane(stack)
    qtbot.addWidget(pane)
    pane.refresh()
    stack.push_command(SetArticlePublication("Harbour Gazette"))
    assert pane.language.lineEdit().placeholderText() == "en-GB (the publication's)"
