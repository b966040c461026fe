"""Pasting a whole article into an empty one (gui/editor/article_paste.py): the question, Yes as
one undo step that builds the article, No as the ordinary paste, and no question where the
article already has text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData

from newsdesk.gui.editor.copy_article import copied_article
from newsdesk.gui.editor.section_editor import SectionEditor
from newsdesk.model.article import Article, RelatedLink, RelatedLinks, Section
from tests.gui.window_helpers import answers  # noqa: F401  (the fixture)

PASTED = """Stadtwerke senken den Gaspreis

Die neue Preisliste gilt ab Januar

Von Jana Korte

Der Gaspreis sinkt für Haushaltskunden um acht Prozent, teilen die Stadtwerke mit.

Wer profitiert

Alle Kunden im Grundtarif zahlen ab dem ersten Januar weniger.
"""


@pytest.fixture
def empty(state_for, qtbot):
    state = state_for(Article(language="de", sections=[Section()]))
    editor = SectionEditor()
    qtbot.addWidget(editor)
    editor.set_undo_stack(state)
    section = state.article.sections[0]
    editor.set_document(state.document(section.id))
    return state, editor


def _text(text: str, html: str = "", markdown: str = "") -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    if html:
        mime.setHtml(html)
    if markdown:
        mime.setData("text/markdown", markdown.encode("utf-8"))
    return mime


def test_yes_splits_the_paste_into_an_article_in_one_undo_step(empty, answers):  # noqa: F811
    state, editor = empty
    answers.answer("split")
    editor.insertFromMimeData(_text(PASTED))
    article = state.article
    assert article.headline == "Stadtwerke senken den Gaspreis"
    assert article.subheadline == "Die neue Preisliste gilt ab Januar"
    assert article.byline == "Jana Korte" and article.language == "de"
    assert [s.heading for s in article.sections] == ["", "Wer profitiert"]
    assert "Gaspreis sinkt" in article.sections[0].markdown
    assert answers.asked and "whole article" in answers.asked[0][1]
    state.undo()
    assert article.headline == "" and [s.markdown for s in article.sections] == [""]


def test_no_pastes_the_text_into_the_section(empty, answers):  # noqa: F811
    state, editor = empty
    answers.answer("paste_as_text")
    editor.insertFromMimeData(_text(PASTED))
    state.flush_text()
    assert state.article.headline == ""
    assert len(state.article.sections) == 1
    assert "Stadtwerke senken den Gaspreis" in state.article.sections[0].markdown
    assert "Wer profitiert" in state.article.sections[0].markdown


def test_no_question_when_the_article_has_text(state_for, qtbot, answers):  # noqa: F811
    state = state_for(Article(headline="Schon da", sections=[Section(markdown="Ein Satz.")]))
    editor = SectionEditor()
    qtbot.addWidget(editor)
    editor.set_undo_stack(state)
    editor.set_document(state.document(state.article.sections[0].id))
    editor.insertFromMimeData(_text(PASTED))  # a question would fail the test (none queued)
    state.flush_text()
    assert answers.asked == [] and state.article.headline == "Schon da"
    assert "Wer profitiert" in state.article.sections[0].markdown


def test_no_question_for_a_few_lines(empty, answers):  # noqa: F811
    state, editor = empty
    editor.insertFromMimeData(_text("Ein Satz, der eingefügt wird.\nUnd ein zweiter Satz."))
    state.flush_text()
    assert answers.asked == []
    assert "Ein Satz, der eingefügt wird." in state.article.sections[0].markdown


def test_copy_article_from_one_window_pastes_as_the_same_article(empty, answers):  # noqa: F811
    source = Article(
        headline="Ferry timetable grows",
        subheadline="Two more evening crossings",
        language="en",
        sections=[
            Section(markdown="The island ferry adds two crossings after nine."),
            Section(heading="What changes", markdown="- later boats\n- more seats"),
            Section(heading="Costs", kind="opinion", label="Opinion", markdown="Worth it."),
        ],
        related=RelatedLinks(links=[RelatedLink("Timetable", "https://example.org/ferry")]),
    )
    copied = copied_article(source)
    state, editor = empty
    answers.answer("split")
    editor.insertFromMimeData(_text(copied.plain, copied.html, copied.markdown))
    article = state.article
    assert (article.headline, article.subheadline) == (source.headline, source.subheadline)
    shape = [(s.heading, s.kind, s.markdown) for s in article.sections]
    assert shape == [(s.heading, s.kind, s.markdown) for s in source.sections]
    assert article.related.links == source.related.links
