"""OpenDocument text import: an `.odt` from LibreOffice (or Word's "Save as ODF") into an article.

mammoth reads no ODF, and no well-kept Python library reads ODF into clean HTML either (odfpy
writes ODF, pandoc is a 150 MB binary), while the format is a zip of documented XML. So this
module reads `content.xml` with the standard library (zipfile, xml.etree) and writes the same
small HTML that the Word importer gets from mammoth; from there the Word importer's own path
(`docx_import.document_result`) builds the article. Every mapping after the HTML is shared:
headline, subheadline, sections, opinion prefixes, captions, credits, notes, tables.

    text:p in Title / Subtitle style           <p class="title">, <p class="subtitle">
    text:h (outline level N), Heading N style  <hN>
    Quotations / Quote style                   <blockquote><p>
    Caption and caption categories             <p class="caption"> ("Illustration 1: " dropped)
    text:span bold / italic / struck           <strong>, <em>, <s> (by automatic styles)
    text:a                                     <a href>
    text:list (numbered by its list style)     <ol>/<ul> with <li>, nested
    table:table                                <table> (header rows as <th>)
    draw:frame with draw:image                 <img> (the picture checked like every photo;
                                                its svg:desc or svg:title is the alt text)
    office:annotation                          a private note where it is anchored
    text:note (footnote, endnote)              a source note
    text:tracked-changes                       left out: insertions stand in the text already,
                                                deletions only there; the result counts both
    a table of contents, forms, declarations   left out

The package is checked first (`odt_package`: damage, passwords, macros, zip bombs, entity
declarations). Nesting deeper than the web-page reader allows is refused with one line.
"""

from __future__ import annotations

from html import escape
from xml.etree import ElementTree

from newsdesk.errors import ImportFormatError
from newsdesk.formats.docx_import import Pictures, document_result, take_notes
from newsdesk.formats.docx_import_package import MAX_DOCX_BYTES, DocxPackage
from newsdesk.formats.html_import_markdown import MarkdownConverter
from newsdesk.formats.html_import_tree import MAX_DEPTH, parse_html
from newsdesk.formats.import_notes import ImportResult
from newsdesk.formats.odt_package import OdtPackage, check_package
from newsdesk.formats.odt_styles import OFFICE, TEXT, OdtStyles

__all__ = ["MAX_ODT_BYTES", "import_odt"]

MAX_ODT_BYTES = MAX_DOCX_BYTES
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
XLINK = "http://www.w3.org/1999/xlink"
_MARK_TAGS = (("bold", "strong"), ("italic", "em"), ("strike", "s"))
_LEFT_OUT = frozenset(
    f"{{{TEXT}}}{name}"
    for name in (
        "tracked-changes",
        "sequence-decls",
        "variable-decls",
        "user-field-decls",
        "table-of-content",
        "alphabetical-index",
        "illustration-index",
        "bibliography",
        "note-citation",
        "bookmark",
        "bookmark-start",
        "bookmark-end",
        "change",
        "change-start",
        "change-end",
        "soft-page-break",
        "reference-mark-start",
        "reference-mark-end",
    )
) | {f"{{{OFFICE}}}forms", f"{{{OFFICE}}}annotation-end", f"{{{DRAW}}}shape"}
_PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")


def _too_complex(name: str) -> ImportFormatError:
    return ImportFormatError(
        f"{name} nests its text more than {MAX_DEPTH} deep or holds too many parts; "
        "that is no article",
        code="import.odt_too_complex",
        name=name,
        limit=MAX_DEPTH,
    )


