"""The section tree: the article's outline as a Qt item model, and the view the journalist works in.

Rows: the article (showing the headline) at the top; under it the sections, nested as in the
article, then two fixed rows, "Images" (one child per image) and "Related links". Column 1 shows
word counts (a section's own words; the article row shows the whole body's).

The model never changes the article itself. Renames, drops and the view's actions become edit
commands pushed on the window's ArticleUndoStack; the stack's `article_changed` summary comes back
and the model repaints the rows that changed (dataChanged) or, when the tree changed shape,
rebuilds itself (a model reset; the view keeps selection and expanded rows across it).
"""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QColor,
    QFont,
    QIcon,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QWidget

from newsdesk.errors import NewsdeskError
from newsdesk.gui.dialogs.errors import show_error
from newsdesk.gui.undo import ArticleUndoStack
from newsdesk.model.article import Section
from newsdesk.model.commands import (
    AddSection,
    Changes,
    DeleteSection,
    EditCommand,
    MoveSection,
    RenameSection,
    SetArticleField,
    SetSectionKind,
    indent,
    move_down,
    move_up,
    outdent,
    section_depth,
    subtree_height,
)
from newsdesk.model.counts import article_counts, section_counts
from newsdesk.model.serialize import MAX_SECTION_DEPTH

MIME_TYPE = "application/x-newsdesk-section-ids"
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # "root", a section id, "images", "image:ID", "links"
NODE_ROLE = Qt.ItemDataRole.UserRole + 2  # "article", "section", "images", "image", "links"
SECTION_KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # "body", "opinion", "box" for sections

