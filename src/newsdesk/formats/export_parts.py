"""What the Word, Markdown and agency-text writers share: a section body cut into the pieces
each of them writes, with the private editor's notes already gone.

A section body is Markdown of our dialect (see markdown_render) plus the shared constructs:
GFM pipe tables with an optional `Table: caption` line right after them, source notes as
footnotes (`[^1]` in the text, `[^1]: text` definitions at the end), and private notes as HTML
comments `<!-- ... -->`. Notes stay in the project file: no writer ever sees them, because every
writer reads a body through `public_markdown` first.

`body_pieces` yields the body in reading order as blocks (markdown_blocks.Block, read through the
export renderer, so what a writer sees is what the page shows) and tables (`Table`); footnote
definitions come back separately as `Footnote`s, numbered in order of definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.model.markdown_notes import without_private_notes

# The block reader is imported by the two functions that read blocks: the page's photo credits
# mostly need `public_field` only, and a command-line export is spared its import (~3 ms).
if TYPE_CHECKING:
    from newsdesk.formats.markdown_blocks import Block

# A private note: <!-- ... -->, over several lines too. An unclosed "<!--" hides the rest of the
# body, as it would in a browser: a note that lost its end must not leak into a publication.
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]{1,40})\]:[ \t]*(?P<text>.*)$")
FOOTNOTE_REFERENCE = re.compile(r"\[\^(?P<label>[^\]\s]{1,40})\](?!:)")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$")
_TABLE_CAPTION = re.compile(r"^\s*Table:\s*(?P<caption>.+?)\s*$")
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Table:
    """A GFM pipe table: the header row, the body rows (cells as Markdown), and its caption."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    alignments: tuple[str, ...] = ()  # "left", "center", "right" or "" per column


@dataclass(frozen=True)
class Footnote:
    """A source note as the exports number and print it at the end of its section."""

    number: int
    label: str
    text: str  # Markdown of one line


def public_markdown(markdown: str) -> str:
    """The body without private notes (what any publication, copy or export may carry)."""
    if "<!--" not in markdown:
        return markdown
    text = without_private_notes(markdown)
    text = "\n".join(line.rstrip() if not line.strip() else line for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


def public_field(text: str) -> str:
    """A one-line field (caption, disclaimer, ...) without private notes."""
    return without_private_notes(text).strip() if "<!--" in text else text


def split_footnotes(markdown: str) -> tuple[str, list[Footnote]]:
    """The body without its footnote definitions, and the definitions numbered in order."""
    kept: list[str] = []
    notes: list[Footnote] = []
    for line in markdown.split("\n"):
        found = _FOOTNOTE_DEFINITION.match(line)
        if found:
            notes.append(Footnote(len(notes) + 1, found["label"], found["text"].strip()))
        elif notes and line.startswith(("    ", "\t")) and line.strip():
            last = notes[-1]  # a continuation line of the definition above
            notes[-1] = Footnote(last.number, last.label, f"{last.text} {line.strip()}")
        else:
            kept.append(line)
    return "\n".join(kept).strip("\n"), notes


def _cells(row: str) -> tuple[str, ...]:
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return tuple(cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row))


def _alignment(rule_cell: str) -> str:
    cell = rule_cell.strip()
    if cell.startswith(":") and cell.endswith(":"):
        return "center"
    if cell.endswith(":"):
        return "right"
    return "left" if cell.startswith(":") else ""


def split_tables(markdown: str) -> Iterator[str | Table]:
    """Runs of Markdown text and the tables between them, in order."""
    lines = markdown.split("\n")
    text: list[str] = []
    n = 0
    while n < len(lines):
        is_table = (
            n + 1 < len(lines)
            and _TABLE_ROW.match(lines[n])
            and _TABLE_RULE.match(lines[n + 1])
            and "|" in lines[n + 1]
        )
        if not is_table:
            text.append(lines[n])
            n += 1
            continue
        header = _cells(lines[n])
        alignments = tuple(_alignment(cell) for cell in _cells(lines[n + 1]))
        n += 2
        rows = []
        while n < len(lines) and _TABLE_ROW.match(lines[n]):
            cells = _cells(lines[n])
            rows.append((cells + ("",) * len(header))[: len(header)])
            n += 1
        caption = ""
        if n < len(lines) and (found := _TABLE_CAPTION.match(lines[n])):
            caption = found["caption"]
            n += 1
        if any(line.strip() for line in text):
            yield "\n".join(text)
        text = []
        yield Table(header, tuple(rows), caption, alignments)
    if any(line.strip() for line in text):
        yield "\n".join(text)


def body_pieces(markdown: str) -> tuple[list[Block | Table], list[Footnote]]:
    """A section body as blocks and tables in reading order, and its footnotes."""
    body, notes = split_footnotes(public_markdown(markdown))
    from newsdesk.formats.markdown_blocks import markdown_to_blocks

    pieces: list[Block | Table] = []
    for part in split_tables(body):
        if isinstance(part, Table):
            pieces.append(part)
        else:
            pieces.extend(markdown_to_blocks(part))
    return pieces, notes


def inline_text(markdown: str) -> str:
    """A one-line Markdown field as the plain text a reader sees."""
    from newsdesk.formats.markdown_blocks import markdown_to_blocks

    blocks = markdown_to_blocks(public_field(markdown))
    return " ".join(block.text for block in blocks)
