"""The check's findings about tables, source notes and editor's notes (issue 14) in the window's
words, German and English, with the table's number and the note's label from the finding."""

from __future__ import annotations

import pytest

from newsdesk.gui.check.finding_messages import MESSAGES, finding_text
from newsdesk.gui.translations import install_translators
from newsdesk.model.article import Article, Section
from newsdesk.model.preflight import preflight

CODES = (
    "table-caption-missing",
    "table-header-missing",
    "source-note-unreferenced",
    "source-note-missing",
    "private-note-unclosed",
)
MARKDOWN = (
    "Laut Feuerwehr[^2] brannte es.\n\n"
    "|  |  |\n| --- | --- |\n| Grüne | 12 |\n\n"
    "<!-- Zitat von Jörg Weiß prüfen\n\n"
    "[^1]: Polizeipräsidium Nordhessen\n"
)


def _findings():
    article = Article(
        language="de",
        headline="Brand in der Straße",
        sections=[Section(heading="Kosten", markdown=MARKDOWN)],
    )
    return article, {f.code: f for f in preflight(article) if f.code in CODES}


@pytest.fixture
def german(qapp):
    installed = install_translators(qapp, "de")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_every_construct_code_has_a_text():
    assert set(CODES) <= set(MESSAGES)


def test_the_findings_in_english(qapp):
    article, found = _findings()
    assert set(found) >= {"table-caption-missing", "table-header-missing", "private-note-unclosed"}
    texts = {code: finding_text(f, article) for code, f in found.items()}
    assert texts["table-caption-missing"] == (
        "Section “Kosten”: table 1 has no caption (the line after the table)"
    )
    assert texts["table-header-missing"] == (
        "Section “Kosten”: table 1 has no header row (column titles)"
    )


def test_the_findings_in_german(german):
    article, found = _findings()
    texts = {code: finding_text(f, article) for code, f in found.items()}
    assert texts["table-caption-missing"] == (
        "Abschnitt „Kosten“: Tabelle 1 hat keine Beschriftung (die Zeile nach der Tabelle)"
    )
    assert texts["table-header-missing"] == (
        "Abschnitt „Kosten“: Tabelle 1 hat keine Kopfzeile (Spaltentitel)"
    )
    assert texts["private-note-unclosed"] == (
        "Abschnitt „Kosten“: Eine Redaktionsnotiz ist nicht mit --> geschlossen; "
        "der Rest ist verborgen"
    )


def test_source_note_findings_name_the_label_in_german(german):
    article = Article(
        language="de",
        headline="Brand",
        sections=[
            Section(
                heading="Kosten",
                markdown="Laut Feuerwehr[^2] brannte es.\n\n[^1]: Polizeipräsidium Nordhessen\n",
            )
        ],
    )
    found = {f.code: f for f in preflight(article) if f.code in CODES}
    texts = {code: finding_text(f, article) for code, f in found.items()}
    assert texts["source-note-unreferenced"] == (
        "Abschnitt „Kosten“: Auf Quellenangabe 1 verweist der Text nirgends"
    )
    assert texts["source-note-missing"] == (
        "Abschnitt „Kosten“: verweist auf Quellenangabe 2, die es nicht gibt"
    )
