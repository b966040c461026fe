"""Writing the editor's blocks as Markdown of our dialect, checked against the export renderer.

The Markdown is canonical (one way to write each thing, so load -> save -> load is a fixed point),
and the text of every block is verified: the export renderer must read it back to the same runs.
Text whose delimiters Python-Markdown would read differently (emphasis runs that touch in ways its
delimiter rules resolve otherwise) is written with other delimiters, and as a last resort with
fewer marks, so that what is saved is always what is exported. The block layout around the text
(lists, quotes, separators) follows fixed rules, which the property tests check against the
renderer for generated documents.

Layout: blocks are separated by a blank line (inside quotes a `>` line; a blank line at the level
where a new quote starts), items of one list by a line break, nested items indented by four
spaces, code indented four spaces more than what it belongs to, tables as GFM pipe tables with a
`Table: caption` line, source notes as `[^N]: ...` definitions at the end; a hard line break is a
backslash at the end of a line (`<br>` in a table cell), a private note `<!-- ... -->`. Literal
text is escaped so that it renders as typed (backslash escapes, and entities for what
Python-Markdown cannot escape: `~` next to `~`, `&` before an entity name, `<` before an autolink,
a tag or a comment, `=` and `Table:` at a line start).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import NamedTuple

from newsdesk.formats.markdown_blocks import (
    ATOMIC,
    BOLD,
    CODE,
    HEADING,
    IMAGE,
    ITALIC,
    ITEM,
    LINE_BREAK,
    NOTE,
    NOTE_REF,
    PARAGRAPH,
    SOURCE_NOTE,
    STRIKE,
    SUB,
    SUP,
    TABLE,
    Block,
    Run,
    markdown_to_blocks,
    normalize_blocks,
    normalize_runs,
)


class _Style(NamedTuple):
    """How to write marks: the delimiters, and whether strikethrough nests innermost."""

    bold: str = "**"
    italic: str = "*"
    strike_inner: bool = False  # `~~` may touch spaces where `*` may not, so split it instead

    def delimiters(self, mark: str) -> tuple[str, str]:
        if mark in (SUB, SUP):
            return f"<{mark}>", f"</{mark}>"
        delimiter = {BOLD: self.bold, ITALIC: self.italic, STRIKE: "~~"}[mark]
        return delimiter, delimiter


# The canonical style first; the others only where the canonical one would be misread.
_STYLES = (
    _Style(),
    _Style(strike_inner=True),
    _Style(italic="_"),
    _Style(bold="__"),
    _Style(italic="_", strike_inner=True),
    _Style(bold="__", italic="_"),
)
_OPEN_ORDER = (STRIKE, BOLD, ITALIC, SUB, SUP)  # outermost first when marks span the same text
_TEXT_ESCAPES = {c: "\\" + c for c in "\\`*_[]|"}
_ENTITY_LIKE = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z0-9]+;)")
_TILDE = "\ue000"  # stands for a literal "~" until its neighbours are known
_LESS = "\ue001"  # stands for a literal "<" until we know what follows it
_BREAK = "\ue002"  # a hard line break, until we know what the line after it needs
# What makes "<" start an autolink (<https://...>), a mail link (<desk@example.org>), a tag or a
# comment: all but <sub>, <sup> and <br> are dropped, and a comment is a private note.
_AUTOLINK_AFTER = re.compile(r"[A-Za-z/!?]|[^<> !]+@[^@<> ]+>")
_LINE_START = re.compile(r"[#>+-]|\d+\.")
_REFERENCE_LIKE = re.compile(r"\[[^\[\]]*\]:")
_NOTE_REF_MARKDOWN = re.compile(r"\[\^(\d+)\]")


def _escape_text(text: str) -> str:
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = "".join(_TEXT_ESCAPES.get(c, c) for c in text)
    return text.replace("~", _TILDE).replace("<", _LESS).replace(LINE_BREAK, _BREAK)


def _atomic_markdown(run: Run) -> str:
    """A private note as a comment, a source-note reference as `[^N]`."""
    if NOTE in run.marks:
        return "<!-- " + run.text.replace(LINE_BREAK, "\n").replace("-->", "-- >") + " -->"
    return f"[^{run.text}]"


def _link_units(runs: Sequence[Run]) -> Iterator[Run | tuple[Run, ...]]:
    """Runs grouped so that each link is one unit; its marks are those all its runs share."""
    n = 0
    while n < len(runs):
        if not runs[n].href:
            yield runs[n]
            n += 1
            continue
        end = n
        while end < len(runs) and runs[end].href == runs[n].href:
            end += 1
        yield tuple(runs[n:end])
        n = end


def _unit_marks(unit: Run | tuple[Run, ...]) -> frozenset[str]:
    if isinstance(unit, Run):
        return unit.marks - ATOMIC
    return frozenset.intersection(*(run.marks - ATOMIC for run in unit))


def _encode(units: Sequence, open_marks: frozenset[str], style: _Style) -> str:
    out: list[str] = []
    n = 0
    while n < len(units):
        marks = _unit_marks(units[n])
        new = marks - open_marks
        if not new:
            unit = units[n]
            if isinstance(unit, Run) and unit.marks & ATOMIC:
                out.append(_atomic_markdown(unit))
            elif isinstance(unit, Run):
                out.append(_escape_text(unit.text))
            else:
                inner = _encode(unit, marks, style)
                out.append(f"[{inner}]({unit[0].href})")
            n += 1
            continue
        if style.strike_inner and new != {STRIKE}:
            new -= {STRIKE}
        extents = {}
        for mark in new:
            end = n
            while end < len(units) and mark in _unit_marks(units[end]):
                if (
                    mark == STRIKE
                    and style.strike_inner
                    and (_unit_marks(units[end]) - {STRIKE} != marks - {STRIKE})
                ):
                    break
                end += 1
            extents[mark] = end
        # The mark that lasts longest opens first, so that marks nest with the fewest splits.
        mark = max(new, key=lambda m: (extents[m], -_OPEN_ORDER.index(m)))
        inner = _encode(units[n : extents[mark]], open_marks | {mark}, style)
        opening, closing = style.delimiters(mark)
        out.append(opening + inner + closing)
        n = extents[mark]
    return "".join(out)


def _finish_inline(text: str) -> str:
    """Decide literal tildes, `<` and `![` now that every neighbour is known."""
    chars = list(text)
    for n, char in enumerate(chars):
        if char == _TILDE:
            neighbours = text[n - 1 : n] + text[n + 1 : n + 2]
            chars[n] = "&#126;" if ("~" in neighbours or _TILDE in neighbours) else "~"
    # Right to left, so that what follows each "<" is already final.
    for n in range(len(chars) - 1, -1, -1):
        if chars[n] == _LESS:
            chars[n] = "&lt;" if _AUTOLINK_AFTER.match("".join(chars[n + 1 :])) else "<"
    # Every "[" we write unescaped opens a link, so a literal "!" before one would make an image.
    text = "".join(chars).replace("![", "\\![")
    # Python-Markdown strips Unicode white space (a no-break space) at the ends of a block.
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return (
        "".join(f"&#{ord(c)};" for c in text[:start])
        + text[start:end]
        + "".join(f"&#{ord(c)};" for c in text[end:])
    )


def encode_inline(runs: Sequence[Run], style: _Style = _STYLES[0]) -> str:
    """Markdown for runs (already normalised), without regard to line starts."""
    return _finish_inline(_encode(list(_link_units(runs)), frozenset(), style))


def _line_start_safe(inline: str) -> str:
    """The text made safe from what a line start means: headings, lists, quotes, references."""
    reference = _REFERENCE_LIKE.match(inline)
    if reference:
        # A link whose text ends in "\]" followed by ":" reads as a reference definition
        # ("[x]: url"); the colon, which has no escape, becomes an entity.
        return inline[: reference.end() - 1] + "&#58;" + inline[reference.end() :]
    if inline.startswith("Table:"):
        return "Table&#58;" + inline[6:]  # after a table this line would be its caption
    if inline.startswith("="):
        return "&#61;" + inline[1:]  # "===" under a line makes it a heading
    match = _LINE_START.match(inline)
    if not match:
        return inline
    if match.group().endswith("."):
        return inline[: match.end() - 1] + "\\" + inline[match.end() - 1 :]
    return "\\" + inline


def _lines(inline: str) -> list[str]:
    """The lines of inline Markdown between its hard line breaks, each made safe at its start."""
    first, *rest = inline.split(_BREAK)
    return [first, *(_line_start_safe(line) for line in rest)]


def _block_content(block: Block, inline: str, continuation: str = "") -> str:
    if block.kind == HEADING:
        # Python-Markdown drops trailing hashes of a heading; escaped, every hash is text.
        return "#" * block.level + " " + inline.replace("#", "\\#")
    first, *rest = _lines(inline)
    return "\\\n".join([_line_start_safe(first), *(continuation + line for line in rest)])


def _inline_as_rendered(inline: str, in_cell: bool) -> tuple[Run, ...]:
    if in_cell:
        text = f"| x |\n| --- |\n| {inline.replace(_BREAK, '<br>')} |"
    else:
        text = _block_content(Block(), inline)
    # References need their notes to be references at all.
    labels = dict.fromkeys(_NOTE_REF_MARKDOWN.findall(text))
    if labels:
        text += "\n\n" + "\n".join(f"[^{label}]: x" for label in labels)
    blocks = [b for b in markdown_to_blocks(text, notes=True) if b.kind != SOURCE_NOTE]
    if len(blocks) != 1:
        return ()
    if in_cell:
        return blocks[0].rows[1][0] if blocks[0].kind == TABLE and len(blocks[0].rows) == 2 else ()
    return blocks[0].runs if blocks[0].kind == PARAGRAPH else ()


def _numbered_in_order(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """The runs with references renumbered 1, 2, ... as they come (rendering numbers them so)."""
    numbers: dict[str, str] = {}
    return tuple(
        replace(run, text=numbers.setdefault(run.text, str(len(numbers) + 1)))
        if NOTE_REF in run.marks
        else run
        for run in runs
    )


def _without_one_mark(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """The runs with the shortest stretch of one mark (or link) removed: a last-resort step.

    Never a note's mark: a private note must never become text.
    """
    best: tuple[int, int, int, str] | None = None
    for n, run in enumerate(runs):
        for mark in sorted(run.marks - ATOMIC) + (["href"] if run.href else []):
            if n and (mark in runs[n - 1].marks or (mark == "href" and runs[n - 1].href)):
                continue
            end = n
            while end < len(runs) and (
                mark in runs[end].marks if mark != "href" else runs[end].href == run.href
            ):
                end += 1
            length = sum(len(r.text) for r in runs[n:end])
            if best is None or length < best[0]:
                best = (length, n, end, mark)
    if best is None:
        return tuple(Run(run.text, run.marks & ATOMIC) for run in runs)
    _, start, end, mark = best
    changed = [
        replace(run, href="") if mark == "href" else replace(run, marks=run.marks - {mark})
        for run in runs[start:end]
    ]
    return normalize_runs([*runs[:start], *changed, *runs[end:]])


def _bare_spaces(runs: tuple[Run, ...], dropped: frozenset[str]) -> tuple[Run, ...]:
    """The runs with `dropped` marks ("href" for links) taken off white space.

    The formatting of a space is derived (module docstring of markdown_blocks), so this changes
    nothing the blocks say, but it frees delimiters that would otherwise have to touch a space.
    Notes and references stay whole.
    """
    pieces: list[Run] = []
    for run in runs:
        if run.marks & ATOMIC:
            pieces.append(run)
            continue
        for char in run.text:
            marks, href = run.marks, run.href
            if char.isspace():
                marks, href = marks - dropped, "" if "href" in dropped else href
            if (
                pieces
                and not pieces[-1].marks & ATOMIC
                and pieces[-1].marks == marks
                and pieces[-1].href == href
            ):
                pieces[-1] = Run(pieces[-1].text + char, marks, href)
            else:
                pieces.append(Run(char, marks, href))
    return tuple(pieces)


_SPACE_RELAXATIONS: tuple[frozenset[str], ...] = (
    frozenset(),
    frozenset({BOLD, ITALIC}),
    frozenset({BOLD, ITALIC, STRIKE, SUB, SUP, "href"}),
)


@functools.lru_cache(maxsize=4096)
def _verified_inline(runs: tuple[Run, ...], drop_bold: bool, in_cell: bool = False) -> str:
    """Inline Markdown that renders exactly to `runs`, or to as much of them as possible.

    Hard line breaks are left as _BREAK for the caller, who knows what the next line needs.
    Cached: saving a long section renders only the paragraphs that changed since the last save.
    """
    expected = _numbered_in_order(runs)
    while True:
        for dropped in _SPACE_RELAXATIONS:
            candidate = _bare_spaces(runs, dropped)
            for style in _STYLES:
                inline = encode_inline(candidate, style)
                rendered = normalize_runs(_inline_as_rendered(inline, in_cell), drop_bold=drop_bold)
                if _numbered_in_order(rendered) == expected:
                    return inline
        if all(not run.marks - ATOMIC and not run.href for run in runs):
            return inline  # plain text: nothing left to simplify
        runs = _without_one_mark(runs)
        expected = _numbered_in_order(runs)


def _cell(runs: tuple[Run, ...]) -> str:
    return _verified_inline(runs, False, True).replace(_BREAK, "<br>")


def _table_lines(block: Block, prefix: str) -> list[str]:
    rows = [f"| {' | '.join(_cell(cell) for cell in row)} |" for row in block.rows]
    rule = {"": "---", "left": ":---", "center": ":---:", "right": "---:"}
    rows.insert(1, f"| {' | '.join(rule[a] for a in block.align)} |")
    lines = [(prefix + row).rstrip() for row in rows]
    if block.caption:
        caption = _verified_inline(block.caption, False).replace(_BREAK, " ")
        lines += [prefix.rstrip(), prefix + "Table: " + caption]
    return lines


def _code_lines(block: Block, prefix: str) -> list[str]:
    indent = "    " * (block.depth + 1)
    return [
        (prefix + indent + line).rstrip() if line.strip() else prefix.rstrip()
        for line in block.code.split("\n")
    ]


def _source_note_lines(block: Block, inline: str, first: bool) -> list[str]:
    content = _block_content(block, inline, "    ")
    if first:
        return [f"[^{block.label}]: {content}"]
    return ["", "    " + content]


def _separator(previous: Block, block: Block) -> str:
    """The line between two blocks that are not items of one list."""
    level = min(previous.quote, block.quote)
    if block.quote_break:
        level = min(level, block.quote_break - 1)
    return ("> " * level).rstrip()


def _assemble(blocks: Sequence[Block], inlines: Sequence[str]) -> str:
    lines: list[str] = []
    previous: Block | None = None
    list_kinds: dict[int, bool] = {}  # depth -> numbered, for the list run being written
    chunk_depth = 1  # depth of the item after the last blank line inside the list run
    for block, inline in zip(blocks, inlines, strict=True):
        prefix = "> " * block.quote
        if block.kind == SOURCE_NOTE:
            first = (
                previous is None or previous.kind != SOURCE_NOTE or previous.label != block.label
            )
            if previous is not None and first:
                lines.append("")
            lines += _source_note_lines(block, inline, first)
            previous = block
            continue
        if (
            previous is not None
            and previous.kind == block.kind == ITEM
            and (previous.quote == block.quote)
            and not block.quote_break
        ):
            for depth in [d for d in list_kinds if d > block.depth]:
                del list_kinds[depth]
            # A different kind of list at the same depth is a new list, which Python-Markdown
            # sees only after a blank line. The lines after a blank line form one block for it,
            # so an item less indented than that block's first needs a blank line of its own.
            if list_kinds.get(block.depth, block.numbered) != block.numbered or (
                block.depth < chunk_depth
            ):
                lines.append(prefix.rstrip())
                chunk_depth = block.depth
        else:
            if previous is not None:
                lines.append(_separator(previous, block))
            if not (previous and previous.kind == CODE and block.kind == ITEM):
                list_kinds = {}
            chunk_depth = block.depth if block.kind == ITEM else 1
        continuation = prefix + "    " * block.depth
        if block.kind == IMAGE:
            lines.append(f"![](image:{block.image_id})")
        elif block.kind == ITEM:
            list_kinds[block.depth] = block.numbered
            marker = "    " * (block.depth - 1) + ("1. " if block.numbered else "- ")
            lines.append(prefix + marker + _block_content(block, inline, continuation))
        elif block.kind == CODE:
            lines += _code_lines(block, prefix)
        elif block.kind == TABLE:
            lines += _table_lines(block, prefix)
        else:
            lines.append(prefix + _block_content(block, inline, continuation))
        previous = block
    return "\n".join(lines) + ("\n" if lines else "")


def blocks_to_markdown(blocks: Iterable[Block], *, normalized: bool = False) -> str:
    """Canonical Markdown of the dialect that the export renders back to the same blocks.

    Pass `normalized=True` for blocks that came from normalize_blocks (or document_blocks).
    """
    # A list either way: the blocks are read twice (inline texts, then assembly).
    blocks = normalize_blocks(blocks) if not normalized else list(blocks)
    inlines = [
        ""
        if block.kind in (IMAGE, CODE, TABLE)
        else _verified_inline(block.runs, block.kind == HEADING)
        for block in blocks
    ]
    return _assemble(blocks, inlines)
