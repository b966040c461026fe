"""The details of one photo in the image pane: role, caption, alt text, credit, copyright, and the
symbol-image switch with its notice.

Typing changes nothing in the article: a field's edit becomes one SetImageFields command when it
is finished (focus leaves it, Return in a line edit or the notice, or `commit()`, which the pane
and the window call before anything else happens to the photo). Caption and notice wrap over a few
lines; the notice is one line on the page, so it takes no line breaks (Return finishes it).
`show_image` refreshes the fields from the article with signals blocked; a field whose text
differs from what was last shown holds an unfinished edit and keeps it (`widgets.field_binder`,
the rule every pane's fields follow). The switch, the notice
menu and the role are one command per click.

The alt text gets a live character count and, from `alt_text_problem`, a translated hint: missing,
a repeat of the caption, too long, or starting with "Photo of".
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.widgets.field_binder import BoundText, push_edit
from newsdesk.gui.widgets.wrapping_line_edit import WrappingLineEdit
from newsdesk.model.article import Image
from newsdesk.model.commands import EditCommand
from newsdesk.model.disclaimers import ALT_MAX_CHARS, alt_text_problem, symbol_image_presets
from newsdesk.model.image_commands import SetImageFields

TEXT_FIELDS = ("caption", "alt", "credit", "copyright", "disclaimer")


def all_presets() -> set[str]:
    """Every preset notice in any language: switching off removes a notice nobody edited."""
    return {notice for language in ("de", "en") for notice in symbol_image_presets(language)}


class ImageFields(QWidget):
    """The form for the photo `set_image_id` names, editing it through the stack."""

    edited = Signal()  # typing in a field: a change is pending (commit() pushes it)

    def __init__(self, stack: ArticleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self._image_id: str | None = None
        self._read_only = False
        self._build()

    def _build(self) -> None:
        self.role_combo = QComboBox(self)
        self.role_combo.addItem(self.tr("Lead photo"), "lead")
        self.role_combo.addItem(self.tr("In the text"), "inline")
        self.role_combo.activated.connect(
            lambda index: self.set_role(self.role_combo.itemData(index))
        )
        self.caption_edit = QPlainTextEdit(self)
        self.caption_edit.setTabChangesFocus(True)
        self.caption_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.alt_edit = QLineEdit(self)
        self.alt_edit.setPlaceholderText(
            self.tr("What the photo shows, for readers who can't see it")
        )
        self.alt_counter = QLabel(self)
        self.alt_hint = QLabel(self)
        self.alt_hint.setWordWrap(True)
        self.alt_hint.setObjectName("altHint")
        self.credit_edit = QLineEdit(self)
        self.credit_edit.setPlaceholderText(self.tr("Photographer / agency"))
        self.copyright_edit = QLineEdit(self)
        # The English box names both terms: the presets and the page say "Illustrative image".
        self.symbolic_check = QCheckBox(self.tr("Illustrative image (symbol image)"), self)
        self.symbolic_check.setToolTip(
            self.tr("The photo only illustrates the topic; readers are told so below it")
        )
        self.symbolic_check.clicked.connect(self.set_symbolic)
        self.presets_button = QToolButton(self)
        self.presets_button.setText(self.tr("Notices"))
        self.presets_button.setToolTip(self.tr("Choose another symbol-image notice"))
        self.presets_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.presets_menu = QMenu(self.presets_button)
        self.presets_menu.aboutToShow.connect(self._fill_presets_menu)
        self.presets_button.setMenu(self.presets_menu)
        self.disclaimer_edit = WrappingLineEdit(self)
        self.disclaimer_edit.setTabChangesFocus(True)
        self.disclaimer_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.disclaimer_edit.textChanged.connect(lambda: self._typed("disclaimer"))
        widgets: dict[str, QLineEdit | QPlainTextEdit] = {
            "caption": self.caption_edit,
            "alt": self.alt_edit,
            "credit": self.credit_edit,
            "copyright": self.copyright_edit,
            "disclaimer": self.disclaimer_edit,
        }
        self._fields = {
            name: BoundText(widget, partial(self.commit_field, name))
            for name, widget in widgets.items()
        }
        for edit in (self.alt_edit, self.credit_edit, self.copyright_edit):
            edit.textEdited.connect(self.edited)
        self.caption_edit.textChanged.connect(lambda: self._typed("caption"))
        self.caption_edit.textChanged.connect(self._update_alt_feedback)
        self.alt_edit.textChanged.connect(self._update_alt_feedback)

        notice_column = QVBoxLayout()
        notice_column.setContentsMargins(0, 0, 0, 0)
        notice_column.addWidget(self.disclaimer_edit)
        notice_column.addWidget(self.presets_button, 0, Qt.AlignmentFlag.AlignLeft)
        alt_column = QVBoxLayout()
        alt_column.setContentsMargins(0, 0, 0, 0)
        alt_column.addWidget(self.alt_edit)
        alt_column.addWidget(self.alt_counter)
        alt_column.addWidget(self.alt_hint)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Role:"), self.role_combo)
        form.addRow(self.tr("Caption:"), self.caption_edit)
        form.addRow(self.tr("Alt text:"), alt_column)
        form.addRow(self.tr("Credit:"), self.credit_edit)
        form.addRow(self.tr("Copyright:"), self.copyright_edit)
        form.addRow("", self.symbolic_check)
        form.addRow(self.tr("Notice:"), notice_column)

    # -- showing -----------------------------------------------------------------------------------

    def image(self) -> Image | None:
        return self._stack.article.find_image(self._image_id) if self._image_id else None

    def set_image_id(self, image_id: str | None) -> None:
        """Edit another photo (unfinished edits must have been committed before)."""
        self._image_id = image_id
        self.show_image(force=True)

    def show_image(self, *, force: bool = False) -> None:
        """Show the photo's values; `force` also replaces unfinished edits."""
        image = self.image()
        for name, field in self._fields.items():
            value = getattr(image, name) if image else ""
            field.show(value, keep_unfinished=not (force or image is None))
        self.symbolic_check.setChecked(bool(image and image.symbolic))
        role = image.role if image else "lead"
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(role)))
        self._update_enabled()
        self._update_alt_feedback()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for field in self._fields.values():
            field.widget.setReadOnly(read_only)
        self._update_enabled()

    def _update_enabled(self) -> None:
        editable = not self._read_only and self.image() is not None
        for widget in (self.role_combo, self.symbolic_check, self.presets_button):
            widget.setEnabled(editable)

    def drop_targets(self) -> list[QWidget]:
        """The widgets that take drops themselves (text fields; the caption's viewport)."""
        return [
            field.widget.viewport() if isinstance(field.widget, QPlainTextEdit) else field.widget
            for field in self._fields.values()
        ]

    def widget_for(self, name: str) -> QWidget | None:
        """The widget that edits `name` (a field, "symbolic" or "role"), or None."""
        if name in self._fields:
            return self._fields[name].widget
        return {"symbolic": self.symbolic_check, "role": self.role_combo}.get(name)

    # -- committing --------------------------------------------------------------------------------

    def has_pending(self) -> bool:
        """Whether a field holds text not yet in the article (commit() would push it)."""
        image = self.image()
        return image is not None and any(
            field.text() != getattr(image, name) for name, field in self._fields.items()
        )

    def commit(self) -> None:
        """Push every unfinished field edit, one command per field."""
        for name in TEXT_FIELDS:
            self.commit_field(name)

    def commit_field(self, name: str) -> None:
        """One SetImageFields for the field `name` if its text differs from the photo's."""
        field = self._fields[name]
        image = self.image()
        if image is None or self._read_only or field.text() == getattr(image, name):
            return
        labels = {
            "caption": self.tr("Edit caption"),
            "alt": self.tr("Edit alt text"),
            "credit": self.tr("Edit credit"),
            "copyright": self.tr("Edit copyright"),
            "disclaimer": self.tr("Edit symbol-image notice"),
        }
        self._push(SetImageFields(image.id, **{name: field.text()}), labels[name])

    def _push(self, command: EditCommand, label: str) -> bool:
        return push_edit(self._stack, command, label, self)

    def _editable_image(self) -> Image | None:
        """The photo after unfinished edits are in, so a command sees them; None if read-only."""
        if self._read_only:
            return None
        self.commit()
        return self.image()

    # -- switch, notices, role ---------------------------------------------------------------------

    def set_role(self, role: str) -> None:
        image = self._editable_image()
        if image is not None and role != image.role:
            self._push(SetImageFields(image.id, role=role), self.tr("Change photo role"))
        self.show_image()

    def set_symbolic(self, symbolic: bool) -> None:
        """The switch: on fills the default notice into an empty one; off clears an unedited one."""
        image = self._editable_image()
        if image is None or symbolic == image.symbolic:
            self.show_image()
            return
        values: dict[str, Any] = {"symbolic": bool(symbolic)}
        notice = image.disclaimer.strip()
        if symbolic and not notice:
            values["disclaimer"] = symbol_image_presets(self._stack.article.language)[0]
        elif not symbolic and notice in all_presets():
            values["disclaimer"] = ""
        label = self.tr("Mark as symbol image") if symbolic else self.tr("Unmark symbol image")
        self._push(SetImageFields(image.id, **values), label)

    def use_notice(self, notice: str) -> None:
        """A preset from the Notices menu: becomes the notice, and the photo a symbol image."""
        image = self._editable_image()
        if image is not None:
            command = SetImageFields(image.id, symbolic=True, disclaimer=notice)
            self._push(command, self.tr("Use symbol-image notice"))

    def _fill_presets_menu(self) -> None:
        self.presets_menu.clear()
        for notice in symbol_image_presets(self._stack.article.language):
            shown = notice if len(notice) <= 70 else notice[:69] + "…"
            action = self.presets_menu.addAction(shown)
            action.setToolTip(notice)
            action.triggered.connect(lambda _checked=False, notice=notice: self.use_notice(notice))

    # -- typing feedback ---------------------------------------------------------------------------

    def _typed(self, name: str) -> None:
        if self._fields[name].is_unfinished():
            self.edited.emit()

    def _update_alt_feedback(self) -> None:
        alt = self.alt_edit.text()
        self.alt_counter.setText(self.tr("%n character(s)", None, len(alt.strip())))
        hints = {
            "missing": self.tr("Describe what the photo shows, for readers who cannot see it."),
            "repeats_caption": self.tr(
                "The alt text repeats the caption. Describe what the photo shows instead."
            ),
            "too_long": self.tr(
                "The alt text is longer than %1 characters. Keep to what the photo shows."
            ).replace("%1", str(ALT_MAX_CHARS)),
            "starts_with_image_of": self.tr(
                "Leave out “Photo of …”: screen readers already say that it is an image."
            ),
        }
        problem = alt_text_problem(alt, self.caption_edit.toPlainText())
        self.alt_hint.setText(hints.get(problem, "") if problem else "")
        self.alt_hint.setVisible(problem is not None)
