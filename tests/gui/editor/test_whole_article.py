"""The whole-article view and selections across sections (issue 18), on a real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtTest import QTest

from newsdesk.gui.editor.cross_selection import CrossSelection, Point
from newsdesk.model.article import Article, Section
from tests.gui.window_helpers import close_window, make_project, new_window

LONG = ("Ein langer Absatz über die Förde und Jörgs Fähre. " * 40 + "\n\n") * 5


def article(long_sections: int = 0) -> Article:
    sections = [
        Section(id="lead", markdown="Der Vorspann steht oben.\n"),
        Section(id="rat", heading="Gemeinderat", markdown="Der Rat tagte.\n"),
        Section(id="wetter", heading="Wetter", markdown="Es regnet am Sonntag.\n"),
    ]
    for n in range(long_sections):
        sections.append(Section(id=f"lang{n}", heading=f"Teil {n}", markdown=LONG))
    sections.append(Section(id="ende", heading="Ende", markdown="Das letzte Wort.\n"))
    return Article(headline="Förde", language="de", sections=sections)


def whole_window(qtbot, tmp_path, long_sections: int = 0):
    path = make_project(tmp_path / "ganz.newsdesk", article(long_sections))
    window = new_window(qtbot, tmp_path)
    window.resize(1200, 800)
    assert window.open_path(path)
    window.views.set_whole(True)
    qtbot.waitUntil(lambda: window.views.whole_view.built_count() > 0)
    return window


def test_the_view_builds_only_what_is_near_the_screen(qtbot, tmp_path):
    window = whole_window(qtbot, tmp_path, long_sections=30)
    view = window.views.whole_view
    assert len(view.section_ids()) == 34
    assert view.built_count() < 12  # 30 long sections: only a screenful or two is laid out
    window.go_to_section("ende")
    qtbot.waitUntil(lambda: view.hosted_section == "ende")
    assert view.verticalScrollBar().value() > 0
    assert window.tree_view.current_section_id() == "ende"
    close_window(window)


def test_select_all_copies_sections_never_built(qtbot, tmp_path):
    window = whole_window(qtbot, tmp_path, long_sections=30)
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    markdown = bytes(mime.data("text/x-newsdesk-markdown").data()).decode()
    assert "## Teil 29" in markdown and "Das letzte Wort." in markdown
    assert markdown.startswith("Der Vorspann steht oben.")
    assert "Das letzte Wort." in mime.text() and "<p" in mime.html()
    close_window(window)


def test_cut_across_sections_is_one_step_and_keeps_every_section(qtbot, tmp_path):
    window = whole_window(qtbot, tmp_path)
    state = window.article_state
    selection = CrossSelection(state, Point("lead", 4), Point("wetter", 3))
    window.views._show_selection(selection)
    steps = state.count()
    QTest.keyClick(window.editor, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    state.flush_text()
    assert [s.id for s in state.article.sections] == ["lead", "rat", "wetter", "ende"]
    assert state.article.find_section("rat").heading == "Gemeinderat"
    assert state.article.find_section("lead").markdown == "Der\n"
    assert state.article.find_section("rat").markdown == ""
    assert state.article.find_section("wetter").markdown == "regnet am Sonntag.\n"
    assert state.count() == steps + 1
    # The cut text goes into another section with one paste.
    window.go_to_section("ende")
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClick(window.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    state.flush_text()
    assert "Der Rat tagte." in state.article.find_section("ende").markdown
    assert "## Gemeinderat" not in state.article.find_section("lead").markdown
    state.undo()  # the paste
    state.undo()  # the cut, at once in all three sections
    state.flush_text()
    assert state.article.find_section("rat").markdown == "Der Rat tagte.\n"
    assert state.article.find_section("lead").markdown == "Der Vorspann steht oben.\n"
    close_window(window)


def test_typing_over_a_selection_across_sections_replaces_it(qtbot, tmp_path):
    window = whole_window(qtbot, tmp_path)
    state = window.article_state
    window.views._show_selection(CrossSelection(state, Point("rat", 4), Point("lead", 4)))
    QTest.keyClicks(window.editor, "X")
    state.flush_text()
    assert state.article.find_section("lead").markdown == "Der X\n"
    assert state.article.find_section("rat").markdown == "Rat tagte.\n"
    close_window(window)


def test_find_lands_in_the_whole_view(qtbot, tmp_path):
    window = whole_window(qtbot, tmp_path, long_sections=5)
    window.show_match("ende", "body", 4, 10)
    assert window.views.whole_view.hosted_section == "ende"
    assert window.editor.textCursor().selectedText() == "letzte"
    assert window.current_section_id == "ende"
    close_window(window)


def test_single_view_gets_its_editor_back(qtbot, tmp_path):
    window = whole_window(qtbot, tmp_path)
    window.views.set_whole(False)
    assert window.editor.isVisible() and window.section_heading.isVisible()
    assert window.editor.maximumHeight() > 10_000
    assert window.settings.whole_article_view is False
    close_window(window)


def test_headings_in_the_whole_view_follow_read_only(qtbot, tmp_path):
    window = whole_window(qtbot, tmp_path)
    view = window.views.whole_view
    view.set_read_only(True)
    heading = view.slot("rat").heading
    heading.edit.setFocus()
    QTest.keyClicks(heading.edit, "x")
    QTest.keyClick(heading.edit, Qt.Key.Key_Return)
    assert window.article.find_section("rat").heading == "Gemeinderat"
    view.rebuild()  # unchanged sections: the same slots, still read-only
    assert view.slot("rat").heading.edit.isReadOnly()
    close_window(window)


def test_a_heading_found_is_selected_where_it_is_shown(qtbot, tmp_path):
    window = whole_window(qtbot, tmp_path)
    window.show_match("wetter", "heading", 0, 3)
    field = window.views.whole_view.slot("wetter").heading.edit
    assert field.selectedText() == "Wet"
    window.views.set_whole(False)
    window.show_match("rat", "heading", 0, 4)
    assert window.section_heading.edit.selectedText() == "Geme"
    close_window(window)
