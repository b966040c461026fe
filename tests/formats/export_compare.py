"""Comparing an article with what came back from importing one of its exports: the parts a
format carries, with ids (new on every import) replaced by positions."""

from __future__ import annotations

import re

from newsdesk.model.article import Article

_IMAGE_REFERENCE = re.compile(r"!\[\]\(image:([A-Za-z0-9_-]+)\)")


def _positions(article: Article) -> dict[str, str]:
    return {image.id: f"#{n}" for n, image in enumerate(article.images)}


def section_parts(article: Article, *, nested: bool = True) -> list[tuple]:
    """(heading, kind, markdown with image references by position) of each section."""
    positions = _positions(article)
    sections = article.walk_sections() if nested else iter(article.sections)
    return [
        (
            s.heading,
            s.kind,
            _IMAGE_REFERENCE.sub(lambda m: f"![](image:{positions.get(m[1], '?')})", s.markdown),
        )
        for s in sections
    ]


def image_parts(article: Article, fields: tuple[str, ...]) -> list[tuple]:
    return [tuple(getattr(image, name) for name in fields) for image in article.images]


def link_parts(article: Article) -> tuple[str, list[tuple[str, str]]]:
    links = [(link.title, link.url) for link in article.related.links]
    return article.related.heading, links
