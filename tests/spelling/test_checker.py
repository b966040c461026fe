"""The real checker with the real dictionaries: typos found, news text passes, suggestions help."""

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.spelling import words
from tests.spelling.conftest import fixture_text

GERMAN_TYPOS = [
    "Bürgermiester",
    "Regierungserklärng",
    "Pressekonferrenz",
    "Abgeordenter",
    "überaschend",
    "Nachrichtenagentuhr",
    "Rüstungsindustrei",
    "Wiederstand",
]
ENGLISH_TYPOS = [
    "goverment",
    "recieve",
    "accomodation",
    "occured",
    "seperate",
    "tommorow",
    "publically",
    "wich",
]


def unknown(checker, text, **options):
    return [span.word for span in checker.misspelt(text, **options)]


@pytest.mark.parametrize(
    ("language", "text", "most_false_alarms"),
    [
        ("de", "news_de.txt", 0),
        ("de", "news_de_2.txt", 1),  # "Eberle", a surname
        ("de-CH", "news_de_ch.txt", 2),  # "Beat" (a Swiss first name), "Quartiervereins"
        ("en-GB", "news_en.txt", 0),
        ("en-US", "news_en_us.txt", 2),  # the 2017 en_US wants "Internet"; "timeline"
    ],
)
def test_correct_news_text_gives_few_false_alarms(pip_spelling, language, text, most_false_alarms):
    """948 words of our own news prose (names, compounds, umlauts, ß): 5 false alarms, 0.5 %."""
    source = fixture_text(text)
    alarms = unknown(pip_spelling.checker(language), source)
    assert len(alarms) <= most_false_alarms, alarms
    assert len(alarms) / len(list(words(source))) < 0.03


def test_german_typos_are_found_in_running_text(pip_spelling):
    text = "Der " + " und der ".join(GERMAN_TYPOS) + "."
    assert unknown(pip_spelling.checker("de"), text) == GERMAN_TYPOS


def test_english_typos_are_found_in_both_englishes(pip_spelling):
    text = "The " + ", the ".join(ENGLISH_TYPOS) + "."
    assert unknown(pip_spelling.checker("en-GB"), text) == ENGLISH_TYPOS
    assert unknown(pip_spelling.checker("en-US"), text) == ENGLISH_TYPOS


def test_regional_spelling_follows_the_dictionary(pip_spelling):
    text = "The harbour's colour, the defence and the center."
    assert unknown(pip_spelling.checker("en-US"), text) == ["harbour's", "colour", "defence"]
    assert unknown(pip_spelling.checker("en-GB"), text) == ["center"]


def test_german_compounds_are_accepted_as_libreoffice_does(pip_spelling):
    checker = pip_spelling.checker("de")
    for word in [
        "Nachrichtenagentur",
        "Rüstungsindustrie",
        "Fährbrückensanierung",
        "Haushaltsdebatte",
        "Pressesprecherin",
        "Bürgerinitiative",
    ]:
        assert checker.is_correct(word), word


def test_hyphenated_forms_are_accepted_and_only_the_bad_part_is_marked(pip_spelling):
    german = pip_spelling.checker("de")
    assert unknown(german, "Die CDU-Politikerin aus Baden-Württemberg schreibt eine E-Mail.") == []
    text = "Die Haushalts-Dbatte"
    assert [tuple(s) for s in german.misspelt(text)] == [(14, 20, "Dbatte")]
    english = pip_spelling.checker("en-GB")
    assert unknown(english, "A well-known, long-term, state-owned company.") == []


def test_abbreviations_with_their_dot_are_accepted(pip_spelling):
    assert unknown(pip_spelling.checker("de"), "Dr. Meier und Nr. 5 laut Prof. Schulz") == []


def test_suggestions_contain_the_right_word(pip_spelling):
    german = pip_spelling.checker("de")
    expected = {
        "Bürgermiester": "Bürgermeister",
        "Regierungserklärng": "Regierungserklärung",
        "Pressekonferrenz": "Pressekonferenz",
        "Abgeordenter": "Abgeordneter",
        "Nachrichtenagentuhr": "Nachrichtenagentur",
    }
    for typo, right in expected.items():
        found = german.suggestions(typo)
        assert right in found and len(found) <= 6, (typo, found)
    english = pip_spelling.checker("en-GB")
    for typo, right in {
        "goverment": "government",
        "recieve": "receive",
        "accomodation": "accommodation",
        "seperate": "separate",
    }.items():
        found = english.suggestions(typo)
        assert right in found and len(found) <= 6, (typo, found)


def test_suggestions_are_never_fragments(pip_spelling):
    found = pip_spelling.checker("de").suggestions("Stadtratt")
    assert found and not any(s.startswith("-") or s.endswith("-") for s in found)


