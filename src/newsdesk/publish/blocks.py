"""The article as Gutenberg block markup, so that the post stays editable in WordPress's editor.

Each part becomes the core block WordPress's own editor would have saved for it: paragraphs,
headings, lists, quotes (with their paragraphs as inner blocks), images (the uploaded media, with
a caption that carries the credit, copyright and the symbol-image notice), tables, separators.
Opinion sections and boxes are group blocks that start with their label; the related links are a
heading and a list. The kicker, the subheadline and the byline come first, then the lead photo.

Section bodies are rendered by the export's own Markdown renderer (formats/markdown_render.py),
which already sanitised them and dropped the private editor's notes; this module only wraps its
top-level elements in block delimiters. Anything it does not know becomes a Custom HTML block,
so nothing the page shows is lost.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from newsdesk.formats.export_parts import (
    FOOTNOTE_REFERENCE,
    Footnote,
    Table,
    public_field,
    public_markdown,
    split_footnotes,
)
from newsdesk.formats.export_parts import _split_tables as split_tables
from newsdesk.formats.html_body import unplaced_images
from newsdesk.formats.html_labels import (
    PageLabels,
    copyright_notice,
    labels_for,
    related_heading,
)
from newsdesk.formats.link_rules import safe_link_url
from newsdesk.formats.markdown_render import _new_renderer, render_text_and_figures, sanitize
from newsdesk.model.article import Article, Image, Section

# What an inline image reference becomes before the blocks are made (a comment no sanitised
# Markdown can produce: the renderer strips comments).
_IMAGE_SENTINEL = "newsdesk-image:"


# A photo's place in the content until its media id is known (the renderer strips comments, so
# no text of the article can produce one).
_PHOTO_SLOT = "<!--newsdesk-photo-slot:{}-->"
_PHOTO_SLOT_PATTERN = re.compile(r"<!--newsdesk-photo-slot:(?P<id>[^>]*?)-->")
_EMPTY_RUNS = re.compile(r"\n{3,}")


class Renderer:
    """The export's Markdown dialect, rendered by a converter of this publish's own: the shared
    one (markdown_render) is not thread-safe, and a publish runs beside the window's preview and
    renders the article in a thread of its own while the photos upload."""

    def __init__(self) -> None:
        self._markdown = _new_renderer()

    def _run(self, text: str) -> str:
        self._markdown.reset()
        return sanitize(self._markdown.convert(text))

    def body(self, text: str, image_figure: Callable[[str], str] | None = None) -> str:
        """Safe HTML of a section body, as markdown_render.render_markdown makes it."""
        return render_text_and_figures(text, image_figure, self._run)

    def inline(self, text: str) -> str:
        """Safe HTML of a one-line field, as markdown_render.render_inline makes it."""
        html = self.body(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return html


@dataclass(frozen=True)
class PlacedMedia:
    """A photo in the site's media library: its id and the address WordPress serves it from."""

    media_id: int
    url: str


def block(name: str, html: str, attributes: Mapping[str, object] | None = None) -> str:
    """One block: `<!-- wp:name {attrs} -->html<!-- /wp:name -->` (void when html is None)."""
    opener = f"<!-- wp:{name} {serialize_attributes(attributes)} -->" if attributes else None
    opener = opener or f"<!-- wp:{name} -->"
    return f"{opener}\n{html}\n<!-- /wp:{name} -->"


