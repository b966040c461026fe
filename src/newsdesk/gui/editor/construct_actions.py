"""The editor's actions for issue 14's constructs: subscript and superscript, tables, private
editor's notes and source notes. Each edit is one step of the editor's (the article's) undo
history; the window puts the actions in its Format, Insert and Table menus.

Shortcuts are LibreOffice's (Ctrl+Shift+B subscript, Ctrl+Shift+P superscript), which a German
keyboard reaches; Word's Ctrl+= needs Shift there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import (
    QAction,
    QHelpEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QSpinBox,
    QToolTip,
    QWidget,
)

from newsdesk.formats.markdown_blocks import LINE_BREAK, SOURCE_NOTE, Block
from newsdesk.gui.editor import notes, tables
from newsdesk.gui.editor.markdown_bridge import (
    BOTH_SCRIPTS,
    SOURCE_LABEL,
    SOURCES_TITLE,
    block_format_for,
    sources_title_format,
)

if TYPE_CHECKING:
    from newsdesk.gui.editor.section_editor import SectionEditor

_ALIGNMENT = QTextCharFormat.VerticalAlignment


class TableDialog(QDialog):
    """Insert > Table…: rows, columns and whether the first row holds column titles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert Table"))
        self.rows = QSpinBox(self)
        self.rows.setRange(1, 500)
        self.rows.setValue(3)
        self.columns = QSpinBox(self)
        self.columns.setRange(1, 30)
        self.columns.setValue(2)
        self.header = QCheckBox(self.tr("First row holds column &titles"), self)
        self.header.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("&Rows:"), self.rows)
        layout.addRow(self.tr("&Columns:"), self.columns)
        layout.addRow(self.header)
        layout.addRow(buttons)


def next_source_label(document: QTextDocument) -> str:
    """One more than the highest source-note number in the document."""
    highest = 0
    block = document.begin()
    while block.isValid():
        if block.blockFormat().hasProperty(SOURCE_LABEL):
            label = str(block.blockFormat().property(SOURCE_LABEL) or "")
            highest = max(highest, int(label) if label.isdigit() else 0)
        fragments = block.begin()
        while not fragments.atEnd():
            label = notes.reference_label(fragments.fragment().charFormat()) or ""
            highest = max(highest, int(label) if label.isdigit() else 0)
            fragments += 1
        block = block.next()
    return str(highest + 1)


def add_source_note(cursor: QTextCursor, label: str) -> QTextCursor:
    """A reference to note `label` at the cursor, and the note's paragraph at the end of the
    section (under the Sources line, made when there is none); returns a cursor in that
    paragraph."""
    notes.insert_reference(cursor, label)
    document = cursor.document()
    end = QTextCursor(document)
    end.movePosition(QTextCursor.MoveOperation.End)
    has_title = False
    block = document.begin()
    while block.isValid():
        has_title = has_title or block.blockFormat().boolProperty(SOURCES_TITLE)
        block = block.next()
    if not has_title:
        title_block, title_char = sources_title_format()
        end.insertBlock(title_block, title_char)
        end.insertText(QCoreApplication.translate("SourceNotes", "Sources"), title_char)
    end.insertBlock(block_format_for(Block(SOURCE_NOTE, label=label)), QTextCharFormat())
    notes.insert_reference(end, label)
    end.insertText(" ", QTextCharFormat())
    return end


