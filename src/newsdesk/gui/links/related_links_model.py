"""The related-links list as a Qt table model: title and URL per row, problems marked, rows movable.

Like the section tree's model, this one never changes the article itself: an edit in place, a
drop or `moveRows` becomes a command from `model.related_commands` pushed on the window's
ArticleState, and the pane calls `refresh()` when `article_changed` names the related links.
A refresh that keeps the number of rows only repaints (dataChanged), so an open editor and the
selection survive it; a changed number of rows resets the model.

The URL column carries the problem `validate_link_url` names (the rule the exporter follows): a
warning icon, red text and the problem as tooltip; a link without URL shows a hint instead.
Dropping rows moves them; dropping a web address dragged from a browser adds a link there.
"""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from newsdesk.errors import NewsdeskError
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.translatable import QT_TRANSLATE_NOOP
from newsdesk.model.article import RelatedLink
from newsdesk.model.commands import EditCommand
from newsdesk.model.related_commands import (
    PROBLEM_EMPTY,
    AddRelatedLink,
    MoveRelatedLink,
    RemoveRelatedLink,
    SetRelatedHeading,
    SetRelatedLink,
    link_from_text,
    validate_link_url,
)
from newsdesk.model.web_addresses import completed_web_address

# What Qt hands an item model as an index (views pass persistent ones too).
ModelIndex = QModelIndex | QPersistentModelIndex

translate = QCoreApplication.translate

TITLE_COLUMN = 0
URL_COLUMN = 1
MIME_TYPE = "application/x-newsdesk-related-link"
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the untranslated problem of the row's URL, or None
INVALID_COLOUR = QColor("#b3261e")
HINT_COLOUR = QColor("#6b6b6b")

CONTEXT = "RelatedLinks"
# validate_link_url's problems, listed so that lupdate collects them (a test keeps them in step).
URL_PROBLEM_TEXTS = (
    QT_TRANSLATE_NOOP("RelatedLinks", "no URL yet"),
    QT_TRANSLATE_NOOP("RelatedLinks", "contains spaces or control characters"),
    QT_TRANSLATE_NOOP("RelatedLinks", "not a web address: it must start with https:// or http://"),
    QT_TRANSLATE_NOOP("RelatedLinks", "only http and https links"),
    QT_TRANSLATE_NOOP("RelatedLinks", "the address has no host name"),
    QT_TRANSLATE_NOOP("RelatedLinks", "not a web address"),
)


def problem_text(problem: str) -> str:
    """A problem from validate_link_url in the interface language."""
    return translate(CONTEXT, problem)


def command_label(command: EditCommand) -> str:
    """The translated undo label of a related-links command."""
    labels = {
        SetRelatedHeading: translate("RelatedLinks", "Edit related links heading"),
        AddRelatedLink: translate("RelatedLinks", "Add related link"),
        RemoveRelatedLink: translate("RelatedLinks", "Remove related link"),
        SetRelatedLink: translate("RelatedLinks", "Edit related link"),
        MoveRelatedLink: translate("RelatedLinks", "Move related link"),
    }
    return labels.get(type(command), translate("RelatedLinks", "Edit related links"))


def move_target(from_row: int, destination_row: int) -> int:
    """The index after the move for Qt's "insert before `destination_row`" (which counts the row
    being moved)."""
    return destination_row - 1 if destination_row > from_row else destination_row


