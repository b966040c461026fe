"""The article: plain dataclasses with stable ids, independent of Qt and of the file format.

An article is what a journalist files: headline fields, an ordered tree of sections whose bodies are
Markdown, the images with everything the press code asks of them, and a related-links list.
Ids are stable for the life of the article (they survive saving, loading, import and export), so the
GUI, the preflight and the file can all point at "this section" or "that image".
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import Literal, Protocol, cast, runtime_checkable

from newsdesk import photo_rules

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
# The presets are photo_rules' (the one place; it imports no model so the window starts light).
ROTATIONS: tuple[int, ...] = photo_rules.ROTATIONS
CROP_RATIOS: tuple[str, ...] = tuple(photo_rules.CROP_PRESETS)


def new_id() -> str:
    """A short random id; 64 bits are plenty for the parts of one article. (os.urandom, not
    uuid4: the uuid module costs the window's start 6 ms of imports.)"""
    return os.urandom(8).hex()


@dataclass
class Section:
    """A part of the article: the untitled lead, a headed section, an opinion piece or a box."""

    heading: str = ""
    kind: str = "body"
    markdown: str = ""
    children: list[Section] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    # The label shown above an opinion section ("Kommentar", "Editorial"); empty: the language's
    # default ("Meinung", "Opinion"). Kept when the kind changes, shown only for opinion sections.
    label: str = ""

    def walk(self) -> Iterator[Section]:
        """This section, then its descendants, depth first in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


@runtime_checkable
class PhotoSource(Protocol):
    """Where a photo's original bytes are kept until someone asks for them (a project file).

    `digest` is the SHA-256 (hex) of those bytes; `read()` returns them, checked against it, and
    raises a NewsdeskError when they cannot be had. The store implements this (StoredPhoto); the
    model only holds it, so that it never depends on the store.
    """

    @property
    def digest(self) -> str: ...

    def read(self) -> bytes: ...


def is_photo_source(value: object) -> bool:
    """Whether `value` is a PhotoSource: `isinstance(value, PhotoSource)` without the cost of a
    runtime protocol check (a save asks for every image)."""
    return hasattr(value, "digest") and callable(getattr(value, "read", None))


class _PhotoBytes:
    """The `data` field of Image: the photo's bytes, read through its PhotoSource when it has one.

    A descriptor, so that `Image(data=...)`, `image.data` and `image.data = ...` keep meaning the
    bytes while a stored photo stays in its file until asked for. The state lives in the
    instance's __dict__ as `_data` (bytes held in memory, or None), `_source` (a PhotoSource, or
    None) and `_digest` (the remembered SHA-256 of `_data`); at most one of `_data` and `_source`
    is set.
    """

    def __get__(self, image: Image | None, owner: type | None = None) -> bytes | None:
        if image is None:
            return None  # the field's default: dataclasses asks the class
        state = image.__dict__
        source = state.get("_source")
        if source is not None:
            return source.read()
        return state.get("_data")

    def __set__(self, image: Image, value: bytes | None) -> None:
        state = image.__dict__
        state["_data"] = value
        state["_source"] = None
        state["_digest"] = None


@dataclass
class Image:
    """A photo with caption, credit and the disclaimer German press practice asks for symbol images.

    `data` is the original bytes exactly as the journalist supplied them (None while the photo is
    still missing, e.g. right after importing a text that only names the photographer). Derived,
    metadata-free web sizes are made from it at export time.

    An image loaded from a project file does not hold its bytes: it holds a PhotoSource, and
    reading `data` reads (and checks) them from the file each time, keeping nothing, which may
    raise a NewsdeskError when the file lost them. Ask `has_photo` and `digest` when that is all
    you need: they never read the photo. Assigning `data` (bytes or None) replaces the photo and
    lets go of the source; `photo` hands out and takes back whichever of the two the image holds.

    `rotation`, `crop` and the focal point describe how the photo is shown; they never change
    `data` (the original is kept). `focal_x`/`focal_y` are fractions (0..1) of the rotated,
    uncropped picture: the point every crop (the preset and the social-media crop) keeps in view.
    `width`/`height` stay the size of the original as displayed (EXIF orientation applied).

    Two images are equal when all their fields are; their photos are compared by digest when
    either is kept in a file (no photo is read for that), by bytes otherwise. Copies (copy.copy,
    copy.deepcopy) share the PhotoSource, which names bytes that never change.
    """

    role: str = "lead"
    data: bytes | None = _PhotoBytes()  # type: ignore[assignment]
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
    def has_photo(self) -> bool:
        """True when the image has its photo (in memory or in a file); never reads it."""
        state = self.__dict__
        return state.get("_source") is not None or state.get("_data") is not None

    @property
    def digest(self) -> str | None:
        """SHA-256 of the original bytes: the key under which the project file stores them once.

        A stored photo's digest comes from its source, without reading the photo. Bytes held in
        memory are hashed once and the result remembered until `data` is assigned again (even
        equal bytes): thumbnails, the preview and the outline ask on every refresh, and hashing a
        10 MB photo each time made the window stall.
        """
        state = self.__dict__
        source = state.get("_source")
        if source is not None:
            return source.digest
        data = state.get("_data")
        if data is None:
            return None
        digest = state.get("_digest")
        if digest is None:
            import hashlib  # here: OpenSSL's ~3 ms are not needed to open an article

            digest = hashlib.sha256(data).hexdigest()
            state["_digest"] = digest
        return digest

    @property
    def photo(self) -> bytes | PhotoSource | None:
        """The photo as this image holds it: bytes, the PhotoSource it is read from, or None.

        Assigning one of these back restores exactly that state without reading anything, which
        is how an undo step can keep a stored photo, and how the store hands out stored photos.
        """
        state = self.__dict__
        source = state.get("_source")
        return source if source is not None else state.get("_data")

    @photo.setter
    def photo(self, value: bytes | PhotoSource | None) -> None:
        if value is not None and not isinstance(value, bytes) and is_photo_source(value):
            state = self.__dict__
            state["_data"] = None
            state["_source"] = value
            state["_digest"] = None
        else:
            # Not a PhotoSource: bytes or None, which the `data` setter checks.
            self.data = cast("bytes | None", value)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Image)
        return _compared_fields(self) == _compared_fields(other) and self._same_photo(other)

    def _same_photo(self, other: Image) -> bool:
        mine, theirs = self.__dict__.get("_source"), other.__dict__.get("_source")
        if mine is None and theirs is None:
            return self.__dict__.get("_data") == other.__dict__.get("_data")
        if mine is not None and mine is theirs:
            return True
        return self.has_photo and other.has_photo and self.digest == other.digest

    def __repr__(self) -> str:
        parts = []
        for each in fields(self):
            if not each.repr:
                continue
            source = self.__dict__.get("_source")
            if each.name == "data" and source is not None:
                parts.append(f"data=<stored photo {source.digest[:12]}>")
            else:
                parts.append(f"{each.name}={getattr(self, each.name)!r}")
        return f"{type(self).__qualname__}({', '.join(parts)})"


# Every field Image.__eq__ compares directly; `data` is compared by Image._same_photo.
_COMPARED_IMAGE_FIELDS: tuple[str, ...] = tuple(
    each.name for each in fields(Image) if each.compare and each.name != "data"
)


def _compared_fields(image: Image) -> tuple:
    return tuple(getattr(image, name) for name in _COMPARED_IMAGE_FIELDS)


@dataclass
class RelatedLink:
    """One entry of the related-links list: its title and address."""

    title: str = ""
    url: str = ""


@dataclass
class RelatedLinks:
    """The closing list of further reading ("Lesen Sie auch", "You might also like")."""

    heading: str = ""
    links: list[RelatedLink] = field(default_factory=list)


@dataclass
class Article:
    """The whole article: headline, metadata, sections, photos and related links."""

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
    # Named values features keep with the article without a new column each (the chosen
    # publication profile, ...): key -> text (JSON where a feature needs structure). Keys this
    # version does not know are kept as they were read, so a newer Newsdesk's values survive.
    properties: dict[str, str] = field(default_factory=dict)

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
