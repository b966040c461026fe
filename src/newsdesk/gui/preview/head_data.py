"""What a social network and a search engine take from the page: read from the rendered page's
own `<head>`, so the card and the snippet show exactly what the export publishes.

Also the cuts they make: a search result shows about 60 characters of the title and 160 of the
description, a social card about two lines of each; longer text is cut at a word and ends in an
ellipsis. The figures are typical, not promises: engines measure in pixels and change their minds.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from urllib.parse import unquote

SEARCH_TITLE_CHARS = 60
SEARCH_DESCRIPTION_CHARS = 160
CARD_TITLE_CHARS = 90
CARD_DESCRIPTION_CHARS = 120
CARD_RATIO = 1.91  # width:height of the large link card (1200x630)

# The first figure that shows a photo is the one og:image names (html_export: figures.shown).
_SHOWN_FIGURE = re.compile(r'<figure class="(?![^"]*\bmissing\b)[^"]*" data-image-id="([^"]*)"')
_DATA_URI = re.compile(r"^data:[\w.+/-]+;base64,(.*)$", re.S)


@dataclass(frozen=True)
class HeadData:
    title: str = ""
    description: str = ""
    og_title: str = ""
    og_description: str = ""
    og_image: str = field(default="", repr=False)  # URL; relative in the preview (see image_bytes)
    og_image_alt: str = ""
    og_image_id: str = ""  # the article's image that og:image shows, "" when none
    og_url: str = ""  # the page's own address (a publication's base URL and the slug), or ""


class _HeadReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name")
            if key and key not in self.meta:
                self.meta[key] = values.get("content", "")
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def read_head(html: str) -> HeadData:
    """Title, description and Open Graph fields of a rendered page."""
    end = html.find("</head>")
    reader = _HeadReader()
    # The JSON-LD script is skipped: HTMLParser reads script content as data, not as tags.
    reader.feed(html[: end if end >= 0 else len(html)])
    reader.close()
    meta = reader.meta
    og_image = meta.get("og:image", "")
    figure = _SHOWN_FIGURE.search(html, end if end >= 0 else 0) if og_image else None
    return HeadData(
        title=" ".join(reader.title.split()),
        description=meta.get("description", ""),
        og_title=meta.get("og:title", ""),
        og_description=meta.get("og:description", ""),
        og_image=og_image,
        og_image_alt=meta.get("og:image:alt", ""),
        og_image_id=unescape(figure.group(1)) if figure else "",
        og_url=meta.get("og:url", ""),
    )


def data_uri_bytes(url: str) -> bytes | None:
    """The bytes of a base64 data: URI; None for any other URL (nothing is ever fetched)."""
    match = _DATA_URI.match(url)
    if not match:
        return None
    try:
        return base64.b64decode(match.group(1), validate=True)
    except (binascii.Error, ValueError):
        return None


def image_bytes(url: str, assets: Mapping[str, bytes] | None = None) -> bytes | None:
    """The bytes behind an image URL of the page: a data: URI's, or for a relative URL the
    page's own asset of that name (the preview's photos); None for anything else (nothing is
    ever fetched)."""
    data = data_uri_bytes(url)
    if data is None and assets and ":" not in url and not url.startswith(("/", "//")):
        data = assets.get(unquote(url))
    return data


def truncate(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word and marked with " …" when anything was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if text[limit] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # not in the middle of a word
    return cut.rstrip(" ,;:.-–—") + " …"


def cover_crop(
    width: int, height: int, ratio: float, focal_x: float = 0.5, focal_y: float = 0.5
) -> tuple[int, int, int, int]:
    """(x, y, w, h): the largest `ratio` (w/h) rectangle in the picture, centred on the focal
    point (fractions of width and height) as far as the picture's edges allow."""
    if width <= 0 or height <= 0:
        return 0, 0, max(width, 0), max(height, 0)
    focal_x = min(max(focal_x, 0.0), 1.0)
    focal_y = min(max(focal_y, 0.0), 1.0)
    if width / height > ratio:  # too wide: cut the sides
        crop_w = max(1, round(height * ratio))
        x = round(focal_x * width - crop_w / 2)
        return min(max(x, 0), width - crop_w), 0, crop_w, height
    crop_h = max(1, round(width / ratio))
    y = round(focal_y * height - crop_h / 2)
    return 0, min(max(y, 0), height - crop_h), width, crop_h