OPINION_COLOR = QColor("#a3461a")
BOX_COLOR = QColor("#2f6690")
BOX_BACKGROUND = QColor(47, 102, 144, 28)


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
    """The article's outline over an ArticleUndoStack (which it reads and pushes commands to)."""

    TITLE_COLUMN = 0
    WORDS_COLUMN = 1

    def __init__(self, stack: ArticleUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self._icons: dict[str, QIcon] = {}
        self._invisible = _Node("invisible", "", None)
        self._by_key: dict[str, _Node] = {}
        self._retired: _Node | None = None
        self._build()
        stack.article_changed.connect(self.apply_changes)

    @property
    def stack(self) -> ArticleUndoStack:
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
        for section_id in changes.sections:
            self.refresh_section(section_id)
        if changes.fields & {"headline", "subheadline"}:
            self._repaint(self.index_for_key("root"))

    def refresh_section(self, section_id: str) -> None:
        """Repaint a section's row and the article's total (after its text or heading changed)."""
        self._repaint(self.index_for_key(section_id))
        self._repaint(self.index_for_key("root"))

    def _repaint(self, index: QModelIndex) -> None:
        if index.isValid():
            last = index.siblingAtColumn(self.WORDS_COLUMN)
            self.dataChanged.emit(index.siblingAtColumn(self.TITLE_COLUMN), last)

    # --- lookups ---------------------------------------------------------------------------

    def _node(self, index: QModelIndex) -> _Node:
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

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < 2):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: QModelIndex | None = None):  # also QObject.parent() without arguments
        if index is None:
            return QObject.parent(self)
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._invisible or parent.kind == "invisible":
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Outline") if section == self.TITLE_COLUMN else self.tr("Words")
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
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

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
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
        section = self._stack.article.find_section(node.key)
        if section is None:
            return None
        if role == SECTION_KIND_ROLE:
            return section.kind
        if column == self.WORDS_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
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
        if role == Qt.ItemDataRole.ForegroundRole:
            color = {"opinion": OPINION_COLOR, "box": BOX_COLOR}.get(section.kind)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.BackgroundRole and section.kind == "box":
            return QBrush(BOX_BACKGROUND)
        if role == Qt.ItemDataRole.DecorationRole and section.kind in ("opinion", "box"):
            if section.kind not in self._icons:
                color = OPINION_COLOR if section.kind == "opinion" else BOX_COLOR
                self._icons[section.kind] = _kind_icon(color)
            return self._icons[section.kind]
        return None

    def _placeholder(self, node: _Node) -> str:
        if node.parent is not None and node.parent.kind == "article" and node.row == 0:
            return self.tr("Lead")
        return self.tr("Untitled section")

    def _article_data(self, column: int, role: int):
        article = self._stack.article
        if column == self.WORDS_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
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
            return self.tr("Images")
        return None

    def _image_data(self, node: _Node, column: int, role: int):
        image = self._stack.article.find_image(node.key.removeprefix("image:"))
        if image is None or column != self.TITLE_COLUMN:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return image.caption or image.filename or self.tr("Image without caption")
        if role == Qt.ItemDataRole.ToolTipRole:
            if image.data is None:
                return self.tr("The photo itself is still missing")
            return image.filename or None
        return None

    def _links_data(self, column: int, role: int):
        if column == self.TITLE_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            count = len(self._stack.article.related.links)
            return self.tr("Related links (%n)", "", count)
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
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
        section = self._stack.article.find_section(node.key)
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

    def mimeData(self, indexes) -> QMimeData | None:
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
        siblings = article.find_section(new_parent).children if new_parent else article.sections
        # Under the article row the fixed rows follow the sections; a drop there means "last".
        position = len(siblings) if row < 0 else min(row, len(siblings))
        old_parent_section, old_siblings = article.find_parent(section.id)
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

    def removeRows(self, row: int, count: int, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        # After a successful move-drop the view asks to remove the dragged rows; the move itself
        # already happened through the undo stack, so there is nothing left to remove.
        return False


class SectionTreeView(QTreeView):
    """The outline the journalist restructures the article in (see the module docstring)."""

    section_selected = Signal(str)  # a section became current
    node_selected = Signal(str)  # another row became current: "root", "images", "image:ID", "links"

    def __init__(self, stack: ArticleUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self._model = SectionTreeModel(stack, self)
        self.setModel(self._model)
        self._last_emitted: str | None = None
        self._saved_expanded: set[str] = set()
        self._saved_keys: set[str] = set()
        self._saved_current: tuple[str | None, str | None, int] = (None, None, 0)

        self.setObjectName("sectionTree")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self._create_actions()
        self.expandAll()
        self._model.modelAboutToBeReset.connect(self._remember_state)
        self._model.modelReset.connect(self._restore_state)
        self.selectionModel().currentChanged.connect(self._current_changed)
        stack.article_changed.connect(self._after_article_changed)
        self._update_actions()

    @property
    def tree_model(self) -> SectionTreeModel:
        return self._model

    # --- actions -----------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            # Only while the tree itself has focus: the heading editor and the text editor keep
            # their own Delete and Alt+arrow keys.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        alt = Qt.KeyboardModifier.AltModifier
        self.add_after_action = self._action(self.tr("Add Section After"), self.add_section_after)
        self.add_child_action = self._action(self.tr("Add Child Section"), self.add_child_section)
        self.rename_action = self._action(
            self.tr("Rename…"), self.rename_current, QKeySequence(Qt.Key.Key_F2)
        )
        self.delete_action = self._action(
            self.tr("Delete Section"), self.delete_current, QKeySequence(QKeySequence.Delete)
        )
        self.move_up_action = self._action(
            self.tr("Move Up"), self.move_current_up, QKeySequence(alt | Qt.Key.Key_Up)
        )
        self.move_down_action = self._action(
            self.tr("Move Down"), self.move_current_down, QKeySequence(alt | Qt.Key.Key_Down)
        )
        self.indent_action = self._action(
            self.tr("Make Child of Previous"),
            self.indent_current,
            QKeySequence(alt | Qt.Key.Key_Right),
        )
        self.outdent_action = self._action(
            self.tr("Move Out of Parent"), self.outdent_current, QKeySequence(alt | Qt.Key.Key_Left)
        )
        self.kind_menu = QMenu(self.tr("Kind"), self)
        self._kind_group = QActionGroup(self)
        self.kind_actions: dict[str, QAction] = {}
        for kind, text in (
            ("body", self.tr("Body")),
            ("opinion", self.tr("Opinion")),
            ("box", self.tr("Box")),
        ):
            action = QAction(text, self, checkable=True)
            action.setData(kind)
            action.triggered.connect(lambda _checked=False, k=kind: self.set_current_kind(k))
            self._kind_group.addAction(action)
            self.kind_menu.addAction(action)
            self.kind_actions[kind] = action

    def context_menu(self) -> QMenu:
        """The menu for the current row (built anew so that it shows the current state)."""
        self._update_actions()
        menu = QMenu(self)
        menu.addAction(self.add_after_action)
        menu.addAction(self.add_child_action)
        menu.addSeparator()
        menu.addAction(self.rename_action)
        menu.addMenu(self.kind_menu)
        menu.addSeparator()
        for action in (
            self.move_up_action,
            self.move_down_action,
            self.indent_action,
            self.outdent_action,
        ):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def contextMenuEvent(self, event) -> None:
        index = self.indexAt(event.pos())
        if index.isValid():
            self.setCurrentIndex(index)
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _update_actions(self) -> None:
        article = self._stack.article
        section_id = self.current_section_id()
        section = article.find_section(section_id) if section_id else None
        is_section = section is not None
        self.add_child_action.setEnabled(
            is_section and section_depth(article, section_id) < MAX_SECTION_DEPTH
        )
        self.add_after_action.setEnabled(True)
        self.delete_action.setEnabled(is_section)
        key = self._model.key(self.currentIndex())
        self.rename_action.setEnabled(is_section or key == "root")
        self.kind_menu.setEnabled(is_section)
        for kind, action in self.kind_actions.items():
            action.setChecked(is_section and section.kind == kind)
        moves = (
            (self.move_up_action, move_up),
            (self.move_down_action, move_down),
            (self.indent_action, indent),
            (self.outdent_action, outdent),
        )
        for action, helper in moves:
            action.setEnabled(is_section and helper(article, section_id) is not None)

    # --- what the actions do ---------------------------------------------------------------

    def current_section_id(self) -> str | None:
        return self._model.section_id(self.currentIndex())

    def _push(self, command: EditCommand, label: str) -> bool:
        try:
            self._stack.push_command(command, label)
        except NewsdeskError as error:
            show_error(self, error)
            return False
        return True

    def add_section_after(self) -> str | None:
        """Add a section after the current one (at the end when no section is current)."""
        current = self.current_section_id()
        section = Section(heading=self.tr("New section"))
        command = AddSection(section, after=current) if current else AddSection(section)
        return self._add(command)

    def add_child_section(self) -> str | None:
        current = self.current_section_id()
        if current is None:
            return None
        children = self._stack.article.find_section(current).children
        section = Section(heading=self.tr("New section"))
        return self._add(AddSection(section, parent=current, index=len(children)))

    def _add(self, command: AddSection) -> str | None:
        if not self._push(command, self.tr("Add section")):
            return None
        self.select_section(command.section_id)
        if self.isVisible():
            self.edit(self.currentIndex())  # name it right away
        return command.section_id

    def rename_current(self) -> None:
        index = self.currentIndex().siblingAtColumn(0)
        if index.isValid() and self._model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.setCurrentIndex(index)
            self.edit(index)

    def delete_current(self) -> None:
        current = self.current_section_id()
        if current is not None:
            self._push(DeleteSection(current), self.tr("Delete section"))

    def set_current_kind(self, kind: str) -> None:
        current = self.current_section_id()
        section = self._stack.article.find_section(current) if current else None
        if section is not None and section.kind != kind:
            self._push(SetSectionKind(current, kind), self.tr("Change section kind"))
        self._update_actions()

    def _move_current(self, helper) -> None:
        current = self.current_section_id()
        command = helper(self._stack.article, current) if current else None
        if command is not None:
            self._push(command, self.tr("Move section"))

    def move_current_up(self) -> None:
        self._move_current(move_up)

    def move_current_down(self) -> None:
        self._move_current(move_down)

    def indent_current(self) -> None:
        self._move_current(indent)

    def outdent_current(self) -> None:
        self._move_current(outdent)

    # --- selection ---------------------------------------------------------------------------

    def select_section(self, section_id: str) -> bool:
        """Make a section current (expanding its parents); False when there is no such section."""
        index = self._model.index_for_key(section_id)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        key = self._model.key(current)
        if key is None or key == self._last_emitted:
            return
        self._last_emitted = key
        if self._model.section_id(current) is not None:
            self.section_selected.emit(key)
        else:
            self.node_selected.emit(key)

    # --- keeping the view steady across model resets --------------------------------------------

    def _remember_state(self) -> None:
        self._saved_keys = set(self._model.all_keys())
        self._saved_expanded = {
            key for key in self._saved_keys if self.isExpanded(self._model.index_for_key(key))
        }
        current = self.currentIndex()
        parent_key = self._model.key(current.parent())
        self._saved_current = (self._model.key(current), parent_key, max(current.row(), 0))

    def _restore_state(self) -> None:
        for key in self._model.all_keys():
            if key in self._saved_expanded or key not in self._saved_keys:
                self.expand(self._model.index_for_key(key))
        key, parent_key, row = self._saved_current
        index = self._model.index_for_key(key) if key else QModelIndex()
        if not index.isValid() and parent_key is not None:
            # The current row went away: take its neighbour, or its parent.
            parent = self._model.index_for_key(parent_key)
            count = self._model.rowCount(parent)
            neighbour = self._model.index(min(row, count - 1), 0, parent) if count else parent
            if self._model.key(neighbour) in ("images", "links") and row > 0:
                neighbour = self._model.index(row - 1, 0, parent)
            index = neighbour
        if index.isValid():
            self.setCurrentIndex(index)

    def _after_article_changed(self, changes: Changes) -> None:
        if changes.added and not changes.everything:
            first = next(
                (s.id for s in self._stack.article.walk_sections() if s.id in changes.added), None
            )
            if first is not None:
                self.select_section(first)
        elif changes.everything and not self.currentIndex().isValid():
            sections = self._stack.article.sections
            if sections:
                self.select_section(sections[0].id)
        self._update_actions()
