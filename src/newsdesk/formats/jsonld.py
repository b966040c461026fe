"""The schema.org JSON-LD block of the exported page, built as data and serialised so that no
field, whatever the journalist typed, can end the `<script>` element it sits in.

Type: an article whose every top-level section with content is an opinion piece (a commentary,
an editorial on its own) is an `OpinionNewsArticle`. A news report that carries an editorial
section, as newsrooms often do, stays a `NewsArticle` and names each opinion section as a part
(`hasPart` -> `OpinionNewsArticle` with its heading and page anchor), so that search engines can
tell reporting from comment without the report being mislabelled as opinion as a whole.
"""

from __future__ import annotations

import json
import re
from typing import Any

from newsdesk.formats.bylines import authors_json_ld
from newsdesk.formats.html_labels import (
    PageLabels,
    copyright_notice,
    html_lang,
    published_iso,
    symbol_notice,
)
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.counts import article_counts
from newsdesk.publication import PublicationProfile

# Characters that could end or confuse the surrounding <script> element, or that older JavaScript
# parsers read as line ends. JSON allows all of them to be written as \u escapes inside strings,
# and outside strings JSON never contains them.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                  "\u2029": "\\u2029"}  # fmt: skip
# Code points that make an HTML page invalid ("invalid-codepoint"): controls other than
# whitespace, and the Unicode noncharacters. The exporter drops them from text it shows.
NOT_IN_HTML = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
    )
    + "]"
)


def section_anchor(section: Section) -> str:
    """The page's id for a section: derived from its stable id, restricted to safe characters."""
    return "section-" + re.sub(r"[^A-Za-z0-9_-]", "-", section.id)


def json_ld_script(data: dict[str, Any]) -> str:
    """A complete `<script type="application/ld+json">` element for the data."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    for unsafe, escaped in _SCRIPT_UNSAFE.items():
        text = text.replace(unsafe, escaped)
    # Code points HTML forbids in a page (C1 controls, noncharacters) stay in the data, escaped.
    text = NOT_IN_HTML.sub(lambda m: json.dumps(m.group())[1:-1], text)
    # No line break at either end: the Nu checker hashes the block without them, browsers with
    # them, so the page's content security policy could name it for only one of the two.
    return f'<script type="application/ld+json">{text}</script>'


def _has_content(section: Section) -> bool:
    return bool(section.heading.strip() or section.markdown.strip() or section.children)


def is_opinion_piece(article: Article) -> bool:
    """True when every top-level section with content (boxes aside) is an opinion section."""
    kinds = [s.kind for s in article.sections if _has_content(s) and s.kind != "box"]
    return bool(kinds) and all(kind == "opinion" for kind in kinds)


def image_object(
    image: Image, url: str | None, width: int, height: int, labels: PageLabels
) -> dict[str, Any]:
    """The ImageObject of a shown photo; a symbol image's notice is part of its caption, so that
    a search result or card built from the data says what the page says."""
    data: dict[str, Any] = {"@type": "ImageObject"}
    if url:
        data["url"] = url
        data["contentUrl"] = url
    if width and height:
        data["width"] = width
        data["height"] = height
    caption = image.caption.strip()
    if image.symbolic:
        notice = symbol_notice(image.disclaimer, labels)
        caption = f"{caption} ({notice})" if caption else notice
    optional = {
        "caption": caption,
        "creditText": image.credit.strip(),
        "copyrightNotice": copyright_notice(image.copyright),
        "description": image.disclaimer.strip(),
    }
    data.update({key: value for key, value in optional.items() if value})
    return data


def article_json_ld(
    article: Article,
    *,
    description: str,
    images: list[dict[str, Any]],
    profile: PublicationProfile | None = None,
    page_url: str | None = None,
    modified: str | None = None,
) -> dict[str, Any]:
    """The NewsArticle (or OpinionNewsArticle) description of the page, as plain data.

    With a publication `profile`: the page's canonical `url`, the `publisher` and the author's
    profile page; `modified` (ISO 8601, the article's last change) gives `dateModified`."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "OpinionNewsArticle" if is_opinion_piece(article) else "NewsArticle",
        "headline": article.headline.strip(),
    }
    if article.subheadline.strip():
        data["alternativeHeadline"] = article.subheadline.strip()
    if description:
        data["description"] = description
    people = authors_json_ld(article.byline, profile.author_url if profile else "")
    if people:
        data["author"] = people if len(people) > 1 else people[0]
    published = published_iso(article.published)
    if published:
        data["datePublished"] = published
    if modified:
        data["dateModified"] = modified
    if page_url:
        data["url"] = page_url
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": page_url}
    publisher = publisher_object(profile)
    if publisher:
        data["publisher"] = publisher
    if article.dateline.strip():
        data["locationCreated"] = {"@type": "Place", "name": article.dateline.strip()}
    data["inLanguage"] = html_lang(article.language)
    data["wordCount"] = article_counts(article).words
    tags = [tag.strip() for tag in article.tags if tag.strip()]
    if tags:
        data["keywords"] = tags
    if images:
        data["image"] = images if len(images) > 1 else images[0]
    if data["@type"] == "NewsArticle":
        parts = [
            {
                "@type": "OpinionNewsArticle",
                "@id": "#" + section_anchor(section),
                "headline": section.heading.strip(),
            }
            for section in article.walk_sections()
            if section.kind == "opinion" and _has_content(section)
        ]
        if parts:
            data["hasPart"] = parts
    return data


def publisher_object(profile: PublicationProfile | None) -> dict[str, Any] | None:
    """The publishing organisation of a profile (its publisher, else its site), with its logo."""
    if profile is None:
        return None
    name = profile.publisher_name.strip() or profile.site_name.strip()
    if not name:
        return None
    data: dict[str, Any] = {"@type": "Organization", "name": name}
    if profile.base_url:
        data["url"] = profile.base_url
    if profile.publisher_logo_url:
        data["logo"] = {"@type": "ImageObject", "url": profile.publisher_logo_url}
    return data
