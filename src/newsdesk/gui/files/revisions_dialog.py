"""File > Revisions: the saved states of the article, a read-only preview (details, photos, text),
a word-level comparison with the current text, and restore. Revisions Newsdesk recorded by itself
(before a deletion, every 10 minutes of editing) are marked "Automatic" and shown in italics.

The dialog only chooses. Restoring is the window's job: it pushes a ReplaceArticle command (so the
restore can be undone like any edit) and records the restore itself as a new revision, so nothing
that was ever saved is lost by going back.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import NewsdeskError
from newsdesk.gui.dialogs.error_messages import error_text
from newsdesk.gui.files.revisions_preview import (
    add_photo_resources,
    article_preview_html,
    comparison_html,
)
from newsdesk.model.article import Article

translate = QCoreApplication.translate


def format_revision_time(created: object) -> str:
    """The revision's time in the user's locale; accepts datetime, epoch seconds or ISO text."""
    when: dt.datetime | None = None
    if isinstance(created, dt.datetime):
        when = created
    elif isinstance(created, int | float):
        when = dt.datetime.fromtimestamp(created, tz=dt.UTC)
    elif isinstance(created, str):
        try:
            when = dt.datetime.fromisoformat(created)
        except ValueError:
            return created
    if when is None:
        return str(created)
    if when.tzinfo is not None:
        when = when.astimezone()  # show local time
    shown = QDateTime(
        QDate(when.year, when.month, when.day), QTime(when.hour, when.minute, when.second)
    )
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


class RevisionsDialog(QDialog):
    """Lists `project.revisions()`; after exec() returns Accepted, `chosen` holds the article."""

    def __init__(
        self, project, parent: QWidget | None = None, *, current: Article | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RevisionsDialog", "Revisions"))
        self.resize(900, 560)
        self._project = project
        self._current = current  # the article in the window, to compare with
        self.chosen: Article | None = None
        self.chosen_revision = None

        self.list = QTreeWidget(self)
        self.list.setHeaderLabels(
            [
                translate("RevisionsDialog", "Saved"),
                translate("RevisionsDialog", "Words"),
                translate("RevisionsDialog", "Note"),
            ]
        )
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.currentItemChanged.connect(self._show_preview)
        self.list.itemDoubleClicked.connect(lambda *_: self._restore())
        self.preview = QTextBrowser(self)
        self.preview.setOpenLinks(False)
        self.comparison = QTextBrowser(self)
        self.comparison.setOpenLinks(False)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.preview, translate("RevisionsDialog", "Revision"))
        self.tabs.addTab(self.comparison, translate("RevisionsDialog", "Changes since"))
        self.tabs.setTabEnabled(1, current is not None)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.tabs)
        splitter.setSizes([330, 570])

        self.restore_button = QPushButton(
            translate("RevisionsDialog", "&Restore this revision"), self
        )
        self.restore_button.clicked.connect(self._restore)
        self.restore_button.setEnabled(False)
        self.restore_button.setDisabled(bool(getattr(project, "read_only", False)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addLayout(row)
        self._revisions = self._fill()

    def _fill(self) -> list:
        try:
            revisions = list(self._project.revisions())
        except NewsdeskError as exc:
            self.preview.setPlainText(error_text(exc))
            return []
        # Newest first: the journalist is usually looking for "a few minutes ago".
        if _oldest_first(revisions):
            revisions.reverse()
        for revision in revisions:
            automatic = bool(getattr(revision, "automatic", False))
            note = revision.label or ""
            if automatic:
                note = translate("RevisionsDialog", "Automatic: %1").replace("%1", note)
            item = QTreeWidgetItem(
                [
                    format_revision_time(revision.created),
                    QLocale().toString(int(revision.words)),
                    note,
                ]
            )
            if automatic:
                font = item.font(2)
                font.setItalic(True)
                for column in range(3):
                    item.setFont(column, font)
                item.setToolTip(
                    2,
                    translate(
                        "RevisionsDialog",
                        "Newsdesk recorded this revision by itself. Older automatic revisions "
                        "are thinned out: all of the last day, then one an hour, then one a day.",
                    ),
                )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, Qt.ItemDataRole.UserRole, revision.id)
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        first = self.list.topLevelItem(0)
        if revisions and first is not None:
            self.list.setCurrentItem(first)
        else:
            self.preview.setPlainText(
                translate("RevisionsDialog", "This article has no saved revisions yet.")
            )
        return revisions

    def revision_count(self) -> int:
        return self.list.topLevelItemCount()

    def select_row(self, row: int) -> None:
        item = self.list.topLevelItem(row)
        if item is not None:
            self.list.setCurrentItem(item)

    def _load_current(self) -> Article | None:
        item = self.list.currentItem()
        if item is None:
            return None
        try:
            return self._project.load_revision(item.data(0, Qt.ItemDataRole.UserRole))
        except NewsdeskError as exc:
            self.preview.setPlainText(error_text(exc))
            return None

    def _show_preview(self, *_args) -> None:
        article = self._load_current()
        self.restore_button.setEnabled(
            article is not None and not getattr(self._project, "read_only", False)
        )
        if article is not None:
            urls = add_photo_resources(self.preview.document(), article)
            self.preview.setHtml(article_preview_html(article, photo_urls=urls))
            if self._current is not None:
                self.comparison.setHtml(comparison_html(article, self._current))

    def _restore(self) -> None:
        article = self._load_current()
        if article is None or getattr(self._project, "read_only", False):
            return
        current = self.list.currentItem()
        if current is None:
            return
        row = self.list.indexOfTopLevelItem(current)
        self.chosen = article
        self.chosen_revision = self._revisions[row]
        self.accept()


def _oldest_first(revisions: list) -> bool:
    if len(revisions) < 2:
        return False
    first, last = revisions[0], revisions[-1]
    try:
        return first.created < last.created or (
            first.created == last.created and first.id < last.id
        )
    except TypeError:
        return False
