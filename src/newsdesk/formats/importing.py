"""One entry point for every import: `newsdesk import`, File > Import… and a file dropped on the
window all call `import_document(path)`.

    result = import_document(Path("story.docx"))
    result.article        the new article (offered for saving like any never-saved draft)
    result.notes          what the journalist should know: "3 tracked insertions were accepted",
                          "2 photos are still to be added", ... (each with a code and params)
    result.suggestions    values for empty fields from the document's properties, to offer

The file's suffix picks the importer: `.docx` (docx_import), `.odt` (odt_import), `.html`/`.htm`
(html_import), and the text kinds of `importers` (`.txt`, `.md`, `.json`). Everything refused
raises ImportFormatError or ImageError with one line; nothing is half-imported.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.errors import ImportFormatError, NewsdeskError
from newsdesk.formats import importers
from newsdesk.formats.docx_import import MAX_DOCX_BYTES, import_docx
from newsdesk.formats.encoding import decode_text
from newsdesk.formats.html_import import MAX_HTML_BYTES, import_html
from newsdesk.formats.import_notes import ImportResult, plural
from newsdesk.formats.markdown_import import import_markdown
from newsdesk.formats.odt_import import MAX_ODT_BYTES, import_odt
from newsdesk.formats.source_files import read_bounded, read_source

DOCX, ODT, HTML = "docx", "odt", "html"
DOCUMENT_SUFFIXES = {".docx": DOCX, ".odt": ODT, ".html": HTML, ".htm": HTML}


def import_document(path: Path, images_from: Path | None = None) -> ImportResult:
    """Import the file at `path`; `images_from` resolves root-relative image paths (Markdown)."""
    path = Path(path)
    kind = DOCUMENT_SUFFIXES.get(path.suffix.lower())
    if kind == DOCX:
        return import_docx(_read(path, MAX_DOCX_BYTES), path.name)
    if kind == ODT:
        return import_odt(_read(path, MAX_ODT_BYTES), path.name)
    if kind == HTML:
        return import_html(_read(path, MAX_HTML_BYTES), path.parent, path.name)
    refused: list[tuple[str, NewsdeskError]] = []
    if importers.source_type(path) == importers.MARKDOWN:  # refuses an unknown suffix
        text = decode_text(read_source(path), path.name)
        importers.check_text_length(text)
        article = import_markdown(text, path.parent, images_from=images_from, refused=refused)
    else:
        article = importers.import_file(path, images_from=images_from)
    result = ImportResult(article)
    for name, refusal in refused:
        # A hostile or broken picture never enters; the text arrives, and the journalist is told.
        result.note(
            "import.picture_refused",
            f"{refusal.message}; the picture was left out, the text imported",
            name=name,
            reason=refusal.code,
        )
    missing = sum(1 for image in article.images if not image.has_photo)
    if missing:
        result.note(
            "import.photos_missing",
            plural(missing, "photo is", "photos are") + " still to be added (the check lists them)",
            count=missing,
        )
    return result


def _read(path: Path, limit: int) -> bytes:
    return read_bounded(path, limit, "the file", ImportFormatError)
