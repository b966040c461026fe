"""The article as table rows, and back: the one place that knows which field lives in which column.

A `Rows` value is what the tables of a project file hold, in plain tuples that compare cheaply.
Saving compares the rows of the article being saved with the rows last read or written and touches
only what differs, which keeps a one-word change on a long article to one UPDATE.

Reading validates everything (types, kinds, the section tree, that every photo named is stored)
and raises MalformedError with a reason; the caller turns that into ProjectDamagedError naming the
file. Photo bytes are not read here: `read_blob` checks them against their digest whenever a photo
is read (see stored_photos.py).
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from newsdesk.errors import ImportFormatError
from newsdesk.model.article import (
    CROP_RATIOS,
    IMAGE_ROLES,
    ROTATIONS,
    SECTION_KINDS,
    Article,
    Image,
    PhotoSource,
    RelatedLink,
    RelatedLinks,
    Section,
    is_photo_source,
)
from newsdesk.model.serialize import article_from_dict, article_to_dict
from newsdesk.store.schema import ARTICLE_TEXT_COLUMNS, IMAGE_TEXT_COLUMNS

SECTION_COLUMNS = ("parent_id", "position", "heading", "kind", "markdown", "label")
IMAGE_COLUMNS = (
    "position",
    "role",
    "digest",
    "filename",
    "width",
    "height",
    "caption",
    "alt",
    "credit",
    "copyright",
    "symbolic",
    "disclaimer",
    "rotation",
    "crop",
    "focal_x",
    "focal_y",
)
LINK_COLUMNS = ("title", "url")
PROPERTY_COLUMNS = ("value",)
MAX_PROPERTY_KEY_CHARS = 200
ARTICLE_COLUMNS = (*ARTICLE_TEXT_COLUMNS, "tags", "related_heading")

_DIGEST = re.compile(r"[0-9a-f]{64}")


class MalformedError(ValueError):
    """The rows of a file do not describe a valid article (the file is damaged)."""


@dataclass(eq=True)
class Rows:
    """The content tables of a project file: article row, sections, images, related links.

    Keys are the primary keys (section id, image id, link position); values are the remaining
    columns in the order of SECTION_COLUMNS / IMAGE_COLUMNS / LINK_COLUMNS.
    """

    article: tuple[Any, ...] | None = None
    sections: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    images: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    links: dict[int, tuple[Any, ...]] = field(default_factory=dict)
    properties: dict[str, tuple[Any, ...]] = field(default_factory=dict)

    def image_digests(self) -> set[str]:
        return {row[2] for row in self.images.values() if row[2] is not None}


def digest_of_bytes(data: bytes) -> str:
    import hashlib  # here: opening an article needs no digest, and OpenSSL's import is ~3 ms

    return hashlib.sha256(data).hexdigest()


# --- article -> rows -----------------------------------------------------------------------------


def check_article(article: Article) -> None:
    """Refuse (ValueError) what the file could not hold or a later load would call damaged."""
    for name in ARTICLE_TEXT_COLUMNS:
        _need_text(getattr(article, name), name)
    if not isinstance(article.tags, list) or not all(isinstance(t, str) for t in article.tags):
        raise ValueError("the tags must be a list of texts")
    _need_text(article.related.heading, "the related-links heading")
    section_ids: set[str] = set()
    for section in article.walk_sections():
        if not isinstance(section.id, str) or not section.id:
            raise ValueError("a section has no id")
        if section.id in section_ids:
            raise ValueError(f"two sections share the id {section.id}")
        section_ids.add(section.id)
        if section.kind not in SECTION_KINDS:
            raise ValueError(f"section {section.id} has the unknown kind {section.kind!r}")
        _need_text(section.heading, f"the heading of section {section.id}")
        _need_text(section.markdown, f"the text of section {section.id}")
        _need_text(section.label, f"the label of section {section.id}")
    image_ids: set[str] = set()
    for image in article.images:
        if not isinstance(image.id, str) or not image.id or image.id in image_ids:
            raise ValueError(f"image id {image.id!r} is missing or used twice")
        image_ids.add(image.id)
        if image.role not in IMAGE_ROLES:
            raise ValueError(f"image {image.id} has the unknown role {image.role!r}")
        photo = image.photo  # never reads a stored photo
        if photo is not None and not isinstance(photo, bytes) and not is_photo_source(photo):
            raise ValueError(f"the data of image {image.id} is not bytes")
        for name in ("width", "height"):
            value = getattr(image, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"the {name} of image {image.id} is not a whole number")
        if not isinstance(image.symbolic, bool):
            raise ValueError(f"the symbolic flag of image {image.id} is not true or false")
        for name in IMAGE_TEXT_COLUMNS:
            _need_text(getattr(image, name), f"the {name} of image {image.id}")
        if isinstance(image.rotation, bool) or image.rotation not in ROTATIONS:
            raise ValueError(f"the rotation of image {image.id} is not a quarter turn")
        if not isinstance(image.crop, str) or image.crop not in CROP_RATIOS:
            raise ValueError(f"image {image.id} has the unknown crop {image.crop!r}")
        for name in ("focal_x", "focal_y"):
            if not _is_fraction(getattr(image, name)):
                raise ValueError(f"the focal point of image {image.id} is not inside the photo")
    for n, link in enumerate(article.related.links):
        _need_text(link.title, f"the title of related link {n + 1}")
        _need_text(link.url, f"the address of related link {n + 1}")
    if not isinstance(article.properties, dict):
        raise ValueError("the article's properties are not a table of texts")
    for key, value in article.properties.items():
        if not isinstance(key, str) or not key or len(key) > MAX_PROPERTY_KEY_CHARS:
            raise ValueError(f"the article property name {key!r} is not valid")
        _need_text(value, f"the article property {key}")


def _is_fraction(value: Any) -> bool:
    """A number from 0 to 1 (what a focal-point coordinate is)."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0 <= value <= 1
    )


