"""What the model reads in a section's Markdown without converting it: photo references, tables.

The renderer (`formats.markdown_render`, `formats.markdown_constructs`) and the check both read
a section through these rules, so that what the check finds is what the page shows; they live
in the model because the model's commands and checks need them and `model` imports no `formats`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An inline photo reference stands alone on an unindented line; the text is split around it.
IMAGE_REFERENCE_LINE = re.compile(r"^!\[[^\]\n]*\]\(image:([A-Za-z0-9_-]{1,64})\)[ \t]*$", re.M)
# Every reference holds this. The pattern's "^" leaves re no literal to search for, so it tries a
# match at every character (~4 ms on the 100,000-word bench article); `in` skips the sections
# that place no photo, most of them.
_IMAGE_REFERENCE_MARK = "](image:"


def split_at_image_references(markdown: str) -> list[str]:
    """`IMAGE_REFERENCE_LINE.split`: text, image id, text, ..., text."""
    return IMAGE_REFERENCE_LINE.split(markdown) if _IMAGE_REFERENCE_MARK in markdown else [markdown]


def image_reference_ids(markdown: str) -> list[str]:
    """The ids of the photos the text places, in order."""
    if _IMAGE_REFERENCE_MARK not in markdown:
        return []
    return IMAGE_REFERENCE_LINE.findall(markdown)


_SEPARATOR = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_QUOTE_PREFIX = re.compile(r"(?: {0,3}> ?)*")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_CAPTION = re.compile(r"^ {0,3}Table:[ \t]*(.*\S)[ \t]*$")


@dataclass(frozen=True)
class PipeTable:
    """Where a pipe table stands in a list of lines (end: the line after its last row)."""

    prefix: str  # the quote markers before each of its lines
    header: int
    end: int
    header_cells: tuple[str, ...]
    caption: str | None  # the `Table:` line's text
    caption_line: int  # its index (end - 1 without one)


def pipe_tables(lines: list[str]) -> list[PipeTable]:
    """The pipe tables in these lines with their captions, as the renderer reads them."""
    # A table in a quote has the quote's `>` before every line, the caption's too.
    prefixes = [_QUOTE_PREFIX.match(line).group() for line in lines]  # type: ignore[union-attr]
    content = [line[len(prefix) :] for line, prefix in zip(lines, prefixes, strict=True)]
    found = []
    n = 1
    while n < len(lines):
        prefix = prefixes[n - 1]
        if not (
            prefixes[n] == prefix
            and _SEPARATOR.match(content[n])
            and "|" in content[n - 1]
            and "-" in content[n]
        ):
            n += 1
            continue
        end = n + 1
        while end < len(lines) and prefixes[end] == prefix and "|" in content[end]:
            end += 1
        caption_at = end
        blank = end < len(lines) and not content[end].strip()
        if blank and prefixes[end].rstrip() == prefix.rstrip():
            caption_at = end + 1
        caption = None
        if caption_at < len(lines) and prefixes[caption_at] == prefix:
            caption = _CAPTION.match(content[caption_at])
        cells = tuple(_CELL_SPLIT.split(content[n - 1].strip().strip("|")))
        found.append(
            PipeTable(
                prefix,
                n - 1,
                end,
                tuple(cell.strip() for cell in cells),
                caption.group(1) if caption else None,
                caption_at if caption else end - 1,
            )
        )
        n = end + 1
    return found
