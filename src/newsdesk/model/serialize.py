"""The article as plain data: the shape `newsdesk info --json` prints and the JSON importer reads.

`article_to_dict` never includes image bytes (the dict describes the article; bytes stay in the
project file). `article_from_dict` validates strictly and raises ImportFormatError with a message
that names the offending field, so a script author can fix their JSON.
"""

from __future__ import annotations

import math
from typing import Any

from newsdesk.errors import ImportFormatError
from newsdesk.model.article import (
    ARTICLE_TEXT_FIELDS,
    CROP_RATIOS,
    IMAGE_ROLES,
    ROTATIONS,
    SECTION_KINDS,
    Article,
    Image,
    RelatedLink,
    RelatedLinks,
    Section,
    new_id,
)

FORMAT_VERSION = 1

_IMAGE_TEXT_FIELDS = ("filename", "caption", "alt", "credit", "copyright", "disclaimer")

# Bounds that keep a hostile JSON file from exhausting memory or recursion.
MAX_SECTION_DEPTH = 8
MAX_SECTIONS = 20_000
MAX_IMAGES = 2_000
MAX_LINKS = 1_000
MAX_PROPERTIES = 1_000
MAX_PROPERTY_KEY_CHARS = 200
MAX_SECTION_LABEL_CHARS = 80


def section_to_dict(section: Section) -> dict[str, Any]:
    # Counts are written, not read: opening a file (the window's start) needs no counting module.
    from newsdesk.model.counts import section_counts

    return {
        "id": section.id,
        "heading": section.heading,
        "kind": section.kind,
        "label": section.label,
        "markdown": section.markdown,
        "words": section_counts(section).words,
        "children": [section_to_dict(c) for c in section.children],
    }


def image_to_dict(image: Image) -> dict[str, Any]:
    return {
        "id": image.id,
        "role": image.role,
        "filename": image.filename,
        "width": image.width,
        "height": image.height,
        "caption": image.caption,
        "alt": image.alt,
        "credit": image.credit,
        "copyright": image.copyright,
        "symbolic": image.symbolic,
        "disclaimer": image.disclaimer,
        "rotation": image.rotation,
        "crop": image.crop,
        "focal_x": image.focal_x,
        "focal_y": image.focal_y,
    }


def article_to_dict(article: Article, format_version: int = FORMAT_VERSION) -> dict[str, Any]:
    from newsdesk.model.counts import article_counts

    counts = article_counts(article)
    data: dict[str, Any] = {"format_version": format_version}
    data.update({name: getattr(article, name) for name in ARTICLE_TEXT_FIELDS})
    data["tags"] = list(article.tags)
    data["sections"] = [section_to_dict(s) for s in article.sections]
    data["images"] = [image_to_dict(i) for i in article.images]
    data["related"] = {
        "heading": article.related.heading,
        "links": [{"title": link.title, "url": link.url} for link in article.related.links],
    }
    data["properties"] = dict(article.properties)
    data["stats"] = {"words": counts.words, "characters": counts.characters}
    return data


def invalid_json(detail: str) -> ImportFormatError:
    """The JSON does not have the article's shape; `detail` names the place, for the details."""
    return ImportFormatError(detail, code="import.json_structure", detail=detail)


def _text(data: dict, key: str, where: str, default: str = "") -> str:
    value = data.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise invalid_json(f"{where}.{key} must be text, not {type(value).__name__}")
    return value.replace("\x00", "")


