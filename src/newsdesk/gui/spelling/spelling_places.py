"""The places F7 walks, in the order a reader meets them, and how a word is changed in each.

A place is one text the spelling check looks at (`model.spelling_check.checked_parts`): the
headline, the subheadline, the description, each section's heading and text, each photo's caption
and alt text. A section's text is its live `QTextDocument` (the editor's, with its undo history);
every other place is a one-line field of the article, read into a throwaway document so that the
same `block_marks` finds exactly the words its field marks, in the same UTF-16 positions the
field widgets select by. A change to a field is a model command on the one undo history, like an
edit in the field itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor, QTextDocument

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.spelling.context_menu import replace_in_document
from newsdesk.gui.spelling.highlighter import block_marks
from newsdesk.gui.spelling.service import SpellingService
from newsdesk.model.commands import EditCommand, RenameSection, SetArticleField
from newsdesk.model.image_commands import SetImageFields
from newsdesk.model.spelling_check import checked_parts

TEXT = "text"  # a section's text: the one field with a live document


@dataclass(frozen=True)
class Place:
    """`where` as findings name it (`headline`, `section:<id>`, `image:<id>`), the `field` there
    and the `part` whose checker applies (`image:<id>:caption`, ...)."""

    where: str
    field: str
    part: str

    @property
    def section_id(self) -> str:
        return self.where.removeprefix("section:") if self.where.startswith("section:") else ""

    @property
    def image_id(self) -> str:
        return self.where.removeprefix("image:") if self.where.startswith("image:") else ""


@dataclass(frozen=True)
class Mistake:
    """A marked word: [start, end) are positions in the place's document (UTF-16, as Qt counts)."""

    place: Place
    start: int
    end: int
    word: str


def places(state: ArticleState) -> list[Place]:
    """Every place in the article's reading order (the check's order)."""
    return [
        Place(where, field, part) for where, field, part, _text, _md in checked_parts(state.article)
    ]


def section_text_place(section_id: str) -> Place:
    where = f"section:{section_id}"
    return Place(where, TEXT, where)


def place_document(state: ArticleState, place: Place) -> QTextDocument | None:
    """The live document of a section's text, a fresh one holding a field's text; None when the
    place is gone (its section or photo was removed meanwhile)."""
    if place.field == TEXT:
        if state.article.find_section(place.section_id) is None:
            return None
        return state.document(place.section_id)
    text = field_text(state, place)
    if text is None:
        return None
    document = QTextDocument()
    document.setPlainText(text)
    return document


def field_text(state: ArticleState, place: Place) -> str | None:
    article = state.article
    if place.section_id:
        section = article.find_section(place.section_id)
        return None if section is None else section.heading
    if place.image_id:
        image = article.find_image(place.image_id)
        return None if image is None else str(getattr(image, place.field, ""))
    value = getattr(article, place.field, None)
    return value if isinstance(value, str) else None


def marks_in(
    service: SpellingService, place: Place, document: QTextDocument, start: int = 0
) -> Iterator[Mistake]:
    """The place's marked words from `start` on, in document order."""
    block = document.findBlock(start)
    while block.isValid():
        base = block.position()
        for begin, end, word in block_marks(service, place.part, block):
            if base + begin >= start:
                yield Mistake(place, base + begin, base + end, word)
        block = block.next()


def replace_word(state: ArticleState, mistakes: list[Mistake], replacement: str) -> bool:
    """Put `replacement` in for each of `mistakes` (all of one place, in document order). A
    section's text changes in its document (the editor's own undo step); a field gets one model
    command. False when the place is gone or a field edit was refused."""
    if not mistakes:
        return False
    place = mistakes[0].place
    document = place_document(state, place)
    if document is None:
        return False
    for each in reversed(mistakes):
        if place.field == TEXT:
            replace_in_document(document, each.start, each.end, replacement)
        else:
            cursor = QTextCursor(document)
            cursor.setPosition(each.start)
            cursor.setPosition(each.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
    if place.field == TEXT:
        return True
    command = _field_command(place, document.toPlainText())
    state.push_command(command, QCoreApplication.translate("Spelling", "Correct spelling"))
    return True


def still_there(state: ArticleState, mistake: Mistake) -> bool:
    """The word is still where it was found (the journalist may have typed meanwhile)."""
    document = place_document(state, mistake.place)
    if document is None:
        return False
    cursor = QTextCursor(document)
    cursor.setPosition(min(mistake.start, document.characterCount() - 1))
    cursor.setPosition(
        min(mistake.end, document.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor
    )
    return cursor.selectedText() == mistake.word


def _field_command(place: Place, value: str) -> EditCommand:
    if place.section_id:
        return RenameSection(place.section_id, value)
    if place.image_id:
        return SetImageFields(place.image_id, **{place.field: value})
    return SetArticleField(place.field, value)
