"""The editor's text as a list of blocks of formatted runs, and how to read them from our Markdown.

This is the Qt-free core of the editor's Markdown bridge (markdown_bridge.py is the Qt side,
markdown_writer.py writes blocks back to Markdown). A
section body is a sequence of `Block`s — paragraph, subheading (level 3 or 4), list item (bullet or
numbered, nested by `depth`) or inline image reference — each inside `quote` levels of block quote,
and each holding `Run`s of text with marks (bold, italic, strikethrough) and an optional link.

Reading Markdown goes through the export renderer (markdown_render.render_markdown) and reads the
HTML it produces, so the blocks are by construction what the export shows.

Things our dialect cannot say, and how the blocks settle them (`normalize_blocks`):
- runs of white space are one space and blocks are trimmed, as in the rendered page;
- a space between two differently formatted words carries only the marks both sides share
  (Markdown delimiters cannot sit next to a space on their inner side);
- empty blocks (or only white space) disappear; images stand alone outside quotes and lists;
- adjacent lists of the same kind at the same depth are one list, and an item is nested at most
  one level deeper than the item before it;
- subheadings are bold anyway, so bold inside a subheading is dropped;
- only http, https and mailto links are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import quote

from newsdesk.formats.markdown_render import URL_SCHEMES, render_markdown

BOLD, ITALIC, STRIKE = "strong", "em", "del"
MARKS = frozenset({BOLD, ITALIC, STRIKE})
PARAGRAPH, HEADING, ITEM, IMAGE = "paragraph", "heading", "item", "image"

IMAGE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_LINK_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# Collapsible white space as a browser sees it, plus Qt's line and paragraph separators.
_COLLAPSIBLE = frozenset(" \t\n\r\f\v\u2028\u2029")
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
    depth: int = 0  # ITEM: 1 for a top-level item
    numbered: bool = False  # ITEM: numbered (1.) rather than bullet (-)
    image_id: str = ""  # IMAGE

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def allowed_href(href: str) -> bool:
    match = _LINK_SCHEME.match(href)
    return bool(match) and match.group(1).lower() in URL_SCHEMES


def clean_href(href: str) -> str:
    """The link target as the Markdown writes it: characters that end or confuse `(...)` encoded."""
    href = re.sub(r"[\s()<>\\`\"\[\]]", lambda m: quote(m.group(), safe=""), href.strip())
    return re.sub(r"&(?=#?[A-Za-z0-9]+;)", "%26", href)


# -- normalising -----------------------------------------------------------------------------------


def normalize_runs(runs: Iterable[Run], *, drop_bold: bool = False) -> tuple[Run, ...]:
    """Runs as the rendered page has them (see the module docstring)."""
    pieces: list[tuple[str, frozenset[str], str]] = []
    at_space = True  # at the start of the block or after a space: a space here collapses
    for run in runs:
        text = _SPACE_RUNS.sub(" ", run.text.translate(_CLEANUP))
        if at_space:
            text = text.removeprefix(" ")
        if not text:
            continue
        at_space = text.endswith(" ")
        marks = run.marks & MARKS
        if drop_bold:
            marks -= {BOLD}
        href = clean_href(run.href) if run.href and allowed_href(run.href.strip()) else ""
        pieces.append((text, marks, href))
    while pieces and pieces[-1][0].endswith(" "):
        text, marks, href = pieces.pop()
        if text := text[:-1]:
            pieces.append((text, marks, href))
    # Split off white space at the ends of runs: it carries what its nearest non-space
    # neighbours share. White space inside a run lies between characters of that run.
    segments: list[tuple[str, frozenset[str], str, bool]] = []  # (text, marks, href, is space)
    for text, marks, href in pieces:
        core = text.strip()
        if not core:
            segments.append((text, marks, href, True))
            continue
        start = text.index(core)
        if start:
            segments.append((text[:start], marks, href, True))
        segments.append((core, marks, href, False))
        if start + len(core) < len(text):
            segments.append((text[start + len(core) :], marks, href, True))
    if all(is_space for *_, is_space in segments):
        return ()  # also a paragraph of no-break spaces: an empty line of a word processor
    solid_before: list[tuple[frozenset[str], str] | None] = []
    nearest = None
    for _, marks, href, is_space in segments:
        solid_before.append(nearest)
        if not is_space:
            nearest = (marks, href)
    nearest = None
    for position in range(len(segments) - 1, -1, -1):
        text, marks, href, is_space = segments[position]
        if not is_space:
            nearest = (marks, href)
            continue
        before = solid_before[position]
        if before is None or nearest is None:
            segments[position] = (text, frozenset(), "", True)
        else:
            shared_href = before[1] if before[1] == nearest[1] else ""
            segments[position] = (text, before[0] & nearest[0], shared_href, True)
    merged: list[list] = []
    for text, marks, href, _ in segments:
        if merged and merged[-1][1] == marks and merged[-1][2] == href:
            merged[-1][0] += text
        else:
            merged.append([text, marks, href])
    return tuple(Run(text, marks, href) for text, marks, href in merged)


def normalize_blocks(blocks: Iterable[Block]) -> list[Block]:
    """Blocks reduced to what the dialect can say, in one canonical form."""
    result: list[Block] = []
    for block in blocks:
        if block.kind == IMAGE:
            if IMAGE_ID.fullmatch(block.image_id):
                result.append(Block(IMAGE, image_id=block.image_id))
            continue
        runs = normalize_runs(block.runs, drop_bold=block.kind == HEADING)
        if not runs:
            continue
        quote_level = max(0, block.quote)
        if block.kind == HEADING:
            level = 3 if block.level <= 3 else 4
            result.append(Block(HEADING, runs, quote_level, level=level))
        elif block.kind == ITEM:
            previous = result[-1] if result else None
            continues = previous and previous.kind == ITEM and previous.quote == quote_level
            depth = min(max(1, block.depth), previous.depth + 1 if continues else 1)
            result.append(Block(ITEM, runs, quote_level, depth=depth, numbered=block.numbered))
        else:
            result.append(Block(PARAGRAPH, runs, quote_level))
    return result


# -- reading ---------------------------------------------------------------------------------------


def _image_marker(image_id: str) -> str:
    return f'<figure data-newsdesk-image="{image_id}"></figure>'


def markdown_to_blocks(markdown: str) -> list[Block]:
    """The blocks the export renders from this Markdown."""
    return normalize_blocks(html_to_blocks(render_markdown(markdown, image_figure=_image_marker)))


def html_to_blocks(html: str) -> list[Block]:
    """Blocks of rendered dialect HTML (not normalised). Unknown tags count for their text only."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return list(_read_blocks(builder.root, 0))


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str | None]
    children: list[_Element | str]


