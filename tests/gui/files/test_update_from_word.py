"""File > Update from Word… in the window: the desk's file picked, its tracked changes decided in
the dialog, the result one undo step with an automatic revision before it; refusals in one line
and nothing changed; the entry disabled while the article is read-only."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from newsdesk.gui.files.tracked_changes_dialog import TrackedChangesDialog
from newsdesk.model.serialize import article_to_dict
from tests.formats.desk_documents import (
    comment_on,
    desk_edit,
    paragraph_with,
    retype,
    track_in,
    tracked,
)
from tests.formats.update_articles import english_story, german_story
from tests.gui import window_helpers
from tests.gui.files.test_second_instance import other_newsdesk
from tests.gui.window_helpers import (
    FakeClock,
    close_window,
    make_project,
    new_window,
    read_article,
    revisions_of,
)

answers = window_helpers.answers
__all__ = ["other_newsdesk"]  # the fixture: a second process holding the file's lock


@pytest.fixture
def chosen_file(monkeypatch):
    """What QFileDialog.getOpenFileName "chooses"."""

    class Chooser:
        path = None

        def __call__(self, *args, **kwargs):
            return (str(self.path) if self.path else "", "")

    chooser = Chooser()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(chooser))
    return chooser


@pytest.fixture
def decide(monkeypatch):
    """TrackedChangesDialog.exec replaced by `steps(dialog)`, which clicks as the user would."""

    class Driver:
        def __init__(self) -> None:
            self.steps = None
            self.shown: list[TrackedChangesDialog] = []

    driver = Driver()

    def fake_exec(dialog: TrackedChangesDialog) -> int:
        driver.shown.append(dialog)
        assert driver.steps is not None, "a tracked-changes dialog nobody expected"
        driver.steps(dialog)
        return dialog.result()

    monkeypatch.setattr(TrackedChangesDialog, "exec", fake_exec)
    return driver


def _button(dialog, name: str) -> QPushButton:
    button = dialog.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _open(qtbot, tmp_path, article):
    story = make_project(tmp_path / "story.newsdesk", article)
    window = new_window(qtbot, tmp_path, FakeClock())
    assert window.open_path(story)
    return window, story


def _update_action(window) -> QAction:
    return window.findChild(QAction, "action_update_from_word")


def _edited_german(document):
    retype(paragraph_with(document, "Stadtwerke senken den"), "Stadtwerke senken Gaspreis deutlich")
    comment_on(document, paragraph_with(document, "Netzentgelte"), "Quelle nachreichen")
    track_in(
        paragraph_with(document, "Der Einkauf"),
        "Der Einkauf ist ",
        tracked("del", "günstiger"),
        tracked("ins", "billiger"),
        " geworden.",
        tracked("ins", " Sagt der Vorstand."),
    )


def test_the_update_is_one_undo_step_after_an_automatic_revision(
    qtbot, tmp_path, chosen_file, decide
):
    article = german_story()
    window, story = _open(qtbot, tmp_path, article)
    before = article_to_dict(window.article)
    chosen_file.path = tmp_path / "desk.docx"
    chosen_file.path.write_bytes(desk_edit(article, _edited_german))

    def steps(dialog):
        assert not dialog.update_button.isEnabled()  # every change needs a decision first
        _button(dialog, "accept_change_1").click()
        assert not dialog.update_button.isEnabled()
        _button(dialog, "reject_change_2").click()
        assert dialog.decisions() == {1: True, 2: False}
        dialog.update_button.click()

    decide.steps = steps
    _update_action(window).trigger()
    assert len(decide.shown) == 1
    assert window.article.headline == "Stadtwerke senken Gaspreis deutlich"
    reasons = window.article.find_section("gruende").markdown
    assert reasons == (
        "Der Einkauf ist billiger geworden.\n\n"
        "Auch die Netzentgelte sinken leicht.<!-- Quelle nachreichen -->"
    )
    assert window.article_state.undoText().endswith("Update from Word")
    assert "Updated from Word" in window.statusBar().currentMessage()
    window.article_state.undo()
    assert article_to_dict(window.article) == before
    window.article_state.redo()
    assert window.article.headline == "Stadtwerke senken Gaspreis deutlich"
    close_window(window)
    automatic = [(r.label, r.automatic) for r in revisions_of(story)]
    assert ("Before updating from Word", True) in automatic
    saved = read_article(story)
    assert saved.headline == "Stadtwerke senken Gaspreis deutlich"
    assert [s.id for s in saved.walk_sections()] == ["vorspann", "gruende", "ausblick"]


def test_accept_all_and_reject_all_decide_every_change(qtbot, tmp_path, chosen_file, decide):
    article = german_story()
    window, _story = _open(qtbot, tmp_path, article)
    chosen_file.path = tmp_path / "desk.docx"
    chosen_file.path.write_bytes(desk_edit(article, _edited_german))

    def steps(dialog):
        _button(dialog, "accept_all_changes").click()
        assert dialog.decisions() == {1: True, 2: True}
        _button(dialog, "reject_all_changes").click()
        assert dialog.decisions() == {1: False, 2: False}
        dialog.update_button.click()

    decide.steps = steps
    _update_action(window).trigger()
    first = window.article.find_section("gruende").markdown.split("\n\n")[0]
    assert first == "Der Einkauf ist günstiger geworden."
    close_window(window)


def test_cancelling_the_tracked_changes_changes_nothing(qtbot, tmp_path, chosen_file, decide):
    article = german_story()
    window, _story = _open(qtbot, tmp_path, article)
    before = article_to_dict(window.article)
    chosen_file.path = tmp_path / "desk.docx"
    chosen_file.path.write_bytes(desk_edit(article, _edited_german))
    decide.steps = lambda dialog: dialog.reject()
    _update_action(window).trigger()
    assert article_to_dict(window.article) == before
    assert window.article_state.count() == 0
    close_window(window)


def test_the_dialog_names_place_texts_author_and_date(qtbot):
    from newsdesk.formats.docx_update.tracked_changes import TrackedChange

    dialog = TrackedChangesDialog(
        [
            TrackedChange(1, "replacement", "Friday", "Saturday", "Ola", "2026-12-05T09:30:00Z",
                          "section", "What changes"),
            TrackedChange(2, "insertion", "", "<b>bold?</b>", "", "", "headline", ""),
        ],
        None,
    )  # fmt: skip
    qtbot.addWidget(dialog)
    texts = [button.text() for button in dialog.findChildren(QPushButton)]
    assert texts.count("Accept") == 2 and texts.count("Reject") == 2
    shown = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Section “What changes”" in shown
    assert "Deleted: Friday" in shown and "Inserted: Saturday" in shown
    assert "Ola · " in shown
    assert "Headline" in shown and "Inserted: <b>bold?</b>" in shown and "unknown author" in shown


def test_a_damaged_file_is_refused_in_one_line_and_nothing_changes(
    qtbot, tmp_path, chosen_file, answers
):
    window, _story = _open(qtbot, tmp_path, english_story())
    before = article_to_dict(window.article)
    chosen_file.path = tmp_path / "broken.docx"
    chosen_file.path.write_bytes(b"PK\x03\x04 this is not a Word file")
    _update_action(window).trigger()
    assert answers.errors == ["“broken.docx” is damaged or not a Word document."]
    assert article_to_dict(window.article) == before
    close_window(window)


def test_another_articles_file_is_refused(qtbot, tmp_path, chosen_file, answers):
    window, _story = _open(qtbot, tmp_path, english_story())
    chosen_file.path = tmp_path / "other.docx"
    chosen_file.path.write_bytes(desk_edit(german_story(), lambda document: None))
    _update_action(window).trigger()
    assert answers.errors == ["“other.docx” was not made from this article; nothing was changed."]
    assert window.article_state.count() == 0
    close_window(window)


def test_an_unchanged_file_says_so(qtbot, tmp_path, chosen_file, answers, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: told.append(a[2])))
    article = english_story()
    window, _story = _open(qtbot, tmp_path, article)
    chosen_file.path = tmp_path / "same.docx"
    chosen_file.path.write_bytes(desk_edit(article, lambda document: None))
    _update_action(window).trigger()
    assert told == ["“same.docx” holds no changes to this article."]
    assert window.article_state.count() == 0
    close_window(window)


def test_the_entry_is_disabled_while_the_article_is_read_only(
    qtbot, tmp_path, other_newsdesk, answers
):
    window = new_window(qtbot, tmp_path, FakeClock())
    assert _update_action(window) is not None
    answers.answer("read_only")
    assert window.open_path(other_newsdesk)
    assert window.session.read_only
    assert not _update_action(window).isEnabled()
    close_window(window)
