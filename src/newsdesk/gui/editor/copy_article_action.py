"""Edit > Copy Article (Ctrl+Shift+C), the action: made with the window, while what it copies
(copy_article.py, with the renderers and writers it needs) is imported at its first use."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow

from newsdesk.gui.article_state import ArticleState

translate = QCoreApplication.translate


class CopyArticleAction(QAction):
    """Edit > Copy Article (Ctrl+Shift+C): the window's article, told in its status bar."""

    def __init__(self, window: QMainWindow, state: ArticleState) -> None:
        super().__init__(translate("CopyArticle", "Copy &Article"), window)
        self.setObjectName("action_copy_article")
        self.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self._window = window
        self._state = state
        self.triggered.connect(self.copy_article)
        window.addAction(self)  # the shortcut works wherever the focus is in the window

    def copy_article(self) -> None:
        from newsdesk.gui.editor.copy_article import copied_article, copied_message

        state = self._state
        state.flush_text()  # what was just typed goes along
        copied = copied_article(state.article)
        QGuiApplication.clipboard().setMimeData(copied.mime_data())
        self._window.statusBar().showMessage(copied_message(copied), 6000)
