"""The article as Gutenberg blocks, so that the post stays editable in WordPress's editor.

The kicker, the subheadline and the byline come first, then the lead photo, the sections (a
section's heading, then its body: text, tables, and its source notes), opinion sections and boxes
as group blocks that start with their label, the photos placed nowhere else, and the related links
as a heading and a list, in the order the exported page has them.

Section bodies are rendered by the export's Markdown dialect (formats/markdown_render.py), which
sanitises them; private editor's notes are taken out before (formats/export_parts.py), so they
never reach the site. This module only wraps the top-level elements in block delimiters; anything
it does not know becomes a Custom HTML block, so nothing the page shows is lost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

from newsdesk.formats.export_parts import (
    Table,
    public_markdown,
    split_footnotes,
    split_tables,
)
from newsdesk.formats.html_body import unplaced_images
from newsdesk.formats.html_labels import labels_for, related_heading
from newsdesk.model.article import Article, Section
from newsdesk.model.web_addresses import safe_link_url
from newsdesk.publish.blocks import (
    IMAGE_SENTINEL,
    PlacedMedia,
    Renderer,
    block,
    footnotes_block,
    heading,
    image_block,
    paragraph,
    separator,
    table_block,
    top_level_elements,
    with_note_numbers,
)

# A photo's place in the content until its media id is known (the renderer strips comments, so
# no text of the article can produce one).
_PHOTO_SLOT = "<!--newsdesk-photo-slot:{}-->"
_PHOTO_SLOT_PATTERN = re.compile(r"<!--newsdesk-photo-slot:(?P<id>[^>]*?)-->")
_EMPTY_RUNS = re.compile(r"\n{3,}")

# The blocks of the sections last rendered, by what they depend on: a republish after a small
# change renders only the sections that changed (100,000 words take a second to render). Replaced
# as a whole by each render, so it holds one article's blocks at most.
_last_sections: dict[tuple[object, ...], list[str]] = {}


def _section_key(section: Section) -> tuple[object, ...]:
    """Everything of a section (and its subsections) that its blocks are made from."""
    children = tuple(_section_key(child) for child in section.children)
    return (section.kind, section.label, section.heading, section.markdown, children)


class BlockWriter:
    """Turns one article into block markup, given where each photo lives on the site."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.renderer = Renderer()
        self.labels = labels_for(article.language)
        self.images = {image.id: image for image in article.images}

    def html_blocks(self, html: str) -> list[str]:
        """Blocks for sanitised article HTML (a section body, a quote's inside)."""
        blocks = []
        for tag, attrs, outer, inner in top_level_elements(html):
            if tag == "p":
                blocks.append(block("paragraph", outer))
            elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                blocks.append(heading(inner, int(tag[1])))
            elif tag in ("ul", "ol"):
                attributes: dict[str, object] | None = {"ordered": True} if tag == "ol" else None
                if tag == "ol" and attrs.get("start"):
                    attributes = {"ordered": True, "start": int(attrs["start"] or 1)}
                blocks.append(block("list", outer, attributes))
            elif tag == "blockquote":
                inside = "\n".join(self.html_blocks(inner))
                blocks.append(
                    block("quote", f'<blockquote class="wp-block-quote">{inside}</blockquote>')
                )
            elif tag == "hr":
                blocks.append(separator())
            elif tag == "table":
                blocks.append(block("table", f'<figure class="wp-block-table">{outer}</figure>'))
            elif tag == "figure" and "<table" in inner:
                caption = inner.replace("<figcaption", '<figcaption class="wp-element-caption"', 1)
                blocks.append(block("table", f'<figure class="wp-block-table">{caption}</figure>'))
            elif tag == "#image":
                blocks.extend(self.photo_blocks(attrs.get("id") or ""))
            elif outer.strip():
                blocks.append(block("html", outer))
        return blocks

    def photo_blocks(self, image_id: str) -> list[str]:
        """Where a photo goes: a slot that fill_photos replaces with its image block (or drops)."""
        return [_PHOTO_SLOT.format(image_id)] if image_id in self.images else []

    def body_blocks(self, markdown: str) -> list[str]:
        """A section body without its private notes: text, tables, then its source notes."""
        body, notes = split_footnotes(public_markdown(markdown))
        numbers = {note.label: note.number for note in notes}
        blocks = []
        for piece in split_tables(body):
            if isinstance(piece, Table):
                blocks.append(table_block(piece, numbers, self.renderer))
            else:
                html = self.renderer.body(
                    piece, lambda image_id: f"<!--{IMAGE_SENTINEL}{image_id}-->"
                )
                blocks.extend(self.html_blocks(with_note_numbers(html, numbers)))
        if notes:
            blocks.append(footnotes_block(notes, numbers, self.renderer))
        return blocks

    def section_blocks(self, section: Section, depth: int) -> list[str]:
        blocks: list[str] = []
        if section.kind == "opinion":
            blocks.append(
                paragraph(
                    escape(section.label.strip() or self.labels.opinion, quote=False),
                    "newsdesk-label",
                )
            )
        if section.heading.strip():
            blocks.append(heading(escape(section.heading.strip(), quote=False), min(2 + depth, 6)))
        blocks.extend(self.body_blocks(section.markdown))
        for child in section.children:
            blocks.extend(self.section_blocks(child, depth + 1))
        if section.kind in ("opinion", "box"):
            class_name = f"newsdesk-{section.kind}"
            inside = "\n".join(blocks)
            return [
                block(
                    "group",
                    f'<div class="wp-block-group {class_name}">{inside}</div>',
                    {"className": class_name},
                )
            ]
        return blocks

    def header_blocks(self) -> list[str]:
        article = self.article
        blocks = []
        for text, class_name in (
            (article.kicker, "newsdesk-kicker"),
            (article.subheadline, "newsdesk-subheadline"),
            (article.byline, "newsdesk-byline"),
        ):
            if text.strip():
                blocks.append(paragraph(escape(text.strip(), quote=False), class_name))
        lead = article.lead_image
        if lead is not None:
            blocks.extend(self.photo_blocks(lead.id))
        return blocks

    def related_blocks(self) -> list[str]:
        """The related links as the export shows them: a heading and a list."""
        items = []
        for link in self.article.related.links:
            title, url = link.title.strip(), safe_link_url(link.url)
            if url:
                items.append(f'<li><a href="{escape(url)}">{escape(title or url)}</a></li>')
            elif title:
                items.append(f"<li>{escape(title)}</li>")
        if not items:
            return []
        class_name = "newsdesk-related"
        return [
            heading(escape(related_heading(self.article), quote=False), 2),
            block(
                "list", f'<ul class="{class_name}">{"".join(items)}</ul>', {"className": class_name}
            ),
        ]

    def blocks(self) -> list[str]:
        global _last_sections
        blocks = self.header_blocks()
        # A section's blocks depend on its content, the language's labels and which photo ids
        # exist (a reference to a missing photo makes no slot).
        context = (self.article.language, tuple(sorted(self.images)))
        rendered: dict[tuple[object, ...], list[str]] = {}
        for section in self.article.sections:
            key = (context, _section_key(section))
            found = rendered.get(key) or _last_sections.get(key)
            if found is None:
                found = self.section_blocks(section, 0)
            rendered[key] = found
            blocks.extend(found)
        _last_sections = rendered
        for image in unplaced_images(self.article):  # after the sections, as in the export
            blocks.extend(self.photo_blocks(image.id))
        blocks.extend(self.related_blocks())
        return blocks


def article_template(article: Article) -> str:
    """The post content with a slot where each photo goes: the slow part (the whole article
    through the Markdown renderer), which needs nothing from the site and so can be made while
    the photos upload."""
    return "\n\n".join(BlockWriter(article).blocks())


def fill_photos(template: str, article: Article, media: Mapping[str, PlacedMedia]) -> str:
    """The template's slots replaced by image blocks; a photo without media is left out."""
    labels, renderer = labels_for(article.language), Renderer()
    images = {image.id: image for image in article.images}

    def photo(found: re.Match[str]) -> str:
        image, placed = images.get(found["id"]), media.get(found["id"])
        return image_block(image, placed, labels, renderer) if image and placed else ""

    content = _PHOTO_SLOT_PATTERN.sub(photo, template)
    return _EMPTY_RUNS.sub("\n\n", content).strip("\n")


def article_blocks(article: Article, media: Mapping[str, PlacedMedia]) -> str:
    """The post content: every block of the article, separated by blank lines as WordPress does.

    `media` maps image ids to their uploaded photos; an image without an entry is left out
    (its photo is missing, which `newsdesk check` reports)."""
    return fill_photos(article_template(article), article, media)
