"""File > Revisions: list (time, words, label), preview, restore (undoable, and recorded itself)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from newsdesk.gui.files.revisions_dialog import RevisionsDialog, format_revision_time
from newsdesk.store import open_project
from tests.gui import window_helpers
from tests.gui.window_helpers import (
    FakeClock,
    close_window,
    make_project,
    new_window,
    read_article,
    revisions_of,
)

answers = window_helpers.answers


def _ctrl_s(window) -> None:
    QTest.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def _window_with_two_revisions(qtbot, tmp_path):
    story = make_project(tmp_path / "story.newsdesk")
    window = new_window(qtbot, tmp_path, FakeClock())
    window.open_path(story)
    QTest.keyClicks(window.editor, "First draft. ")
    _ctrl_s(window)
    QTest.keyClicks(window.editor, "Second thoughts. ")
    _ctrl_s(window)
    return window, story


def test_the_dialog_lists_revisions_newest_first_with_time_words_and_label(qtbot, tmp_path):
    window, story = _window_with_two_revisions(qtbot, tmp_path)
    dialog = RevisionsDialog(window.session.project, window)
    qtbot.addWidget(dialog)
    assert dialog.revision_count() == 2
    newest = dialog.list.topLevelItem(0)
    stored = revisions_of(story)
    assert newest.text(0) == format_revision_time(stored[0].created)
    assert newest.text(1) == str(stored[0].words)
    assert newest.text(2) == "Saved"
    assert stored[0].words > stored[1].words
    # The newest is previewed at once: read-only text of its sections.
    assert dialog.preview.isReadOnly()
    assert "Second thoughts." in dialog.preview.toPlainText()
    assert "Ferry timetable grows" in dialog.preview.toPlainText()
    dialog.select_row(1)
    assert "First draft." in dialog.preview.toPlainText()
    assert "Second thoughts." not in dialog.preview.toPlainText()
    close_window(window)


def test_restoring_a_revision_is_undoable_and_itself_recorded(
    qtbot, tmp_path, monkeypatch, answers
):
    window, story = _window_with_two_revisions(qtbot, tmp_path)
    QTest.keyClicks(window.editor, "Unsaved tail. ")
    answers.answer("restore")

    def choose_oldest(dialog):
        dialog.select_row(1)
        dialog.restore_button.click()
        return dialog.result()

    monkeypatch.setattr(RevisionsDialog, "exec", choose_oldest)
    window.window_actions.revisions.trigger()

    text = window.editor.document().toPlainText()
    assert text.startswith("First draft. The island ferry")
    assert read_article(story).sections[0].markdown.startswith("First draft. The island")
    assert "Replace the article with the revision of" in answers.asked[0][1]
    labels = [r.label for r in revisions_of(story)]
    assert labels[0].startswith("Restored the revision of")
    assert labels[1].startswith("Before restoring the revision of")
    assert revisions_of(story)[1].automatic
    # What was typed after the last Ctrl+S is in the "before" revision, so nothing is lost.
    with open_project(story, read_only=True) as project:
        before = project.load_revision(project.revisions()[1].id)
    assert before.sections[0].markdown.startswith("First draft. Second thoughts. Unsaved tail.")

    window.window_actions.undo.trigger()
    assert (
        window.editor.document()
        .toPlainText()
        .startswith("First draft. Second thoughts. Unsaved tail.")
    )
    window.window_actions.redo.trigger()
    assert window.editor.document().toPlainText().startswith("First draft. The island")
    close_window(window)


def test_a_read_only_view_lists_revisions_but_cannot_restore(qtbot, tmp_path, monkeypatch):
    window, story = _window_with_two_revisions(qtbot, tmp_path)
    close_window(window)
    with open_project(story, read_only=True) as project:
        dialog = RevisionsDialog(project)
        qtbot.addWidget(dialog)
        assert dialog.revision_count() == 2
        assert not dialog.restore_button.isEnabled()
        dialog.restore_button.click()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.chosen is None


def test_an_article_without_revisions_says_so(qtbot, tmp_path):
    story = make_project(tmp_path / "story.newsdesk")
    with open_project(story, read_only=True) as project:
        dialog = RevisionsDialog(project)
        qtbot.addWidget(dialog)
        assert dialog.revision_count() == 0
        assert "no saved revisions" in dialog.preview.toPlainText()


def test_the_dialog_shows_photos_details_and_the_changes_since(qtbot, tmp_path):
    from newsdesk.model.article import Image
    from tests.store.conftest import make_photo

    article = window_helpers.english_article()
    article.byline = "Mara Lindqvist"
    article.images.append(
        Image(data=make_photo(), width=64, height=48, caption="The ferry at dawn", credit="J. Ray")
    )
    story = make_project(tmp_path / "story.newsdesk", article)
    window = new_window(qtbot, tmp_path, FakeClock())
    window.open_path(story)
    _ctrl_s(window)
    QTest.keyClick(window.editor, Qt.Key.Key_End)
    QTest.keyClicks(window.editor, " Tickets cost more.")
    window.files.bring_up_to_date()
    dialog = RevisionsDialog(window.session.project, window, current=window.article)
    qtbot.addWidget(dialog)
    shown = dialog.preview.toHtml()
    assert "Mara Lindqvist" in shown and "The ferry at dawn" in shown and "© J. Ray" in shown
    assert 'src="revision-photo:0"' in shown
    assert not dialog.preview.document().resource(1, "revision-photo:0").isNull()
    assert dialog.tabs.isTabEnabled(1)
    compared = dialog.comparison.toPlainText()
    assert "3 words added" in compared and "0 words removed" in compared
    assert "Tickets cost more." in compared
    close_window(window)


def test_automatic_revisions_are_marked_in_the_list(qtbot, tmp_path):
    story = make_project(tmp_path / "story.newsdesk")
    window = new_window(qtbot, tmp_path, FakeClock())
    window.open_path(story)
    last = window.article.sections[-1].id
    window.tree_view.select_section(last)
    window.tree_view.delete_current()
    dialog = RevisionsDialog(window.session.project, window)
    qtbot.addWidget(dialog)
    item = dialog.list.topLevelItem(0)
    assert item.text(2) == "Automatic: Before deleting a section"
    assert item.font(2).italic()
    close_window(window)
