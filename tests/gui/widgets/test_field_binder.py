"""The one rule for a pane's text fields: commit on finish, keep unfinished edits, refresh
without signalling, and one push path that shows refusals."""

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from newsdesk.gui.widgets.field_binder import BoundText, push_edit
from newsdesk.model.article import Article, Section
from newsdesk.model.commands import SetArticleField, SetSectionMarkdown


def test_showing_a_value_signals_no_edit_and_keeps_the_cursor(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    field = BoundText(edit)
    field.show("Straßenfest im Mai")
    changed = []
    edit.textChanged.connect(changed.append)
    edit.setCursorPosition(4)
    field.show("Straßenfest im Juni")
    assert edit.text() == "Straßenfest im Juni"
    assert edit.cursorPosition() == 4
    assert changed == []
    assert not field.is_unfinished()


def test_an_unfinished_edit_survives_a_refresh_unless_forced(qtbot):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    field = BoundText(edit)
    field.show("Die Fähre am Morgen.")
    edit.setPlainText("Die Fähre am Abend, von Jörg Weiß.")
    assert field.is_unfinished()
    field.show("Die Fähre am Mittag.", keep_unfinished=True)
    assert edit.toPlainText() == "Die Fähre am Abend, von Jörg Weiß."
    field.show("Die Fähre am Mittag.")
    assert edit.toPlainText() == "Die Fähre am Mittag."
    assert not field.is_unfinished()


def test_a_plain_text_field_is_finished_when_focus_leaves_it(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    caption = QPlainTextEdit(host)
    other = QLineEdit(host)
    finished = []
    BoundText(caption, lambda: finished.append(caption.toPlainText()))
    host.show()
    qtbot.waitExposed(host)
    caption.setFocus()
    qtbot.waitUntil(caption.hasFocus)
    caption.setPlainText("Harbour cranes at dawn")
    other.setFocus()
    qtbot.waitUntil(lambda: finished == ["Harbour cranes at dawn"])


def test_a_line_field_is_finished_on_return(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    finished = []
    BoundText(edit, lambda: finished.append(edit.text()))
    edit.setText("Night ferry returns")
    edit.editingFinished.emit()
    assert finished == ["Night ferry returns"]


def test_push_edit_applies_an_edit_and_shows_a_refusal(state_for, message_boxes):
    state = state_for(Article(headline="Alt", sections=[Section(id="lead", markdown="Text")]))
    parent = QWidget()
    assert push_edit(state, SetArticleField("headline", "Neu"), "Edit headline", parent)
    assert state.article.headline == "Neu"
    refused = SetSectionMarkdown("gone", "Weg")
    assert not push_edit(state, refused, "Replace section text", parent)
    assert [kind for kind, _title, _text in message_boxes.calls] == ["critical"]
    assert state.article.find_section("lead").markdown == "Text"
    assert state.count() == 1
