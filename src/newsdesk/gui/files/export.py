"""File > Export: what the window does to write the open article as a web page.

Export asks through the export dialog (which warns about preflight errors), writes the article as
it is on screen (typed text included) and keeps derived photo sizes in the project as a cache.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog

from newsdesk.derived_cache import ProjectCache
from newsdesk.errors import NewsdeskError
from newsdesk.formats.slug import effective_slug
from newsdesk.gui.check.finding_messages import finding_text
from newsdesk.gui.dialogs.errors import show_error
from newsdesk.model.article import Article
from newsdesk.model.preflight import preflight

if TYPE_CHECKING:
    from newsdesk.gui.files.article_files import ArticleFiles
    from newsdesk.gui.files.export_dialog import ExportChoice

translate = QCoreApplication.translate


def open_in_browser(path: Path) -> bool:
    """Show the exported page in the desktop's default browser."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def preflight_errors(article: Article) -> list[str]:
    """The article's preflight errors, in the interface language."""
    from newsdesk.gui.layouts.page_layout import layout_choice_findings
    from newsdesk.gui.publish.page_profile import checked_article

    # A house layout that cannot be used is an error too: the export would refuse it.
    found = preflight(checked_article(article)) + layout_choice_findings(article)
    return [finding_text(finding, article) for finding in found if finding.level == "error"]


def ask_export(files: ArticleFiles) -> ExportChoice | None:
    """The export dialog, warning about preflight errors; None when the journalist cancels."""
    # Imported here: the window does not need the dialog to show itself (start-up time).
    from newsdesk.gui.files.export_dialog import ExportDialog

    suggested = files.suggested_path().with_suffix(".html")
    dialog = ExportDialog(
        files.settings,
        suggested,
        slug=effective_slug(files.article),
        errors=preflight_errors(files.article),
        parent=files.parent_widget,
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
    finally:
        dialog.deleteLater()


def export_html(
    files: ArticleFiles,
    target: Path | None = None,
    assets: str = "embed",
    *,
    opener: Callable[[Path], bool] | None = None,
    photo_credits: bool = True,
) -> bool:
    """Write the web page; True when it was written.

    Without `target`, the export dialog asks where, in which form, and whether to open the page
    afterwards with `opener` (default: the desktop's browser; it returns False when nothing could
    open the page). With a `target` nothing is asked: a caller that names the file has decided.
    """
    from newsdesk.formats.html_export import export_html as write_page
    from newsdesk.gui.layouts.page_layout import window_layout
    from newsdesk.gui.publish.page_profile import page_profile

    if files.session is None:
        return False
    # Typed text first: the preflight in the dialog and the page both see what is on screen.
    files.bring_up_to_date()
    open_afterwards = False
    if target is None:
        choice = ask_export(files)
        if choice is None:
            return False
        if choice.format != "html":  # the dialog offers every format: another one's writer
            from newsdesk.gui.files.export_formats import export

            return export(files, choice)
        target, assets, open_afterwards = choice.target, choice.assets, choice.open_afterwards
        photo_credits = choice.photo_credits
    cache = None if files.read_only else ProjectCache(files.session.project)
    try:
        # As on the command line: a photo still to come keeps its caption, credit and disclaimer.
        write_page(
            files.article,
            Path(target),
            assets=assets,
            cache=cache,
            missing_images="placeholder",
            photo_credits=photo_credits,  # the dialog's "Photos carry their credit"
            # As `newsdesk export`: the chosen publication (dateModified: the article's).
            profile=page_profile(files.article),
            layout=window_layout(files.article),  # LayoutError when it cannot be used
        )
    except (NewsdeskError, OSError) as exc:
        show_error(files.parent_widget, exc)
        return False
    files.message.emit(translate("ArticleFiles", "Exported “%1”").replace("%1", Path(target).name))
    if open_afterwards and not (opener or open_in_browser)(Path(target)):
        files.message.emit(
            translate("ArticleFiles", "Exported “%1”; no browser could open it").replace(
                "%1", Path(target).name
            )
        )
    return True
