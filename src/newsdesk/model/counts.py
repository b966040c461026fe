"""Word and character counts, as a reader sees the text (Markdown syntax and link targets excluded).

`stats.words` counts what a reader reads in the body: headline, subheadline, section headings and
section text. Image captions and related links are furniture, not body, and are not counted.

A heading counts together with its section's text, never alone: a new section's placeholder
heading ("New section") is not yet anything a reader reads, so an empty section counts 0 words and
0 characters, and its heading starts counting with the first word of its text. (A heading above
only nested sections is not counted either; nesting is for long pieces, where it is noise.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsdesk.model.article import Article, Section

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]*>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_PRIVATE_NOTE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_LINE_MARKUP = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)+", re.M)
# Every *, _ and ` goes, and ~ in pairs; one class first (not an alternation) lets the regex
# engine skip ahead to the next marker, four times faster on a long article.
_EMPHASIS = re.compile(r"[*_`]+|~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!~>|])")


def plain_text(markdown: str) -> str:
    """The text a reader sees when the Markdown is rendered (good enough for counting)."""
    # Private notes are never published (an unclosed one hides the rest).
    text = _PRIVATE_NOTE.sub("", markdown) if "<!--" in markdown else markdown
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub("", text)
    text = _HTML_TAG.sub("", text)
    text = _LINE_MARKUP.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return text


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def count_characters(text: str) -> int:
    """Characters including spaces, as newsrooms count ("Zeichen inkl. Leerzeichen").

    Runs of white space count once and line breaks count as a space, so re-wrapping a paragraph
    does not change the count.
    """
    return len(" ".join(text.split()))


@dataclass(frozen=True)
class Counts:
    """Words, and characters with spaces, as newsrooms count them."""

    words: int
    characters: int

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.words + other.words, self.characters + other.characters)


# Counts an earlier run worked out for these exact texts (the export keeps them in the project
# file with its converted text, formats.kept_render): taken instead of counting again.
_known: dict[tuple[str, str], Counts] = {}


def remember_counts(heading: str, markdown: str, counts: Counts) -> None:
    """Take `counts` as the counts of this heading and text, once, instead of counting them."""
    if len(_known) >= 8192:  # never asked for (counted before): not kept for ever
        _known.clear()
    _known[(heading, markdown)] = counts


@lru_cache(maxsize=8192)
def _text_counts(heading: str, markdown: str) -> Counts:
    """Counts of one section's own text. Cached: the outline, the status bar, the preview and the
    saved revision all ask for the same 100 sections again and again while one of them changes;
    a string's hash is computed once and kept by Python, so a lookup costs little."""
    known = _known.pop((heading, markdown), None)
    if known is not None:
        return known
    return heading_and_text_counts(heading, plain_text(markdown))


def heading_and_text_counts(heading: str, text: str) -> Counts:
    """Counts of a section's heading and its plain text (what a reader sees). The heading counts
    only together with text (see the module docstring); the window counts the section being
    typed with this, from its editor's text."""
    if not text.strip():
        return Counts(0, 0)
    parts = [part for part in (heading, text) if part]
    return Counts(count_words(" ".join(parts)), count_characters("\n".join(parts)))


def section_counts(section: Section, *, include_children: bool = False) -> Counts:
    own = _text_counts(section.heading, section.markdown)
    if include_children:
        for child in section.children:
            own = own + section_counts(child, include_children=True)
    return own


def article_counts(article: Article) -> Counts:
    """Body counts: headline, subheadline, headings and section text."""
    total = Counts(count_words(article.headline), count_characters(article.headline))
    total = total + Counts(count_words(article.subheadline), count_characters(article.subheadline))
    for section in article.walk_sections():
        total = total + section_counts(section)
    return total


def reading_minutes(words: int, words_per_minute: int = 230) -> int:
    """Reading time rounded up to whole minutes; at least one for any text at all."""
    return 0 if words == 0 else max(1, -(-words // words_per_minute))
