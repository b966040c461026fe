"""View > Whole Article / Single Section: switching the window's centre, remembered in settings.

`ArticleViews` owns the whole-article view (whole_article.py) and the two View actions. In the
single view the centre is headline bar, section heading and the section editor; in the whole view
the headline bar heads the scrolling column and the window's one editor is hosted in the section
where the cursor is. The window calls `release_editor` before it swaps the editor's document and
`show_section` after (both do nothing in the single view).

Selections across sections (cross_selection.py) live here too: Shift+click in another section,
Select All (Ctrl+A, Edit > Select All) over the whole article; Copy, Cut, Delete, Backspace and
typing act on such a selection as one undo step, and never remove a section. The editor asks
`handle_key`, `copy` and `cut` first (SectionEditor.span_hooks).

The whole-article view (and the modules it needs) is made at the first switch to it, or when
something asks for `whole_view`; a remembered Whole view is made at start (start time, issue 18).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QBoxLayout, QLineEdit, QTextEdit

if TYPE_CHECKING:
    from newsdesk.gui.editor.cross_selection import CrossSelection
    from newsdesk.gui.editor.whole_article import WholeArticleView
    from newsdesk.gui.main_window import MainWindow


class ArticleViews(QObject):
    """The single-section and whole-article views of the window (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._whole_view: WholeArticleView | None = None  # made on first use (whole_view)
        self._read_only = False
        self._editor_frame = window.editor.frameShape()
        self.selection: CrossSelection | None = None
        self.whole_action = QAction(self.tr("&Whole Article"), window)
        self.whole_action.setObjectName("action_whole_article")
        self.whole_action.setCheckable(True)
        self.single_action = QAction(self.tr("&Single Section"), window)
        self.single_action.setObjectName("action_single_section")
        self.single_action.setCheckable(True)
        group = QActionGroup(self)
        group.addAction(self.whole_action)
        group.addAction(self.single_action)
        self.single_action.setChecked(True)
        self.whole_action.triggered.connect(lambda: self.set_whole(True))
        self.single_action.triggered.connect(lambda: self.set_whole(False))
        self.select_all_action = QAction(self.tr("Select &All"), window)
        self.select_all_action.setObjectName("action_select_all")
        self.select_all_action.triggered.connect(self.select_all)
        window.editor.span_hooks = self

    @property
    def whole_view(self) -> WholeArticleView:
        """The whole-article view (made now, hidden, if it was not yet)."""
        if self._whole_view is None:
            from newsdesk.gui.editor.whole_article import WholeArticleView

            window = self._window
            view = WholeArticleView(window.article_state, window.editor, window)
            view.hide()
            view.set_read_only(self._read_only)
            view.clicked.connect(self._clicked)
            view.leave_section.connect(self._leave_section)
            self._whole_view = view
        return self._whole_view

    def _whole_shown(self) -> bool:
        return self._whole_view is not None and self._whole_view.isVisible()

    @property
    def is_whole(self) -> bool:
        return self._whole_shown() or self.whole_action.isChecked()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only  # a view made later starts in this state
        if self._whole_view is not None:
            self._whole_view.set_read_only(read_only)

    def actions(self) -> list[QAction]:
        """For the View menu: Whole Article, Single Section."""
        return [self.whole_action, self.single_action]

    def restore(self) -> None:
        """Show the view the journalist chose last time."""
        if self._window.settings.whole_article_view:
            self.set_whole(True)

    # -- switching ---------------------------------------------------------------------------------

    def set_whole(self, whole: bool) -> None:
        window = self._window
        window.settings.whole_article_view = whole
        (self.whole_action if whole else self.single_action).setChecked(True)
        central = window.centralWidget()
        centre = central.layout() if central is not None else None
        if not isinstance(centre, QBoxLayout):  # the window lays itself out before this runs
            return
        if whole == self._whole_shown():
            return
        view = self.whole_view
        self._clear_selection()
        editor = window.editor
        if whole:
            window.section_heading.hide()
            centre.removeWidget(window.headline_bar)
            centre.removeWidget(editor)
            centre.addWidget(view, 1)
            view.rebuild()
            view.set_top(window.headline_bar)
            view.show()
            if window.current_section_id is not None:
                view.host(window.current_section_id)
                self._scroll_to_cursor_section()
        else:
            view.release_editor()
            view.take_top()
            centre.removeWidget(view)
            view.hide()
            centre.insertWidget(0, window.headline_bar)
            window.section_heading.show()
            centre.addWidget(editor, 1)
            from newsdesk.gui.editor.whole_slots import release_height

            release_height(editor)
            editor.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            editor.setFrameShape(self._editor_frame)
            editor.show()
            window.headline_bar.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.ensureCursorVisible()

    def release_editor(self) -> None:
        if self._whole_view is not None and self._whole_view.isVisible():
            self._whole_view.release_editor()

    def show_section(self, section_id: str) -> None:
        """The window shows this section: in the whole view, host the editor there and scroll."""
        if not self._whole_shown():
            return
        if self.whole_view.hosted_section != section_id:
            self.whole_view.host(section_id)
        self._scroll_to_cursor_section()

    def heading_edit(self, section_id: str) -> QLineEdit:
        """The field where the section's heading is on screen (find selects a match there)."""
        slot = self.whole_view.slot(section_id) if self._whole_shown() else None
        return slot.heading.edit if slot is not None else self._window.section_heading.edit

    def _scroll_to_cursor_section(self) -> None:
        section_id = self.whole_view.hosted_section
        slot = self.whole_view.slot(section_id or "")
        if slot is not None:
            self.whole_view.ensureWidgetVisible(slot.heading, 0, 40)

    # -- clicks and keys in the whole view ---------------------------------------------------------

    def _clicked(self, section_id: str, position: int, extend: bool) -> None:
        from newsdesk.gui.editor.cross_selection import CrossSelection, Point

        window = self._window
        if extend and window.current_section_id is not None:
            anchor = (
                self.selection.anchor
                if self.selection is not None
                else Point(window.current_section_id, window.editor.textCursor().anchor())
            )
            self._show_selection(
                CrossSelection(window.article_state, anchor, Point(section_id, position))
            )
            return
        self._clear_selection()
        self._go_to(section_id, position)

    def _leave_section(self, section_id: str, position: int) -> None:
        self._clear_selection()
        self._go_to(section_id, position)

    def _go_to(self, section_id: str, position: int) -> None:
        window = self._window
        window.tree_view.select_section(section_id)  # the outline highlights it
        window.show_section(section_id)
        cursor = window.editor.textCursor()
        if position < 0:
            cursor.movePosition(QTextCursor.MoveOperation.End)
        else:
            cursor.setPosition(min(position, window.editor.document().characterCount() - 1))
        window.editor.setTextCursor(cursor)
        window.editor.setFocus(Qt.FocusReason.MouseFocusReason)

    def select_all(self) -> None:
        """Edit > Select All: the whole article in the whole view, the text field's text else."""
        if self._whole_shown():
            from newsdesk.gui.editor.cross_selection import CrossSelection

            selection = CrossSelection.whole_article(self._window.article_state)
            if selection is not None:
                self._show_selection(selection)
            return
        widget = QApplication.focusWidget()
        select_all = getattr(widget, "selectAll", None)
        if callable(select_all):
            select_all()

    def _show_selection(self, selection: CrossSelection) -> None:
        from newsdesk.gui.editor.cross_selection import selection_in

        self._clear_selection()
        self.selection = selection
        view = self.whole_view
        for piece in selection.pieces():
            texts: list[tuple[QTextEdit, int]]
            if piece.section_id == view.hosted_section:
                texts = [(self._window.editor, 0)]
            else:
                slot = view.slot(piece.section_id)
                texts = list(slot.shown_texts()) if slot is not None else []
            for widget, offset in texts:
                widget.setTextCursor(selection_in(widget.document(), piece, offset))
        self._window.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_selection(self) -> None:
        if self.selection is None:
            return
        selection, self.selection = self.selection, None
        for piece in selection.pieces():
            slot = self.whole_view.slot(piece.section_id)
            for display, _offset in slot.shown_texts() if slot is not None else []:
                cursor = display.textCursor()
                cursor.clearSelection()
                display.setTextCursor(cursor)

    def handle_key(self, event: QKeyEvent) -> bool:
        """Keys on a selection across sections; True when handled here (SectionEditor asks)."""
        if event.matches(QKeySequence.StandardKey.SelectAll) and self._whole_shown():
            self.select_all()
            return True
        if self.selection is None:
            return False
        if event.matches(QKeySequence.StandardKey.Copy):
            return self.copy()
        if event.matches(QKeySequence.StandardKey.Cut):
            return self.cut()
        if event.matches(QKeySequence.StandardKey.Paste):
            self._delete_selection()
            return False  # the editor pastes at the selection's start
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._delete_selection()
            return True
        text = event.text()
        if (
            text
            and text.isprintable()
            and not (event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier)
        ):
            self._delete_selection()
            return False  # the editor types the character at the selection's start
        if event.key() not in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt):
            self._clear_selection()
        return False

    def copy(self) -> bool:
        if self.selection is None:
            return False
        QGuiApplication.clipboard().setMimeData(self.selection.mime_data())
        return True

    def cut(self) -> bool:
        if self.selection is None:
            return False
        self.copy()
        self._delete_selection()
        return True

    def _delete_selection(self) -> None:
        selection = self.selection
        self._clear_selection()
        if selection is None:
            return
        point = selection.delete()
        if point is not None:
            self._go_to(point.section_id, point.position)
