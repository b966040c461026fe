"""Which parts of the page changed, so the preview can swap just those into the shown page.

The exported body is one `<article>` (inside the page's `<main>` landmark) whose children are
the header, the lead figure, the sections (`<section>`; a section without a heading is a `<div>`,
boxes are `<aside>`), figures of unplaced photos and the related links (`<aside>`). Replacing the
changed children in the shown page keeps the reader's scroll position for free (Chromium's scroll
anchoring holds the visible text still) and takes milliseconds, where loading a 100,000-word page
again takes seconds. A patch is only offered when it gives the very
DOM a fresh load would: both bodies must be that `<article>` with the same number of children,
nothing but white space between them, and differ in whole children only. Each patch names the
child by position, tag and id, and the view checks all three before it replaces anything. A
section added, deleted or moved changes the children and means a full load.

The `<head>` is left out of the comparison: it changes with every word (the JSON-LD counts them)
and a patch leaves it as it was. Nothing in it that changes is visible (title, meta, JSON-LD)
but the stylesheet, which changes with the page's house layout (issue 18): a page with another
`<style>` is loaded again. The social-card and search-result previews read the head of
the freshly rendered page, not the shown one. The rest of the page around head and body (the
`<html lang>`) must be the same, or the page is loaded again.

Splitting by tag is sound because every `<` that the user typed, in text and attribute values,
reaches the page escaped: the only header, figure, section, aside and div tags are the exporter's
own, and the exporter closes every one it opens.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_CHILD_TAG = re.compile(r"<(/?)(header|figure|section|aside|div)\b[^>]*>")
_ID = re.compile(r'\sid="([^"]+)"')
_HEAD_START = "<head>"
_HEAD_END = "</head>"
_BODY_START = "<body>"
_BODY_END = "</body>"
_ARTICLE_START = '<article class="article">'
_ARTICLE_END = "</article>"
_MAIN_START = "<main>"
_MAIN_END = "</main>"


class Patch(NamedTuple):
    position: int  # among the article element's children
    tag: str
    element_id: str  # "" for children without an id (header, figures, related links)
    html: str  # the child's new outer HTML


def split_page(html: str) -> tuple[str, str] | None:
    """(frame, body): the body's inner HTML, and the page without head and body content.

    None when the page lacks `<head>...</head>` followed by `<body>...</body>`.
    """
    head_start = html.find(_HEAD_START)
    head_end = html.find(_HEAD_END, head_start)
    body_start = html.find(_BODY_START, head_end)
    body_end = html.rfind(_BODY_END)
    if min(head_start, head_end, body_start) < 0 or body_end < body_start:
        return None
    frame = (
        html[: head_start + len(_HEAD_START)]
        + html[head_end : body_start + len(_BODY_START)]
        + html[body_end:]
    )
    return frame, html[body_start + len(_BODY_START) : body_end]


def split_top_level(body: str) -> list[str] | None:
    """The text as [text, element, text, element, ..., text] by top-level header, figure, section,
    aside and div elements; None when those tags do not nest."""
    pieces: list[str] = []
    depth = 0
    position = 0  # start of the current piece
    for match in _CHILD_TAG.finditer(body):
        if match.group(1) != "/":
            if depth == 0:
                pieces.append(body[position : match.start()])
                position = match.start()
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                pieces.append(body[position : match.end()])
                position = match.end()
    if depth != 0:
        return None
    pieces.append(body[position:])
    return pieces


def article_children(body: str) -> list[str] | None:
    """The outer HTML of each child of the body's `<article>` (bare or in `<main>`), or None if the
    body is not one article holding only header, figure, section, aside and div children."""
    pieces = split_top_level(body)
    if pieces is None or len(pieces) < 3:
        return None
    first, *middle, last = pieces
    first, last = first.strip(), last.strip()
    if first.startswith(_MAIN_START) and last.endswith(_MAIN_END):
        first = first.removeprefix(_MAIN_START).strip()
        last = last.removesuffix(_MAIN_END).strip()
    if first != _ARTICLE_START or last != _ARTICLE_END:
        return None
    if any(text.strip() for text in middle[1::2]):
        return None  # something else between the children: positions would not match the DOM
    return middle[0::2]


def _stylesheet(html: str) -> str:
    """The page's `<style>` element (the one in its head), "" without one."""
    start = html.find("<style>")
    end = html.find("</style>", start)
    return html[start:end] if 0 <= start < end else ""


def _tag_and_id(element: str) -> tuple[str, str]:
    opening = element[: element.find(">") + 1]
    match = _ID.search(opening)
    tag = _CHILD_TAG.match(opening)
    return (tag.group(2) if tag else ""), (match.group(1) if match else "")


def page_patches(old_html: str, new_html: str, *, max_share: float = 0.5) -> list[Patch] | None:
    """The patches that turn the shown page `old_html` into `new_html`, or None for a full load.

    An empty list means the bodies are the same. When more than `max_share` of the children
    changed, loading is about as quick and the answer is None too.
    """
    old_page, new_page = split_page(old_html), split_page(new_html)
    if old_page is None or new_page is None or old_page[0] != new_page[0]:
        return None
    if _stylesheet(old_html) != _stylesheet(new_html):
        return None  # another house layout: the whole page looks different
    if old_page[1] == new_page[1]:
        return []
    old_children = article_children(old_page[1])
    new_children = article_children(new_page[1])
    if old_children is None or new_children is None or len(old_children) != len(new_children):
        return None
    patches = []
    for index, (old, new) in enumerate(zip(old_children, new_children, strict=True)):
        if old == new:
            continue
        tag, element_id = _tag_and_id(new)
        if (tag, element_id) != _tag_and_id(old):
            return None  # another kind of child in this place: the structure changed
        patches.append(Patch(index, tag, element_id, new))
    if len(patches) > max(1, int(len(new_children) * max_share)):
        return None
    return patches
