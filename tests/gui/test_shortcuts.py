"""Every shortcut of the window is reachable on a German QWERTZ keyboard, and the guide lists it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.shortcuts import unreachable_reason, window_shortcuts


@pytest.mark.parametrize(
    "keys", ["Ctrl+[", "Ctrl+]", "Ctrl+\\", "Ctrl+Alt+0", "Ctrl+Alt+Q", "Ctrl+@", "Ctrl+{"]
)
def test_the_rule_refuses_what_needs_altgr(keys):
    assert unreachable_reason(QKeySequence(keys)) is not None


@pytest.mark.parametrize(
    "keys",
    ["Ctrl+S", "Ctrl+Shift+8", "Ctrl+0", "Ctrl+Alt+4", "F3", "Alt+Up", "Delete", "Ctrl+Space"],
)
def test_the_rule_accepts_what_a_german_keyboard_has(keys):
    assert unreachable_reason(QKeySequence(keys)) is None


@pytest.fixture
def window(qtbot, tmp_path):
    window = MainWindow(data_dir=tmp_path / "data")
    qtbot.addWidget(window)
    return window


def test_every_shortcut_of_the_window_is_reachable_on_qwertz(window):
    shortcuts = window_shortcuts(window)
    assert len(shortcuts) > 25  # the menus, the editor's formats, the outline, the panes
    refused = {s.name: unreachable_reason(s.sequence) for s in shortcuts}
    assert {name: why for name, why in refused.items() if why} == {}


def test_a_new_section_has_a_shortcut(window):
    assert window.tree_view.add_after_action.shortcut() == QKeySequence("Ctrl+Shift+N")
