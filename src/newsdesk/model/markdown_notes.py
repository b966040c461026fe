"""Private editor's notes and source notes (footnotes) of a section body, outside Python-Markdown.

The reading of the notes lives in the model (the check and every output read them the same way);
`formats.markdown_notes` turns the tokens `prepare` leaves into the page's HTML.

Both are decided on the section's whole text before it is split around inline images and converted
run by run, so that a note, a reference and its definition may sit in different runs.

Private notes: an HTML comment `<!-- ... -->` is an editor's note. It is kept in the project file
and never published: `prepare` takes it out of the text before any conversion, so its words never
reach the converter, the sanitiser or the page. One opened and never closed runs to the end of the
section (the safe reading of a half-typed note). A comment is a note even inside code.
With `show_notes` (the editor, and the preview on request) a note becomes a token that
`replace_tokens` turns into `<span class="newsdesk-note">`.

Source notes: `[^label]` refers to a definition `[^label]: text` (at the start of a line; indented
lines continue it). Notes are numbered in the order of their first reference; each reference links
to its note and the note links back to every reference. A definition nobody refers to is still
listed (after the others, without a way back), so no source is ever dropped; `[^label]` without a
definition stays literal text, as in GFM. Ids carry the section's prefix, so they are unique across
the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

# Tokens in the Markdown that survive conversion and sanitising and are replaced afterwards. Text
# from outside never contains them: `prepare` removes these code points from the input first.
NOTE_OPEN, NOTE_CLOSE = "\ue030", "\ue031"
REF_OPEN, REF_CLOSE = "\ue010", "\ue011"
_TOKEN_CHARACTERS = "\ue010\ue011\ue030\ue031"
_TOKEN_CHARS = str.maketrans(dict.fromkeys(map(ord, _TOKEN_CHARACTERS)))
NOTE_TOKEN = re.compile(f"{NOTE_OPEN}(\\d+){NOTE_CLOSE}")
REF_TOKEN = re.compile(f"{REF_OPEN}(\\d+)-(\\d+){REF_CLOSE}")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)(?:(?!\n[ \t]*\n).)*?(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.S)
_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]{1,64})\]:[ \t]?(.*)$")
# A reference is not escaped: no backslash before it, or an even run of them (`\\[^1]` is an
# escaped backslash and then the reference); group 1 keeps that run, group 2 is the label.
# Definitions are taken out first, so "[^1]:" elsewhere (a table cell) is a reference and a colon.
_REFERENCE = re.compile(r"(?<!\\)((?:\\\\)*)\[\^([^\]\s]{1,64})\]")
MAX_NOTES = 999  # bounded: more definitions than this in one section are left as text


@dataclass
class PreparedBody:
    """A section body with its notes taken out, ready to be converted."""

    text: str
    private_notes: list[str] = field(default_factory=list)
    source_notes: list[tuple[str, str]] = field(default_factory=list)  # (label, Markdown)
    references: dict[int, int] = field(default_factory=dict)  # note number -> references to it


def _code_mask(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code blocks and code spans, where comments and references are code."""
    spans = []
    offset = 0
    fence = None
    start = 0
    for line in text.splitlines(keepends=True):
        match = _FENCE.match(line)
        if fence is None and match:
            fence, start = match.group(1), offset
        elif (
            fence is not None
            and line.strip().startswith(fence)
            and not line.strip(fence[0] + " \n")
        ):
            spans.append((start, offset + len(line)))
            fence = None
        offset += len(line)
    if fence is not None:
        spans.append((start, len(text)))
    outside = _outside(text, spans)
    for begin, end in outside:
        for m in _CODE_SPAN.finditer(text[begin:end]):
            spans.append((begin + m.start(), begin + m.end()))
    return sorted(spans)