_VOID_TAGS = frozenset({"br", "hr", "img", "wbr", "input", "meta", "link", "col", "source"})
_INLINE_MARKS = {"strong": BOLD, "b": BOLD, "em": ITALIC, "i": ITALIC}
_INLINE_MARKS.update({"del": STRIKE, "s": STRIKE, "strike": STRIKE})
_HEADINGS = {"h1": 3, "h2": 3, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
_BLOCK_TAGS = frozenset(
    {"p", "div", "blockquote", "ul", "ol", "li", "pre", "hr", "figure", "table", *_HEADINGS}
)


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


def _is_block(node: _Element | str) -> bool:
    return isinstance(node, _Element) and node.tag in _BLOCK_TAGS


def _runs(nodes: Iterable[_Element | str], marks=frozenset(), href: str = "") -> Iterator[Run]:
    for node in nodes:
        if isinstance(node, str):
            yield Run(node, marks, href)
        elif node.tag == "br":
            yield Run(" ", marks, href)
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
            yield from _read_blocks(node, quote + 1)
        elif node.tag in ("ul", "ol", "li"):
            yield from _read_list(node, quote, 1)
        elif node.tag in _HEADINGS:
            yield Block(HEADING, tuple(_runs(node.children)), quote, level=_HEADINGS[node.tag])
        elif node.tag == "pre":
            for line in "".join(run.text for run in _runs(node.children)).splitlines():
                yield Block(PARAGRAPH, (Run(line),), quote)
        elif node.tag == "figure" and node.attrs.get("data-newsdesk-image"):
            yield Block(IMAGE, image_id=node.attrs["data-newsdesk-image"] or "")
        elif node.tag != "hr":
            yield from _read_blocks(node, quote)  # p, div, table, a figure of the web


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
            else:
                for block in _read_blocks(_Element("div", {}, [child]), quote):
                    if block.kind != IMAGE:
                        yield item(block.runs)
