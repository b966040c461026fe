"""Which dictionary checks which language tag; a missing one is a status, never an error."""

import shutil
from pathlib import Path

import pytest

from newsdesk.spelling import Spelling
from newsdesk.spelling.dictionaries import DictionaryFinder, normalise_tag, pip_dictionary_dirs


@pytest.fixture(scope="module")
def finder():
    return DictionaryFinder(pip_dictionary_dirs())


def test_pip_installs_german_and_both_englishes(finder):
    assert {"de_DE", "en_GB", "en_US"} <= set(finder.available())


@pytest.mark.parametrize(
    ("tag", "dictionary"),
    [
        ("de", "de_DE"),
        ("de-DE", "de_DE"),
        ("en", "en_US"),
        ("en-US", "en_US"),
        ("en-GB", "en_GB"),
        ("EN-gb", "en_GB"),
        ("en_GB", "en_GB"),
    ],
)
def test_language_tags_find_their_dictionary(finder, tag, dictionary):
    status = finder.status(tag)
    assert status.dictionary is not None and status.dictionary.name == dictionary
    assert status.code == "spelling.ok" and status.message == "" and not status.swiss


def test_austrian_german_falls_back_to_german_and_says_so(finder):
    status = finder.status("de-AT")
    assert status.dictionary.name == "de_DE" and status.code == "spelling.fallback"
    assert status.message == (
        "No dictionary for German (Austria); spelling is checked with the German (Germany) "
        "dictionary"
    )
    assert not status.swiss


def test_swiss_german_without_its_dictionary_reads_german_without_eszett(finder):
    status = finder.status("de-CH")
    assert status.dictionary.name == "de_DE" and status.swiss
    assert status.params["language"] == "de-CH" and status.params["dictionary"] == "de_DE"


def test_a_language_without_dictionary_is_not_checked(tmp_path):
    spelling = Spelling(search_dirs=[tmp_path])
    checker = spelling.checker("nl")
    assert checker.status.code == "spelling.no_dictionary"
    assert checker.status.message == "No dictionary for Dutch (nl); spelling is not checked"
    assert checker.status.params["language_name"] == "Dutch"
    assert checker.misspelt("Dit is geen Duits, maar wel een tekst.") == []
    assert checker.suggestions("tekst") == []


def test_the_first_folder_wins_so_the_system_comes_before_pip(tmp_path):
    system = tmp_path / "system"
    system.mkdir()
    en_gb = DictionaryFinder(pip_dictionary_dirs()).available()["en_GB"]
    for path in (en_gb.aff, en_gb.dic):
        shutil.copy(path, system / f"de_AT{path.suffix}")  # any valid pair will do
    finder = DictionaryFinder([system, *pip_dictionary_dirs()])
    assert finder.status("de-AT").dictionary.folder == system
    assert finder.status("de-AT").code == "spelling.ok"
    assert finder.status("de").dictionary.name == "de_DE"


def test_a_damaged_dictionary_counts_as_missing(tmp_path):
    (tmp_path / "xx_XX.aff").write_bytes(b"\xff\xfeSET nonsense\n" * 3)
    (tmp_path / "xx_XX.dic").write_bytes(b"not a number\n\x00\x01")
    checker = Spelling(search_dirs=[tmp_path]).checker("xx")
    # Hunspell reads what it can of such files; whatever it makes of them, nothing raises.
    assert isinstance(checker.misspelt("word and another"), list)


def test_unreadable_folders_are_passed_over(tmp_path):
    finder = DictionaryFinder([tmp_path / "missing", tmp_path / "file.txt", *pip_dictionary_dirs()])
    assert finder.status("de").dictionary.name == "de_DE"


@pytest.mark.parametrize(
    ("tag", "normal"),
    [("de", "de"), ("DE-ch", "de_CH"), ("sr-Latn-RS", "sr_RS"), ("", ""), ("en_GB", "en_GB")],
)
def test_normalise_tag(tag, normal):
    assert normalise_tag(tag) == normal


def test_a_bundle_reads_its_own_dictionaries_after_the_system(tmp_path, monkeypatch):
    from newsdesk.spelling.dictionaries import BUNDLE_DICTIONARY_DIR, default_search_dirs

    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    dirs = default_search_dirs()
    bundle = dirs.index(tmp_path / BUNDLE_DICTIONARY_DIR)
    assert dirs.index(Path("/usr/share/hunspell")) < bundle < dirs.index(pip_dictionary_dirs()[0])
