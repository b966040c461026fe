"""The section tree: the article's outline as a Qt item model, and the view the journalist works in.

Rows: the article (showing the headline) at the top; under it the sections, nested as in the
article, then two fixed rows, "Photos" (one child per photo) and "Related links". Column 1 shows
word counts (a section's own words; the article row shows the whole body's).

The model never changes the article itself. Renames, drops and the view's actions become edit
commands pushed on the window's ArticleState; the stack's `article_changed` summary comes back
and the model repaints the rows that changed (dataChanged) or, when the tree changed shape,
rebuilds itself (a model reset; the view keeps selection and expanded rows across it).

The model (rows, roles, the drag MIME type, drop rules) is in `section_tree_model`; this module
holds the view (context menu, actions, keeping selection and expansion).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QWidget

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.dialogs.errors import push_or_report
from newsdesk.gui.outline.deletion import deletion_command, is_lead
from newsdesk.gui.outline.opinion_label import choose_opinion_label
from newsdesk.gui.outline.section_tree_model import SectionTreeModel
from newsdesk.model.article import Section
from newsdesk.model.commands import (
    AddSection,
    Changes,
    EditCommand,
    SetSectionKind,
    SetSectionLabel,
    indent,
    move_down,
    move_up,
    outdent,
    section_depth,
)
from newsdesk.model.serialize import MAX_SECTION_DEPTH


class SectionTreeView(QTreeView):
    """The outline the journalist restructures the article in (see the module docstring)."""

    section_selected = Signal(str)  # a section became current
    node_selected = Signal(str)  # another row became current: "root", "images", "image:ID", "links"
    deleted = Signal(str)  # a section was deleted or the lead emptied: what to say (Undo offered)

    def __init__(self, stack: ArticleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self._model = SectionTreeModel(stack, self)
        # Blank while the view is set up (its placeholder article needs no count, nor the
        # counting module before the window's first paint); see the end of __init__.
        self._model.hold_counts()
        self.setModel(self._model)
        self._last_emitted: str | None = None
        self._saved_expanded: set[str] = set()
        self._saved_keys: set[str] = set()
        self._saved_current: tuple[str | None, str | None, int] = (None, None, 0)
        self._read_only = False

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
        # The words column is as wide as a six-digit count: fitting it to its contents asked
        # every row for its size at each count change (on a 100-section article, at each pause
        # in typing and at the window's start).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        metrics = self.fontMetrics()
        header.resizeSection(1, metrics.horizontalAdvance("0" * 6) + 2 * metrics.averageCharWidth())

        self._create_actions()
        self.expandAll()
        self._model.modelAboutToBeReset.connect(self._remember_state)
        self._model.modelReset.connect(self._restore_state)
        self.selectionModel().currentChanged.connect(self._current_changed)
        stack.article_changed.connect(self._after_article_changed)
        self._update_actions()
        # Not painted yet: nothing to repaint. (The window holds them again until its paint.)
        self._model.show_counts(repaint=False)

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
        # A new section while writing, wherever the focus is in the window (the other keys here
        # are the tree's own).
        self.add_after_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.add_after_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.add_child_action = self._action(self.tr("Add Child Section"), self.add_child_section)
        self.rename_action = self._action(
            self.tr("Rename…"), self.rename_current, QKeySequence(Qt.Key.Key_F2)
        )
        self.delete_action = self._action(
            self.tr("Delete Section"),
            self.delete_current,
            QKeySequence(QKeySequence.StandardKey.Delete),
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
        self.label_action = self._action(self.tr("Opinion Label…"), self.edit_current_label)

    def context_menu(self) -> QMenu:
        """The menu for the current row (built anew so that it shows the current state)."""
        self._update_actions()
        menu = QMenu(self)
        menu.addAction(self.add_after_action)
        menu.addAction(self.add_child_action)
        menu.addSeparator()
        menu.addAction(self.rename_action)
        menu.addMenu(self.kind_menu)
        menu.addAction(self.label_action)
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

    def editing_actions(self) -> list[QAction]:
        """The actions that change the article's structure (all off while it is read-only)."""
        return [
            self.add_after_action,
            self.add_child_action,
            self.rename_action,
            self.delete_action,
            self.move_up_action,
            self.move_down_action,
            self.indent_action,
            self.outdent_action,
            *self.kind_actions.values(),
        ]

    def set_read_only(self, read_only: bool) -> None:
        """A read-only article: no drags, renames or context menu, and every editing action off;
        leaving it enables each action again as the current row allows."""
        self._read_only = read_only
        self.setDragEnabled(not read_only)
        self.setAcceptDrops(not read_only)
        self.setContextMenuPolicy(
            Qt.ContextMenuPolicy.NoContextMenu
            if read_only
            else Qt.ContextMenuPolicy.DefaultContextMenu
        )
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(
            triggers.NoEditTriggers
            if read_only
            else triggers.EditKeyPressed | triggers.DoubleClicked
        )
        self._update_actions()

    def _update_actions(self) -> None:
        article = self._stack.article
        section_id = self.current_section_id()
        section = article.find_section(section_id) if section_id else None
        is_section = section is not None
        self.add_child_action.setEnabled(
            section is not None and section_depth(article, section.id) < MAX_SECTION_DEPTH
        )
        self.add_after_action.setEnabled(True)
        self.delete_action.setEnabled(is_section)
        key = self._model.key(self.currentIndex())
        self.rename_action.setEnabled(is_section or key == "root")
        self.kind_menu.setEnabled(is_section)
        for kind, action in self.kind_actions.items():
            # Each kind is enabled with the menu: a read-only phase disables them one by one.
            action.setEnabled(is_section)
            action.setChecked(section is not None and section.kind == kind)
        moves = (
            (self.move_up_action, move_up),
            (self.move_down_action, move_down),
            (self.indent_action, indent),
            (self.outdent_action, outdent),
        )
        for action, helper in moves:
            action.setEnabled(section is not None and helper(article, section.id) is not None)
        self.label_action.setEnabled(
            section is not None
            and section.kind == "opinion"
            and not getattr(self, "_read_only", False)
        )
        if self._read_only:
            for action in self.editing_actions():
                action.setEnabled(False)
            self.kind_menu.setEnabled(False)

    # --- what the actions do ---------------------------------------------------------------

    def current_section_id(self) -> str | None:
        return self._model.section_id(self.currentIndex())

    def _push(self, command: EditCommand, label: str) -> bool:
        return push_or_report(self._stack, command, label, self)

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
        parent = self._stack.article.find_section(current)
        if parent is None:
            return None
        section = Section(heading=self.tr("New section"))
        return self._add(AddSection(section, parent=current, index=len(parent.children)))

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
        """Delete without asking (undo and an automatic revision make it safe); the lead empties."""
        current = self.current_section_id()
        article = self._stack.article
        command = deletion_command(article, current) if current else None
        section = article.find_section(current) if current else None
        if command is None or current is None or section is None:
            return
        heading = section.heading
        if is_lead(article, current):
            label, said = self.tr("Empty the lead"), self.tr("The lead was emptied.")
        else:
            label = self.tr("Delete section")
            said = self.tr("Section “%1” deleted.").replace("%1", heading)
        if self._push(command, label):
            self.deleted.emit(said)

    def edit_current_label(self) -> None:
        """Opinion Label…: ask for the label shown above the current opinion section."""
        current = self.current_section_id()
        section = self._stack.article.find_section(current) if current else None
        if section is None or section.kind != "opinion" or getattr(self, "_read_only", False):
            return
        label = choose_opinion_label(self, section, self._stack.article.language)
        if label is not None and label != section.label:
            self._push(SetSectionLabel(section.id, label), self.tr("Change opinion label"))

    def set_current_kind(self, kind: str) -> None:
        current = self.current_section_id()
        section = self._stack.article.find_section(current) if current else None
        if section is not None and section.kind != kind:
            self._push(SetSectionKind(section.id, kind), self.tr("Change section kind"))
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
        current_key, parent_key, row = self._saved_current
        index = self._model.index_for_key(current_key) if current_key else QModelIndex()
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
