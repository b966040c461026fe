"""The open article's state: the article, one text document per section, the one undo history and
the change signals every pane listens to.

`ArticleState` is the hub the window's parts share. It is a QUndoStack, because the history is
what makes the state trustworthy: structure edits and typing in the section editors are undone
in the order they happened. It holds two kinds of entries:
- model commands (`push_command`): an `EditCommand` from `newsdesk.model.commands`, applied to the
  article; after every do/undo/redo the stack emits `article_changed(changes)`;
- text edits: each section's QTextDocument keeps its own undo steps, and every step it adds
  (`undoCommandAdded`) is mirrored by a `TextEditCommand` here whose undo/redo call the document's
  undo/redo. So Ctrl+Z after typing in A, deleting B and typing in C undoes C, B, A in that order.

The stack owns one QTextDocument per section (`document(section_id)`, made on first use by the
document factory) because the history refers to documents:
- a deleted section keeps its document, so undoing the delete brings back the same document with
  its text and its own undo steps;
- a command that replaces a section's text (replace all, restoring a revision) gives the section
  a fresh document; undo puts the earlier document back (its undo steps intact) and redo the later
  one. `document_replaced(section_id)` tells the editor to show `document(section_id)` again. The
  editor never reloads text from `article_changed`.

Typing reaches the article through `to_markdown(document)`: changed documents are written into
their sections by `flush_text()`, which runs before every model command (so a command always sees
the current text) and which the window calls before saving. The owner passes `document_factory`
and `to_markdown` (the window: the editor's Markdown bridge with its fonts and images), so this
module knows nothing of Markdown.

The editor must send Ctrl+Z / Ctrl+Shift+Z (and its context menu's Undo/Redo) to this stack, not
to QTextEdit.undo(), or the document and the history fall out of step.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QTextDocument, QUndoCommand, QUndoStack

from newsdesk.gui.translatable import QT_TRANSLATE_NOOP
from newsdesk.model.article import Article
from newsdesk.model.commands import Changes, EditCommand

_TRACKED_PROPERTY = "newsdesk_section_id"

DocumentFactory = Callable[[str], QTextDocument]
MarkdownWriter = Callable[[QTextDocument], str]

LABEL_CONTEXT = "EditCommand"
# The model's English labels, listed so that lupdate collects them for translation.
COMMAND_LABELS = (
    QT_TRANSLATE_NOOP("EditCommand", "Add section"),
    QT_TRANSLATE_NOOP("EditCommand", "Delete section"),
    QT_TRANSLATE_NOOP("EditCommand", "Empty the lead"),
    QT_TRANSLATE_NOOP("EditCommand", "Move section"),
    QT_TRANSLATE_NOOP("EditCommand", "Rename section"),
    QT_TRANSLATE_NOOP("EditCommand", "Change section kind"),
    QT_TRANSLATE_NOOP("EditCommand", "Change opinion label"),
    QT_TRANSLATE_NOOP("EditCommand", "Replace section text"),
    QT_TRANSLATE_NOOP("EditCommand", "Edit article details"),
    QT_TRANSLATE_NOOP("EditCommand", "Restore revision"),
    QT_TRANSLATE_NOOP("EditCommand", "Replace all"),
    QT_TRANSLATE_NOOP("EditCommand", "Edit"),
    QT_TRANSLATE_NOOP("EditCommand", "Typing"),
    QT_TRANSLATE_NOOP("EditCommand", "Add photo"),
    QT_TRANSLATE_NOOP("EditCommand", "Remove photo"),
    QT_TRANSLATE_NOOP("EditCommand", "Move photo"),
    QT_TRANSLATE_NOOP("EditCommand", "Edit photo details"),
    QT_TRANSLATE_NOOP("EditCommand", "Rotate photo"),
    QT_TRANSLATE_NOOP("EditCommand", "Crop photo"),
    QT_TRANSLATE_NOOP("EditCommand", "Set focal point"),
    QT_TRANSLATE_NOOP("EditCommand", "Replace photo"),
    QT_TRANSLATE_NOOP("EditCommand", "Add related link"),
    QT_TRANSLATE_NOOP("EditCommand", "Edit related link"),
    QT_TRANSLATE_NOOP("EditCommand", "Edit related links heading"),
    QT_TRANSLATE_NOOP("EditCommand", "Move related link"),
    QT_TRANSLATE_NOOP("EditCommand", "Remove related link"),
)


def translated_label(label: str) -> str:
    """A model command's English label in the interface language."""
    return QCoreApplication.translate(LABEL_CONTEXT, label)


