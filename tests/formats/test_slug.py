"""Slugs from headlines."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.formats.slug import MAX_SLUG_CHARS, slugify


@pytest.mark.parametrize(
    ("headline", "slug"),
    [
        (
            "Bürgerbad bleibt bis Ende März geschlossen",
            "buergerbad-bleibt-bis-ende-maerz-geschlossen",
        ),
        ("Straße, Öl & Übermaß", "strasse-oel-uebermass"),
        ("Café in São Paulo öffnet!", "cafe-in-sao-paulo-oeffnet"),
        ("Ærø: Fähre nach Łódź?", "aeroe-faehre-nach-lodz"),
        ("  --Kim & Putin: 2023 -- ", "kim-putin-2023"),
        ("„Zitat“ — «citation»", "zitat-citation"),
        ("!!!", ""),
        ("", ""),
    ],
)
def test_slugify(headline, slug):
    assert slugify(headline) == slug


def test_long_headlines_are_cut_at_a_word_boundary():
    slug = slugify("Ein sehr langer Titel " * 10)
    assert len(slug) <= MAX_SLUG_CHARS
    assert slug.endswith(("ein", "sehr", "langer", "titel"))
    assert slugify("x" * 200) == "x" * MAX_SLUG_CHARS


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_slugs_are_always_url_safe(text):
    slug = slugify(text)
    assert len(slug) <= MAX_SLUG_CHARS
    assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in slug)
    assert "--" not in slug and not slug.startswith("-") and not slug.endswith("-")
