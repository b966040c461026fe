"""Journey: spell checking (issue 12). The journalist types a misspelt word and sees it marked,
right-clicks it and picks a suggestion, walks the article with F7 (Change, Add to Dictionary),
adds a name to the dictionary, and after a restart finds the name accepted; View > Check Spelling
switches the marks off and on. German and English, with the real dictionaries."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QMenu, QPushButton

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project, open_project
from tests.journeys.harness import (
    click,
    click_button,
    press,
    saved_info,
    trigger_menu,
    type_text,
    visible_dialog,
    visible_text,
    wait_until,
)

pytest.importorskip("hunspell", reason="spell checking needs chunspell (the test extras)")

UI = {
    "en": {
        "language": "en-GB",
        "edit": "Edit",
        "view": "View",
        "next": "Next Spelling Mistake",
        "check": "Check Spelling",
        "add": "Add to Dictionary",
        "change": "Change",
        "typed": "The harbour master said the ferry was late.",
        "typo": "recieved",
        "fixed": "received",
        "name": "Kowalczykowa",
        "done": "The spelling check is complete.",
    },
    "de": {
        "language": "de",
        "edit": "Bearbeiten",
        "view": "Ansicht",
        "next": "Nächster Rechtschreibfehler",
        "check": "Rechtschreibung prüfen",
        "add": "Zum Wörterbuch hinzufügen",
        "change": "Ändern",
        "typed": "Der Hafenmeister sagte, die Fähre sei verspätet und die Straße gesperrt.",
        "typo": "Bürgermiester",
        "fixed": "Bürgermeister",
        "name": "Kowalczykowa",
        "done": "Die Rechtschreibprüfung ist abgeschlossen.",
    },
}


def _story(tmp_path, language: str, markdown: str = ""):
    path = tmp_path / f"spelling-{language}.newsdesk"
    article = Article(
        headline="Ferry" if language == "en" else "Fähre",
        language=UI[language]["language"],
        sections=[Section(markdown=markdown)],
    )
    create_project(path, article).close()
    return path


def marked_words(editor) -> list[str]:
    """The words the editor shows with the spell-check underline (what the user sees)."""
    found = []
    block = editor.document().begin()
    while block.isValid():
        for each in block.layout().formats():
            if each.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                found.append(block.text()[each.start : each.start + each.length])
        block = block.next()
    return found


def _wait_marked(editor, word: str, present: bool = True) -> None:
    wait_until(
        lambda: (word in marked_words(editor)) == present,
        10.0,
        f"{word!r} {'marked' if present else 'unmarked'} (marked: {marked_words(editor)})",
    )


def _answer_popup(choose: Callable[[QMenu], None]) -> list[str]:
    """Answer the context menu the next right-click opens (its exec() blocks the click)."""
    seen: list[str] = []
    deadline = time.monotonic() + 10

    def look() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu) and popup.isVisible():
            seen.extend(visible_text(a.text()) for a in popup.actions() if not a.isSeparator())
            choose(popup)
        elif time.monotonic() < deadline:
            QTimer.singleShot(30, look)

    QTimer.singleShot(30, look)
    return seen


def _click_entry(text: str) -> Callable[[QMenu], None]:
    def choose(menu: QMenu) -> None:
        entry = next(a for a in menu.actions() if visible_text(a.text()) == text)
        QTest.mouseClick(
            menu,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            menu.actionGeometry(entry).center(),
        )

    return choose


def _right_click_word(editor, word: str) -> None:
    text = editor.document().toPlainText()
    start = text.index(word)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start + 2)
    point = editor.cursorRect(cursor).center()
    viewport = editor.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_misspelt_word_is_marked_and_a_suggestion_replaces_it(start_app, tmp_path, language):
    ui = UI[language]
    story = _story(tmp_path, language)
    window = start_app(story, language=language)
    editor = window.editor
    click(editor)
    type_text(f"{ui['typed']} {ui['typo']} ")
    _wait_marked(editor, ui["typo"])
    assert marked_words(editor) == [ui["typo"]], "correct news prose is not marked"
    assert ui["typo"] in editor.toPlainText()  # marking never changes the text

    seen = _answer_popup(_click_entry(ui["fixed"]))
    _right_click_word(editor, ui["typo"])
    wait_until(lambda: ui["fixed"] in editor.toPlainText(), what="the suggestion to replace")
    assert ui["fixed"] in seen and ui["add"] in seen
    _wait_marked(editor, ui["typo"], present=False)

    press("Ctrl+Z")  # one undo step brings the typo back
    assert ui["typo"] in editor.toPlainText()
    press("Ctrl+Shift+Z")
    press("Ctrl+S")
    assert ui["fixed"] in saved_info(story)["sections"][0]["markdown"]


@pytest.mark.parametrize("language", ["en", "de"])
def test_f7_walks_the_article_and_a_name_added_is_accepted_after_a_restart(
    start_app, tmp_path, language
):
    ui = UI[language]
    text = f"{ui['typed']} {ui['typo']} {ui['name']}."
    story = _story(tmp_path, language, text)
    window = start_app(story, language=language)
    editor = window.editor
    click(editor)
    press("Ctrl+Home")
    _wait_marked(editor, ui["name"])

    press("F7")
    dialog = visible_dialog()
    wait_until(lambda: dialog.findChild(QPushButton) is not None)
    assert editor.textCursor().selectedText() == ui["typo"]  # the word is shown, selected
    suggestions = dialog.findChild(QListWidget, "spelling_suggestions")
    item = suggestions.findItems(ui["fixed"], Qt.MatchFlag.MatchExactly)[0]
    click(suggestions.viewport(), suggestions.visualItemRect(item).center())
    click_button(dialog, ui["change"])
    wait_until(lambda: ui["fixed"] in editor.toPlainText(), what="Change to replace the word")
    assert editor.textCursor().selectedText() == ui["name"]
    click_button(dialog, ui["add"])
    wait_until(lambda: ui["done"] in "\n".join(label.text() for label in _labels(dialog)))
    dialog.close()
    _wait_marked(editor, ui["name"], present=False)
    press("Ctrl+S")
    window.close()

    # A restart: the personal word list still knows the name; a new typo is marked beside it.
    window = start_app(story, language=language)
    editor = window.editor
    click(editor)
    press("Ctrl+End")
    type_text(f" {ui['typo']}")
    _wait_marked(editor, ui["typo"])
    assert marked_words(editor) == [ui["typo"]]
    assert f"{ui['fixed']} {ui['name']}" in saved_info(story)["sections"][0]["markdown"]


@pytest.mark.parametrize("language", ["en", "de"])
def test_f7_reaches_a_typo_in_the_headline_and_changes_it_there(start_app, tmp_path, language):
    ui = UI[language]
    story = _story(tmp_path, language, ui["typed"])
    with open_project(story) as project:
        article = project.load()
        article.headline = f"{article.headline} {ui['typo']}"
        project.save(article)
    window = start_app(story, language=language)
    click(window.editor)
    press("F7")
    dialog = visible_dialog()
    wait_until(lambda: dialog.findChild(QPushButton) is not None)
    # Round the text (no typo there) to the start of the article: the headline's word, selected.
    headline = window.headline_bar.headline
    wait_until(lambda: headline.selectedText() == ui["typo"], what="the headline's typo selected")
    suggestions = dialog.findChild(QListWidget, "spelling_suggestions")
    item = suggestions.findItems(ui["fixed"], Qt.MatchFlag.MatchExactly)[0]
    click(suggestions.viewport(), suggestions.visualItemRect(item).center())
    click_button(dialog, ui["change"])
    wait_until(lambda: ui["fixed"] in headline.text(), what="Change to fix the headline")
    wait_until(lambda: ui["done"] in "\n".join(label.text() for label in _labels(dialog)))
    dialog.close()
    click(window.editor)  # back in the window (the dialog had the keyboard)
    press("Ctrl+S")
    assert saved_info(story)["headline"].endswith(ui["fixed"])
    press("Ctrl+Z")
    assert headline.text().endswith(ui["typo"])


def _labels(dialog):
    from PySide6.QtWidgets import QLabel

    return [label for label in dialog.findChildren(QLabel) if label.isVisible()]


@pytest.mark.parametrize("language", ["en", "de"])
def test_view_check_spelling_switches_the_marks_off_and_on(start_app, tmp_path, language):
    ui = UI[language]
    story = _story(tmp_path, language, f"{ui['typed']} {ui['typo']}")
    window = start_app(story, language=language)
    editor = window.editor
    _wait_marked(editor, ui["typo"])
    trigger_menu(window, ui["view"], ui["check"])
    _wait_marked(editor, ui["typo"], present=False)
    trigger_menu(window, ui["view"], ui["check"])
    _wait_marked(editor, ui["typo"])


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_marked_word_in_the_description_is_no_change_to_save(start_app, tmp_path, language):
    """Opening an article whose description has a typo shows the mark there, and the article is
    not taken as changed: the mark once made the window call it modified and save it."""
    ui = UI[language]
    story = tmp_path / f"teaser-{language}.newsdesk"
    article = Article(
        headline="Ferry" if language == "en" else "Fähre",
        language=ui["language"],
        description=f"{ui['typed']} {ui['typo']}",
        sections=[Section(markdown=ui["typed"])],
    )
    create_project(story, article).close()
    stored = story.read_bytes()
    window = start_app(story, language=language)
    _wait_marked(window.panes.metadata.description, ui["typo"])
    assert not window.isWindowModified(), window.windowTitle()
    assert story.read_bytes() == stored
