"""The never-saved articles, offered at start in one dialog: when, how long, how they begin.

New articles live in the user data folder until they get a name (see user_data.py). A crash, a
forgotten Save As or several windows can leave more than one there, and offering them one question
after another, each an "Untitled article", made the journalist guess. This dialog lists them all,
newest first, with the time of the last change, the length (words and file size) and the first
words, so the right one is found at a glance: Open it, Delete the ones not needed, or decide Later.
A draft another window has open is not listed (its lock says so); an empty one is deleted unasked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.gui.files.user_data import article_is_empty, delete_draft
from newsdesk.model.article import Article
from newsdesk.model.counts import article_counts

FIRST_WORDS = 14


@dataclass(frozen=True)
class DraftInfo:
    """What the list shows of one draft."""

    path: Path
    changed: float  # seconds since the epoch, the newest of the file and its -wal
    size_bytes: int
    words: int
    beginning: str  # the headline, or else the first words of the text
    empty: bool


def _read_draft(path: Path) -> Article | None:
    """The draft's article, or None while another window holds it (or it cannot be read)."""
    from newsdesk.errors import NewsdeskError
    from newsdesk.store import ProjectLock, open_project

    lock = ProjectLock(path)
    try:
        lock.acquire()
    except (NewsdeskError, OSError):
        return None
    try:
        with open_project(path, read_only=True) as project:
            return project.load()
    except (NewsdeskError, OSError):
        return None
    finally:
        lock.release()


def beginning_of(article: Article, words: int = FIRST_WORDS) -> str:
    """The headline and the first words of the text, as plain words ("…" when cut)."""
    texts = [article.headline, *(s.heading + " " + s.markdown for s in article.walk_sections())]
    found = []
    for text in texts:
        # Markdown markers are no words a reader would recognise the draft by.
        found += [w.strip("#*_>`[]()") for w in text.split()]
        found = [w for w in found if w and not w.startswith(("http:", "https:"))]
        if len(found) > words:
            return " ".join(found[:words]) + " …"
    return " ".join(found)


def draft_info(path: Path) -> DraftInfo | None:
    article = _read_draft(path)
    if article is None:
        return None
    sides = [path, path.with_name(path.name + "-wal")]
    stats = [p.stat() for p in sides if p.exists()]
    return DraftInfo(
        path=path,
        changed=max(s.st_mtime for s in stats),
        size_bytes=sum(s.st_size for s in stats),
        words=article_counts(article).words,
        beginning=beginning_of(article),
        empty=article_is_empty(article),
    )


class DraftsDialog(QDialog):
    """Lists drafts; `chosen` is the one to open after Open, None after Later."""

    def __init__(self, drafts: list[DraftInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftsDialog")
        self.setWindowTitle(self.tr("Articles you never saved"))
        self.chosen: Path | None = None
        self._drafts = {str(d.path): d for d in drafts}
        intro = QLabel(
            self.tr(
                "Newsdesk kept these new articles from earlier sessions. Open one to go on "
                "writing, then save it where you like with File > Save As."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("draftList")
        self.list.setHeaderLabels([self.tr("Last changed"), self.tr("Length"), self.tr("Begins")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        locale = QLocale()
        for draft in sorted(drafts, key=lambda d: d.changed, reverse=True):
            changed = QDateTime.fromSecsSinceEpoch(int(draft.changed))
            length = self.tr("%n word(s)", "", draft.words) + f", {_kilobytes(draft.size_bytes)}"
            item = QTreeWidgetItem(
                [locale.toString(changed, QLocale.FormatType.ShortFormat), length, draft.beginning]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, str(draft.path))
            item.setToolTip(2, draft.beginning)
            self.list.addTopLevelItem(item)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        for column in (0, 1):
            self.list.resizeColumnToContents(column)
        self.list.itemDoubleClicked.connect(lambda *_args: self._open())

        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("open")
        self.open_button.setDefault(True)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("delete")
        self.later_button = QPushButton(self.tr("Later"), self)
        self.later_button.setObjectName("later")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.clicked.connect(self._open)
        self.delete_button.clicked.connect(self._delete)
        self.later_button.clicked.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._selection_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(720, 320)

    def _selected(self) -> list[QTreeWidgetItem]:
        return self.list.selectedItems()

    def _selection_changed(self) -> None:
        count = len(self._selected())
        self.open_button.setEnabled(count == 1)  # one article per window
        self.delete_button.setEnabled(count > 0)

    def _open(self) -> None:
        selected = self._selected()
        if len(selected) == 1:
            self.chosen = Path(selected[0].data(0, Qt.ItemDataRole.UserRole))
            self.accept()

    def _delete(self) -> None:
        for item in self._selected():
            delete_draft(Path(item.data(0, Qt.ItemDataRole.UserRole)))
            self.list.takeTopLevelItem(self.list.indexOfTopLevelItem(item))
        if self.list.topLevelItemCount() == 0:
            self.reject()
        elif (first := self.list.topLevelItem(0)) is not None:
            self.list.setCurrentItem(first)


def _kilobytes(size: int) -> str:
    return f"{max(1, round(size / 1024))} KB"


def offer_drafts(parent: QWidget | None, paths: list[Path]) -> Path | None:
    """At start: the dialog over the drafts at `paths`; returns the one to open, if any.

    Drafts another window holds are left out; empty ones are deleted without asking.
    """
    drafts = []
    for path in paths:
        info = draft_info(path)
        if info is None:
            continue
        if info.empty:
            delete_draft(path)
            continue
        drafts.append(info)
    if not drafts:
        return None
    dialog = DraftsDialog(drafts, parent)
    dialog.exec()
    chosen = dialog.chosen
    dialog.deleteLater()
    return chosen
