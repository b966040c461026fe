"""The `<body>` of the exported page: one `<article>` in the order a newspaper prints it.

    header (kicker, h1 headline, subheadline, byline · dateline · time)
    lead figure
    sections: <section> with an h2 (h3 for nested ones); opinion sections carry a visible label
              and class/data/aria marking; boxes are <aside class="box">
    figures of images the text does not place
    related links: <aside class="related"> with its heading and a list

User text is escaped, section bodies go through the one Markdown dialect (sanitised by nh3), and
links in the related list are only made for http and https URLs.
"""

from __future__ import annotations

import re
from html import escape

from newsdesk.formats.html_figures import FigureRenderer
from newsdesk.formats.html_labels import (
    PageLabels,
    parse_published,
    published_iso,
)
from newsdesk.formats.jsonld import section_anchor
from newsdesk.formats.markdown_render import render_markdown
from newsdesk.formats.render_cache import RenderCache
from newsdesk.model.article import SECTION_KINDS, Article, Image, Section
from newsdesk.model.article_language import related_heading
from newsdesk.model.markdown_text import image_reference_ids
from newsdesk.model.web_addresses import safe_link_url

_MAX_HEADING_LEVEL = 6
# Headings in a rendered body: sanitised HTML of our own, where "<h" starts nothing but a tag.
_BODY_HEADING = re.compile(r"<(/?)h([1-6])>")


def _text(tag: str, css_class: str, text: str) -> str:
    return f'<{tag} class="{css_class}">{escape(text)}</{tag}>' if text.strip() else ""


def render_header(article: Article, labels: PageLabels) -> str:
    meta = [
        _text("span", "byline", article.byline.strip()),
        _text("span", "dateline", article.dateline.strip()),
    ]
    published = parse_published(article.published)
    if published:
        moment, has_time = published
        shown = escape(labels.date(moment, has_time))
        iso = escape(published_iso(article.published) or "")
        meta.append(f'<time datetime="{iso}">{shown}</time>')
    elif article.published.strip():
        meta.append(_text("span", "published", article.published.strip()))
    meta = [m for m in meta if m]
    lines = [
        '<header class="article-header">',
        _text("p", "kicker", article.kicker.strip()),
        f"<h1>{escape(article.headline.strip() or labels.untitled)}</h1>",
        _text("p", "subheadline", article.subheadline.strip()),
        f'<p class="article-meta">{" ".join(meta)}</p>' if meta else "",
        "</header>",
    ]
    return "\n".join(line for line in lines if line)


def renumber_headings(html: str, parent_level: int) -> str:
    """Subheadings of a body one level below `parent_level` and never skipping a level.

    The editor offers two subheading sizes (### and ####) whatever the section's depth; on the
    page a #### right below a section heading would skip a level, and a ### in a child section
    would sit at the child's own heading level. Each heading takes the level one below the
    nearest heading before it that is bigger in the source, capped at h6.
    """
    open_levels: list[tuple[int, int]] = []  # (source level, page level) of enclosing headings

    def replace(match: re.Match[str]) -> str:
        source = int(match.group(2))
        if match.group(1):
            return f"</h{open_levels[-1][1] if open_levels else source}>"
        while open_levels and open_levels[-1][0] >= source:
            open_levels.pop()
        level = min((open_levels[-1][1] if open_levels else parent_level) + 1, _MAX_HEADING_LEVEL)
        open_levels.append((source, level))
        return f"<h{level}>"

    return _BODY_HEADING.sub(replace, html)


def _is_empty(section: Section) -> bool:
    return not (section.heading.strip() or section.markdown.strip() or section.children)


