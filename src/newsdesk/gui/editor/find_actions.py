"""Edit > Find…, Find Next and Replace… for the window, with the find and replace dialog made at
their first use.

The window's menus and shortcuts need the three actions from the start; the dialog
(find_replace_dialog.py) and the article search it runs are built and imported when one of them
is first triggered (start time, issue 18; tests/gui/test_lazy_start.py). The actions keep the
dialog's texts and translation context, so the menus read as before in both languages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from newsdesk.gui.article_state import ArticleState

if TYPE_CHECKING:
    from newsdesk.gui.editor.find_replace_dialog import FindReplaceDialog

translate = QCoreApplication.translate


class FindReplace(QObject):
    """The window's find actions; `dialog` is made on first use (see the module docstring)."""

    match_found = Signal(str, str, int, int)  # the dialog's: where, part, start, end

    def __init__(self, stack: ArticleState, window: QWidget) -> None:
        super().__init__(window)
        self._stack = stack
        self._window = window
        self._dialog: FindReplaceDialog | None = None
        self.find_action = QAction(translate("FindReplaceDialog", "&Find…"), window)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(lambda: self.dialog.show_find())
        self.replace_action = QAction(translate("FindReplaceDialog", "&Replace…"), window)
        self.replace_action.setShortcut(QKeySequence("Ctrl+H"))
        self.replace_action.triggered.connect(lambda: self.dialog.show_replace())
        self.find_next_action = QAction(translate("FindReplaceDialog", "Find &Next"), window)
        self.find_next_action.setShortcut(QKeySequence(QKeySequence.StandardKey.FindNext))
        self.find_next_action.triggered.connect(lambda: self.dialog.find_next())

    def is_built(self) -> bool:
        return self._dialog is not None

    @property
    def dialog(self) -> FindReplaceDialog:
        """The find and replace dialog (made now if it was not yet)."""
        if self._dialog is None:
            from newsdesk.gui.editor.find_replace_dialog import FindReplaceDialog

            self._dialog = FindReplaceDialog(self._stack, self._window)
            self._dialog.match_found.connect(self.match_found)
        return self._dialog

    def hide(self) -> None:
        if self._dialog is not None:
            self._dialog.hide()
