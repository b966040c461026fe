"""File > Print…: the platform's print dialog, printing the same page as the PDF proof.

The page is `pdf_export.print_html` (the exported page with its print stylesheet, the headline and
date in the footer, "page / pages"), loaded as for the proof (JavaScript off, nothing but the
page file and its embedded photos may load) into a hidden web view, and printed by Chromium to
the chosen printer, with the proof's margins. The paper follows the printer's page size (A4 or
Letter). Chromium prints through a raster of each page: more than 300 dots per inch only makes
the job slower and larger, so a finer printer resolution is lowered to that.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer, QUrl
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QDialog, QWidget

from newsdesk.errors import ExportError
from newsdesk.formats.exporters import ExportOptions
from newsdesk.gui.printing.pdf_export import A4, LETTER, RENDER_TIMEOUT_MS, print_html
from newsdesk.gui.printing.pdf_page import MARGINS_MM, _OnlyThePage, give_page_a_screen
from newsdesk.model.article import Article

if TYPE_CHECKING:
    from newsdesk.gui.files.article_files import ArticleFiles

translate = QCoreApplication.translate

MAX_PRINT_DPI = 300


def paper_of(printer: QPrinter) -> str:
    """ "letter" when the printer's paper is Letter, else "a4" (the page box's CSS size)."""
    size = printer.pageLayout().pageSize().id()
    return LETTER if size == QPageSize.PageSizeId.Letter else A4


def _failed(reason: str) -> ExportError:
    return ExportError(
        f"the article could not be printed: {reason}", code="print.failed", reason=reason
    )


def print_article(
    article: Article,
    printer: QPrinter,
    options: ExportOptions | None = None,
    timeout_ms: int = RENDER_TIMEOUT_MS,
) -> None:
    """Print the article's proof page to `printer`; ExportError when it could not be printed."""
    options = options or ExportOptions(missing_images="placeholder")
    if printer.resolution() > MAX_PRINT_DPI:
        printer.setResolution(MAX_PRINT_DPI)
    # The proof's margins: the footer (headline, date, page numbers) is laid out in them.
    printer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    html = print_html(article, options, paper_of(printer))
    with tempfile.TemporaryDirectory(prefix="newsdesk-print-") as folder:
        page_file = Path(folder) / "page.html"
        page_file.write_text(html, encoding="utf-8")
        _print_page(page_file, printer, timeout_ms)


def _print_page(page_file: Path, printer: QPrinter, timeout_ms: int) -> None:
    profile = QWebEngineProfile()  # off the record: no cache, no cookies on disk
    page_url = QUrl.fromLocalFile(str(page_file))
    interceptor = _OnlyThePage(page_url)
    profile.setUrlRequestInterceptor(interceptor)
    view = QWebEngineView()
    page = QWebEnginePage(profile, view)
    settings = page.settings()
    settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
    view.setPage(page)
    give_page_a_screen(view, paper_of(printer))
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def finish(key: str, value: object) -> None:
        outcome.setdefault(key, value)
        loop.quit()

    def loaded(ok: bool) -> None:
        if ok:
            view.print(printer)
        else:
            finish("error", "the page did not load")

    page.loadFinished.connect(loaded)
    view.printFinished.connect(lambda ok: finish("printed", ok))
    page.renderProcessTerminated.connect(
        lambda _status, code: finish("error", f"the web engine's render process ended ({code})")
    )
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: finish("error", "the web engine did not answer in time"))
    timer.start(timeout_ms)
    page.load(page_url)
    loop.exec()
    timer.stop()
    page.loadFinished.disconnect(loaded)
    # The page must be gone before its profile, or Qt WebEngine warns of trouble.
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    profile.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    if outcome.get("printed") is True:
        return
    if "error" in outcome:
        raise _failed(str(outcome["error"]))
    raise _failed("the printer did not take the page")


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    """The platform's print dialog; the chosen printer, or None when the journalist cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("print_dialog")
    dialog.setWindowTitle(translate("PrintArticle", "Print Article"))
    try:
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def print_from_window(files: ArticleFiles, printer: QPrinter | None = None) -> bool:
    """File > Print…: ask for the printer (unless given) and print what is on screen."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from newsdesk.errors import NewsdeskError
    from newsdesk.gui.dialogs.errors import show_error

    if files.session is None:
        return False
    files.bring_up_to_date()  # typed text first: the print is what is on screen
    printer = printer or ask_printer(files.parent_widget)
    if printer is None:
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        from newsdesk.formats.exporters import ExportOptions
        from newsdesk.gui.layouts.page_layout import window_layout
        from newsdesk.gui.publish.page_profile import page_profile

        # The page as the preview shows it, in its layout, for its publication (site name in the
        # footer, its language for an article without one), as the PDF proof.
        options = ExportOptions(
            missing_images="placeholder",
            layout=window_layout(files.article),
            profile=page_profile(files.article),
        )
        print_article(files.article, printer, options)
    except (NewsdeskError, OSError) as exc:
        QApplication.restoreOverrideCursor()
        show_error(files.parent_widget, exc)
        return False
    QApplication.restoreOverrideCursor()
    files.message.emit(
        translate("PrintArticle", "Sent “%1” to the printer").replace(
            "%1", files.article.headline.strip() or translate("PrintArticle", "the article")
        )
    )
    return True
