"""The desk's tracked changes, each to accept or reject, before File > Update from Word uses them.

Word's tracked changes are the desk's proposals; nothing of them reaches the article unasked. The
dialog lists each change (where it is, the deleted and the inserted text, who made it and when)
with an Accept and a Reject button; Accept All and Reject All decide every change at once. Update
stays disabled until every change is decided, and `decisions()` is what the update applies.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from newsdesk.formats.docx_update.tracked_changes import (
    PART_CAPTION,
    PART_HEADLINE,
    PART_SUBHEADLINE,
    TrackedChange,
)

translate = QCoreApplication.translate


def place_text(change: TrackedChange) -> str:
    """Where the change is, as the journalist knows the article's parts."""
    if change.part == PART_HEADLINE:
        return translate("UpdateFromWord", "Headline")
    if change.part == PART_SUBHEADLINE:
        return translate("UpdateFromWord", "Subheadline")
    if change.part == PART_CAPTION:
        if change.heading:
            caption = translate("UpdateFromWord", "Photo caption in “%1”")
            return caption.replace("%1", change.heading)
        return translate("UpdateFromWord", "Photo caption")
    if change.heading:
        return translate("UpdateFromWord", "Section “%1”").replace("%1", change.heading)
    return translate("UpdateFromWord", "Lead")


def change_lines(change: TrackedChange) -> list[str]:
    """What the change does, one line per text it removes or adds."""
    lines = []
    if change.kind == "move":
        lines.append(translate("UpdateFromWord", "Moved here: %1").replace("%1", change.inserted))
    elif change.kind == "moved_from":
        lines.append(translate("UpdateFromWord", "Moved away: %1").replace("%1", change.deleted))
    elif change.kind == "moved_to":
        lines.append(translate("UpdateFromWord", "Moved here: %1").replace("%1", change.inserted))
    else:
        if change.kind in ("deletion", "replacement"):
            lines.append(translate("UpdateFromWord", "Deleted: %1").replace("%1", change.deleted))
        if change.kind in ("insertion", "replacement"):
            lines.append(translate("UpdateFromWord", "Inserted: %1").replace("%1", change.inserted))
    return lines


def who_and_when(change: TrackedChange) -> str:
    author = change.author or translate("UpdateFromWord", "unknown author")
    moment = QDateTime.fromString(change.date, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return author
    shown = QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)
    return f"{author} · {shown}"


class TrackedChangesDialog(QDialog):
    """The list of changes with Accept / Reject each (see the module docstring)."""

    def __init__(self, changes: Sequence[TrackedChange], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("tracked_changes_dialog")
        self.setWindowTitle(translate("UpdateFromWord", "Tracked Changes"))
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "UpdateFromWord",
                "The Word file holds changes the desk proposed. Accept or reject each one; "
                "only what you accept reaches the article.",
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rows = QWidget(self)
        rows_layout = QVBoxLayout(rows)
        self._groups: dict[int, QButtonGroup] = {}
        for change in changes:
            rows_layout.addWidget(self._row(change, rows))
        rows_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(rows)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(self)
        accept_all = buttons.addButton(
            translate("UpdateFromWord", "Accept All"), QDialogButtonBox.ButtonRole.ActionRole
        )
        accept_all.setObjectName("accept_all_changes")
        accept_all.clicked.connect(lambda: self.decide_all(True))
        reject_all = buttons.addButton(
            translate("UpdateFromWord", "Reject All"), QDialogButtonBox.ButtonRole.ActionRole
        )
        reject_all.setObjectName("reject_all_changes")
        reject_all.clicked.connect(lambda: self.decide_all(False))
        self.update_button = buttons.addButton(
            translate("UpdateFromWord", "Update"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.update_button.setObjectName("update_from_word_apply")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("update_from_word_cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._refresh()

    def _row(self, change: TrackedChange, parent: QWidget) -> QFrame:
        row = QFrame(parent)
        row.setObjectName(f"tracked_change_{change.number}")
        row.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(row)
        text = QLabel(row)
        # The document's words are text, never markup.
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setText("\n".join([place_text(change), *change_lines(change), who_and_when(change)]))
        layout.addWidget(text, 1)
        group = QButtonGroup(row)
        group.setExclusive(True)
        for accepted, label, name in (
            (True, translate("UpdateFromWord", "Accept"), "accept"),
            (False, translate("UpdateFromWord", "Reject"), "reject"),
        ):
            button = QPushButton(label, row)
            button.setObjectName(f"{name}_change_{change.number}")
            button.setCheckable(True)
            group.addButton(button, 1 if accepted else 0)
            layout.addWidget(button)
        group.idClicked.connect(lambda _id: self._refresh())
        self._groups[change.number] = group
        return row

    def decide_all(self, accepted: bool) -> None:
        for group in self._groups.values():
            button = group.button(1 if accepted else 0)
            button.setChecked(True)
        self._refresh()

    def decisions(self) -> dict[int, bool]:
        """Change number -> accepted, for every decided change."""
        return {
            number: group.checkedId() == 1
            for number, group in self._groups.items()
            if group.checkedId() != -1
        }

    def _refresh(self) -> None:
        self.update_button.setEnabled(len(self.decisions()) == len(self._groups))
