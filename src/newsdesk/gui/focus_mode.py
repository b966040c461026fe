"""View > Focus (F11): full screen, only the text; Esc or F11 again leaves.

The menu bar, the toolbars and every pane step aside; the headline and the text (single section or
whole article) stay, in the readable measure the editor keeps anyway (editor/page_look.py).
Autosave goes on as always, and the status bar stays at the bottom with the counts, so the
length is there when wanted. Leaving puts back exactly the panes that were showing and the
window's size. The shortcuts are the window's own actions, so they work with the menu bar hidden.

View > Focus is a submenu: Focus itself, and the two options of focus_comfort.py (typewriter
scrolling, dimming the other paragraphs), which act while focus mode is on. Those options, and
with them the whole-article view they also act on, are made when the submenu first opens or focus
mode is first entered (start time, issue 18).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

from newsdesk.gui.editor.section_editor import SectionEditor
from newsdesk.gui.settings import Settings

if TYPE_CHECKING:
    from newsdesk.gui.editor.view_modes import ArticleViews
    from newsdesk.gui.focus_comfort import FocusComfort


class FocusMode(QObject):
    """The Focus action of a main window (see the module docstring)."""

    def __init__(
        self,
        window: QMainWindow,
        editor: SectionEditor,
        views: ArticleViews,
        settings: Settings,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._editor = editor
        self._views = views
        self._settings = settings
        self._comfort: FocusComfort | None = None
        self._hidden: list[QWidget] = []
        self._was_maximized = False
        self.action = QAction(self.tr("&Focus"), window)
        self.action.setObjectName("action_focus")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F11"))
        self.action.toggled.connect(self._toggled)
        window.addAction(self.action)  # works with the menu bar hidden
        self.leave_action = QAction(self.tr("Leave Focus"), window)
        self.leave_action.setObjectName("action_leave_focus")
        self.leave_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.leave_action.setEnabled(False)
        self.leave_action.triggered.connect(lambda: self.action.setChecked(False))
        window.addAction(self.leave_action)
        self.menu = QMenu(self.tr("F&ocus"), window)
        self.menu.setObjectName("menu_focus")
        self.menu.addAction(self.action)
        self.menu.aboutToShow.connect(lambda: self.comfort)  # its options, before it opens

    @property
    def comfort(self) -> FocusComfort:
        """The typewriter and dimming options (made, and put in the submenu, on first use)."""
        if self._comfort is None:
            from newsdesk.gui.focus_comfort import FocusComfort

            self._comfort = FocusComfort(self._editor, self._views.whole_view, self._settings)
            self.menu.addSeparator()
            self.menu.addAction(self._comfort.typewriter_action)
            self.menu.addAction(self._comfort.dim_action)
        return self._comfort

    @property
    def active(self) -> bool:
        return self.action.isChecked()

    def _toggled(self, on: bool) -> None:
        if on:
            self._enter()
        else:
            self._leave()

    def _enter(self) -> None:
        window = self._window
        parts: list[QWidget] = [window.menuBar()]
        parts += [dock for dock in window.findChildren(QDockWidget) if dock.parent() is window]
        parts += [bar for bar in window.findChildren(QToolBar) if bar.parent() is window]
        self._hidden = [part for part in parts if part.isVisible()]
        for part in self._hidden:
            part.hide()
        self._was_maximized = window.isMaximized()
        window.showFullScreen()
        self.leave_action.setEnabled(True)
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.comfort.set_active(True)

    def _leave(self) -> None:
        window = self._window
        self.leave_action.setEnabled(False)
        self.comfort.set_active(False)
        if self._was_maximized:
            window.showMaximized()
        else:
            window.showNormal()
        for part in self._hidden:
            part.show()
        self._hidden = []
