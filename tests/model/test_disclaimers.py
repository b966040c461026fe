"""Symbol-image notices per language, and the alt-text hints the image pane and preflight share."""

from __future__ import annotations

import pytest

from newsdesk.model.article import Article, Image
from newsdesk.model.disclaimers import (
    ALT_MAX_CHARS,
    ALT_PROBLEMS,
    alt_text_problem,
    symbol_image_presets,
)
from newsdesk.model.preflight import preflight


@pytest.mark.parametrize("language", ["de", "de-DE", "de-AT", "DE-ch", "de_CH"])
def test_german_articles_get_german_notices(language):
    presets = symbol_image_presets(language)
    assert presets[0] == "Symbolbild"
    assert len(presets) >= 3 and len(set(presets)) == len(presets)
    assert all(p.startswith(("Symbol", "Archiv")) for p in presets)


@pytest.mark.parametrize("language", ["en", "en-GB", "fr", "", "deu-x", "dk"])
def test_other_languages_get_english_notices(language):
    presets = symbol_image_presets(language)
    assert presets[0] == "Illustrative image"
    assert not any("Symbolbild" in p for p in presets)


def test_notices_are_single_lines_without_stray_spaces():
    for presets in (symbol_image_presets("de"), symbol_image_presets("en")):
        for text in presets:
            assert text == text.strip() and "\n" not in text and "  " not in text


@pytest.mark.parametrize(
    "alt, caption, problem",
    [
        ("", "Der Hafen am Morgen.", "missing"),
        ("   ", "", "missing"),
        ("Der Hafen am Morgen", "Der Hafen am Morgen.", "repeats_caption"),
        ("der  HAFEN am morgen!", "Der Hafen am Morgen.", "repeats_caption"),
        ("x" * (ALT_MAX_CHARS + 1), "", "too_long"),
        ("Bild von einem Kran im Hafen", "", "starts_with_image_of"),
        ("Foto: Kran im Hafen", "", "starts_with_image_of"),
        ("Image of a crane at the docks", "", "starts_with_image_of"),
        ("A photo of a crane", "", "starts_with_image_of"),
        ("photo showing a crane", "", "starts_with_image_of"),
        ("Das Bild zeigt einen Kran", "", "starts_with_image_of"),
        ("Ein Kran hebt einen Container vom Schiff.", "Der Hafen am Morgen.", None),
        ("x" * ALT_MAX_CHARS, "", None),
        ("Bildschirme in der Leitstelle", "", None),
        ("Photography students at work", "", None),
        ("…", "—", None),
    ],
)
def test_alt_text_problem(alt, caption, problem):
    assert alt_text_problem(alt, caption) == problem
    assert problem is None or problem in ALT_PROBLEMS


@pytest.mark.parametrize(
    "alt, caption, code",
    [
        ("", "Kran", "alt-missing"),
        ("Kran am Kai", "Kran am Kai", "alt-equals-caption"),
        ("Kran am Kai", "Kran am Kai.", "alt-equals-caption"),
        ("y" * (ALT_MAX_CHARS + 1), "Kran", "alt-too-long"),
    ],
)
def test_preflight_reports_the_same_alt_problems(alt, caption, code):
    article = Article(
        headline="Kran", images=[Image(alt=alt, caption=caption, credit="Foto: A", data=b"x")]
    )
    codes = {f.code for f in preflight(article)}
    assert code in codes
    assert alt_text_problem(alt, caption) is not None
