"""Autosave timing: within 2 s after typing pauses, at least every 10 s while typing goes on.

The controller is driven by a fake clock and `poll()`, so the timing is exact and the tests do not
wait in real time. The window tests type real keystrokes and read the file back from disk.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from newsdesk.gui.files.autosave import DEBOUNCE, MAX_LATENCY, RETRY_INTERVAL, AutosaveController
from newsdesk.gui.files.user_data import list_drafts, unsaved_dir
from tests.gui import window_helpers
from tests.gui.files.drafts_answers import answer_drafts_dialog
from tests.gui.window_helpers import (
    close_window,
    make_project,
    new_window,
    read_article,
    revisions_of,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Recorder:
    """Stands in for the window's save; can be told to fail."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.saves: list[tuple[float, str | None]] = []
        self.fail = False

    def __call__(self, label: str | None) -> bool:
        if self.fail:
            return False
        self.saves.append((self.clock.now, label))
        return True


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def recorder(clock: FakeClock) -> Recorder:
    return Recorder(clock)


@pytest.fixture
def autosave(qtbot, clock, recorder) -> AutosaveController:
    return AutosaveController(recorder, clock=clock)


def test_the_promised_timings_are_the_configured_ones():
    assert DEBOUNCE <= 1.5
    assert MAX_LATENCY <= 10.0


def test_no_save_before_typing_has_paused_long_enough(autosave, clock, recorder):
    autosave.note_change()
    clock.advance(DEBOUNCE - 0.1)
    assert autosave.poll() is False
    assert recorder.saves == []
    assert autosave.pending


def test_save_within_two_seconds_after_typing_pauses(autosave, clock, recorder):
    start = clock.now
    for _ in range(5):
        autosave.note_change()
        clock.advance(0.3)
        autosave.poll()
    last_keystroke = clock.now - 0.3
    assert recorder.saves == []
    # Poll every 0.1 s, as the timer would, until the save happens.
    while not recorder.saves and clock.now < start + 5:
        clock.advance(0.1)
        autosave.poll()
    assert len(recorder.saves) == 1
    saved_at, label = recorder.saves[0]
    assert saved_at - last_keystroke <= 2.0
    assert label is None
    assert not autosave.pending


def test_continuous_typing_is_saved_at_least_every_ten_seconds(autosave, clock, recorder):
    first_change = clock.now
    # A keystroke every 0.2 s for 35 s never pauses long enough for the debounce.
    for _ in range(175):
        autosave.note_change()
        clock.advance(0.2)
        autosave.poll()
    times = [first_change] + [t for t, _ in recorder.saves]
    assert len(recorder.saves) >= 3
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert max(gaps) <= MAX_LATENCY + 0.2 + 1e-9
    # ... and what is still unsaved at the end is younger than the limit.
    assert clock.now - times[-1] <= MAX_LATENCY + 0.2


def test_nothing_pending_means_no_save(autosave, clock, recorder):
    clock.advance(60)
    assert autosave.poll() is False
    assert autosave.flush() is True
    assert recorder.saves == []


def test_save_now_saves_at_once_with_a_revision_label(autosave, clock, recorder):
    autosave.note_change()
    assert autosave.save_now("Saved by hand") is True
    assert recorder.saves == [(clock.now, "Saved by hand")]
    assert not autosave.pending
    clock.advance(30)
    assert autosave.poll() is False


def test_a_failed_save_stays_pending_and_is_retried_later(autosave, clock, recorder):
    recorder.fail = True
    autosave.note_change()
    clock.advance(DEBOUNCE)
    assert autosave.poll() is False
    assert autosave.pending
    recorder.fail = False
    clock.advance(1)
    assert autosave.poll() is False, "no hammering the disk right after a failure"
    clock.advance(RETRY_INTERVAL)
    assert autosave.poll() is True
    assert not autosave.pending


def test_a_new_change_after_a_failure_is_saved_on_the_normal_schedule(autosave, clock, recorder):
    recorder.fail = True
    autosave.note_change()
    clock.advance(DEBOUNCE)
    autosave.poll()
    recorder.fail = False
    autosave.note_change()
    clock.advance(DEBOUNCE)
    assert autosave.poll() is True


def test_changes_made_while_a_save_runs_stay_pending(clock):
    controller: AutosaveController

    def save(label):
        controller.note_change()  # e.g. typed while a question about the file was open
        return True

    controller = AutosaveController(save, clock=clock)
    controller.note_change()
    assert controller.save_now() is True
    assert controller.pending


def test_disabled_autosave_does_not_save(autosave, clock, recorder):
    autosave.set_enabled(False)
    autosave.note_change()
    clock.advance(MAX_LATENCY + 1)
    assert autosave.poll() is False
    autosave.set_enabled(True)
    assert autosave.poll() is True


def test_the_timer_fires_in_real_time(qtbot):
    saves = []
    controller = AutosaveController(lambda label: saves.append(label) or True, debounce=0.05)
    controller.note_change()
    qtbot.waitUntil(lambda: saves == [None], timeout=2000)
    assert not controller.pending


# --- the window: typing reaches the file ----------------------------------------------------------

answers = window_helpers.answers
save_dialog = window_helpers.save_dialog


