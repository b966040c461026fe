"""The personal and newsroom word lists: added words persist, damaged lines are skipped once."""

import pytest

from newsdesk.errors import WordListError
from newsdesk.spelling import Spelling
from newsdesk.spelling.dictionaries import pip_dictionary_dirs
from newsdesk.spelling.word_lists import WordSet, append_word, read_word_list


def spelling_with(**options) -> Spelling:
    return Spelling(search_dirs=pip_dictionary_dirs(), **options)


def unknown(checker, text):
    return [span.word for span in checker.misspelt(text)]


def test_added_words_are_accepted_at_once_and_after_reopening(tmp_path):
    personal = tmp_path / "data" / "personal-words.txt"  # the folder does not exist yet
    first = spelling_with(personal_list=personal)
    text = "Ratsherr Quandtmeyer und Frau Złotowska-Brenner"
    assert unknown(first.checker("de"), text) == ["Quandtmeyer", "Złotowska"]
    first.add_to_personal("Quandtmeyer")
    first.add_to_personal("Złotowska")  # a character the Latin-1 dictionary cannot hold
    assert unknown(first.checker("de"), text) == []
    assert unknown(first.checker("en-GB"), "Mr Quandtmeyer said") == []
    assert personal.read_text(encoding="utf-8") == "Quandtmeyer\nZłotowska\n"

    reopened = spelling_with(personal_list=personal)
    assert unknown(reopened.checker("de"), text) == []
    assert "Quandtmeyer" in reopened.checker("de").suggestions("Quandtmeier")


def test_adding_keeps_what_the_list_had(tmp_path):
    personal = tmp_path / "words.txt"
    personal.write_bytes(b"# names\nWei\xc3\x9fm\xc3\xbcller")  # no newline at the end
    append_word(personal, "Özdemir")
    assert personal.read_text(encoding="utf-8") == "# names\nWeißmüller\nÖzdemir\n"
    assert [p.name for p in tmp_path.iterdir()] == ["words.txt"]  # no temporary file left


def test_words_that_no_list_can_hold_are_refused(tmp_path):
    spelling = spelling_with(personal_list=tmp_path / "words.txt")
    for word in ["", "two words", "tab\there", "x" * 65, "bell\x07"]:
        with pytest.raises(WordListError) as refused:
            spelling.add_to_personal(word)
        assert refused.value.code == "spelling.word_invalid"
    assert not (tmp_path / "words.txt").exists()


def test_a_list_that_cannot_be_written_is_a_typed_error_and_the_word_still_counts(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    spelling = spelling_with(personal_list=blocker / "words.txt")
    with pytest.raises(WordListError) as refused:
        spelling.add_to_personal("Quandtmeyer")
    assert refused.value.code == "spelling.list_write_failed"
    assert refused.value.params["path"] == str(blocker / "words.txt")
    assert unknown(spelling.checker("de"), "Frau Quandtmeyer") == []


def test_damaged_lines_are_skipped_and_reported_once(tmp_path):
    personal = tmp_path / "words.txt"
    personal.write_bytes(
        b"Quandtmeyer\n"
        + b"\xff\xfe broken\n"
        + b"two words\n"
        + b"ctrl\x00char\n"
        + ("y" * 200 + "\n").encode()
        + b"\n   \nBrennecke\r\n"
    )
    spelling = spelling_with(personal_list=personal)
    assert unknown(spelling.checker("de"), "Quandtmeyer und Brennecke") == []
    problems = spelling.take_problems()
    assert [p.code for p in problems] == ["spelling.list_lines_skipped"]
    assert problems[0].params == {"path": str(personal), "count": 4, "line": 2}
    assert "4 unreadable line(s) (the first is line 2)" in problems[0].message
    assert spelling.take_problems() == []


def test_a_folder_given_as_list_is_one_problem(tmp_path):
    problems = spelling_with(newsroom_lists=[tmp_path]).take_problems()
    assert [p.code for p in problems] == ["spelling.list_unreadable"]


def test_the_newsroom_list_is_read_and_never_written(tmp_path):
    newsroom = tmp_path / "newsroom.txt"
    newsroom.write_text("Bremerhavener\nKüstenwache-Nord\nHafenkante\n", encoding="utf-8")
    before = newsroom.read_bytes()
    personal = tmp_path / "personal.txt"
    spelling = spelling_with(personal_list=personal, newsroom_lists=[newsroom])
    assert unknown(spelling.checker("de"), "Die Hafenkante in Bremerhavener Hand") == []
    spelling.add_to_personal("Quandtmeyer")
    assert newsroom.read_bytes() == before
    assert personal.read_text(encoding="utf-8") == "Quandtmeyer\n"


def test_a_missing_newsroom_list_is_reported_a_missing_personal_list_is_not(tmp_path):
    spelling = spelling_with(
        personal_list=tmp_path / "personal.txt", newsroom_lists=[tmp_path / "share" / "n.txt"]
    )
    problems = spelling.take_problems()
    assert [p.code for p in problems] == ["spelling.list_missing"]
    assert problems[0].params["path"] == str(tmp_path / "share" / "n.txt")


def test_a_huge_list_is_read_up_to_its_bound(tmp_path, monkeypatch):
    from newsdesk.spelling import word_lists

    monkeypatch.setattr(word_lists, "MAX_LIST_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("".join(f"Wort{chr(97 + i % 26)}x\n" for i in range(500)), encoding="utf-8")
    found, problems = read_word_list(path)
    assert 0 < len(found) < 500 and all(w.startswith("Wort") for w in found)
    assert [p.code for p in problems] == ["spelling.list_truncated"]


def test_word_set_follows_hunspell_case_rules():
    words = WordSet(["bremerhavener", "McAllister", "don’t"])
    assert "bremerhavener" in words and "Bremerhavener" in words and "BREMERHAVENER" in words
    assert "McAllister" in words and "MCALLISTER" in words
    assert "mcallister" not in words and "Mcallister" not in words
    assert "don't" in words


def test_a_list_with_too_many_words_is_read_up_to_its_bound(tmp_path, monkeypatch):
    from newsdesk.spelling import word_lists

    monkeypatch.setattr(word_lists, "MAX_LIST_WORDS", 3)
    path = tmp_path / "names.txt"
    path.write_text("Eins\nZwei\nDrei\nVier\nFünf\n", encoding="utf-8")
    found, problems = read_word_list(path)
    assert found == ["Eins", "Zwei", "Drei"]
    assert [p.code for p in problems] == ["spelling.list_truncated"]
