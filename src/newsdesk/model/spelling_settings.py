"""What an article keeps for spell checking: its "ignore" words and per-part language choices.

Both live in the article's named properties (docs/FILE_FORMAT.md, "Article properties"), so they
travel with the project file to a colleague's machine and an older Newsdesk keeps them untouched:

- `spelling.ignore`: a JSON array of the words "Ignore in this article" accepted, sorted;
- `spelling.languages`: a JSON object from a part of the article to a language tag, for a
  section or field written in another language than the article (an English quote box in a
  German article). Parts are named like the check's `where`: `headline`, `subheadline`,
  `description`, `section:<id>`, and `image:<id>:caption` / `image:<id>:alt`.

A value that is not what it should be (a newer or hand-edited file) reads as empty; nothing here
raises for it.
"""

from __future__ import annotations

import json

from newsdesk.model.article import Article

IGNORE_KEY = "spelling.ignore"
LANGUAGES_KEY = "spelling.languages"
MAX_IGNORED_WORDS = 10_000
MAX_WORD_CHARS = 64


def ignored_words(article: Article) -> list[str]:
    """The article's ignored words (empty when none or unreadable)."""
    try:
        value = json.loads(article.properties.get(IGNORE_KEY, "") or "[]")
    except ValueError:
        return []
    if not isinstance(value, list):
        return []
    return [w for w in value[:MAX_IGNORED_WORDS] if isinstance(w, str) and _fits(w)]


def ignore_word(article: Article, word: str) -> bool:
    """Add `word` to the article's ignore list; False when it was there already or cannot be
    kept (empty, over 64 characters, the list full). The caller saves the article."""
    word = word.strip()
    words = ignored_words(article)
    if not _fits(word) or word in words or len(words) >= MAX_IGNORED_WORDS:
        return False
    set_ignored_words(article, [*words, word])
    return True


def set_ignored_words(article: Article, words: list[str]) -> None:
    """Replace the ignore list (an empty list removes the property)."""
    unique = sorted({w for w in words if _fits(w)})
    if unique:
        article.properties[IGNORE_KEY] = json.dumps(unique, ensure_ascii=False)
    else:
        article.properties.pop(IGNORE_KEY, None)


def language_overrides(article: Article) -> dict[str, str]:
    """Part of the article -> language tag, for the parts set to another language."""
    try:
        value = json.loads(article.properties.get(LANGUAGES_KEY, "") or "{}")
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(v, str) and v.strip() and len(v) <= 35}


def language_of(article: Article, part: str) -> str:
    """The language a part of the article is written in: its override, else the article's."""
    return language_overrides(article).get(part) or article.language or "en"


def set_language(article: Article, part: str, language: str | None) -> None:
    """Set a part's language; None or the article's own language removes the override."""
    overrides = language_overrides(article)
    if language is None or not language.strip() or language == article.language:
        overrides.pop(part, None)
    else:
        overrides[part] = language.strip()
    if overrides:
        article.properties[LANGUAGES_KEY] = json.dumps(
            overrides, ensure_ascii=False, sort_keys=True
        )
    else:
        article.properties.pop(LANGUAGES_KEY, None)


def _fits(word: str) -> bool:
    return 0 < len(word) <= MAX_WORD_CHARS and not any(c.isspace() for c in word)
