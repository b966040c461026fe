"""Journey: File > Publication Settings… keeps a publication for the user and chooses it for the
article (English and German): a wrong address is refused in the window's language and the dialog
stays; Save writes the profile to the user's settings and the choice into the project file, and
Ctrl+Z takes the choice back. The exported page then carries the publication's address."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import (
    click,
    expect_dialog,
    saved_info,
    trigger_menu,
    type_text,
    wait_until,
)

UI = {
    "en": ("File", "Publication Settings…", "Save", "is not a web address", "Edit", "Undo"),
    "de": (
        "Datei",
        "Publikationseinstellungen …",
        "Speichern",
        "ist keine Webadresse",
        "Bearbeiten",
        "Rückgängig",
    ),
}


def settings_file() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "newsdesk" / "publications.json"


def fill(dialog, name: str, text: str) -> None:
    edit = dialog.findChild(QLineEdit, f"publication_{name}")
    click(edit)
    edit.selectAll()
    type_text(text, edit)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_publication_is_kept_and_chosen_for_the_article(start_app, tmp_path, language):
    menu, entry, save, refusal, edit_menu, _undo = UI[language]
    story = tmp_path / "fähre.newsdesk"
    article = Article(
        headline="Nachtfähre nach Larsby kehrt zurück",
        slug="nachtfaehre-larsby",
        byline="Jörg Weiß",
        language="de",
        sections=[Section(markdown="Der Rat stimmte mit 14 zu 3 für die Fähre.")],
    )
    create_project(story, article).close()
    window = start_app(story, language=language)
    problems: list[str] = []

    def handle(dialog) -> None:
        click(dialog.findChild(QPushButton, "publication_add"))
        fill(dialog, "name", "Küstenbote")
        fill(dialog, "site_name", "Der Küstenbote")
        fill(dialog, "base_url", "kuestenbote dot example")  # no web address
        fill(dialog, "wordpress_user", "redaktion")
        choice = dialog.findChild(QComboBox, "publication_choice")
        choice.setCurrentIndex(choice.findData("Küstenbote"))
        save_button = next(
            b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == save
        )
        click(save_button)
        problem = dialog.findChild(QLabel, "publication_problem")
        assert dialog.isVisible() and problem.isVisible()
        problems.append(problem.text())
        fill(dialog, "base_url", "https://kuestenbote.example/artikel")
        click(save_button)

    with expect_dialog(handle):
        trigger_menu(window, menu, entry)
    assert refusal in problems[0]
    stored = json.loads(settings_file().read_text(encoding="utf-8"))
    profile = stored["profiles"][0]
    assert (profile["name"], profile["site_name"]) == ("Küstenbote", "Der Küstenbote")
    assert profile["base_url"] == "https://kuestenbote.example/artikel"
    wait_until(lambda: saved_info(story)["properties"].get("publication") == "Küstenbote")

    # The choice is an edit like any other: Edit > Undo takes it back, and the file follows.
    undo_entry = next(
        a.text() for a in window.findChildren(QAction, "action_undo")
    )  # "Undo Choose publication": the step is named
    trigger_menu(window, edit_menu, undo_entry)
    wait_until(lambda: "publication" not in saved_info(story)["properties"], 6.0)
