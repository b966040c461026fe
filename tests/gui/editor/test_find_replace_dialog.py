"""The find/replace dialog: navigation in editor positions, options, replace, replace all, undo."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QMessageBox

from newsdesk.gui.article_state import ModelUndoCommand, TextEditCommand
from newsdesk.gui.editor.find_replace_dialog import FindReplaceDialog
from newsdesk.model.article import Article, Section
from newsdesk.model.serialize import article_to_dict


def markdown_document(markdown: str) -> QTextDocument:
    """Qt's own Markdown reader: enough to make document positions differ from Markdown ones."""
    document = QTextDocument()
    document.setMarkdown(markdown)
    return document


def to_markdown(document: QTextDocument) -> str:
    return document.toMarkdown().strip()


def make_article() -> Article:
    return Article(
        headline="Die Fähre kommt",
        kicker="Hafen",
        sections=[
            Section(id="lead", markdown="Die **Fähre** fährt ab [hier](https://faehre.example)."),
            Section(id="plan", heading="Fähren im Winter", markdown="Keine Fähre bis März."),
        ],
    )


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("unexpected message box")

    monkeypatch.setattr(QMessageBox, "critical", fail)


@pytest.fixture
def stack(state_for):
    return state_for(make_article(), document_factory=markdown_document, to_markdown=to_markdown)


@pytest.fixture
def dialog(qtbot, stack):
    dialog = FindReplaceDialog(stack)
    qtbot.addWidget(dialog)
    return dialog


def search(dialog: FindReplaceDialog, needle: str, *, case=False, whole=False, replace=None):
    dialog.show_replace() if replace is not None else dialog.show_find()
    dialog.case_box.setChecked(case)
    dialog.word_box.setChecked(whole)
    dialog.find_edit.setText(needle)
    if replace is not None:
        dialog.replace_edit.setText(replace)


def test_find_next_walks_fields_headings_and_texts_and_wraps(dialog, stack, qtbot):
    search(dialog, "fähre")
    assert "4" in dialog.status_label.text()
    found = []
    dialog.match_found.connect(lambda *args: found.append(args))
    for _ in range(5):
        dialog.find_next()
    assert found[:4] == [
        ("headline", "field", 4, 9),
        ("lead", "body", 4, 9),  # "Die Fähre…" in the document: no "**" before it
        ("plan", "heading", 0, 5),  # "Fähren"
        ("plan", "body", 6, 11),
    ]
    assert found[4] == found[0]
    assert "wrapped" in dialog.status_label.text()
    text = stack.document("lead").toPlainText()
    assert text[4:9] == "Fähre"


def test_options_case_and_whole_words(dialog, stack):
    search(dialog, "FÄHRE")
    assert len(dialog.matches()) == 4
    search(dialog, "FÄHRE", case=True)
    assert dialog.matches() == []
    assert dialog.status_label.text() == "Not found"
    search(dialog, "Fähre", whole=False)
    headings = [m for m in dialog.matches() if m.part == "heading"]
    assert len(headings) == 1  # inside "Fähren"
    search(dialog, "Fähre", whole=True)
    assert [m for m in dialog.matches() if m.part == "heading"] == []


def test_empty_search_disables_the_buttons(dialog):
    search(dialog, "")
    assert not dialog.find_next_button.isEnabled()
    assert dialog.find_next() is None
    assert dialog.status_label.text() == ""


def test_search_start_follows_the_editor_cursor(dialog, qtbot):
    search(dialog, "Fähre")
    dialog.set_search_start("lead", "body", 5)
    with qtbot.waitSignal(dialog.match_found) as blocker:
        dialog.find_next()
    assert blocker.args[:2] == ["plan", "heading"]


def test_replace_in_a_text_is_one_typing_step(dialog, stack):
    search(dialog, "Fähre", whole=True, replace="Barkasse")
    dialog.set_search_start("lead", "body", 0)
    dialog.find_next()
    assert dialog.replace_current()
    assert stack.document("lead").toPlainText().startswith("Die Barkasse fährt")
    assert isinstance(stack.command(stack.count() - 1), TextEditCommand)
    stack.flush_text()
    assert "**Barkasse**" in stack.article.find_section("lead").markdown
    stack.undo()
    assert stack.document("lead").toPlainText().startswith("Die Fähre fährt")


def test_replace_in_a_field_and_a_heading_goes_through_commands(dialog, stack):
    search(dialog, "Fähre", replace="Barkasse")
    dialog.find_next()  # headline
    assert dialog.replace_current()
    assert stack.article.headline == "Die Barkasse kommt"
    assert isinstance(stack.command(0), ModelUndoCommand)
    # replace moved on to the next match by itself: the lead text
    assert dialog.current_match.where == "lead"
    dialog.set_search_start("plan", "heading", 0)
    dialog.find_next()
    assert dialog.replace_current()
    assert stack.article.find_section("plan").heading == "Barkassen im Winter"
    stack.undo()
    stack.undo()
    assert stack.article.headline == "Die Fähre kommt"


def test_replace_without_a_current_match_only_finds(dialog, stack):
    search(dialog, "Fähre", replace="Barkasse")
    assert not dialog.replace_current()
    assert stack.count() == 0
    assert dialog.current_match is not None


def test_replace_all_is_one_undo_step_and_keeps_links(dialog, stack):
    before = article_to_dict(stack.article)
    search(dialog, "fähre", replace="Barkasse")
    assert dialog.replace_all() == 4
    assert "4" in dialog.status_label.text()
    assert stack.article.find_section("plan").heading == "Barkassen im Winter"
    assert stack.count() == 1
    assert stack.article.headline == "Die Barkasse kommt"
    lead = stack.article.find_section("lead").markdown
    assert lead == "Die **Barkasse** fährt ab [hier](https://faehre.example)."
    assert stack.document("lead").toPlainText().startswith("Die Barkasse fährt")
    stack.undo()
    assert article_to_dict(stack.article) == before
    assert stack.document("lead").toPlainText().startswith("Die Fähre fährt")


def test_replace_all_sees_text_typed_but_not_yet_written(dialog, stack):
    cursor = QTextCursor(stack.document("plan"))
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(" Dann fährt die Fähre.")
    search(dialog, "Fähre", whole=True, replace="Barkasse")
    assert dialog.replace_all() == 4
    assert stack.article.find_section("plan").markdown.endswith("Dann fährt die Barkasse.")


def test_the_count_follows_edits_while_open(dialog, stack, qtbot):
    search(dialog, "März")
    assert "1" in dialog.status_label.text()
    stack.document("lead").setPlainText("März, März")
    qtbot.waitUntil(lambda: "3" in dialog.status_label.text())


def test_a_recount_after_another_edit_keeps_the_matchs_position(dialog, stack, qtbot):
    """The journey saw "Match 1 of 4" replaced by "4 matches" when the article changed elsewhere
    between two presses of Enter: the position stays, the count follows."""
    search(dialog, "Fähre")
    dialog.find_next()
    assert dialog.status_label.text() == "Match 1 of 4"
    stack.document("plan").setPlainText("Keine Fähre bis März. Noch eine Fähre.")
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Match 1 of 5")


def test_find_and_replace_actions_show_the_right_fields(dialog):
    assert dialog.find_action.shortcut().toString() == "Ctrl+F"
    assert dialog.replace_action.shortcut().toString() == "Ctrl+H"
    dialog.find_action.trigger()
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.replace_edit.isHidden()
    dialog.replace_action.trigger()
    assert not dialog.replace_edit.isHidden()
    assert not dialog.replace_all_button.isHidden()
