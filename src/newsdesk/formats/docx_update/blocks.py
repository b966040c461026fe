"""A section's text after the desk's edits, changed only where the desk changed it.

Three versions of a section meet here: the journalist's Markdown (`current`), the same section as
the Word file made from it reads back (`baseline`: the export, then the Word importer) and the
desk's file read the same way (`desk`). The Word round trip is not exact (private notes never
leave Newsdesk, source notes and some Markdown come back in another form), so the desk's reading
is never taken whole. Paragraph by paragraph (blocks between blank lines):

- a paragraph the desk left as it was keeps the journalist's own Markdown, notes and all;
- a paragraph the desk changed, added or removed is the desk's (its text as the importer reads
  it), and the private notes of a paragraph it replaced are kept at the end of the new one;
- the desk's comments (private notes in its reading) land where they are anchored, or at the
  end of the paragraph when that paragraph keeps the journalist's Markdown;
- paragraphs the export never wrote (a paragraph holding only a private note) stay in place.

Photo references are compared by the photo they name: `image_map` gives, for the ids the two
readings use, the article's own id; a reference to a picture the article does not have (one the
desk added) is left out and counted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from newsdesk.model.counts import plain_text
from newsdesk.model.markdown_notes import private_notes, without_private_notes

_IMAGE_REFERENCE = re.compile(r"\(image:([A-Za-z0-9_-]{1,64})\)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass
class Merged:
    """A merged section text and what the merge counted."""

    markdown: str
    pictures_left_out: int = 0


def split_blocks(markdown: str) -> list[str]:
    """Blocks separated by blank lines; a fenced code block stays one block."""
    blocks: list[str] = []
    current: list[str] = []
    fence: str | None = None
    for line in markdown.split("\n"):
        opened = _FENCE.match(line)
        if fence is None and opened:
            fence = opened.group(1)[:3]
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        if fence is None and not line.strip():
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line.rstrip())
    if current:
        blocks.append("\n".join(current))
    return blocks


def remap_images(block: str, image_map: Mapping[str, str]) -> str | None:
    """The block with its photo references naming the article's photos; None when it names a
    photo the article does not have."""
    missing = False

    def replace(match: re.Match[str]) -> str:
        nonlocal missing
        found = image_map.get(match.group(1))
        if found is None:
            missing = True
            return match.group()
        return f"(image:{found})"

    remapped = _IMAGE_REFERENCE.sub(replace, block)
    return None if missing else remapped


def _exact(block: str) -> str:
    """What the desk could have changed: the block without notes, each line's spacing collapsed."""
    return "\n".join(" ".join(line.split()) for line in without_private_notes(block).split("\n"))


def _reader(block: str) -> str:
    """The block as a reader meets it, for finding the journalist's paragraph in the baseline."""
    references = _IMAGE_REFERENCE.findall(block)
    text = " ".join(plain_text(without_private_notes(block)).split())
    return text + "".join(f" \x00{ref}" for ref in references)


def _notes_markup(notes: list[str]) -> str:
    return " ".join(f"<!-- {note} -->" for note in notes)


def _with_notes(block: str, notes: list[str]) -> str:
    return f"{block} {_notes_markup(notes)}" if notes else block


def merge_section(
    current: str,
    baseline: str,
    desk: str,
    baseline_images: Mapping[str, str],
    desk_images: Mapping[str, str],
) -> Merged | None:
    """The section's new Markdown (see the module docstring); None when the desk changed nothing."""
    mine = split_blocks(current)
    base = [remap_images(b, baseline_images) or b for b in split_blocks(baseline)]
    theirs: list[str] = []
    left_out = 0
    for block in split_blocks(desk):
        remapped = remap_images(block, desk_images)
        if remapped is None:
            left_out += 1
        else:
            theirs.append(remapped)
    base_exact, desk_exact = [_exact(b) for b in base], [_exact(d) for d in theirs]
    if base_exact == desk_exact and not any(private_notes(d) for d in theirs):
        return None if not left_out else Merged(current, left_out)
    partner: dict[int, int] = {}  # baseline block -> the journalist's block
    finder = SequenceMatcher(None, [_reader(c) for c in mine], [_reader(b) for b in base], False)
    for op, c0, c1, b0, b1 in finder.get_opcodes():
        if op == "equal":
            partner.update(zip(range(b0, b1), range(c0, c1), strict=True))
    partnered = set(partner.values())
    out: list[str] = []
    placed = 0  # the journalist's blocks before this one have been placed

    def place_until(index: int) -> None:
        """The journalist's blocks the export never wrote, kept where they stood."""
        nonlocal placed
        while placed < index:
            if placed not in partnered:
                out.append(mine[placed])
            placed += 1

    def take(index: int) -> str:
        nonlocal placed
        place_until(index)
        placed = max(placed, index + 1)
        return mine[index]

    changes = SequenceMatcher(None, base_exact, desk_exact, autojunk=False)
    for op, b0, b1, d0, d1 in changes.get_opcodes():
        if op == "equal":
            for b, d in zip(range(b0, b1), range(d0, d1), strict=True):
                notes = private_notes(theirs[d])
                if b not in partner:
                    if notes:  # a comment on text the journalist keeps elsewhere
                        out.append(_notes_markup(notes))
                    continue
                own = take(partner[b])
                out.append(theirs[d] if notes and own == base[b] else _with_notes(own, notes))
            continue
        kept_notes: list[str] = []
        for b in range(b0, b1):
            if b in partner:
                kept_notes.extend(private_notes(take(partner[b])))
        new = list(theirs[d0:d1])
        if kept_notes:
            if new:
                new[-1] = _with_notes(new[-1], kept_notes)
            else:
                new.append(_notes_markup(kept_notes))
        out.extend(new)
    place_until(len(mine))
    merged = "\n\n".join(out)
    if merged == current:
        return None if not left_out else Merged(current, left_out)
    return Merged(merged, left_out)
