"""The editor's text as a list of blocks of formatted runs, and how to read them from our Markdown.

This is the Qt-free core of the editor's Markdown bridge (markdown_bridge.py is the Qt side,
markdown_writer.py writes blocks back to Markdown). A
section body is a sequence of `Block`s — paragraph, subheading (level 3 or 4), list item (bullet or
numbered, nested by `depth`), inline image reference, code block, table or source note — each
inside `quote` levels of block quote, and each holding `Run`s of text with marks (bold, italic,
strikethrough, subscript, superscript) and an optional link. A LINE_BREAK character in a run is a
hard line break. Two runs are atomic: a NOTE run holds a private editor's note (never published),
a NOTE_REF run the number of the source note it refers to. `quote_break` on a block in a quote
says that a new quote starts there at that level (two quotes in a row stay two).

Reading Markdown goes through the export renderer (markdown_render.render_markdown) and reads the
HTML it produces (markdown_blocks_html), so the blocks are by construction what the export shows.
New kinds carry their plain text in `runs` too, so a reader that knows only paragraphs keeps the
words.

Things our dialect cannot say, and how the blocks settle them (`normalize_blocks`):
- runs of white space are one space and blocks are trimmed, as in the rendered page;
- a space between two differently formatted words carries only the marks both sides share
  (Markdown delimiters cannot sit next to a space on their inner side);
- empty blocks (or only white space) disappear; images stand alone outside quotes and lists;
- adjacent lists of the same kind at the same depth are one list, and an item is nested at most
  one level deeper than the item before it;
- subheadings are bold anyway, so bold inside a subheading is dropped;
- only http, https and mailto links are kept;
- hard line breaks only between text: not at either end of a block, not in headings, captions or
  cells of a header row, and white space beside them goes;
- source notes are numbered 1, 2, ... in the order of their first reference and stand at the
  end; a reference to a note that is not there is dropped;
- tables have one header row and every row as many cells as the header.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import quote

from newsdesk.formats.link_rules import URL_SCHEMES
from newsdesk.formats.plain_prose import Inline, ProseBlock, prose_blocks

if TYPE_CHECKING:
    from typing_extensions import TypeIs  # typing.TypeIs from Python 3.13

BOLD, ITALIC, STRIKE, SUB, SUP = "strong", "em", "del", "sub", "sup"
MARKS = frozenset({BOLD, ITALIC, STRIKE, SUB, SUP})
NOTE, NOTE_REF = "note", "note-ref"  # atomic runs: their text is not formatted text
ATOMIC = frozenset({NOTE, NOTE_REF})
PARAGRAPH, HEADING, ITEM, IMAGE = "paragraph", "heading", "item", "image"
CODE, TABLE, SOURCE_NOTE = "code", "table", "source-note"
LINE_BREAK = "\u2028"  # Qt's line separator, which Shift+Enter types

IMAGE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_LINK_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# Collapsible white space as a browser sees it, plus Qt's paragraph separator.
_COLLAPSIBLE = frozenset(" \t\n\r\f\v\u2029")
# Control characters (Python-Markdown uses \x02/\x03 itself) and Qt's object replacement character.
_DROPPED = frozenset([chr(c) for c in range(32) if chr(c) not in _COLLAPSIBLE] + ["\x7f", "\ufffc"])
_CLEANUP = str.maketrans({**dict.fromkeys(_COLLAPSIBLE, " "), **dict.fromkeys(_DROPPED)})
_SPACE_RUNS = re.compile(" {2,}")


@dataclass(frozen=True)
class Run:
    """Text with one set of inline marks and an optional link target."""

    text: str
    marks: frozenset[str] = frozenset()
    href: str = ""


@dataclass(frozen=True)
class Block:
    """One paragraph-like unit of a section body."""

    kind: str = PARAGRAPH
    runs: tuple[Run, ...] = ()
    quote: int = 0
    level: int = 0  # HEADING: 3 or 4
    depth: int = 0  # ITEM: 1 for a top-level item; CODE: the item it belongs to (0: none)
    numbered: bool = False  # ITEM: numbered (1.) rather than bullet (-)
    image_id: str = ""  # IMAGE
    code: str = ""  # CODE: the lines, as shown
    rows: tuple[tuple[tuple[Run, ...], ...], ...] = ()  # TABLE: header row first, then body rows
    align: tuple[str, ...] = ()  # TABLE: per column "", "left", "center" or "right"
    caption: tuple[Run, ...] = ()  # TABLE
    label: str = ""  # SOURCE_NOTE: the note's number
    quote_break: int = 0  # the outermost quote level that starts anew here (0: none)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def allowed_href(href: str) -> bool:
    match = _LINK_SCHEME.match(href)
    return match is not None and match.group(1).lower() in URL_SCHEMES


def clean_href(href: str) -> str:
    """The link target as the Markdown writes it: characters that end or confuse `(...)` encoded."""
    href = re.sub(r"[\s()<>\\`\"\[\]]", lambda m: quote(m.group(), safe=""), href.strip())
    return re.sub(r"&(?=#?[A-Za-z0-9]+;)", "%26", href)


# -- normalising -----------------------------------------------------------------------------------


_BREAK_SPACES = re.compile(f" ?{LINE_BREAK} ?")


def _note_text(text: str) -> str:
    """A private note's text as the dialect keeps it: line breaks kept, no comment end inside."""
    text = text.replace("\r\n", "\n").replace("\n", LINE_BREAK).replace("\x00", "")
    return text.replace("-->", "-- >").strip()