def render_section(
    section: Section,
    depth: int,
    labels: PageLabels,
    figures: FigureRenderer,
    render_cache: RenderCache | None = None,
    *,
    show_notes: bool = False,
) -> str:
    """A section and its children; depth 1 is top level (heading h2).

    `show_notes` shows private editor's notes highlighted: the window's preview on request only,
    never a page that leaves Newsdesk.

    With a `render_cache` (the live preview) unchanged text is not rendered again; the HTML is the
    same either way.
    """
    if _is_empty(section):
        return ""
    kind = section.kind if section.kind in SECTION_KINDS else "body"
    anchor = section_anchor(section)
    # A <section> without a heading is no section to a screen reader or the HTML checker; the
    # headless lead and unheaded parts are plain <div>s (issue 15).
    tag = "aside" if kind == "box" else ("section" if section.heading.strip() else "div")
    inner = []
    labelled_by = []
    if kind == "opinion":
        # Visible even when the heading says "Editorial:" already: the label is the page's promise.
        # The section's own label ("Kommentar", "Editorial"), else the language's ("Meinung").
        label = section.label.strip() or labels.opinion
        inner.append(f'<p class="section-label" id="{anchor}-label">{escape(label)}</p>')
        labelled_by.append(f"{anchor}-label")
    # The level the body's subheadings sit below: the section's heading, or without one the
    # heading of the section it is in (the headline's h1 at the top).
    level = min(depth + 1, _MAX_HEADING_LEVEL) if section.heading.strip() else depth
    if section.heading.strip():
        inner.append(
            f'<h{level} id="{anchor}-heading">{escape(section.heading.strip())}</h{level}>'
        )
        labelled_by.append(f"{anchor}-heading")
    render = render_cache.markdown if render_cache is not None else render_markdown
    body = render(
        section.markdown, figures.inline_figure, note_prefix=anchor, show_notes=show_notes
    )
    if body:
        inner.append(renumber_headings(body, level))
    for child in section.children:
        child_html = render_section(
            child, level, labels, figures, render_cache, show_notes=show_notes
        )
        if child_html:
            inner.append(child_html)
    classes = f"section {kind}" if kind != "box" else "box"
    named = labelled_by and tag != "div"  # a plain div may not carry a name (ARIA)
    aria = f' aria-labelledby="{" ".join(labelled_by)}"' if named else ""
    opening = (
        f'<{tag} id="{anchor}" class="{classes}" data-kind="{kind}" '
        f'data-section-id="{escape(section.id)}"{aria}>'
    )
    return "\n".join([opening, *inner, f"</{tag}>"])


def referenced_image_ids(article: Article) -> set[str]:
    return {
        image_id
        for section in article.walk_sections()
        for image_id in image_reference_ids(section.markdown)
    }


def unplaced_images(article: Article) -> list[Image]:
    """Images neither the lead nor referenced in the text; shown after the sections, not lost."""
    lead = article.lead_image
    referenced = referenced_image_ids(article)
    return [i for i in article.images if i is not lead and i.id not in referenced]


def render_related(article: Article, labels: PageLabels) -> str:
    items = []
    for link in article.related.links:
        title, url = link.title.strip(), safe_link_url(link.url)
        if url:
            items.append(f'<li><a href="{escape(url)}">{escape(title or url)}</a></li>')
        elif title:
            items.append(f"<li>{escape(title)}</li>")
    if not items:
        return ""
    heading = related_heading(article)
    return "\n".join(
        [
            '<aside class="related" aria-labelledby="related-heading">',
            f'<h2 id="related-heading">{escape(heading)}</h2>',
            "<ul>",
            *items,
            "</ul>",
            "</aside>",
        ]
    )


def render_body(
    article: Article,
    labels: PageLabels,
    figures: FigureRenderer,
    render_cache: RenderCache | None = None,
    *,
    show_notes: bool = False,
) -> str:
    parts = ['<article class="article">', render_header(article, labels)]
    if article.lead_image is not None:
        parts.append(figures.figure(article.lead_image, lead=True))
    parts += [
        render_section(section, 1, labels, figures, render_cache, show_notes=show_notes)
        for section in article.sections
    ]
    parts += [figures.figure(image) for image in unplaced_images(article)]
    parts += [render_related(article, labels), "</article>"]
    return "\n".join(part for part in parts if part)