class _HtmlWriter:
    """ODF elements into the HTML the Word importer reads (see the module docstring)."""

    def __init__(self, package: OdtPackage, styles: OdtStyles, pictures: Pictures, name: str):
        self.package = package
        self.styles = styles
        self.pictures = pictures
        self.name = name
        self.notes: list[str] = []  # <li id="footnote-N">...</li>
        self.comments: list[str] = []  # <dt id="comment-N"></dt><dd>...</dd>

    # -- blocks ------------------------------------------------------------------------------

    def blocks(self, parent: ElementTree.Element, depth: int, list_style: str = "") -> str:
        return "".join(self.block(child, depth + 1, list_style) for child in parent)

    def block(self, element: ElementTree.Element, depth: int, list_style: str = "") -> str:
        if depth > MAX_DEPTH:
            raise _too_complex(self.name)
        tag = element.tag
        if tag in _LEFT_OUT:
            return ""
        if tag == f"{{{TEXT}}}p":
            return self.paragraph(element, depth, "")
        if tag == f"{{{TEXT}}}h":
            level = element.get(f"{{{TEXT}}}outline-level", "1")
            return self.paragraph(
                element, depth, f"h{min(max(int(level), 1), 6)}" if level.isdigit() else "h1"
            )
        if tag == f"{{{TEXT}}}list":
            return self.list(element, depth, list_style, 1)
        if tag == f"{{{TABLE}}}table":
            return self.table(element, depth)
        if tag == f"{{{DRAW}}}frame":
            return self.frame(element, depth)
        return self.blocks(element, depth, list_style)  # sections, text boxes, unknown holders

    def paragraph(self, element: ElementTree.Element, depth: int, heading: str) -> str:
        style = element.get(f"{{{TEXT}}}style-name", "")
        role = self.styles.paragraph_role(style)
        if role in ("title", "subtitle"):
            tag, attributes = "p", f' class="{role}"'
        elif heading or role.startswith("h"):
            tag, attributes = heading or role, ""
        elif role == "caption":
            tag, attributes = "p", ' class="caption"'
        else:
            tag, attributes = "p", ""
        inline = (
            self.caption_inline(element, depth)
            if role == "caption"
            else self.inline_children(element, depth)
        )
        inline = self.marked(inline, self.styles.marks("paragraph", style))
        html = f"<{tag}{attributes}>{inline}</{tag}>"
        return f"<blockquote>{html}</blockquote>" if role == "quote" else html

    def caption_inline(self, element: ElementTree.Element, depth: int) -> str:
        """A caption without its numbering ("Illustration 1: "): the pictures it holds and the
        text after the number."""
        children = list(element)
        at = next(
            (n for n, child in enumerate(children) if child.tag == f"{{{TEXT}}}sequence"), None
        )
        if at is None:
            return self.inline_children(element, depth)
        pictures = "".join(
            self.inline(child, depth + 1)
            for child in children[:at]
            if child.tag == f"{{{DRAW}}}frame"
        )
        rest = (children[at].tail or "").lstrip().removeprefix(":").removeprefix("–").lstrip()
        after = "".join(
            self.inline(child, depth + 1) + escape(child.tail or "", quote=False)
            for child in children[at + 1 :]
        )
        return pictures + escape(rest, quote=False) + after

    def list(self, element: ElementTree.Element, depth: int, inherited: str, level: int) -> str:
        style = element.get(f"{{{TEXT}}}style-name", "") or inherited
        tag = "ol" if self.styles.is_numbered(style, level) else "ul"
        items = []
        for item in element:
            if item.tag not in (f"{{{TEXT}}}list-item", f"{{{TEXT}}}list-header"):
                continue
            parts = []
            for child in item:
                if child.tag == f"{{{TEXT}}}list":
                    if depth + 1 > MAX_DEPTH:
                        raise _too_complex(self.name)
                    parts.append(self.list(child, depth + 1, style, level + 1))
                else:
                    parts.append(self.block(child, depth + 1, style))
            items.append(f"<li>{''.join(parts)}</li>")
        return f"<{tag}>{''.join(items)}</{tag}>"

    def table(self, element: ElementTree.Element, depth: int) -> str:
        rows: list[str] = []

        def add_rows(holder: ElementTree.Element, header: bool, level: int) -> None:
            if level > MAX_DEPTH:
                raise _too_complex(self.name)
            for child in holder:
                if child.tag == f"{{{TABLE}}}table-row":
                    cell = "th" if header else "td"
                    cells = "".join(
                        f"<{cell}>{self.blocks(c, level)}</{cell}>"
                        for c in child
                        if c.tag == f"{{{TABLE}}}table-cell"
                    )
                    rows.append(f"<tr>{cells}</tr>")
                elif child.tag in (
                    f"{{{TABLE}}}table-header-rows",
                    f"{{{TABLE}}}table-rows",
                    f"{{{TABLE}}}table-row-group",
                ):
                    add_rows(child, header or child.tag.endswith("header-rows"), level + 1)

        add_rows(element, False, depth + 1)
        return f"<table>{''.join(rows)}</table>"

    def frame(self, element: ElementTree.Element, depth: int) -> str:
        """A picture (`<img>`), or a text box's paragraphs (a captioned picture's frame)."""
        images = [c for c in element if c.tag == f"{{{DRAW}}}image"]
        if images:
            hrefs = [image.get(f"{{{XLINK}}}href", "") for image in images]
            href = next((h for h in hrefs if h.lower().endswith(_PICTURE_SUFFIXES)), hrefs[0])
            alt = element.findtext(f"{{{SVG}}}desc") or element.findtext(f"{{{SVG}}}title") or ""
            image_id = self.pictures.add(self.package.picture(href), alt)
            return f'<img src="newsdesk-image:{image_id}" alt="{escape(alt)}">'
        return self.blocks(element, depth)

    # -- inline ------------------------------------------------------------------------------

    def inline_children(self, element: ElementTree.Element, depth: int) -> str:
        parts = [escape(element.text or "", quote=False)]
        for child in element:
            parts.append(self.inline(child, depth + 1))
            parts.append(escape(child.tail or "", quote=False))
        return "".join(parts)

    def inline(self, element: ElementTree.Element, depth: int) -> str:
        if depth > MAX_DEPTH:
            raise _too_complex(self.name)
        tag = element.tag
        if tag in _LEFT_OUT:
            return ""
        if tag == f"{{{TEXT}}}s":
            count = element.get(f"{{{TEXT}}}c", "1")
            return " " * min(int(count), 100) if count.isdigit() else " "
        if tag == f"{{{TEXT}}}tab":
            return " "
        if tag == f"{{{TEXT}}}line-break":
            return "<br>"
        if tag == f"{{{TEXT}}}span":
            style = element.get(f"{{{TEXT}}}style-name", "")
            return self.marked(
                self.inline_children(element, depth), self.styles.marks("text", style)
            )
        if tag == f"{{{TEXT}}}a":
            href = element.get(f"{{{XLINK}}}href", "")
            return f'<a href="{escape(href)}">{self.inline_children(element, depth)}</a>'
        if tag == f"{{{TEXT}}}note":
            return self.note(element, depth)
        if tag == f"{{{OFFICE}}}annotation":
            return self.annotation(element, depth)
        if tag == f"{{{DRAW}}}frame":
            return self.frame(element, depth)
        return self.inline_children(element, depth)

    @staticmethod
    def marked(inline: str, marks: set[str]) -> str:
        if not inline.strip():
            return inline
        for mark, tag in _MARK_TAGS:
            if mark in marks:
                inline = f"<{tag}>{inline}</{tag}>"
        return inline

    def note(self, element: ElementTree.Element, depth: int) -> str:
        kind = "endnote" if element.get(f"{{{TEXT}}}note-class") == "endnote" else "footnote"
        key = f"{kind}-{len(self.notes) + 1}"
        body = element.find(f"{{{TEXT}}}note-body")
        text = self.blocks(body, depth) if body is not None else ""
        self.notes.append(f'<li id="{key}">{text}</li>')
        return (
            f'<sup><a href="#{key}" id="{kind}-ref-{len(self.notes)}">[{len(self.notes)}]</a></sup>'
        )

    def annotation(self, element: ElementTree.Element, depth: int) -> str:
        key = str(len(self.comments) + 1)
        paragraphs = [c for c in element if c.tag in (f"{{{TEXT}}}p", f"{{{TEXT}}}list")]
        text = "".join(self.block(p, depth + 1) for p in paragraphs)
        self.comments.append(f'<dt id="comment-{key}"></dt><dd>{text}</dd>')
        return f'<sup><a href="#comment-{key}">[c{key}]</a></sup>'

    def document(self, body: ElementTree.Element) -> str:
        html = self.blocks(body, 0)
        notes = f"<ol>{''.join(self.notes)}</ol>" if self.notes else ""
        comments = f"<dl>{''.join(self.comments)}</dl>" if self.comments else ""
        return f"<html><body>{html}{notes}{comments}</body></html>"


