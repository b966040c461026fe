"""Keyboard shortcuts: the window's list of them, and the rule that a German keyboard reaches each.

Most journalists here type on a German QWERTZ keyboard. A shortcut is reachable there when
- its key is a letter, a digit, a function or navigation key, or a character printed on a key of
  the German layout without AltGr (ß ´ + # - . , < ^ and the shifted ! " § $ % & / ( ) = ? ` * '
  > ; : _ °); characters that need AltGr ([ ] { } \\ | @ ~ € µ ² ³) are not: Ctrl+[ would need
  Ctrl+AltGr+8, which no application receives as Ctrl+[;
- it is no Ctrl+Alt combination with a key that carries an AltGr character (Q E M 2 3 7 8 9 0 ß +
  <): Windows reads AltGr as Ctrl+Alt, so on German Windows Ctrl+Alt+0 types "}" instead.

`unreachable_reason(sequence)` applies the rule; `window_shortcuts(window)` lists what the window
offers, for the guide and for the test that holds every shortcut to the rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

# Printed on the German keyboard's keys, reached without AltGr (base and Shift level).
QWERTZ_CHARACTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzäöüß0123456789" + "^´+#-.,<" + "°!\"§$%&/()=?`*'>;:_ "
)
# Keys whose AltGr level holds a character on the German layout.
QWERTZ_ALTGR_KEYS = frozenset("qem237890ß+<")
_CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def unreachable_reason(sequence: QKeySequence) -> str | None:
    """Why a German QWERTZ keyboard cannot press `sequence` (None: it can)."""
    for index in range(sequence.count()):
        combination = sequence[index]  # type: ignore[index]  # it is; the stub lacks __getitem__
        key = combination.key()
        if isinstance(key, Qt.Key):
            key = key.value
        if key >= Qt.Key.Key_Escape.value:  # F-keys, arrows, Delete, Return, ...: on every layout
            continue
        character = chr(key).lower()
        if character not in QWERTZ_CHARACTERS:
            return f"{character!r} needs AltGr on a German keyboard"
        modifiers = combination.keyboardModifiers()
        if (modifiers & _CTRL_ALT) == _CTRL_ALT and character in QWERTZ_ALTGR_KEYS:
            return f"Ctrl+Alt+{character.upper()} is AltGr+{character.upper()} on German Windows"
    return None


@dataclass(frozen=True)
class Shortcut:
    """One key of the window: what it is called (the action's text) and its key sequence."""

    name: str
    sequence: QKeySequence

    @property
    def portable(self) -> str:
        return self.sequence.toString(QKeySequence.SequenceFormat.PortableText)


def window_shortcuts(window: QWidget) -> list[Shortcut]:
    """Every shortcut of every action in the window (menus, editor, outline, panes), once."""
    found: dict[tuple[str, str], Shortcut] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            if sequence.isEmpty():
                continue
            name = action.text().replace("&", "").removesuffix("…").strip()
            shortcut = Shortcut(name, sequence)
            found.setdefault((name, shortcut.portable), shortcut)
    return sorted(found.values(), key=lambda s: (s.portable, s.name))
