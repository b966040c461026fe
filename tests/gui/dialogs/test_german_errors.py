"""Real errors, triggered as a journalist would, are worded in German in the German window.

Each test starts the app as `newsdesk FILE` does, works through the menus and the file dialog,
and reads the message box the window shows: its text is the catalogue's German sentence, and the
core's English message (what `newsdesk` on the command line prints) is nowhere in it. Where the
core has technical English to add, it is under "Show Details…" only.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QMessageBox

from newsdesk.errors import ImageError, NewsdeskError
from newsdesk.imaging import inspect_image
from newsdesk.model.article import Article, Section
from newsdesk.store import create_project, open_project
from tests.journeys.harness import (
    answer,
    click,
    draft_folder,
    expect_dialog,
    fill_file_dialog,
    press,
    saved_info,
    trigger_menu,
    wait_until,
)

TEXT = "Der Gemeinderat tagt am Dienstag öffentlich im Rathaussaal."


@pytest.fixture
def story(tmp_path) -> Path:
    path = tmp_path / "sitzung.newsdesk"
    article = Article(headline="Sitzung", language="de", sections=[Section(markdown=TEXT)])
    create_project(path, article).close()
    return path


def _core_english(action) -> str:
    """The English message the core raises for `action` (what the command line would print)."""
    with pytest.raises(NewsdeskError) as caught:
        action()
    return caught.value.message


def read_box(seen: dict):
    """A handler that notes the message box's text and details, then clicks its OK button."""

    def handle(box) -> None:
        assert isinstance(box, QMessageBox), f"expected a message box, got {box!r}"
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        seen["details"] = box.detailedText()
        click(box.button(QMessageBox.StandardButton.Ok))

    return handle


def choose_type_then_fill(path: Path, presses: int):
    """The Open dialog's file-type list, moved down `presses` entries with the arrow key (as a user
    picks "Texts and documents to import"), then the path pasted as fill_file_dialog does."""
    fill = fill_file_dialog(path)

    def handle(dialog) -> None:
        types = dialog.findChild(QComboBox, "fileTypeCombo")
        assert types is not None and types.isVisible()
        for _ in range(presses):
            press("Down", types)
        fill(dialog)

    return handle


def test_a_refused_photo_is_refused_in_german(start_app, story, tmp_path):
    not_a_photo = tmp_path / "notiz.jpg"
    not_a_photo.write_text("Das ist eine Notiz, kein Foto.", encoding="utf-8")
    english = _core_english(lambda: inspect_image(not_a_photo.read_bytes()))
    window = start_app(story, language="de")
    click(window.editor)
    seen: dict = {}
    with expect_dialog(fill_file_dialog(not_a_photo)), expect_dialog(read_box(seen)):
        trigger_menu(window, "Einfügen", "Foto…")
    assert seen["title"] == "Foto nicht übernommen"
    assert seen["text"] == "notiz.jpg: Das ist kein JPEG-, PNG- oder WebP-Bild."
    assert english.lower() not in seen["text"].lower()
    assert saved_info(story)["images"] == []


def test_opening_a_text_file_offers_to_import_it_in_german(start_app, story, tmp_path):
    notes = tmp_path / "notiz.txt"
    notes.write_text(
        "Fähre fährt bald öfter\n\nDie Gemeinde verlängert den Fahrplan bis Mitternacht.\n",
        encoding="utf-8",
    )
    english = _core_english(lambda: open_project(notes))
    window = start_app(story, language="de")
    with (
        expect_dialog(choose_type_then_fill(notes, 1)),
        expect_dialog(answer("Als neuen Artikel importieren")) as question,
    ):
        trigger_menu(window, "Datei", "Öffnen…")
    assert question.title == "Kein Newsdesk-Artikel"
    assert "„notiz.txt“ ist kein Newsdesk-Artikel." in question.text
    assert "als neuen Artikel importieren" in question.text
    assert english not in question.text and "SQLite" not in question.text
    wait_until(lambda: window.headline_bar.headline.text() == "Fähre fährt bald öfter")
    assert "Ungespeicherter Artikel" in window.windowTitle()
    drafts = sorted(draft_folder().glob("*.newsdesk"), key=lambda p: p.stat().st_mtime)
    assert drafts and saved_info(drafts[-1])["headline"] == "Fähre fährt bald öfter"
    assert notes.read_text(encoding="utf-8").startswith("Fähre fährt bald öfter")


def test_declining_the_import_leaves_the_article_open(start_app, story, tmp_path):
    notes = tmp_path / "notiz.md"
    notes.write_text("# Überschrift\n\nText.\n", encoding="utf-8")
    window = start_app(story, language="de")
    with expect_dialog(choose_type_then_fill(notes, 2)), expect_dialog(answer("Abbrechen")):
        trigger_menu(window, "Datei", "Öffnen…")
    assert window.headline_bar.headline.text() == "Sitzung"
    assert "sitzung.newsdesk" in window.windowTitle()


def test_a_damaged_project_is_reported_in_german_with_the_english_detail_hidden(
    start_app, story, tmp_path
):
    damaged = tmp_path / "kaputt.newsdesk"
    create_project(damaged, Article(headline="Kaputt", sections=[Section(markdown=TEXT)])).close()
    data = damaged.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])  # cut short, as by a full disk or a pulled stick
    english = _core_english(lambda: open_project(damaged))
    assert "damaged" in english
    window = start_app(story, language="de")
    seen: dict = {}
    with expect_dialog(fill_file_dialog(damaged)), expect_dialog(read_box(seen)):
        trigger_menu(window, "Datei", "Öffnen…")
    assert seen["text"] == "„kaputt.newsdesk“ ist beschädigt und lässt sich nicht öffnen."
    assert "damaged" not in seen["text"]
    assert seen["details"] == english  # the technical English, for whoever helps
    assert window.headline_bar.headline.text() == "Sitzung"


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


def test_the_second_instance_notice_is_german(start_app, story):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(story)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with expect_dialog(answer("Schreibgeschützt öffnen")) as question:
            start_app(story, language="de")
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    assert "„sitzung.newsdesk“ ist in Newsdesk geöffnet, von " in question.text
    assert " auf " in question.text and "(Prozess " in question.text
    assert "is open in Newsdesk" not in question.text and " by " not in question.text


def test_the_english_window_words_the_same_errors_in_english(start_app, story, tmp_path):
    not_a_photo = tmp_path / "notes.jpg"
    not_a_photo.write_bytes(b"GIF89a not really")
    with pytest.raises(ImageError):
        inspect_image(not_a_photo.read_bytes())
    window = start_app(story, language="en")
    click(window.editor)
    seen: dict = {}
    with expect_dialog(fill_file_dialog(not_a_photo)), expect_dialog(read_box(seen)):
        trigger_menu(window, "Insert", "Photo…")
    assert seen["title"] == "Photo not used"
    assert seen["text"] == "notes.jpg: This is not a JPEG, PNG or WebP image."
