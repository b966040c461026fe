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

    Code lines are exempt from every later rewrite (a "# comment" in code is no heading).
    """
    out: list[str] = []
    code: set[int] = set()
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match["fence"]
            if out and out[-1].strip():
                out.append("")
            continue
        if fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip(fence[0] + " "):
                fence = None
                out.append("")
                continue
            code.add(len(out))
            out.append("    " + line if line.strip() else "")
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
    for n, line in enumerate(lines):
        if n in code:
            levels = []
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
            if not levels or width > levels[-1]:
                levels.append(width)
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
                levels = []
            out.append(line)
    return out, new_code


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
