"""The rich-text section editor: a QTextEdit that only ever holds what our Markdown can say.

`SectionEditor` shows one section's QTextDocument (the window keeps one per section and swaps
them with `set_document`; `new_section_document` makes one). Its actions (attributes, for the
toolbar from `format_toolbar` and the window's Format menu) format text the way markdown_bridge
reads it; editor_blocks does the paragraph-level work. Pasted or dropped HTML from a web page or a
word processor is read as File > Import reads it (`formats.html_paste`: headings become
subheadings; lists, quotes, links, emphasis and tables stay) and loaded through the bridge, so
fonts, colours, images and scripts never enter the document.

Undo: with `set_undo_stack(stack)` the editor sends Ctrl+Z / Ctrl+Shift+Z and its context menu's
Undo/Redo to that stack (the window's one history), never to QTextEdit's own undo. Each action is
one edit block, so one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QUndoStack,
)
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from newsdesk.errors import NewsdeskError
from newsdesk.formats.markdown_blocks import LINE_BREAK
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.editor import blocks as editor_blocks
from newsdesk.gui.editor.article_paste import offer_article_paste
from newsdesk.gui.editor.construct_actions import ConstructActions
from newsdesk.gui.editor.markdown_bridge import (
    apply_spacing,
    document_to_markdown,
    heading_char_format,
    is_numbered,
    markdown_to_document,
    no_link_char_format,
    quote_level,
)
from newsdesk.gui.editor.notes import OBJECT_CHARACTER, copy_text, without_object
from newsdesk.gui.editor.page_look import PageTextEdit
from newsdesk.gui.editor.tables import move_to_cell, tab_separated_table
from newsdesk.gui.editor.typography import (
    ends_a_word,
    keep_together_before_cursor,
    typographic_quote,
)

MARKDOWN_MIME_TYPE = "text/x-newsdesk-markdown"


def new_section_document(markdown: str = "", parent=None) -> QTextDocument:
    """A document for one section, with the editor's font and spacing, holding `markdown`."""
    document = QTextDocument(parent)
    font = QGuiApplication.font()
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    document.setDefaultFont(font)
    document.setDocumentMargin(12)
    document.setIndentWidth(24)
    markdown_to_document(markdown, document)
    return document


class SpanHooks(Protocol):
    """What answers some keys before the editor (the whole-article view's selection)."""

    def handle_key(self, event: QKeyEvent) -> bool: ...

    def copy(self) -> bool: ...

    def cut(self) -> bool: ...


def _moved(cursor: QTextCursor, forward: bool) -> QTextCursor:
    move_to_cell(cursor, forward)
    return cursor


