"""The article: plain dataclasses with stable ids, independent of Qt and of the file format.

An article is what a journalist files: headline fields, an ordered tree of sections whose bodies are
Markdown, the images with everything the press code asks of them, and a related-links list.
Ids are stable for the life of the article (they survive saving, loading, import and export), so the
GUI, the preflight and the file can all point at "this section" or "that image".
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

SectionKind = Literal["body", "opinion", "box"]
SECTION_KINDS: tuple[str, ...] = ("body", "opinion", "box")

# The article's one-line text fields, in the order they are shown and stored.
ARTICLE_TEXT_FIELDS: tuple[str, ...] = (
    "headline",
    "subheadline",
    "kicker",
    "byline",
    "dateline",
    "language",
    "published",
    "slug",
    "description",
)

ImageRole = Literal["lead", "inline"]
IMAGE_ROLES: tuple[str, ...] = ("lead", "inline")

# How a photo is shown, without ever changing its original bytes: quarter turns clockwise (after
# the camera's EXIF orientation) and an aspect-ratio preset ("" = uncropped) around the focal point.
ROTATIONS: tuple[int, ...] = (0, 90, 180, 270)
CROP_RATIOS: tuple[str, ...] = ("", "16:9", "4:3", "3:2", "1:1")


def new_id() -> str:
    """A short random id; 64 bits are plenty for the parts of one article."""
    return uuid.uuid4().hex[:16]


@dataclass
class Section:
    """A part of the article: the untitled lead, a headed section, an opinion piece or a box."""

    heading: str = ""
    kind: str = "body"
    markdown: str = ""
    children: list[Section] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def walk(self) -> Iterator[Section]:
        """This section, then its descendants, depth first in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Image:
    """A photo with caption, credit and the disclaimer German press practice asks for symbol images.

    `data` holds the original bytes exactly as the journalist supplied them (None while the photo is
    still missing, e.g. right after importing a text that only names the photographer). Derived,
    metadata-free web sizes are made from it at export time.

    `rotation`, `crop` and the focal point describe how the photo is shown; they never change
    `data` (the original is kept). `focal_x`/`focal_y` are fractions (0..1) of the rotated,
    uncropped picture: the point every crop (the preset and the social-media crop) keeps in view.
    `width`/`height` stay the size of the original as displayed (EXIF orientation applied).
    """

    role: str = "lead"
    data: bytes | None = None
    filename: str = ""
    width: int = 0
    height: int = 0
    caption: str = ""
    alt: str = ""
    credit: str = ""
    copyright: str = ""
    symbolic: bool = False
    disclaimer: str = ""
    rotation: int = 0
    crop: str = ""
    focal_x: float = 0.5
    focal_y: float = 0.5
    id: str = field(default_factory=new_id)

    @property
    def digest(self) -> str | None:
        """SHA-256 of the original bytes: the key under which the project file stores them once.

        Remembered with the bytes object it was computed from: thumbnails, the preview and the
        outline ask for it on every refresh, and hashing a 10 MB photo each time made the window
        stall. Assigning new bytes (even equal ones) computes it afresh.
        """
        if self.data is None:
            return None
        remembered = self.__dict__.get("_digest_of")
        if remembered is not None and remembered[0] is self.data:
            return remembered[1]
        digest = hashlib.sha256(self.data).hexdigest()
        self.adopt_digest(digest)
        return digest

    def adopt_digest(self, digest: str) -> None:
        """Remember the SHA-256 of the current `data`, computed and checked elsewhere (the store
        verifies every photo against its digest while reading it)."""
        if self.data is not None:
            self.__dict__["_digest_of"] = (self.data, digest)


@dataclass
class RelatedLink:
    title: str = ""
    url: str = ""


@dataclass
class RelatedLinks:
    """The closing list of further reading ("Lesen Sie auch", "You might also like")."""

    heading: str = ""
    links: list[RelatedLink] = field(default_factory=list)


@dataclass
class Article:
    headline: str = ""
    subheadline: str = ""
    kicker: str = ""
    byline: str = ""
    dateline: str = ""
    language: str = "en"
    published: str = ""  # ISO 8601 date or date-time, empty while unpublished
    slug: str = ""
    description: str = ""
    tags: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    related: RelatedLinks = field(default_factory=RelatedLinks)

    def walk_sections(self) -> Iterator[Section]:
        """Every section in reading order, nested ones right after their parent."""
        for section in self.sections:
            yield from section.walk()

    def find_section(self, section_id: str) -> Section | None:
        return next((s for s in self.walk_sections() if s.id == section_id), None)

    def find_parent(self, section_id: str) -> tuple[Section | None, list[Section]] | None:
        """The parent (None for top level) and the sibling list holding the section, or None."""

        def search(parent: Section | None, siblings: list[Section]):
            for section in siblings:
                if section.id == section_id:
                    return parent, siblings
                found = search(section, section.children)
                if found:
                    return found
            return None

        return search(None, self.sections)

    def find_image(self, image_id: str) -> Image | None:
        return next((i for i in self.images if i.id == image_id), None)

    @property
    def lead_image(self) -> Image | None:
        return next((i for i in self.images if i.role == "lead"), None)
