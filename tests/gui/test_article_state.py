"""One undo history: typing in section documents and structure edits undo in reverse order."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTextEdit

from newsdesk.gui.article_state import ArticleState, ModelUndoCommand, TextEditCommand
from newsdesk.model.article import Article, Section
from newsdesk.model.commands import (
    DeleteSection,
    EditRefusedError,
    MoveSection,
    RenameSection,
    ReplaceArticle,
    SetSectionMarkdown,
)
from newsdesk.model.serialize import article_to_dict


def plain_document(markdown: str) -> QTextDocument:
    """Stands in for the Markdown bridge: the tests here are about history, not formatting."""
    document = QTextDocument()
    document.setPlainText(markdown)
    return document


def make_article() -> Article:
    return Article(
        headline="Harbour reopens",
        sections=[
            Section(id="a", markdown="Alpha"),
            Section(id="b", heading="Bravo", markdown="Beta text"),
            Section(id="c", heading="Charlie", markdown="Gamma"),
        ],
    )


@pytest.fixture
def stack(state_for):
    return state_for(
        make_article(), document_factory=plain_document, to_markdown=QTextDocument.toPlainText
    )


@pytest.fixture
def editor(qtbot, stack):
    """A bare QTextEdit that shows whichever section the history activates."""
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.show()

    def show(section_id: str) -> None:
        edit.setDocument(stack.document(section_id))

    stack.section_activated.connect(show)
    stack.document_replaced.connect(show)
    edit.show_section = show
    return edit


def type_into(editor: QTextEdit, section_id: str, text: str) -> None:
    editor.show_section(section_id)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, text)


def texts(stack: ArticleState) -> dict[str, str]:
    stack.flush_text()
    return {s.id: s.markdown for s in stack.article.walk_sections()}


def test_typing_and_structure_undo_in_exact_reverse_order(stack, editor):
    states = [texts(stack)]
    type_into(editor, "a", " one")
    states.append(texts(stack))
    stack.push_command(DeleteSection("b"))
    states.append(texts(stack))
    type_into(editor, "c", " three")
    states.append(texts(stack))
    type_into(editor, "a", " more")  # same document as the first edit: must not merge with it
    states.append(texts(stack))

    kinds = [type(stack.command(i)) for i in range(stack.count())]
    assert kinds == [TextEditCommand, ModelUndoCommand, TextEditCommand, TextEditCommand]
    assert states[-1] == {"a": "Alpha one more", "c": "Gamma three"}

    for expected in reversed(states[:-1]):
        stack.undo()
        assert texts(stack) == expected
    assert not stack.canUndo()
    for expected in states[1:]:
        stack.redo()
        assert texts(stack) == expected


def test_undoing_a_delete_brings_back_the_same_document_with_its_text(stack, editor):
    type_into(editor, "b", " and more")
    document = stack.document("b")
    stack.push_command(DeleteSection("b"))
    assert stack.article.find_section("b") is None
    stack.undo()
    assert stack.document("b") is document
    assert document.toPlainText() == "Beta text and more"
    assert stack.article.find_section("b").markdown == "Beta text and more"
    stack.undo()  # and its own typing history still works
    assert texts(stack)["b"] == "Beta text"


def test_text_undo_activates_its_section_first(stack, editor, qtbot):
    type_into(editor, "a", "!")
    type_into(editor, "c", "?")
    editor.show_section("c")
    with qtbot.waitSignal(stack.section_activated) as blocker:
        stack.undo()
    assert blocker.args == ["c"]
    with qtbot.waitSignal(stack.section_activated) as blocker:
        stack.undo()
    assert blocker.args == ["a"]
    assert editor.document() is stack.document("a")


def test_model_commands_emit_what_changed(stack, qtbot):
    with qtbot.waitSignal(stack.article_changed) as blocker:
        stack.push_command(RenameSection("b", "Bravo two"), "Rename")
    assert blocker.args[0].sections == {"b"}
    assert stack.undoText() == "Rename"
    with qtbot.waitSignal(stack.article_changed) as blocker:
        stack.push_command(DeleteSection("b"))
    assert blocker.args[0].removed == {"b"}
    with qtbot.waitSignal(stack.article_changed) as blocker:
        stack.undo()
    assert blocker.args[0].added == {"b"}
    assert stack.undoText() == "Rename"


def test_a_refused_command_records_nothing(stack):
    before = article_to_dict(stack.article)
    with pytest.raises(EditRefusedError):
        stack.push_command(MoveSection("a", "missing", 0))
    assert stack.count() == 0
    assert article_to_dict(stack.article) == before


def test_replacing_a_text_swaps_documents_and_undo_restores_the_old_one(stack, editor, qtbot):
    type_into(editor, "c", " typed")
    old = stack.document("c")
    with qtbot.waitSignal(stack.document_replaced) as blocker:
        stack.push_command(SetSectionMarkdown("c", "Replaced"))
    assert blocker.args == ["c"]
    new = stack.document("c")
    assert new is not old
    assert new.toPlainText() == "Replaced"
    assert editor.document() is new  # the editor followed document_replaced
    type_into(editor, "c", " again")
    assert texts(stack)["c"] == "Replaced again"

    stack.undo()  # " again" in the new document
    stack.undo()  # the replacement: the old document comes back
    assert stack.document("c") is old
    assert texts(stack)["c"] == "Gamma typed"
    stack.undo()  # " typed" in the old document
    assert texts(stack)["c"] == "Gamma"
    stack.redo()
    stack.redo()
    assert stack.document("c") is new
    stack.redo()
    assert texts(stack)["c"] == "Replaced again"


def test_replace_article_is_one_step(stack, editor):
    type_into(editor, "a", " x")
    revision = Article(headline="Earlier", sections=[Section(id="a", markdown="Old lead")])
    stack.push_command(ReplaceArticle(revision))
    assert texts(stack) == {"a": "Old lead"}
    assert stack.document("a").toPlainText() == "Old lead"
    stack.undo()
    assert texts(stack) == {"a": "Alpha x", "b": "Beta text", "c": "Gamma"}
    assert stack.article.headline == "Harbour reopens"


def test_flush_reports_typed_sections(stack, editor, qtbot):
    type_into(editor, "b", "!")
    with qtbot.waitSignal(stack.article_changed) as blocker:
        stack.flush_text()
    assert blocker.args[0].sections == {"b"}
    assert not blocker.args[0].markdown


def test_set_article_starts_over(stack, editor, qtbot):
    type_into(editor, "a", "!")
    with qtbot.waitSignal(stack.article_changed) as blocker:
        stack.set_article(Article(sections=[Section(id="z", markdown="Zulu")]))
    assert blocker.args[0].everything
    assert stack.count() == 0
    assert stack.document("z").toPlainText() == "Zulu"
    with pytest.raises(KeyError):
        stack.document("a")


def test_a_document_belongs_to_one_section(stack):
    document = stack.document("a")
    stack.track_document("a", document)  # again: harmless
    with pytest.raises(ValueError):
        stack.track_document("b", document)


class _MarkEveryWord(QSyntaxHighlighter):
    """Underlines every word, as spelling marks do: the look changes, the text does not."""

    def highlightBlock(self, text: str) -> None:
        marked = QTextCharFormat()
        marked.setFontUnderline(True)
        self.setFormat(0, len(text), marked)


def test_marks_on_a_section_are_no_edit_and_every_kind_of_edit_is(stack, editor):
    """A highlighter's marks fire the document's contentsChanged: taken for typing, they made
    the window call the article modified (and autosave it) once spelling marks appeared."""
    changed: list[str] = []
    stack.text_changed.connect(changed.append)
    document = stack.document("b")
    marks = _MarkEveryWord(document)
    marks.rehighlight()
    assert changed == [] and texts(stack)["b"] == "Beta text"

    type_into(editor, "b", "!")  # typing
    assert changed == ["b"]
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.WordUnderCursor)
    bold = QTextCharFormat()
    bold.setFontWeight(700)
    cursor.mergeCharFormat(bold)  # formatting
    document.undo()  # and undoing
    assert changed == ["b", "b", "b"]
    # A document that no editor ever showed is followed as well.
    fresh = stack.document("c")
    QTextCursor(fresh).insertText("New ")
    assert changed[-1] == "c" and texts(stack)["c"] == "New Gamma"
