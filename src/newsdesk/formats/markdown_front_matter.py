"""Front matter of real-world Markdown (Jekyll, Hugo, Zola, Eleventy): YAML between `---` lines or
TOML between `+++` lines, read into the article's fields and never shown as text.

    title -> headline            subtitle -> subheadline
    description / excerpt / summary -> description
    author / authors (a name, a list, or objects with a name) -> byline
    date (else lastmod / updated) -> published          tags + categories / keywords -> tags
    image / cover / header.image / og_image -> the lead photo's path (handled by the importer)
    lang / language, slug, kicker, dateline -> the fields of the same name

YAML is read with PyYAML's safe loader (no object construction), TOML with Python's tomllib; a
block that does not parse is refused with one line, since its lines would otherwise show as text.
"""

from __future__ import annotations

import datetime
import tomllib

import yaml

from newsdesk.errors import ImportFormatError

MAX_FRONT_MATTER_LINES = 300
_TEXT_FIELDS = {
    "title": "headline", "headline": "headline", "subtitle": "subheadline",
    "subheadline": "subheadline", "description": "description", "excerpt": "description",
    "summary": "description", "lang": "language", "language": "language", "slug": "slug",
    "kicker": "kicker", "dateline": "dateline", "byline": "byline",
}  # fmt: skip
_AUTHOR_KEYS = ("author", "authors", "byline")
_DATE_KEYS = ("date", "published", "pubdate", "publishdate", "lastmod", "updated")
_TAG_KEYS = ("tags", "categories", "keywords")
_IMAGE_KEYS = ("image", "cover", "cover_image", "og_image", "featured_image", "thumbnail")


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name") or value.get("display_name") or ""
        return [str(name)] if name else []
    if isinstance(value, list):
        return [name for item in value[:20] for name in _names(item)]
    return []


def _text(value: object) -> str:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, str | int | float):
        return " ".join(str(value).split())
    return ""


def _image(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("path", "src", "url", "image", "feature", "file"):
            if isinstance(value.get(key), str):
                return value[key]
    return ""


def fields_from(data: dict) -> dict[str, object]:
    """The article fields a parsed front matter gives, plus "image" (a path) when it names one."""
    lowered = {str(k).lower(): v for k, v in data.items()}
    # Zola/Hugo keep author and image under [extra] or [params]
    for nested in ("extra", "params", "header"):
        if isinstance(lowered.get(nested), dict):
            for key, value in lowered[nested].items():
                lowered.setdefault(str(key).lower(), value)
    fields: dict[str, object] = {}
    for key, field in _TEXT_FIELDS.items():
        text = _text(lowered.get(key))
        if text and field not in fields:
            fields[field] = text
    for key in _AUTHOR_KEYS:
        names = [" ".join(n.split()) for n in _names(lowered.get(key)) if n.strip()]
        if names:
            fields["byline"] = ", ".join(names)
            break
    for key in _DATE_KEYS:
        if _text(lowered.get(key)):
            fields["published"] = _text(lowered[key])
            break
    tags: list[str] = []
    for key in _TAG_KEYS:
        value = lowered.get(key)
        items = value.split(",") if isinstance(value, str) else value
        items = items if isinstance(items, list) else []
        tags += [_text(item) for item in items if _text(item) and _text(item) not in tags]
    if tags:
        fields["tags"] = tags[:30]
    for key in _IMAGE_KEYS:
        if _image(lowered.get(key)):
            fields["image"] = _image(lowered[key]).strip()
            break
    return fields


def read_front_matter(lines: list[str]) -> tuple[dict[str, object], list[str]] | None:
    """(fields, the lines after the block) for a YAML or TOML block at the top, else None."""
    if not lines or lines[0].strip() not in ("---", "+++"):
        return None
    fence = lines[0].strip()
    ends = ("---", "...") if fence == "---" else ("+++",)
    window = lines[1:MAX_FRONT_MATTER_LINES]
    end = next((n for n, line in enumerate(window, 1) if line.strip() in ends), 0)
    if not end:
        return None
    source = "\n".join(lines[1:end])
    try:
        data = yaml.safe_load(source) if fence == "---" else tomllib.loads(source)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, RecursionError) as exc:
        what = "YAML" if fence == "---" else "TOML"
        raise ImportFormatError(
            f"the {what} front matter at the top cannot be read: {str(exc).splitlines()[0]}",
            code="import.front_matter",
            kind=what,
        ) from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None  # a "---" rule above the text, not front matter
    return fields_from(data), lines[end + 1 :]
