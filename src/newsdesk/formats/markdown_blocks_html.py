"""Reading the rendered HTML of our dialect into blocks (markdown_blocks), element by element.

The HTML comes from markdown_render (sanitised, well formed); unknown tags count for their text.
What each construct of the page becomes:
- `<p>`, `<h3>`..., lists, quotes, figures of inline images: as markdown_blocks describes;
- `<br>`: a LINE_BREAK in the text; `<sub>`, `<sup>`: marks;
- `<pre>`: a CODE block (inside a list item at that item's depth);
- `<div class="table-scroll">`: a TABLE block (caption, header row, body rows, alignment);
- `<span class="newsdesk-note">`: a NOTE run holding the private note's text;
- `<a class="footnote-ref">`: a NOTE_REF run holding the note's number; the notes section at the
  end: SOURCE_NOTE blocks, one per paragraph of each note, labelled with the note's number;
- the first block of each `<blockquote>` carries `quote_break`, so that two quotes in a row stay
  two (normalize_blocks keeps it only where it separates something).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from newsdesk.formats.markdown_blocks import (
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
)

if TYPE_CHECKING:
    from typing_extensions import TypeIs  # typing.TypeIs from Python 3.13


def html_to_blocks(html: str) -> list[Block]:
    """Blocks of rendered dialect HTML (not normalised). Unknown tags count for their text only."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return list(_read_blocks(builder.root, 0))


@dataclass
class _Element:
    """An element of the parsed HTML: its tag, attributes and children."""

    tag: str
    attrs: dict[str, str | None]
    children: list[_Element | str]

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


