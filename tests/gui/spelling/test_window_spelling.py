"""The window's spell checking with the real dictionaries: marks that never change the text, the
fields, the service's messages, the Check pane's hints, Change All as one undo step, the part's
language and "Ignore in This Article" in the file's properties."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor

from newsdesk.gui.spelling.context_menu import replace_in_document
from newsdesk.gui.spelling.highlighter import LineEditMarks
from newsdesk.gui.spelling.messages import status_text
from newsdesk.gui.spelling.service import SpellingService
from newsdesk.gui.spelling.spelling_dialog import SpellingDialog
from newsdesk.gui.spelling.spelling_places import Mistake
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.spelling_settings import IGNORE_KEY, ignored_words, language_of
from newsdesk.spelling import Spelling
from tests.gui.test_translations import german_interface  # noqa: F401 (the fixture)
from tests.gui.window_helpers import close_window, new_window

pytest.importorskip("hunspell", reason="spell checking needs chunspell (the test extras)")

ENGLISH = "The harbour master recieved the new timetable on Monday."
GERMAN = "Der Bürgermiester von Großenbrode eröffnet die Fähre über die Straße."


def _marked(document) -> list[str]:
    found = []
    block = document.begin()
    while block.isValid():
        for each in block.layout().formats():
            style = each.format.underlineStyle()
            if style == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                found.append(block.text()[each.start : each.start + each.length])
        block = block.next()
    return found


@pytest.fixture
def window(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: window.spelling.service.started, timeout=5000)
    yield window
    close_window(window)


def _load(window, article: Article) -> None:
    window.article_state.set_article(article)
    window.files.opened.emit()


def test_marks_leave_the_text_its_history_and_the_article_alone(qtbot, window):
    _load(window, Article(language="en-GB", sections=[Section(markdown=ENGLISH)]))
    document = window.editor.document()
    qtbot.waitUntil(lambda: _marked(document) == ["recieved"], timeout=5000)
    assert window.article_state.count() == 0  # no undo step
    assert not document.isModified()
    assert window.article.sections[0].markdown == ENGLISH


def test_the_check_lists_unknown_words_while_marking_is_on(qtbot, window):
    _load(window, Article(language="en-GB", sections=[Section(markdown=ENGLISH)]))
    panel = window.panes.preflight
    codes = lambda: [(f.code, (f.details or {}).get("word")) for f in panel.findings()]  # noqa: E731
    assert ("spelling", "recieved") in codes()
    window.spelling.check_action.trigger()  # View > Check Spelling: off
    qtbot.waitUntil(lambda: _marked(window.editor.document()) == [], timeout=5000)
    assert ("spelling", "recieved") not in codes()
    assert window.settings.check_spelling is False
    window.spelling.check_action.trigger()
    assert ("spelling", "recieved") in codes()


def test_change_all_is_one_undo_step_across_sections(qtbot, window):
    sections = [Section(markdown=ENGLISH), Section(heading="More", markdown=f"Still {ENGLISH}")]
    _load(window, Article(language="en-GB", sections=sections))
    shown: list[Mistake] = []
    service = window.spelling.service
    dialog = SpellingDialog(window.article_state, service, shown.append, window)
    dialog.start(sections[0].id, 0)
    assert dialog.word_label.text() == "recieved"
    assert "received" in [dialog.suggestion_list.item(n).text() for n in range(3)]
    dialog.change_edit.setText("received")
    dialog.change_all()
    window.article_state.flush_text()
    assert all("recieved" not in s.markdown for s in window.article.sections)
    assert dialog.status_label.text() == "The spelling check is complete."
    assert window.article_state.count() == 1
    window.article_state.undo()
    window.article_state.flush_text()
    assert all("recieved" in s.markdown for s in window.article.sections)
    dialog.deleteLater()


def test_a_section_in_another_language_is_checked_in_it(qtbot, window):
    quote = Section(heading="Zitat", markdown="Die Fähre über die Förde fährt wieder.")
    _load(window, Article(language="en-GB", sections=[Section(markdown=ENGLISH), quote]))
    service = window.spelling.service
    service.set_part_language(f"section:{quote.id}", "de-DE")
    assert language_of(window.article, f"section:{quote.id}") == "de-DE"
    window.go_to_section(quote.id)
    qtbot.waitUntil(lambda: "Förde" in _marked(window.editor.document()), timeout=5000)
    assert "Fähre" not in _marked(window.editor.document())
    window.article_state.undo()  # one undo step: back to the article's English
    qtbot.waitUntil(lambda: "Fähre" in _marked(window.editor.document()), timeout=5000)


def test_ignore_in_this_article_is_kept_in_the_article_and_undone(qtbot, window):
    _load(window, Article(language="en-GB", sections=[Section(markdown=ENGLISH)]))
    document = window.editor.document()
    qtbot.waitUntil(lambda: _marked(document) == ["recieved"], timeout=5000)
    assert window.spelling.service.ignore_in_article("recieved")
    assert ignored_words(window.article) == ["recieved"]
    assert IGNORE_KEY in window.article.properties
    qtbot.waitUntil(lambda: _marked(document) == [], timeout=5000)
    window.article_state.undo()
    assert ignored_words(window.article) == []
    qtbot.waitUntil(lambda: _marked(document) == ["recieved"], timeout=5000)


def test_a_replacement_keeps_the_words_format_and_is_one_undo_step(qtbot, window):
    _load(window, Article(language="en-GB", sections=[Section(markdown="A **recieved** letter.")]))
    document = window.editor.document()
    start = document.toPlainText().index("recieved")
    replace_in_document(document, start, start + len("recieved"), "received")
    window.article_state.flush_text()
    assert window.article.sections[0].markdown.strip() == "A **received** letter."
    window.article_state.undo()
    window.article_state.flush_text()
    assert window.article.sections[0].markdown.strip() == "A **recieved** letter."


def test_the_headline_is_marked_without_an_edit(qtbot, window):
    _load(window, Article(language="en-GB", headline="Ferry timetable recieved"))
    edit = window.headline_bar.headline
    marks = edit.findChild(LineEditMarks)
    qtbot.waitUntil(lambda: marks.marked == [(16, 24, "recieved")], timeout=5000)
    assert edit.text() == "Ferry timetable recieved"
    assert not window.headline_bar.has_pending()
    assert window.article_state.count() == 0


def test_add_to_dictionary_says_so_when_the_list_cannot_be_written(qtbot, window, tmp_path):
    _load(window, Article(language="en-GB", sections=[Section(markdown=ENGLISH)]))
    service = window.spelling.service
    blocker = tmp_path / "data" / "personal-words.txt"
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.mkdir()  # a folder where the list should be: writing it fails
    said: list[str] = []
    service.message.connect(said.append)
    assert service.add_to_dictionary("recieved")  # accepted for this session all the same
    assert said and "cannot be written" in said[0]
    qtbot.waitUntil(lambda: _marked(window.editor.document()) == [], timeout=5000)


def test_a_language_without_a_dictionary_is_said_in_german(qtbot, tmp_path, german_interface):  # noqa: F811
    spelling = Spelling(search_dirs=[tmp_path])  # no dictionaries at all
    assert status_text(spelling.status("nl")) == (
        "Kein Wörterbuch für Niederländisch (nl); die Rechtschreibung wird nicht geprüft"
    )
    assert status_text(spelling.status("de-AT")).startswith("Kein Wörterbuch für Deutsch (Öst")


def test_the_service_reports_a_missing_newsroom_list_once(qtbot, tmp_path, window):
    service = SpellingService(window.article_state, window.settings, tmp_path / "data", window)
    window.settings.newsroom_word_list = str(tmp_path / "missing.txt")
    said: list[str] = []
    service.message.connect(said.append)
    service.start()
    assert said == [f"The word list {tmp_path / 'missing.txt'} does not exist"]
    window.settings.newsroom_word_list = ""


def test_the_selection_follows_the_dialog(qtbot, window):
    _load(window, Article(language="de", sections=[Section(markdown=GERMAN)]))
    window.spelling.open_dialog()
    dialog = window.spelling.dialog
    assert dialog.word_label.text() == "Bürgermiester"
    assert window.editor.textCursor().selectedText() == "Bürgermiester"
    dialog.ignore()
    assert dialog.word_label.text() == "Großenbrode"
    dialog.ignore()
    assert not dialog.change_button.isEnabled()
    dialog.close()
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)


def test_f7_walks_the_fields_in_reading_order_and_changes_them_undoably(qtbot, window):
    photo = Image(caption="The ferry at the pier, recieved with cheers", alt="A white ferry")
    section = Section(heading="Timetabel", markdown="The ferry leaves hourly.")
    article = Article(
        language="en-GB",
        headline="Ferry recieved at last",
        subheadline="The isle waits no more",
        sections=[section],
        images=[photo],
    )
    _load(window, article)
    window.spelling.open_dialog()  # the cursor is in the section's text: the walk starts there
    dialog = window.spelling.dialog
    walked = []
    for _ in range(3):
        mistake = dialog._current
        walked.append((mistake.place.where, mistake.place.field, mistake.word))
        dialog.ignore()
    assert walked == [
        (f"image:{photo.id}", "caption", "recieved"),
        ("headline", "headline", "recieved"),
        (f"section:{section.id}", "heading", "Timetabel"),
    ]
    assert not dialog.change_button.isEnabled()  # round the article and back to the cursor

    dialog.start(section.id, 0)  # again: the caption first; the Photos pane selects the word
    assert window.panes.images.fields.widget_for("caption").textCursor().selectedText() == (
        "recieved"
    )
    dialog.change_edit.setText("received")
    dialog.change()
    assert window.article.images[0].caption == "The ferry at the pier, received with cheers"
    assert dialog.word_label.text() == "recieved"  # the headline's, selected in the bar
    assert window.headline_bar.headline.selectedText() == "recieved"
    dialog.change_edit.setText("received")
    dialog.change()
    assert window.article.headline == "Ferry received at last"
    dialog.change_edit.setText("Timetable")
    dialog.change()
    assert window.article.sections[0].heading == "Timetable"
    steps = window.article_state.index()
    window.article_state.undo()  # one step per change: the heading's alone goes back
    assert window.article.sections[0].heading == "Timetabel"
    assert window.article.headline == "Ferry received at last"
    assert window.article_state.index() == steps - 1
    dialog.close()


def test_change_all_reaches_the_fields_in_one_step(qtbot, window):
    article = Article(
        language="en-GB",
        headline="Timetable recieved",
        sections=[Section(markdown=ENGLISH)],
    )
    _load(window, article)
    window.spelling.open_dialog()
    dialog = window.spelling.dialog
    assert dialog.word_label.text() == "recieved"
    dialog.change_edit.setText("received")
    dialog.change_all()
    window.article_state.flush_text()
    assert window.article.headline == "Timetable received"
    assert "recieved" not in window.article.sections[0].markdown
    window.article_state.undo()
    window.article_state.flush_text()
    assert window.article.headline == "Timetable recieved"
    assert "recieved" in window.article.sections[0].markdown
    dialog.close()


@pytest.mark.parametrize("where", ["headline", "description"])
def test_a_click_on_a_spelling_finding_selects_the_word(qtbot, window, where):
    from PySide6.QtCore import Qt

    article = Article(language="en-GB", sections=[Section(markdown="The ferry runs.")])
    setattr(article, where, "Timetable recieved at last")
    _load(window, article)
    panel = window.panes.preflight
    window.panes.check_dock.show()
    window.panes.check_dock.raise_()
    panel.refresh_now()
    found = panel.list
    rows = [found.item(n) for n in range(found.count())]
    item = next(
        i for i in rows if "recieved" in i.text() and i.data(Qt.ItemDataRole.UserRole) == where
    )
    qtbot.mouseClick(
        found.viewport(), Qt.MouseButton.LeftButton, pos=found.visualItemRect(item).center()
    )
    field = (
        window.headline_bar.headline if where == "headline" else window.panes.metadata.description
    )
    selected = field.selectedText() if where == "headline" else field.textCursor().selectedText()
    assert selected == "recieved"