def serialize_attributes(attributes: Mapping[str, object]) -> str:
    """Block attributes as WordPress's serializer writes them: JSON whose `--`, `<`, `>`, `&`
    and `"` inside strings are escaped, so that the comment delimiter cannot be broken."""
    text = json.dumps(attributes, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("--", "\\u002d\\u002d").replace("<", "\\u003c").replace(">", "\\u003e")
    text = text.replace("&", "\\u0026").replace('\\"', "\\u0022")
    return text


def paragraph(inner_html: str, class_name: str = "") -> str:
    if class_name:
        return block(
            "paragraph", f'<p class="{class_name}">{inner_html}</p>', {"className": class_name}
        )
    return block("paragraph", f"<p>{inner_html}</p>")


def heading(inner_html: str, level: int) -> str:
    level = min(max(level, 1), 6)
    attributes = None if level == 2 else {"level": level}
    return block("heading", f"<h{level}>{inner_html}</h{level}>", attributes)


def separator() -> str:
    return block("separator", '<hr class="wp-block-separator has-alpha-channel-opacity"/>')


def image_caption_html(image: Image, labels: PageLabels, renderer: Renderer) -> str:
    """The visible caption: text, the symbol-image notice, credit and copyright (as the export)."""
    parts = []
    caption, disclaimer = (
        public_field(image.caption).strip(),
        public_field(image.disclaimer).strip(),
    )
    if caption:
        parts.append(renderer.inline(caption))
    if image.symbolic:
        notice = escape(labels.symbolic_image, quote=False)
        if disclaimer:
            notice = f"{notice}: {renderer.inline(disclaimer)}"
        parts.append(notice)
    credit = labels.credit(image.credit)
    if credit:
        parts.append(escape(credit, quote=False))
    notice = copyright_notice(image.copyright)
    if notice:
        parts.append(escape(notice, quote=False))
    return " – ".join(parts)


def image_block(image: Image, media: PlacedMedia, labels: PageLabels, renderer: Renderer) -> str:
    caption = image_caption_html(image, labels, renderer)
    figcaption = f'<figcaption class="wp-element-caption">{caption}</figcaption>' if caption else ""
    class_name = "newsdesk-symbol-image" if image.symbolic else ""
    figure_class = "wp-block-image size-large" + (f" {class_name}" if class_name else "")
    html = (
        f'<figure class="{figure_class}"><img src="{escape(media.url)}" '
        f'alt="{escape(public_field(image.alt))}" class="wp-image-{media.media_id}"/>'
        f"{figcaption}</figure>"
    )
    attributes: dict[str, object] = {
        "id": media.media_id,
        "sizeSlug": "large",
        "linkDestination": "none",
    }
    if class_name:
        attributes["className"] = class_name
    return block("image", html, attributes)


def with_note_numbers(html: str, numbers: Mapping[str, int]) -> str:
    """`[^label]` references as superscript numbers (a label without a definition stays text)."""

    def number(found) -> str:
        n = numbers.get(found["label"])
        return f'<sup class="newsdesk-note-ref">{n}</sup>' if n else found.group(0)

    return FOOTNOTE_REFERENCE.sub(number, html) if "[^" in html else html


def table_block(table: Table, numbers: Mapping[str, int], renderer: Renderer) -> str:
    def cells(row: tuple[str, ...], tag: str) -> str:
        return "".join(
            f"<{tag}>{with_note_numbers(renderer.inline(cell), numbers)}</{tag}>" for cell in row
        )

    head = f"<thead><tr>{cells(table.header, 'th')}</tr></thead>"
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in table.rows)
    caption = ""
    if table.caption.strip():
        caption = (
            f'<figcaption class="wp-element-caption">{renderer.inline(table.caption)}</figcaption>'
        )
    table_html = f"<table>{head}<tbody>{body}</tbody></table>"
    html = f'<figure class="wp-block-table">{table_html}{caption}</figure>'
    return block("table", html)


def footnotes_block(notes: list[Footnote], numbers: Mapping[str, int], renderer: Renderer) -> str:
    items = "".join(
        f"<li>{with_note_numbers(renderer.inline(note.text), numbers)}</li>" for note in notes
    )
    class_name = "newsdesk-notes"
    return block(
        "list", f'<ol class="{class_name}">{items}</ol>', {"ordered": True, "className": class_name}
    )


class _TopLevel(HTMLParser):
    """Splits an HTML fragment into its top-level elements: (tag, attributes, outer, inner)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self._line_starts = [0]
        for n, char in enumerate(source):
            if char == "\n":
                self._line_starts.append(n + 1)
        self.parts: list[tuple[str, dict[str, str | None], str, str]] = []
        self._depth = 0
        self._start = 0
        self._inner_start = 0
        self._tag = ""
        self._attrs: dict[str, str | None] = {}

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr", "img"):
            self.handle_startendtag(tag, attrs)
            return
        if self._depth == 0:
            self._start = self._offset()
            self._inner_start = self._start + len(self.get_starttag_text() or "")
            self._tag, self._attrs = tag, dict(attrs)
        self._depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._depth == 0:
            start = self._offset()
            outer = self.source[start : start + len(self.get_starttag_text() or "")]
            self.parts.append((tag, dict(attrs), outer, ""))

    def handle_endtag(self, tag: str) -> None:
        if self._depth == 0:
            return
        self._depth -= 1
        if self._depth == 0:
            end = self._offset()
            close = self.source.index(">", end) + 1
            self.parts.append(
                (
                    self._tag,
                    self._attrs,
                    self.source[self._start : close],
                    self.source[self._inner_start : end],
                )
            )

    def handle_comment(self, data: str) -> None:
        if self._depth == 0 and data.startswith(_IMAGE_SENTINEL):
            self.parts.append(("#image", {"id": data[len(_IMAGE_SENTINEL) :]}, "", ""))


def top_level_elements(html: str) -> list[tuple[str, dict[str, str | None], str, str]]:
    parser = _TopLevel(html)
    parser.feed(html)
    parser.close()
    return parser.parts


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
                attributes = {"ordered": True} if tag == "ol" else None
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
                    piece, lambda image_id: f"<!--{_IMAGE_SENTINEL}{image_id}-->"
                )
                blocks.extend(self.html_blocks(with_note_numbers(html, numbers)))
        if notes:
            blocks.append(footnotes_block(notes, numbers, self.renderer))
        return blocks

    def section_blocks(self, section: Section, depth: int) -> list[str]:
        blocks: list[str] = []
        if section.kind == "opinion":
            blocks.append(paragraph(escape(self.labels.opinion, quote=False), "newsdesk-label"))
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
        blocks = self.header_blocks()
        for section in self.article.sections:
            blocks.extend(self.section_blocks(section, 0))
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
