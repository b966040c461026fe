"""The main window: opening, focus, menus and shortcuts, one undo history, headline, counts, layout.

Every test runs offscreen with its own settings file and data folder (window_helpers.new_window);
questions are answered through `answers`, file dialogs through `save_dialog`.
"""

from __future__ import annotations

import signal

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from newsdesk.gui.files.export_dialog import ExportDialog
from newsdesk.gui.files.user_data import list_drafts, sample_copy_path
from newsdesk.gui.first_paint import window_painted
from newsdesk.gui.status import LengthTarget, load_target
from newsdesk.model.commands import DeleteSection
from newsdesk.sample import sample_article
from newsdesk.store import ProjectLock
from tests.gui import window_helpers
from tests.gui.window_helpers import (
    close_window,
    english_article,
    make_project,
    new_window,
    read_article,
)

answers = window_helpers.answers
save_dialog = window_helpers.save_dialog


def _type(window, text: str) -> None:
    QTest.keyClicks(window.editor, text)


# --- opening ----------------------------------------------------------------------------------


def test_first_start_opens_the_sample_with_the_cursor_at_the_start_of_the_first_section(
    qtbot, tmp_path
):
    window = new_window(qtbot, tmp_path)
    assert window.open_start_file()
    assert window.session.path == sample_copy_path(tmp_path / "data")
    sample = sample_article()
    assert window.article.headline == sample.headline
    assert window.current_section_id == window.article.sections[0].id
    assert window.tree_view.current_section_id() == window.article.sections[0].id
    assert window.editor.document() is window.article_state.document(window.article.sections[0].id)
    qtbot.waitUntil(window.editor.hasFocus)
    assert window.editor.textCursor().position() == 0
    assert "sample.newsdesk" in window.windowTitle()
    path = window.session.path
    # Typing at once goes into the first section, at its start.
    _type(window, "Breaking: ")
    assert window.editor.document().toPlainText().startswith("Breaking: ")
    close_window(window)
    assert read_article(path).sections[0].markdown.startswith("Breaking: ")


def test_the_next_start_reopens_the_last_article(qtbot, tmp_path):
    story = make_project(tmp_path / "story.newsdesk")
    first = new_window(qtbot, tmp_path)
    assert first.open_path(story)
    close_window(first)
    second = new_window(qtbot, tmp_path)
    assert second.open_start_file()
    assert second.session.path == story.absolute()
    assert second.files.recent_files()[0] == story.absolute()
    close_window(second)


def test_a_missing_project_named_on_the_command_line_is_created(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    target = tmp_path / "fresh.newsdesk"
    assert window.open_from_command_line(target)
    assert target.exists()
    _type(window, "First words")
    close_window(window)
    assert read_article(target).sections[0].markdown.strip() == "First words"


def test_a_draft_named_on_the_command_line_is_imported_as_an_unsaved_article(qtbot, tmp_path):
    source = tmp_path / "draft.md"
    source.write_text("# Bridge reopens\n\nTraffic flows again.\n", encoding="utf-8")
    window = new_window(qtbot, tmp_path)
    assert window.open_from_command_line(source)
    assert window.session.is_draft
    assert window.article.headline == "Bridge reopens"
    assert "Unsaved article" in window.windowTitle()
    close_window(window)
    assert len(list_drafts(tmp_path / "data")) == 1


def test_a_file_that_is_not_a_project_is_refused_with_a_message(qtbot, tmp_path, answers):
    bogus = tmp_path / "notes.newsdesk"
    bogus.write_text("just some text", encoding="utf-8")
    window = new_window(qtbot, tmp_path)
    assert not window.open_path(bogus)
    assert answers.errors and "not a Newsdesk article" in answers.errors[0]
    assert bogus.read_text(encoding="utf-8") == "just some text"


# --- menus and shortcuts ------------------------------------------------------------------------


def _menu_actions(window, name: str) -> dict[str, object]:
    menu = window.menuBar().findChild(QMenu, name)
    assert menu is not None, name
    found = {}
    for action in menu.actions():
        found[action.text().replace("&", "")] = action
    return found


def test_the_menus_hold_the_actions_with_the_usual_shortcuts(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "a.newsdesk"))
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "Format", "Insert", "Table", "Section", "View", "Help"]
    file_menu = _menu_actions(window, "menu_file")
    for entry in ("New", "Open…", "Open Recent", "Save", "Save As…", "Import…"):
        assert entry in file_menu
    for entry in ("Export…", "Print…", "Revisions…", "Quit"):
        assert entry in file_menu
    edit_menu = _menu_actions(window, "menu_edit")
    assert {"Cut", "Copy", "Paste", "Find…", "Replace…"} <= set(edit_menu)
    assert any(t.startswith("Undo") for t in edit_menu)
    assert any(t.startswith("Redo") for t in edit_menu)
    acts = window.window_actions
    shortcuts = {
        acts.quit: "Ctrl+Q",
        acts.save: "Ctrl+S",
        acts.new: "Ctrl+N",
        acts.open: "Ctrl+O",
        acts.save_as: "Ctrl+Shift+S",
        acts.undo: "Ctrl+Z",
        acts.redo: "Ctrl+Shift+Z",
        acts.find: "Ctrl+F",
        acts.replace: "Ctrl+H",
        acts.cut: "Ctrl+X",
        acts.copy: "Ctrl+C",
        acts.paste: "Ctrl+V",
    }
    for action, keys in shortcuts.items():
        bound = [s.toString() for s in action.shortcuts()]
        assert keys in bound, (action.text(), bound)
    section_menu = _menu_actions(window, "menu_section")
    assert len([a for a in section_menu.values() if not a.isSeparator()]) >= 8
    assert window.tree_view.rename_action.shortcut() == QKeySequence(Qt.Key.Key_F2)
    assert _menu_actions(window, "menu_format"), "the editor's format actions are in the menu"
    view_menu = _menu_actions(window, "menu_view")
    assert window.sections_dock.toggleViewAction() in view_menu.values()
    assert "Language" in view_menu
    assert "About Newsdesk" in _menu_actions(window, "menu_help")
    close_window(window)


