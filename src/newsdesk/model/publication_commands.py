"""The article's chosen publication as an undoable edit (File > Publication Settings…).

The choice is article data (the project file's `publication` property, publication.py), so it
goes through the one undo history like every other edit: saved as typing is, taken back by
Ctrl+Z. Its `Changes.fields` names the property key; the check and the preview refresh on it.
The publish record (`wordpress`) is not set here: it lives outside the undo history.
"""

from __future__ import annotations

from newsdesk.model.article import Article
from newsdesk.model.commands import Changes, EditCommand
from newsdesk.publication import PUBLICATION_PROPERTY, set_article_publication


class SetArticlePublication(EditCommand):
    """Choose the article's publication by its profile's name ("" for none)."""

    label = "Choose publication"

    def __init__(self, name: str) -> None:
        self.name = name.strip()

    def do(self, article: Article) -> None:
        self._old = article.properties.get(PUBLICATION_PROPERTY)
        set_article_publication(article, self.name)
        self._changes = Changes(fields=frozenset({PUBLICATION_PROPERTY}))

    def undo(self, article: Article) -> None:
        if self._old is None:
            article.properties.pop(PUBLICATION_PROPERTY, None)
        else:
            article.properties[PUBLICATION_PROPERTY] = self._old
