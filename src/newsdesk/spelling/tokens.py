"""The words of a text that spell checking looks at, with their offsets.

`words(text)` yields `WordSpan(start, end, word)` for every word worth checking, where
`text[start:end] == word` (offsets are Python string indices; Qt counts UTF-16 code units, see
`utf16_offsets`). It leaves out what a journalist does not want marked:

- URLs (`https://...`, `www....`), e-mail addresses, domain names and abbreviations with inner dots
  (`dpa.de`, `z.B.`, `e.g.`), HTML entities;
- words with digits (`G7`, `A380`, `2026er`);
- words in ALL CAPS of up to 6 letters (`NATO`, `CDU`, `AFP`), which are abbreviations;
- with `markdown=True` (section text): inline code and fenced code blocks, HTML comments (private
  editor's notes), HTML tags, link and image targets `](...)`, autolinks `<...>`, reference link
  definitions, footnote labels `[^1]`, attribute lists `{#id}`; Markdown's own punctuation is not
  a word anyway;
- and any range the caller passes in `skip` (the window's code-formatted fragments).

Hyphenated forms ("Baden-Württemberg", "well-known", "CDU-Politiker") and words with an inner
apostrophe ("O'Connor", "don’t") are one word; the checker decides them whole or part by part.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

# A letter run; parts joined by a hyphen, an apostrophe (straight or typographic), a dot or a
# soft hyphen belong to the same token. Digits are taken in so that "G7" is one token (skipped).
_TOKEN = re.compile(r"[^\W_]+(?:(?:[-'’.\u00ad]|\u00ad?-)[^\W_]+)*")
# The same for text with combining marks (decomposed umlauts, as macOS file names and some pastes
# have them: "u" + U+0308), which are no word characters to `re`; slower, so only when needed.
_LETTERS_AND_MARKS = r"(?:(?!_)[\w\u0300-\u036f])+"
_TOKEN_WITH_MARKS = re.compile(
    rf"{_LETTERS_AND_MARKS}(?:(?:[-'’.\u00ad]|\u00ad?-){_LETTERS_AND_MARKS})*"
)
_COMBINING = re.compile(r"[\u0300-\u036f]")

# Every repeat is bounded or anchored, so that no text makes these patterns quadratic (a 100,000
# character run of letters once took 40 s against an unbounded e-mail pattern).
_PLAIN_SKIPS = (
    r"(?:https?|ftp)://[^\s<>\"')\]]+",
    r"(?<![\w.+-])(?:mailto:)?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+",
    r"\bwww\.[^\s<>\"')\]]+",
    r"&#?\w+;",
)
_MARKDOWN_SKIPS = (
    r"^(?P<fence>`{3,}|~{3,})[^\n]*\n(?:.*?\n)??(?P=fence)[ \t]*$",  # fenced code block
    r"(?P<ticks>`+)(?!`).{1,1000}?(?<!`)(?P=ticks)(?!`)",  # inline code
    r"<!--.*?(?:-->|\Z)",  # private note (an unclosed one runs to the end)
    r"</?[A-Za-z][^<>\n]{0,2000}>",  # HTML tag or autolink
    r"\]\([^)\n]{0,2000}\)",  # link or image target
    r"^[ ]{0,3}\[[^\]\n^]+\]:[ \t]*\S+",  # reference link definition: label and URL
    r"\[\^[^\]\n]{0,200}\]",  # footnote label
    r"\{[#.:][^}\n]{0,200}\}",  # attribute list
)
_PLAIN = re.compile("|".join(_PLAIN_SKIPS), re.IGNORECASE)
_MARKDOWN = re.compile("|".join((*_MARKDOWN_SKIPS, *_PLAIN_SKIPS)), re.DOTALL | re.MULTILINE)

ABBREVIATION_MAX_LETTERS = 6


class WordSpan(NamedTuple):
    start: int
    end: int
    word: str


def skipped_ranges(text: str, *, markdown: bool = True) -> list[tuple[int, int]]:
    """The (start, end) ranges of `text` that are not prose: code, notes, URLs, addresses, ..."""
    pattern = _MARKDOWN if markdown else _PLAIN
    return [match.span() for match in pattern.finditer(text)]


def words(
    text: str, *, markdown: bool = True, skip: Iterable[tuple[int, int]] = ()
) -> Iterator[WordSpan]:
    """Every word of `text` worth checking, in order (see the module docstring for what is left
    out). `skip` adds ranges the caller knows are not prose."""
    ranges = sorted((*skipped_ranges(text, markdown=markdown), *skip))
    index = 0
    token_pattern = _TOKEN_WITH_MARKS if _COMBINING.search(text) else _TOKEN
    for match in token_pattern.finditer(text):
        start, end = match.span()
        while index < len(ranges) and ranges[index][1] <= start:
            index += 1
        if index < len(ranges) and ranges[index][0] < end:
            continue  # overlaps a URL, code, a note, ...
        token = match.group()
        if worth_checking(token):
            yield WordSpan(start, end, token)


def worth_checking(token: str) -> bool:
    """False for tokens that are not words to check: with digits, inner dots (abbreviations such
    as "z.B", domains), ALL-CAPS abbreviations of up to six letters, single letters."""
    if token.isalpha():  # the common case: letters only (no combining marks)
        return len(token) > 1 and not (token.isupper() and len(token) <= ABBREVIATION_MAX_LETTERS)
    if "." in token or any(c.isdigit() for c in token):
        return False
    letters = [c for c in token if c.isalpha()]
    if len(letters) < 2:
        return False
    return not (token.isupper() and len(letters) <= ABBREVIATION_MAX_LETTERS)


def parts(word: str) -> list[tuple[int, str]]:
    """The hyphen-separated parts of a word with their offsets inside it, each worth checking:
    "CDU-Politiker" -> [(4, "Politiker")] (CDU is an abbreviation)."""
    found = []
    offset = 0
    for part in word.split("-"):
        if part and worth_checking(part):
            found.append((offset, part))
        offset += len(part) + 1
    return found


def utf16_offsets(text: str, spans: Iterable[WordSpan]) -> list[tuple[int, int, str]]:
    """The spans as UTF-16 offsets (what QTextBlock and QSyntaxHighlighter.setFormat count):
    every character outside the Basic Multilingual Plane (an emoji) before a word counts twice."""
    spans = list(spans)
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return [(s.start, s.end, s.word) for s in spans]
    result = []
    position = 0
    extra = 0
    for span in spans:
        extra += sum(1 for c in text[position : span.start] if ord(c) >= 0x10000)
        inner = sum(1 for c in span.word if ord(c) >= 0x10000)
        result.append((span.start + extra, span.end + extra + inner, span.word))
        extra += inner
        position = span.end
    return result


def from_utf16_offsets(text: str, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """UTF-16 (start, end) ranges (Qt's positions in a block) as Python string indices."""
    ranges = list(ranges)
    if not ranges or all(ord(c) < 0x10000 for c in text):
        return ranges
    index_of = []  # UTF-16 position -> string index
    for index, char in enumerate(text):
        index_of.append(index)
        if ord(char) >= 0x10000:
            index_of.append(index)
    index_of.append(len(text))
    last = len(index_of) - 1
    return [(index_of[min(a, last)], index_of[min(b, last)]) for a, b in ranges]
