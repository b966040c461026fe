"""Wavy red underlines under unknown words: in section documents and in the one-line fields.

`SpellingHighlighter` is a QSyntaxHighlighter on a QTextDocument (a section's, or a plain-text
field's such as the description and a photo's caption). Qt calls `highlightBlock` for each changed
paragraph; it asks the part's checker for the paragraph's unknown words (UTF-16 positions, what
`setFormat` counts), leaving out code-formatted fragments. The formats are display only: the text,
its undo history and the article never change, and typing is never held up (a paragraph of known
words costs ~0.2 ms; the checker caches every word).

A QLineEdit (headline, subheadline, alt text) has no document; `LineEditMarks` gives it the same
underlines as input-method formats, which QLineEdit draws without touching its text.

Both take the part's name from a callable, so a section's document keeps its highlighter when the
tree moves it, and a photo field follows the photo shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import (
    QColor,
    QInputMethodEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QLineEdit

from newsdesk.gui.spelling.service import SpellingService

SECTION_PROPERTY = "newsdesk_section_id"  # set by ArticleState on every section document
MARK_COLOUR = QColor(220, 0, 0)


def mark_format() -> QTextCharFormat:
    """The platform's spell-check underline (wavy on most styles), in red."""
    char_format = QTextCharFormat()
    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    char_format.setUnderlineColor(MARK_COLOUR)
    return char_format


def code_ranges(block) -> list[tuple[int, int]]:
    """The block's code-formatted (fixed-pitch) fragments, in positions within the block."""
    found = []
    iterator = block.begin()
    start = block.position()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid() and fragment.charFormat().fontFixedPitch():
            begin = fragment.position() - start
            found.append((begin, begin + fragment.length()))
        iterator += 1
    return found


def section_part(document: QTextDocument) -> str:
    """`section:<id>` for a section's document ("" for one that is no section's)."""
    section_id = document.property(SECTION_PROPERTY)
    return f"section:{section_id}" if section_id else ""


class SpellingHighlighter(QSyntaxHighlighter):
    """Marks a document's unknown words for the part `part()` names (see the module docstring)."""

    def __init__(
        self, document: QTextDocument, service: SpellingService, part: Callable[[], str]
    ) -> None:
        self._service = service
        self._part = part
        self.generation = service.generation
        self._format = mark_format()
        super().__init__(document)  # marks the whole document on the next turn of the loop

    def refresh(self) -> None:
        """Mark again if the checkers changed since this document was last marked."""
        if self.generation != self._service.generation:
            self.generation = self._service.generation
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if not text:
            return
        part = self._part()
        checker = self._service.checker(part) if part else None
        if checker is None:
            return
        block = self.currentBlock()
        for start, end, _word in checker.misspelt_utf16(text, skip=code_ranges(block)):
            self.setFormat(start, end - start, self._format)


def attached_highlighter(document: QTextDocument) -> SpellingHighlighter | None:
    return document.findChild(SpellingHighlighter)


def attach_highlighter(
    document: QTextDocument, service: SpellingService, part: Callable[[], str] | None = None
) -> SpellingHighlighter:
    """The document's highlighter, made on first use (a child of the document: it goes with it)."""
    highlighter = attached_highlighter(document)
    if highlighter is None:
        highlighter = SpellingHighlighter(
            document, service, part or (lambda: section_part(document))
        )
    else:
        highlighter.refresh()
    return highlighter


class LineEditMarks(QObject):
    """Underlines in a QLineEdit, kept up to date as it is typed in (see the module docstring).

    A field filled by the program (an article opened, an undo, another photo shown) often sets
    its text with signals blocked, so the marks also look again when the field is painted with
    a text or checkers they have not marked yet.
    """

    def __init__(self, edit: QLineEdit, service: SpellingService, part: Callable[[], str]) -> None:
        super().__init__(edit)
        self._edit = edit
        self._service = service
        self._part = part
        self.marked: list[tuple[int, int, str]] = []
        self._seen: tuple[str, str, int] | None = None  # (text, part, generation) last marked
        edit.textChanged.connect(self.refresh)
        service.changed.connect(self.refresh)
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._seen != self._state():
            QTimer.singleShot(0, self, self.refresh)
        return False

    def _state(self) -> tuple[str, str, int]:
        return (self._edit.text(), self._part(), self._service.generation)

    def refresh(self) -> None:
        self._seen = self._state()
        text, part, _generation = self._seen
        checker = self._service.checker(part) if part else None
        found = checker.misspelt_utf16(text) if checker is not None and text else []
        if found or self.marked:
            self.marked = found
            self._apply()

    def _apply(self) -> None:
        edit = self._edit
        if edit.isReadOnly():
            return  # QLineEdit takes no input-method event while read-only
        cursor = edit.cursorPosition()
        attributes = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat,
                start - cursor,
                end - start,
                mark_format(),
            )
            for start, end, _word in self.marked
        ]
        event = QInputMethodEvent("", attributes)
        QCoreApplication.sendEvent(edit, event)


def word_at(text: str, position: int, marked: list[tuple[int, int, str]]):
    """The marked (start, end, word) that `position` falls in or touches, else None."""
    for start, end, word in marked:
        if start <= position <= end:
            return start, end, word
    return None


def block_marks(service: SpellingService, part: str, block) -> list[tuple[int, int, str]]:
    """The marked words of one block of a document, as the highlighter marks them."""
    checker = service.checker(part)
    text = block.text()
    if checker is None or not text:
        return []
    return checker.misspelt_utf16(text, skip=code_ranges(block))
