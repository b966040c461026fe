"""Word (.docx): the article as a document an editor opens in Word or LibreOffice and keeps editing.

Built with python-docx on its default template, using Word's own styles so the document behaves
like one typed by hand: Title (headline), Subtitle (subheadline), Heading 1-3 (sections, nested
sections, subheadings), List Bullet / List Number (nested to three levels), Quote, Caption (photo
captions and table captions), Table Grid (GFM tables). Emphasis, strikethrough and hyperlinks
(real w:hyperlink elements) keep their form. Each photo is its largest web size (turned, cropped,
without camera data, with its IPTC credit unless `photo_credits` is off), followed by its caption,
credit and copyright and, for a symbol image, the notice. Source notes (footnotes) follow their
section as a numbered list; the related links close the document. The document properties carry
title, author, subject, keywords, language and the publication date. Private notes never leave
the project file.

`docx_bytes` returns the file's bytes; `export_docx` writes them atomically.
"""

from __future__ import annotations

import io
from contextlib import suppress
from datetime import UTC
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from newsdesk.derived_cache import DerivedCache
from newsdesk.errors import ExportError, ImageError, PhotoUnavailableError
from newsdesk.formats.export_parts import (
    FOOTNOTE_REFERENCE,
    Footnote,
    Table,
    body_pieces,
    inline_text,
    public_field,
)
from newsdesk.formats.html_figures import web_sizes
from newsdesk.formats.html_labels import copyright_notice, labels_for, parse_published
from newsdesk.formats.markdown_blocks import (
    BOLD,
    HEADING,
    IMAGE,
    ITALIC,
    ITEM,
    STRIKE,
    Block,
    Run,
    allowed_href,
    markdown_to_blocks,
)
from newsdesk.formats.markdown_render import replace_lone_surrogates
from newsdesk.formats.output_files import write_output
from newsdesk.formats.photo_credits import credits_for, with_credits
from newsdesk.imaging import WEB_WIDTHS
from newsdesk.model.article import Article, Image, Section

PHOTO_WIDTH = Cm(15)  # the text width of an A4 page with Word's default margins
_MAX_LIST_LEVEL = 3  # Word's default template styles three levels of each list
_XML_ILLEGAL = {c: None for c in range(32) if c not in (9, 10, 13)}


def _clean(text: str) -> str:
    """Text XML can hold: lone surrogates and control characters would make Word refuse it."""
    return replace_lone_surrogates(text).translate(_XML_ILLEGAL)