def test_ctrl_q_saves_what_was_typed_and_releases_the_file(qtbot, tmp_path):
    story = make_project(tmp_path / "story.newsdesk")
    window = new_window(qtbot, tmp_path)
    window.open_path(story)
    qtbot.waitUntil(window.editor.hasFocus)
    _type(window, "Update: ")
    QTest.keyClick(window.editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert read_article(story).sections[0].markdown.startswith("Update: The island ferry")
    lock = ProjectLock(story)
    lock.acquire()  # the window let go of the file
    lock.release()


def test_typing_and_structure_edits_undo_in_one_history(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk"))
    first, second = window.article.sections[0].id, window.article.sections[1].id
    _type(window, "Now: ")
    window.tree_view.select_section(second)
    window.push_command(DeleteSection(second), "Delete section")
    assert window.article.find_section(second) is None
    window.window_actions.undo.trigger()
    restored = window.article.find_section(second)
    assert restored is not None and restored.heading == "What changes"
    assert "23:10" in window.article_state.document(second).toPlainText()
    window.window_actions.undo.trigger()  # the typing, in the first section, shown again
    assert window.current_section_id == first
    assert not window.editor.document().toPlainText().startswith("Now: ")
    window.window_actions.redo.trigger()
    assert window.editor.document().toPlainText().startswith("Now: ")
    close_window(window)


def test_ctrl_z_in_the_editor_undoes_one_step_of_the_one_history(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk"))
    second = window.article.sections[1].id
    window.push_command(DeleteSection(second), "Delete section")
    qtbot.waitUntil(window.editor.hasFocus)
    _type(window, "Typed ")
    QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.editor.document().toPlainText().startswith("Typed")
    assert window.article.find_section(second) is None, "one Ctrl+Z, one step"
    QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.article.find_section(second) is not None
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window.editor, Qt.Key.Key_Z, redo)
    assert window.article.find_section(second) is None
    close_window(window)


def test_adding_a_section_from_the_menu_selects_it_for_typing(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk"))
    count = len(window.article.sections)
    window.tree_view.add_after_action.trigger()
    assert len(window.article.sections) == count + 1
    new_id = window.article.sections[1].id
    assert window.current_section_id == new_id
    assert window.editor.document() is window.article_state.document(new_id)
    close_window(window)


# --- headline ------------------------------------------------------------------------------------


def test_the_headline_bar_edits_through_undoable_commands(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk"))
    bar = window.headline_bar
    assert bar.headline.text() == "Ferry timetable grows by two evening crossings"
    bar.headline.selectAll()
    QTest.keyClicks(bar.headline, "Late ferries arrive")
    bar.commit()
    assert window.article.headline == "Late ferries arrive"
    assert window.tree_model.data(window.tree_model.index_for_key("root")) == "Late ferries arrive"
    window.window_actions.undo.trigger()
    assert window.article.headline == "Ferry timetable grows by two evening crossings"
    assert bar.headline.text() == "Ferry timetable grows by two evening crossings"
    close_window(window)


def test_renaming_the_root_row_edits_the_headline_bar(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk"))
    root = window.tree_model.index_for_key("root")
    assert window.tree_model.setData(root, "Evening boats are back")
    assert window.headline_bar.headline.text() == "Evening boats are back"
    close_window(window)


def test_headline_typing_reaches_the_file_on_save(qtbot, tmp_path):
    story = make_project(tmp_path / "story.newsdesk")
    window = new_window(qtbot, tmp_path)
    window.open_path(story)
    window.headline_bar.subheadline.clear()
    QTest.keyClicks(window.headline_bar.subheadline, "Two more boats")
    assert window.autosave.pending
    assert window.files.save()
    assert read_article(story).subheadline == "Two more boats"
    close_window(window)


# --- counts, title and layout -------------------------------------------------------------------


def test_the_status_bar_counts_section_and_article_and_follows_typing(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk"))
    window.update_counts()
    section_text = window.counts.section_label.text()
    assert "11 words" in section_text
    _type(window, "Three more words ")
    window.update_counts()
    assert "14 words" in window.counts.section_label.text()
    assert "min read" in window.counts.reading_label.text()
    close_window(window)


def test_a_length_target_is_kept_per_file_and_shows_progress(qtbot, tmp_path, monkeypatch):
    from newsdesk.gui.status import LengthTargetDialog

    story = make_project(tmp_path / "story.newsdesk")
    window = new_window(qtbot, tmp_path)
    window.open_path(story)

    def accept(dialog):
        dialog.unit.setCurrentIndex(dialog.unit.findData("words"))
        dialog.value.setValue(100)
        return 1

    monkeypatch.setattr(LengthTargetDialog, "exec", accept)
    window.window_actions.length_target.trigger()
    assert window.counts.target == LengthTarget("words", 100)
    assert window.counts.progress.maximum() == 100
    assert 0 < window.counts.progress.value() < 100
    assert load_target(window.settings, str(story.absolute())) == LengthTarget("words", 100)
    close_window(window)
    again = new_window(qtbot, tmp_path)
    again.open_path(story)
    assert again.counts.target == LengthTarget("words", 100)
    again.files.save_as(tmp_path / "renamed.newsdesk")  # the target goes along
    renamed = str((tmp_path / "renamed.newsdesk").absolute())
    assert load_target(again.settings, renamed) == LengthTarget("words", 100)
    close_window(again)


def test_the_title_names_the_file_and_marks_unsaved_changes(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk"))
    assert window.windowTitle().startswith("story.newsdesk")
    assert not window.isWindowModified()
    _type(window, "x")
    assert window.isWindowModified()
    window.files.save()
    assert not window.isWindowModified()
    close_window(window)


def test_dock_layout_is_remembered(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk"))
    assert window.sections_dock.isVisible()
    window.sections_dock.toggleViewAction().trigger()
    assert not window.sections_dock.isVisible()
    close_window(window)
    again = new_window(qtbot, tmp_path)
    assert not again.sections_dock.isVisible()
    assert again.dockWidgetArea(again.sections_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    close_window(again)


# --- Save As, export, new, import -------------------------------------------------------------


def test_save_as_switches_to_the_copy_and_leaves_the_original(qtbot, tmp_path, save_dialog):
    story = make_project(tmp_path / "story.newsdesk")
    window = new_window(qtbot, tmp_path)
    window.open_path(story)
    _type(window, "Copy only: ")
    save_dialog.path = tmp_path / "copy"  # the suffix is added
    window.window_actions.save_as.trigger()
    copy = tmp_path / "copy.newsdesk"
    assert window.session.path == copy.absolute()
    assert read_article(copy).sections[0].markdown.startswith("Copy only: ")
    assert not read_article(story).sections[0].markdown.startswith("Copy only: ")
    _type(window, "more ")
    close_window(window)
    assert read_article(copy).sections[0].markdown.startswith("Copy only: more ")


def test_export_html_writes_the_page(qtbot, tmp_path, save_dialog, monkeypatch):
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk"))
    _type(window, "Fresh ")
    save_dialog.path = tmp_path / "page.html"

    def browse_and_export(dialog: ExportDialog) -> int:
        dialog.browse_button.click()
        dialog.export_button.click()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", browse_and_export)
    window.window_actions.export_html.trigger()
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert "Ferry timetable grows by two evening crossings" in page
    assert "Fresh" in page
    close_window(window)


def test_import_from_the_menu_makes_a_new_unsaved_article(qtbot, tmp_path, monkeypatch):
    source = tmp_path / "note.txt"
    source.write_text("Storm warning lifted\n\nThe coast guard ended the warning.\n", "utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), ""))
    )
    story = make_project(tmp_path / "story.newsdesk")
    window = new_window(qtbot, tmp_path)
    window.open_path(story)
    window.window_actions.import_file.trigger()
    assert window.session.is_draft
    assert window.article.headline == "Storm warning lifted"
    close_window(window)


def test_cut_copy_paste_act_on_the_focused_field(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk", english_article()))
    window.activateWindow()
    qtbot.waitUntil(window.editor.hasFocus)
    window.editor.selectAll()
    window.window_actions.copy.trigger()
    assert QApplication.clipboard().text().startswith("The island ferry")
    close_window(window)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_language_menu_stores_the_choice_for_the_next_start(
    qtbot, tmp_path, language, message_boxes
):
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk"))
    menu = window.window_actions.language_menu
    action = next(a for a in menu.actions() if a.data() == language)
    action.trigger()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("interface/language") == language
    assert message_boxes.calls and message_boxes.calls[0][0] == "information"
    close_window(window)


# --- app.main -------------------------------------------------------------------------------------


@pytest.fixture
def app_main(qapp, monkeypatch):
    """newsdesk.gui.app.main with app.exec() replaced by a look at the window, then closing it."""
    from newsdesk.gui import app as app_module
    from newsdesk.gui.main_window import MainWindow
    from newsdesk.gui.termination import SIGNAL_TICKER

    seen = {}

    def fake_exec():
        QApplication.processEvents()  # the start-up offer of unsaved articles runs here
        (window,) = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        seen["window"] = window
        seen["path"] = window.session.path
        seen["title"] = window.windowTitle()
        assert window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    handled = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
    handlers = {number: signal.getsignal(number) for number in handled}
    yield app_module.main, seen
    for number, handler in handlers.items():
        signal.signal(number, handler)
    ticker = qapp.findChild(QTimer, SIGNAL_TICKER)
    if ticker is not None:
        ticker.stop()
        ticker.deleteLater()
    for translator in getattr(qapp, "_newsdesk_translators", []):
        qapp.removeTranslator(translator)
    if hasattr(qapp, "_newsdesk_translators"):
        del qapp._newsdesk_translators


def test_main_opens_the_named_file_in_a_window(app_main, tmp_path):
    main, seen = app_main
    story = make_project(tmp_path / "story.newsdesk")
    assert main([str(story)]) == 0
    assert seen["path"] == story.absolute()
    assert seen["title"].startswith("story.newsdesk")
    assert QApplication.organizationName() == "Newsdesk"


def test_main_without_a_file_opens_the_sample(app_main):
    main, seen = app_main
    assert main([]) == 0
    assert seen["path"].name == "sample.newsdesk"
    assert read_article(seen["path"]).headline == sample_article().headline


def test_main_ends_with_status_one_when_the_file_cannot_be_opened(app_main, tmp_path, answers):
    main, seen = app_main
    bogus = tmp_path / "bogus.newsdesk"
    bogus.write_bytes(b"\x00" * 10)
    assert main([str(bogus)]) == 1
    assert answers.errors
    assert "window" not in seen


@pytest.mark.parametrize("name", ["notes.pdf", "frobnicate", "missing.md"])
def test_main_refuses_a_file_it_cannot_open_before_any_window(app_main, tmp_path, name):
    from newsdesk.errors import NewsdeskError

    main, seen = app_main
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(NewsdeskError):
        main([str(tmp_path / name)])
    assert "window" not in seen


def test_at_start_the_counts_and_the_check_wait_for_the_first_paint(qtbot, tmp_path):
    """The application's start (gui/app.py) lets the window paint before the counts and the
    check of a long article; then they appear without anyone asking."""
    path = make_project(tmp_path / "story.newsdesk", english_article())
    window = new_window(qtbot, tmp_path, show=False)
    window.defer_secondary_work()
    checks = window.panes.preflight
    window.panes.check_dock.raise_()  # the check is the tab in front
    checked_after_paint: list[bool] = []
    checks.refreshed.connect(lambda: checked_after_paint.append(window_painted(window)))
    assert window.open_path(path)
    model = window.tree_model
    root = model.index_for_key("root", model.WORDS_COLUMN)
    assert model.data(root) is None  # left blank until the window is on screen
    assert window.counts.section_label.text() == ""
    window.show()
    qtbot.waitUntil(lambda: model.data(root) is not None)
    assert model.data(root) > 0
    qtbot.waitUntil(lambda: "words" in window.counts.section_label.text())
    qtbot.waitUntil(lambda: bool(checked_after_paint))
    assert checked_after_paint == [True]  # checked once, after the paint
    assert checks.findings() and checks.list.count() == len(checks.findings())