class ModelUndoCommand(QUndoCommand):
    """A model command in the history. It was applied by `push_command`, so the first redo only
    announces the change."""

    def __init__(self, stack: ArticleState, command: EditCommand, label: str) -> None:
        super().__init__(label)
        self.command = command
        self._stack = stack
        self._applied = True
        # Documents of sections whose text this command replaced: before and after it.
        self._documents_before: dict[str, QTextDocument] = {}
        self._documents_after: dict[str, QTextDocument] = {}

    def redo(self) -> None:
        if self._applied:
            self._applied = False
        else:
            self._stack.flush_text()
            self.command.do(self._stack.article)
        changes = self.command.changed
        self._stack._swap_documents(changes, self._documents_before, self._documents_after)
        self._stack.article_changed.emit(changes)

    def undo(self) -> None:
        self._stack.flush_text()
        self.command.undo(self._stack.article)
        changes = self.command.changed.reversed()
        self._stack._swap_documents(changes, self._documents_after, self._documents_before)
        self._stack.article_changed.emit(changes)


class TextEditCommand(QUndoCommand):
    """One undo step of a section's QTextDocument, placed in the shared history.

    The edit has already happened when this is pushed, so the first redo does nothing. Undo and
    redo first announce the section (`section_activated`) so the window shows it, then step the
    document.
    """

    def __init__(
        self, stack: ArticleState, section_id: str, document: QTextDocument, label: str
    ) -> None:
        super().__init__(label)
        self.section_id = section_id
        self.document = document
        self._stack = stack
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._stack.section_activated.emit(self.section_id)
        self.document.redo()

    def undo(self) -> None:
        self._stack.section_activated.emit(self.section_id)
        self.document.undo()


