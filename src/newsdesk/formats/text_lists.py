"""Lists inside a plain text's sections, for the agency-text importer (text_import).

A list in a mail or an agency text is a run of lines, each starting with a bullet or a number:

    - Zelt                    "-", "*", "•" and the en dash "–" (which our own agency text
    – Stiefel                   writes, so that its lists are not read as the related links)
      – wasserfest             indented further: one level deeper
    1. Bus                    "1." or "1)": numbered
    2. Bahn

A list is a run of at least two such lines: one line alone ("- gemeint ist ...", "1. FC Köln
gewinnt") is a paragraph that happens to begin like an item, and keeps its characters.

The run becomes one Markdown list of the dialect (written by markdown_writer, so every character
of an item renders as typed).
"""

from __future__ import annotations

import re

from newsdesk.formats.markdown_blocks import ITEM, Block, Run
from newsdesk.formats.markdown_writer import blocks_to_markdown

LIST_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<bullet>[-*•–])|(?P<number>\d{1,3})[.)])[ \t]+(?P<text>\S.*)$"
)


def is_bullet_line(line: str) -> bool:
    match = LIST_LINE.match(line)
    return match is not None and match["bullet"] is not None


def list_indices(units: list[str]) -> set[int]:
    """Which units are list items: those in a run of two or more list lines."""
    lines = {n for n, unit in enumerate(units) if LIST_LINE.match(unit)}
    return {n for n in lines if n - 1 in lines or n + 1 in lines}


def indentation(line: str) -> str:
    """The leading white space of a list line (tabs counted as four spaces), else ""."""
    match = LIST_LINE.match(line)
    return match["indent"].expandtabs(4) if match is not None else ""


def list_markdown(lines: list[str]) -> str:
    """One Markdown list from its item lines; deeper indentation nests an item."""
    blocks: list[Block] = []
    open_indents: list[int] = []
    for line in lines:
        match = LIST_LINE.match(line)
        if match is None:
            continue
        indent = len(match["indent"].expandtabs(4))
        while open_indents and indent < open_indents[-1]:
            open_indents.pop()
        if not open_indents or indent > open_indents[-1]:
            open_indents.append(indent)
        blocks.append(
            Block(
                ITEM,
                runs=(Run(" ".join(match["text"].split())),),
                depth=len(open_indents),
                numbered=match["number"] is not None,
            )
        )
    return blocks_to_markdown(blocks).strip("\n")
