"""Private editor's notes and source notes (footnotes) of a section body, outside Python-Markdown.

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
from html import escape

# Tokens in the Markdown that survive conversion and sanitising and are replaced afterwards. Text
# from outside never contains them: `prepare` removes these code points from the input first.
_NOTE_OPEN, _NOTE_CLOSE = "\ue030", "\ue031"
_REF_OPEN, _REF_CLOSE = "\ue010", "\ue011"
_TOKEN_CHARS = str.maketrans(dict.fromkeys(map(ord, "\ue010\ue011\ue030\ue031")))
_NOTE_TOKEN = re.compile(f"{_NOTE_OPEN}(\\d+){_NOTE_CLOSE}")
_REF_TOKEN = re.compile(f"{_REF_OPEN}(\\d+)-(\\d+){_REF_CLOSE}")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)(?:(?!\n[ \t]*\n).)*?(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.S)
_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]{1,64})\]:[ \t]?(.*)$")
_REFERENCE = re.compile(r"(?<!\\)\[\^([^\]\s]{1,64})\](?!:)")
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
        return f"{_NOTE_OPEN}{len(keep) - 1}{_NOTE_CLOSE}"

    return _COMMENT.sub(replace, text)


def without_private_notes(markdown: str) -> str:
    """The Markdown with every private note taken out (for any text that leaves Newsdesk)."""
    return _take_comments(markdown.translate(_TOKEN_CHARS), None)


def private_notes(markdown: str) -> list[str]:
    """The texts of the private notes in a section body, in order."""
    found: list[str] = []
    _take_comments(markdown.translate(_TOKEN_CHARS), found)
    return found


@dataclass(frozen=True)
class NoteProblems:
    """What the check reports about a body's notes."""

    unclosed_note: bool  # a `<!--` without `-->`: the rest of the section is hidden
    unreferenced: tuple[str, ...]  # labels of source notes nothing refers to
    undefined: tuple[str, ...]  # labels referred to (`[^x]`) without a definition


def note_problems(markdown: str) -> NoteProblems:
    text = markdown.translate(_TOKEN_CHARS)
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
        m.group(1)
        for m in _REFERENCE.finditer(_take_definitions(_take_comments(text, None))[0])
        if m.group(1).casefold() not in defined
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
    text = markdown.translate(_TOKEN_CHARS)
    kept: list[str] | None = [] if show_notes else None
    text = _take_comments(text, kept)
    if "[^" not in text:
        return PreparedBody(text, kept or [])  # no source notes: most sections
    text, definitions = _take_definitions(text)
    body = PreparedBody(text, kept or [])
    labels: dict[str, int] = {}  # label -> note number
    by_label = {}
    for label, definition in definitions:
        by_label.setdefault(label.casefold(), (label, definition))

    def reference(match: re.Match[str]) -> str:
        key = match.group(1).casefold()
        if key not in by_label:
            return match.group()
        if key not in labels:
            labels[key] = len(labels) + 1
            body.source_notes.append(by_label[key])
        number = labels[key]
        body.references[number] = body.references.get(number, 0) + 1
        return f"{_REF_OPEN}{number}-{body.references[number]}{_REF_CLOSE}"

    body.text = _sub_outside_code(text, _REFERENCE, reference)
    for key, (label, definition) in by_label.items():
        if key not in labels:
            labels[key] = len(labels) + 1
            body.source_notes.append((label, definition))
    return body


def _ref_id(prefix: str, number: int, occurrence: int) -> str:
    return f"{prefix}ref-{number}" + (f"-{occurrence}" if occurrence > 1 else "")


_TAG = re.compile(r"<[^<>]*>")
_TOKEN_PIECES = re.compile(f"{_REF_OPEN}[0-9-]*{_REF_CLOSE}|{_NOTE_OPEN}[0-9]*{_NOTE_CLOSE}")


def _reference_html(prefix: str, number: int, occurrence: int) -> str:
    return (
        f'<a class="footnote-ref" href="#{prefix}note-{number}" '
        f'id="{_ref_id(prefix, number, occurrence)}" role="doc-noteref">'
        f"<sup>{number}</sup></a>"
    )


def replace_tokens(html: str, body: PreparedBody, prefix: str) -> str:
    """Converted, sanitised HTML with its tokens turned into references and shown notes.

    A token that conversion put inside a tag (a reference in a link's address) is removed, so
    that markup is only ever inserted between tags.
    """
    if not body.references and not body.private_notes:
        return html
    html = _TAG.sub(lambda tag: _TOKEN_PIECES.sub("", tag.group()), html)

    def note(match: re.Match[str]) -> str:
        index = int(match.group(1))
        text = body.private_notes[index] if index < len(body.private_notes) else ""
        shown = escape(text).replace("\n", "<br>")
        return f'<span class="newsdesk-note">{shown}</span>'

    html = _REF_TOKEN.sub(lambda m: _reference_html(prefix, int(m[1]), int(m[2])), html)
    return _NOTE_TOKEN.sub(note, html)


def notes_list(body: PreparedBody, prefix: str, render_run: Callable[[str], str]) -> str:
    """The numbered source notes of the section, each linking back to its references ("" if none).

    `prefix` starts every id (the section's anchor and a dash), `render_run` converts a note's
    Markdown.
    """
    if not body.source_notes:
        return ""
    items = []
    for number, (_label, definition) in enumerate(body.source_notes, 1):
        content = render_run(definition) if definition.strip() else "<p></p>"
        content = replace_tokens(content, body, prefix)
        backs = "".join(
            f' <a class="footnote-back" href="#{_ref_id(prefix, number, n)}" '
            f'role="doc-backlink">↩\ufe0e</a>'
            for n in range(1, body.references.get(number, 0) + 1)
        )
        if backs and content.endswith("</p>"):
            content = content[:-4] + backs + "</p>"
        elif backs:
            content += f"<p>{backs.strip()}</p>"
        items.append(f'<li id="{prefix}note-{number}">{content}</li>')
    notes = "\n".join(items)
    # A div, not a <section>: a section without a heading is a warning of the Nu checker, and
    # the role names the list for assistive technology (issue 15).
    opening = '<div class="source-notes" role="doc-endnotes">'
    return f"{opening}\n<ol>\n{notes}\n</ol>\n</div>"