def _window_on_story(qtbot, tmp_path, clock):
    story = make_project(tmp_path / "story.newsdesk")
    window = new_window(qtbot, tmp_path, clock)
    assert window.open_path(story)
    return window, story


def _on_disk(story) -> str:
    return read_article(story).sections[0].markdown


def test_window_typing_is_not_saved_before_a_pause(qtbot, tmp_path):
    clock = FakeClock()
    window, story = _window_on_story(qtbot, tmp_path, clock)
    QTest.keyClicks(window.editor, "Late news ")
    clock.advance(DEBOUNCE - 0.2)
    window.autosave.poll()
    assert not _on_disk(story).startswith("Late news")
    close_window(window)


def test_window_typing_reaches_the_file_within_two_seconds_of_a_pause(qtbot, tmp_path):
    clock = FakeClock()
    window, story = _window_on_story(qtbot, tmp_path, clock)
    QTest.keyClicks(window.editor, "Late news ")
    clock.advance(2.0)
    window.autosave.poll()
    assert _on_disk(story).startswith("Late news The island ferry")
    assert not window.autosave.pending
    assert revisions_of(story) == [], "autosave writes the file, not a revision"
    close_window(window)


def test_window_continuous_typing_reaches_the_file_every_ten_seconds(qtbot, tmp_path):
    clock = FakeClock()
    window, story = _window_on_story(qtbot, tmp_path, clock)
    typed = ""
    saved_texts = []
    for second in range(24):
        for _ in range(5):  # a keystroke every 0.2 s: never a pause
            QTest.keyClicks(window.editor, "a")
            typed += "a"
            clock.advance(0.2)
            window.autosave.poll()
        on_disk = _on_disk(story)
        saved_texts.append(len(on_disk) - len(on_disk.lstrip("a")))
        # Everything typed more than ten seconds ago is in the file.
        assert saved_texts[-1] >= max(0, (second + 1 - 10) * 5), (second, saved_texts[-1])
    assert saved_texts[-1] > 0
    close_window(window)


def test_ctrl_s_saves_at_once_and_records_a_revision(qtbot, tmp_path):
    clock = FakeClock()
    window, story = _window_on_story(qtbot, tmp_path, clock)
    QTest.keyClicks(window.editor, "Kept ")
    QTest.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert _on_disk(story).startswith("Kept ")
    revisions = revisions_of(story)
    assert len(revisions) == 1
    assert revisions[0].label == "Saved"
    close_window(window)


def test_a_new_article_is_kept_and_offered_again_at_the_next_start(qtbot, tmp_path, answers):
    clock = FakeClock()
    window = new_window(qtbot, tmp_path, clock)
    window.open_path(make_project(tmp_path / "story.newsdesk"))
    window.window_actions.new.trigger()
    assert window.session.is_draft
    QTest.keyClicks(window.editor, "Never saved but not lost")
    clock.advance(2)
    window.autosave.poll()
    draft = window.session.path
    assert draft.parent == unsaved_dir(tmp_path / "data")
    window.files.autosave.set_enabled(False)
    window.files.session.close()  # as if the app died: no clean shutdown
    window.files.session = None

    again = new_window(qtbot, tmp_path, FakeClock())
    assert again.open_start_file()
    seen = []
    answer_drafts_dialog("open", seen=seen)
    assert again.offer_unsaved_articles()
    assert again.session.path == draft
    assert again.session.is_draft
    assert again.article.sections[0].markdown.strip() == "Never saved but not lost"
    assert seen and "Never saved but not lost" in seen[0][0][2]
    close_window(again)


def test_saving_a_new_article_somewhere_deletes_the_kept_copy(qtbot, tmp_path, save_dialog):
    window = new_window(qtbot, tmp_path, FakeClock())
    window.files.new_article()
    QTest.keyClicks(window.editor, "My piece")
    draft = window.session.path
    save_dialog.path = tmp_path / "piece.newsdesk"
    QTest.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert save_dialog.calls == 1, "Ctrl+S on a new article asks for a name"
    assert window.session.path == (tmp_path / "piece.newsdesk").absolute()
    assert not window.session.is_draft
    assert not draft.exists()
    assert list_drafts(tmp_path / "data") == []
    close_window(window)
    assert read_article(tmp_path / "piece.newsdesk").sections[0].markdown.strip() == "My piece"


def test_an_empty_new_article_is_not_kept(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path, FakeClock())
    window.files.new_article()
    draft = window.session.path
    close_window(window)
    assert not draft.exists()
    assert list_drafts(tmp_path / "data") == []


def test_a_later_declined_offer_keeps_the_draft_and_delete_removes_it(qtbot, tmp_path, answers):
    first = new_window(qtbot, tmp_path, FakeClock())
    first.files.new_article()
    QTest.keyClicks(first.editor, "Half an idea")
    close_window(first)
    (draft,) = list_drafts(tmp_path / "data")
    second = new_window(qtbot, tmp_path, FakeClock())
    second.open_path(make_project(tmp_path / "other.newsdesk"))
    answer_drafts_dialog("later")
    assert not second.offer_unsaved_articles()
    assert draft.exists()
    answer_drafts_dialog("delete")
    assert not second.offer_unsaved_articles()
    assert not draft.exists()
    close_window(second)