def normalize_runs(runs: Iterable[Run], *, drop_bold: bool = False) -> tuple[Run, ...]:
    """Runs as the rendered page has them (see the module docstring)."""
    pieces: list[tuple[str, frozenset[str], str, str]] = []  # (text, marks, href, atomic kind)
    at_space = True  # at the start of the block or after a space: a space here collapses
    at_start = True  # nothing but notes yet: a line break here means nothing
    for run in runs:
        marks = run.marks & MARKS
        if drop_bold:
            marks -= {BOLD}
        atomic = NOTE if NOTE in run.marks else NOTE_REF if NOTE_REF in run.marks else ""
        if atomic:
            # A space on either side of a note stays (the page collapses the two into one).
            text = _note_text(run.text) if atomic == NOTE else run.text.strip()
            if text:
                pieces.append((text, marks, "", atomic))
                at_space = False
            continue
        text = _SPACE_RUNS.sub(" ", run.text.translate(_CLEANUP))
        text = _BREAK_SPACES.sub(LINE_BREAK, text)
        if at_space:
            text = text.removeprefix(" ")
        if at_start:
            text = text.lstrip(" " + LINE_BREAK)
        if text.startswith(LINE_BREAK):
            for index in range(len(pieces) - 1, -1, -1):  # no space before a line break
                if not pieces[index][3]:
                    if pieces[index][0].endswith(" "):
                        piece = pieces[index]
                        pieces[index] = (piece[0][:-1], *piece[1:])
                    break
        if not text:
            continue
        at_space = text.endswith((" ", LINE_BREAK))
        at_start = False
        href = clean_href(run.href) if run.href and allowed_href(run.href.strip()) else ""
        pieces.append((text, marks, href, ""))
    pieces = [piece for piece in pieces if piece[0]]
    while pieces:
        last = len(pieces) - 1
        if pieces[last][3] or not pieces[last][0].endswith((" ", LINE_BREAK)):
            break
        text, marks, href, atomic = pieces[last]
        if text := text.rstrip(" " + LINE_BREAK):
            pieces[last] = (text, marks, href, atomic)
        else:
            del pieces[last]
    # Split off white space at the ends of runs: it carries what its nearest non-space
    # neighbours share. White space inside a run lies between characters of that run.
    segments: list[tuple[str, frozenset[str], str, bool, str]] = []  # ..., is space, atomic
    for text, marks, href, atomic in pieces:
        core = text if atomic else text.strip()
        if not core:
            segments.append((text, marks, href, True, ""))
            continue
        start = text.index(core)
        if start:
            segments.append((text[:start], marks, href, True, ""))
        segments.append((core, marks, href, False, atomic))
        if start + len(core) < len(text):
            segments.append((text[start + len(core) :], marks, href, True, ""))
    if all(is_space for *_, is_space, _ in segments):
        return ()  # also a paragraph of no-break spaces: an empty line of a word processor
    solid_before: list[tuple[frozenset[str], str] | None] = []
    nearest = None
    for _, marks, href, is_space, _ in segments:
        solid_before.append(nearest)
        if not is_space:
            nearest = (marks, href)
    nearest = None
    for position in range(len(segments) - 1, -1, -1):
        text, marks, href, is_space, atomic = segments[position]
        if not is_space:
            nearest = (marks, href)
            continue
        before = solid_before[position]
        if before is None or nearest is None:
            segments[position] = (text, frozenset(), "", True, "")
        else:
            shared_href = before[1] if before[1] == nearest[1] else ""
            segments[position] = (text, before[0] & nearest[0], shared_href, True, "")
    merged: list[list] = []
    for text, marks, href, _, atomic in segments:
        if merged and not atomic and not merged[-1][3] and merged[-1][1:3] == [marks, href]:
            merged[-1][0] += text
        else:
            merged.append([text, marks, href, atomic])
    return tuple(
        Run(text, marks | {atomic} if atomic else marks, href)
        for text, marks, href, atomic in merged
    )


