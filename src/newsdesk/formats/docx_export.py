"""Word (.docx): the article as a document an editor opens in Word or LibreOffice and keeps editing.

Built with python-docx on its default template, using Word's own styles so the document behaves
like one typed by hand: Title (headline), Subtitle (subheadline), Heading 1 and 2 (sections and
nested sections), Heading 3 and 4 (subheadings), List Bullet / List Number (real nested lists,
formats.docx_lists), Quote, Caption (under photos and tables), Table Grid (GFM tables). Emphasis,
strikethrough and hyperlinks (real w:hyperlink elements) keep their form. Kicker, byline,
dateline and date stand in the page header. Each photo is its largest web size (turned, cropped,
without camera data, with its IPTC credit unless `photo_credits` is off) with its alt text as the
picture's description; one Caption paragraph under it holds the caption, the credit and
copyright and, for a symbol image, the label and notice. Source notes follow their section; the
related links close the document. The document properties carry title, author, subject,
keywords, language and the publication date. Private notes never leave the project file.

The body is the shape Word importers read back (formats/docx_import.py): importing the file gives
the same headline, subheadline, sections, text and photos (tests/formats/test_docx_round_trip.py).

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
from newsdesk.formats.docx_lists import ListNumbering
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
    LINE_BREAK,
    STRIKE,
    SUB,
    SUP,
    Block,
    Run,
    allowed_href,
    clean_href,
    markdown_to_blocks,
)
from newsdesk.formats.markdown_render import replace_lone_surrogates
from newsdesk.formats.output_files import write_output
from newsdesk.formats.photo_credits import credits_for, with_credits
from newsdesk.formats.photo_sizes import LARGEST, PhotoSizes
from newsdesk.formats.text_import import opinion_heading_line
from newsdesk.model.article import Article, Image, Section

PHOTO_WIDTH = Cm(15)  # the text width of an A4 page with Word's default margins
_XML_ILLEGAL = {c: None for c in range(32) if c not in (9, 10, 13)}


def _clean(text: str) -> str:
    """Text XML can hold: lone surrogates and control characters would make Word refuse it."""
    return replace_lone_surrogates(text).translate(_XML_ILLEGAL)


def _hyperlink(paragraph: Paragraph, url: str, text: str, marks: frozenset[str]) -> None:
    """A real w:hyperlink (python-docx has no API for it) in Word's "Hyperlink" character style."""
    # Control characters cannot stand in the XML; the address is encoded as the Markdown has it.
    url = _clean(clean_href(url))
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
    # A hard line break (LINE_BREAK in a run) is a line break in Word: python-docx makes "\n" one.
    run = paragraph.add_run(_clean(text.replace(LINE_BREAK, "\n")))
    run.bold = BOLD in marks or None
    run.italic = ITALIC in marks or None
    run.font.strike = STRIKE in marks or None
    run.font.subscript = SUB in marks or None
    run.font.superscript = SUP in marks or None


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
        self.sizes = PhotoSizes(article.images, LARGEST, cache)
        self.lists = ListNumbering(self.document)

    # -- photos ------------------------------------------------------------------------------

    def photo(self, image: Image) -> None:
        picture = self._picture_bytes(image)
        if picture is not None:
            self.document.add_picture(io.BytesIO(picture), width=PHOTO_WIDTH)
            self.document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._alt_text(image)
        # One Caption paragraph under the picture: the caption, then (after line breaks) the
        # credit and copyright, the symbol-image label and notice. One paragraph, so that Word's
        # importers take it whole as the picture's caption instead of as body text.
        caption = self.document.add_paragraph(style="Caption")
        lines: list[list[tuple[str, bool, bool]]] = []  # each line: runs of (text, bold, italic)
        if picture is None:
            lines.append([(f"[{self.labels.missing_photo}]", True, False)])
        if public_field(image.caption).strip():
            lines.append([(public_field(image.caption).strip(), False, False)])
        credit = [
            self.labels.credit(public_field(image.credit)),
            copyright_notice(public_field(image.copyright)),
        ]
        if any(credit):
            lines.append([(" · ".join(p for p in credit if p), False, False)])
        if image.symbolic:
            notice = inline_text(image.disclaimer) if image.disclaimer.strip() else ""
            label = (self.labels.symbolic_image + (": " if notice else ""), True, False)
            lines.append([label, (notice, False, True)] if notice else [label])
        for n, line in enumerate(lines):
            if n:
                caption.add_run().add_break()
            for text, bold, italic in line:
                run = caption.add_run(_clean(text))
                run.bold = bold or None
                run.italic = italic or None

    def _picture_bytes(self, image: Image) -> bytes | None:
        if not image.has_photo:
            return None
        try:
            made = self.sizes.take(image.id)  # started for all photos at once (photo_sizes)
            if isinstance(made, Exception):
                raise made
            largest = (made or web_sizes(image, LARGEST, self.cache))[-1]
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
        # An opinion section's label goes before its heading ("Kommentar: ..."), the shape Word
        # importers read back as an opinion section with that label.
        heading = opinion_heading_line(section, self.labels.opinion)
        if heading:
            # Heading 1 and 2 are sections (Word's importers read them so), 3 and 4 subheadings.
            self.document.add_heading(_clean(heading), level=1 if depth == 0 else 2)
        pieces, notes = body_pieces(section.markdown)
        for piece in pieces:
            if isinstance(piece, Table):
                self.table(piece)
            else:
                self.block(piece)
        if notes:
            self.notes(notes)
        for child in section.children:
            self.section(child, depth + 1)

    def block(self, block: Block) -> None:
        if block.kind != ITEM:
            self.lists.new_list()  # the next item starts a list of its own
        if block.kind == IMAGE:
            image = self.images.get(block.image_id)
            if image is not None:
                self.photo(image)
            return
        if block.kind == HEADING:
            paragraph = self.document.add_heading(level=3 if block.level <= 3 else 4)
        elif block.kind == ITEM:
            paragraph = self.lists.add_item(block.depth, block.numbered)
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
        """Title and Subtitle open the document; kicker, byline, dateline and date stand in the
        page header, where the editor sees them on every page and the text stays the article's
        own (a Word importer reads the body, not the header)."""
        article = self.article
        title = article.headline.strip() or self.labels.untitled
        self.document.add_paragraph(_clean(title), style="Title")
        if article.subheadline.strip():
            self.document.add_paragraph(_clean(article.subheadline.strip()), style="Subtitle")
        line = [
            part.strip()
            for part in (article.kicker, article.byline, article.dateline)
            if part.strip()
        ]
        published = parse_published(article.published)
        if published is not None:
            line.append(self.labels.date(*published))
        if line:
            header = self.document.sections[0].header.paragraphs[0]
            run = header.add_run(_clean(" · ".join(line)))
            run.italic = True
            run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)

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