def _need_text(value: Any, what: str) -> None:
    if not isinstance(value, str):
        raise ValueError(f"{what} is not text")


def article_to_rows(article: Article) -> Rows:
    """The rows that store `article` (an image's blob is named by `Image.digest`, or None)."""
    rows = Rows()
    rows.article = (
        *(getattr(article, name) for name in ARTICLE_TEXT_COLUMNS),
        json.dumps(article.tags, ensure_ascii=False),
        article.related.heading,
    )

    def add(sections: list[Section], parent_id: str | None) -> None:
        for position, section in enumerate(sections):
            rows.sections[section.id] = (
                parent_id,
                position,
                section.heading,
                section.kind,
                section.markdown,
                section.label,
            )
            add(section.children, section.id)

    add(article.sections, None)
    for position, image in enumerate(article.images):
        rows.images[image.id] = (
            position,
            image.role,
            image.digest,
            image.filename,
            image.width,
            image.height,
            image.caption,
            image.alt,
            image.credit,
            image.copyright,
            int(image.symbolic),
            image.disclaimer,
            int(image.rotation),
            image.crop,
            float(image.focal_x),
            float(image.focal_y),
        )
    for position, link in enumerate(article.related.links):
        rows.links[position] = (link.title, link.url)
    for key, value in article.properties.items():
        rows.properties[key] = (value,)
    return rows


# --- file -> rows --------------------------------------------------------------------------------