def _without_breaks(runs: Iterable[Run]) -> list[Run]:
    return [
        run if NOTE in run.marks else replace(run, text=run.text.replace(LINE_BREAK, " "))
        for run in runs
    ]


def _plain(runs: Iterable[Run]) -> str:
    return "".join(run.text for run in runs if not run.marks & ATOMIC)


def _normalize_table(block: Block, quote_level: int) -> Block | None:
    if not block.rows:
        return None
    columns = len(block.rows[0])
    if not columns:
        return None
    rows = tuple(
        tuple(normalize_runs(row[n]) if n < len(row) else () for n in range(columns))
        for row in block.rows
    )
    if len(rows) == 1:
        rows += (((),) * columns,)  # Python-Markdown gives a table without body an empty row
    align = tuple(
        block.align[n] if n < len(block.align) and block.align[n] in _ALIGNMENTS else ""
        for n in range(columns)
    )
    caption = normalize_runs(_without_breaks(block.caption))
    if not caption and not any(cell for row in rows for cell in row):
        return None
    # What a reader that knows only paragraphs keeps: the cells' words, row by row.
    shown: list[Run] = list(caption) + ([Run(LINE_BREAK)] if caption else [])
    for number, row in enumerate(rows):
        if number:
            shown.append(Run(LINE_BREAK))
        for index, cell in enumerate(row):
            shown += [Run(" | ")] if index else []
            shown += [run for run in cell if NOTE not in run.marks]
    return Block(
        TABLE,
        normalize_runs(shown),
        quote_level,
        rows=rows,
        align=align,
        caption=caption,
    )


_ALIGNMENTS = frozenset({"", "left", "center", "right"})


def _number_source_notes(blocks: list[Block]) -> list[Block]:
    """Source notes numbered by first reference and placed at the end; dangling references go."""
    notes: dict[str, list[Block]] = {}
    for block in blocks:
        if block.kind == SOURCE_NOTE:
            notes.setdefault(block.label, []).append(block)
    numbers: dict[str, str] = {}

    def renumber(runs: tuple[Run, ...]) -> tuple[Run, ...]:
        kept = []
        for run in runs:
            if NOTE_REF in run.marks:
                if run.text not in notes:
                    continue
                numbers.setdefault(run.text, str(len(numbers) + 1))
                run = replace(run, text=numbers[run.text])
            kept.append(run)
        return normalize_runs(kept) if len(kept) != len(runs) else tuple(kept)

    result = []
    for block in blocks:
        if block.kind == SOURCE_NOTE:
            continue
        if block.kind == TABLE:
            rows = tuple(tuple(renumber(cell) for cell in row) for row in block.rows)
            table = replace(block, rows=rows, caption=renumber(block.caption))
            block = _normalize_table(table, block.quote)  # type: ignore[assignment]
            if block is None:
                continue
            block = replace(block, quote_break=table.quote_break)
        elif block.runs:
            runs = renumber(block.runs)
            if not runs and block.kind != CODE:
                continue
            block = replace(block, runs=runs)
        result.append(block)
    for label in notes:
        numbers.setdefault(label, str(len(numbers) + 1))
    for label, number in sorted(numbers.items(), key=lambda item: int(item[1])):
        result += [replace(note, label=number) for note in notes[label]]
    return result