def _tracked_changes(body: ElementTree.Element) -> DocxPackage:
    counts = DocxPackage()
    changes = body.find(f"{{{TEXT}}}tracked-changes")
    for region in changes if changes is not None else []:
        if region.find(f"{{{TEXT}}}insertion") is not None:
            counts.insertions += 1
        elif region.find(f"{{{TEXT}}}deletion") is not None:
            counts.deletions += 1
    return counts


def import_odt(data: bytes, name: str = "the document") -> ImportResult:
    """Import an OpenDocument text's bytes; ImportFormatError with one line when it is refused."""
    if len(data) > MAX_ODT_BYTES:
        raise ImportFormatError(
            f"{name} is larger than {MAX_ODT_BYTES // (1024 * 1024)} MB; that is no article",
            code="import.too_large",
            name=name,
            limit_mb=MAX_ODT_BYTES // (1024 * 1024),
        )
    package = check_package(data, name)
    body = package.content.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
    if body is None:
        raise ImportFormatError(
            f"{name} is damaged or not an OpenDocument text (it has no text)",
            code="import.odt_damaged",
            name=name,
        )
    styles = OdtStyles.read(package.styles, package.content)
    pictures = Pictures()
    writer = _HtmlWriter(package, styles, pictures, name)
    try:
        page = parse_html(writer.document(body))
    except ImportFormatError as exc:  # the web-page reader's bounds (depth, element count)
        raise _too_complex(name) from exc
    notes, comments = take_notes(page.root)
    converter = MarkdownConverter(pictures.on_image, notes=notes, comments=comments)
    counts = _tracked_changes(body)
    counts.properties = package.properties
    return document_result(page.root, converter, pictures, counts, name)
