"""Spell checking in the main window: the marks, the menus, the dialog, the check's hints.

`WindowSpelling(window)` wires the SpellingService into a MainWindow:
- after the window's first paint it wires the marks and menus below (their modules are imported
  then, not while the window is built), starts the service, then checks the article's sections a
  few per turn of the event loop (filling the checker's word cache, so the Check pane's first full
  check and the first marks cost little), and lets the Check pane include spelling hints;
- each section document shown in the editor gets a SpellingHighlighter; the headline,
  subheadline and a photo's alt text (line edits) get LineEditMarks; the description and a photo's
  caption (plain-text fields) a highlighter; all get the spelling context menu;
- Edit > Next Spelling Mistake (F7) opens the SpellingDialog; View > Check Spelling switches
  marking and the hints (remembered); View > Newsroom Word List… picks the shared list;
- a click on a spelling finding in the Check pane selects the word;
- the service's lines (no dictionary, a fallback, a damaged word list) go to the status bar.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMenu, QWidget

from newsdesk.gui.first_paint import after_first_paint
from newsdesk.gui.spelling.service import SpellingService
from newsdesk.model.article import Article

# The marks, the context menus and the checker's modules (~7 ms of a start) are imported when
# the editor and the fields are wired, after the window's first paint (_start).
if TYPE_CHECKING:
    from newsdesk.gui.main_window import MainWindow
    from newsdesk.gui.spelling.highlighter import SpellingHighlighter
    from newsdesk.gui.spelling.spelling_dialog import SpellingDialog
    from newsdesk.gui.spelling.spelling_places import Mistake
    from newsdesk.model.preflight import Finding

translate = QCoreApplication.translate

NEXT_MISTAKE_SHORTCUT = "F7"  # Word's and LibreOffice's; a function key on every layout
MESSAGE_MS = 10_000
WARM_TURN_S = 0.008  # checking before the first full check: at most this long per turn


def _tr(text: str) -> str:
    return translate("WindowSpelling", text)


class WindowSpelling(QObject):
    """See the module docstring."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.service = SpellingService(window.article_state, window.settings, window.data_dir, self)
        self.dialog: SpellingDialog | None = None
        self._field_highlighters: list[SpellingHighlighter] = []
        self._create_actions()
        self._watch_shown_sections()
        self._wire_check()
        self.service.message.connect(lambda text: window.statusBar().showMessage(text, MESSAGE_MS))
        self.service.changed.connect(self._checkers_changed)
        after_first_paint(window, self._start)

    # --- start ----------------------------------------------------------------------------------

    def _start(self) -> None:
        self._wire_editor()
        self._wire_fields()
        self.service.start()
        self._follow_editor()
        if self.service.enabled:
            self._warm(list(self.window.article.walk_sections()))

    def _warm(self, sections: list) -> None:
        """Check the article's parts the way the Check pane will, a few milliseconds per turn of
        the event loop (keys typed meanwhile are handled between turns); then let the pane check.
        Each part's unknown words are remembered by the Spelling, so the pane's first full check
        finds them ready."""
        spelling = self.service.active
        article = self.window.article
        if spelling is None or not sections:
            self.window.panes.recheck()
            return
        from newsdesk.model.spelling_check import spelling_findings

        deadline = time.perf_counter() + WARM_TURN_S
        while sections and time.perf_counter() < deadline:
            section = sections.pop(0)
            alone = Article(
                language=article.language,
                properties=dict(article.properties),
                sections=[replace(section, children=[])],
            )
            spelling_findings(alone, spelling)
        QTimer.singleShot(0, self, lambda: self._warm(sections))

    # --- actions and menus ----------------------------------------------------------------------

    def _create_actions(self) -> None:
        window = self.window
        self.next_action = QAction(_tr("Next &Spelling Mistake…"), window)
        self.next_action.setObjectName("action_next_spelling_mistake")
        self.next_action.setShortcut(QKeySequence(NEXT_MISTAKE_SHORTCUT))
        self.next_action.triggered.connect(lambda _checked=False: self.open_dialog())
        window.addAction(self.next_action)
        self.check_action = QAction(_tr("Check &Spelling"), window)
        self.check_action.setObjectName("action_check_spelling")
        self.check_action.setCheckable(True)
        self.check_action.setChecked(self.service.enabled)
        self.check_action.toggled.connect(self._toggle)
        self.word_list_action = QAction(_tr("Newsroom &Word List…"), window)
        self.word_list_action.setObjectName("action_newsroom_word_list")
        self.word_list_action.triggered.connect(lambda _checked=False: self.choose_word_list())
        edit_menu = window.findChild(QMenu, "menu_edit")
        if edit_menu is not None:
            edit_menu.addSeparator()
            edit_menu.addAction(self.next_action)
        view_menu = window.findChild(QMenu, "menu_view")
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.check_action)
            view_menu.addAction(self.word_list_action)
        self._update_enabled()

    def _toggle(self, enabled: bool) -> None:
        self.service.set_enabled(enabled)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.next_action.setEnabled(self.service.enabled)

    def choose_word_list(self) -> None:
        """View > Newsroom Word List…: a plain text file, one word a line (Cancel: none)."""
        current = self.window.settings.newsroom_word_list
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            _tr("Newsroom Word List"),
            current,
            _tr("Word lists (*.txt *.dic);;All files (*)"),
        )
        if name:
            self.service.set_newsroom_list(name)
            self.window.statusBar().showMessage(
                _tr("Newsroom word list: %1").replace("%1", name), MESSAGE_MS
            )

    # --- the editor -----------------------------------------------------------------------------

    def _wire_editor(self) -> None:
        from newsdesk.gui.spelling.context_menu import section_menu_extender

        window = self.window
        window.editor.context_menu_extender = section_menu_extender(self.service, window.editor)

    def _watch_shown_sections(self) -> None:
        """Each section shown in the editor gets its marks (once the service has started)."""
        window = self.window
        state = window.article_state
        follow = self._follow_editor_soon
        window.tree_view.section_selected.connect(follow)
        state.section_activated.connect(follow)
        state.document_replaced.connect(follow)
        state.article_changed.connect(follow)
        window.files.opened.connect(follow)

    def _follow_editor_soon(self, *_args) -> None:
        QTimer.singleShot(0, self, self._follow_editor)

    def _follow_editor(self) -> None:
        """The section document in the editor has its highlighter, up to date."""
        document = self.window.editor.document()
        if self.service.started and document.property("newsdesk_section_id"):
            from newsdesk.gui.spelling.highlighter import attach_highlighter

            attach_highlighter(document, self.service)

    def _checkers_changed(self) -> None:
        if self.service.started:  # before, there are no marks to make again
            from newsdesk.gui.spelling.highlighter import SpellingHighlighter

            highlighter = self.window.editor.document().findChild(SpellingHighlighter)
            if highlighter is not None:
                highlighter.refresh()
            else:
                self._follow_editor()
            for field_highlighter in self._field_highlighters:
                field_highlighter.refresh()
        self.window.panes.recheck()

    # --- fields ---------------------------------------------------------------------------------

    def _wire_fields(self) -> None:
        from newsdesk.gui.spelling.context_menu import install_field_menu
        from newsdesk.gui.spelling.highlighter import LineEditMarks, SpellingHighlighter

        window = self.window
        service = self.service
        bar = window.headline_bar
        for name in ("headline", "subheadline"):
            edit = getattr(bar, name)
            marks = LineEditMarks(edit, service, partial(str, name))
            install_field_menu(edit, service, partial(str, name), marks, bar.commit)
        metadata = window.panes.metadata
        description = getattr(metadata, "description", None)
        if description is not None:
            self._field_highlighters.append(
                SpellingHighlighter(description.document(), service, lambda: "description")
            )
            install_field_menu(
                description,
                service,
                lambda: "description",
                finished=lambda: metadata.commit_field("description"),
            )
        # The Photos pane is built when first shown: its fields are wired then.
        window.panes.when_built("images", self._wire_photo_fields)

    def _wire_photo_fields(self, images) -> None:
        from newsdesk.gui.spelling.context_menu import install_field_menu
        from newsdesk.gui.spelling.highlighter import LineEditMarks, SpellingHighlighter

        service = self.service
        fields = getattr(images, "fields", None)
        if fields is None:
            return

        def photo_part(field: str) -> str:
            image_id = images.current_image_id()
            return f"image:{image_id}:{field}" if image_id else ""

        caption = fields.caption_edit
        self._field_highlighters.append(
            SpellingHighlighter(caption.document(), service, lambda: photo_part("caption"))
        )
        install_field_menu(caption, service, lambda: photo_part("caption"))
        alt_marks = LineEditMarks(fields.alt_edit, service, lambda: photo_part("alt"))
        install_field_menu(fields.alt_edit, service, lambda: photo_part("alt"), alt_marks)

    # --- the dialog -----------------------------------------------------------------------------

    def open_dialog(self) -> None:
        """F7: the spelling dialog, from the cursor on."""
        if not self.service.started:
            self.service.start()
        if not self.service.enabled:
            return
        window = self.window
        window.article_state.flush_text()
        if self.dialog is None:
            from newsdesk.gui.spelling.spelling_dialog import SpellingDialog  # F7's first press

            self.dialog = SpellingDialog(window.article_state, self.service, self.show_word, window)
        section_id = window.current_section_id
        if section_id is None or window.article.find_section(section_id) is None:
            sections = window.article.sections
            section_id = sections[0].id if sections else None
        if section_id is None:
            return
        position = window.editor.textCursor().selectionStart()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.start(section_id, position)

    def show_word(self, mistake: Mistake) -> None:
        """Select the dialog's current word where it stands: in the editor for a section's text,
        else in the field that shows it (the headline bar, the section heading, the Details or
        the Photos pane)."""
        from newsdesk.gui.spelling.spelling_places import TEXT

        place = mistake.place
        window = self.window
        widget: QWidget | None
        if place.field == TEXT:
            self.select_in_section(place.section_id, mistake.start, mistake.end)
            return
        if place.section_id:
            window.activate_section(place.section_id)
            widget = window.section_heading.findChild(QLineEdit)
        elif place.where in ("headline", "subheadline"):
            widget = getattr(window.headline_bar, place.where)
        elif place.image_id:
            window.panes.go_to(place.where)
            images = window.panes.images
            shown = images.focus_field(place.field)
            widget = images.fields.widget_for(place.field) if shown else None
        else:
            window.panes.go_to(place.where)
            widget = getattr(window.panes.metadata, place.field, None)
        _select_range(widget, mistake.start, mistake.end)

    def select_in_section(self, section_id: str, start: int, end: int) -> None:
        """Select [start, end) of a section's text in the editor."""
        window = self.window
        window.activate_section(section_id)
        cursor = QTextCursor(window.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        window.editor.setTextCursor(cursor)
        window.editor.ensureCursorVisible()

    # --- the Check pane -------------------------------------------------------------------------

    def _wire_check(self) -> None:
        self.window.panes.when_built("check", self._wire_check_pane)  # built on first show

    def _wire_check_pane(self, panel) -> None:
        panel.spelling_source = lambda: self.service.active
        panel.finding_chosen.connect(self._finding_chosen)

    def _finding_chosen(self, finding: Finding) -> None:
        """A spelling finding was clicked: after the pane went to its place, select the word."""
        if finding.code != "spelling" or not finding.details:
            return
        word = str(finding.details.get("word", ""))
        field = finding.details.get("field")
        window = self.window
        if finding.where.startswith("section:") and field == "text":
            document = window.editor.document()
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
            found = pattern.search(document.toPlainText())
            if found is not None:
                self.select_in_section(finding.where.removeprefix("section:"), *found.span())
                window.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        elif finding.where in ("headline", "subheadline"):
            _select_word(getattr(window.headline_bar, finding.where), word)
        elif finding.where == "description":
            _select_word(window.panes.metadata.description, word)
        elif finding.where.startswith("image:") and field in ("caption", "alt"):
            images = window.panes.images
            if images.focus_field(field):
                _select_word(images.fields.widget_for(field), word)


def _select_word(widget, word: str) -> None:
    """Put the focus in a field and select the word's first occurrence there."""
    if widget is None:
        return
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(widget, QLineEdit):
        index = widget.text().find(word)
        if index >= 0:
            widget.setSelection(index, len(word))
        return
    found = widget.document().find(word, 0, QTextDocument.FindFlag.FindWholeWords)
    if not found.isNull():
        widget.setTextCursor(found)


def _select_range(widget, start: int, end: int) -> None:
    """Put the focus in a field and select [start, end) there (UTF-16 positions, as Qt counts)."""
    if widget is None:
        return
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(widget, QLineEdit):
        widget.setSelection(start, end - start)
        return
    cursor = QTextCursor(widget.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    widget.setTextCursor(cursor)