_CLOSED_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _code_without_notes(code: str) -> str:
    """Code as the page shows it: a comment in it is a private note like anywhere else, and an
    opener without its end (which would hide the rest of the section) is broken up."""
    return _CLOSED_COMMENT.sub("", code).replace("<!--", "<!- -")


def _known_references(block: Block, labels: set[str]) -> Block:
    def known(runs: tuple[Run, ...]) -> tuple[Run, ...]:
        return tuple(r for r in runs if NOTE_REF not in r.marks or r.text.strip() in labels)

    if block.kind == TABLE:
        rows = tuple(tuple(known(cell) for cell in row) for row in block.rows)
        return replace(block, rows=rows, caption=known(block.caption))
    return replace(block, runs=known(block.runs))


def _in_list(previous: Block | None, quote_level: int) -> TypeIs[Block]:
    """Whether a block after `previous` can still belong to its list."""
    return (
        previous is not None
        and previous.quote == quote_level
        and (previous.kind == ITEM or (previous.kind == CODE and previous.depth > 0))
    )


def normalize_blocks(blocks: Iterable[Block]) -> list[Block]:
    """Blocks reduced to what the dialect can say, in one canonical form."""
    blocks = list(blocks)
    # References to notes that are not there go first, so that what is left empty goes too.
    labels = {
        b.label.strip()
        for b in blocks
        if b.kind == SOURCE_NOTE and normalize_runs(r for r in b.runs if NOTE_REF not in r.marks)
    }
    # Source notes stand at the end whatever came with them (and what stood around one joins).
    blocks = [_known_references(b, labels) for b in blocks if b.kind != SOURCE_NOTE] + [
        b for b in blocks if b.kind == SOURCE_NOTE
    ]
    result: list[Block] = []
    for block in blocks:
        quote_level = max(0, block.quote)
        previous = result[-1] if result else None
        quote_break = block.quote_break
        if not (0 < quote_break <= quote_level and previous and previous.quote >= quote_break):
            quote_break = 0
        if block.kind == IMAGE:
            if IMAGE_ID.fullmatch(block.image_id):
                result.append(Block(IMAGE, image_id=block.image_id))
            continue
        if block.kind == CODE:
            code = _code_without_notes(block.code.replace("\x00", "").expandtabs(4))
            code = "\n".join(line.rstrip() for line in code.split("\n")).strip("\n")
            if not code.strip():
                continue
            # Right after a list item, indented code can only belong to it: to that very item,
            # since Python-Markdown reads code meant for an outer item after a nested one as the
            # nested item's text (written "- 1 / - 1 / code", read back as a third item).
            depth = previous.depth if _in_list(previous, quote_level) else 0
            if (
                previous
                and previous.kind == CODE
                and (previous.quote, previous.depth)
                == (
                    quote_level,
                    depth,
                )
            ):
                code = previous.code + "\n\n" + code  # one code block, as Markdown reads it
                result.pop()
            runs = normalize_runs([Run(code.replace("\n", LINE_BREAK))])
            result.append(
                Block(CODE, runs, quote_level, depth=depth, code=code, quote_break=quote_break)
            )
            continue
        if block.kind == TABLE:
            table = _normalize_table(block, quote_level)
            if table is not None:
                result.append(replace(table, quote_break=quote_break))
            continue
        if block.kind == SOURCE_NOTE:
            runs = normalize_runs(r for r in block.runs if NOTE_REF not in r.marks)
            if runs and block.label.strip():
                result.append(Block(SOURCE_NOTE, runs, label=block.label.strip()))
            continue
        source = _without_breaks(block.runs) if block.kind == HEADING else block.runs
        runs = normalize_runs(source, drop_bold=block.kind == HEADING)
        if not runs:
            continue
        if block.kind == HEADING:
            level = 3 if block.level <= 3 else 4
            result.append(Block(HEADING, runs, quote_level, level=level, quote_break=quote_break))
        elif block.kind == ITEM:
            limit = previous.depth + 1 if _in_list(previous, quote_level) else 1
            depth = min(max(1, block.depth), limit)
            result.append(
                Block(
                    ITEM,
                    runs,
                    quote_level,
                    depth=depth,
                    numbered=block.numbered,
                    quote_break=quote_break,
                )
            )
        else:
            result.append(Block(PARAGRAPH, runs, quote_level, quote_break=quote_break))
    return _number_source_notes(result)


