"""Automatic revisions: before deleting a section or a photo, before Replace All, and at least
every 10 minutes of editing, so that no deletion is final once another article is opened."""

from __future__ import annotations

from PySide6.QtTest import QTest

from newsdesk.model.find_replace import replace_all
from tests.gui.window_helpers import (
    FakeClock,
    close_window,
    german_article,
    make_project,
    new_window,
    revisions_of,
)
from tests.store.conftest import make_photo


def _open(qtbot, tmp_path, article=None, clock=None):
    story = make_project(tmp_path / "story.newsdesk", article)
    window = new_window(qtbot, tmp_path, clock or FakeClock())
    window.open_path(story)
    return window, story


def test_a_deleted_section_is_in_the_automatic_revision_before_it(qtbot, tmp_path):
    window, story = _open(qtbot, tmp_path, german_article())
    section = window.article.sections[1]
    window.tree_view.select_section(section.id)
    window.tree_view.delete_current()
    close_window(window)  # the undo history ends here
    revisions = revisions_of(story)
    assert [(r.label, r.automatic) for r in revisions] == [("Before deleting a section", True)]
    from newsdesk.store import open_project

    with open_project(story, read_only=True) as project:
        before = project.load_revision(revisions[0].id)
        assert [s.heading for s in project.load().sections] == [""]
    assert before.sections[1].heading == "Mehr Personal"
    assert before.sections[1].markdown == "Zwei neue Stellen sind *ausgeschrieben*."


def test_typing_just_before_a_delete_is_in_the_revision(qtbot, tmp_path):
    window, story = _open(qtbot, tmp_path)
    QTest.keyClicks(window.editor, "Breaking: ")
    window.tree_view.select_section(window.article.sections[2].id)
    window.tree_view.delete_current()
    from newsdesk.store import open_project

    with open_project(story, read_only=True) as project:
        before = project.load_revision(project.revisions()[0].id)
    assert before.sections[0].markdown.startswith("Breaking: The island ferry")
    assert len(before.sections) == 3
    close_window(window)


def test_replace_all_and_removing_a_photo_record_a_revision_first(qtbot, tmp_path):
    from newsdesk.model.article import Image
    from newsdesk.model.image_commands import remove_photo_command

    article = german_article()
    article.images.append(Image(data=make_photo(), width=64, height=48, caption="Lesesaal"))
    window, story = _open(qtbot, tmp_path, article)
    window.article_state.push_command(replace_all(window.article, "Bibliothek", "Bücherei"))
    image_id = window.article.images[0].id
    window.article_state.push_command(remove_photo_command(window.article, image_id))
    labels = [(r.label, r.automatic) for r in revisions_of(story)]
    assert labels == [("Before removing a photo", True), ("Before Replace All", True)]
    close_window(window)


def test_an_automatic_revision_at_least_every_ten_minutes_of_editing(qtbot, tmp_path):
    clock = FakeClock()
    window, story = _open(qtbot, tmp_path, clock=clock)
    for _minute in range(9):
        QTest.keyClicks(window.editor, "Mehr. ")
        clock.advance(60)
        window.autosave.poll()
    assert revisions_of(story) == []  # nine minutes: autosaves only
    QTest.keyClicks(window.editor, "Noch mehr. ")
    clock.advance(61)
    window.autosave.poll()
    assert [(r.label, r.automatic) for r in revisions_of(story)] == [("While editing", True)]
    QTest.keyClicks(window.editor, "Und weiter. ")
    clock.advance(60)
    window.autosave.poll()
    assert len(revisions_of(story)) == 1  # the next one after another ten minutes
    close_window(window)


def test_a_saved_revision_restarts_the_ten_minutes(qtbot, tmp_path):
    clock = FakeClock()
    window, story = _open(qtbot, tmp_path, clock=clock)
    QTest.keyClicks(window.editor, "Erst. ")
    clock.advance(540)
    window.files.save()  # Ctrl+S at minute 9: the user's own revision
    QTest.keyClicks(window.editor, "Dann. ")
    clock.advance(120)  # minute 11: ten minutes since the start, two since the last revision
    window.autosave.poll()
    assert [(r.label, r.automatic) for r in revisions_of(story)] == [("Saved", False)]
    close_window(window)
