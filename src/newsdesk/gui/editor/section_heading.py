"""The section's heading above its text, editable there, as the page shows it above the section.

`SectionHeading` is one row: a mark for opinion sections (their label, "Meinung", "Kommentar")
and boxes, in the outline's colours, and the heading in a large bold field. What is typed there
becomes the section's heading when the journalist presses Enter or leaves the field: one
RenameSection command, so one undo step in the one history, and the outline follows from the
`article_changed` it brings. Esc puts back the heading as it was. Enter and the Down key go on
into the text (`finished`). The lead has no heading: the field says so, and a heading typed
there makes the lead a headed section, as renaming it in the outline does.

The single-section view shows one above the editor; the whole-article view one per section.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from newsdesk.errors import NewsdeskError
from newsdesk.formats.html_labels import labels_for
from newsdesk.gui.appearance import mark_colour
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.outline.deletion import is_lead
from newsdesk.model.commands import Changes, RenameSection

HEADING_SIZE_FACTOR = 1.35  # the page's h2 against its body text


class HeadingEdit(QLineEdit):
    """The heading field: Enter and Down go on into the text, Esc takes back the typing."""

    finished = Signal()
    cancelled = Signal()
    left = Signal()  # the focus went elsewhere: what was typed counts

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
            self.finished.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class SectionHeading(QWidget):
    """A section's kind mark and editable heading (see the module docstring)."""

    # Enter or Down in the heading: the view puts the cursor at the start of the section's text.
    finished = Signal(str)

    def __init__(self, state: ArticleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionHeading")
        self._state = state
        self._section_id: str | None = None
        self.mark = QLabel(self)
        self.mark.setObjectName("sectionKindMark")
        self.edit = HeadingEdit(self)
        self.edit.setObjectName("sectionHeadingEdit")
        self.edit.setFrame(False)
        self.edit.setAccessibleName(self.tr("Section heading"))
        font = QFont(self.edit.font())
        font.setPointSizeF(max(font.pointSizeF(), 11.0) * HEADING_SIZE_FACTOR)
        font.setBold(True)
        self.edit.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        layout.addWidget(self.mark)
        layout.addWidget(self.edit, 1)
        self.edit.finished.connect(self._finish)
        self.edit.cancelled.connect(self.refresh)
        self.edit.left.connect(self.commit)
        state.article_changed.connect(self._article_changed)
        self.refresh()

    @property
    def section_id(self) -> str | None:
        return self._section_id

    def set_section(self, section_id: str | None) -> None:
        """Show this section's heading (None: no section, the row is empty and disabled)."""
        if section_id != self._section_id:
            self.commit()
        self._section_id = section_id
        self.refresh()

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def set_side_margin(self, margin: int) -> None:
        """Line the heading up with the editor's centred text column (page_look)."""
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(12 + margin, 8, 12 + margin, 4)

    def refresh(self) -> None:
        """Show the heading and the kind as the article has them (a typed change is dropped)."""
        article = self._state.article
        section = article.find_section(self._section_id or "")
        self.edit.setEnabled(section is not None)
        if section is None:
            self.edit.clear()
            self.mark.hide()
            return
        if self.edit.text() != section.heading:
            self.edit.setText(section.heading)
            self.edit.setCursorPosition(len(section.heading))
        lead = is_lead(article, section.id)
        self.edit.setPlaceholderText(
            self.tr("Lead (no heading)") if lead else self.tr("Section heading")
        )
        if section.kind == "opinion":
            label = section.label.strip() or labels_for(article.language).opinion
            self._show_mark(label, mark_colour("opinion").name())
        elif section.kind == "box":
            self._show_mark(self.tr("Box"), mark_colour("box").name())
        else:
            self.mark.hide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh()  # light or dark: the mark's colour follows

    def _show_mark(self, text: str, colour: str) -> None:
        self.mark.setText(text.upper())
        self.mark.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.mark.show()

    def commit(self) -> bool:
        """Make the typed heading the section's (one undo step); False when nothing changed or
        the article refused it (the field then shows the heading as it is)."""
        section = self._state.article.find_section(self._section_id or "")
        if section is None or self.edit.isReadOnly():
            return False
        text = " ".join(self.edit.text().split())  # a heading is one line
        if text == section.heading:
            return False
        try:
            self._state.push_command(RenameSection(section.id, text), self.tr("Rename section"))
        except NewsdeskError:
            self.refresh()
            return False
        return True

    def _finish(self) -> None:
        self.commit()
        if self._section_id is not None:
            self.finished.emit(self._section_id)

    def _article_changed(self, changes: Changes) -> None:
        if changes.everything or changes.structure or self._section_id in changes.sections:
            if not self.edit.hasFocus() or not self.edit.isModified():
                self.refresh()
            self.edit.setModified(False)
