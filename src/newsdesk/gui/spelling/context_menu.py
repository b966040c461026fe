"""The spelling entries of a context menu: suggestions, Add to Dictionary, Ignore, Language.

Right-click on a marked word puts, above the usual entries, up to six suggestions (choosing one
replaces the word: one undo step on the one history), "Add to Dictionary" (the personal word
list), "Ignore in This Article" (kept in the project file) and the submenu "Language of This
Section" (or "… Field") to check a part in another language than the article's (an English quote
box in a German article). The language submenu is there on every right-click in a part, marked
word or not.

`spelling_entries(menu, before, ...)` adds them to a menu made elsewhere: the section editor's
(through its `context_menu_extender`), or a field's own standard menu (`install_field_menu`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction, QFont, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QTextEdit

from newsdesk.gui.spelling.highlighter import (
    LineEditMarks,
    block_marks,
    section_part,
    word_at,
)
from newsdesk.gui.spelling.messages import language_label
from newsdesk.gui.spelling.service import SpellingService

translate = QCoreApplication.translate

# What "Language of This Section" offers: the languages Newsdesk has dictionaries for.
LANGUAGE_CHOICES = ("de-DE", "de-AT", "de-CH", "en-GB", "en-US")


def _tr(text: str) -> str:
    return translate("SpellingMenu", text)


def spelling_entries(
    menu: QMenu,
    service: SpellingService,
    part: str,
    hit: tuple[int, int, str] | None,
    replace: Callable[[int, int, str], None],
    *,
    is_section: bool,
) -> None:
    """Put the spelling entries at the top of `menu` (see the module docstring)."""
    if service.active is None or not part:
        return
    first = menu.actions()[0] if menu.actions() else None
    added: list[QAction] = []
    if hit is not None:
        start, end, word = hit
        suggestions = service.suggestions(part, word)
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            font = QFont(action.font())
            font.setBold(True)
            action.setFont(font)
            action.setObjectName("spelling_suggestion")
            action.triggered.connect(lambda _checked=False, s=suggestion: replace(start, end, s))
            added.append(action)
        if not suggestions:
            none = QAction(_tr("(No Suggestions)"), menu)
            none.setEnabled(False)
            added.append(none)
        add = QAction(_tr("Add to Dictionary"), menu)
        add.setObjectName("spelling_add")
        add.triggered.connect(lambda: service.add_to_dictionary(word))
        ignore = QAction(_tr("Ignore in This Article"), menu)
        ignore.setObjectName("spelling_ignore")
        ignore.triggered.connect(lambda: service.ignore_in_article(word))
        added += [_separator(menu), add, ignore]
    languages = _language_menu(menu, service, part, is_section=is_section)
    added.append(languages.menuAction())
    added.append(_separator(menu))
    menu.insertActions(first, added) if first is not None else menu.addActions(added)


def _separator(menu: QMenu) -> QAction:
    separator = QAction(menu)
    separator.setSeparator(True)
    return separator


def _language_menu(menu: QMenu, service: SpellingService, part: str, *, is_section: bool) -> QMenu:
    title = _tr("Language of This Section") if is_section else _tr("Language of This Field")
    languages = QMenu(title, menu)
    languages.setObjectName("spelling_languages")
    current = service.part_language(part)
    article = QAction(_tr("The Article’s Language"), languages)
    article.triggered.connect(lambda: service.set_part_language(part, None))
    languages.addAction(article)
    languages.addSeparator()
    for tag in LANGUAGE_CHOICES:
        action = QAction(language_label(tag), languages)
        action.setCheckable(True)
        action.setChecked(current.replace("_", "-").lower() == tag.lower())
        action.triggered.connect(lambda _checked=False, t=tag: service.set_part_language(part, t))
        languages.addAction(action)
    return languages


# --- the section editor ---------------------------------------------------------------------------


def section_menu_extender(service: SpellingService, editor: QTextEdit):
    """The section editor's `context_menu_extender`: spelling entries for the word clicked."""

    def extend(menu: QMenu, position: QPoint) -> None:
        document = editor.document()
        part = section_part(document)
        cursor = editor.cursorForPosition(position)
        block = cursor.block()
        marks = block_marks(service, part, block) if part else []
        hit = word_at(block.text(), cursor.position() - block.position(), marks)

        def replace(start: int, end: int, text: str) -> None:
            replace_in_document(document, block.position() + start, block.position() + end, text)

        spelling_entries(menu, service, part, hit, replace, is_section=True)

    return extend


def replace_in_document(document, start: int, end: int, text: str) -> QTextCursor:
    """Replace document[start:end] with `text` as one edit (one undo step); keeps its format."""
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    char_format = cursor.charFormat()
    cursor.beginEditBlock()
    cursor.insertText(text, char_format)
    cursor.endEditBlock()
    return cursor


# --- fields -------------------------------------------------------------------------------------


def install_field_menu(
    widget: QLineEdit | QPlainTextEdit,
    service: SpellingService,
    part: Callable[[], str],
    marks: LineEditMarks | None = None,
    finished: Callable[[], None] | None = None,
) -> None:
    """Give a field a context menu with the spelling entries above its standard ones.
    `finished` runs after a replacement (the field's own "editing finished": one undo step)."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(position: QPoint) -> None:
        name = part()
        if isinstance(widget, QLineEdit):
            menu = widget.createStandardContextMenu()
            found = marks.marked if marks is not None else []
            hit = word_at(widget.text(), widget.cursorPositionAt(position), found)

            def replace(start: int, end: int, text: str) -> None:
                widget.setSelection(start, end - start)
                widget.insert(text)
                if finished is not None:
                    finished()

        else:
            menu = widget.createStandardContextMenu(position)
            cursor = widget.cursorForPosition(position)
            block = cursor.block()
            found = block_marks(service, name, block) if name else []
            hit = word_at(block.text(), cursor.position() - block.position(), found)

            def replace(start: int, end: int, text: str) -> None:
                base = block.position()
                edit_cursor = widget.textCursor()
                edit_cursor.setPosition(base + start)
                edit_cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
                edit_cursor.insertText(text)
                widget.setTextCursor(edit_cursor)
                if finished is not None:
                    finished()

        spelling_entries(menu, service, name, hit, replace, is_section=False)
        # A scroll area's position is its viewport's.
        shown_on = widget if isinstance(widget, QLineEdit) else widget.viewport()
        menu.exec(shown_on.mapToGlobal(position))
        menu.deleteLater()

    widget.customContextMenuRequested.connect(show)
