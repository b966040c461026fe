"""The article's house layout as an undoable edit (View > Page Layout).

The choice is article data (the project file's `layout` property, house_layouts.py): a built-in
layout's name, or the user's stylesheet with its text, so it goes through the one undo history
like every other edit. Its `Changes.fields` names the property key; the preview and the check
refresh on it.
"""

from __future__ import annotations

from newsdesk.house_layouts import LAYOUT_PROPERTY, Layout, set_article_layout
from newsdesk.model.article import Article
from newsdesk.model.commands import Changes, EditCommand


class SetArticleLayout(EditCommand):
    """Choose the article's layout (None: the publication's, or Standard)."""

    label = "Choose page layout"

    def __init__(self, layout: Layout | None) -> None:
        self.layout = layout

    def do(self, article: Article) -> None:
        self._old = article.properties.get(LAYOUT_PROPERTY)
        set_article_layout(article, self.layout)
        self._changes = Changes(fields=frozenset({LAYOUT_PROPERTY}))

    def undo(self, article: Article) -> None:
        if self._old is None:
            article.properties.pop(LAYOUT_PROPERTY, None)
        else:
            article.properties[LAYOUT_PROPERTY] = self._old
