"""The article as a PDF proof: the exported page, printed by Chromium (Qt WebEngine).

The page is `render_page(..., assets="embed")`, the same HTML the export writes and the preview
shows, printed with its print stylesheet (resources/templates/article.css, `@media print`: black
on white, link addresses after links), with the article's publication (its house layout, its
language for an article without one, its site name) as the export has them. For the proof this
module adds the page box: the paper (A4, or Letter where the system measures in inches), the
site, the headline and the date in the footer's left corner and "page / pages" in its right one,
and the article's last change in the header's right corner ("Stand: …", so that two proofs of
one article tell which is newer), as CSS margin boxes that Chromium lays out.

The page is loaded from a private temporary file (setHtml's limit is 2 MB and the photos are
embedded), with JavaScript off and every request that is not that file or a data: URL refused.
On the command line no display is needed: without one, Qt runs offscreen. Where the web engine
cannot start or render (as root with its sandbox on, a broken installation, a crash of its render
process, a timeout) an ExportError with one line says so, and nothing is written.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from newsdesk.derived_cache import DerivedCache
from newsdesk.errors import ExportError
from newsdesk.formats.exporters import ExportOptions
from newsdesk.formats.html_export import render_page
from newsdesk.formats.html_labels import labels_for, parse_published
from newsdesk.formats.kept_render import KeptRenderCache
from newsdesk.formats.output_files import check_target, write_output
from newsdesk.formats.render_cache import RenderCache
from newsdesk.model.article import Article
from newsdesk.model.last_change import last_change
from newsdesk.publication import page_article

RENDER_TIMEOUT_MS = 120_000  # the 100,000-word bench article prints in a few seconds
A4, LETTER = "a4", "letter"
_FOOTER_STYLE = """<style>
@page {
  size: %(size)s;
  margin: 2cm 2cm 2.5cm;
  @bottom-left { content: "%(headline)s"; font: 8pt/1.2 sans-serif; color: #333; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; }%(changed)s
}
</style>
"""
_CHANGED_BOX = """
  @top-right { content: "%s"; font: 8pt sans-serif; color: #333; }"""
# What the header says before the last change, in the page's language (as its other labels).
_CHANGED_LABEL = {"de": "Stand", "en": "Last change"}


def css_string(text: str) -> str:
    """Text for a CSS string in a <style> element: no quote, backslash, newline or "<" escapes
    it."""
    out = []
    for char in " ".join(text.split()):
        if char in '\\"<>&' or ord(char) < 32:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return "".join(out)


def page_size_for_locale() -> str:
    """Letter where the system measures in inches (the US), else A4."""
    from PySide6.QtCore import QLocale

    system = QLocale.system().measurementSystem()
    return LETTER if system == QLocale.MeasurementSystem.ImperialUSSystem else A4


def footer_style(
    article: Article,
    paper: str,
    today: date | None = None,
    *,
    site_name: str = "",
    modified: str | None = None,
) -> str:
    """The proof's page box: paper, footer (site, headline, date; page numbers) and, with
    `modified` (ISO 8601), the last change in the header, in the reader's local time."""
    labels = labels_for(article.language)
    published = parse_published(article.published)
    when = labels.date(*published) if published else labels.date(_midnight(today), False)
    headline = article.headline.strip() or labels.untitled
    footer = " · ".join(part for part in (site_name.strip(), headline, when) if part)
    changed = ""
    moment = _local_moment(modified)
    if moment is not None:
        label = _CHANGED_LABEL[labels.language]
        changed = _CHANGED_BOX % css_string(f"{label}: {labels.date(moment, True)}")
    return _FOOTER_STYLE % {
        "size": "letter" if paper == LETTER else "A4",
        "headline": css_string(footer),
        "changed": changed,
    }


def _local_moment(iso: str | None):
    """An ISO 8601 moment in this computer's time zone; None for none or an unreadable one."""
    from datetime import datetime

    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone() if moment.tzinfo is not None else moment


def _midnight(today: date | None):
    from datetime import datetime

    day = today or date.today()
    return datetime(day.year, day.month, day.day)


def print_html(
    article: Article,
    options: ExportOptions,
    paper: str,
    *,
    cache: DerivedCache | None = None,
    render_cache: RenderCache | None = None,
) -> str:
    """The exported page with the proof's page box (see the module docstring); with a `cache`
    (and `render_cache`) as html_export's, the photos and text an export kept are used."""
    profile = options.profile
    shown = page_article(article, profile)  # in the publication's language when it has none
    modified = options.modified or last_change(article)
    page = render_page(
        shown,
        assets="embed",
        cache=cache,
        render_cache=render_cache,
        missing_images=options.missing_images,
        photo_credits=options.photo_credits,
        web_statement=options.web_statement,
        layout=options.layout,
        profile=profile,
        modified=modified,
    )
    box = footer_style(
        shown, paper, site_name=profile.site_name if profile else "", modified=modified
    )
    return page.html.replace("</head>", box + "</head>", 1)


def _ensure_application():
    """The running QApplication, or one made for printing (offscreen without a display)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        return app
    from newsdesk.gui.preview.engine import chromium_refuses_to_start, prefer_software_rendering

    if chromium_refuses_to_start():
        raise ExportError(
            "the PDF cannot be made as root with Chromium's sandbox on; set "
            "QTWEBENGINE_DISABLE_SANDBOX=1 to allow it",
            code="export.pdf_sandbox",
        )
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not has_display and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    prefer_software_rendering()
    _quiet_engine()
    import PySide6.QtWebEngineCore  # noqa: F401 (must load before the QApplication exists)
    from PySide6.QtCore import QCoreApplication, Qt

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    return QApplication(["newsdesk"])


def _quiet_engine() -> None:
    """On the command line the PDF is the answer: Chromium's and Qt's start-up chatter (no GPU,
    no D-Bus, no sandbox as asked) is not. Errors still end in one ExportError line."""
    from PySide6.QtCore import qInstallMessageHandler

    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    if not any(flag.startswith("--log-level") for flag in flags):
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([*flags, "--log-level=3"])
    qInstallMessageHandler(lambda *_message: None)


def render_pdf(html: str, paper: str = "") -> bytes:
    """Chromium's PDF of the page `html`; ExportError when the web engine cannot make it."""
    try:
        _ensure_application()
        from newsdesk.gui.printing.pdf_page import print_to_pdf
    except ImportError as exc:
        raise ExportError(
            f"the PDF needs Qt WebEngine, which cannot be loaded: {exc}",
            code="export.pdf_engine",
            reason=str(exc),
        ) from exc
    with tempfile.TemporaryDirectory(prefix="newsdesk-print-") as folder:
        page_file = Path(folder) / "page.html"
        page_file.write_text(html, encoding="utf-8")
        return print_to_pdf(page_file, paper or page_size_for_locale(), RENDER_TIMEOUT_MS)


def export_pdf(
    article: Article,
    out_path: Path,
    options: ExportOptions | None = None,
    *,
    cache: DerivedCache | None = None,
) -> Path:
    """Write the PDF proof of the article atomically; ExportError on any failure. With a
    `cache` (the command line's ProjectCache) the photo sizes and converted text of the page
    are taken from it and kept in it, as the HTML export keeps them (formats.kept_render)."""
    options = options or ExportOptions()
    out_path = Path(out_path)
    check_target(out_path)
    paper = options.paper or ""
    if not paper:
        try:
            paper = page_size_for_locale()
        except ImportError:
            paper = A4
    kept_render = KeptRenderCache(cache, article) if cache is not None else None
    html = print_html(article, options, paper, cache=cache, render_cache=kept_render)
    written = write_output(out_path, render_pdf(html, paper))
    if kept_render is not None:
        kept_render.keep()
    return written
