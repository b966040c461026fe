"""Three journeys with real X events (`make test-desktop`): write and save in German, find and
replace with the keyboard in English, and SIGTERM in the middle of real typing."""

from __future__ import annotations

import signal
import subprocess
import time

import pytest

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from newsdesk.store.lock import lock_path_for
from tests.desktop.real_x import RealWindow, require_real_x

EDITOR = (0.5, 0.6)  # the editor sits in the middle of the window, below the headline fields
# A quick typist (12 keys a second). At 20 ms a key, xdotool under Xvfb now and then lost an ä or
# ß (never an ASCII letter); at 80 ms nothing was lost in repeated runs.
TYPING_DELAY_MS = 80


@pytest.fixture(autouse=True)
def real_x():
    require_real_x()


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.newsdesk"
    article = Article(
        headline="Punkt für Punkt",
        sections=[Section(markdown="Der Rat sprach über jeden Unterpunkt.")],
    )
    create_project(path, article).close()
    return path


def test_write_in_german_with_umlauts_and_save(story, tmp_path):
    window = RealWindow(story, tmp_path / "home", language="de")
    try:
        window.click_at(*EDITOR)
        window.key("ctrl+End")
        window.type(" Grüße aus Großenbrode, sagte Jörg Weiß.", TYPING_DELAY_MS)  # `added` below
        window.key("ctrl+s")
        time.sleep(0.5)
        text = window.info()["sections"][0]["markdown"]
    finally:
        assert window.end() == 0
    assert (
        text.strip()
        == "Der Rat sprach über jeden Unterpunkt. Grüße aus Großenbrode, sagte Jörg Weiß."
    )


def test_replace_all_from_the_keyboard(story, tmp_path):
    window = RealWindow(story, tmp_path / "home", language="en")
    try:
        window.click_at(*EDITOR)
        window.key("ctrl+h")
        window.wait_for_window("^Find and Replace$")
        window.type("punkt")
        window.key("Tab")
        window.type("Posten")
        window.key("alt+a")  # Replace &All
        window.key("Escape")
        window.focus()
        window.click_at(*EDITOR)
        window.key("ctrl+s")
        time.sleep(0.5)
        info = window.info()
    finally:
        assert window.end() == 0
    assert info["headline"] == "Posten für Posten"
    assert "jeden Unterposten." in info["sections"][0]["markdown"]


def test_sigterm_in_the_middle_of_typing_saves_and_frees_the_file(story, tmp_path):
    window = RealWindow(story, tmp_path / "home", language="de")
    typed = " Die Fähre legte um sechs Uhr ab, und niemand hatte es bemerkt." * 3
    window.click_at(*EDITOR)
    window.key("ctrl+End")
    typist = subprocess.Popen(["xdotool", "type", "--delay", str(TYPING_DELAY_MS), typed])
    try:
        time.sleep(2.5)  # typing goes on, so autosave's 2-second pause never comes
        window.process.send_signal(signal.SIGTERM)
        assert window.end() == 0
    finally:
        typist.kill()
        typist.wait()
    assert not lock_path_for(story).exists()
    saved = window.info()["sections"][0]["markdown"].strip()
    original = "Der Rat sprach über jeden Unterpunkt."
    assert saved.startswith(original)
    kept = saved.removeprefix(original)
    assert len(kept) >= 15, f"too little typing reached the file: {kept!r}"
    assert typed.startswith(kept.rstrip()) or typed.startswith(kept), kept
