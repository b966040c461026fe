"""How the window talks about problems: a NewsdeskError becomes a message box, a choice a question.

Core code raises typed errors with a message written for the journalist; this module is where the
GUI shows them. Every question goes through `ask_choice`, which names each button (objectName =
the choice's key), so tests can patch `QMessageBox.exec` and click the answer they want.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk.errors import NewsdeskError

translate = QCoreApplication.translate


def show_error(
    parent: QWidget | None, error: NewsdeskError | OSError | str, title: str = ""
) -> None:
    """A one-line problem, shown as the journalist should read it (no traceback)."""
    if isinstance(error, OSError) and not isinstance(error, NewsdeskError):
        name = f"{error.filename}: " if error.filename else ""
        message = f"{name}{error.strerror or error}"
    else:
        message = str(error)
    QMessageBox.critical(parent, title or translate("ErrorDialogs", "Newsdesk"), message)


def push_or_report(stack, command, label: str, parent: QWidget | None) -> bool:
    """Apply an edit through the undo history; an edit the article refuses is shown, not raised.
    True when it applied. (`stack` is the window's ArticleState.)"""
    try:
        stack.push_command(command, label)
    except NewsdeskError as error:
        show_error(parent, error)
        return False
    return True


@dataclass(frozen=True)
class Choice:
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
