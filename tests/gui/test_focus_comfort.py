"""View > Focus > Typewriter Scrolling and Dim Other Paragraphs (issue 18): the cursor's line stays
at the typewriter height while typing and moving, the other paragraphs are drawn faded, in the
single-section and the whole-article view; neither touches the article, its history or its file,
both are remembered, and leaving focus mode puts everything back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTextEdit

from newsdesk.gui.appearance import contrast
from newsdesk.gui.focus_comfort import TYPEWRITER_HEIGHT
from newsdesk.model.article import Article, Section
from tests.gui.window_helpers import close_window, make_project, new_window

PARAGRAPHS = [
    f"Paragraph {n} of the council report: the harbour ferry keeps its evening crossings."
    for n in range(60)
]


def _long_article() -> Article:
    return Article(
        headline="Harbour ferry keeps running",
        language="en",
        sections=[
            Section(id="lead", markdown="\n\n".join(PARAGRAPHS)),
            Section(id="second", heading="Reactions", markdown="\n\n".join(PARAGRAPHS[:20])),
        ],
    )


def _window(qtbot, tmp_path, *, whole: bool = False):
    window = new_window(qtbot, tmp_path)
    window.resize(900, 600)
    assert window.open_path(make_project(tmp_path / "ferry.newsdesk", _long_article()))
    if whole:
        window.views.whole_action.trigger()
        qtbot.waitUntil(lambda: window.views.whole_view.isVisible())
    return window


def _focus(qtbot, window) -> None:
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)


def _cursor_height(window) -> float:
    """Where the cursor's line is in the scrolling part, as a share of its height (0 = top)."""
    editor = window.editor
    centre = editor.cursorRect().center()
    view = window.views.whole_view
    area = view if view.isVisible() else editor
    y = editor.viewport().mapTo(area.viewport(), centre).y()
    return y / area.viewport().height()


def _at_typewriter_height(window) -> bool:
    line = window.editor.fontMetrics().lineSpacing()
    height = window.views.whole_view if window.views.whole_view.isVisible() else window.editor
    tolerance = line / height.viewport().height()
    return abs(_cursor_height(window) - TYPEWRITER_HEIGHT) <= tolerance


def _move_to(window, position: int) -> None:
    cursor = window.editor.textCursor()
    cursor.setPosition(position)
    window.editor.setTextCursor(cursor)


@pytest.mark.parametrize("whole", [False, True], ids=["single", "whole"])
def test_typewriter_keeps_the_cursor_line_at_one_height(qtbot, tmp_path, whole):
    window = _window(qtbot, tmp_path, whole=whole)
    window.window_actions.focus_mode.comfort.typewriter_action.trigger()
    _focus(qtbot, window)
    _move_to(window, window.editor.document().characterCount() // 2)
    qtbot.waitUntil(lambda: _at_typewriter_height(window))
    for _ in range(5):
        QTest.keyClick(window.editor, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: _at_typewriter_height(window))
    QTest.keyClick(window.editor, Qt.Key.Key_Return)
    QTest.keyClicks(window.editor, "A new line typed in focus.")
    qtbot.waitUntil(lambda: _at_typewriter_height(window))
    # The first line too sits at that height: there is room above the text.
    QTest.keyClick(window.editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _at_typewriter_height(window))
    QTest.keyClick(window.editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    bar = window.editor.verticalScrollBar()
    assert bar.minimum() == 0  # the room goes with focus mode
    close_window(window)


def _dimmed_ranges(widget: QTextEdit) -> list[tuple[int, int]]:
    return [
        (selection.cursor.selectionStart(), selection.cursor.selectionEnd())
        for selection in widget.extraSelections()
    ]


@pytest.mark.parametrize("whole", [False, True], ids=["single", "whole"])
def test_dimming_leaves_only_the_cursor_paragraph_at_full_contrast(qtbot, tmp_path, whole):
    window = _window(qtbot, tmp_path, whole=whole)
    state = window.article_state
    window.window_actions.focus_mode.comfort.dim_action.trigger()
    history = state.count()
    undo_steps = window.editor.document().availableUndoSteps()
    _focus(qtbot, window)
    block = window.editor.document().findBlockByNumber(10)
    _move_to(window, block.position() + 3)
    start, end = block.position(), block.position() + block.length() - 1
    qtbot.waitUntil(lambda: len(window.editor.extraSelections()) == 2)
    ranges = _dimmed_ranges(window.editor)
    assert ranges == [(0, start), (end, window.editor.document().characterCount() - 1)]
    palette = window.editor.palette()
    selections = window.editor.extraSelections()
    faded = QColor(selections[0].format.foreground().color())
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    assert contrast(faded, base) < contrast(text, base)
    if whole:
        other = window.views.whole_view.slot("second")
        window.views.whole_view.scroll_to_section("second")
        # Built whole or in pieces (a long section not yet gone into): every shown text is dimmed.
        qtbot.waitUntil(
            lambda: (
                bool(other.shown_texts())
                and all(display.extraSelections() for display, _ in other.shown_texts())
            )
        )
        for display, _offset in other.shown_texts():
            length = display.document().characterCount() - 1
            assert _dimmed_ranges(display) == [(0, length)]
    # The cursor moves on: the next paragraph is the bright one.
    following = block.next()
    _move_to(window, following.position())
    qtbot.waitUntil(lambda: _dimmed_ranges(window.editor)[0] == (0, following.position()))
    # Nothing of it is the article's: no undo step, the document's own history untouched.
    assert state.count() == history
    assert window.editor.document().availableUndoSteps() == undo_steps
    QTest.keyClick(window.editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.editor.extraSelections() == []
    close_window(window)


def test_the_options_are_remembered_and_in_the_view_menu(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    comfort = window.window_actions.focus_mode.comfort
    menu = window.window_actions.focus_mode.menu
    assert comfort.typewriter_action in menu.actions() and comfort.dim_action in menu.actions()
    assert not comfort.typewriter_action.isChecked() and not comfort.dim_action.isChecked()
    comfort.typewriter_action.trigger()
    comfort.dim_action.trigger()
    close_window(window)
    again = new_window(qtbot, tmp_path)
    comfort = again.window_actions.focus_mode.comfort
    assert comfort.typewriter_action.isChecked() and comfort.dim_action.isChecked()
    close_window(again)


def test_options_do_nothing_outside_focus_mode(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    comfort = window.window_actions.focus_mode.comfort
    comfort.typewriter_action.trigger()
    comfort.dim_action.trigger()
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    qtbot.wait(20)
    assert window.editor.extraSelections() == []
    assert window.editor.verticalScrollBar().minimum() == 0
    close_window(window)
