"""The `<head>` of the exported page: charset, viewport, a script-free content security policy,
title, meta description, canonical link, Open Graph, the Twitter card and the JSON-LD block.

What a crawler can use depends on where the page will live: the canonical link, `og:url`,
`og:site_name`, `article:author` and absolute image addresses come from the article's publication
profile; without one they are left out rather than guessed (`missing_social_data` says what).

Every value is written with html.escape into a quoted attribute or element text; the JSON-LD goes
through `jsonld.json_ld_script`, which escapes what could end its script element.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import Any

from newsdesk import __version__
from newsdesk.formats.bylines import contributors
from newsdesk.formats.html_figures import PlacedImage
from newsdesk.formats.html_labels import PageLabels, og_locale, published_iso, symbol_notice
from newsdesk.formats.jsonld import json_ld_script
from newsdesk.model.article import Article, Image
from newsdesk.model.counts import plain_text
from newsdesk.publication import PublicationProfile

DESCRIPTION_LENGTH = 160
# The page runs no script at all; this makes any that slipped past the sanitiser inert too.
# Images and styles are left alone so that data: URIs and the asset folder both work from file://.
# The one script element, the JSON-LD data block, is named by its hash: it never runs, but the
# Nu checker warns about any inline script the policy does not name, and nothing else matches.
CONTENT_SECURITY_POLICY = (
    "script-src {script}; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"
)


def content_security_policy(json_ld_element: str) -> str:
    """The policy with the JSON-LD block's SHA-256 as the only script source. (A lone surrogate
    from a broken paste is hashed as it is; the export refuses such a page afterwards.)"""
    content = json_ld_element[json_ld_element.index(">") + 1 : json_ld_element.rindex("</script>")]
    data = content.encode("utf-8", "surrogatepass")
    digest = base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")
    return CONTENT_SECURITY_POLICY.format(script=f"'sha256-{digest}'")


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


def image_alt_text(image: Image, labels: PageLabels) -> str:
    """og:image:alt: the alt text, and for a symbol image its notice, so a card never shows an
    illustration as if it were the news."""
    alt = image.alt.strip()
    if not image.symbolic:
        return alt
    notice = symbol_notice(image.disclaimer, labels)
    return f"{alt} ({notice})" if alt else notice


def render_head(
    article: Article,
    labels: PageLabels,
    *,
    description: str,
    og_image: PlacedImage | None,
    og_image_url: str | None,
    json_ld: dict[str, Any],
    profile: PublicationProfile | None = None,
    page_url: str | None = None,
    modified: str | None = None,
) -> str:
    json_ld_element = json_ld_script(json_ld)
    lines = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        _meta("http-equiv", "Content-Security-Policy", content_security_policy(json_ld_element)),
        f"<title>{escape(page_title(article, labels))}</title>",
    ]
    if page_url:
        lines.append(f'<link rel="canonical" href="{escape(page_url)}">')
    if description:
        lines.append(_meta("name", "description", description))
    names = [each.name for each in contributors(article.byline)]
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
    if page_url:
        lines.append(_meta("property", "og:url", page_url))
    if profile is not None and profile.site_name.strip():
        lines.append(_meta("property", "og:site_name", profile.site_name.strip()))
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
        alt = image_alt_text(og_image.image, labels)
        if alt:
            lines.append(_meta("property", "og:image:alt", alt))
    published = published_iso(article.published)
    if published:
        lines.append(_meta("property", "article:published_time", published))
    if modified:
        lines.append(_meta("property", "article:modified_time", modified))
    if profile is not None and profile.author_url:
        lines.append(_meta("property", "article:author", profile.author_url))
    lines += [_meta("property", "article:tag", tag) for tag in tags]
    has_image = og_image is not None and bool(og_image_url)
    lines.append(_meta("name", "twitter:card", "summary_large_image" if has_image else "summary"))
    if profile is not None and profile.twitter_site:
        lines.append(_meta("name", "twitter:site", profile.twitter_site))
    lines.append(json_ld_element)
    return "\n".join(lines)
