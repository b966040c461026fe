"""The check's spelling hints: one finding (level "info", code `spelling`) per unknown word per
part of the article, saying how often it occurs there, with suggestions when asked for.

Checked: the headline, subheadline and description, every section (heading and text), and each
photo's caption and alt text, each in its own language (the article's, or the part's override
from model/spelling_settings.py), with the article's ignored words accepted. A part whose
language has no dictionary is not checked, and the check says so once per language (code
`spelling-unavailable`).

A finding's `where` is what the other findings use (`headline`, `section:<id>`, `image:<id>`), so
the window jumps there; its details are `word`, `field` (`headline`, `text`, `caption`, `alt`,
...), `count`, `language` and `suggestions` (a list, or None where not asked for or beyond the
first MAX_SUGGESTED_WORDS words: German suggestions cost up to half a second each).

The unknown words of each part are remembered in the Spelling service per text, so checking the
article again after typing checks only the part that changed (the 100,000-word article: about
half a second the first time, a few milliseconds after a keystroke).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from newsdesk.model.article import Article
from newsdesk.model.preflight import Finding
from newsdesk.model.spelling_settings import ignored_words, language_of
from newsdesk.spelling import LanguageChecker, Spelling, WordSpan

MAX_SUGGESTED_WORDS = 40
MAX_REMEMBERED_PARTS = 5_000

# The article's one-line fields that are checked, with how a message names them.
_FIELDS = (("headline", "the headline"), ("subheadline", "the subheadline"))
_DESCRIPTION = ("description", "the description")


def checked_parts(article: Article) -> Iterator[tuple[str, str, str, str, bool]]:
    """(where, field, part, text, is_markdown) for every part spelling looks at, in article
    order; `part` names it for the language override (`image:<id>:caption`, ...)."""
    for name, _ in _FIELDS:
        yield name, name, name, getattr(article, name), False
    yield "description", "description", "description", article.description, False
    for section in article.walk_sections():
        where = f"section:{section.id}"
        yield where, "heading", where, section.heading, False
        yield where, "text", where, section.markdown, True
    for image in article.images:
        where = f"image:{image.id}"
        yield where, "caption", f"{where}:caption", image.caption, False
        yield where, "alt", f"{where}:alt", image.alt, False


def checker_for(article: Article, spelling: Spelling, part: str) -> LanguageChecker:
    """The checker for one part of the article (`headline`, `section:<id>`,
    `image:<id>:caption`, ...): its language, with the article's ignored words."""
    return spelling.checker(language_of(article, part), ignored_words(article))


def misspellings(article: Article, spelling: Spelling) -> Iterator[tuple[str, str, WordSpan]]:
    """(where, field, span) for every unknown word in article order, as F7 walks them; the
    span's offsets are into the part's stored text (the section's Markdown, the field)."""
    ignored = ignored_words(article)
    checkers: dict[str, LanguageChecker] = {}
    for where, field, part, text, markdown in checked_parts(article):
        language = language_of(article, part)
        checker = checkers.get(language)
        if checker is None:
            checker = checkers[language] = spelling.checker(language, ignored)
        for span in checker.misspelt(text, markdown=markdown):
            yield where, field, span


def spelling_findings(
    article: Article, spelling: Spelling, *, suggestions: bool = False
) -> list[Finding]:
    """The spelling hints of the whole article (see the module docstring)."""
    ignored = ignored_words(article)
    ignored_key = tuple(ignored)
    checkers: dict[str, LanguageChecker] = {}
    found: list[Finding] = []
    suggested = 0
    names = _place_names(article)
    for where, field, part, text, markdown in checked_parts(article):
        if not text.strip():
            continue
        language = language_of(article, part)
        checker = checkers.get(language)
        if checker is None:
            checker = checkers[language] = spelling.checker(language, ignored)
            if not checker.status.checked:
                found.append(
                    Finding(
                        "info",
                        "spelling-unavailable",
                        checker.status.message,
                        "language",
                        {"language": language, **checker.status.params},
                    )
                )
        counts = _unknown_counts(spelling, checker, text, markdown, ignored_key)
        place = names.get((where, field)) or names.get((where, "")) or where
        for word, count in counts.items():
            corrections = None
            if suggestions and suggested < MAX_SUGGESTED_WORDS:
                corrections = checker.suggestions(word)
                suggested += 1
            times = f" ({count} times)" if count > 1 else ""
            found.append(
                Finding(
                    "info",
                    "spelling",
                    f"unknown word {word!r} in {place}{times}",
                    where,
                    {
                        "word": word,
                        "field": field,
                        "count": count,
                        "language": language,
                        "suggestions": corrections,
                    },
                )
            )
    return found


def _unknown_counts(
    spelling: Spelling, checker: LanguageChecker, text: str, markdown: bool, ignored: tuple
) -> Counter[str]:
    """The unknown words of one part and how often each occurs, remembered per text: after a
    keystroke only the part that changed is checked again."""
    key = ("spelling_check", checker.language, markdown, ignored, text)
    counts = spelling.memo.get(key)
    if not isinstance(counts, Counter):
        if len(spelling.memo) >= MAX_REMEMBERED_PARTS:
            spelling.memo.clear()
        counts = Counter(span.word for span in checker.misspelt(text, markdown=markdown))
        spelling.memo[key] = counts
    return counts


def _place_names(article: Article) -> dict[tuple[str, str], str]:
    names = {(name, name): text for name, text in (*_FIELDS, _DESCRIPTION)}
    for index, section in enumerate(article.walk_sections()):
        heading = f"section {section.heading!r}" if section.heading else f"section {index + 1}"
        names[(f"section:{section.id}", "")] = heading
        names[(f"section:{section.id}", "heading")] = f"the heading of {heading}"
    for image in article.images:
        name = f"the {image.role} image" + (f" {image.filename!r}" if image.filename else "")
        names[(f"image:{image.id}", "caption")] = f"the caption of {name}"
        names[(f"image:{image.id}", "alt")] = f"the alt text of {name}"
    return names
