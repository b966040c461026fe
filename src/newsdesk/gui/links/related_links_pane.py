"""The related-links pane: the heading above the list, and the list of title + URL to edit.

Every change is one command on the window's undo history (see `model.related_commands`):
- the heading commits when its field is left or Enter is pressed, or when a preset in the
  article's language is picked from its list (the rule of `widgets.field_binder`);
- a link is edited in place (double-click or F2 on a cell); added with the "Add link" field below
  the list (type a title and press Enter, or paste a web address: the link is created at once with
  the URL filled in and a title guessed from the address); removed with Delete; moved by drag and
  drop or Alt+Up / Alt+Down;
- Ctrl+V on the list with a web address on the clipboard adds a link, and so does dropping an
  address dragged from a browser.

URLs are checked with the exporter's rule: a problem shows as a red cell with an icon, its
tooltip, and a line under the list for the selected link; a link without URL is marked too.

The pane refreshes from `article_changed` when it names the related links (or everything) and
keeps the selected row. The window navigates to preflight findings with `select_link(index)`
("related:<i>") and `focus_heading()` ("related").
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.formats.html_labels import labels_for
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.dialogs.errors import show_error
from newsdesk.gui.links.related_links_model import (
    TITLE_COLUMN,
    URL_COLUMN,
    RelatedLinksModel,
    problem_text,
)
from newsdesk.gui.widgets.field_binder import BoundText, combo_line_edit
from newsdesk.model.article import RelatedLink
from newsdesk.model.commands import Changes
from newsdesk.model.related_commands import (
    AddRelatedLink,
    MoveRelatedLink,
    RemoveRelatedLink,
    SetRelatedHeading,
    link_from_text,
    validate_link_url,
)

# Headings offered for the list, in the article's language (page text, not interface text).
HEADING_PRESETS: dict[str, tuple[str, ...]] = {
    "de": ("Lesen Sie auch", "Sie könnten lesen wollen", "Mehr zum Thema"),
    "en": ("Read more", "You might also like", "Related"),
}


def heading_presets(language: str) -> tuple[str, ...]:
    """The presets for an article language ("de", "de-AT", ...); English for any other."""
    return HEADING_PRESETS[labels_for(language).language]


class RelatedLinksPane(QWidget):
    """Heading and links of `stack.article.related` (see the module docstring)."""

    edited = Signal()  # typing started in a field; autosave may want to know a change is coming

    def __init__(self, stack: ArticleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relatedLinksPane")
        self._stack = stack
        self._read_only = False
        self._presets_for: tuple[str, ...] = ()

        self.heading = QComboBox(self)
        self.heading.setObjectName("related_heading")
        self.heading.setEditable(True)
        self.heading.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.heading.setToolTip(self.tr("The heading above the list on the page"))
        self._heading_line = combo_line_edit(self.heading)
        self._heading_field = BoundText(self._heading_line, self.commit)
        self._heading_line.textEdited.connect(lambda _text: self.edited.emit())
        self.heading.activated.connect(lambda _index: self.commit())

        self.model = RelatedLinksModel(stack, self)
        self.model.refused.connect(lambda error: show_error(self, error))
        self.view = self._make_view()
        self.problem = QLabel(self)
        self.problem.setObjectName("related_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")

        self.new_link = QLineEdit(self)
        self.new_link.setObjectName("related_new_link")
        self.new_link.setPlaceholderText(self.tr("Add a link: type a title or paste a URL"))
        self.new_link.setClearButtonEnabled(True)
        self.new_link.returnPressed.connect(self._add_from_field)
        self.new_link.textEdited.connect(self._new_link_edited)
        self._new_link_text = ""

        self.add_button = self._button(self.tr("Add"), self.tr("Add a link"), self._add_from_field)
        self.remove_button = self._button(
            self.tr("Remove"), self.tr("Remove the selected link (Delete)"), self.remove_selected
        )
        self.up_button = self._button(
            "↑", self.tr("Move the selected link up (Alt+Up)"), lambda: self.move_selected(-1)
        )
        self.down_button = self._button(
            "↓", self.tr("Move the selected link down (Alt+Down)"), lambda: self.move_selected(1)
        )

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Heading"), self.heading)
        adding = QHBoxLayout()
        adding.addWidget(self.new_link, 1)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            adding.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem)
        layout.addLayout(adding)

        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_state())
        stack.article_changed.connect(self._article_changed)
        self.refresh()

    def _make_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("related_links")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        # Dropping between rows moves; overwrite mode would instead clear the dragged cells.
        view.setDragDropOverwriteMode(False)
        view.setDropIndicatorShown(True)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(URL_COLUMN, QHeaderView.ResizeMode.Stretch)
        view.setWordWrap(False)
        self._set_edit_triggers(view, editable=True)
        alt = Qt.KeyboardModifier.AltModifier
        shortcuts = [
            (QKeySequence(alt | Qt.Key.Key_Up), lambda: self.move_selected(-1)),
            (QKeySequence(alt | Qt.Key.Key_Down), lambda: self.move_selected(1)),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.remove_selected),
            (QKeySequence(QKeySequence.StandardKey.Paste), self.paste),
        ]
        for sequence, slot in shortcuts:
            action = QAction(view)
            action.setShortcut(sequence)
            # Only while the list has the focus: the section tree has its own Alt+arrows.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            view.addAction(action)
        return view

    @staticmethod
    def _set_edit_triggers(view: QTableView, *, editable: bool) -> None:
        trigger = QAbstractItemView.EditTrigger
        view.setEditTriggers(
            trigger.DoubleClicked | trigger.EditKeyPressed | trigger.SelectedClicked
            if editable
            else trigger.NoEditTriggers
        )

    def _button(self, text: str, tooltip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tooltip)
        button.clicked.connect(slot)
        return button

    # --- for the window ---------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.model.read_only = read_only
        self.heading.setEnabled(not read_only)  # a read-only combo would still pick presets
        self.new_link.setReadOnly(read_only)
        self._set_edit_triggers(self.view, editable=not read_only)
        self.view.setDragEnabled(not read_only)
        self.view.setAcceptDrops(not read_only)
        self._update_state()

    def select_link(self, index: int) -> None:
        """Select the link at `index` and put the focus on the list (preflight "related:<i>")."""
        if 0 <= index < self.model.rowCount():
            self._select_row(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_heading(self) -> None:
        """Put the cursor into the heading field (preflight "related")."""
        self.heading.setFocus(Qt.FocusReason.OtherFocusReason)
        self._heading_line.selectAll()

    def selected_row(self) -> int | None:
        current = self.view.selectionModel().currentIndex()
        return current.row() if current.isValid() else None

    def has_pending(self) -> bool:
        """True while the heading field holds text not yet in the article."""
        return self.heading.currentText() != self._stack.article.related.heading

    def commit(self) -> None:
        """Push the heading field's text when it differs from the article (also before saving)."""
        text = self.heading.currentText()
        if self._read_only or text == self._stack.article.related.heading:
            return
        self.model.push(SetRelatedHeading(text))

    # --- refreshing ---------------------------------------------------------------------------

    def _article_changed(self, changes: Changes) -> None:
        if changes.related or changes.everything:
            self.refresh()
        elif "language" in changes.fields:
            self._refresh_presets()

    def refresh(self) -> None:
        """Show the article's heading and links; keep the selection or select what an edit asks."""
        row = self.selected_row()
        self.model.refresh()
        self._refresh_presets()
        self._heading_field.show(self._stack.article.related.heading)
        wanted = self.model.take_wanted_row()
        row = wanted if wanted is not None else row
        count = self.model.rowCount()
        if row is not None and count:
            self._select_row(max(0, min(row, count - 1)))
        self._update_state()

    def _refresh_presets(self) -> None:
        language = self._stack.article.language
        presets = heading_presets(language)
        self._heading_line.setPlaceholderText(labels_for(language).related)
        if presets == self._presets_for:
            return
        self._presets_for = presets
        line = self._heading_line
        text, position = line.text(), line.cursorPosition()
        self.heading.blockSignals(True)
        line.blockSignals(True)
        self.heading.clear()
        self.heading.addItems(list(presets))
        self.heading.setCurrentIndex(-1)
        line.setText(text)
        line.setCursorPosition(position)
        line.blockSignals(False)
        self.heading.blockSignals(False)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, TITLE_COLUMN)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def _update_state(self) -> None:
        row = self.selected_row()
        count = self.model.rowCount()
        editable = not self._read_only
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and row is not None)
        self.up_button.setEnabled(editable and row is not None and row > 0)
        self.down_button.setEnabled(editable and row is not None and row < count - 1)
        link = self.model.link(row) if row is not None else None
        problem = validate_link_url(link.url) if link is not None else None
        if row is None or link is None or problem is None:
            self.problem.clear()
            self.problem.hide()
        else:
            self.problem.setText(
                self.tr("Link %1: %2")
                .replace("%1", str(row + 1))
                .replace("%2", problem_text(problem))
            )
            self.problem.show()

    # --- editing ------------------------------------------------------------------------------

    def add_link(self, link: RelatedLink) -> bool:
        """Add a link after the selected one (at the end when none is selected)."""
        row = self.selected_row()
        index = row + 1 if row is not None else None
        return self.model.push(AddRelatedLink(link, index))

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.model.push(RemoveRelatedLink(row))

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        if row is None or not 0 <= row + step < self.model.rowCount():
            return
        self.model.push(MoveRelatedLink(row, row + step))

    def paste(self) -> None:
        """Ctrl+V on the list: a web address on the clipboard becomes a new link."""
        link = link_from_text(QGuiApplication.clipboard().text())
        if link is not None:
            self.add_link(link)

    def _add_from_field(self) -> None:
        text = self.new_link.text()
        if self._read_only or not text.strip():
            return
        link = link_from_text(text) or RelatedLink(title=text.strip())
        if self.add_link(link):
            self._clear_new_link()
            if not link.url:
                # A title alone: the address is what is still missing, so edit it right away.
                row = self.selected_row()
                if row is not None:
                    self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                    self.view.edit(self.model.index(row, URL_COLUMN))

    def _new_link_edited(self, text: str) -> None:
        """A web address pasted (or dropped) into the empty field is added at once."""
        before, self._new_link_text = self._new_link_text, text
        inserted_at_once = len(text) - len(before) > 1
        link = link_from_text(text) if inserted_at_once else None
        if link is not None and not self._read_only and self.add_link(link):
            self._clear_new_link()

    def _clear_new_link(self) -> None:
        self.new_link.clear()
        self._new_link_text = ""
