"""Undoable edits of the article's spelling settings, for the window's undo history.

"Ignore in this article" and "Language of this section / field" change what the project file
keeps (model/spelling_settings.py), so they go through the same history as every other edit: the
change is saved like typing is, and Ctrl+Z takes it back. Their `changed` names the property key
in `Changes.fields` (`spelling.ignore`, `spelling.languages`): views that do not know it ignore
it; the highlighter and the Check pane rehighlight and re-check on it.
"""

from __future__ import annotations

from newsdesk.model.article import Article
from newsdesk.model.commands import Changes, EditCommand, EditRefusedError
from newsdesk.model.spelling_settings import (
    IGNORE_KEY,
    LANGUAGES_KEY,
    ignore_word,
    set_language,
)


class _PropertyEdit(EditCommand):
    """Remembers the one property it changes, so undo restores it exactly (or removes it)."""

    key = ""

    def _remember(self, article: Article) -> None:
        self._old = article.properties.get(self.key)
        self._changes = Changes(fields=frozenset({self.key}))

    def undo(self, article: Article) -> None:
        if self._old is None:
            article.properties.pop(self.key, None)
        else:
            article.properties[self.key] = self._old


class IgnoreWord(_PropertyEdit):
    """Accept a word in this article only ("Ignore in this article")."""

    label = "Ignore word in this article"
    key = IGNORE_KEY

    def __init__(self, word: str) -> None:
        self.word = word

    def do(self, article: Article) -> None:
        self._remember(article)
        if not ignore_word(article, self.word) and self._old == article.properties.get(self.key):
            raise EditRefusedError(
                f"{self.word[:80]!r} cannot be ignored (already ignored, or not a word)",
                code="spelling.ignore_refused",
                word=self.word[:80],
            )


class SetPartLanguage(_PropertyEdit):
    """Set the language of a section or field (`section:<id>`, `headline`, `image:<id>:alt`,
    ...); None or the article's own language goes back to the article's."""

    label = "Set language"
    key = LANGUAGES_KEY

    def __init__(self, part: str, language: str | None) -> None:
        self.part = part
        self.language = language

    def do(self, article: Article) -> None:
        self._remember(article)
        set_language(article, self.part, self.language)
