"""Agency text: the article as the plain text a wire service or a partner paper takes in.

    Headline
    Subheadline
    By NAME / Von NAME            (when the byline reads as a name)
    << photo by NAME >>           (the lead photo's credit)
    Disclaimer line               (a symbol image's notice)
    Lead paragraph(s)
    Heading
    Paragraph(s)                  (inline photos: their marker and notice where they stand)
    Closing line:
    - Link title https://...

This is the shape `newsdesk import` reads (formats.text_import), so importing the text gives back
the article's text parts: import(export(a)) == a for headline, subheadline, byline, sections
(heading, opinion kind by its prefix, paragraphs), the photos' credits and notices and the related
links. Nesting, boxes, emphasis and links in the text do not travel: plain text has no way to say
them. Blocks are separated by a blank line; with a line width, paragraphs are wrapped to it (the
importer recognises wrapped text up to 100 characters wide); photo markers and related links stay
one line each.

`agency_text(article)` returns the text (Edit > Copy Article uses it); `export_agency_text` writes
it atomically as UTF-8.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from newsdesk.errors import ExportError
from newsdesk.formats.export_parts import (
    FOOTNOTE_REFERENCE,
    Table,
    body_pieces,
    inline_text,
    public_field,
)
from newsdesk.formats.html_labels import labels_for
from newsdesk.formats.markdown_blocks import (
    HEADING,
    IMAGE,
    ITEM,
    LINE_BREAK,
    Block,
    allowed_href,
)
from newsdesk.formats.output_files import write_output
from newsdesk.formats.text_import import opinion_heading_line
from newsdesk.model.article import Article, Image, Section

MIN_WIDTH, MAX_WIDTH = 30, 100
# The importer's byline pattern (formats.text_import._BYLINE): only such a name is written as one.
_NAME = re.compile(r"^[A-ZÄÖÜ][\w'.-]*(?:\s+(?:und|and|&|[A-ZÄÖÜ][\w'.-]*|von|van|de)){0,6}$")


def _byline_line(article: Article) -> str:
    byline = article.byline.strip()
    if re.match(r"^(?:Von|By)\s", byline):
        byline = byline.split(None, 1)[1]  # "Von Jana Korte": the importer keeps the name only
    if not byline or not _NAME.match(byline):
        return ""
    return f"{'Von' if labels_for(article.language).language == 'de' else 'By'} {byline}"


def _photo_lines(image: Image) -> list[str]:
    credit = public_field(image.credit).strip()
    lines = [f"<< photo by {credit} >>" if credit else "<< photo >>"]
    notice = inline_text(image.disclaimer) if image.symbolic or image.disclaimer else ""
    if notice:
        lines.append(notice)
    return lines


def _run_text(block: Block) -> str:
    """The block's text, with each link's address after it (plain text cannot hide it)."""
    parts = []
    for run in block.runs:
        parts.append(run.text)
        if run.href and run.href.removeprefix("mailto:") not in run.text:
            parts.append(f" ({run.href})")
    # A hard line break reads as a space: a new line would start a new paragraph on import.
    text = "".join(parts).replace(LINE_BREAK, " ")
    return FOOTNOTE_REFERENCE.sub(r"[\g<label>]", text)


def _block_lines(block: Block, images: dict[str, Image]) -> list[str]:
    if block.kind == IMAGE:
        image = images.get(block.image_id)
        return _photo_lines(image) if image is not None else []
    text = _run_text(block)
    if block.kind == ITEM:
        # Not "- ": the importer reads a closing run of "- " lines as the related links.
        indent = "  " * (block.depth - 1)
        return [f"{indent}{'1.' if block.numbered else '–'} {text}"]
    if block.kind == HEADING:
        return [text]
    return [text]


def _table_lines(table: Table) -> list[str]:
    rows = [table.header, *table.rows]
    lines = [" | ".join(inline_text(cell) for cell in row) for row in rows]
    return [*lines, table.caption] if table.caption else lines


def _section_units(
    section: Section, images: dict[str, Image], opinion_label: str
) -> list[list[str]]:
    """Each unit is a group of lines written together (a paragraph, a list, a photo block).
    An opinion section's heading carries its label ("Kommentar: ..."), as the importer reads it."""
    units: list[list[str]] = []
    heading = opinion_heading_line(section, opinion_label)
    if heading:
        units.append([heading])
    pieces, notes = body_pieces(section.markdown)
    previous_item = False
    for piece in pieces:
        if isinstance(piece, Table):
            units.append(_table_lines(piece))
            previous_item = False
            continue
        lines = _block_lines(piece, images)
        if not lines:
            continue
        if piece.kind == ITEM and previous_item:
            units[-1].extend(lines)
        else:
            units.append(lines)
        previous_item = piece.kind == ITEM
    if notes:
        units.append([f"[{note.label}] {inline_text(note.text)}" for note in notes])
    for child in section.children:
        units.extend(_section_units(child, images, opinion_label))
    return units


def _related_units(article: Article) -> list[list[str]]:
    links = [link for link in article.related.links if link.title.strip() or link.url.strip()]
    if not links:
        return []
    heading = article.related.heading.strip() or labels_for(article.language).related
    items = []
    for link in links:
        url = link.url.strip() if allowed_href(link.url.strip()) else ""  # no javascript:
        items.append(f"- {' '.join(p for p in (link.title.strip(), url) if p)}")
    return [[f"{heading}:", *items]]


def agency_text(article: Article, *, width: int | None = None) -> str:
    """The article as agency text (see the module docstring); `width` wraps paragraphs."""
    if width is not None and not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ExportError(
            f"the line width must be between {MIN_WIDTH} and {MAX_WIDTH} characters",
            code="export.line_width",
            minimum=MIN_WIDTH,
            maximum=MAX_WIDTH,
        )
    images = {image.id: image for image in article.images}
    units: list[list[str]] = [[article.headline.strip() or labels_for(article.language).untitled]]
    for line in (article.subheadline.strip(), _byline_line(article)):
        if line:
            units.append([line])
    lead = article.lead_image
    if lead is not None:
        units.append(_photo_lines(lead))
    for section in article.sections:
        units.extend(_section_units(section, images, labels_for(article.language).opinion))
    units.extend(_related_units(article))
    return "\n\n".join("\n".join(_wrapped(unit, width)) for unit in units) + "\n"


def _wrapped(lines: list[str], width: int | None) -> list[str]:
    if width is None:
        return lines
    wrapped: list[str] = []
    for line in lines:
        if line.startswith(("<<", "- ")):
            # A photo marker and a related link stay one line each, however long: the importer
            # joins only lines that fill the width, and a link's address is rarely that kind.
            wrapped.append(line)
            continue
        indent = len(line) - len(line.lstrip())
        wrapped.extend(
            textwrap.wrap(
                line,
                width,
                subsequent_indent=" " * (indent + 2) if line.lstrip()[:1] in "-–1" else "",
                break_long_words=False,
                break_on_hyphens=False,
            )
            or [""]
        )
    return wrapped


def export_agency_text(article: Article, out_path: Path, *, width: int | None = None) -> Path:
    """Write the agency text as UTF-8, atomically; ExportError on any failure."""
    return write_output(Path(out_path), agency_text(article, width=width))
