"""Plain prose made into the page's HTML without Python-Markdown.

Most runs of an article's text are paragraphs of prose with, at most, some bold and italic words
and web links, now and then a subheading, a one-paragraph quote or a simple list. For them the
export's dialect (Python-Markdown, then the sanitiser) gives `<p>`, `<h3>`/`<h4>`…, `<blockquote>`,
`<ol>`/`<ul>` blocks with `<strong>`, `<em>` and `<a>` inside and nothing else. `prose_html` writes
that HTML directly, byte for byte the same, and answers None for any run that uses anything more
(a nested or loose list, code, a note, a table, an underscore, a backslash, a tab, markup, a lone
asterisk, a link that is not a plain web address …); those go through Python-Markdown as before
(`markdown_render`).

`prose_blocks` is the reading both share: the editor takes its blocks as they are
(markdown_blocks.markdown_to_blocks), without writing HTML and parsing it back.

Why: importing Python-Markdown and building its converter cost ~20 ms of the window's start,
when the first section shown is usually plain prose (issue 18), and most runs of an export need
no parser either. tests/formats/test_plain_prose.py compares the two for generated prose and for
every run of the sample and the test fixtures; every section body and paragraph of the bench
prose is taken (1,059 tried when this was written).

The rules are deliberately narrow (a whitelist of characters, each line starting with a letter,
a digit or an opening quote or bracket, emphasis only as `*word*` / `**words**` within a line,
links only as `[text](https://address)` with a plain address, a block being one paragraph, one
`#`-heading line, `> ` lines of one quoted paragraph, or `- ` / `1. ` lines of one tight list);
widening them needs the comparison test to pass for the new shapes first.
"""

from __future__ import annotations

import re

from newsdesk.formats.link_rules import page_href

# Besides letters and digits (str.isalnum) and the space: what prose uses and neither
# Python-Markdown nor the sanitiser treats specially anywhere in a line.
_PUNCTUATION = frozenset(".,;:!?'\"’‘“”„‚«»‹›–—-()/%€$£¥@+=°§©®™…·")
_OPENERS = frozenset("\"'“„‚‘«‹(")
NBSP = "\u00a0"
# "1. ", "12) " or a lone "3." at a line's start would begin a list.
_LIST_NUMBER = re.compile(r"\d+[.)](?:\s|$)")
# `**strong**` or `*emphasis*` inside one line: starts and ends with a character that is neither
# a space nor an asterisk, holds no asterisk, and is not part of a longer run of asterisks.
_EMPHASIS = re.compile(r"(?<!\*)(\*\*?)(?=[^*\s])([^*\n]*?[^*\s])\1(?!\*)")
_TAGS = {"*": "em", "**": "strong"}
# `[text](https://example.org/path?query#part)`: text without brackets or asterisks, an address
# without spaces, quotes, brackets, ampersands or asterisks (no title, nothing to escape).
_LINK = re.compile(r"\[([^\[\]*\n]+)\]\((https?://[A-Za-z0-9._~:/?#@!$+,;=%-]+)\)")
_LINK_MARK = re.compile("\x05(\\d+)\x06")
_HEADING = re.compile(r"(#{1,6}) (.*[^#\s])")
_ORDERED = re.compile(r"([1-9]\d{0,2})\. (.+)")


# A block of plain prose: its kind ("p", "h", "quote", "ul" or "ol"), a number (a heading's
# level, an ordered list's start; else 0) and its inline text (one per list item, else one).
ProseBlock = tuple[str, int, list["Inline"]]
# Inline text: the line(s) with emphasis marked as \x01TAG\x02...\x03 (TAG "em" or "strong") and
# each link as \x05N\x06, N indexing the links: (text, href as the page carries it).
Inline = tuple[str, list[tuple[str, str]]]


def prose_html(text: str) -> str | None:
    """The sanitised HTML Python-Markdown would make of `text`, or None when `text` is more than
    plain prose (see the module docstring)."""
    blocks = prose_blocks(text)
    if not blocks:
        return None
    return "\n".join(_block_html(block) for block in blocks)


