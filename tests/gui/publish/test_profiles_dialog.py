"""The Publication Settings dialog: a profile it cannot keep is refused in the window's language
where it was typed, and the dialog keeps the user's other profiles' unknown keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from newsdesk.gui.publish.profiles_dialog import PublicationSettingsDialog
from newsdesk.gui.translations import TsTranslator, translations_dir
from newsdesk.publication import PublicationProfile, Publications


@pytest.fixture
def german(qapp):
    translator = TsTranslator(translations_dir() / "newsdesk_de.ts")
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def dialog_with(qtbot, *profiles: PublicationProfile, chosen: str = ""):
    dialog = PublicationSettingsDialog(Publications(profiles=list(profiles)), chosen)
    qtbot.addWidget(dialog)
    return dialog


def test_a_wrong_handle_is_refused_in_german_and_focused(qtbot, german):
    dialog = dialog_with(qtbot, PublicationProfile(name="Küstenbote"), chosen="Küstenbote")
    dialog.show()
    dialog.edits["twitter_handle"].setText("kein handle!")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.problem.text() == "Küstenbote: „kein handle!“ ist kein Twitter/X-Name."
    assert dialog.focusWidget() is dialog.edits["twitter_handle"]
    assert dialog.windowTitle() == "Publikationseinstellungen"


def test_renaming_keeps_the_choice_and_unknown_keys(qtbot):
    kept = PublicationProfile(name="Hafenblatt", extra={"newer_setting": [1, 2]})
    dialog = dialog_with(qtbot, kept, chosen="Hafenblatt")
    dialog.edits["name"].setText("Hafenblatt Nord")
    dialog.edits["base_url"].setText("https://hafenblatt.example")
    assert dialog.commit_form()
    assert dialog.chosen() == "Hafenblatt Nord"
    (profile,) = dialog.publications.profiles
    assert profile.extra == {"newer_setting": [1, 2]}
    assert profile.base_url == "https://hafenblatt.example"


def test_two_publications_cannot_share_a_name(qtbot):
    dialog = dialog_with(qtbot, PublicationProfile(name="Inselblatt"))
    dialog.add_button.click()
    dialog.edits["name"].setText("inselblatt")
    assert not dialog.commit_form()
    assert dialog.problem.text() == "There is already a publication called “inselblatt”."


def test_an_article_naming_an_unknown_publication_keeps_it_until_changed(qtbot):
    dialog = dialog_with(qtbot, PublicationProfile(name="Inselblatt"), chosen="Weltblatt")
    assert dialog.chosen() == "Weltblatt"
    assert "Weltblatt" in dialog.choice.currentText()


def test_the_checks_publication_hint_opens_the_settings(qtbot, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tests.gui.window_helpers import make_project, new_window

    window = new_window(qtbot, tmp_path)
    assert window.files.open_path(make_project(tmp_path / "fähre.newsdesk"))
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PublicationSettingsDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(20, answer)
    window.panes.go_to("publication", "publication-missing")  # a click on the finding
    assert seen == ["Publication Settings"]
