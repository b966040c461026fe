"""Section > Kind in the menu bar and the outline's context menu, as a journalist reaches them.

Issue 17, defect 1: the read-only phase at start disabled every editing action, and leaving it
re-enabled some but never the three Kind actions, so an editorial could not be marked as opinion.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from tests.gui.window_helpers import (
    close_window,
    english_article,
    make_project,
    new_window,
    read_article,
)


def _menu_bar_menu(window, name: str) -> QMenu:
    return next(
        action.menu()
        for action in window.menuBar().actions()
        if action.menu() is not None and action.menu().objectName() == name
    )


def _kind_submenu(section_menu: QMenu) -> QMenu:
    return next(a.menu() for a in section_menu.actions() if a.menu() is not None)


def test_kind_opinion_from_the_menu_bar_marks_the_section_and_reaches_the_file(qtbot, tmp_path):
    story = make_project(tmp_path / "story.newsdesk", english_article())
    window = new_window(qtbot, tmp_path)
    assert window.open_path(story)
    second = window.article.sections[1]
    window.tree_view.select_section(second.id)

    section_menu = _menu_bar_menu(window, "menu_section")
    section_menu.aboutToShow.emit()
    kind_menu = _kind_submenu(section_menu)
    kind_menu.aboutToShow.emit()
    opinion = next(a for a in kind_menu.actions() if a.data() == "opinion")
    assert kind_menu.isEnabled() and opinion.isEnabled()
    opinion.trigger()

    assert window.article.find_section(second.id).kind == "opinion"
    window.files.save()
    assert read_article(story).find_section(second.id).kind == "opinion"
    close_window(window)


def test_kinds_are_off_while_read_only_and_on_again_after(qtbot, tmp_path):
    story = make_project(tmp_path / "story.newsdesk", english_article())
    window = new_window(qtbot, tmp_path)
    assert window.open_path(story)
    tree = window.tree_view
    tree.select_section(window.article.sections[1].id)

    tree.set_read_only(True)
    tree.select_section(window.article.sections[0].id)  # a row change must not re-enable them
    assert not any(action.isEnabled() for action in tree.kind_actions.values())
    assert not tree.delete_action.isEnabled()

    tree.set_read_only(False)
    assert all(action.isEnabled() for action in tree.kind_actions.values())
    context = tree.context_menu()
    assert _kind_submenu(context).isEnabled()
    context.deleteLater()
    close_window(window)
