"""Paste a whole article into an empty one: the window offers to split it like an import.

The section editor asks `offer_article_paste` first whenever something is pasted or dropped.
Only when the article is still empty (a new, untitled article with no text) and the clipboard
holds a whole article (`formats.article_paste`: a headline, text, and a subheadline, byline or
headed section) does a question come: "Yes" builds the article (headline, subheadline, byline,
sections, related links) as one undo step, so Ctrl+Z gives the empty article back; "No" pastes
as always, into the section.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk.errors import NewsdeskError
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.dialogs.errors import Choice, ask_choice, push_or_report
from newsdesk.model.article import Article
from newsdesk.model.commands import ReplaceArticle

translate = QCoreApplication.translate

SPLIT, PASTE_AS_TEXT = "split", "paste_as_text"
MARKDOWN_MIME = "text/markdown"  # Edit > Copy Article's Markdown, and other editors'


def _ask(parent: QWidget, article: Article) -> bool:
    headed = sum(1 for section in article.walk_sections() if section.heading)
    text = translate(
        "ArticlePaste",
        "The pasted text looks like a whole article. Split it into headline, subheadline and "
        "sections, as an import would?",
    )
    informative = translate("ArticlePaste", "Headline: %1").replace("%1", article.headline)
    if headed:
        sections = translate("ArticlePaste", "Sections with a heading: %1").replace(
            "%1", str(headed)
        )
        informative += "\n" + sections
    answer = ask_choice(
        parent,
        translate("ArticlePaste", "Paste as Article"),
        text,
        [
            Choice(SPLIT, translate("ArticlePaste", "Yes"), QMessageBox.ButtonRole.YesRole),
            Choice(PASTE_AS_TEXT, translate("ArticlePaste", "No"), QMessageBox.ButtonRole.NoRole),
        ],
        informative=informative,
        default=SPLIT,
        escape=PASTE_AS_TEXT,
    )
    return answer == SPLIT


def _built(current: Article, pasted: Article) -> Article:
    """The current (empty) article with the pasted one's parts: its own id, language and
    settings stay."""
    built = copy.deepcopy(current)
    built.headline, built.subheadline = pasted.headline, pasted.subheadline
    built.byline = pasted.byline or built.byline
    built.sections = pasted.sections
    built.images = pasted.images  # the agency text's "<< photo by NAME >>": photos to be added
    if pasted.related.links:
        built.related = pasted.related
    built.language = built.language or pasted.language
    return built


def offer_article_paste(parent: QWidget, state: ArticleState, source: QMimeData) -> bool:
    """True when the paste became the article (the journalist said Yes); False: paste as text."""
    # The importers (PyYAML, Pillow and the HTML reader with them) load at the first paste, not
    # with the window: tests/gui/test_lazy_start.py.
    from newsdesk.formats.article_paste import article_from_clipboard, is_empty_article

    state.flush_text()  # what was typed a moment ago counts: the article must really be empty
    if not is_empty_article(state.article):
        return False
    html = source.html() if source.hasHtml() else ""
    text = source.text() if source.hasText() else ""
    markdown = bytes(source.data(MARKDOWN_MIME).data()).decode("utf-8", "replace")
    try:
        pasted = article_from_clipboard(html, text, markdown)
    except NewsdeskError:
        pasted = None
    if pasted is None or not _ask(parent, pasted):
        return False
    return push_or_report(
        state,
        ReplaceArticle(_built(state.article, pasted)),
        translate("ArticlePaste", "Paste as article"),
        parent,
    )