class ConstructActions(QObject):
    """The actions, owned by one SectionEditor (shortcuts work while it has focus)."""

    def __init__(self, editor: SectionEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.subscript = self._action(self.tr("Su&bscript"), "Ctrl+Shift+B", checkable=True)
        self.subscript.triggered.connect(lambda on: self._script(_ALIGNMENT.AlignSubScript, on))
        self.superscript = self._action(self.tr("Su&perscript"), "Ctrl+Shift+P", checkable=True)
        self.superscript.triggered.connect(lambda on: self._script(_ALIGNMENT.AlignSuperScript, on))
        self.subscript.setIconText("x₂")
        self.superscript.setIconText("x²")
        self.insert_table = self._action(self.tr("&Table…"), "Ctrl+Shift+T")
        self.insert_table.triggered.connect(self.ask_table)
        self.insert_note = self._action(self.tr("&Editor's Note…"), "Ctrl+Shift+E")
        self.insert_note.triggered.connect(self.ask_note)
        self.insert_source_note = self._action(self.tr("&Source Note"), "Ctrl+Shift+F")
        self.insert_source_note.triggered.connect(self.source_note)
        self.add_row = self._action(self.tr("Add &Row"))
        self.add_row.triggered.connect(lambda: self._table_edit(tables.add_row))
        self.remove_row = self._action(self.tr("Remove R&ow"))
        self.remove_row.triggered.connect(lambda: self._table_edit(tables.remove_row))
        self.add_column = self._action(self.tr("Add &Column"))
        self.add_column.triggered.connect(lambda: self._table_edit(tables.add_column))
        self.remove_column = self._action(self.tr("Remove Co&lumn"))
        self.remove_column.triggered.connect(lambda: self._table_edit(tables.remove_column))
        editor.viewport().installEventFilter(self)
        editor.cursorPositionChanged.connect(self.update)
        editor.currentCharFormatChanged.connect(self.update)

    def _action(self, text: str, shortcut: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self.editor)
        action.setCheckable(checkable)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.editor.addAction(action)
        return action

    def format_actions(self) -> list[QAction]:
        return [self.subscript, self.superscript]

    def insert_actions(self) -> list[QAction]:
        return [self.insert_table, self.insert_note, self.insert_source_note]

    def table_actions(self) -> list[QAction]:
        return [self.add_row, self.remove_row, self.add_column, self.remove_column]

    def update(self) -> None:
        alignment = self.editor.currentCharFormat().verticalAlignment()
        self.subscript.setChecked(alignment == _ALIGNMENT.AlignSubScript)
        self.superscript.setChecked(alignment == _ALIGNMENT.AlignSuperScript)
        in_table = self.editor.textCursor().currentTable() is not None
        for action in self.table_actions():
            action.setEnabled(in_table and not self.editor.isReadOnly())

    def _script(self, alignment: QTextCharFormat.VerticalAlignment, on: bool) -> None:
        char_format = QTextCharFormat()
        char_format.setVerticalAlignment(alignment if on else _ALIGNMENT.AlignNormal)
        char_format.setProperty(BOTH_SCRIPTS, False)
        self.editor.mergeCurrentCharFormat(char_format)
        self.update()

    def _table_edit(self, edit) -> None:
        self.editor._edit_blocks(edit)
        self.update()

    def ask_table(self) -> None:
        dialog = TableDialog(self.editor)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        tables.insert_new_table(
            cursor, dialog.rows.value(), dialog.columns.value(), dialog.header.isChecked()
        )
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        self.update()

    def ask_note(self) -> None:
        """A new note at the cursor, or the note beside the cursor edited (emptied: removed)."""
        existing = notes.note_at(self.editor.textCursor())
        old = notes.note_text(existing.charFormat()) if existing is not None else ""
        text, accepted = QInputDialog.getMultiLineText(
            self.editor,
            self.tr("Editor's Note"),
            self.tr("Note (kept in the project file, never exported or published):"),
            (old or "").replace(LINE_BREAK, "\n"),
        )
        text = text.strip().replace("\r\n", "\n").replace("\n", LINE_BREAK)
        if not accepted or (existing is None and not text) or text == old:
            return
        cursor = existing if existing is not None else self.editor.textCursor()
        cursor.beginEditBlock()
        if text:
            notes.insert_note(cursor, text)
        else:
            cursor.removeSelectedText()
        cursor.endEditBlock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A note's whole text as the tooltip of its (shortened) box."""
        if (
            event.type() == QEvent.Type.ToolTip
            and isinstance(event, QHelpEvent)
            and watched is self.editor.viewport()
        ):
            cursor = self.editor.cursorForPosition(event.pos())
            box = self.editor.cursorRect(cursor)
            note = notes.note_at(cursor)
            if note is not None and abs(box.center().y() - event.pos().y()) < box.height():
                text = (notes.note_text(note.charFormat()) or "").replace(LINE_BREAK, "\n")
                QToolTip.showText(event.globalPos(), text, self.editor.viewport())
                return True
        return False

    def source_note(self) -> None:
        label = next_source_label(self.editor.document())
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        end = add_source_note(cursor, label)
        cursor.endEditBlock()
        self.editor.setTextCursor(end)