class ArticleState(QUndoStack):
    """The open article, its section documents and its single undo history (see the module
    docstring)."""

    article_changed = Signal(object)  # Changes
    section_activated = Signal(str)  # a text undo/redo is about to happen in this section
    document_replaced = Signal(str)  # show document(section_id) anew
    text_changed = Signal(str)  # a section's document changed (typing, text undo/redo)
    # A model command is about to change the article (its typed text is flushed): the file
    # records an automatic revision before a deletion or a Replace All (files/automatic_revisions).
    about_to_apply = Signal(object)  # EditCommand

    def __init__(
        self,
        article: Article,
        *,
        document_factory: DocumentFactory,
        to_markdown: MarkdownWriter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._article = article
        self._document_factory = document_factory
        self._to_markdown = to_markdown
        self._documents: dict[str, QTextDocument] = {}
        self._dirty: set[str] = set()
        self._typing_document: QTextDocument | None = None
        self.indexChanged.connect(self._stop_merging)

    @property
    def article(self) -> Article:
        return self._article

    def set_article(self, article: Article) -> None:
        """Start over with another article: empty history, new documents.

        The old documents are deleted once control returns to the event loop; views switch to
        the new ones on the `article_changed` (everything) emitted here.
        """
        self.clear()
        for document in self._owned_documents():
            document.deleteLater()
        self._documents.clear()
        self._dirty.clear()
        self._article = article
        self.article_changed.emit(Changes(structure=True, everything=True))

    def push_command(self, command: EditCommand, label: str | None = None) -> None:
        """Apply `command` to the article and record it as one undo step.

        Raises what the command raises (EditRefusedError, ...) and then records nothing.
        """
        self.flush_text()
        self.about_to_apply.emit(command)
        command.do(self._article)
        self.push(ModelUndoCommand(self, command, label or translated_label(command.label)))

    # --- documents -----------------------------------------------------------------------------

    def document(self, section_id: str) -> QTextDocument:
        """The live document of a section, made from its Markdown on first use."""
        document = self._documents.get(section_id)
        if document is None:
            section = self._article.find_section(section_id)
            if section is None:
                raise KeyError(section_id)
            document = self._document_factory(section.markdown)
            self.track_document(section_id, document)
        return document

    def has_document(self, section_id: str) -> bool:
        return section_id in self._documents

    def track_document(self, section_id: str, document: QTextDocument) -> None:
        """Make `document` the live document of a section and mirror its undo steps here."""
        tracked_as = document.property(_TRACKED_PROPERTY)
        if tracked_as is not None:
            if tracked_as != section_id:
                raise ValueError("this document already belongs to another section")
            self._documents[section_id] = document
            return
        document.setProperty(_TRACKED_PROPERTY, section_id)
        document.setParent(self)  # the history may outlive every view of it
        document.undoCommandAdded.connect(
            functools.partial(self._document_step_added, section_id, document)
        )
        # contentsChange, not contentsChanged: that one also comes when only the look changes (a
        # highlighter's spelling marks), which is no edit to save. contentsChange needs the
        # document's layout, so the document gets it now, before any edit.
        document.documentLayout()
        document.contentsChange.connect(
            functools.partial(self._document_contents_changed, section_id, document)
        )
        self._documents[section_id] = document

    def flush_text(self) -> None:
        """Write the text of changed documents into their sections."""
        if not self._dirty:
            return
        written = set()
        for section_id in sorted(self._dirty):
            section = self._article.find_section(section_id)
            document = self._documents.get(section_id)
            if section is None or document is None:
                continue  # a deleted section keeps its (already flushed) text
            markdown = self._to_markdown(document)
            if markdown != section.markdown:
                section.markdown = markdown
                written.add(section_id)
        self._dirty.clear()
        if written:
            # Typed text: `sections` only. (`markdown` would mean "a command replaced it".)
            self.article_changed.emit(Changes(sections=frozenset(written)))

    def _owned_documents(self) -> list[QTextDocument]:
        return [child for child in self.children() if isinstance(child, QTextDocument)]

    def _document_step_added(self, section_id: str, document: QTextDocument) -> None:
        self._typing_document = document
        try:
            self.push(TextEditCommand(self, section_id, document, translated_label("Typing")))
        finally:
            self._typing_document = None

    def _document_contents_changed(
        self, section_id: str, document: QTextDocument, *_where: int
    ) -> None:
        if self._documents.get(section_id) is document:
            self._dirty.add(section_id)
            self.text_changed.emit(section_id)

    def _stop_merging(self) -> None:
        """Keep each document from merging new typing into a step older than the last entry.

        QTextDocument merges consecutive typing into one undo step, but only while it is
        "modified"; without this, typing in A, deleting B and typing on in A would join both
        typing runs into one step that sits before the delete.
        """
        for document in self._documents.values():
            if document is not self._typing_document and document.isModified():
                document.setModified(False)

    def _swap_documents(
        self,
        changes: Changes,
        save_into: dict[str, QTextDocument],
        restore_from: dict[str, QTextDocument],
    ) -> None:
        """Retire the documents of sections whose text a command replaced; bring back others."""
        if changes.everything:
            replaced = set(self._documents) | set(restore_from)
            save_into.clear()
            save_into.update(self._documents)
            self._documents = dict(restore_from)
        else:
            replaced = set(changes.markdown)
            for section_id in replaced:
                current = self._documents.pop(section_id, None)
                if current is not None:
                    save_into[section_id] = current
                else:
                    save_into.pop(section_id, None)
                if section_id in restore_from:
                    self._documents[section_id] = restore_from[section_id]
        for section_id in sorted(replaced):
            self._dirty.discard(section_id)
            if self._article.find_section(section_id) is not None:
                self.document_replaced.emit(section_id)
