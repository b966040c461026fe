"""The dialog behind Ctrl+K in the section editor: insert a link, change it, or remove it.

Only web and mail links are accepted (http, https, mailto), the same schemes the export keeps.
A bare address is completed by the one rule of `model.web_addresses` ("example.org/x" becomes
"https://example.org/x", "desk@example.org" becomes "mailto:desk@example.org"), and the dialog
shows the completed address before the link is made.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from newsdesk.model.web_addresses import normalized_link_url

# The address field shows this many average characters without scrolling: a typical article URL.
ADDRESS_CHARS = 64


@dataclass(frozen=True)
class LinkChoice:
    """What the journalist decided: link `text` to `url`, or (remove=True) unlink it."""

    text: str = ""
    url: str = ""
    remove: bool = False


class LinkDialog(QDialog):
    """Text and address of a link; with `editing`, also a button that removes the link."""

    def __init__(
        self, parent: QWidget | None = None, text: str = "", url: str = "", editing: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit Link") if editing else self.tr("Insert Link"))
        self._remove = False
        self.text_edit = QLineEdit(text, self)
        self.text_edit.setPlaceholderText(self.tr("Shown in the article"))
        self.url_edit = QLineEdit(url, self)
        self.url_edit.setPlaceholderText(self.tr("https://… or name@example.org"))
        width = QFontMetrics(self.url_edit.font()).averageCharWidth() * ADDRESS_CHARS
        self.url_edit.setMinimumWidth(width)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("link_problem")
        self.problem_label.setWordWrap(True)
        self.completion_label = QLabel(self)  # the address a bare domain is completed to
        self.completion_label.setObjectName("link_completion")
        self.completion_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Text:"), self.text_edit)
        form.addRow(self.tr("&Address:"), self.url_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.remove_button = None
        if editing:
            self.remove_button = self.buttons.addButton(
                self.tr("&Remove Link"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.remove_button.clicked.connect(self._remove_link)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.completion_label)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.url_edit.textChanged.connect(self._check)
        # With the text given (a selection), the address is what is left to type.
        (self.url_edit if text else self.text_edit).setFocus()
        self._check()

    def _check(self) -> None:
        typed = self.url_edit.text().strip()
        url = normalized_link_url(typed)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(url is not None)
        self.problem_label.setText(
            self.tr("Only web addresses (http, https) and e-mail addresses can be linked.")
            if typed and url is None
            else ""
        )
        # A completion is shown, never made silently.
        completed = url is not None and url != typed
        self.completion_label.setText(
            self.tr("Links to %1").replace("%1", url or "") if completed else ""
        )

    def _remove_link(self) -> None:
        self._remove = True
        self.accept()

    def choice(self) -> LinkChoice:
        """The decision after the dialog was accepted."""
        if self._remove:
            return LinkChoice(remove=True)
        url = normalized_link_url(self.url_edit.text()) or ""
        return LinkChoice(text=self.text_edit.text().strip(), url=url)

    @classmethod
    def ask(
        cls, parent: QWidget | None, text: str = "", url: str = "", editing: bool = False
    ) -> LinkChoice | None:
        """Show the dialog; None when it was cancelled."""
        dialog = cls(parent, text, url, editing)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
