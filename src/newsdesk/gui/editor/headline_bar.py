"""Headline and subheadline fields above the editor, edited through undoable commands.

This bar is where the journalist writes the two lines readers see first, right above the text
(the details pane edits them too). Typing is gathered into one SetArticleField command per burst: the command is pushed when
the field loses focus, after a short pause, or right before the window saves (`commit()`), so an
autosave never misses a headline that is still being typed and Ctrl+Z undoes a word burst rather
than a single letter.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from newsdesk.model.article import Article
from newsdesk.model.commands import SetArticleField

translate = QCoreApplication.translate

COMMIT_PAUSE_MS = 800
FIELDS = ("headline", "subheadline")


class HeadlineBar(QWidget):
    """Two line edits; `push` receives each SetArticleField command with a translated label."""

    edited = Signal()  # every keystroke, so autosave knows a change is pending

    def __init__(
        self, push: Callable[[SetArticleField, str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._push = push
        self._article: Article | None = None
        self.headline = QLineEdit(self)
        self.headline.setObjectName("headline_edit")
        self.headline.setPlaceholderText(translate("HeadlineBar", "Headline"))
        self.subheadline = QLineEdit(self)
        self.subheadline.setObjectName("subheadline_edit")
        self.subheadline.setPlaceholderText(translate("HeadlineBar", "Subheadline"))
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.headline.setFont(font)
        layout = QFormLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addRow(translate("HeadlineBar", "Headline"), self.headline)
        layout.addRow(translate("HeadlineBar", "Subheadline"), self.subheadline)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_PAUSE_MS)
        self._timer.timeout.connect(self.commit)
        for edit in self._edits().values():
            edit.textEdited.connect(self._typed)
            edit.editingFinished.connect(self.commit)

    def _edits(self) -> dict[str, QLineEdit]:
        return {"headline": self.headline, "subheadline": self.subheadline}

    def set_article(self, article: Article) -> None:
        self._article = article
        self._timer.stop()
        self.refresh()

    def set_read_only(self, read_only: bool) -> None:
        for edit in self._edits().values():
            edit.setReadOnly(read_only)

    def refresh(self) -> None:
        """Show the article's values (after undo, a tree rename, a restore); keeps the cursor."""
        if self._article is None:
            return
        for name, edit in self._edits().items():
            value = getattr(self._article, name)
            if edit.text() != value:
                edit.blockSignals(True)
                position = edit.cursorPosition()
                edit.setText(value)
                edit.setCursorPosition(min(position, len(value)))
                edit.blockSignals(False)

    def has_pending(self) -> bool:
        if self._article is None:
            return False
        return any(edit.text() != getattr(self._article, n) for n, edit in self._edits().items())

    def _typed(self) -> None:
        self._timer.start()
        self.edited.emit()

    def commit(self) -> None:
        """Push a command for every field whose text differs from the article."""
        self._timer.stop()
        if self._article is None:
            return
        labels = {
            "headline": translate("HeadlineBar", "Edit headline"),
            "subheadline": translate("HeadlineBar", "Edit subheadline"),
        }
        for name, edit in self._edits().items():
            if edit.text() != getattr(self._article, name):
                self._push(SetArticleField(name, edit.text()), labels[name])