class RelatedLinksModel(QAbstractTableModel):
    """Rows over `stack.article.related.links` (see the module docstring)."""

    # An edit the article refused (the list changed meanwhile); the pane shows it. A model shows
    # no dialogs itself, and a silent refusal would leave the user's edit seemingly ignored.
    refused = Signal(object)

    def __init__(self, stack: ArticleState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self._rows = len(self._links())
        self.read_only = False
        self._wanted_row: int | None = None

    def _links(self) -> list[RelatedLink]:
        return self._stack.article.related.links

    def link(self, row: int) -> RelatedLink | None:
        links = self._links()
        return links[row] if 0 <= row < len(links) else None

    def refresh(self) -> None:
        """Show the article's list again: repaint when the length is the same, else reset."""
        rows = len(self._links())
        if rows != self._rows:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, URL_COLUMN))

    # --- reading ------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Title") if section == TITLE_COLUMN else self.tr("URL")
        return None

    def data(self, index: ModelIndex, role: int = 0):
        link = self.link(index.row()) if index.isValid() else None
        if link is None:
            return None
        if index.column() == TITLE_COLUMN:
            return self._title_data(link, role)
        return self._url_data(link, role)

    def _title_data(self, link: RelatedLink, role: int):
        if role == Qt.ItemDataRole.EditRole:
            return link.title
        if role == Qt.ItemDataRole.DisplayRole:
            return link.title or self.tr("(no title)")
        if role == Qt.ItemDataRole.ForegroundRole and not link.title.strip():
            return QBrush(HINT_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and not link.title.strip():
            return self.tr("This link has no title; readers see the address instead.")
        return None

    def _url_data(self, link: RelatedLink, role: int):
        problem = validate_link_url(link.url)
        if role == Qt.ItemDataRole.EditRole:
            return link.url
        if role == PROBLEM_ROLE:
            return problem
        if role == Qt.ItemDataRole.DisplayRole:
            return link.url if link.url.strip() else self.tr("(no URL yet)")
        if problem is None:
            return link.url if role == Qt.ItemDataRole.ToolTipRole else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem_text(problem)
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = (
                QStyle.StandardPixmap.SP_MessageBoxInformation
                if problem == PROBLEM_EMPTY
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            return QApplication.style().standardIcon(pixmap)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(HINT_COLOUR if problem == PROBLEM_EMPTY else INVALID_COLOUR)
        if role == Qt.ItemDataRole.FontRole and problem == PROBLEM_EMPTY:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            # Between rows (and below the last one) is where rows and addresses may be dropped.
            return Qt.ItemFlag.NoItemFlags if self.read_only else Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # --- editing ------------------------------------------------------------------------------

    def push(self, command: EditCommand) -> bool:
        """Push a command with its label; False when it was refused (the list changed meanwhile)."""
        if self.read_only:
            return False
        # The stack refreshes views while it pushes, so the row to select is known beforehand.
        self._wanted_row = self._row_after(command)
        try:
            self._stack.push_command(command, command_label(command))
        except NewsdeskError as error:
            self._wanted_row = None
            self.refused.emit(error)
            return False
        return True

    def _row_after(self, command: EditCommand) -> int | None:
        """The row to select once `command` is done: the added, moved or edited link, or the
        one that takes a removed link's place."""
        if isinstance(command, AddRelatedLink):
            return self._rows if command.index is None else command.index
        if isinstance(command, MoveRelatedLink):
            return command.to_index
        if isinstance(command, SetRelatedLink):
            return command.index
        if isinstance(command, RemoveRelatedLink):
            return min(command.index, self._rows - 2)
        return None

    def take_wanted_row(self) -> int | None:
        """The row the last pushed command asks to select (once), or None."""
        row, self._wanted_row = self._wanted_row, None
        return row

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        link = self.link(index.row()) if index.isValid() else None
        if link is None or role != Qt.ItemDataRole.EditRole or not isinstance(value, str):
            return False  # a view clearing cells passes None: nothing to do
        row = index.row()
        if index.column() == URL_COLUMN:
            # The one rule: "council.example.org/minutes" is stored, and shown, with https://.
            url = completed_web_address(value)
            if url == link.url:
                return False
            return self.push(SetRelatedLink(row, link.title, url))
        pasted = link_from_text(value)
        if pasted is not None:
            # The paste rule: a web address typed or pasted as a title is the link's address.
            if not link.url.strip():
                title = link.title if link.title.strip() else pasted.title
                return self.push(SetRelatedLink(row, title, pasted.url))
            if pasted.url != link.url:
                return self.push(AddRelatedLink(pasted, row + 1))
            return False
        if value == link.title:
            return False
        return self.push(SetRelatedLink(row, value, link.url))

    # --- moving -------------------------------------------------------------------------------

    def moveRows(
        self,
        source_parent: QModelIndex | QPersistentModelIndex,
        source_row: int,
        count: int,
        destination_parent: QModelIndex | QPersistentModelIndex,
        destination_child: int,
    ) -> bool:
        """Move one row to before `destination_child` (Qt's meaning) as one undoable command."""
        if source_parent.isValid() or destination_parent.isValid() or count != 1:
            return False
        if not 0 <= source_row < self._rows or not 0 <= destination_child <= self._rows:
            return False
        target = move_target(source_row, destination_child)
        if target == source_row:
            return False
        return self.push(MoveRelatedLink(source_row, target))

    def removeRows(self, row: int, count: int, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        # After a move-drop the view asks to remove the dragged rows; the move already happened
        # through the undo stack, so there is nothing left to remove. (Removing is a command.)
        return False

    def supportedDropActions(self) -> Qt.DropAction:
        # Move: rows within the list; copy or link: an address dragged in from a browser.
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction | Qt.DropAction.LinkAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE, "text/uri-list", "text/plain"]

    # Qt takes no data (a null pointer) as nothing to drag; the stub allows only QMimeData.
    def mimeData(self, indexes) -> QMimeData | None:  # type: ignore[override]
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if len(rows) != 1:
            return None
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(json.dumps(rows[0]).encode("utf-8")))
        link = self.link(rows[0])
        if link is not None and link.url:
            data.setText(link.url)  # dragged out of the list, the row is its address
        return data

    def command_for_drop(self, data: QMimeData | None, row: int) -> EditCommand | None:
        """What a drop before `row` (-1: at the end) means: a move, a new link, or nothing."""
        if data is None or self.read_only:
            return None
        position = self._rows if row < 0 else min(row, self._rows)
        if data.hasFormat(MIME_TYPE):
            try:
                source = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
            except ValueError:
                return None
            if not isinstance(source, int) or not 0 <= source < self._rows:
                return None
            target = move_target(source, position)
            return MoveRelatedLink(source, target) if target != source else None
        text = data.urls()[0].toString() if data.hasUrls() else data.text()
        link = link_from_text(text)
        return AddRelatedLink(link, position) if link is not None else None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        if parent.isValid():
            row = parent.row()  # onto a row: before it
        return self.command_for_drop(data, row) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if parent.isValid():
            row = parent.row()  # onto a row: before it
        command = self.command_for_drop(data, row)
        return command is not None and self.push(command)