def _hyperlink(paragraph: Paragraph, url: str, text: str, marks: frozenset[str]) -> None:
    """A real w:hyperlink (python-docx has no API for it) in Word's "Hyperlink" character style."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties.append(style)
    for mark, tag in ((BOLD, "w:b"), (ITALIC, "w:i"), (STRIKE, "w:strike")):
        if mark in marks:
            properties.append(OxmlElement(tag))
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = _clean(text)
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _add_text(paragraph: Paragraph, text: str, marks: frozenset[str] = frozenset()) -> None:
    """Text with its marks, source-note references `[^1]` as superscript numbers."""
    position = 0
    for found in FOOTNOTE_REFERENCE.finditer(text):
        _plain_run(paragraph, text[position : found.start()], marks)
        note = paragraph.add_run(_clean(found["label"]))
        note.font.superscript = True
        position = found.end()
    _plain_run(paragraph, text[position:], marks)


def _plain_run(paragraph: Paragraph, text: str, marks: frozenset[str]) -> None:
    if not text:
        return
    run = paragraph.add_run(_clean(text))
    run.bold = BOLD in marks or None
    run.italic = ITALIC in marks or None
    run.font.strike = STRIKE in marks or None


def _add_runs(paragraph: Paragraph, runs: tuple[Run, ...]) -> None:
    for run in runs:
        if run.href and allowed_href(run.href):
            _hyperlink(paragraph, run.href, run.text, run.marks)
        else:
            _add_text(paragraph, run.text, run.marks)


def _add_inline_markdown(paragraph: Paragraph, markdown: str) -> None:
    for n, block in enumerate(markdown_to_blocks(markdown)):
        if n:
            paragraph.add_run(" ")
        _add_runs(paragraph, block.runs)


class _Writer:
    def __init__(
        self,
        article: Article,
        *,
        photo_credits: bool,
        web_statement: str,
        cache: DerivedCache | None,
    ) -> None:
        self.article = article
        self.labels = labels_for(article.language)
        self.images = {image.id: image for image in article.images}
        self.photo_credits = photo_credits
        self.web_statement = web_statement
        self.cache = cache
        self.document = docx.Document()

    # -- photos ------------------------------------------------------------------------------

    def photo(self, image: Image) -> None:
        picture = self._picture_bytes(image)
        if picture is not None:
            self.document.add_picture(io.BytesIO(picture), width=PHOTO_WIDTH)
            self.document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._alt_text(image)
        caption = self.document.add_paragraph(style="Caption")
        if image.symbolic:
            label = caption.add_run(self.labels.symbolic_image + ": ")
            label.bold = True
        parts = [
            public_field(image.caption).strip(),
            self.labels.credit(public_field(image.credit)),
            copyright_notice(public_field(image.copyright)),
        ]
        caption.add_run(_clean(" · ".join(p for p in parts if p)))
        if image.symbolic and image.disclaimer.strip():
            notice = self.document.add_paragraph(style="Caption")
            notice.add_run(_clean(inline_text(image.disclaimer))).italic = True
        if picture is None:
            missing = self.document.add_paragraph(style="Caption")
            missing.add_run(f"[{self.labels.missing_photo}]").bold = True

    def _picture_bytes(self, image: Image) -> bytes | None:
        if not image.has_photo:
            return None
        try:
            largest = web_sizes(image, WEB_WIDTHS, self.cache)[-1]
        except (ImageError, PhotoUnavailableError, ValueError):
            return None
        if not self.photo_credits:
            return largest.data
        credits = credits_for(image, web_statement=self.web_statement)
        return with_credits(largest.data, largest.media_type, credits)

    def _alt_text(self, image: Image) -> None:
        """The picture's description (wp:docPr/@descr): what screen readers and Word's alt text
        show."""
        alt = _clean(public_field(image.alt).strip())
        inline = self.document.inline_shapes[-1]._inline
        inline.docPr.set("descr", alt)
        inline.docPr.set("title", _clean(public_field(image.caption).strip())[:250])

    # -- text --------------------------------------------------------------------------------

    def section(self, section: Section, depth: int) -> None:
        heading = section.heading.strip()
        level = min(depth + 1, 3)
        if heading:
            self.document.add_heading(_clean(heading), level=level)
        if section.kind == "opinion":
            label = self.document.add_paragraph()
            label.add_run(self.labels.opinion.upper()).bold = True
        pieces, notes = body_pieces(section.markdown)
        for piece in pieces:
            if isinstance(piece, Table):
                self.table(piece)
            else:
                self.block(piece, level)
        if notes:
            self.notes(notes)
        for child in section.children:
            self.section(child, depth + 1)

    def block(self, block: Block, section_level: int) -> None:
        if block.kind == IMAGE:
            image = self.images.get(block.image_id)
            if image is not None:
                self.photo(image)
            return
        if block.kind == HEADING:
            level = min(section_level + (1 if block.level <= 3 else 2), 9)
            paragraph = self.document.add_heading(level=level)
        elif block.kind == ITEM:
            kind = "List Number" if block.numbered else "List Bullet"
            depth = min(block.depth, _MAX_LIST_LEVEL)
            paragraph = self.document.add_paragraph(style=kind if depth == 1 else f"{kind} {depth}")
        elif block.quote:
            paragraph = self.document.add_paragraph(style="Quote")
        else:
            paragraph = self.document.add_paragraph()
        _add_runs(paragraph, block.runs)

    def table(self, table: Table) -> None:
        columns = len(table.header)
        grid = self.document.add_table(rows=1 + len(table.rows), cols=columns)
        grid.style = "Table Grid"
        alignment = {
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }
        for row_number, row in enumerate((table.header, *table.rows)):
            for column, text in enumerate(row):
                paragraph = grid.cell(row_number, column).paragraphs[0]
                _add_inline_markdown(paragraph, text)
                if row_number == 0:
                    for run in paragraph.runs:
                        run.bold = True
                if column < len(table.alignments) and table.alignments[column] in alignment:
                    paragraph.alignment = alignment[table.alignments[column]]
        if table.caption:
            caption = self.document.add_paragraph(style="Caption")
            _add_inline_markdown(caption, table.caption)

    def notes(self, notes: list[Footnote]) -> None:
        for note in notes:
            paragraph = self.document.add_paragraph(style="Caption")
            paragraph.add_run(f"{_clean(note.label)} ").font.superscript = True
            _add_inline_markdown(paragraph, note.text)

    # -- the whole document ------------------------------------------------------------------

    def header(self) -> None:
        article = self.article
        if article.kicker.strip():
            kicker = self.document.add_paragraph()
            run = kicker.add_run(_clean(article.kicker.strip()))
            run.bold = True
            run.font.color.rgb = RGBColor(0x80, 0x20, 0x20)
        title = article.headline.strip() or self.labels.untitled
        self.document.add_paragraph(_clean(title), style="Title")
        if article.subheadline.strip():
            self.document.add_paragraph(_clean(article.subheadline.strip()), style="Subtitle")
        line = []
        if article.byline.strip():
            line.append(article.byline.strip())
        if article.dateline.strip():
            line.append(article.dateline.strip())
        published = parse_published(article.published)
        if published is not None:
            line.append(self.labels.date(*published))
        if line:
            byline = self.document.add_paragraph()
            byline.add_run(_clean(" · ".join(line))).italic = True

    def related(self) -> None:
        links = [link for link in self.article.related.links if link.title.strip() or link.url]
        if not links:
            return
        heading = self.article.related.heading.strip() or self.labels.related
        self.document.add_heading(_clean(heading), level=1)
        for link in links:
            paragraph = self.document.add_paragraph(style="List Bullet")
            title = link.title.strip() or link.url.strip()
            url = link.url.strip()
            if url and allowed_href(url):
                _hyperlink(paragraph, url, title, frozenset())
            else:
                _add_text(paragraph, title)

    def properties(self) -> None:
        article = self.article
        core = self.document.core_properties
        core.title = _clean(article.headline.strip())[:255]
        core.subject = _clean(article.subheadline.strip() or article.description.strip())[:255]
        core.author = _clean(article.byline.strip())[:255]
        core.keywords = _clean(", ".join(tag.strip() for tag in article.tags))[:255]
        core.comments = _clean(article.description.strip())[:255]
        core.language = _clean(article.language.strip())[:35]
        core.category = ""
        published = parse_published(article.published)
        if published is not None:
            moment = published[0]
            with suppress(ValueError, OverflowError):
                core.created = moment.astimezone(UTC) if moment.tzinfo else moment
        core.last_modified_by = ""

    def build(self) -> bytes:
        self._base_style()
        self.header()
        lead = self.article.lead_image
        if lead is not None:
            self.photo(lead)
        for section in self.article.sections:
            self.section(section, 0)
        self.related()
        self.properties()
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def _base_style(self) -> None:
        normal = self.document.styles["Normal"]
        normal.font.size = Pt(11)
        language = self.article.language.strip()
        if language:
            properties = normal.element.get_or_add_rPr()
            lang = OxmlElement("w:lang")
            lang.set(qn("w:val"), _clean(language)[:35])
            properties.append(lang)
        # The template's Caption style exists but is hidden until used; make it visible.
        caption = self.document.styles["Caption"]
        if caption.type == WD_STYLE_TYPE.PARAGRAPH:
            caption.hidden = False
            caption.quick_style = True


def docx_bytes(
    article: Article,
    *,
    photo_credits: bool = True,
    web_statement: str = "",
    cache: DerivedCache | None = None,
) -> bytes:
    """The .docx file for the article (see the module docstring)."""
    writer = _Writer(article, photo_credits=photo_credits, web_statement=web_statement, cache=cache)
    return writer.build()


def export_docx(
    article: Article,
    out_path: Path,
    *,
    photo_credits: bool = True,
    web_statement: str = "",
    cache: DerivedCache | None = None,
) -> Path:
    """Write OUT.docx atomically; ExportError on any failure."""
    out_path = Path(out_path)
    try:
        data = docx_bytes(
            article, photo_credits=photo_credits, web_statement=web_statement, cache=cache
        )
    except (ValueError, KeyError) as exc:  # python-docx refusing a value: name it, never crash
        raise ExportError(
            f"the Word file could not be made: {exc}", code="export.docx_failed", reason=str(exc)
        ) from exc
    return write_output(out_path, data)
