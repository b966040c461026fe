"""File > Publication Settings…: the user's publication profiles, and the article's choice.

The profiles are the user's (publications.json in the config folder, newsdesk.publication); the
dialog edits a copy and writes it at once on Save, atomically. A field the profile cannot hold
(not a web address, not a handle, not a language code, a name twice) is refused where it is typed:
the message in the window's language under the form, the field focused, and the dialog stays.
The article's choice is article data: it is applied as one undoable edit (SetArticlePublication).
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import PublicationError
from newsdesk.gui.dialogs.error_messages import error_text
from newsdesk.publication import (
    PROFILE_FIELDS,
    PublicationProfile,
    Publications,
    default_profiles_path,
    load_publications,
    save_publications,
)

translate = QCoreApplication.translate


def _label(name: str) -> str:
    labels = {
        "name": translate("PublicationSettings", "Name:"),
        "site_name": translate("PublicationSettings", "Site name:"),
        "base_url": translate("PublicationSettings", "Base URL:"),
        "publisher_name": translate("PublicationSettings", "Publisher:"),
        "publisher_logo_url": translate("PublicationSettings", "Publisher logo URL:"),
        "author_url": translate("PublicationSettings", "Author profile URL:"),
        "twitter_handle": translate("PublicationSettings", "Twitter/X handle:"),
        "language": translate("PublicationSettings", "Default language:"),
        "wordpress_url": translate("PublicationSettings", "WordPress site URL:"),
        "wordpress_user": translate("PublicationSettings", "WordPress user:"),
        "house_layout": translate("PublicationSettings", "House layout:"),
    }
    return labels[name]


class PublicationSettingsDialog(QDialog):
    """The profiles (add, edit, remove) and which one the article is published with."""

    def __init__(
        self,
        publications: Publications,
        chosen: str,
        *,
        can_choose: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("publication_settings_dialog")
        self.setWindowTitle(translate("PublicationSettings", "Publication Settings"))
        self.publications = copy.deepcopy(publications)
        self._current: str | None = None  # the profile the form shows (its name when loaded)

        self.list = QListWidget(self)
        self.list.setObjectName("publication_list")
        self.add_button = QPushButton(translate("PublicationSettings", "&Add"), self)
        self.add_button.setObjectName("publication_add")
        self.remove_button = QPushButton(translate("PublicationSettings", "&Remove"), self)
        self.remove_button.setObjectName("publication_remove")
        left = QVBoxLayout()
        left.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        left.addLayout(row)

        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in ("name", *PROFILE_FIELDS):
            edit = QLineEdit(self)
            edit.setObjectName(f"publication_{name}")
            edit.setMaxLength(2000)
            self.edits[name] = edit
            form.addRow(_label(name), edit)
        self.edits["wordpress_url"].setPlaceholderText("https://")
        self.edits["twitter_handle"].setPlaceholderText("@")
        self.edits["house_layout"].setPlaceholderText(
            translate(
                "PublicationSettings", "standard, broadsheet, tabloid, magazine or a .css file"
            )
        )
        self.edits["language"].setPlaceholderText(
            translate("PublicationSettings", "e.g. de or en-GB")
        )
        self.form_box = QWidget(self)
        self.form_box.setLayout(form)

        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addWidget(self.form_box, 2)

        self.problem = QLabel(self)
        self.problem.setObjectName("publication_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

        self.choice = QComboBox(self)
        self.choice.setObjectName("publication_choice")
        self.choice.setEnabled(can_choose)
        choice_row = QFormLayout()
        choice_row.addRow(
            translate("PublicationSettings", "This article is published with:"), self.choice
        )

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.problem)
        layout.addLayout(choice_row)
        layout.addWidget(self.buttons)

        self._chosen = chosen
        self._fill_list()
        self._fill_choice(chosen)
        self.list.currentRowChanged.connect(self._row_changed)
        self.add_button.clicked.connect(self._add)
        # A renamed profile shows in the list and the article's choice once its name is typed.
        self.edits["name"].editingFinished.connect(self._name_finished)
        self.remove_button.clicked.connect(self._remove)
        if self.list.count():
            row_of_chosen = self.list.findItems(chosen, Qt.MatchFlag.MatchExactly) if chosen else []
            self.list.setCurrentRow(self.list.row(row_of_chosen[0]) if row_of_chosen else 0)
        self._update_enabled()

    # --- the list ------------------------------------------------------------------------------

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems(self.publications.names())
        self.list.blockSignals(False)

    def _fill_choice(self, chosen: str) -> None:
        self.choice.clear()
        self.choice.addItem(translate("PublicationSettings", "(none)"), "")
        for name in self.publications.names():
            self.choice.addItem(name, name)
        if chosen and self.choice.findData(chosen) < 0:
            # The article names a profile these settings do not hold (another computer's).
            self.choice.addItem(
                translate("PublicationSettings", "%1 (not in these settings)").replace(
                    "%1", chosen
                ),
                chosen,
            )
        self.choice.setCurrentIndex(max(0, self.choice.findData(chosen)))

    def _update_enabled(self) -> None:
        has = self._current is not None
        self.form_box.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _show(self, profile: PublicationProfile | None) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(profile, name) if profile is not None else "")
        self._current = profile.name if profile is not None else None
        self._update_enabled()

    def _row_changed(self, row: int) -> None:
        if self._current is not None and not self.commit_form():
            # Stay on the profile that has the problem.
            self.list.blockSignals(True)
            self.list.setCurrentRow(self.publications.names().index(self._current))
            self.list.blockSignals(False)
            return
        names = self.publications.names()
        self._show(self.publications.find(names[row]) if 0 <= row < len(names) else None)

    def _add(self) -> None:
        if self._current is not None and not self.commit_form():
            return
        base = translate("PublicationSettings", "New publication")
        name, number = base, 1
        while self.publications.find(name) is not None:
            number += 1
            name = f"{base} {number}"
        try:
            self.publications.put(PublicationProfile(name=name))
        except PublicationError as exc:
            self._problem(exc)
            return
        self._current = None
        self._fill_list()
        self._fill_choice(self._chosen_name())
        self.list.setCurrentRow(self.list.count() - 1)
        self.edits["name"].setFocus()
        self.edits["name"].selectAll()

    def _remove(self) -> None:
        if self._current is None:
            return
        chosen = self._chosen_name()
        self.publications.remove(self._current)
        if chosen == self._current:
            chosen = ""
        self._current = None
        self._fill_list()
        self._fill_choice(chosen)
        self.problem.hide()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._show(None)

    # --- the form ------------------------------------------------------------------------------

    def form_profile(self) -> PublicationProfile:
        """The profile as the form shows it (unknown keys of the stored one kept)."""
        old = self.publications.find(self._current or "")
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return PublicationProfile(**values, extra=dict(old.extra) if old is not None else {})

    def commit_form(self) -> bool:
        """Put the form's profile into the working copy; False (and the problem shown) when the
        profile cannot be kept."""
        if self._current is None:
            return True
        profile = self.form_profile()
        try:
            self.publications.put(profile, replacing=self._current)
        except PublicationError as exc:
            self._problem(exc)
            return False
        self.problem.hide()
        if profile.name != self._current:  # renamed: the list and the choice follow, in place
            item = self.list.currentItem()
            if item is not None:
                item.setText(profile.name)
            index = self.choice.findData(self._current)
            if index >= 0:
                self.choice.setItemText(index, profile.name)
                self.choice.setItemData(index, profile.name)
            self._current = profile.name
        return True

    def _name_finished(self) -> None:
        if self._current is not None and self.edits["name"].text().strip() != self._current:
            self.commit_form()

    def _problem(self, exc: PublicationError) -> None:
        self.problem.setText(error_text(exc))
        self.problem.show()
        field = exc.params.get("field")
        if exc.code in ("publication.no_name", "publication.duplicate"):
            field = "name"
        elif exc.code == "publication.invalid_handle":
            field = "twitter_handle"
        elif exc.code == "publication.invalid_language":
            field = "language"
        edit = self.edits.get(str(field))
        if edit is not None:
            edit.setFocus()
            edit.selectAll()

    def _chosen_name(self) -> str:
        return str(self.choice.currentData() or "")

    def chosen(self) -> str:
        """The publication the article is to be published with ("" for none)."""
        return self._chosen_name()

    def accept(self) -> None:
        if self.commit_form():
            super().accept()


def edit_publication_settings(window, path: Path | None = None) -> bool:
    """File > Publication Settings…: show the dialog, write the profiles, apply the article's
    choice as an undoable edit. True when something was saved."""
    from newsdesk.gui.dialogs.errors import push_or_report, show_error
    from newsdesk.gui.publish.page_profile import forget_cached
    from newsdesk.model.publication_commands import SetArticlePublication
    from newsdesk.publication import article_publication

    path = default_profiles_path() if path is None else path
    try:
        publications = load_publications(path)
    except PublicationError as exc:
        show_error(window, exc)
        return False
    files = window.files
    files.bring_up_to_date()
    before = article_publication(files.article)
    dialog = PublicationSettingsDialog(
        publications, before, can_choose=not files.read_only, parent=window
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            save_publications(dialog.publications, path)
        except PublicationError as exc:
            show_error(window, exc)
            return False
        forget_cached(path)
        chosen = dialog.chosen()
        if chosen != before and not files.read_only:
            push_or_report(
                window.article_state,
                SetArticlePublication(chosen),
                translate("PublicationSettings", "Choose publication"),
                window,
            )
        else:
            # Only the settings changed: the check and the preview read them again.
            window.panes.recheck()
            window.panes.preview.refresh_now()
        return True
    finally:
        dialog.deleteLater()