def prose_blocks(text: str) -> list[ProseBlock] | None:
    """The blocks of `text` read as plain prose (none for empty text), or None when it is more.
    prose_html writes them as HTML; the editor's reader (markdown_blocks) takes them as they are."""
    groups: list[list[str]] = [[]]
    for line in text.strip("\n").split("\n"):
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    groups = [lines for lines in groups if lines]
    blocks: list[ProseBlock] = []
    for index, lines in enumerate(groups):
        if index and _is_list(lines) and _is_list(groups[index - 1]):
            return None  # a list after a blank line continues the one before (a loose list)
        made = _block(lines)
        if made is None:
            return None
        blocks.append(made)
    return blocks


def _is_list(lines: list[str]) -> bool:
    return lines[0].startswith("- ") or bool(_ORDERED.fullmatch(lines[0]))


def _block(lines: list[str]) -> ProseBlock | None:
    first = lines[0]
    heading = _HEADING.fullmatch(first)
    if heading and len(lines) == 1:
        level = max(3, len(heading.group(1)))  # the dialect's page has h3 and below in a body
        inner = _text(heading.group(2))
        return None if inner is None else ("h", level, [inner])
    if first.startswith("> "):
        quoted = [line[2:] for line in lines if line.startswith("> ")]
        inner = _text("\n".join(quoted)) if len(quoted) == len(lines) else None
        return None if inner is None else ("quote", 0, [inner])
    if first.startswith("- ") and all(line.startswith("- ") for line in lines):
        return _list("ul", 0, [line[2:] for line in lines])
    ordered = [_ORDERED.fullmatch(line) for line in lines]
    if ordered[0] and all(ordered):
        start = int(ordered[0].group(1))
        return _list("ol", start, [match.group(2) for match in ordered if match])
    inner = _text("\n".join(lines))
    return None if inner is None else ("p", 0, [inner])


def _list(kind: str, start: int, items: list[str]) -> ProseBlock | None:
    inlines = [_text(item) for item in items]
    if any(inline is None for inline in inlines):
        return None
    return (kind, start, [inline for inline in inlines if inline is not None])


def _text(text: str) -> Inline | None:
    """Plain lines of text as marked inline text, or None."""
    if not all(line and _plain_line(line) for line in text.split("\n")):
        return None
    return _marked(text)


def _plain_line(line: str) -> bool:
    line = _LINK.sub(lambda m: m.group(1), line)  # a link's text is checked as text
    if not line:
        return False
    first = line[0]
    if not (first.isalnum() or first in _OPENERS) or line[-1] == " ":
        return False
    if first.isdigit() and _LIST_NUMBER.match(line):
        return False
    return all(c.isalnum() or c in _PUNCTUATION or c in " *\u00a0" for c in line)


def _marked(paragraph: str) -> Inline | None:
    links: list[tuple[str, str]] = []

    def link(match: re.Match) -> str:
        links.append((match.group(1), page_href("a", "href", match.group(2))))
        return f"\x05{len(links) - 1}\x06"

    marked = _LINK.sub(link, paragraph)  # links first, as Python-Markdown takes them
    marked = _EMPHASIS.sub(lambda m: f"\x01{_TAGS[m.group(1)]}\x02{m.group(2)}\x03", marked)
    if "*" in marked:
        return None  # an asterisk Python-Markdown might read otherwise
    return marked, links


def _block_html(block: ProseBlock) -> str:
    kind, number, inlines = block
    if kind == "h":
        return f"<h{number}>{_inline_html(inlines[0])}</h{number}>"
    if kind == "quote":
        return f"<blockquote>\n<p>{_inline_html(inlines[0])}</p>\n</blockquote>"
    if kind in ("ul", "ol"):
        opening = f'<ol start="{number}">' if kind == "ol" and number != 1 else f"<{kind}>"
        items = (f"<li>{_inline_html(inline)}</li>" for inline in inlines)
        return "\n".join([opening, *items, f"</{kind}>"])
    return f"<p>{_inline_html(inlines[0])}</p>"


def _inline_html(inline: Inline) -> str:
    marked, links = inline
    out = marked.replace(NBSP, "&nbsp;")  # the sanitiser's serialisation of a no-break space
    out = re.sub(r"\x01(\w+)\x02([^\x03]*)\x03", r"<\1>\2</\1>", out)
    return _LINK_MARK.sub(lambda m: _link_html(*links[int(m.group(1))]), out)


def _link_html(text: str, href: str) -> str:
    return f'<a href="{href}" rel="noopener noreferrer">{text.replace(NBSP, "&nbsp;")}</a>'
