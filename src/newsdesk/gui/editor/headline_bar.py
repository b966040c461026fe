"""Headline and subheadline fields above the editor, edited through undoable commands.

This bar is where the journalist writes the two lines readers see first, right above the text.
The details pane edits them too, and both follow one rule (`widgets.field_binder`): the field's
text, as typed, is the value; a refresh shows the article's value with signals blocked; every
edit goes through `push_edit`, which shows a refusal. Typing is gathered into one
SetArticleField command per burst: the command is pushed when the field loses focus, after a
short pause, or right before the window saves (`commit()`), so an autosave never misses a
headline that is still being typed and Ctrl+Z undoes a word burst rather than a single letter.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.widgets.field_binder import BoundText, push_edit
from newsdesk.model.article import Article
from newsdesk.model.commands import SetArticleField

translate = QCoreApplication.translate

COMMIT_PAUSE_MS = 800
FIELDS = ("headline", "subheadline")


class HeadlineBar(QWidget):
    """Two line edits whose SetArticleField commands go onto the state's undo history."""

    edited = Signal()  # every keystroke, so autosave knows a change is pending

    def __init__(self, state: ArticleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
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
        self._fields = {
            "headline": BoundText(self.headline, self.commit),
            "subheadline": BoundText(self.subheadline, self.commit),
        }
        for edit in self._edits().values():
            edit.textEdited.connect(self._typed)

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
        for name, field in self._fields.items():
            field.show(getattr(self._article, name))

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
                push_edit(self._state, SetArticleField(name, edit.text()), labels[name], self)
