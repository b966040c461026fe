"""F7 / Edit > Next Spelling Mistake: a word processor's spelling dialog over the whole article.

The dialog walks the marked words of the sections' texts in article order, from the cursor to the
end and then from the start back to the cursor, and shows each one selected in the editor. For
each: Change (to the suggestion chosen or the text typed), Change All (every occurrence of the
word in the article: one undo step), Ignore (this once), Ignore All (in this article, kept in the
project file) and Add to Dictionary. It finds exactly what the editor marks: the same checker on
the same paragraphs (`block_marks`).

It does not block the window (the journalist may fix something by hand meanwhile): every step
looks again at the text as it is now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.spelling.context_menu import replace_in_document
from newsdesk.gui.spelling.highlighter import block_marks
from newsdesk.gui.spelling.service import SpellingService


@dataclass(frozen=True)
class Mistake:
    """A marked word in a section's document: [start, end) are document positions."""

    section_id: str
    start: int
    end: int
    word: str


def _document_marks(
    service: SpellingService, section_id: str, document: QTextDocument, start: int = 0
) -> Iterator[Mistake]:
    block = document.findBlock(start)
    part = f"section:{section_id}"
    while block.isValid():
        base = block.position()
        for begin, end, word in block_marks(service, part, block):
            if base + begin >= start:
                yield Mistake(section_id, base + begin, base + end, word)
        block = block.next()


