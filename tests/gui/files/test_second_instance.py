"""Never overwrite silently: a second Newsdesk, another program changing the file, failed writes.

The "other Newsdesk" is a real second process holding the project's lock, so the lock is tested as
it is used; the questions are answered through `answers` (QMessageBox.exec patched).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from newsdesk.errors import SaveError
from newsdesk.store import ProjectLock, open_project
from newsdesk.store.lock import lock_path_for
from tests.gui import window_helpers
from tests.gui.window_helpers import (
    FakeClock,
    close_window,
    make_project,
    new_window,
    read_article,
)

answers = window_helpers.answers
save_dialog = window_helpers.save_dialog

HOLDER = textwrap.dedent(
    """
    import sys
    from newsdesk.store import ProjectLock
    lock = ProjectLock(sys.argv[1])
    lock.acquire()
    print("locked", flush=True)
    sys.stdin.readline()
    lock.release()
    """
)


@pytest.fixture
def other_newsdesk(tmp_path):
    """A second process that holds the lock of story.newsdesk until the test ends."""
    story = make_project(tmp_path / "story.newsdesk")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(story)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    yield story
    holder.stdin.close()
    holder.wait(timeout=10)


def test_a_file_open_elsewhere_can_be_read_only_and_is_never_written(
    qtbot, tmp_path, other_newsdesk, answers
):
    story = other_newsdesk
    before = story.read_bytes()
    window = new_window(qtbot, tmp_path, FakeClock())
    answers.answer("read_only")
    assert window.open_path(story)
    assert "open in another Newsdesk window" in answers.asked[0][1]
    assert window.session.read_only
    assert "(read-only)" in window.windowTitle()
    assert window.editor.isReadOnly()
    assert window.headline_bar.headline.isReadOnly()
    assert not window.tree_view.add_after_action.isEnabled()
    assert not window.tree_view.delete_action.isEnabled()
    QTest.keyClicks(window.editor, "sneaky")
    assert "sneaky" not in window.editor.document().toPlainText()
    assert not window.autosave.pending
    close_window(window)
    assert story.read_bytes() == before


def test_a_read_only_view_follows_what_the_other_window_saves(
    qtbot, tmp_path, other_newsdesk, answers
):
    story = other_newsdesk
    window = new_window(qtbot, tmp_path, FakeClock())
    answers.answer("read_only")
    window.open_path(story)
    second = window.article.sections[1].id
    window.tree_view.select_section(second)
    assert not window.files.follow_disk(), "nothing changed yet"
    with open_project(story) as project:  # the other window saves
        article = project.load()
        article.headline = "Ferries: the council decides tonight"
        article.sections[1].markdown = "The vote is at seven."
        project.save(article)
    assert window.files.follow_disk()
    assert window.headline_bar.headline.text() == "Ferries: the council decides tonight"
    assert window.current_section_id == second
    assert window.editor.document().toPlainText() == "The vote is at seven."
    close_window(window)


def test_a_file_open_elsewhere_can_be_edited_as_a_copy(
    qtbot, tmp_path, other_newsdesk, answers, save_dialog
):
    story = other_newsdesk
    before = story.read_bytes()
    window = new_window(qtbot, tmp_path, FakeClock())
    answers.answer("copy")
    save_dialog.path = tmp_path / "my copy.newsdesk"
    assert window.open_path(story)
    assert window.session.path == save_dialog.path.absolute()
    assert not window.session.read_only
    QTest.keyClicks(window.editor, "Mine: ")
    close_window(window)
    assert read_article(save_dialog.path).sections[0].markdown.startswith("Mine: ")
    assert story.read_bytes() == before


def test_cancelling_leaves_the_current_article_open(qtbot, tmp_path, other_newsdesk, answers):
    mine = make_project(tmp_path / "mine.newsdesk")
    window = new_window(qtbot, tmp_path, FakeClock())
    window.open_path(mine)
    answers.answer("cancel")
    assert not window.open_path(other_newsdesk)
    assert window.session.path == mine.absolute()
    assert not window.session.read_only
    close_window(window)


def test_a_stale_lock_of_a_dead_newsdesk_is_taken_over_without_asking(qtbot, tmp_path):
    story = make_project(tmp_path / "story.newsdesk")
    # A lock file whose owner died: nobody holds its flock any more.
    lock_path_for(story).write_text(
        json.dumps({"pid": 999999, "hostname": socket.gethostname(), "user": "x", "started": ""}),
        "utf-8",
    )
    window = new_window(qtbot, tmp_path, FakeClock())
    assert window.open_path(story)
    assert not window.session.read_only
    close_window(window)


def test_a_lock_from_another_computer_can_be_taken_over_after_asking(qtbot, tmp_path, answers):
    story = make_project(tmp_path / "story.newsdesk")
    holder = {"pid": 4242, "hostname": "desk-3", "user": "anna", "started": "2026-01-01T09:30"}
    lock_path_for(story).write_text(json.dumps(holder), "utf-8")
    window = new_window(qtbot, tmp_path, FakeClock())
    answers.answer("take_over")
    assert window.open_path(story)
    assert not window.session.read_only
    close_window(window)
    assert not lock_path_for(story).exists()


def test_a_second_window_in_the_same_process_is_also_refused(qtbot, tmp_path, answers):
    story = make_project(tmp_path / "story.newsdesk")
    first = new_window(qtbot, tmp_path, FakeClock())
    first.open_path(story)
    second = new_window(qtbot, tmp_path, FakeClock(), show=False)
    answers.answer("read_only")
    assert second.open_path(story)
    assert second.session.read_only
    close_window(second)
    close_window(first)


# --- another program changed the file ----------------------------------------------------------


def _change_behind_the_windows_back(story, headline: str) -> None:
    with open_project(story) as project:
        article = project.load()
        article.headline = headline
        project.save(article)


@pytest.mark.parametrize("choice", ["reload", "overwrite", "copy"])
def test_a_file_changed_by_another_program_is_not_overwritten_silently(
    qtbot, tmp_path, answers, save_dialog, choice
):
    clock = FakeClock()
    story = make_project(tmp_path / "story.newsdesk")
    window = new_window(qtbot, tmp_path, clock)
    window.open_path(story)
    _change_behind_the_windows_back(story, "Changed by a script")
    QTest.keyClicks(window.editor, "Mine: ")
    answers.answer(choice)
    save_dialog.path = tmp_path / "mine.newsdesk"
    clock.advance(2)
    window.autosave.poll()
    assert "Another program changed" in answers.asked[0][1]
    on_disk = read_article(story)
    if choice == "reload":
        assert window.article.headline == "Changed by a script"
        assert on_disk.headline == "Changed by a script"
        assert (
            not window.article_state.document(window.article.sections[0].id)
            .toPlainText()
            .startswith("Mine: ")
        )
        window.window_actions.undo.trigger()  # the reload is one undoable step
        assert window.article.headline == "Ferry timetable grows by two evening crossings"
    elif choice == "overwrite":
        assert on_disk.headline == "Ferry timetable grows by two evening crossings"
        assert on_disk.sections[0].markdown.startswith("Mine: ")
    else:
        assert on_disk.headline == "Changed by a script"
        assert not on_disk.sections[0].markdown.startswith("Mine: ")
        copy = read_article(save_dialog.path)
        assert copy.sections[0].markdown.startswith("Mine: ")
        assert window.session.path == save_dialog.path.absolute()
    close_window(window)


def test_an_unsettled_change_on_disk_is_asked_again_on_ctrl_s_not_at_every_pause(
    qtbot, tmp_path, answers, save_dialog
):
    clock = FakeClock()
    story = make_project(tmp_path / "story.newsdesk")
    window = new_window(qtbot, tmp_path, clock)
    window.open_path(story)
    _change_behind_the_windows_back(story, "Changed by a script")
    QTest.keyClicks(window.editor, "Mine: ")
    answers.answer("copy")
    save_dialog.path = None  # the journalist closes the file dialog
    clock.advance(2)
    assert not window.autosave.poll()
    QTest.keyClicks(window.editor, "more ")
    clock.advance(2)
    assert not window.autosave.poll()
    assert len(answers.asked) == 1, "no question at every pause"
    assert "not saved yet" in window.statusBar().currentMessage()
    assert read_article(story).headline == "Changed by a script"
    answers.answer("overwrite")
    QTest.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(answers.asked) == 2
    assert read_article(story).sections[0].markdown.startswith("Mine: more ")
    close_window(window)


# --- writing fails --------------------------------------------------------------------------------


def test_a_failed_save_keeps_the_text_says_so_once_and_offers_save_as(
    qtbot, tmp_path, answers, save_dialog, monkeypatch
):
    clock = FakeClock()
    story = make_project(tmp_path / "story.newsdesk")
    window = new_window(qtbot, tmp_path, clock)
    window.open_path(story)
    project = window.session.project

    def full_disk(*args, **kwargs):
        raise SaveError("could not save story.newsdesk: the disk is full; the file is unchanged")

    monkeypatch.setattr(project, "save", full_disk)
    QTest.keyClicks(window.editor, "Precious ")
    answers.answer("later")
    clock.advance(2)
    assert not window.autosave.poll()
    assert "the disk is full" in answers.asked[0][1]
    assert window.autosave.pending
    assert window.editor.document().toPlainText().startswith("Precious ")
    # Autosave keeps trying quietly: no second dialog every ten seconds.
    QTest.keyClicks(window.editor, "words ")
    clock.advance(12)
    assert not window.autosave.poll()
    assert len(answers.asked) == 1
    # Ctrl+S reports again, and Save As elsewhere rescues the text.
    answers.answer("save_as")
    save_dialog.path = tmp_path / "rescued.newsdesk"
    QTest.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(answers.asked) == 2
    assert window.session.path == save_dialog.path.absolute()
    assert read_article(save_dialog.path).sections[0].markdown.startswith("Precious words ")
    close_window(window)
    lock = ProjectLock(story)
    lock.acquire()
    lock.release()