def _object(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise invalid_json(f"{where} must be an object")
    return value


def _list(value: Any, where: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise invalid_json(f"{where} must be a list")
    return value


class _Reader:
    """Turns validated dicts into model objects, keeping ids unique across the whole article."""

    def __init__(self) -> None:
        self.seen_ids: set[str] = set()
        self.section_count = 0

    def unique_id(self, value: Any) -> str:
        candidate = value if isinstance(value, str) and 0 < len(value) <= 64 else new_id()
        while candidate in self.seen_ids:
            candidate = new_id()
        self.seen_ids.add(candidate)
        return candidate

    def section(self, data: Any, where: str, depth: int) -> Section:
        data = _object(data, where)
        if depth > MAX_SECTION_DEPTH:
            raise invalid_json(f"{where}: sections nest deeper than {MAX_SECTION_DEPTH}")
        self.section_count += 1
        if self.section_count > MAX_SECTIONS:
            raise invalid_json(f"more than {MAX_SECTIONS} sections")
        kind = _text(data, "kind", where, "body") or "body"
        if kind not in SECTION_KINDS:
            raise invalid_json(f"{where}.kind must be one of {', '.join(SECTION_KINDS)}")
        children = _list(data.get("children"), f"{where}.children")
        return Section(
            id=self.unique_id(data.get("id")),
            heading=_text(data, "heading", where),
            kind=kind,
            label=_text(data, "label", where)[:MAX_SECTION_LABEL_CHARS],
            markdown=_text(data, "markdown", where),
            children=[
                self.section(c, f"{where}.children[{n}]", depth + 1) for n, c in enumerate(children)
            ],
        )

    def image(self, data: Any, where: str) -> Image:
        data = _object(data, where)
        role = _text(data, "role", where, "lead") or "lead"
        if role not in IMAGE_ROLES:
            raise invalid_json(f"{where}.role must be one of {', '.join(IMAGE_ROLES)}")
        symbolic = data.get("symbolic", False)
        if not isinstance(symbolic, bool):
            raise invalid_json(f"{where}.symbolic must be true or false")
        # Field names chosen at run time: the dataclass checks them, so the values are Any here.
        dims: dict[str, Any] = {}
        for key in ("width", "height"):
            value = data.get(key, 0) or 0
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise invalid_json(f"{where}.{key} must be a whole number")
            dims[key] = value
        fields: dict[str, Any] = {key: _text(data, key, where) for key in _IMAGE_TEXT_FIELDS}
        image_id = self.unique_id(data.get("id"))
        return Image(
            id=image_id, role=role, symbolic=symbolic, **dims, **fields, **_adjustment(data, where)
        )


def _adjustment(data: dict, where: str) -> dict[str, Any]:
    """Rotation, crop and focal point of an image; absent (older JSON) means the defaults."""
    rotation = data.get("rotation", 0)
    if rotation is None:
        rotation = 0
    if isinstance(rotation, bool) or rotation not in ROTATIONS:
        raise invalid_json(f"{where}.rotation must be one of 0, 90, 180, 270")
    crop = _text(data, "crop", where)
    if crop not in CROP_RATIOS:
        presets = ", ".join(repr(r) for r in CROP_RATIOS)
        raise invalid_json(f"{where}.crop must be one of {presets}")
    focal = {}
    for key in ("focal_x", "focal_y"):
        value = data.get(key, 0.5)
        if value is None:
            value = 0.5
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not 0 <= value <= 1
        ):
            raise invalid_json(f"{where}.{key} must be a number from 0 to 1")
        focal[key] = float(value)
    return {"rotation": int(rotation), "crop": crop, **focal}


def article_from_dict(data: Any) -> Article:
    """Build an Article from the `info --json` shape. Unknown keys are ignored; wrong types refused.

    Image bytes are not read here (the dict carries none); importers attach them afterwards.
    """
    data = _object(data, "the article")
    version = data.get("format_version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise invalid_json("format_version must be a whole number")
    if version > FORMAT_VERSION:
        raise ImportFormatError(
            f"this JSON uses format version {version}; this Newsdesk reads up to {FORMAT_VERSION}",
            code="import.json_too_new",
            version=version,
            supported=FORMAT_VERSION,
        )
    reader = _Reader()
    texts: dict[str, Any] = {name: _text(data, name, "article") for name in ARTICLE_TEXT_FIELDS}
    article = Article(**texts)
    article.language = article.language or "en"
    tags = _list(data.get("tags"), "tags")
    if not all(isinstance(t, str) for t in tags):
        raise invalid_json("tags must be a list of texts")
    article.tags = [t for t in tags if t.strip()]
    sections = _list(data.get("sections"), "sections")
    article.sections = [reader.section(s, f"sections[{n}]", 1) for n, s in enumerate(sections)]
    images = _list(data.get("images"), "images")
    if len(images) > MAX_IMAGES:
        raise invalid_json(f"more than {MAX_IMAGES} images")
    article.images = [reader.image(i, f"images[{n}]") for n, i in enumerate(images)]
    related = _object(data.get("related") or {}, "related")
    links = _list(related.get("links"), "related.links")
    if len(links) > MAX_LINKS:
        raise invalid_json(f"more than {MAX_LINKS} related links")
    article.related = RelatedLinks(
        heading=_text(related, "heading", "related"),
        links=[
            RelatedLink(
                title=_text(_object(link, f"related.links[{n}]"), "title", f"related.links[{n}]"),
                url=_text(link, "url", f"related.links[{n}]"),
            )
            for n, link in enumerate(links)
        ],
    )
    article.properties = _properties(data.get("properties"))
    return article


def _properties(value: Any) -> dict[str, str]:
    """The article's named values (absent in older JSON: none)."""
    if value is None:
        return {}
    properties = _object(value, "properties")
    if len(properties) > MAX_PROPERTIES:
        raise invalid_json(f"more than {MAX_PROPERTIES} properties")
    for key, text in properties.items():
        if not key or len(key) > MAX_PROPERTY_KEY_CHARS:
            raise invalid_json("a property has no valid name")
        if not isinstance(text, str):
            raise invalid_json(f"properties.{key} must be text")
    return {key: text.replace("\x00", "") for key, text in properties.items()}