class SpellingDialog(QDialog):
    """See the module docstring. `show_word(section_id, start, end)` selects a word on screen."""

    def __init__(
        self,
        state: ArticleState,
        service: SpellingService,
        show_word: Callable[[str, int, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("spelling_dialog")
        self.setWindowTitle(self.tr("Spelling"))
        self._state = state
        self._service = service
        self._show_word = show_word
        self._current: Mistake | None = None
        self._skipped: set[Mistake] = set()
        self._origin = ("", 0)  # where the walk began: it ends there
        self._segment = 0  # which piece of the walk (see _segments) the current word is in

        self.word_label = QLabel(self)
        self.word_label.setObjectName("spelling_word")
        self.word_label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.word_label.font())
        font.setBold(True)
        self.word_label.setFont(font)
        self.change_edit = QLineEdit(self)
        self.change_edit.setObjectName("spelling_change_to")
        self.suggestion_list = QListWidget(self)
        self.suggestion_list.setObjectName("spelling_suggestions")
        self.suggestion_list.currentTextChanged.connect(self.change_edit.setText)
        self.suggestion_list.itemDoubleClicked.connect(lambda _item: self.change())
        self.status_label = QLabel(self)
        self.status_label.setObjectName("spelling_status")
        self.status_label.setWordWrap(True)

        self.change_button = self._button(self.tr("&Change"), self.change)
        self.change_all_button = self._button(self.tr("Change &All"), self.change_all)
        self.ignore_button = self._button(self.tr("&Ignore"), self.ignore)
        self.ignore_all_button = self._button(self.tr("Ignore in &Article"), self.ignore_all)
        self.add_button = self._button(self.tr("Add to &Dictionary"), self.add)
        self.close_button = self._button(self.tr("Close"), self.close)
        self.change_button.setDefault(True)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Not in the dictionary:"), self), 0, 0)
        grid.addWidget(self.word_label, 0, 1)
        change_label = QLabel(self.tr("C&hange to:"), self)
        change_label.setBuddy(self.change_edit)
        grid.addWidget(change_label, 1, 0)
        grid.addWidget(self.change_edit, 1, 1)
        suggestions_label = QLabel(self.tr("&Suggestions:"), self)
        suggestions_label.setBuddy(self.suggestion_list)
        grid.addWidget(suggestions_label, 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.suggestion_list, 2, 1)
        buttons = QVBoxLayout()
        for button in (
            self.change_button,
            self.change_all_button,
            self.ignore_button,
            self.ignore_all_button,
            self.add_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        grid.addLayout(buttons, 0, 2, 3, 1)
        grid.addWidget(self.status_label, 3, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.setLayout(grid)
        self.resize(520, 320)

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- walking --------------------------------------------------------------------------------

    def start(self, section_id: str, position: int) -> None:
        """Begin at a place in the article (the editor's cursor) and show the first mistake."""
        self._skipped.clear()
        self._origin = (section_id, position)
        self._segment = 0
        self._next_from(section_id, position)

    def _segments(self) -> list[tuple[str, int, int | None]]:
        """The walk as (section, from, to) pieces: the origin's section from the origin, the
        sections after it, then from the article's start round to the origin."""
        ids = [section.id for section in self._state.article.walk_sections()]
        origin_id, origin_position = self._origin
        if origin_id not in ids:
            return [(each, 0, None) for each in ids]
        index = ids.index(origin_id)
        return [
            (origin_id, origin_position, None),
            *((each, 0, None) for each in ids[index + 1 :]),
            *((each, 0, None) for each in ids[:index]),
            (origin_id, 0, origin_position),
        ]

    def _mistakes_from(self, section_id: str, position: int) -> Iterator[tuple[int, Mistake]]:
        """(piece, mistake) for every mistake after (section, position) until the walk ends."""
        segments = self._segments()
        begun = False
        for number, (each, lower, upper) in enumerate(segments):
            if not begun:
                if number < self._segment or each != section_id:
                    continue
                begun = True
                lower = max(lower, position)
            document = self._state.document(each)
            for mistake in _document_marks(self._service, each, document, lower):
                if upper is not None and mistake.start >= upper:
                    break
                yield number, mistake

    def _next_from(self, section_id: str, position: int) -> None:
        found = next(
            (
                (number, m)
                for number, m in self._mistakes_from(section_id, position)
                if m not in self._skipped
            ),
            None,
        )
        if found is None:
            self._current = None
            self._finished()
            return
        self._segment, mistake = found
        self._current = mistake
        self.word_label.setText(mistake.word)
        suggestions = self._service.suggestions(f"section:{mistake.section_id}", mistake.word)
        self.suggestion_list.clear()
        self.suggestion_list.addItems(suggestions)
        if suggestions:
            self.suggestion_list.setCurrentRow(0)
        else:
            self.change_edit.setText(mistake.word)
        self.status_label.clear()
        self._enable(True)
        self._show_word(mistake.section_id, mistake.start, mistake.end)

    def _finished(self) -> None:
        self.word_label.clear()
        self.change_edit.clear()
        self.suggestion_list.clear()
        self.status_label.setText(self.tr("The spelling check is complete."))
        self._enable(False)
        self.close_button.setFocus()

    def _enable(self, enabled: bool) -> None:
        for button in (
            self.change_button,
            self.change_all_button,
            self.ignore_button,
            self.ignore_all_button,
            self.add_button,
        ):
            button.setEnabled(enabled)
        self.change_edit.setEnabled(enabled)
        self.suggestion_list.setEnabled(enabled)

    def _still_there(self, mistake: Mistake) -> bool:
        document = self._state.document(mistake.section_id)
        cursor_text = document.toPlainText()[mistake.start : mistake.end]
        return cursor_text == mistake.word

    # --- the buttons ----------------------------------------------------------------------------

    def change(self) -> None:
        mistake = self._current
        replacement = self.change_edit.text()
        if mistake is None:
            return
        if self._still_there(mistake) and replacement and replacement != mistake.word:
            document = self._state.document(mistake.section_id)
            replace_in_document(document, mistake.start, mistake.end, replacement)
            self._next_from(mistake.section_id, mistake.start + len(replacement))
        else:
            self._next_from(mistake.section_id, mistake.end)

    def change_all(self) -> None:
        """Every occurrence of the word in the article's texts: one undo step."""
        mistake = self._current
        replacement = self.change_edit.text()
        if mistake is None or not replacement or replacement == mistake.word:
            return
        self._state.beginMacro(self.tr("Change all “%1”").replace("%1", mistake.word))
        try:
            for section in self._state.article.walk_sections():
                document = self._state.document(section.id)
                found = [
                    m
                    for m in _document_marks(self._service, section.id, document)
                    if m.word == mistake.word
                ]
                if not found:
                    continue
                for each in reversed(found):
                    replace_in_document(document, each.start, each.end, replacement)
        finally:
            self._state.endMacro()
        self._next_from(mistake.section_id, mistake.start + len(replacement))

    def ignore(self) -> None:
        mistake = self._current
        if mistake is not None:
            self._skipped.add(mistake)
            self._next_from(mistake.section_id, mistake.end)

    def ignore_all(self) -> None:
        mistake = self._current
        if mistake is not None:
            self._service.ignore_in_article(mistake.word)
            self._next_from(mistake.section_id, mistake.start)

    def add(self) -> None:
        mistake = self._current
        if mistake is not None:
            self._service.add_to_dictionary(mistake.word)
            self._next_from(mistake.section_id, mistake.start)
