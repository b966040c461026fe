"""The article model: plain Python, no Qt. Counts, preflight and edit commands live here too."""

from newsdesk.model.article import (
    ARTICLE_TEXT_FIELDS,
    IMAGE_ROLES,
    SECTION_KINDS,
    Article,
    Image,
    RelatedLink,
    RelatedLinks,
    Section,
    new_id,
)

__all__ = [
    "ARTICLE_TEXT_FIELDS",
    "IMAGE_ROLES",
    "SECTION_KINDS",
    "Article",
    "Image",
    "RelatedLink",
    "RelatedLinks",
    "Section",
    "new_id",
]
