"""Which top-level sections of the page changed, so the preview can swap just those in place.

Replacing a changed `<section>` in the shown page keeps the reader's scroll position for free
(Chromium's scroll anchoring holds the visible text still) and costs a fraction of loading a
100,000-word page again. A patch is only offered when it gives the very DOM a fresh load would:
the pages' bodies must differ in top-level section elements (`<section>` / `<aside>` children of
the article) and nowhere else, and every changed element must carry an id that occurs once.
Anything else (a new headline, a moved or deleted section, another photo) means a full load.

The `<head>` is left out of the comparison: it changes with every word (the JSON-LD counts them)
and a patch leaves it as it was. Nothing in it that changes is visible (title, meta, JSON-LD;
the stylesheet is always the same); the social-card and search-result previews read the head of
the freshly rendered page, not the shown one. The rest of the page around head and body (the
`<html lang>`) must be the same, or the page is loaded again.

Splitting by tag is sound here because every `<`, in text and attribute values, that the user
typed reaches the page escaped: the only `<section` and `<aside` tags are the exporter's own.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_SECTION_TAG = re.compile(r"<(/?)(?:section|aside)\b[^>]*>")
_ID = re.compile(r'\sid="([^"]+)"')
_HEAD_START = "<head>"
_HEAD_END = "</head>"
_BODY_START = "<body>"
_BODY_END = "</body>"


class Patch(NamedTuple):
    element_id: str
    html: str  # the element's new outer HTML


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
    """The body as [text, element, text, element, ..., text] by top-level section elements.

    None when the tags do not nest (never for the exporter's pages).
    """
    pieces: list[str] = []
    depth = 0
    position = 0  # start of the current piece
    for match in _SECTION_TAG.finditer(body):
        closing = match.group(1) == "/"
        if not closing:
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


def _element_id(element: str) -> str | None:
    opening = element[: element.find(">") + 1]
    match = _ID.search(opening)
    return match.group(1) if match else None


def section_patches(old_html: str, new_html: str, *, max_share: float = 0.5) -> list[Patch] | None:
    """The patches that turn the shown page `old_html` into `new_html`, or None for a full load.

    An empty list means the bodies are the same. More than `max_share` of the elements changed
    is also a full load: at that point loading is as quick and simpler.
    """
    old_page, new_page = split_page(old_html), split_page(new_html)
    if old_page is None or new_page is None or old_page[0] != new_page[0]:
        return None
    old_body, new_body = old_page[1], new_page[1]
    if old_body == new_body:
        return []
    old_pieces, new_pieces = split_top_level(old_body), split_top_level(new_body)
    if old_pieces is None or new_pieces is None or len(old_pieces) != len(new_pieces):
        return None
    patches = []
    for index, (old, new) in enumerate(zip(old_pieces, new_pieces, strict=True)):
        if old == new:
            continue
        if index % 2 == 0:  # text between the sections: header, figures, related links
            return None
        element_id = _element_id(old)
        if element_id is None or element_id != _element_id(new):
            return None
        if new_body.count(f'id="{element_id}"') != 1:
            return None
        patches.append(Patch(element_id, new))
    elements = len(new_pieces) // 2
    if len(patches) > max(1, int(elements * max_share)):
        return None
    return patches
