"""The `<head>` of the exported page: charset, viewport, a script-free content security policy,
title, meta description, Open Graph and the JSON-LD block.

Every value is written with html.escape into a quoted attribute or element text; the JSON-LD goes
through `jsonld.json_ld_script`, which escapes what could end its script element.
"""

from __future__ import annotations

from html import escape
from typing import Any

from newsdesk import __version__
from newsdesk.formats.html_figures import PlacedImage
from newsdesk.formats.html_labels import PageLabels, og_locale, published_iso
from newsdesk.formats.jsonld import authors, json_ld_script
from newsdesk.model.article import Article
from newsdesk.model.counts import plain_text

DESCRIPTION_LENGTH = 160
# The page runs no script at all; this makes any that slipped past the sanitiser inert too.
# Images and styles are left alone so that data: URIs and the asset folder both work from file://.
CONTENT_SECURITY_POLICY = (
    "script-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"
)


def page_title(article: Article, labels: PageLabels) -> str:
    return " ".join(article.headline.split()) or labels.untitled


def page_description(article: Article) -> str:
    """The description field, or else the start of the text, cut at a word, for meta and og."""
    text = " ".join(article.description.split())
    if text:
        return text
    for section in article.walk_sections():
        text = " ".join(plain_text(section.markdown).split())
        if text:
            break
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:-–") + "…"


def _meta(attribute: str, key: str, value: str | int) -> str:
    return f'<meta {attribute}="{escape(key)}" content="{escape(str(value))}">'


def render_head(
    article: Article,
    labels: PageLabels,
    *,
    description: str,
    og_image: PlacedImage | None,
    og_image_url: str | None,
    json_ld: dict[str, Any],
) -> str:
    lines = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        _meta("http-equiv", "Content-Security-Policy", CONTENT_SECURITY_POLICY),
        f"<title>{escape(page_title(article, labels))}</title>",
    ]
    if description:
        lines.append(_meta("name", "description", description))
    names = [person["name"] for person in authors(article.byline)]
    if names:
        lines.append(_meta("name", "author", ", ".join(names)))
    tags = [tag.strip() for tag in article.tags if tag.strip()]
    if tags:
        lines.append(_meta("name", "keywords", ", ".join(tags)))
    lines.append(_meta("name", "generator", f"Newsdesk {__version__}"))
    lines += [
        _meta("property", "og:type", "article"),
        _meta("property", "og:title", page_title(article, labels)),
        _meta("property", "og:locale", og_locale(article.language)),
    ]
    if description:
        lines.append(_meta("property", "og:description", description))
    if og_image is not None and og_image_url:
        variant = og_image.og_variant
        lines += [
            _meta("property", "og:image", og_image_url),
            _meta("property", "og:image:type", variant.media_type),
            _meta("property", "og:image:width", variant.width),
            _meta("property", "og:image:height", variant.height),
        ]
        if og_image.image.alt.strip():
            lines.append(_meta("property", "og:image:alt", og_image.image.alt.strip()))
    published = published_iso(article.published)
    if published:
        lines.append(_meta("property", "article:published_time", published))
    lines += [_meta("property", "article:tag", tag) for tag in tags]
    lines.append(json_ld_script(json_ld))
    return "\n".join(lines)
