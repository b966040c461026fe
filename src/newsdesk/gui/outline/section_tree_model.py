"""The section tree's item model: the article's outline as rows, and what a drop onto it means.

Rows: the article (showing the headline) at the top; under it the sections, nested as in the
article, then two fixed rows, "Photos" (one child per photo) and "Related links". Column 1 shows
word counts (a section's own words; the article row shows the whole body's).

The model never changes the article itself. Renames and drops become edit commands pushed on the
window's ArticleState; the stack's `article_changed` summary comes back and the model repaints
the rows that changed (dataChanged) or, when the tree changed shape, rebuilds itself (a model
reset). The view that shows it lives in `section_tree`.
"""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from newsdesk.errors import NewsdeskError
from newsdesk.gui.appearance import mark_colour, mark_tint
from newsdesk.gui.article_state import ArticleState
from newsdesk.model.article import Section
from newsdesk.model.commands import (
    Changes,
    EditCommand,
    MoveSection,
    RenameSection,
    SetArticleField,
    section_depth,
    subtree_height,
)
from newsdesk.model.serialize import MAX_SECTION_DEPTH

# What Qt hands an item model as an index (views pass persistent ones too).
ModelIndex = QModelIndex | QPersistentModelIndex

MIME_TYPE = "application/x-newsdesk-section-ids"
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # "root", a section id, "images", "image:ID", "links"
NODE_ROLE = Qt.ItemDataRole.UserRole + 2  # "article", "section", "images", "image", "links"
SECTION_KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # "body", "opinion", "box" for sections


class _Node:
    """One row. Kept by the model (and passed to createIndex) until the next rebuild."""

    __slots__ = ("children", "key", "kind", "parent", "row")

    def __init__(self, kind: str, key: str, parent: _Node | None) -> None:
        self.kind = kind
        self.key = key
        self.parent = parent
        self.children: list[_Node] = []
        self.row = 0
        if parent is not None:
            self.row = len(parent.children)
            parent.children.append(self)


