"""Gutenberg block markup: the core blocks WordPress's own editor saves, one function each.

Paragraphs, headings, lists, quotes, images (the uploaded media, with a caption that carries the
credit, copyright and the symbol-image notice), tables, separators, groups; attributes serialised
as WordPress serialises them. `top_level_elements` cuts sanitised article HTML into the pieces
that become blocks. article_blocks.py lays the article out with these.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from newsdesk.formats.export_parts import (
    FOOTNOTE_REFERENCE,
    Footnote,
    Table,
    public_field,
)
from newsdesk.formats.html_labels import (
    PageLabels,
    copyright_notice,
)
from newsdesk.formats.markdown_render import new_renderer, render_text_and_figures, sanitize
from newsdesk.model.article import Image

# What an inline image reference becomes before the blocks are made (a comment no sanitised
# Markdown can produce: the renderer strips comments).
IMAGE_SENTINEL = "newsdesk-image:"


class Renderer:
    """The export's Markdown dialect, rendered by a converter of this publish's own: the shared
    one (markdown_render) is not thread-safe, and a publish runs beside the window's preview and
    renders the article in a thread of its own while the photos upload."""

    def __init__(self) -> None:
        self._markdown = new_renderer()

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
        if self._depth == 0 and data.startswith(IMAGE_SENTINEL):
            self.parts.append(("#image", {"id": data[len(IMAGE_SENTINEL) :]}, "", ""))


def top_level_elements(html: str) -> list[tuple[str, dict[str, str | None], str, str]]:
    parser = _TopLevel(html)
    parser.feed(html)
    parser.close()
    return parser.parts
