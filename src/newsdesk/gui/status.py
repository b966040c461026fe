"""The status bar's counts: section and article length, reading time, and an optional length target.

Newsrooms commission pieces by length ("80 lines", "4,000 characters"), so the journalist can set a
target in words or characters and watch a progress bar fill. The target belongs to the article but
not to its content, so it is kept in the user's settings per file path, not in the project file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QStatusBar,
    QWidget,
)

from newsdesk.gui.settings import Settings

if TYPE_CHECKING:  # counted after the window's first paint, with the module
    from newsdesk.model.counts import Counts

translate = QCoreApplication.translate

TARGET_UNITS = ("words", "characters")
OVER_TARGET_STYLE = (
    "QProgressBar { border: 1px solid #9b1c1c; border-radius: 3px; text-align: center;"
    " color: #ffffff; background: #b42318; }"
    " QProgressBar::chunk { background: #b42318; }"
)
MAX_TARGET = 1_000_000


class LengthTarget(NamedTuple):
    """The length the journalist aims for in one file: so many words or characters."""

    unit: str  # "words" or "characters"
    value: int

    def reached(self, counts: Counts) -> int:
        return counts.words if self.unit == "words" else counts.characters


def load_target(settings: Settings, path: str) -> LengthTarget | None:
    """The target stored for this file, or None."""
    unit, _, value = settings.length_target(path).partition(":")
    if unit in TARGET_UNITS and value.isdigit() and 0 < int(value) <= MAX_TARGET:
        return LengthTarget(unit, int(value))
    return None


def store_target(settings: Settings, path: str, target: LengthTarget | None) -> None:
    settings.set_length_target(path, f"{target.unit}:{target.value}" if target else "")


class CountsStatus(QObject):
    """Labels and a progress bar in the window's status bar."""

    def __init__(self, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.section_label = QLabel(status_bar)
        self.article_label = QLabel(status_bar)
        self.reading_label = QLabel(status_bar)
        self.progress = QProgressBar(status_bar)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        for widget in (self.section_label, self.article_label, self.reading_label, self.progress):
            status_bar.addPermanentWidget(widget)
        self._target: LengthTarget | None = None
        self._article: Counts | None = None  # until the first counts come

    @property
    def target(self) -> LengthTarget | None:
        return self._target

    def set_target(self, target: LengthTarget | None) -> None:
        self._target = target
        self._show_progress()

    def show_counts(self, section: Counts | None, article: Counts) -> None:
        locale = QLocale()
        if section is None:
            self.section_label.clear()
        else:
            self.section_label.setText(
                translate("CountsStatus", "Section: %1 words, %2 characters")
                .replace("%1", locale.toString(section.words))
                .replace("%2", locale.toString(section.characters))
            )
        self.article_label.setText(
            translate("CountsStatus", "Article: %1 words, %2 characters")
            .replace("%1", locale.toString(article.words))
            .replace("%2", locale.toString(article.characters))
        )
        from newsdesk.model.counts import reading_minutes

        minutes = reading_minutes(article.words)
        self.reading_label.setText(translate("CountsStatus", "%n min read", None, minutes))
        self._article = article
        self._show_progress()

    @property
    def over_target(self) -> bool:
        return bool(self.progress.property("overTarget"))

    def _mark_over_target(self, over: bool) -> None:
        if self.over_target == over:
            return
        self.progress.setProperty("overTarget", over)
        self.progress.setStyleSheet(OVER_TARGET_STYLE if over else "")

    def _show_progress(self) -> None:
        target = self._target
        if target is None or self._article is None:
            self.progress.hide()
            return
        reached = target.reached(self._article)
        locale = QLocale()
        self.progress.setRange(0, target.value)
        self.progress.setValue(min(reached, target.value))
        template = (
            translate("CountsStatus", "%1 / %2 words")
            if target.unit == "words"
            else translate("CountsStatus", "%1 / %2 characters")
        )
        text = template.replace("%1", locale.toString(reached)).replace(
            "%2", locale.toString(target.value)
        )
        over = reached - target.value
        if over > 0:
            # Over target must be seen at a glance, not only read: the bar turns red.
            text += " " + translate("CountsStatus", "(%1 over)").replace(
                "%1", locale.toString(over)
            )
        self._mark_over_target(over > 0)
        self.progress.setFormat(text)
        self.progress.setToolTip(
            translate("CountsStatus", "Length target: %1 %").replace(
                "%1", str(round(100 * reached / target.value))
            )
        )
        self.progress.show()


class LengthTargetDialog(QDialog):
    """Set or clear the length target: a number and a unit (none, words, characters)."""

    def __init__(self, target: LengthTarget | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CountsStatus", "Length target"))
        self.unit = QComboBox(self)
        self.unit.addItem(translate("CountsStatus", "No target"), "")
        self.unit.addItem(translate("CountsStatus", "Words"), "words")
        self.unit.addItem(translate("CountsStatus", "Characters"), "characters")
        self.value = QSpinBox(self)
        self.value.setRange(1, MAX_TARGET)
        self.value.setGroupSeparatorShown(True)
        self.value.setValue(target.value if target else 4000)
        self.unit.setCurrentIndex(max(0, self.unit.findData(target.unit if target else "")))
        self.unit.currentIndexChanged.connect(self._update_enabled)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(translate("CountsStatus", "Count"), self.unit)
        layout.addRow(translate("CountsStatus", "Length"), self.value)
        layout.addRow(buttons)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.value.setEnabled(bool(self.unit.currentData()))

    def chosen_target(self) -> LengthTarget | None:
        unit = self.unit.currentData()
        return LengthTarget(unit, self.value.value()) if unit else None