_VOID_TAGS = frozenset({"br", "hr", "img", "wbr", "input", "meta", "link", "col", "source"})
_INLINE_MARKS = {"strong": BOLD, "b": BOLD, "em": ITALIC, "i": ITALIC, "sub": SUB, "sup": SUP}
_INLINE_MARKS.update({"del": STRIKE, "s": STRIKE, "strike": STRIKE})
_HEADINGS = {"h1": 3, "h2": 3, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
_BLOCK_TAGS = frozenset(
    {"p", "div", "blockquote", "ul", "ol", "li", "pre", "hr", "figure", "table", "section"}
    | set(_HEADINGS)
)
_NOTE_NUMBER = re.compile(r"note-(\d+)$")


class _TreeBuilder(HTMLParser):
    """A minimal element tree of well-formed HTML (the sanitiser's output is)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("root", {}, [])
        self._open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = _Element(tag, dict(attrs), [])
        self._open[-1].children.append(element)
        if tag not in _VOID_TAGS:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open[-1].children.append(_Element(tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._open[-1].children.append(data)


def _is_block(node: _Element | str) -> TypeIs[_Element]:
    return isinstance(node, _Element) and node.tag in _BLOCK_TAGS


def _text(nodes: Iterable[_Element | str]) -> str:
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        elif node.tag == "br":
            parts.append("\n")
        else:
            parts.append(_text(node.children))
    return "".join(parts)


def _runs(nodes: Iterable[_Element | str], marks=frozenset(), href: str = "") -> Iterator[Run]:
    for node in nodes:
        if isinstance(node, str):
            yield Run(node, marks, href)
        elif node.tag == "br":
            yield Run(LINE_BREAK, marks, href)
        elif node.tag == "span" and "newsdesk-note" in node.classes:
            yield Run(_text(node.children).replace("\n", LINE_BREAK), marks | {NOTE})
        elif node.tag == "a" and "footnote-ref" in node.classes:
            yield Run(_text(node.children).strip(), marks | {NOTE_REF})
        elif node.tag == "a" and "footnote-back" in node.classes:
            continue
        elif node.tag in _INLINE_MARKS:
            yield from _runs(node.children, marks | {_INLINE_MARKS[node.tag]}, href)
        elif node.tag == "a":
            yield from _runs(node.children, marks, node.attrs.get("href") or "")
        else:
            yield from _runs(node.children, marks, href)


def _read_blocks(container: _Element, quote: int) -> Iterator[Block]:
    inline: list[_Element | str] = []
    for node in [*container.children, None]:
        if node is not None and not _is_block(node):
            inline.append(node)
            continue
        if inline:
            yield Block(PARAGRAPH, tuple(_runs(inline)), quote)
            inline = []
        if node is None:
            break
        if node.tag == "blockquote":
            # White space between the quote's elements reads as empty paragraphs: not a start.
            inner = [b for b in _read_blocks(node, quote + 1) if b.kind != PARAGRAPH or _shown(b)]
            if inner:
                inner[0] = replace(inner[0], quote_break=quote + 1)
            yield from inner
        elif node.tag in ("ul", "ol", "li"):
            yield from _read_list(node, quote, 1)
        elif node.tag in _HEADINGS:
            yield Block(HEADING, tuple(_runs(node.children)), quote, level=_HEADINGS[node.tag])
        elif node.tag == "pre":
            yield Block(CODE, quote=quote, code=_text(node.children).rstrip("\n"))
        elif node.tag == "figure" and node.attrs.get("data-newsdesk-image"):
            yield Block(IMAGE, image_id=node.attrs["data-newsdesk-image"] or "")
        elif node.tag in ("div", "section") and "source-notes" in node.classes:
            yield from _read_source_notes(node, quote)
        elif node.tag == "div" and "table-scroll" in node.classes:
            yield from _read_table(node, quote)
        elif node.tag != "hr":
            yield from _read_blocks(node, quote)  # p, div, table, a figure of the web


def _shown(block: Block) -> bool:
    return any(run.text.strip() or run.marks & {NOTE, NOTE_REF} for run in block.runs)


def _elements(node: _Element, tag: str) -> Iterator[_Element]:
    """Descendants with this tag, in document order (not inside a found one)."""
    for child in node.children:
        if isinstance(child, _Element):
            if child.tag == tag:
                yield child
            else:
                yield from _elements(child, tag)


def _read_table(frame: _Element, quote: int) -> Iterator[Block]:
    table = next(_elements(frame, "table"), None)
    if table is None:
        return
    caption = next(_elements(table, "caption"), None)
    rows: list[tuple[tuple[Run, ...], ...]] = []
    align: list[str] = []
    for row in _elements(table, "tr"):
        cells = [c for c in row.children if isinstance(c, _Element) and c.tag in ("th", "td")]
        if not rows:
            align = [_alignment(cell) for cell in cells]
        rows.append(tuple(tuple(_runs(cell.children)) for cell in cells))
    yield Block(
        TABLE,
        quote=quote,
        rows=tuple(rows),
        align=tuple(align),
        caption=tuple(_runs(caption.children)) if caption is not None else (),
    )


def _alignment(cell: _Element) -> str:
    for name in cell.classes:
        if name in ("align-left", "align-center", "align-right"):
            return name.removeprefix("align-")
    return ""


def _read_source_notes(section: _Element, quote: int) -> Iterator[Block]:
    for item in _elements(section, "li"):
        match = _NOTE_NUMBER.search(item.attrs.get("id") or "")
        label = match.group(1) if match else ""
        for block in _read_blocks(item, quote):
            if block.kind == PARAGRAPH:
                yield Block(SOURCE_NOTE, block.runs, label=label)


def _read_list(node: _Element, quote: int, depth: int) -> Iterator[Block]:
    """Items of a list. What an item holds besides text and lists becomes further items."""
    if node.tag == "li":
        numbered, items = False, [node]
    else:
        numbered = node.tag == "ol"
        items = [n for n in node.children if isinstance(n, _Element)]

    def item(runs: Iterable[Run]) -> Block:
        return Block(ITEM, tuple(runs), quote, depth=depth, numbered=numbered)

    for element in items:
        if element.tag in ("ul", "ol"):
            yield from _read_list(element, quote, depth + 1)
            continue
        inline: list[_Element | str] = []
        for child in [*element.children, None]:
            if child is not None and not _is_block(child):
                inline.append(child)
                continue
            if inline:
                yield item(_runs(inline))
                inline = []
            if child is None:
                break
            if child.tag in ("ul", "ol"):
                yield from _read_list(child, quote, depth + 1)
            elif child.tag == "pre":
                code = _text(child.children).rstrip("\n")
                yield Block(CODE, quote=quote, depth=depth, numbered=numbered, code=code)
            else:
                for block in _read_blocks(_Element("div", {}, [child]), quote):
                    if block.kind not in (IMAGE, CODE, TABLE, SOURCE_NOTE):
                        yield item(block.runs)
