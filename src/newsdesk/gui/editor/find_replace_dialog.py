"""Find and replace across the whole article (Ctrl+F / Ctrl+H), as a non-modal dialog.

Searched: the headline fields, every section heading and every section text (see
`newsdesk.model.find_replace`). Section texts are searched in the editor's documents, so a match's
offsets are cursor positions there; `match_found(where, part, start, end)` asks the window to show
it: `part` is "field" (where = field name), "heading" or "body" (where = section id).

Replace changes the match found last: in a text through the section's document (so it is one
typing step in the undo history), in a heading or field through a command. Replace all is one
command on the article, hence one undo step; its report ("Replaced 4 occurrences") stays until the
search changes, not replaced by the "Not found" that is now true. With Match case off a replacement
takes the case pattern of what it replaces (`adapt_case`).

Enter always means Find Next: no other button may become the default, not even Close after it was
clicked (a clicked auto-default button would otherwise take over Enter when the dialog returns).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import NewsdeskError
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.dialogs.errors import show_error
from newsdesk.model.find_replace import (
    SEARCHED_FIELDS,
    Match,
    adapt_case,
    find_all,
    replace_all,
    replace_match,
)


class FindReplaceDialog(QDialog):
    """Find next, replace, replace all; a status line counts the matches."""

    match_found = Signal(str, str, int, int)  # where, part, start, end

    def __init__(self, stack: ArticleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self._position: tuple[int, int] | None = None  # (location number, start) searched after
        self._current: Match | None = None
        self._replaced: int | None = None  # what Replace All reported, until the search changes
        self.setObjectName("findReplaceDialog")
        self.setModal(False)
        self.setWindowTitle(self.tr("Find and Replace"))

        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("findText")
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replaceText")
        self.case_box = QCheckBox(self.tr("Match &case"), self)
        self.word_box = QCheckBox(self.tr("&Whole words"), self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("findStatus")

        self.find_next_button = QPushButton(self.tr("&Find Next"), self)
        self.find_next_button.setDefault(True)
        self.replace_button = QPushButton(self.tr("&Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace &All"), self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.find_next_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.replace_all_button, QDialogButtonBox.ButtonRole.ActionRole)
        close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close_button.setObjectName("findCloseButton")
        for button in (
            self.find_next_button,
            self.replace_button,
            self.replace_all_button,
            close_button,
        ):
            button.setAutoDefault(False)
        self.find_next_button.setDefault(True)
        buttons.rejected.connect(self.hide)

        form = QFormLayout()
        form.addRow(self.tr("Find:"), self.find_edit)
        self._replace_label = QLabel(self.tr("Replace with:"), self)
        form.addRow(self._replace_label, self.replace_edit)
        options = QHBoxLayout()
        options.addWidget(self.case_box)
        options.addWidget(self.word_box)
        options.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)

        # For the window's Edit menu: the shortcuts the journalist knows from other editors.
        self.find_action = QAction(self.tr("&Find…"), self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.show_find)
        self.replace_action = QAction(self.tr("&Replace…"), self)
        self.replace_action.setShortcut(QKeySequence("Ctrl+H"))
        self.replace_action.triggered.connect(self.show_replace)
        self.find_next_action = QAction(self.tr("Find &Next"), self)
        self.find_next_action.setShortcut(QKeySequence(QKeySequence.StandardKey.FindNext))
        self.find_next_action.triggered.connect(self.find_next)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(150)
        self._count_timer.timeout.connect(self.update_count)

        self.find_next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.find_edit.textChanged.connect(self._search_changed)
        self.case_box.toggled.connect(self._search_changed)
        self.word_box.toggled.connect(self._search_changed)
        stack.article_changed.connect(self._article_changed)
        stack.text_changed.connect(self._article_changed)
        self._search_changed()

    # --- showing --------------------------------------------------------------------------

    def show_find(self) -> None:
        self._show(replace=False)

    def show_replace(self) -> None:
        self._show(replace=True)

    def _show(self, *, replace: bool) -> None:
        for widget in (self._replace_label, self.replace_edit, self.replace_button):
            widget.setVisible(replace)
        self.replace_all_button.setVisible(replace)
        self.setWindowTitle(self.tr("Find and Replace") if replace else self.tr("Find"))
        self.find_next_button.setDefault(True)
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self.update_count()

    @property
    def current_match(self) -> Match | None:
        """The match found last, which Replace would change."""
        return self._current

    def set_search_start(self, where: str, part: str, offset: int) -> None:
        """Start the next search at this position (e.g. the editor's cursor)."""
        self._position = (self._location_number(where, part), offset - 1)
        self._current = None

    # --- searching ------------------------------------------------------------------------

    def _options(self) -> dict:
        return {"case": self.case_box.isChecked(), "whole_word": self.word_box.isChecked()}

    def matches(self) -> list[Match]:
        """Every match, section texts in the coordinates of their documents."""
        return find_all(
            self._stack.article,
            self.find_edit.text(),
            body_text=lambda section: self._stack.document(section.id).toPlainText(),
            **self._options(),
        )

    def _location_number(self, where: str, part: str) -> int:
        if part == "field":
            return SEARCHED_FIELDS.index(where)
        ids = [s.id for s in self._stack.article.walk_sections()]
        number = ids.index(where) if where in ids else len(ids)
        return len(SEARCHED_FIELDS) + 2 * number + (0 if part == "heading" else 1)

    def find_next(self) -> Match | None:
        """Go to the next match after the last one, wrapping at the end; None when none."""
        matches = self.matches()
        if not matches:
            self._current = None
            self._set_status(self.tr("Not found") if self.find_edit.text() else "")
            return None
        keyed = [((self._location_number(m.where, m.part), m.start), m) for m in matches]
        after = [m for key, m in keyed if self._position is None or key > self._position]
        wrapped = self._position is not None and not after
        match = after[0] if after else matches[0]
        self._current = match
        self._position = (self._location_number(match.where, match.part), match.start)
        status = self._position_text(matches.index(match) + 1, len(matches))
        if wrapped:
            status = self.tr("Search wrapped to the beginning. ") + status
        self._set_status(status)
        self.match_found.emit(match.where, match.part, match.start, match.end)
        return match

    def replace_current(self) -> bool:
        """Replace the match found last (if it is still there), then find the next one."""
        match = self._current
        if match is None or match not in self.matches():
            self.find_next()
            return False
        replacement = " ".join(self.replace_edit.text().splitlines())
        keep_case = not self.case_box.isChecked()
        if match.part == "body":
            if keep_case:
                found = self._stack.document(match.where).toPlainText()[match.start : match.end]
                replacement = adapt_case(found, replacement)
            cursor = QTextCursor(self._stack.document(match.where))
            cursor.beginEditBlock()  # one undo step, however the selection is made up
            cursor.setPosition(match.start)
            cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
            cursor.endEditBlock()
        else:
            command = replace_match(self._stack.article, match, replacement, keep_case=keep_case)
            try:
                self._stack.push_command(command, self.tr("Replace"))
            except NewsdeskError as error:
                show_error(self, error)
                return False
        number = self._location_number(match.where, match.part)
        self._position = (number, match.start + len(replacement) - 1)
        self._current = None
        self.find_next()
        return True

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many were replaced."""
        self._stack.flush_text()
        command = replace_all(
            self._stack.article, self.find_edit.text(), self.replace_edit.text(), **self._options()
        )
        if command is None:
            self._set_status(self.tr("Not found") if self.find_edit.text() else "")
            return 0
        try:
            self._stack.push_command(command, self.tr("Replace All"))
        except NewsdeskError as error:
            show_error(self, error)
            return 0
        self._current = None
        self._position = None
        self._replaced = command.count
        self._set_status(self.tr("Replaced %n occurrence(s)", "", command.count))
        return command.count

    # --- status ---------------------------------------------------------------------------

    def update_count(self) -> None:
        if not self.find_edit.text():
            self._set_status("")
            return
        matches = self.matches()
        count = len(matches)
        if not count and self._replaced is not None:
            return  # "Replaced 4 occurrences" says more than the "Not found" that follows it
        if self._current is not None and self._current in matches:
            # A recount after another edit keeps the position: "Match 1 of 5", not "5 matches".
            self._set_status(self._position_text(matches.index(self._current) + 1, count))
            return
        self._set_status(self.tr("%n match(es)", "", count) if count else self.tr("Not found"))

    def _position_text(self, number: int, count: int) -> str:
        return self.tr("Match %1 of %2").replace("%1", str(number)).replace("%2", str(count))

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def _search_changed(self) -> None:
        has_needle = bool(self.find_edit.text())
        for button in (self.find_next_button, self.replace_button, self.replace_all_button):
            button.setEnabled(has_needle)
        self._current = None
        self._replaced = None
        self.update_count()

    def _article_changed(self, *_args) -> None:
        if self.isVisible():
            self._count_timer.start()
