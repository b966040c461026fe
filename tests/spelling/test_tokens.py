"""Which words spelling looks at, and where they are."""

import itertools
import time

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.spelling.tokens import WordSpan, from_utf16_offsets, parts, utf16_offsets, words


def found(text: str, **options) -> list[str]:
    return [span.word for span in words(text, **options)]


def test_offsets_point_at_the_words():
    text = "Der Kämmerer sagte: „Wir warten.“ Straße, Öl und O'Connor."
    spans = list(words(text))
    assert [s.word for s in spans] == [
        "Der",
        "Kämmerer",
        "sagte",
        "Wir",
        "warten",
        "Straße",
        "Öl",
        "und",
        "O'Connor",
    ]
    assert all(text[s.start : s.end] == s.word for s in spans)


def test_urls_addresses_digits_and_abbreviations_are_left_out():
    text = (
        "Mehr auf https://www.example.org/berichte/hafen-2026 und www.beispiel.de/seite, "
        "Fragen an redaktion@zeitung-nord.de, laut dpa.de und z.B. beim G7-Gipfel 2026 "
        "mit 3D-Modellen, sagten NATO und CDU, aber nicht WIRTSCHAFTSKRISE &amp; so."
    )
    assert found(text) == [
        "Mehr",
        "auf",
        "und",
        "Fragen",
        "an",
        "laut",
        "und",
        "beim",
        "mit",
        "sagten",
        "und",
        "aber",
        "nicht",
        "WIRTSCHAFTSKRISE",
        "so",
    ]


def test_markdown_code_notes_and_link_targets_are_left_out():
    text = (
        "Ein [Bericht](https://example.org/nachricht) mit `inlinecode` und ``doppel `tick``.\n"
        "<!-- privte notiz für die Redaktion -->\n"
        "```\nfenced kode block\n```\n"
        "Eine Quelle[^1] mit <span>Auszeichnung</span> {#anker}.\n\n"
        "[ref]: https://example.org/quelle\n"
        "[^1]: Angabe der Pressestelle.\n"
    )
    assert found(text) == [
        "Ein",
        "Bericht",
        "mit",
        "und",
        "Eine",
        "Quelle",
        "mit",
        "Auszeichnung",
        "Angabe",
        "der",
        "Pressestelle",
    ]


def test_plain_fields_keep_what_markdown_would_skip_but_not_urls():
    assert found("`Zitat` von https://x.org/a", markdown=False) == ["Zitat", "von"]


def test_caller_ranges_are_skipped():
    text = "Bitte printf nicht markieren"
    start = text.index("printf")
    assert found(text, markdown=False, skip=[(start, start + 6)]) == ["Bitte", "nicht", "markieren"]


def test_hyphenated_forms_are_one_word_with_checkable_parts():
    assert found("Die CDU-Politikerin aus Baden-Württemberg, well-known.") == [
        "Die",
        "CDU-Politikerin",
        "aus",
        "Baden-Württemberg",
        "well-known",
    ]
    assert parts("CDU-Politikerin") == [(4, "Politikerin")]
    assert parts("Baden-Württemberg") == [(0, "Baden"), (6, "Württemberg")]


def test_utf16_offsets_count_emoji_twice():
    text = "Heute 🎉 feiern wir 🎉🎉 Jubiläum"
    spans = list(words(text))
    qt = utf16_offsets(text, spans)
    encoded = text.encode("utf-16-le")
    for start, end, word in qt:
        assert encoded[start * 2 : end * 2].decode("utf-16-le") == word


@given(st.text(alphabet=st.sampled_from("ab ÄßéZ-'’.`<>!-[]()@:/1\n"), max_size=80))
def test_spans_are_ordered_disjoint_and_exact(text):
    spans = list(words(text))
    assert all(isinstance(s, WordSpan) and text[s.start : s.end] == s.word for s in spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


def test_hostile_texts_take_linear_time():
    """Each of these once made a pattern quadratic (40 s for the first); now all together take
    well under a second here. The bound is generous for a busy machine."""
    texts = [
        "x" * 100_000,
        "`a " * 30_000,
        "](a " * 30_000,
        "[^a " * 30_000,
        "a.b+c " * 20_000 + "@",
        "<a " * 30_000,
        "{#a " * 30_000,
        "<!-- " * 20_000,
    ]
    started = time.perf_counter()
    for text in texts:
        assert all(text[s.start : s.end] == s.word for s in words(text))
    assert time.perf_counter() - started < 10


def test_decomposed_umlauts_and_soft_hyphens_stay_inside_the_word():
    text = "Der Bu\u0308rgermeister der Nachrichten\u00adagentur"
    assert found(text) == ["Der", "Bu\u0308rgermeister", "der", "Nachrichten\u00adagentur"]


def test_utf16_ranges_convert_back():
    text = "🎉 Code 🎉 hier"
    assert from_utf16_offsets(text, [(3, 7)]) == [(2, 6)]
    assert text[2:6] == "Code"
    assert from_utf16_offsets("plain", [(1, 3)]) == [(1, 3)]