# -- reading ---------------------------------------------------------------------------------------


def markdown_to_blocks(markdown: str, *, notes: bool = False) -> list[Block]:
    """The blocks the export renders from this Markdown.

    With `notes` the private notes come along as NOTE runs (an editor that can show and keep them
    asks for them); without, they are left out, so that a reader that cannot tell them from text
    can never publish one by saving it back.
    """
    prose = prose_blocks(markdown)
    if prose is not None:
        # Plain prose (the usual section): read directly, the same blocks as through the page's
        # HTML (tests/formats/test_prose_blocks.py). The HTML reader and its parser
        # are imported at the first section that needs them, not for the start's first one.
        return normalize_blocks(_blocks_of_prose(prose))
    return blocks_of_page_html(markdown, notes=notes)


def blocks_of_page_html(markdown: str, *, notes: bool = False) -> list[Block]:
    """markdown_to_blocks the general way: the blocks read from the page's HTML of `markdown`."""
    from newsdesk.formats.markdown_blocks_html import html_to_blocks
    from newsdesk.formats.markdown_render import render_markdown

    html = render_markdown(markdown, image_figure=_image_marker, show_notes=notes)
    return normalize_blocks(html_to_blocks(html))


_PROSE_TOKEN = re.compile("(\x01\\w+\x02|\x03|\x05\\d+\x06)")


def _blocks_of_prose(prose: list[ProseBlock]) -> Iterator[Block]:
    for kind, number, inlines in prose:
        if kind == "h":
            yield Block(HEADING, _prose_runs(inlines[0]), level=number)
        elif kind == "quote":
            yield Block(PARAGRAPH, _prose_runs(inlines[0]), 1, quote_break=1)
        elif kind in ("ul", "ol"):
            for inline in inlines:
                yield Block(ITEM, _prose_runs(inline), depth=1, numbered=kind == "ol")
        else:
            yield Block(PARAGRAPH, _prose_runs(inlines[0]))


def _prose_runs(inline: Inline) -> tuple[Run, ...]:
    """Runs of plain prose's marked text (formats/plain_prose.py: emphasis does not nest, a link
    sits inside emphasis or outside, its text unformatted)."""
    marked, links = inline
    runs = []
    marks: frozenset[str] = frozenset()
    for piece in _PROSE_TOKEN.split(marked):
        if piece.startswith("\x01"):
            marks = frozenset({piece[1:-1]})  # "em" or "strong": ITALIC or BOLD
        elif piece == "\x03":
            marks = frozenset()
        elif piece.startswith("\x05"):
            text, href = links[int(piece[1:-1])]
            runs.append(Run(text, marks, href))
        elif piece:
            runs.append(Run(piece, marks))
    return tuple(runs)


def _image_marker(image_id: str) -> str:
    return f'<figure data-newsdesk-image="{image_id}"></figure>'
