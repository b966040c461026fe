"""Journey: after a crash, nothing is lost (English and German).

- A never-saved new article left by a run that died is offered at the next `newsdesk` start in
  the drafts dialog (its first words show which it is); the journalist opens it, writes on and
  saves it under a name of their choosing.
- A saved article whose Newsdesk was killed (its lock left behind by a dead process) opens again
  with `newsdesk FILE` without a question, and editing goes on.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QTreeWidget

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from newsdesk.store.lock import lock_path_for
from tests.journeys.harness import (
    click,
    click_button,
    expect_dialog,
    fill_file_dialog,
    make_draft,
    press,
    saved_info,
    type_text,
)

UI = {
    "en": {"drafts": "Articles you never saved", "open": "Open", "save_as": "Save As…"},
    "de": {"drafts": "Nie gespeicherte Artikel", "open": "Öffnen", "save_as": "Speichern unter …"},
}
DRAFT_TEXT = "Zeugen berichten von einem Knall an der Schleuse gegen drei Uhr."
DIES_HOLDING_THE_LOCK = textwrap.dedent(
    """
    import os, sys
    from newsdesk.store import ProjectLock
    ProjectLock(sys.argv[1]).acquire()
    os._exit(9)  # killed: no release, no clean-up
    """
)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_never_saved_article_is_offered_opened_and_saved(start_app, tmp_path, language):
    ui = UI[language]
    make_draft(Article(sections=[Section(markdown=DRAFT_TEXT)]))
    rows = []

    def open_the_draft(dialog):
        listing = dialog.findChild(QTreeWidget)
        rows.extend(listing.topLevelItem(i).text(2) for i in range(listing.topLevelItemCount()))
        click_button(dialog, ui["open"])

    with expect_dialog(open_the_draft) as offer:
        window = start_app(language=language)  # `newsdesk` alone
    assert offer.title == ui["drafts"]
    assert rows == [DRAFT_TEXT]
    assert DRAFT_TEXT in window.editor.toPlainText()

    click(window.editor)
    press("Ctrl+End")
    type_text(" Die Polizei ermittelt.")
    story = tmp_path / "schleuse.newsdesk"
    with expect_dialog(fill_file_dialog(story)):
        press("Ctrl+Shift+S")
    assert saved_info(story)["sections"][0]["markdown"].strip() == (
        DRAFT_TEXT + " Die Polizei ermittelt."
    )


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_file_whose_newsdesk_was_killed_opens_again(start_app, tmp_path, language):
    story = tmp_path / "hafen.newsdesk"
    create_project(story, Article(headline="Hafen", sections=[Section(markdown="Anfang.")])).close()
    subprocess.run([sys.executable, "-c", DIES_HOLDING_THE_LOCK, str(story)], check=False)
    assert lock_path_for(story).exists(), "the dead process left its lock"

    window = start_app(story, language=language)  # no question: the lock's process is gone
    click(window.editor)
    press("Ctrl+End")
    type_text(" Weiter geht es.")
    press("Ctrl+S")
    assert saved_info(story)["sections"][0]["markdown"].strip() == "Anfang. Weiter geht es."
