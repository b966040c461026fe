"""The constructs our dialect adds to Python-Markdown, so that each keeps its meaning on the page.

- Inline HTML: `<sub>`, `<sup>` (CO<sub>2</sub>, m<sup>2</sup>) and `<br>` are real; every other
  tag is dropped (its text stays, script and style lose their content too), never shown as text.
- Hard line breaks: a backslash at the end of a line (and two trailing spaces, Python-Markdown's).
- Separate quotes stay separate: `> A` blank line `> B` is two quotes, as in CommonMark (a quote
  of several paragraphs has `>` on its blank lines).
- GFM pipe tables with an optional `Table: caption` line right after them (pandoc's convention):
  `<table>` with `<caption>`, `<th scope="col">`, alignment as a class, number columns marked
  right-aligned, inside `<div class="table-scroll">` so that a wide table scrolls on a phone.
- Task list items `- [ ] open` / `- [x] done` show ☐ / ☑ (the page runs no script, so no
  checkbox); an item written with ☐ or ☑ is the same.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import markdown
from markdown.blockprocessors import BlockQuoteProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from newsdesk.model.markdown_text import pipe_tables

# -- inline HTML ---------------------------------------------------------------------------------

_KEPT_TAG = r"(?i:<(su[bp])>)"
_BREAK_TAG = r"(?i:<br\s*/?>)"
_SCRIPT = r"(?i:<(script|style)\b[^>]*>)"
_ANY_TAG = r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"
# A backslash before the line end, unless it is itself escaped (an even run of backslashes).
_BACKSLASH_BREAK = r"(?<!\\)((?:\\\\)*)\\\n"


class _PairedTag(InlineProcessor):
    """`<sub>...</sub>` and `<sup>...</sup>` kept, `<script>...</script>` and `<style>...</style>`
    removed with their content; an opener without its closer is dropped alone.

    The pattern finds only the opener; the closer is looked for within PAIR_REACH characters, so
    that hostile text of many openers costs no more than Python-Markdown's own emphasis does (a
    regular expression from opener to closer would scan to the end once per opener).
    """

    def __init__(self, pattern: str, md: markdown.Markdown, *, keep: bool) -> None:
        super().__init__(pattern, md)
        self.keep = keep

    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's API)
        tag = m.group(1).lower()
        closer = _CLOSERS[tag].search(data, m.end(0), m.end(0) + PAIR_REACH)
        if closer is None:
            return "", m.start(0), m.end(0)  # an opener alone is dropped like any other tag
        if not self.keep:
            return "", m.start(0), closer.end()
        element = ElementTree.Element(tag)
        element.text = data[m.end(0) : closer.start()]  # converted further: *emphasis* counts
        return element, m.start(0), closer.end()


PAIR_REACH = 10_000
_CLOSERS = {tag: re.compile(f"</{tag}\\s*>", re.I) for tag in ("sub", "sup", "script", "style")}


class _BreakTag(InlineProcessor):
    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's API)
        return ElementTree.Element("br"), m.start(0), m.end(0)


class _BackslashBreak(InlineProcessor):
    def handleMatch(self, m, data):  # noqa: N802
        # The escaped backslashes before it stay for the escape pattern.
        return ElementTree.Element("br"), m.start(0) + len(m.group(1)), m.end(0)


class _DroppedTag(InlineProcessor):
    def handleMatch(self, m, data):  # noqa: N802
        return "", m.start(0), m.end(0)


# -- quotes --------------------------------------------------------------------------------------


class _SeparateQuotes(BlockQuoteProcessor):
    """Every quote block starts a new quote; Python-Markdown would join it to the one before."""

    def run(self, parent: ElementTree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        m = self.RE.search(block)
        if m:
            self.parser.parseBlocks(parent, [block[: m.start()]])
            block = "\n".join(self.clean(line) for line in block[m.start() :].split("\n"))
        quote = ElementTree.SubElement(parent, "blockquote")
        self.parser.state.set("blockquote")
        self.parser.parseChunk(quote, block)
        self.parser.state.reset()


# -- tables --------------------------------------------------------------------------------------

_CAPTION_MARK = re.compile("\ue020(\\d+)\ue021")
NUMBER = re.compile(
    r"^[(]?[+\-−±–]?[ \u00a0]?(?:[€$£¥][ \u00a0]?)?\d[\d.,'’\u00a0\u202f ]*"
    r"(?:[ \u00a0]?(?:%|‰|€|\$|£|[A-Za-zÄÖÜäöüµ²³°/.]{1,6}))?[)]?$"
)


class _TableCaptions(Preprocessor):
    """Move a `Table: caption` line after a pipe table into a mark in its first header cell.

    The caption itself waits in `md.table_captions` until the table is built; a blank line is put
    after the table, which Python-Markdown needs before the next block.
    """

    def run(self, lines: list[str]) -> list[str]:
        captions: list[str] = []
        self.md.table_captions = captions  # type: ignore[attr-defined]
        out = list(lines)
        for table in pipe_tables(lines):
            if table.caption is None:
                continue
            captions.append(table.caption)
            line = out[table.header][len(table.prefix) :]
            cell = len(line) - len(line.lstrip(" "))
            cell += line[cell : cell + 1] == "|"  # into the first cell, even an empty one
            mark = f"\ue020{len(captions) - 1}\ue021"
            out[table.header] = table.prefix + line[:cell] + mark + line[cell:]
            for index in range(table.end, table.caption_line + 1):
                out[index] = table.prefix.rstrip()
        return out


class _FinishTables(Treeprocessor):
    """Caption, header scope, alignment classes, number columns, and the scrolling frame."""

    def run(self, root: ElementTree.Element) -> None:
        captions: list[str] = getattr(self.md, "table_captions", [])
        for parent in list(root.iter()):
            for index, table in enumerate(list(parent)):
                if table.tag != "table":
                    continue
                caption_text = self._caption(table, captions)
                self._cells(table)
                # Focusable, so that a table wider than a phone scrolls by keyboard too.
                frame = ElementTree.Element("div", {"class": "table-scroll", "tabindex": "0"})
                if caption_text is not None:
                    frame.set("role", "region")
                    frame.set("aria-label", re.sub(r"[*_~`\\]", "", caption_text))
                    caption = ElementTree.Element("caption")
                    caption.text = caption_text
                    table.insert(0, caption)
                parent.remove(table)
                frame.append(table)
                frame.tail, table.tail = table.tail, None
                parent.insert(index, frame)

    @staticmethod
    def _caption(table: ElementTree.Element, captions: list[str]) -> str | None:
        first = table.find("thead/tr/th")
        if first is None or not first.text:
            return None
        match = _CAPTION_MARK.search(first.text)
        if not match:
            return None
        first.text = _CAPTION_MARK.sub("", first.text).lstrip()
        index = int(match.group(1))
        return captions[index] if index < len(captions) else None

    @staticmethod
    def _cells(table: ElementTree.Element) -> None:
        rows = [row for row in table.iter("tr")]
        for cell in table.iter():
            if cell.tag not in ("th", "td"):
                continue
            style = cell.attrib.pop("style", "")
            align = cell.attrib.pop("align", "") or style.removeprefix("text-align: ").rstrip(";")
            if align in ("left", "center", "right"):
                cell.set("class", f"align-{align}")
            if cell.tag == "th":
                cell.set("scope", "col")
        body = [[c for c in row if c.tag == "td"] for row in rows]
        columns = max((len(cells) for cells in body), default=0)
        for column in range(columns):
            texts = ["".join(row[column].itertext()).strip() for row in body if column < len(row)]
            filled = [text.strip("*_~` ") for text in texts if text]
            if not filled or not all(NUMBER.match(text) for text in filled):
                continue
            for row in rows:
                cells = [c for c in row if c.tag in ("th", "td")]
                if column < len(cells) and "class" not in cells[column].attrib:
                    cells[column].set("class", "num")


# -- task lists and empty paragraphs -----------------------------------------------------------

_TASK = re.compile(r"^\[([ xX])\][ \t]+|^([☐☑])[ \t]*")


class _TasksAndEmpties(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag == "p" and not len(child) and not (child.text or "").strip():
                    parent.remove(child)  # a paragraph that held only a dropped tag
            tasks = (
                [self._task(i) for i in parent if i.tag == "li"]
                if parent.tag in ("ul", "ol")
                else []
            )
            if any(tasks):
                parent.set("class", "task-list")

    @staticmethod
    def _task(item: ElementTree.Element) -> bool:
        holder = item[0] if len(item) and item[0].tag == "p" and not item.text else item
        match = _TASK.match(holder.text or "")
        if not match:
            return False
        done = match.group(1) in ("x", "X") or match.group(2) == "☑"
        holder.text = ("☑ " if done else "☐ ") + (holder.text or "")[match.end() :]
        item.set("class", "task")
        return True


class NewsdeskConstructs(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.register(_TableCaptions(md), "newsdesk_table_captions", 25)
        md.parser.blockprocessors.register(
            _SeparateQuotes(md.parser), "quote", 20
        )  # replaces Python-Markdown's own
        md.inlinePatterns.register(_BackslashBreak(_BACKSLASH_BREAK, md), "newsdesk_break", 185)
        md.inlinePatterns.register(_PairedTag(_KEPT_TAG, md, keep=True), "newsdesk_subsup", 96)
        # The text of a match is converted by the patterns after it: once more for sup in sub.
        md.inlinePatterns.register(
            _PairedTag(_KEPT_TAG, md, keep=True), "newsdesk_subsup_inner", 93.5
        )
        md.inlinePatterns.register(_BreakTag(_BREAK_TAG, md), "newsdesk_br", 95)
        md.inlinePatterns.register(_PairedTag(_SCRIPT, md, keep=False), "newsdesk_script", 94)
        md.inlinePatterns.register(_DroppedTag(_ANY_TAG, md), "newsdesk_tags", 93)
        # Before the inline conversion (20), so that the caption's *emphasis* is converted too.
        md.treeprocessors.register(_FinishTables(md), "newsdesk_tables", 25)
        md.treeprocessors.register(_TasksAndEmpties(md), "newsdesk_tasks", 3)
