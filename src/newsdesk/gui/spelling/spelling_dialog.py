"""F7 / Edit > Next Spelling Mistake: a word processor's spelling dialog over the whole article.

The dialog walks the marked words of every place the check looks at, in reading order: headline,
subheadline, description, each section's heading and text, each photo's caption and alt text
(`spelling_places.py`). It starts at the editor's cursor, goes to the end and then from the start
back to the cursor, and shows each word selected where it stands (the editor, or the field). For
each: Change (to the suggestion chosen or the text typed), Change All (every occurrence of the
word in the article: one undo step), Ignore (this once), Ignore All (in this article, kept in the
project file) and Add to Dictionary. It finds exactly what the editor and the fields mark: the
same checker on the same paragraphs (`block_marks`).

It does not block the window (the journalist may fix something by hand meanwhile): every step
looks again at the text as it is now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
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

from newsdesk.errors import NewsdeskError
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.dialogs.error_messages import error_text
from newsdesk.gui.spelling.service import SpellingService
from newsdesk.gui.spelling.spelling_places import (
    Mistake,
    Place,
    marks_in,
    place_document,
    places,
    replace_word,
    section_text_place,
    still_there,
)


class SpellingDialog(QDialog):
    """See the module docstring. `show_word(mistake)` selects the word where it stands."""

    def __init__(
        self,
        state: ArticleState,
        service: SpellingService,
        show_word: Callable[[Mistake], None],
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
        self._origin: tuple[Place | None, int] = (None, 0)  # where the walk began: it ends there
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
        """Begin at a place in the article (the editor's cursor in a section's text) and show
        the first mistake."""
        self._skipped.clear()
        origin = section_text_place(section_id)
        self._origin = (origin, position)
        self._segment = 0
        self._next_from(origin, position)

    def _segments(self) -> list[tuple[Place, int, int | None]]:
        """The walk as (place, from, to) pieces: the origin's place from the origin, the places
        after it, then from the article's start round to the origin."""
        walk = places(self._state)
        origin, origin_position = self._origin
        if origin is None or origin not in walk:
            return [(each, 0, None) for each in walk]
        index = walk.index(origin)
        return [
            (origin, origin_position, None),
            *((each, 0, None) for each in walk[index + 1 :]),
            *((each, 0, None) for each in walk[:index]),
            (origin, 0, origin_position),
        ]

    def _mistakes_from(self, place: Place, position: int) -> Iterator[tuple[int, Mistake]]:
        """(piece, mistake) for every mistake after (place, position) until the walk ends."""
        segments = self._segments()
        begun = False
        for number, (each, lower, upper) in enumerate(segments):
            if not begun:
                if number < self._segment or each != place:
                    continue
                begun = True
                lower = max(lower, position)
            document = place_document(self._state, each)
            if document is None:
                continue
            for mistake in marks_in(self._service, each, document, lower):
                if upper is not None and mistake.start >= upper:
                    break
                yield number, mistake

    def _next_from(self, place: Place, position: int) -> None:
        found = next(
            (
                (number, m)
                for number, m in self._mistakes_from(place, position)
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
        suggestions = self._service.suggestions(mistake.place.part, mistake.word)
        self.suggestion_list.clear()
        self.suggestion_list.addItems(suggestions)
        if suggestions:
            self.suggestion_list.setCurrentRow(0)
        else:
            self.change_edit.setText(mistake.word)
        self.status_label.clear()
        self._enable(True)
        self._show_word(mistake)

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

    # --- the buttons ----------------------------------------------------------------------------

    def change(self) -> None:
        mistake = self._current
        replacement = self.change_edit.text()
        if mistake is None:
            return
        place = mistake.place
        if (
            still_there(self._state, mistake)
            and replacement
            and replacement != mistake.word
            and self._replace([mistake], replacement)
        ):
            self._next_from(place, mistake.start + len(replacement))
        else:
            self._next_from(place, mistake.end)

    def change_all(self) -> None:
        """Every occurrence of the word in every place of the article: one undo step."""
        mistake = self._current
        replacement = self.change_edit.text()
        if mistake is None or not replacement or replacement == mistake.word:
            return
        self._state.beginMacro(self.tr("Change all “%1”").replace("%1", mistake.word))
        try:
            for place in places(self._state):
                document = place_document(self._state, place)
                if document is None:
                    continue
                found = [
                    m for m in marks_in(self._service, place, document) if m.word == mistake.word
                ]
                self._replace(found, replacement)
        finally:
            self._state.endMacro()
        self._next_from(mistake.place, mistake.start + len(replacement))

    def _replace(self, mistakes: list[Mistake], replacement: str) -> bool:
        """Change the words; a field edit the article refuses is said in the dialog."""
        try:
            return replace_word(self._state, mistakes, replacement)
        except NewsdeskError as error:
            self.status_label.setText(error_text(error))
            return False

    def ignore(self) -> None:
        mistake = self._current
        if mistake is not None:
            self._skipped.add(mistake)
            self._next_from(mistake.place, mistake.end)

    def ignore_all(self) -> None:
        mistake = self._current
        if mistake is not None:
            self._service.ignore_in_article(mistake.word)
            self._next_from(mistake.place, mistake.start)

    def add(self) -> None:
        mistake = self._current
        if mistake is not None:
            self._service.add_to_dictionary(mistake.word)
            self._next_from(mistake.place, mistake.start)
