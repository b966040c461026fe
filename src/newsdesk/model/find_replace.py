"""Find and replace across the article: headline fields, section headings and section texts.

Searched, in reading order: the fields in SEARCHED_FIELDS, then for every section its heading and
its text. Not searched: slug, language, date and tags (identifiers, not prose), image captions and
related links (they have their own panes and commands).

Options: `case` (match case; otherwise Unicode case-insensitive, so "ÄRGER" finds "Ärger", and a
"ß" in the needle also finds the capitals' "SS": "Straße" finds "STRASSE") and `whole_word` (the
match may not continue a word on either side; letters with umlauts, ß, digits, combining accents
and the soft hyphen are word characters, so "Fähre" does not match inside "Fähren", "ß" ends no
word early, and a decomposed "a" + U+0308 is one letter; a hyphen, also the non-breaking one, is a
word boundary, so whole-word "Bahn" finds the "Bahn" of "S-Bahn").

Without `case` a replacement takes the case pattern of what it replaces, as word processors do:
all capitals stay all capitals, a capital first letter stays capital, a small first letter stays
small ("Punkt" -> "Posten" turns "Unterpunkt" into "Unterposten", "PUNKT" into "POSTEN"). A
replacement whose first word is not simply capitalised ("EU", "McLean", "iPhone") keeps its case
where the found text begins small.

Section texts are Markdown. Matching there works on the Markdown source but leaves markup alone:
- link and image targets `](...)`, autolinks `<https://...>`, the `[` / `![` that opens a link,
  emphasis markers (`*`, `**`, `~~`, backticks, `_` outside words) and line markers (`### `, `> `,
  `- `, `1. `) are never part of a match;
- a backslash-escaped character counts as the character the reader sees, so "a*b" finds `a\\*b`;
- replacements are escaped, so replacing with "*neu*" writes literal asterisks, not emphasis.
Limits: a match cannot span a change of formatting ("bold text" is not found in `**bold** text`),
text is compared as stored (no Unicode normalisation), and newlines in a replacement become spaces
(headings and fields are single lines; the dialog's field is one line too).

`find_all(..., body_text=...)` searches section texts in another rendering instead (the editor's
plain text), so that match offsets are cursor positions there; `part` is then "body".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsdesk.model.article import Article, Section
from newsdesk.model.commands import (
    CompositeCommand,
    EditCommand,
    RenameSection,
    SetArticleField,
    SetSectionMarkdown,
)

SEARCHED_FIELDS: tuple[str, ...] = (
    "kicker",
    "headline",
    "subheadline",
    "byline",
    "dateline",
    "description",
)

# What Python-Markdown lets a backslash escape (the dialect's escapable characters).
_ESCAPABLE = "\\`*_{}[]()#+-.!~>|"
_ESCAPE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!~>|]")
_LINK = re.compile(r"(!?\[)(?:[^\[\]\\\n]|\\.)*(\]\((?:[^()\n]|\([^()\n]*\))*\))")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]*>")
_LINE_MARKUP = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)+", re.M)
_DELIMITER_RUN = re.compile(r"\*+|~~|`+|_+")
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]~])")
_LINE_START_SPECIAL = re.compile(r"^(#|>|[-+]|\d+(?=[.)]))")
# Word characters for whole words: letters and digits (\w), combining accents (a decomposed
# umlaut), the soft hyphen and zero-width joiners that word processors leave inside words.
_WORD_CLASS = r"[\w\u0300-\u036f\u00ad\u200c\u200d]"
_WORD_CHARACTER = re.compile(_WORD_CLASS)


@dataclass(frozen=True)
class Match:
    """One occurrence: in field or section `where`, `part` of it, characters start..end.

    `part` is "field" (where = field name), "heading" or "markdown" (where = section id; offsets
    into the heading / the Markdown source) or "body" (offsets into the text `body_text` returned).
    """

    where: str
    part: str
    start: int
    end: int


def compile_pattern(
    needle: str, *, case: bool = False, whole_word: bool = False, markdown: bool = False
) -> re.Pattern | None:
    """The regex for a needle, or None for an empty needle.

    In `markdown` mode an escapable character may be preceded by a backslash in the source.
    """
    if not needle:
        return None
    parts = []
    for char in needle:
        escaped = re.escape(char)
        if not case and char in "ßẞ":
            # Capitals write ß as SS (the capital ẞ is rare): "Straße" finds "STRASSE".
            escaped = "(?:ß|ẞ|ss)"
        parts.append(rf"\\?{escaped}" if markdown and char in _ESCAPABLE else escaped)
    body = "".join(parts)
    if whole_word:
        # Only where the needle itself begins/ends with a word character does a word boundary
        # make sense ("-Bahn" whole word still finds "S-Bahn"'s "-Bahn").
        if _WORD_CHARACTER.match(needle[0]):
            body = rf"(?<!{_WORD_CLASS})" + body
        if _WORD_CHARACTER.match(needle[-1]):
            body = body + rf"(?!{_WORD_CLASS})"
    return re.compile(body, 0 if case else re.IGNORECASE)


def adapt_case(found: str, replacement: str) -> str:
    """`replacement` in the case pattern of `found` (see the module docstring)."""
    letters = [c for c in found if c.isalpha()]
    if not letters or not replacement:
        return replacement
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    first_word = replacement.split(" ", 1)[0]
    if letters[0].isupper():
        return replacement[0].upper() + replacement[1:]
    if first_word[:1].isupper() and (first_word[1:] == first_word[1:].lower()):
        return replacement[0].lower() + replacement[1:]
    return replacement


def protected_spans(markdown: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(markup spans no match may touch, escape spans a match may only contain whole)."""
    escapes = [m.span() for m in _ESCAPE.finditer(markdown)]
    escaped = {start + 1 for start, _ in escapes} | {start for start, _ in escapes}
    markup: list[tuple[int, int]] = []
    for link in _LINK.finditer(markdown):
        markup += [link.span(1), link.span(2)]
    markup += [m.span() for m in _AUTOLINK.finditer(markdown)]
    markup += [m.span() for m in _LINE_MARKUP.finditer(markdown) if m.end() > m.start()]
    for run in _DELIMITER_RUN.finditer(markdown):
        start, end = run.span()
        if start in escaped:
            continue
        if run.group().startswith("_"):
            # Python-Markdown leaves underscores inside words alone (snake_case stays literal).
            before = markdown[start - 1] if start else " "
            after = markdown[end] if end < len(markdown) else " "
            if before.isalnum() and after.isalnum():
                continue
        markup.append((start, end))
    return markup, escapes


