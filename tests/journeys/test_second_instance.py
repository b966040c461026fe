"""Journey: `newsdesk FILE` on a file another Newsdesk has open (English and German).

The other Newsdesk is a real second process holding the file's lock. The journalist reads the
file read-only (nothing they type reaches it), or saves a copy and edits that.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import (
    answer,
    click,
    expect_dialog,
    fill_file_dialog,
    press,
    saved_info,
    settle,
    type_text,
    visible_dialog,
)

HOLDER = textwrap.dedent(
    """
    import sys
    from newsdesk.store import ProjectLock
    lock = ProjectLock(sys.argv[1])
    lock.acquire()
    print("locked", flush=True)
    sys.stdin.readline()
    lock.release()
    """
)
UI = {
    "en": ("Open read-only", "(read-only)", "Save a copy to edit…"),
    "de": ("Schreibgeschützt öffnen", "(schreibgeschützt)", "Kopie zum Bearbeiten speichern …"),
}
TEXT = "Die Brücke über die Förde bleibt bis März gesperrt."


@pytest.fixture
def held_story(tmp_path):
    story = tmp_path / "story.newsdesk"
    create_project(story, Article(headline="Brücke", sections=[Section(markdown=TEXT)])).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(story)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    yield story
    holder.stdin.close()
    holder.wait(timeout=10)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_file_open_elsewhere_is_read_only_here(start_app, held_story, language):
    read_only, marker, _copy = UI[language]
    before = held_story.read_bytes()
    with expect_dialog(answer(read_only)) as question:
        window = start_app(held_story, language=language)
    assert held_story.name in question.text
    assert marker in window.windowTitle()
    click(window.editor)
    type_text("Nachtrag")
    settle(2500)  # longer than autosave's pause
    assert "Nachtrag" not in window.editor.toPlainText()
    assert held_story.read_bytes() == before
    assert saved_info(held_story)["sections"][0]["markdown"].strip() == TEXT


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_copy_of_a_file_open_elsewhere_can_be_edited(start_app, held_story, tmp_path, language):
    _read_only, marker, copy_button = UI[language]
    copy = tmp_path / "meine-kopie.newsdesk"

    # The question first, then the file dialog for the copy's name.
    with expect_dialog(answer(copy_button)), expect_dialog(fill_file_dialog(copy)):
        window = start_app(held_story, language=language)
    assert window.windowTitle().startswith("meine-kopie.newsdesk")
    assert marker not in window.windowTitle()
    click(window.editor)
    press("Ctrl+End")
    type_text(" Nachtrag.")
    press("Ctrl+S")
    assert saved_info(copy)["sections"][0]["markdown"].strip() == TEXT + " Nachtrag."
    assert saved_info(held_story)["sections"][0]["markdown"].strip() == TEXT
    assert not visible_dialog_open()


def visible_dialog_open() -> bool:
    try:
        visible_dialog()
    except AssertionError:
        return False
    return True
