"""German or English from the text itself."""

import pytest

from newsdesk.formats.language import detect_language, language_scores


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Rat hat am Dienstag beschlossen, dass die Brücke im Sommer gesperrt wird.", "de"),
        ("Die Stadt will mehr Radwege bauen, aber das Geld ist knapp.", "de"),
        ("The council decided on Tuesday that the bridge will close in the summer.", "en"),
        ("Readers found a roof garden and longer opening hours at the library.", "en"),
        # Loan words and names do not tip a clear majority.
        ("Der Manager des Football-Clubs sagte, das Team sei in guter Form.", "de"),
        (
            "The Bürgermeister of Köln met the Oberbürgermeister of Düsseldorf in the town hall.",
            "en",
        ),
    ],
)
def test_detects_german_and_english(text, language):
    assert detect_language(text) == language


def test_words_shared_by_both_languages_do_not_vote():
    # "in", "an", "was", "will", "also" are everyday words in both languages.
    assert language_scores("in an was will also so am") == (0, 0)


def test_no_evidence_gives_the_default():
    assert detect_language("") == "en"
    assert detect_language("12 345 — !!!", default="de") == "de"
    assert detect_language("Kim Jong Un Putin Wladiwostok", default="xx") == "xx"
