"""The dialog behind Ctrl+K in the section editor: insert a link, change it, or remove it.

Only web and mail links are accepted (http, https, mailto), the same schemes the export keeps.
A bare address is completed the way people type them: "example.org/x" becomes
"https://example.org/x" and "desk@example.org" becomes "mailto:desk@example.org".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_BARE_DOMAIN = re.compile(r"(?:[\w-]+\.)+[A-Za-z]{2,}(?::\d+)?(?:[/?#]\S*)?", re.UNICODE)
_BARE_MAIL = re.compile(r"[^@\s/:]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)


def normalized_link_url(text: str) -> str | None:
    """The URL for what was typed, or None when it is not a web or mail address."""
    url = text.strip()
    if not url or any(c.isspace() for c in url):
        return None
    scheme = _SCHEME.match(url)
    if scheme:
        name = scheme.group(1).lower()
        if name in ("http", "https"):
            return url if re.match(r"(?i)https?://[^/?#\s]+", url) else None
        if name == "mailto":
            return url if _BARE_MAIL.fullmatch(url[len("mailto:") :].split("?")[0]) else None
        if not _BARE_DOMAIN.fullmatch(url):  # "example.org:8080/x" reads like a scheme too
            return None
    if _BARE_MAIL.fullmatch(url):
        return "mailto:" + url
    if _BARE_DOMAIN.fullmatch(url):
        return "https://" + url
    return None


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
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
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
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.url_edit.textChanged.connect(self._check)
        # With the text given (a selection), the address is what is left to type.
        (self.url_edit if text else self.text_edit).setFocus()
        self._check()

    def _check(self) -> None:
        typed = self.url_edit.text().strip()
        valid = normalized_link_url(typed) is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)
        self.problem_label.setText(
            ""
            if valid or not typed
            else self.tr("Only web addresses (http, https) and e-mail addresses can be linked.")
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