def _outside(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces, position = [], 0
    for begin, end in sorted(spans):
        if begin > position:
            pieces.append((position, begin))
        position = max(position, end)
    if position < len(text):
        pieces.append((position, len(text)))
    return pieces


def _sub_outside_code(text: str, pattern: re.Pattern[str], replace: Callable) -> str:
    """`pattern.sub(replace, ...)` on the text outside fenced code and code spans."""
    spans = _code_mask(text)
    out, position = [], 0
    for begin, end in _outside(text, spans):
        out.append(text[position:begin])
        out.append(pattern.sub(replace, text[begin:end]))
        position = end
    out.append(text[position:])
    return "".join(out)


def _take_comments(text: str, keep: list[str] | None) -> str:
    """Every comment out of the text; into `keep` as a token when a list is given.

    Code is not exempt: the renderer's idea of a code span or block can differ from a quick scan's
    (a stray backtick, a fence our dialect does not know), and a note misread as code would be
    published. A note is private wherever it stands.
    """
    if "<!--" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        if keep is None:
            return ""
        keep.append(match.group(1).strip())
        return f"{NOTE_OPEN}{len(keep) - 1}{NOTE_CLOSE}"

    return _COMMENT.sub(replace, text)


def _without_token_chars(markdown: str) -> str:
    """The text without the characters the tokens use (a search first: translating 100,000
    words costs far more than finding that, as nearly always, none is there; `in` looks for one
    character with memchr, some 40 times faster than a character class in `re`)."""
    if any(character in markdown for character in _TOKEN_CHARACTERS):
        return markdown.translate(_TOKEN_CHARS)
    return markdown


def without_private_notes(markdown: str) -> str:
    """The Markdown with every private note taken out (for any text that leaves Newsdesk)."""
    return _take_comments(_without_token_chars(markdown), None)


def private_notes(markdown: str) -> list[str]:
    """The texts of the private notes in a section body, in order."""
    found: list[str] = []
    _take_comments(_without_token_chars(markdown), found)
    return found


@dataclass(frozen=True)
class NoteProblems:
    """What the check reports about a body's notes."""

    unclosed_note: bool  # a `<!--` without `-->`: the rest of the section is hidden
    unreferenced: tuple[str, ...]  # labels of source notes nothing refers to
    undefined: tuple[str, ...]  # labels referred to (`[^x]`) without a definition


def note_problems(markdown: str) -> NoteProblems:
    text = _without_token_chars(markdown)
    match = _COMMENT.search(text)
    unclosed = False
    while match:
        if not match.group().endswith("-->"):
            unclosed = True
            break
        match = _COMMENT.search(text, match.end())
    body = prepare(text)
    referenced = set(body.references)
    unreferenced = tuple(
        label for n, (label, _) in enumerate(body.source_notes, 1) if n not in referenced
    )
    defined = {label.casefold() for label, _ in body.source_notes}
    undefined = [
        m.group(2)
        for m in _REFERENCE.finditer(_take_definitions(_take_comments(text, None))[0])
        if m.group(2).casefold() not in defined
    ]
    return NoteProblems(unclosed, unreferenced, tuple(dict.fromkeys(undefined)))


def _take_definitions(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Remove `[^label]: text` definitions (with their continuation lines) outside code."""
    code = _code_mask(text)  # sorted by start
    lines = text.split("\n")
    kept: list[str] = []
    definitions: list[tuple[str, list[str]]] = []
    offset = 0
    span = 0  # the first code span that may still contain a line start
    current: list[str] | None = None
    for line in lines:
        while span < len(code) and code[span][1] <= offset:
            span += 1
        in_code = span < len(code) and code[span][0] <= offset
        offset += len(line) + 1
        match = None if in_code else _DEFINITION.match(line)
        if match and len(definitions) < MAX_NOTES:
            current = [match.group(2)]
            definitions.append((match.group(1), current))
            continue
        if current is not None:
            if line.startswith(("    ", "\t")):
                current.append(line.strip())
                continue
            if line.strip() and current[-1].strip():
                current.append(line.strip())  # a lazy continuation line
                continue
            if not line.strip():
                current.append("")
                continue
            current = None
        kept.append(line)
    return "\n".join(kept), [(label, "\n".join(body).strip()) for label, body in definitions]


def prepare(markdown: str, *, show_notes: bool = False) -> PreparedBody:
    """Take private notes out (or into tokens), take definitions out, turn references to tokens."""
    text = _without_token_chars(markdown)
    kept: list[str] | None = [] if show_notes else None
    text = _take_comments(text, kept)
    if "[^" not in text:
        return PreparedBody(text, kept or [])  # no source notes: most sections
    text, definitions = _take_definitions(text)
    body = PreparedBody(text, kept or [])
    labels: dict[str, int] = {}  # label -> note number
    by_label: dict[str, tuple[str, str]] = {}
    for label, definition in definitions:
        by_label.setdefault(label.casefold(), (label, definition))

    def reference(match: re.Match[str]) -> str:
        key = match.group(2).casefold()
        if key not in by_label:
            return match.group()
        if key not in labels:
            labels[key] = len(labels) + 1
            body.source_notes.append(by_label[key])
        number = labels[key]
        body.references[number] = body.references.get(number, 0) + 1
        return f"{match.group(1)}{REF_OPEN}{number}-{body.references[number]}{REF_CLOSE}"

    body.text = _sub_outside_code(text, _REFERENCE, reference)
    for key, (label, definition) in by_label.items():
        if key not in labels:
            labels[key] = len(labels) + 1
            body.source_notes.append((label, definition))
    return body