def read_rows(conn: sqlite3.Connection) -> Rows:
    """Read and validate the content tables. Raises MalformedError (sqlite3.Error: bad pages)."""
    rows = Rows()
    articles = conn.execute(f"SELECT id, {', '.join(ARTICLE_COLUMNS)} FROM article").fetchall()
    if len(articles) != 1 or articles[0][0] != 1:
        raise MalformedError("the article row is missing")
    values = articles[0][1:]
    for name, value in zip(ARTICLE_COLUMNS, values, strict=True):
        _text(value, f"the article's {name}")
    tags = _json(values[-2], "the tags")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise MalformedError("the tags are not a list of texts")
    rows.article = tuple(values)

    for row in conn.execute(f"SELECT id, {', '.join(SECTION_COLUMNS)} FROM sections"):
        section_id, parent_id, position, heading, kind, markdown, label = row
        _id(section_id, "a section")
        if parent_id is not None:
            _id(parent_id, f"the parent of section {section_id}")
        _int(position, f"the position of section {section_id}")
        _text(heading, f"the heading of section {section_id}")
        _text(markdown, f"the text of section {section_id}")
        _text(label, f"the label of section {section_id}")
        if kind not in SECTION_KINDS:
            raise MalformedError(f"section {section_id} has the unknown kind {kind!r}")
        rows.sections[section_id] = tuple(row[1:])
    _check_tree(rows.sections)

    blob_digests = known_blobs(conn)
    for row in conn.execute(f"SELECT id, {', '.join(IMAGE_COLUMNS)} FROM images"):
        image_id, position, role, digest = row[:4]
        _id(image_id, "an image")
        _int(position, f"the position of image {image_id}")
        if role not in IMAGE_ROLES:
            raise MalformedError(f"image {image_id} has the unknown role {role!r}")
        if digest is not None and digest not in blob_digests:
            raise MalformedError(f"the photo of image {image_id} is missing")
        for name, value in zip(IMAGE_COLUMNS[3:], row[4:], strict=True):
            if name in ("width", "height"):
                _int(value, f"the {name} of image {image_id}")
            elif name == "symbolic":
                if value not in (0, 1) or not isinstance(value, int):
                    raise MalformedError(f"the symbolic flag of image {image_id} is not 0 or 1")
            elif name == "rotation":
                if not isinstance(value, int) or value not in ROTATIONS:
                    raise MalformedError(f"the rotation of image {image_id} is not a quarter turn")
            elif name == "crop":
                if value not in CROP_RATIOS or not isinstance(value, str):
                    raise MalformedError(f"image {image_id} has the unknown crop {value!r}")
            elif name in ("focal_x", "focal_y"):
                if not _is_fraction(value):
                    raise MalformedError(f"the focal point of image {image_id} is not valid")
            else:
                _text(value, f"the {name} of image {image_id}")
        # REAL columns hand back floats, but a file may hold an integer 0 or 1 there.
        rows.images[image_id] = (*row[1:-2], float(row[-2]), float(row[-1]))

    for position, title, url in conn.execute("SELECT position, title, url FROM related_links"):
        _int(position, "the position of a related link")
        _text(title, "the title of a related link")
        _text(url, "the address of a related link")
        rows.links[position] = (title, url)

    for key, value in conn.execute("SELECT key, value FROM properties"):
        if not isinstance(key, str) or not key or len(key) > MAX_PROPERTY_KEY_CHARS:
            raise MalformedError("an article property has no valid name")
        _text(value, f"the article property {key}")
        rows.properties[key] = (value,)
    return rows


def known_blobs(conn: sqlite3.Connection) -> set[str]:
    digests = {row[0] for row in conn.execute("SELECT digest FROM blobs")}
    if not all(isinstance(d, str) and _DIGEST.fullmatch(d) for d in digests):
        raise MalformedError("a stored photo has an invalid key")
    return digests


def has_blob(conn: sqlite3.Connection, digest: str) -> bool:
    return conn.execute("SELECT 1 FROM blobs WHERE digest = ?", (digest,)).fetchone() is not None


def read_blob(conn: sqlite3.Connection, digest: str) -> bytes:
    """The bytes stored under `digest`, checked against it (a flipped bit is caught here)."""
    row = conn.execute("SELECT bytes FROM blobs WHERE digest = ?", (digest,)).fetchone()
    if row is None or not isinstance(row[0], bytes):
        raise MalformedError("a stored photo is missing")
    if digest_of_bytes(row[0]) != digest:
        raise MalformedError("a stored photo does not match its checksum")
    return row[0]


