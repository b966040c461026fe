"""Word import: a `.docx` from a freelancer, Google Docs or LibreOffice into an article.

mammoth (python-mammoth) reads the document into clean HTML by style, which keeps exactly what an
article can carry and nothing of the look; `html_import_markdown` turns that HTML into our Markdown
dialect and `html_import_article` into the article's parts (see there for the headline, section and
photo rules). What this module adds is Word's own:

- styles: Title -> headline, Subtitle -> subheadline, Caption -> a picture's caption, Quote and
  Intense Quote (and paragraphs indented without a list) -> block quotes, Heading 1/2 -> sections,
  deeper headings -> subheadings; without a Title, the first Heading 1 or a short bold first line
  is the headline;
- footnotes and endnotes -> Markdown footnotes at the end of their section; comments -> private
  notes `<!-- ... -->` where they are anchored; tracked changes: insertions accepted, deletions
  dropped, and the result says how many;
- pictures: through `imaging.inspect_image` like every photo, with their description as alt text;
  a picture that is refused (not JPEG/PNG/WebP, too large, a bomb) becomes a missing-photo entry
  and a note, never a refusal of the whole document;
- document properties are offered as suggestions, never filled in.

The package is checked first (`docx_import_package`): passwords, damage, macros and zip bombs are
refused with one line.
"""

from __future__ import annotations

import io
import logging
import re

import cobble
import mammoth
import mammoth.documents
import mammoth.transforms

from newsdesk.errors import ImageError, ImportFormatError
from newsdesk.formats.docx_import_package import MAX_DOCX_BYTES, DocxPackage, check_package
from newsdesk.formats.html_import_article import AssemblyRules, assemble
from newsdesk.formats.html_import_markdown import MarkdownConverter
from newsdesk.formats.html_import_tree import Element, parse_html
from newsdesk.formats.import_notes import ImportResult, plural
from newsdesk.formats.language import detect_language
from newsdesk.imaging import MAX_IMAGE_BYTES, inspect_image
from newsdesk.model.article import Image
from newsdesk.model.counts import plain_text

__all__ = ["MAX_DOCX_BYTES", "Pictures", "document_result", "import_docx", "take_notes"]

STYLE_MAP = """
p[style-name='Title'] => p.title:fresh
p[style-name='Subtitle'] => p.subtitle:fresh
p[style-name='Caption'] => p.caption:fresh
p[style-name='Image Caption'] => p.caption:fresh
p[style-name='Table Caption'] => p.caption:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
p[style-name='Block Text'] => blockquote > p:fresh
p[style-name='Zitat'] => blockquote > p:fresh
p[style-name='Intensives Zitat'] => blockquote > p:fresh
p[style-name='Titel'] => p.title:fresh
p[style-name='Untertitel'] => p.subtitle:fresh
p[style-name='Beschriftung'] => p.caption:fresh
comment-reference => sup
"""
_QUOTE_INDENT_TWIPS = 360  # a quarter inch: less is a first-line indent or a stray tab stop


_HEADING_STYLE = re.compile(r"^(?:my\s*)?(?:heading|überschrift)\s*(\d)$", re.IGNORECASE)
_RENAMED_STYLES = {
    "caption": "Caption",
    "toc heading": "Heading 1",
    "inhaltsverzeichnisüberschrift": "Heading 1",
}


def _normalise_paragraph(paragraph: mammoth.documents.Paragraph) -> mammoth.documents.Paragraph:
    """Style names as mammoth's map knows them, and indented paragraphs as quotes.

    Documents name their styles loosely ("heading 2", "Myheading2", "caption", a German Word's
    "Überschrift 1"); pandoc reads all of these as headings and captions, and so do we. A plain
    paragraph indented on the left (not a list item) is how most people type a block quote.
    """
    name = (paragraph.style_name or "").strip()
    heading = _HEADING_STYLE.match(name)
    if heading and int(heading[1]) <= 6:  # "Heading 0" (a title page's) reads as level 1
        return cobble.copy(paragraph, style_name=f"Heading {max(int(heading[1]), 1)}")
    if name.lower() in _RENAMED_STYLES:
        return cobble.copy(paragraph, style_name=_RENAMED_STYLES[name.lower()])
    indent = paragraph.indent
    start = indent.start if indent is not None else None
    try:
        left = int(start or 0)
    except ValueError:
        left = 0
    plain = paragraph.style_name in (None, "Normal", "Body Text", "Standard", "Textkörper")
    if left >= _QUOTE_INDENT_TWIPS and paragraph.numbering is None and plain:
        return cobble.copy(paragraph, style_id="Quote", style_name="Quote")
    return paragraph


