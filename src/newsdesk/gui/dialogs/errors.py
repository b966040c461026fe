"""How the window talks about problems: a NewsdeskError becomes a message box, a choice a question.

Core code raises typed errors with a code and params (and an English message for the command
line); this module is where the GUI shows them, worded in the interface language by
`error_messages.error_text`. Technical English (a `detail` param) goes under "Show Details…" only.
Every question goes through `ask_choice`, which names each button (objectName = the choice's
key), so tests can patch `QMessageBox.exec` and click the answer they want.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk.errors import NewsdeskError
from newsdesk.gui.dialogs.error_messages import error_details, error_text

translate = QCoreApplication.translate


def show_error(
    parent: QWidget | None,
    error: NewsdeskError | OSError | str,
    title: str = "",
    *,
    prefix: str = "",
) -> None:
    """A one-line problem in the interface language (no traceback); `prefix` names what it is
    about ("huge.jpg: "). The core's English, when it says more, is under "Show Details…"."""
    title = title or translate("ErrorDialogs", "Newsdesk")
    text = prefix + error_text(error)
    details = error_details(error)
    if not details:
        QMessageBox.critical(parent, title, text)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(details)
    box.exec()
    box.deleteLater()


def push_or_report(stack, command, label: str, parent: QWidget | None) -> bool:
    """Apply an edit through the undo history; an edit the article refuses is shown, not raised.
    True when it applied. (`stack` is the window's ArticleState.)"""
    try:
        stack.push_command(command, label)
    except NewsdeskError as error:
        show_error(parent, error)
        return False
    return True


class Choice(NamedTuple):
    """One button of a question: `key` is what ask_choice returns when it is clicked."""

    key: str
    label: str
    role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole


def ask_choice(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: Sequence[Choice],
    *,
    informative: str = "",
    default: str | None = None,
    escape: str | None = None,
) -> str | None:
    """Ask a question with named answers; returns the key of the clicked one (None if closed)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    buttons = {}
    for choice in choices:
        button = box.addButton(choice.label, choice.role)
        button.setObjectName(choice.key)
        buttons[choice.key] = button
        if choice.key == default:
            box.setDefaultButton(button)
        if choice.key == escape:
            box.setEscapeButton(button)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return next((key for key, button in buttons.items() if button is clicked), None)
