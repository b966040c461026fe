"""Which writer an export target gets: `newsdesk export -o OUT.{html,docx,md,txt,pdf}` and the
window's File > Export use the same table.

    .html .htm       the web page               (formats.html_export)
    .docx            Word                       (formats.docx_export)
    .md .markdown    Markdown + front matter    (formats.markdown_export)
    .txt             agency text                (formats.agency_text)
    .pdf             PDF proof                  (gui.printing: needs Qt's web engine, so the
                                                 caller imports it; formats never imports Qt)

Every writer refuses a missing folder or a folder as the target, writes each file to a temporary
file and renames it, and raises ExportError with a stable code on any failure.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from newsdesk.derived_cache import DerivedCache
from newsdesk.errors import ExportError
from newsdesk.house_layouts import Layout
from newsdesk.model.article import Article
from newsdesk.publication import PublicationProfile, page_article

HTML, PDF, DOCX, MARKDOWN, TEXT = "html", "pdf", "docx", "md", "txt"
EXPORT_FORMATS: tuple[str, ...] = (HTML, PDF, DOCX, MARKDOWN, TEXT)
EXPORT_SUFFIXES: dict[str, str] = {
    ".html": HTML,
    ".htm": HTML,
    ".pdf": PDF,
    ".docx": DOCX,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".txt": TEXT,
}


@dataclass(frozen=True)
class ExportOptions:
    assets: str = "embed"  # HTML: embed | folder
    missing_images: str = "omit"  # HTML and PDF: omit | placeholder
    photo_credits: bool = True  # IPTC credits in every exported photo
    web_statement: str = ""  # the publication profile's Web Statement of Rights, if any
    line_width: int | None = None  # agency text
    paper: str = ""  # PDF: "a4", "letter" or "" (from the system's locale)
    # Where the page is published (publication.py; every format: its default language for an
    # article without one) and the last change (ISO 8601; "": the article's own, as the store
    # recorded it): canonical link, og:url, absolute image addresses, publisher, dateModified.
    profile: PublicationProfile | None = None
    modified: str = ""
    # HTML and PDF: the house layout (house_layouts.effective_layout; None: Standard).
    layout: Layout | None = None


def export_format(path: Path, requested: str | None = None) -> str:
    """The format asked for, or the one the file name's suffix says; ExportError otherwise."""
    if requested:
        if requested not in EXPORT_FORMATS:
            raise ExportError(
                f"unknown export format {requested!r}; use one of {', '.join(EXPORT_FORMATS)}",
                code="export.unknown_format",
                format=requested,
            )
        return requested
    found = EXPORT_SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise ExportError(
            f"{path.name}: the export file name ends in .html, .pdf, .docx, .md or .txt "
            "(or choose one with --format)",
            code="export.unknown_suffix",
            name=path.name,
        )
    return found


_EXPORTER_MODULES = {
    HTML: "newsdesk.formats.html_export",
    DOCX: "newsdesk.formats.docx_export",
    MARKDOWN: "newsdesk.formats.markdown_export",
}


def load_exporter(fmt: str) -> None:
    """Import the exporter of `fmt` now: the command line does it while the project file is
    checked on another core (store.early_check), instead of after the file is open."""
    module = _EXPORTER_MODULES.get(fmt)
    if module is not None:
        importlib.import_module(module)


def export_article(
    article: Article,
    out_path: Path,
    fmt: str,
    options: ExportOptions | None = None,
    *,
    cache: DerivedCache | None = None,
) -> None:
    """Write the article in `fmt` (not PDF: see gui.printing.export_pdf) to `out_path`."""
    options = options or ExportOptions()
    out_path = Path(out_path)
    article = page_article(article, options.profile)
    if fmt == HTML:
        from newsdesk.formats.html_export import export_html

        export_html(
            article,
            out_path,
            assets=options.assets,
            cache=cache,
            missing_images=options.missing_images,
            photo_credits=options.photo_credits,
            web_statement=options.web_statement,
            profile=options.profile,
            modified=options.modified or None,
            layout=options.layout,
        )
    elif fmt == DOCX:
        from newsdesk.formats.docx_export import export_docx

        export_docx(
            article,
            out_path,
            photo_credits=options.photo_credits,
            web_statement=options.web_statement,
            cache=cache,
        )
    elif fmt == MARKDOWN:
        from newsdesk.formats.markdown_export import export_markdown

        export_markdown(
            article,
            out_path,
            photo_credits=options.photo_credits,
            web_statement=options.web_statement,
            cache=cache,
        )
    elif fmt == TEXT:
        from newsdesk.formats.agency_text import export_agency_text

        export_agency_text(article, out_path, width=options.line_width)
    else:
        raise ExportError(
            f"the {fmt} export is not written here", code="export.unknown_format", format=fmt
        )