_SUFFIXES = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


class Pictures:
    """Pictures found in a document: each checked like any photo, kept by a placeholder URL
    (`newsdesk-image:ID`). The OpenDocument importer uses it too."""

    def __init__(self) -> None:
        self.images: dict[str, Image] = {}
        self.refused = 0

    def convert(self, picture: mammoth.documents.Image) -> dict[str, str]:
        """mammoth's image converter."""
        data: bytes | None = None
        try:
            with picture.open() as handle:
                data = handle.read(MAX_IMAGE_BYTES + 1)
        except (OSError, ValueError, KeyError) as exc:
            logging.getLogger(__name__).info("picture unreadable: %s", exc)
        return {"src": f"newsdesk-image:{self.add(data, picture.alt_text or '')}"}

    def add(self, data: bytes | None, alt: str) -> str:
        """The picture as an Image (a missing photo when it is refused or unreadable); its id."""
        alt = " ".join(alt.split())
        try:
            if data is None:
                raise ValueError("the picture could not be read")
            info = inspect_image(data)
        except (ImageError, OSError, ValueError, KeyError) as exc:
            logging.getLogger(__name__).info("picture refused: %s", exc)
            self.refused += 1
            image = Image(alt=alt)
        else:
            image = Image(
                data=data,
                width=info.width,
                height=info.height,
                filename=f"picture-{len(self.images) + 1}.{_SUFFIXES[info.format]}",
                alt=alt,
            )
        self.images[image.id] = image
        return image.id

    def on_image(self, img: Element, caption: Element | None) -> str | None:
        src = img.attrs.get("src", "")
        image = self.images.get(src.removeprefix("newsdesk-image:"))
        return image.id if image is not None else None


def take_notes(root: Element) -> tuple[dict[str, Element], dict[str, Element]]:
    """Mammoth's note and comment lists at the end of the HTML, taken out of the body."""
    notes: dict[str, Element] = {}
    comments: dict[str, Element] = {}
    for element in list(root.iter()):
        element_id = element.attrs.get("id", "")
        kind, _, key = element_id.partition("-")
        if element.tag == "li" and kind in ("footnote", "endnote") and not key.startswith("ref"):
            for link in element.find_all("a"):  # the "↑" back to the reference
                if link.attrs.get("href", "").startswith(f"#{kind}-ref-"):
                    link.remove()
            notes[element_id] = element
        elif element.tag == "dt" and kind == "comment":
            parent = element.parent
            if parent is not None:
                siblings = parent.children
                at = siblings.index(element)
                body = next(
                    (s for s in siblings[at + 1 :] if isinstance(s, Element) and s.tag == "dd"),
                    None,
                )
                if body is not None:
                    for link in body.find_all("a"):
                        if link.attrs.get("href", "").startswith("#comment-ref-"):
                            link.remove()
                    comments[key] = body
    for element in list(root.iter()):
        held = [c for c in element.children if isinstance(c, Element)]
        if (
            element.tag in ("ol", "dl")
            and held
            and all(
                c.attrs.get("id", "") in notes or (c.tag in ("dt", "dd") and element.tag == "dl")
                for c in held
            )
        ):
            element.remove()
    return notes, comments