def _kind_icon(color: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(color)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class SectionTreeModel(QAbstractItemModel):
    """The article's outline over an ArticleState (which it reads and pushes commands to)."""

    TITLE_COLUMN = 0
    WORDS_COLUMN = 1

    def __init__(self, stack: ArticleState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self._icons: dict[tuple[str, str], QIcon] = {}
        self._invisible = _Node("invisible", "", None)
        self._by_key: dict[str, _Node] = {}
        self._retired: _Node | None = None
        self._counts_held = False
        self._build()
        stack.article_changed.connect(self.apply_changes)

    @property
    def stack(self) -> ArticleState:
        return self._stack

    # --- building and refreshing ---------------------------------------------------------------

    def _build(self) -> None:
        self._retired = self._invisible  # old indexes may still be dereferenced during the reset
        article = self._stack.article
        self._invisible = _Node("invisible", "", None)
        root = _Node("article", "root", self._invisible)

        def add(section: Section, parent: _Node) -> None:
            node = _Node("section", section.id, parent)
            for child in section.children:
                add(child, node)

        for section in article.sections:
            add(section, root)
        # Cells ask for their section on every paint; a walk of the tree for each one was
        # quadratic in the number of sections. Rebuilt with the rows (structure changes).
        self._sections = {section.id: section for section in article.walk_sections()}
        images = _Node("images", "images", root)
        for image in article.images:
            _Node("image", f"image:{image.id}", images)
        _Node("links", "links", root)
        self._by_key = {}
        stack = [root]
        while stack:
            node = stack.pop()
            self._by_key[node.key] = node
            stack.extend(node.children)

    def refresh(self) -> None:
        """Rebuild every row (the view keeps its selection and expanded rows)."""
        self.beginResetModel()
        self._build()
        self.endResetModel()

    def apply_changes(self, changes: Changes) -> None:
        """Follow a command's summary: rebuild on structure, otherwise repaint what changed."""
        if changes.everything or changes.structure or changes.added or changes.removed:
            self.refresh()
            return
        if changes.images:
            shown = [node.key for node in self._by_key["images"].children]
            if shown != [f"image:{image.id}" for image in self._stack.article.images]:
                self.refresh()  # a photo added, removed or moved: the rows change
                return
            for image_id in changes.images:
                self._repaint(self.index_for_key(f"image:{image_id}"))
        if changes.related:
            self._repaint(self.index_for_key("links"))
        for section_id in changes.sections:
            self.refresh_section(section_id)
        if changes.fields & {"headline", "subheadline"}:
            self._repaint(self.index_for_key("root"))

    def hold_counts(self) -> None:
        """Leave the word counts blank until `show_counts`: counting a 100,000-word article
        takes ~150 ms, which the window's first paint should not wait for."""
        self._counts_held = True

    def show_counts(self, *, repaint: bool = True) -> None:
        """Fill in the word counts (after `hold_counts`); without `repaint` for a view that has
        shown none yet (asking it to repaint makes it ask for them at once)."""
        if not self._counts_held:
            return
        self._counts_held = False
        if not repaint:
            return
        for key in self._by_key:
            self._repaint(self.index_for_key(key))

    def refresh_section(self, section_id: str) -> None:
        """Repaint a section's row and the article's total (after its text or heading changed)."""
        self._repaint(self.index_for_key(section_id))
        self._repaint(self.index_for_key("root"))

    def _repaint(self, index: QModelIndex) -> None:
        if index.isValid():
            last = index.siblingAtColumn(self.WORDS_COLUMN)
            self.dataChanged.emit(index.siblingAtColumn(self.TITLE_COLUMN), last)

    # --- lookups ---------------------------------------------------------------------------

    def _section(self, section_id: str) -> Section | None:
        """The article's section with this id (the same object the article holds, or None)."""
        # Sections come and go only with structure changes, which rebuild the rows and this map.
        section = self._sections.get(section_id)
        return section if section is not None else self._stack.article.find_section(section_id)

    def _node(self, index: ModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._invisible

    def index_for_key(self, key: str, column: int = 0) -> QModelIndex:
        node = self._by_key.get(key)
        return self.createIndex(node.row, column, node) if node is not None else QModelIndex()

    def key(self, index: QModelIndex) -> str | None:
        return self._node(index).key if index.isValid() else None

    def section_id(self, index: QModelIndex) -> str | None:
        node = self._node(index)
        return node.key if index.isValid() and node.kind == "section" else None

    def all_keys(self) -> list[str]:
        """Every row's key, depth first."""
        out: list[str] = []

        def walk(node: _Node) -> None:
            for child in node.children:
                out.append(child.key)
                walk(child)

        walk(self._invisible)
        return out

    # --- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < 2):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    # One method is both QObject.parent() and the model's parent(index), which the stub overloads.
    def parent(self, index: QModelIndex | None = None):  # type: ignore[override]
        if index is None:
            return QObject.parent(self)
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._invisible or parent.kind == "invisible":
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Outline") if section == self.TITLE_COLUMN else self.tr("Words")
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self._node(index).kind
        if kind in ("article", "section"):
            flags |= Qt.ItemFlag.ItemIsDropEnabled
            if index.column() == self.TITLE_COLUMN:
                flags |= Qt.ItemFlag.ItemIsEditable
        if kind == "section":
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._node(index)
        if role == KEY_ROLE:
            return node.key
        if role == NODE_ROLE:
            return node.kind
        if node.kind == "section":
            return self._section_data(node, index.column(), role)
        if node.kind == "article":
            return self._article_data(index.column(), role)
        if node.kind == "images":
            return self._images_data(index.column(), role)
        if node.kind == "image":
            return self._image_data(node, index.column(), role)
        return self._links_data(index.column(), role)

    def _section_data(self, node: _Node, column: int, role: int):
        section = self._section(node.key)
        if section is None:
            return None
        if role == SECTION_KIND_ROLE:
            return section.kind
        if column == self.WORDS_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                if self._counts_held:
                    return None
                from newsdesk.model.counts import section_counts  # not before the first paint

                return section_counts(section).words
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return section.heading or self._placeholder(node)
        if role == Qt.ItemDataRole.EditRole:
            return section.heading
        if role == Qt.ItemDataRole.ToolTipRole:
            label = {"opinion": self.tr("(Opinion)"), "box": self.tr("(Box)")}.get(section.kind)
            title = section.heading or self._placeholder(node)
            return f"{title} {label}" if label else title
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(section.kind == "opinion" or not section.heading)
            return font
        # Mark colours follow the palette (light or dark, gui/appearance.py): asked at paint time,
        # so a switch of appearance repaints the rows in the colours readable on the new ground.
        if role == Qt.ItemDataRole.ForegroundRole and section.kind in ("opinion", "box"):
            # Colours, not brushes: the view makes the brush, and QBrush's Python type (with
            # QGradient's 180 presets) is not made before the window's first paint.
            return mark_colour(section.kind)
        if role == Qt.ItemDataRole.BackgroundRole and section.kind == "box":
            return mark_tint("box")
        if role == Qt.ItemDataRole.DecorationRole and section.kind in ("opinion", "box"):
            colour = mark_colour(section.kind)
            key = (section.kind, colour.name())
            if key not in self._icons:
                self._icons[key] = _kind_icon(colour)
            return self._icons[key]
        return None

    def _placeholder(self, node: _Node) -> str:
        if node.parent is not None and node.parent.kind == "article" and node.row == 0:
            return self.tr("Lead")
        return self.tr("Untitled section")

    def _article_data(self, column: int, role: int):
        article = self._stack.article
        if column == self.WORDS_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                if self._counts_held:
                    return None
                from newsdesk.model.counts import article_counts

                return article_counts(article).words
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return article.headline or self.tr("Untitled article")
        if role == Qt.ItemDataRole.EditRole:
            return article.headline
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("The article's headline (F2 to edit)")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _images_data(self, column: int, role: int):
        if column == self.TITLE_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Photos")
        return None

    def _image_data(self, node: _Node, column: int, role: int):
        image = self._stack.article.find_image(node.key.removeprefix("image:"))
        if image is None or column != self.TITLE_COLUMN:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return image.caption or image.filename or self.tr("Photo without caption")
        if role == Qt.ItemDataRole.ToolTipRole:
            if not image.has_photo:
                return self.tr("The photo itself is still missing")
            return image.filename or None
        return None

    def _links_data(self, column: int, role: int):
        if column == self.TITLE_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            count = len(self._stack.article.related.links)
            return self.tr("Related links (%n)", "", count)
        return None

    def setData(self, index: ModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.TITLE_COLUMN:
            return False
        node = self._node(index)
        text = " ".join(str(value).split())  # a heading is one line
        if node.kind == "article":
            if text == self._stack.article.headline:
                return False
            return self._push(SetArticleField("headline", text), self.tr("Edit headline"))
        if node.kind != "section":
            return False
        section = self._section(node.key)
        if section is None or text == section.heading:
            return False
        return self._push(RenameSection(node.key, text), self.tr("Rename section"))

    def _push(self, command: EditCommand, label: str) -> bool:
        try:
            self._stack.push_command(command, label)
        except NewsdeskError:
            return False
        return True

    # --- drag and drop -------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    # Qt takes no data (a null pointer) as nothing to drag; the stub allows only QMimeData.
    def mimeData(self, indexes) -> QMimeData | None:  # type: ignore[override]
        ids: list[str] = []
        for index in indexes:
            section_id = self.section_id(index)
            if section_id is not None and section_id not in ids:
                ids.append(section_id)
        if not ids:
            return None
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(json.dumps(ids).encode("utf-8")))
        return data

    def move_for_drop(self, data: QMimeData, row: int, parent: QModelIndex) -> MoveSection | None:
        """The move a drop at `row` under `parent` means, or None when it is refused.

        Refused: anything but one section; drops on the fixed rows; a section into itself or its
        own descendants; nesting deeper than the file allows; a drop that changes nothing.
        """
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        try:
            ids = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        except ValueError:
            return None
        if not isinstance(ids, list) or len(ids) != 1 or not isinstance(ids[0], str):
            return None
        article = self._stack.article
        section = article.find_section(ids[0])
        node = self._node(parent)
        if section is None or not parent.isValid() or node.kind not in ("article", "section"):
            return None
        new_parent = node.key if node.kind == "section" else None
        if new_parent is not None and new_parent in {s.id for s in section.walk()}:
            return None
        target = article.find_section(new_parent) if new_parent else None
        siblings = target.children if target is not None else article.sections
        # Under the article row the fixed rows follow the sections; a drop there means "last".
        position = len(siblings) if row < 0 else min(row, len(siblings))
        found = article.find_parent(section.id)
        if found is None:  # not reached: the section was found above
            return None
        old_parent_section, old_siblings = found
        old_parent = old_parent_section.id if old_parent_section is not None else None
        old_index = next(n for n, s in enumerate(old_siblings) if s.id == section.id)
        if old_parent == new_parent:
            # `row` counts the dragged section itself; MoveSection's index does not.
            position -= 1 if old_index < position else 0
            if position == old_index:
                return None
        elif section_depth(article, new_parent) + subtree_height(section) > MAX_SECTION_DEPTH:
            return None
        return MoveSection(section.id, new_parent, position)

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        if action != Qt.DropAction.MoveAction:
            return False
        return self.move_for_drop(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        move = self.move_for_drop(data, row, parent) if action == Qt.DropAction.MoveAction else None
        return move is not None and self._push(move, self.tr("Move section"))

    def removeRows(self, row: int, count: int, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        # After a successful move-drop the view asks to remove the dragged rows; the move itself
        # already happened through the undo stack, so there is nothing left to remove.
        return False
