"""Import an article from a file: `newsdesk import SRC` and the window's File > Import.

The file name's suffix picks the importer:

    .txt .text        plain text in the reference shape    (newsdesk.formats.text_import)
    .md .markdown     Markdown with images beside it        (newsdesk.formats.markdown_import)
    .json             the `info --json` shape               (newsdesk.formats.json_import)
    .docx .html .htm  Word documents and saved web pages    (newsdesk.formats.importing, which
                      also returns the import's notes and suggestions)

Everything refused (unknown type, missing or oversized file, binary or undecodable bytes, malformed
content, a photo that is missing or not an image) raises ImportFormatError or ImageError with a
one-line message; nothing is half-imported.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.errors import ImportFormatError
from newsdesk.formats.encoding import decode_text
from newsdesk.formats.json_import import import_json
from newsdesk.formats.markdown_import import import_markdown
from newsdesk.formats.source_files import MAX_SOURCE_BYTES, read_source
from newsdesk.formats.text_import import import_plain_text
from newsdesk.model.article import Article

TEXT, MARKDOWN, JSON = "text", "markdown", "json"
IMPORT_SUFFIXES: dict[str, str] = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".json": JSON,
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}

__all__ = [
    "IMPORT_SUFFIXES",
    "JSON",
    "MARKDOWN",
    "MAX_SOURCE_BYTES",
    "TEXT",
    "import_bytes",
    "import_file",
    "import_text",
    "source_type",
]


def source_type(path: Path) -> str:
    """TEXT, MARKDOWN or JSON for the file name, or ImportFormatError for anything else."""
    kind = IMPORT_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(IMPORT_SUFFIXES)
        what = f"{path.suffix!r} files" if path.suffix else "files without a suffix"
        raise ImportFormatError(
            f"{path.name}: unsupported type ({what}); Newsdesk imports {known}",
            code="import.unsupported_type",
            name=path.name,
            suffix=path.suffix,
        )
    return kind


def check_text_length(text: str) -> None:
    """Refuse a text longer than any article (a paste is bounded like a file, in characters)."""
    if len(text) > MAX_SOURCE_BYTES:
        raise ImportFormatError(
            f"the text is longer than {MAX_SOURCE_BYTES // (1024 * 1024)} million characters; "
            "that is no article",
            code="import.text_too_long",
            limit=MAX_SOURCE_BYTES // (1024 * 1024),
        )


def import_text(text: str, kind: str = TEXT, base_dir: Path | None = None) -> Article:
    """Import already decoded text of the given kind; `base_dir` resolves image references."""
    check_text_length(text)
    if kind == TEXT:
        return import_plain_text(text)
    if kind == MARKDOWN:
        return import_markdown(text, base_dir)
    if kind == JSON:
        return import_json(text, base_dir)
    raise ValueError(f"unknown import kind {kind!r}")


def import_bytes(
    data: bytes, kind: str, base_dir: Path | None = None, name: str = "the file"
) -> Article:
    """Import a file's bytes: decode them as the kind requires, then parse."""
    if len(data) > MAX_SOURCE_BYTES:
        raise ImportFormatError(
            f"{name} is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MB; that is no article",
            code="import.file_too_large",
            name=name,
            limit=MAX_SOURCE_BYTES // (1024 * 1024),
        )
    if kind == JSON:
        return import_json(data, base_dir, name)
    return import_text(decode_text(data, name), kind, base_dir)


def import_file(path: Path, images_from: Path | None = None) -> Article:
    """Read and import `path`, choosing the importer by its suffix.

    `images_from` resolves a Markdown file's root-relative image paths (`/images/a.png`).
    """
    path = Path(path)
    kind = source_type(path)
    if kind in ("docx", "html"):
        from newsdesk.formats.importing import import_document

        return import_document(path).article
    if kind == MARKDOWN:
        text = decode_text(read_source(path), path.name)
        return (
            import_text(text, kind, path.parent)
            if images_from is None
            else (import_markdown_with_images(text, path.parent, images_from))
        )
    return import_bytes(read_source(path), kind, path.parent, path.name)


def import_markdown_with_images(text: str, base_dir: Path, images_from: Path) -> Article:
    """Markdown whose root-relative image paths are found under `images_from`."""
    if len(text) > MAX_SOURCE_BYTES:
        return import_text(text, MARKDOWN, base_dir)  # refused there, with the same words
    return import_markdown(text, base_dir, images_from=images_from)