def import_docx(data: bytes, name: str = "the document") -> ImportResult:
    """Import a Word document's bytes; ImportFormatError with one line when it is refused."""
    if len(data) > MAX_DOCX_BYTES:
        raise ImportFormatError(
            f"{name} is larger than {MAX_DOCX_BYTES // (1024 * 1024)} MB; that is no article",
            code="import.too_large",
            name=name,
            limit_mb=MAX_DOCX_BYTES // (1024 * 1024),
        )
    package = check_package(data, name)
    pictures = Pictures()
    try:
        converted = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=STYLE_MAP,
            include_default_style_map=True,
            convert_image=mammoth.images.img_element(pictures.convert),
            transform_document=mammoth.transforms.paragraph(_normalise_paragraph),
            external_file_access=False,
            # A style map stored inside the document is mammoth's own invention: the document
            # would decide how it is read. Every Word file is read by the same rules.
            include_embedded_style_map=False,
        )
    except (ImportFormatError, ImageError):
        raise
    except Exception as exc:  # mammoth raises whatever a damaged part makes it meet
        raise ImportFormatError(
            f"{name} is damaged and cannot be read as a Word document",
            code="import.docx_damaged",
            name=name,
        ) from exc
    page = parse_html(converted.value)
    notes, comments = take_notes(page.root)
    converter = MarkdownConverter(pictures.on_image, notes=notes, comments=comments)
    return document_result(page.root, converter, pictures, package, name)


def document_result(
    root: Element,
    converter: MarkdownConverter,
    pictures: Pictures,
    package: DocxPackage,
    name: str,
) -> ImportResult:
    """A word processor's document (its HTML tree) as the import's result: the article by the
    shared assembly rules, refused when empty, with its notes and the properties to offer.
    Word's and OpenDocument's importers end here."""
    blocks = converter.blocks(root)
    rules = AssemblyRules(first_h1_is_headline=True, bold_line_is_headline=True)
    article, headline_from = assemble(blocks, converter, pictures.images, rules)
    has_text = article.headline or any(s.markdown.strip() or s.heading for s in article.sections)
    if not has_text or (
        not any(plain_text(s.markdown).strip() or s.heading for s in article.sections)
        and not article.headline
    ):
        if pictures.images:
            raise ImportFormatError(
                f"{name} holds only pictures and no text; there is no article to import",
                code="import.docx_no_text",
                name=name,
            )
        raise ImportFormatError(
            f"{name} is empty; there is nothing to import", code="import.docx_empty", name=name
        )
    article.language = detect_language(
        "\n".join([article.headline] + [plain_text(s.markdown) for s in article.walk_sections()])
    )
    result = ImportResult(article)
    if headline_from == "bold_line":
        result.note(
            "import.headline_from_bold_line",
            "the headline was taken from the first line, which is bold; the Title style "
            "says so for certain",
        )
    _report(result, package, converter, pictures)
    suggestions = {
        "headline": package.properties.get("title", ""),
        "byline": package.properties.get("author", ""),
        "description": package.properties.get("description")
        or package.properties.get("subject", ""),
        "tags": package.properties.get("keywords", ""),
    }
    result.suggestions = {k: v for k, v in suggestions.items() if v and not getattr(article, k, "")}
    return result


def _report(
    result: ImportResult, package: DocxPackage, converter: MarkdownConverter, pictures: Pictures
) -> None:
    if package.insertions:
        result.note(
            "import.tracked_insertions",
            plural(package.insertions, "tracked insertion was", "tracked insertions were")
            + " accepted",
            count=package.insertions,
        )
    if package.deletions:
        result.note(
            "import.tracked_deletions",
            f"{plural(package.deletions, 'tracked deletion was', 'tracked deletions were')} "
            "applied (the deleted text is gone)",
            count=package.deletions,
        )
    if converter.comment_count:
        result.note(
            "import.comments_as_notes",
            plural(converter.comment_count, "comment became a private note", "comments became")
            + ("" if converter.comment_count == 1 else " private notes"),
            count=converter.comment_count,
        )
    if converter.note_labels:
        count = len(converter.note_labels)
        result.note(
            "import.footnotes",
            f"{plural(count, 'footnote became a source note', 'footnotes became source notes')}",
            count=count,
        )
    if converter.table_count:
        result.note(
            "import.tables",
            f"{plural(converter.table_count, 'table was', 'tables were')} kept as tables",
            count=converter.table_count,
        )
    if pictures.refused:
        result.note(
            "import.pictures_refused",
            f"{plural(pictures.refused, 'picture', 'pictures')} could not be taken (not a JPEG, "
            "PNG or WebP photo, damaged or too large) and must be added again",
            count=pictures.refused,
        )