class SectionEditor(PageTextEdit):
    """Rich-text editor for one section body at a time (the page's look: PageTextEdit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        # The whole-article view's selection across sections answers these keys first
        # (editor/view_modes.py: handle_key, copy, cut); None in a plain editor.
        self.span_hooks: SpanHooks | None = None
        self._undo_stack: QUndoStack | None = None
        self._typographic_quotes = False
        self._language = "en"
        # Adds entries to the context menu for the point clicked (viewport coordinates).
        self.context_menu_extender: Callable[[QMenu, QPoint], None] | None = None
        self._create_actions()
        # Subscript, superscript, tables, editor's notes and source notes (issue 14).
        self.construct_actions = ConstructActions(self)
        self._format_actions[3:3] = self.construct_actions.format_actions()
        self._shortcuts |= {a.shortcut() for a in self.actions() if not a.shortcut().isEmpty()}
        self.cursorPositionChanged.connect(self._update_actions)
        self.currentCharFormatChanged.connect(self._update_actions)
        self.set_document(new_section_document("", self))

    # -- content -----------------------------------------------------------------------------------

    def set_document(self, document: QTextDocument) -> None:
        """Show another section's document (the editor does not take ownership of it)."""
        self.setDocument(document)
        self._update_actions()

    def set_markdown(self, markdown: str) -> None:
        """Replace the text (not an undoable edit: the document's own history starts over)."""
        markdown_to_document(markdown, self.document())
        self._update_actions()

    def markdown(self) -> str:
        return document_to_markdown(self.document())

    def set_undo_stack(self, stack: QUndoStack | None) -> None:
        """Send undo and redo to `stack` instead of the document's own history."""
        self._undo_stack = stack

    # -- typographic quotes ------------------------------------------------------------------------

    @property
    def typographic_quotes(self) -> bool:
        """Whether typed straight quotes become the language's typographic ones."""
        return self._typographic_quotes

    @typographic_quotes.setter
    def typographic_quotes(self, enabled: bool) -> None:
        self._typographic_quotes = bool(enabled)

    @property
    def language(self) -> str:
        """The article's language (BCP 47, e.g. "de", "en-GB"); it decides which quotes."""
        return self._language

    @language.setter
    def language(self, language: str) -> None:
        self._language = language or "en"

    # -- actions -----------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: str = "",
        checkable: bool = False,
    ) -> QAction:
        action = QAction(QIcon.fromTheme(icon), text, self)
        action.setCheckable(checkable)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '')} ({shown})")
        # Only while the editor has focus: Ctrl+B in the section tree must not bold the text.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _separator(self) -> QAction:
        separator = QAction(self)
        separator.setSeparator(True)
        return separator

    def _create_actions(self) -> None:
        # Every key here is reachable on a German keyboard without AltGr, and no Ctrl+Alt
        # combination is one that Windows reads as AltGr (Ctrl+Alt+0 types "}" there): see
        # newsdesk.gui.shortcuts. Word's keys where it has them (Ctrl+M indents, Ctrl+Space
        # clears), LibreOffice's for the paragraph kinds (Ctrl+0 body text, Ctrl+3 / Ctrl+4).
        self.bold_action = self._action(
            self.tr("&Bold"),
            self._toggle_bold,
            QKeySequence.StandardKey.Bold,
            "format-text-bold",
            True,
        )
        self.italic_action = self._action(
            self.tr("&Italic"),
            self._toggle_italic,
            QKeySequence.StandardKey.Italic,
            "format-text-italic",
            True,
        )
        self.strikethrough_action = self._action(
            self.tr("&Strikethrough"),
            self._toggle_strikethrough,
            "Ctrl+Shift+X",
            "format-text-strikethrough",
            True,
        )
        self.paragraph_action = self._action(
            self.tr("Body &Text"), lambda: self._set_block_kind(0), "Ctrl+0", checkable=True
        )
        self.heading3_action = self._action(
            self.tr("&Subheading"), lambda: self._set_block_kind(3), "Ctrl+3", checkable=True
        )
        self.heading4_action = self._action(
            self.tr("S&maller Subheading"),
            lambda: self._set_block_kind(4),
            "Ctrl+4",
            checkable=True,
        )
        self.paragraph_action.setIconText(self.tr("¶"))
        self.heading3_action.setIconText(self.tr("H3"))
        self.heading4_action.setIconText(self.tr("H4"))
        self.block_kind_group = QActionGroup(self)
        for action in (self.paragraph_action, self.heading3_action, self.heading4_action):
            self.block_kind_group.addAction(action)
        self.bullet_list_action = self._action(
            self.tr("B&ullet List"),
            lambda: self._edit_blocks(editor_blocks.toggle_list, False),
            "Ctrl+Shift+8",
            "format-list-unordered",
            True,
        )
        self.numbered_list_action = self._action(
            self.tr("&Numbered List"),
            lambda: self._edit_blocks(editor_blocks.toggle_list, True),
            "Ctrl+Shift+7",
            "format-list-ordered",
            True,
        )
        self.indent_action = self._action(
            self.tr("&Indent List Item"),
            lambda: self._edit_blocks(editor_blocks.indent),
            "Ctrl+M",
            "format-indent-more",
        )
        self.outdent_action = self._action(
            self.tr("&Outdent List Item"),
            lambda: self._edit_blocks(editor_blocks.outdent),
            "Ctrl+Shift+M",
            "format-indent-less",
        )
        self.quote_action = self._action(
            self.tr("Block &Quote"),
            lambda: self._edit_blocks(editor_blocks.toggle_quote),
            "Ctrl+Shift+Q",
            "format-text-blockquote",
            True,
        )
        self.link_action = self._action(self.tr("&Link…"), self.edit_link, "Ctrl+K", "insert-link")
        self.clear_formatting_action = self._action(
            self.tr("&Clear Formatting"), self.clear_formatting, "Ctrl+Space", "edit-clear"
        )
        self._shortcuts = {a.shortcut() for a in self.actions() if not a.shortcut().isEmpty()}
        self._format_actions = [
            self.bold_action,
            self.italic_action,
            self.strikethrough_action,
            self._separator(),
            self.paragraph_action,
            self.heading3_action,
            self.heading4_action,
            self._separator(),
            self.bullet_list_action,
            self.numbered_list_action,
            self.indent_action,
            self.outdent_action,
            self.quote_action,
            self._separator(),
            self.link_action,
            self.clear_formatting_action,
        ]

    def format_actions(self) -> list[QAction]:
        """The actions in menu order, with separators, for the window's Format menu."""
        return list(self._format_actions)

    def format_toolbar(self, parent: QWidget | None = None) -> QToolBar:
        """A toolbar with the formatting actions."""
        toolbar = QToolBar(self.tr("Format"), parent)
        toolbar.setObjectName("formatToolbar")
        for action in self.format_actions():
            toolbar.addAction(action)
        return toolbar

    def _update_actions(self) -> None:
        cursor = self.textCursor()
        char_format = self.currentCharFormat()
        block_format = cursor.blockFormat()
        text_list = cursor.block().textList()
        heading = block_format.headingLevel() if text_list is None else 0
        self.bold_action.setEnabled(not heading)
        self.bold_action.setChecked(
            not heading and char_format.fontWeight() >= QFont.Weight.DemiBold
        )
        self.italic_action.setChecked(char_format.fontItalic())
        self.strikethrough_action.setChecked(char_format.fontStrikeOut())
        self.paragraph_action.setChecked(not heading and text_list is None)
        self.heading3_action.setChecked(heading == 3)
        self.heading4_action.setChecked(heading in (4, 5, 6))
        if text_list is not None and heading == 0 and self.paragraph_action.isChecked():
            self.paragraph_action.setChecked(False)
        numbered = text_list is not None and is_numbered(text_list)
        self.bullet_list_action.setChecked(text_list is not None and not numbered)
        self.numbered_list_action.setChecked(numbered)
        self.indent_action.setEnabled(editor_blocks.can_indent(cursor))
        self.outdent_action.setEnabled(text_list is not None)
        self.quote_action.setChecked(quote_level(block_format) > 0)

    # -- formatting --------------------------------------------------------------------------------

    def _merge(self, char_format: QTextCharFormat) -> None:
        """Format the selection, or what is typed next when nothing is selected."""
        self.mergeCurrentCharFormat(char_format)
        self._update_actions()

    def _toggle_bold(self, checked: bool) -> None:
        char_format = QTextCharFormat()
        char_format.setFontWeight(QFont.Weight.Bold if checked else QFont.Weight.Normal)
        self._merge(char_format)

    def _toggle_italic(self, checked: bool) -> None:
        char_format = QTextCharFormat()
        char_format.setFontItalic(checked)
        self._merge(char_format)

    def _toggle_strikethrough(self, checked: bool) -> None:
        char_format = QTextCharFormat()
        char_format.setFontStrikeOut(checked)
        self._merge(char_format)

    def clear_formatting(self) -> None:
        """Remove bold, italic, strikethrough and links from the selection (or the next typing)."""
        cursor = self.textCursor()
        char_format = no_link_char_format()
        char_format.setFontItalic(False)
        char_format.setFontStrikeOut(False)
        if not cursor.blockFormat().headingLevel():
            char_format.setFontWeight(QFont.Weight.Normal)
        self._merge(char_format)

    def _edit_blocks(self, edit: Callable[..., object], *args: object) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        try:
            edit(cursor, *args)
            # Enter, a list ended or a quote begun: the spacing is right at once, in this step.
            apply_spacing(self.document())
        finally:
            cursor.endEditBlock()
        self._update_actions()

    def _set_block_kind(self, heading_level: int) -> None:
        self._edit_blocks(editor_blocks.set_block_kind, heading_level)

    def edit_link(self) -> None:
        """Ctrl+K: link the selection, or change or remove the link at the cursor."""
        cursor = self.textCursor()
        link = None if cursor.hasSelection() else editor_blocks.link_at(cursor)
        if link is not None:
            cursor = link
        href = cursor.charFormat().anchorHref() if cursor.hasSelection() else ""
        if cursor.hasSelection() and not href:
            # A selection that starts with a link is treated as that link.
            probe = QTextCursor(cursor)
            probe.setPosition(cursor.selectionStart() + 1)
            href = probe.charFormat().anchorHref()
        from newsdesk.gui.editor.link_dialog import LinkDialog

        choice = LinkDialog.ask(self, editor_blocks.selected_text(cursor), href, bool(href))
        if choice is None:
            return
        cursor.beginEditBlock()
        if choice.remove:
            editor_blocks.remove_link(cursor)
        else:
            editor_blocks.apply_link(cursor, choice.text, choice.url)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self._update_actions()

    # -- keys --------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # QTextEdit claims some keys for itself (Ctrl+K deletes to the end of the line on some
        # platforms); our actions' shortcuts win.
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.ShortcutOverride
            and QKeySequence(event.keyCombination()) in self._shortcuts
        ):
            event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.span_hooks is not None and self.span_hooks.handle_key(event):
            return
        if self._undo_stack is not None and event.matches(QKeySequence.StandardKey.Undo):
            self._undo_stack.undo()
            return
        if self._undo_stack is not None and event.matches(QKeySequence.StandardKey.Redo):
            self._undo_stack.redo()
            return
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        in_list = self.textCursor().block().textList() is not None
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self.textCursor().currentTable():
            forward = event.key() == Qt.Key.Key_Tab and not modifiers
            self._edit_blocks(lambda cursor: self.setTextCursor(_moved(cursor, forward)))
            return
        if in_list and event.key() == Qt.Key.Key_Tab and not modifiers:
            self._edit_blocks(editor_blocks.indent)
            return
        if event.key() == Qt.Key.Key_Backtab and in_list:
            self._edit_blocks(editor_blocks.outdent)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            modifiers & Qt.KeyboardModifier.ShiftModifier
        ):
            # Shift+Enter: a hard line break (U+2028), a backslash at the line's end in Markdown.
            self.textCursor().insertText(LINE_BREAK)
            return
        text = event.text()
        if (
            self._typographic_quotes
            and text in ('"', "'")
            and not (modifiers & ~Qt.KeyboardModifier.ShiftModifier)
        ):
            quote = typographic_quote(text, self._text_before_cursor(), self._language)
            if quote is not None:
                self.insertPlainText(quote)
                return
        if text and text.isprintable():
            self._stop_link_at_its_end()
            plain = without_object(self.currentCharFormat())
            if plain is not None:
                self.setCurrentCharFormat(plain)  # typing after a note is text, not the note
        if self._typographic_quotes and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            keep_together_before_cursor(self)  # the paragraph's last words, as the page has them
        if self._changes_paragraphs(event):
            self._edit_blocks(lambda _cursor: self._base_key_press(event))
            return
        super().keyPressEvent(event)
        if self._typographic_quotes and ends_a_word(text):
            keep_together_before_cursor(self)  # as the page's typography has them

    def _base_key_press(self, event: QKeyEvent) -> None:
        """The default handling, followed by keeping lists and headings in our shape."""
        super().keyPressEvent(event)
        cursor = self.textCursor()
        block = cursor.block()
        if not block.blockFormat().headingLevel() and not block.text():
            # A new paragraph after a subheading starts as body text, not in the heading's font.
            cursor.setBlockCharFormat(heading_char_format(0))
            self.setCurrentCharFormat(heading_char_format(0))
        editor_blocks.normalize_lists(self.document())

    def _changes_paragraphs(self, event: QKeyEvent) -> bool:
        """Whether the key can join or split paragraphs (then lists may need putting right)."""
        cursor = self.textCursor()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return True
        spans_blocks = cursor.hasSelection() and (
            self.document().findBlock(cursor.selectionStart()).blockNumber()
            != self.document().findBlock(cursor.selectionEnd()).blockNumber()
        )
        if event.key() == Qt.Key.Key_Backspace:
            return spans_blocks or (not cursor.hasSelection() and cursor.atBlockStart())
        if event.key() == Qt.Key.Key_Delete:
            return spans_blocks or (not cursor.hasSelection() and cursor.atBlockEnd())
        return spans_blocks and bool(event.text())

    def _text_before_cursor(self) -> str:
        cursor = self.textCursor()
        block = self.document().findBlock(cursor.selectionStart())
        return block.text()[: cursor.selectionStart() - block.position()]

    def _stop_link_at_its_end(self) -> None:
        """Typing right after a link continues the text, not the link."""
        cursor = self.textCursor()
        char_format = self.currentCharFormat()
        if cursor.hasSelection() or not char_format.anchorHref():
            return
        after = QTextCursor(cursor)
        if not after.atBlockEnd():
            after.movePosition(QTextCursor.MoveOperation.NextCharacter)
            if after.charFormat().anchorHref() == char_format.anchorHref():
                return  # inside the link: typing there extends its text
        char_format.merge(no_link_char_format())
        self.setCurrentCharFormat(char_format)

    # -- undo in the context menu ------------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self._undo_stack is not None:
            for action in menu.actions():
                name = action.objectName()
                if name in ("edit-undo", "edit-redo"):
                    replacement = (
                        self._undo_stack.createUndoAction(menu, self.tr("&Undo"))
                        if name == "edit-undo"
                        else self._undo_stack.createRedoAction(menu, self.tr("&Redo"))
                    )
                    replacement.setShortcut(action.shortcut())
                    menu.insertAction(action, replacement)
                    menu.removeAction(action)
        if self.context_menu_extender is not None:
            self.context_menu_extender(menu, event.pos())  # spelling's entries (gui/spelling)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- paste and drop ----------------------------------------------------------------------------

    def copy(self) -> None:
        if self.span_hooks is None or not self.span_hooks.copy():
            super().copy()

    def cut(self) -> None:
        if self.span_hooks is None or not self.span_hooks.cut():
            super().cut()

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copied text carries our Markdown too, so pasting it elsewhere in the article is exact."""
        mime = super().createMimeDataFromSelection()
        scratch = QTextDocument()
        QTextCursor(scratch).insertFragment(self.textCursor().selection())
        markdown = document_to_markdown(scratch)
        mime.setData(MARKDOWN_MIME_TYPE, markdown.encode("utf-8"))  # within Newsdesk: notes too
        if OBJECT_CHARACTER in scratch.toPlainText():
            # What other programs read: no private note, references as [1] (Qt would write
            # object characters, and Qt's own Markdown would too). Qt's mime data makes its
            # formats when read, over anything set on it: a plain copy takes them instead.
            lazy, mime = mime, QMimeData()
            for kind in lazy.formats():
                mime.setData(kind, lazy.data(kind))
            mime.setData(MARKDOWN_MIME_TYPE, markdown.encode("utf-8"))
            mime.setText(copy_text(scratch))
            from newsdesk.model.markdown_notes import without_private_notes  # not at the start

            mime.setData("text/markdown", without_private_notes(markdown).encode("utf-8"))
        return mime

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasFormat(MARKDOWN_MIME_TYPE) or source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste or drop only what the article supports: no fonts, colours, images or scripts."""
        if (
            isinstance(self._undo_stack, ArticleState)
            and not source.hasFormat(MARKDOWN_MIME_TYPE)
            and offer_article_paste(self, self._undo_stack, source)
        ):
            return  # a whole article pasted into an empty one, split as an import would split it
        spaces = (False, False)
        if source.hasFormat(MARKDOWN_MIME_TYPE):
            markdown = bytes(source.data(MARKDOWN_MIME_TYPE).data()).decode("utf-8", "replace")
        elif source.hasHtml():
            # Word, LibreOffice, Google Docs, web pages: read as File > Import reads them.
            from newsdesk.formats.html_paste import markdown_from_clipboard_html

            try:
                markdown, *edges = markdown_from_clipboard_html(source.html())
            except NewsdeskError:  # nested past the import's bounds: its plain text, as typed
                text = source.text()
                self._edit_blocks(lambda cursor: cursor.insertText(text))
                return
            spaces = (edges[0], edges[1])
        elif source.hasText() and (grid := tab_separated_table(source.text())) is not None:
            from newsdesk.formats.markdown_writer import blocks_to_markdown

            markdown = blocks_to_markdown([grid])  # a spreadsheet's cells: a table
        elif source.hasText():
            # Plain text is text: Markdown-looking characters stay what they are.
            self._edit_blocks(lambda cursor: cursor.insertText(source.text()))
            return
        else:
            return
        pasted = QTextDocument()
        markdown_to_document(markdown, pasted)
        self._edit_blocks(self._insert_document, pasted, spaces)
        self.ensureCursorVisible()

    def _insert_document(
        self, cursor: QTextCursor, pasted: QTextDocument, spaces: tuple[bool, bool]
    ) -> None:
        if pasted.isEmpty():
            cursor.removeSelectedText()
            return
        heading = cursor.blockFormat().headingLevel()
        start = cursor.selectionStart()
        one_paragraph = pasted.blockCount() == 1
        if one_paragraph and spaces[0]:
            cursor.insertText(" ")
        cursor.insertFragment(QTextDocumentFragment(pasted))
        if one_paragraph and spaces[1]:
            cursor.insertText(" ", heading_char_format(heading))
        if heading and one_paragraph:
            # Text pasted into a subheading takes the subheading's font.
            inserted = QTextCursor(cursor)
            inserted.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
            inserted.mergeCharFormat(heading_char_format(heading))
        editor_blocks.normalize_lists(self.document())
        self.setTextCursor(cursor)
