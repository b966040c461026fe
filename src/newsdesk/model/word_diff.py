"""A word-level comparison of two versions of an article, as a journalist reads it.

File > Revisions compares a revision with the current text: which words were removed since, which
added. Both versions are turned into reader's text (headline fields, headings, section text without
Markdown syntax), compared line by line first and then word by word inside the lines that changed,
as `git diff --word-diff` does: that keeps a 100,000-word article quick (difflib is quadratic in
the worst case) and a rewritten paragraph readable. A changed stretch longer than
MAX_WORDS_COMPARED words is shown as removed and added whole instead of word by word.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from newsdesk.model.article import Article
from newsdesk.model.counts import plain_text

Change = Literal["same", "removed", "added"]
MAX_WORDS_COMPARED = 4000

_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Piece:
    change: Change
    text: str


def reader_lines(article: Article) -> list[str]:
    """The article as a reader meets it, one paragraph (or heading) per line."""
    lines = [article.kicker, article.headline, article.subheadline, article.byline]
    for section in article.walk_sections():
        lines.append(section.heading)
        lines.extend(plain_text(section.markdown).splitlines())
    lines.extend(f"{link.title} {link.url}".strip() for link in article.related.links)
    return [line.strip() for line in lines if line.strip()]


def compare_articles(old: Article, new: Article) -> list[list[Piece]]:
    """Paragraphs of pieces (unchanged, removed, added) leading from `old` to `new`."""
    return compare_lines(reader_lines(old), reader_lines(new))


def compare_lines(old: list[str], new: list[str]) -> list[list[Piece]]:
    paragraphs: list[list[Piece]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if op == "equal":
            paragraphs.extend([Piece("same", line)] for line in old[old_start:old_end])
            continue
        before = "\n".join(old[old_start:old_end])
        after = "\n".join(new[new_start:new_end])
        for paragraph in _compare_words(before, after).split_lines():
            paragraphs.append(paragraph)
    return paragraphs


class _Pieces(list):
    def split_lines(self) -> list[list[Piece]]:
        """Cut at line breaks, so that each paragraph of a changed stretch is its own line."""
        lines: list[list[Piece]] = [[]]
        for piece in self:
            parts = piece.text.split("\n")
            for number, part in enumerate(parts):
                if number:
                    lines.append([])
                if part:
                    lines[-1].append(Piece(piece.change, part))
        return [line for line in lines if line]


def _compare_words(before: str, after: str) -> _Pieces:
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    pieces = _Pieces()
    if len(old) + len(new) > 2 * MAX_WORDS_COMPARED:
        if before:
            pieces.append(Piece("removed", before))
        if after:
            pieces.append(Piece("added", after))
        return pieces
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", "".join(old[old_start:old_end])))
            continue
        if old_end > old_start:
            pieces.append(Piece("removed", "".join(old[old_start:old_end])))
        if new_end > new_start:
            pieces.append(Piece("added", "".join(new[new_start:new_end])))
    return pieces


def change_counts(paragraphs: list[list[Piece]]) -> tuple[int, int]:
    """Words removed and words added."""
    removed = added = 0
    for paragraph in paragraphs:
        for piece in paragraph:
            words = len(piece.text.split())
            if piece.change == "removed":
                removed += words
            elif piece.change == "added":
                added += words
    return removed, added
