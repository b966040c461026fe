"""The Check words a whole list of findings with the article's sections numbered once (make bench,
part scaling: per finding, thousands of spelling findings in a 400-section article took a minute
per check)."""

from __future__ import annotations

from newsdesk.gui.check import finding_messages
from newsdesk.gui.check.finding_messages import finding_text, finding_texts
from newsdesk.model.article import Article, Section
from newsdesk.model.preflight import Finding


def long_article(sections: int) -> Article:
    return Article(
        headline="Council budget, line by line",
        language="en",
        sections=[
            Section(id=f"s{n}", heading=f"Line {n}" if n % 2 else "", markdown="Figures follow.")
            for n in range(sections)
        ],
    )


def spelling_finding(section_id: str, word: str) -> Finding:
    return Finding(
        "warning", "spelling", f"Unknown word {word!r}", f"section:{section_id}",
        details={"word": word, "field": "text", "count": 1},
    )  # fmt: skip


def test_finding_texts_words_each_finding_as_finding_text_does(qapp):
    article = long_article(6)
    findings = [spelling_finding(f"s{n}", f"wrod{n}") for n in range(6)]
    findings.append(spelling_finding("gone", "wrodx"))  # its section was deleted meanwhile
    texts = finding_texts(findings, article)
    assert texts == [finding_text(finding, article) for finding in findings]
    assert "Line 1" in texts[1] and "Section 3" in texts[2]  # a heading, else its number
    assert texts[-1] == findings[-1].message  # a place that is gone: the model's message


def test_the_sections_are_numbered_once_for_the_whole_list(qapp, monkeypatch):
    article = long_article(40)
    findings = [spelling_finding(f"s{n % 40}", f"wrod{n}") for n in range(400)]
    walks = []
    real = Article.walk_sections
    monkeypatch.setattr(Article, "walk_sections", lambda self: walks.append(1) or real(self))
    finding_texts(findings, article)
    assert len(walks) == 1
    assert finding_messages._numbered_sections is None  # nothing kept for a later, other list