def test_rechecking_costs_no_dictionary_lookups(pip_spelling):
    checker = pip_spelling.checker("de")
    text = fixture_text("news_de_2.txt")
    checker.misspelt(text)
    before = checker.speller.lookups
    for _ in range(3):
        checker.misspelt(text)
    assert checker.speller.lookups == before


def test_swiss_german_writes_ss_for_eszett(pip_spelling):
    swiss = pip_spelling.checker("de-CH")
    text = "Die Strasse ist gross, heisst es, und die Massnahme schliesst an."
    assert unknown(swiss, text) == []
    assert unknown(pip_spelling.checker("de"), text) == [
        "Strasse",
        "gross",
        "heisst",
        "Massnahme",
        "schliesst",
    ]
    assert unknown(swiss, "Die Straße ist groß.") == ["Straße", "groß"]
    assert "Strasse" in swiss.suggestions("Straße")
    assert not any("ß" in s for s in swiss.suggestions("Strasen"))


def test_words_the_dictionary_cannot_encode_are_unknown_not_errors(pip_spelling):
    german = pip_spelling.checker("de")  # de_DE is ISO 8859-1
    assert unknown(german, "Sie kam aus Łódź nach Köln.") == ["Łódź"]
    assert german.suggestions("Łódź") == []
    assert unknown(pip_spelling.checker("en-GB"), "We don’t, they don't.") == []


def test_hostile_words_are_bounded(pip_spelling):
    checker = pip_spelling.checker("de")
    monster = "Donau" + "dampfschifffahrts" * 20
    assert unknown(checker, f"Die {monster} fährt.") == [monster]
    assert checker.suggestions(monster) == []
    assert unknown(checker, "x" * 100_000) == ["x" * 100_000]


def test_ignored_words_are_accepted_only_in_their_checker(pip_spelling):
    ignoring = pip_spelling.checker("de", ignored=["Quandtmeyer"])
    assert unknown(ignoring, "Frau Quandtmeyer und QUANDTMEYER") == []
    assert unknown(pip_spelling.checker("de"), "Frau Quandtmeyer") == ["Quandtmeyer"]


def test_decomposed_umlauts_are_checked_as_composed(pip_spelling):
    german = pip_spelling.checker("de")
    assert unknown(german, "Der Bu\u0308rgermeister und die Nachrichten\u00adagentur.") == []
    assert unknown(german, "Der Bu\u0308rgermiester") == ["Bu\u0308rgermiester"]


def test_a_highlighter_block_in_utf16_positions(pip_spelling):
    german = pip_spelling.checker("de")
    block = "🎉 Der Bürgermiester ruft printf 🎉 und Rathauss"
    code = block.encode("utf-16-le").find("printf".encode("utf-16-le")) // 2
    marks = german.misspelt_utf16(block, skip=[(code, code + 6)])
    encoded = block.encode("utf-16-le")
    assert [encoded[a * 2 : b * 2].decode("utf-16-le") for a, b, _ in marks] == [
        "Bürgermiester",
        "Rathauss",
    ]


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=120), language=st.sampled_from(["de", "de-CH", "en-GB", "en-US"]))
def test_any_text_gives_marks_inside_it_and_never_raises(pip_spelling, text, language):
    checker = pip_spelling.checker(language)
    marks = checker.misspelt(text)
    assert all(text[m.start : m.end] == m.word for m in marks)
    assert all(a.end <= b.start for a, b in itertools.pairwise(marks))
    for mark in marks[:1]:
        assert len(checker.suggestions(mark.word)) <= 6


SYSTEM_HUNSPELL = Path("/usr/share/hunspell")


@pytest.mark.skipif(
    not (SYSTEM_HUNSPELL / "de_CH.dic").is_file() or not (SYSTEM_HUNSPELL / "de_AT.dic").is_file(),
    reason="Debian's hunspell-de-ch and hunspell-de-at are not installed (make bench-hunspell)",
)
def test_the_system_swiss_and_austrian_dictionaries_are_used_where_installed():
    from newsdesk.spelling import Spelling

    spelling = Spelling(search_dirs=[SYSTEM_HUNSPELL])
    swiss = spelling.checker("de-CH")
    assert swiss.status.code == "spelling.ok" and not swiss.status.swiss
    assert unknown(swiss, "Die Strasse ist gross. Die Straße ist groß.") == ["Straße", "groß"]
    austrian = spelling.checker("de-AT")
    assert unknown(austrian, "Im Jänner gibt es keine Marillen.") == []
    assert unknown(spelling.checker("de"), "Im Jänner gibt es keine Marillen.") == [
        "Jänner",
        "Marillen",
    ]
