"""The word-level comparison File > Revisions shows between a revision and the current text."""

from __future__ import annotations

from newsdesk.model.article import Article, Section
from newsdesk.model.word_diff import Piece, change_counts, compare_articles, compare_lines


def _article(lead: str, heading: str = "Die Kosten") -> Article:
    return Article(
        headline="Brücke über den Main",
        sections=[Section(markdown=lead), Section(heading=heading, markdown="Zwei *Millionen* €.")],
    )


def test_a_changed_word_is_removed_and_added_and_the_rest_stays():
    old = _article("Die Brücke öffnet am Samstag für Fußgänger.")
    new = _article("Die Brücke öffnet am Sonntag für Fußgänger.")
    paragraphs = compare_articles(old, new)
    changed = [p for p in paragraphs if any(piece.change != "same" for piece in p)]
    assert changed == [
        [
            Piece("same", "Die Brücke öffnet am "),
            Piece("removed", "Samstag"),
            Piece("added", "Sonntag"),
            Piece("same", " für Fußgänger."),
        ]
    ]
    assert change_counts(paragraphs) == (1, 1)
    # Markdown syntax is not text a reader sees, so it never shows as a change.
    assert [Piece("same", "Zwei Millionen €.")] in paragraphs


def test_a_deleted_section_shows_its_heading_and_text_removed():
    old = _article("Erster Absatz.")
    new = Article(headline=old.headline, sections=[Section(markdown="Erster Absatz.")])
    paragraphs = compare_articles(old, new)
    removed = [piece.text for p in paragraphs for piece in p if piece.change == "removed"]
    assert removed == ["Die Kosten", "Zwei Millionen €."]
    assert change_counts(paragraphs) == (5, 0)


def test_identical_articles_have_no_changes():
    article = _article("Gleich.")
    assert change_counts(compare_articles(article, article)) == (0, 0)


def test_a_huge_rewrite_is_shown_whole_not_word_by_word():
    old = [" ".join(f"alt{n}" for n in range(5000))]
    new = [" ".join(f"neu{n}" for n in range(5000))]
    assert compare_lines(old, new) == [[Piece("removed", old[0]), Piece("added", new[0])]]