def _check_tree(sections: dict[str, tuple[Any, ...]]) -> None:
    """Every section must hang, through its parents, from the top level (no orphans, no cycles)."""
    children: dict[str | None, list[str]] = {}
    for section_id, row in sections.items():
        children.setdefault(row[0], []).append(section_id)
    reached = 0
    pending: list[str | None] = [None]
    while pending:
        for child in children.get(pending.pop(), ()):
            reached += 1
            pending.append(child)
    if reached != len(sections):
        raise MalformedError("the sections do not form a tree")


def _text(value: Any, what: str) -> None:
    if not isinstance(value, str):
        raise MalformedError(f"{what} is not text")


def _id(value: Any, what: str) -> None:
    if not isinstance(value, str) or not value:
        raise MalformedError(f"{what} has no valid id")


def _int(value: Any, what: str) -> None:
    if not isinstance(value, int) or value < 0:
        raise MalformedError(f"{what} is not a whole number")


def _json(value: str, what: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        raise MalformedError(f"{what} are not valid JSON") from None


# --- rows -> article -----------------------------------------------------------------------------


def rows_to_article(rows: Rows, photo: Callable[[str], PhotoSource]) -> Article:
    """Build the article from validated rows; `photo(digest)` supplies each image's photo (a
    handle that reads the bytes when they are asked for)."""
    assert rows.article is not None
    texts = dict(zip(ARTICLE_COLUMNS, rows.article, strict=True))
    article = Article(**{name: texts[name] for name in ARTICLE_TEXT_COLUMNS})
    article.tags = json.loads(texts["tags"])

    by_id = {
        section_id: Section(
            id=section_id, heading=row[2], kind=row[3], markdown=row[4], label=row[5]
        )
        for section_id, row in rows.sections.items()
    }
    # Siblings in position order; the id breaks ties so that the order never depends on the file.
    for section_id, row in sorted(rows.sections.items(), key=lambda item: (item[1][1], item[0])):
        parent_id = row[0]
        siblings = article.sections if parent_id is None else by_id[parent_id].children
        siblings.append(by_id[section_id])

    for image_id, row in sorted(rows.images.items(), key=lambda item: (item[1][0], item[0])):
        values = dict(zip(IMAGE_COLUMNS, row, strict=True))
        del values["position"]
        digest = values.pop("digest")
        values["symbolic"] = bool(values["symbolic"])
        image = Image(id=image_id, **values)
        if digest is not None:
            image.photo = photo(digest)
        article.images.append(image)
    article.related = RelatedLinks(
        heading=texts["related_heading"],
        links=[RelatedLink(title=t, url=u) for _, (t, u) in sorted(rows.links.items())],
    )
    article.properties = {key: row[0] for key, row in sorted(rows.properties.items())}
    return article


# --- revision snapshots --------------------------------------------------------------------------


def encode_snapshot(article: Article, digests: Iterable[str | None]) -> tuple[bytes, int]:
    """The compressed snapshot of `article` and its word count. Image bytes go by digest only."""
    data = article_to_dict(article)
    document = {"article": data, "image_digests": list(digests)}
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8")), data["stats"]["words"]


def decode_snapshot(snapshot: Any, photo: Callable[[str], PhotoSource]) -> Article:
    """The article a snapshot holds, its photos from `photo(digest)`, which raises MalformedError
    for a blob the file lacks. Raises MalformedError."""
    try:
        document = json.loads(zlib.decompress(snapshot).decode("utf-8"))
        article = article_from_dict(document["article"])
        digests = document["image_digests"]
    except (TypeError, KeyError, ValueError, zlib.error, ImportFormatError) as exc:
        raise MalformedError(f"a revision cannot be read ({exc})") from None
    if not isinstance(digests, list) or len(digests) != len(article.images):
        raise MalformedError("a revision lists its photos wrongly")
    for image, digest in zip(article.images, digests, strict=True):
        if digest is not None:
            if not isinstance(digest, str) or not _DIGEST.fullmatch(digest):
                raise MalformedError("a revision lists its photos wrongly")
            image.photo = photo(digest)
    return article
