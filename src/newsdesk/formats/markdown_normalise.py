"""Markdown as people write it, rewritten into our dialect (see markdown_render) line by line.

Editors and converters write Markdown that CommonMark accepts but Python-Markdown, which renders our
dialect, reads differently:
- "#hashtag" at the start of a line (text to CommonMark, a heading to Python-Markdown);
- nested lists indented by two or three spaces (Python-Markdown needs four per level), `*`/`+`
  bullets and `1)` numbers, and lists that follow a paragraph without a blank line;
- fenced code blocks (our dialect has indented code only);
- reference links whose definitions sit at the end of the document, which the importer splits
  into sections (each section is rendered on its own, so each link is made inline).
Everything here works on lists of lines and knows nothing about articles.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
# A fence inside a list item may be indented further, to the item's text.
_LIST_FENCE = re.compile(r"^ {2,12}(?P<fence>`{3,}|~{3,})[^`]*$")
_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+]|\d{1,9}[.)])(?:[ \t]+(?P<text>.*))?$")
_HORIZONTAL_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_REFERENCE_DEFINITION = re.compile(
    r"^ {0,3}\[(?P<label>[^\]]+)\]:[ \t]*<?(?P<url>[^\s>]+)>?"
    r"(?:[ \t]+(?:\"(?P<t1>[^\"]*)\"|'(?P<t2>[^']*)'|\((?P<t3>[^)]*)\)))?[ \t]*$"
)
# [text][label], [text][] and the shortcut [label]; not images, not inline links.
_REFERENCE_LINK = re.compile(
    r"(?<![!\\])\[(?P<text>[^\[\]]+)\](?:\[(?P<label>[^\[\]]*)\])?(?![(:])"
)


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def is_list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line)) and not _HORIZONTAL_RULE.match(line)


def fences_to_indented_code(lines: list[str]) -> tuple[list[str], set[int]]:
    """Fenced code blocks become indented ones; returns the lines and the indices of code lines.

    Code lines are exempt from every later rewrite (a "# comment" in code is no heading), except
    that normalise_lists moves code inside a list item to that item's indentation. A fence
    indented into a list item keeps that indentation, four spaces more for the code.
    """
    out: list[str] = []
    code: set[int] = set()
    fence: str | None = None
    indent = 0
    for line in lines:
        match = _FENCE.match(line) or _LIST_FENCE.match(line)
        if fence is None and match:
            fence = match["fence"]
            indent = _width(line[: len(line) - len(line.lstrip())])
            if out and out[-1].strip():
                out.append("")
            continue
        if fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip(fence[0] + " "):
                fence = None
                out.append("")
                continue
            code.add(len(out))
            text = line.expandtabs(4)
            text = text[min(indent, len(text) - len(text.lstrip(" "))) :]
            out.append(" " * indent + "    " + text if line.strip() else "")
            continue
        out.append(line)
    return out, code


def normalise_lists(lines: list[str], code: set[int]) -> tuple[list[str], set[int]]:
    """Four spaces per nesting level, "-" bullets, "N." numbers, a blank line before each list.

    Returns the lines and the new indices of the code lines (inserted blank lines shift them).
    """
    out: list[str] = []
    new_code: set[int] = set()
    levels: list[int] = []  # source indent of the items at each open nesting level
    content: list[int] = []  # the column where each open item's text starts
    for n, line in enumerate(lines):
        after_blank = bool(out) and (not out[-1].strip() or len(out) - 1 in new_code)
        width = _width(line[: len(line) - len(line.lstrip())]) if line.strip() else 0
        owner = _code_owner(content, width) if levels and (n in code or after_blank) else None
        if owner is not None and line.strip():
            # Code inside a list item: four spaces past the item's text, as Python-Markdown
            # reads code in an item nested `owner` levels deep.
            del levels[owner + 1 :], content[owner + 1 :]
            new_code.add(len(out))
            out.append("    " * (owner + 2) + line.expandtabs(4)[content[owner] + 4 :])
            continue
        if n in code:
            levels, content = [], []
            new_code.add(len(out))
            out.append(line)
            continue
        item = _LIST_ITEM.match(line)
        if item and not _HORIZONTAL_RULE.match(line) and (levels or _width(item["indent"]) < 4):
            width = _width(item["indent"])
            if not levels and out and out[-1].strip():
                out.append("")  # Python-Markdown needs a blank line between paragraph and list
            while levels and width < levels[-1]:
                levels.pop()
                content.pop()
            if not levels or width > levels[-1]:
                levels.append(width)
                content.append(width + len(item["marker"]) + 1)
            else:
                content[-1] = width + len(item["marker"]) + 1
            marker = item["marker"]
            marker = "-" if marker in "-*+" else marker[:-1] + "."
            out.append(f"{'    ' * (len(levels) - 1)}{marker} {item['text'] or ''}".rstrip())
        elif not line.strip():
            out.append(line)  # whether the list goes on is decided by the next text line
        elif line[:1] in " \t" and levels:
            # An indented line inside a list continues the innermost item: indent it to match.
            out.append("    " * len(levels) + line.strip())
        else:
            # Unindented text right after an item continues it ("lazy" line, as in
            # Python-Markdown); after a blank line it ends the list.
            if not (levels and out and out[-1].strip()):
                levels, content = [], []
            out.append(line)
    return out, new_code


def _code_owner(content: list[int], width: int) -> int | None:
    """The deepest open item whose text column lies at least four columns left of `width`."""
    for level in range(len(content) - 1, -1, -1):
        if width >= content[level] + 4:
            return level
    return None


def trailing_space_breaks(lines: list[str], code: set[int]) -> list[str]:
    """A hard line break written as two trailing spaces becomes our backslash at the line end.

    Trailing spaces are invisible and editors strip them; the backslash survives both.
    """
    out = list(lines)
    for n in range(len(out) - 1):
        line = out[n]
        if n in code or not line.endswith("  ") or not line.strip() or not out[n + 1].strip():
            continue
        if n + 1 in code or _HORIZONTAL_RULE.match(out[n + 1]):
            continue
        out[n] = line.rstrip() + "\\"
    return out


_HASHTAG_LINE = re.compile(r"^( {0,3})(#+[^#\s])")


def escape_hashtag_lines(lines: list[str], code: set[int]) -> list[str]:
    """ "#hashtag" at the start of a line is text in CommonMark but a heading to Python-Markdown."""
    return [
        line if n in code else _HASHTAG_LINE.sub(r"\1\\\2", line) for n, line in enumerate(lines)
    ]


def take_reference_definitions(lines: list[str]) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """Remove `[label]: url "title"` lines; return the rest and {label: (url, title)}."""
    definitions: dict[str, tuple[str, str]] = {}
    rest: list[str] = []
    for line in lines:
        match = _REFERENCE_DEFINITION.match(line)
        if match:
            title = match["t1"] or match["t2"] or match["t3"] or ""
            definitions.setdefault(match["label"].strip().lower(), (match["url"], title))
        else:
            rest.append(line)
    return rest, definitions


def inline_reference_links(line: str, definitions: dict[str, tuple[str, str]]) -> str:
    """Rewrite reference links whose label is defined into inline links; leave the rest alone."""
    if not definitions or "[" not in line:
        return line

    def replace(match: re.Match[str]) -> str:
        label = (match["label"] or match["text"]).strip().lower()
        if label not in definitions:
            return match.group()
        url, title = definitions[label]
        title_part = f' "{title}"' if title and '"' not in title else ""
        return f"[{match['text']}]({url}{title_part})"

    return _REFERENCE_LINK.sub(replace, line)