def _allowed(span: tuple[int, int], markup, escapes) -> bool:
    start, end = span
    if any(start < m_end and m_start < end for m_start, m_end in markup):
        return False
    # An escape sequence is all or nothing: never split the backslash from its character.
    return all(
        end <= e_start or e_end <= start or (start <= e_start and e_end <= end)
        for e_start, e_end in escapes
    )


def find_in_markdown(markdown: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    markup, escapes = protected_spans(markdown)
    return [
        m.span()
        for m in pattern.finditer(markdown)
        if m.end() > m.start() and _allowed(m.span(), markup, escapes)
    ]


def find_in_text(text: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


def find_all(
    article: Article,
    needle: str,
    *,
    case: bool = False,
    whole_word: bool = False,
    body_text: Callable[[Section], str] | None = None,
) -> list[Match]:
    """Every occurrence in reading order (see the module docstring for what is searched)."""
    plain = compile_pattern(needle, case=case, whole_word=whole_word)
    if plain is None:
        return []
    source = compile_pattern(needle, case=case, whole_word=whole_word, markdown=True)
    if source is None:
        return []
    found: list[Match] = []
    for name in SEARCHED_FIELDS:
        found += [
            Match(name, "field", s, e) for s, e in find_in_text(getattr(article, name), plain)
        ]
    for section in article.walk_sections():
        found += [
            Match(section.id, "heading", s, e) for s, e in find_in_text(section.heading, plain)
        ]
        if body_text is not None:
            spans = find_in_text(body_text(section), plain)
            found += [Match(section.id, "body", s, e) for s, e in spans]
        else:
            spans = find_in_markdown(section.markdown, source)
            found += [Match(section.id, "markdown", s, e) for s, e in spans]
    return found


def escape_markdown(text: str, *, at_line_start: bool = False) -> str:
    """Text as Markdown that renders as exactly this text (for replacements in section texts)."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    if at_line_start:
        match = _LINE_START_SPECIAL.match(text)
        if match and match.group().isdigit():
            end = match.end()
            text = text[:end] + "\\" + text[end:]
        elif match:
            text = "\\" + text
    return text


def _single_line(text: str) -> str:
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text


def _at_line_start(text: str, position: int) -> bool:
    """Whether only white space or line markers (`- `, `> `, ...) precede `position` on its line."""
    prefix = text[text.rfind("\n", 0, position) + 1 : position]
    return not prefix.strip() or _LINE_MARKUP.fullmatch(prefix) is not None


def replace_spans(
    text: str,
    spans: list[tuple[int, int]],
    replacement: str,
    *,
    markdown: bool = False,
    keep_case: bool = False,
) -> str:
    """`text` with every span replaced (spans in order, not overlapping); Markdown-escaped.

    `keep_case`: each replacement takes the case pattern of the text it replaces (adapt_case).
    """
    replacement = _single_line(replacement)
    pieces = []
    last = 0
    for start, end in spans:
        pieces.append(text[last:start])
        new = adapt_case(text[start:end], replacement) if keep_case else replacement
        if markdown:
            line_start = _at_line_start(text, start)
            pieces.append(escape_markdown(new, at_line_start=line_start))
        else:
            pieces.append(new)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


class ReplaceAllCommand(CompositeCommand):
    """Replace all as one undo step; `count` says how many occurrences it replaced."""

    def __init__(self, commands: list[EditCommand], count: int, label: str = "Replace all"):
        super().__init__(commands, label)
        self.count = count


def replace_all(
    article: Article,
    needle: str,
    replacement: str,
    *,
    case: bool = False,
    whole_word: bool = False,
) -> ReplaceAllCommand | None:
    """One command replacing every occurrence (not yet applied), or None when nothing matches."""
    matches = find_all(article, needle, case=case, whole_word=whole_word)
    if not matches:
        return None
    by_location: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for match in matches:
        by_location.setdefault((match.where, match.part), []).append((match.start, match.end))
    keep_case = not case
    commands: list[EditCommand] = []
    for (where, part), spans in by_location.items():
        if part == "field":
            new = replace_spans(getattr(article, where), spans, replacement, keep_case=keep_case)
            commands.append(SetArticleField(where, new))
            continue
        section = article.find_section(where)
        if section is None:  # every match comes from this article's sections
            continue
        if part == "heading":
            new = replace_spans(section.heading, spans, replacement, keep_case=keep_case)
            commands.append(RenameSection(where, new))
        else:
            new = replace_spans(
                section.markdown, spans, replacement, markdown=True, keep_case=keep_case
            )
            commands.append(SetSectionMarkdown(where, new))
    return ReplaceAllCommand(commands, len(matches))


def replace_match(
    article: Article, match: Match, replacement: str, *, keep_case: bool = False
) -> EditCommand:
    """The command replacing one occurrence in a field, heading or Markdown text.

    ("body" matches live in the editor's document; the GUI replaces those there.)
    `keep_case` (Match case off): the replacement takes the found text's case pattern.
    """
    span = [(match.start, match.end)]
    if match.part == "field":
        text = getattr(article, match.where)
        return SetArticleField(
            match.where, replace_spans(text, span, replacement, keep_case=keep_case)
        )
    section = article.find_section(match.where)
    if section is None:
        raise KeyError(match.where)
    if match.part == "heading":
        new = replace_spans(section.heading, span, replacement, keep_case=keep_case)
        return RenameSection(match.where, new)
    if match.part == "markdown":
        new = replace_spans(section.markdown, span, replacement, markdown=True, keep_case=keep_case)
        return SetSectionMarkdown(match.where, new)
    raise ValueError(f"cannot replace a {match.part!r} match in the model")
