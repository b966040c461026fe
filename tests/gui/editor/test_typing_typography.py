"""What the page shows, the editor shows: as the journalist types, the page's one typography rule
(formats/typography.py) keeps "27. November", "12 km" and "© 2026" together and makes "(c) 2026"
"© 2026", so the editor's text is the exported page's text, and the export changes nothing of it."""

from __future__ import annotations

import html5lib
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from newsdesk.formats.html_export import render_page
from newsdesk.formats.typography import NBSP, keep_together, typing_changes
from newsdesk.gui.editor.section_editor import SectionEditor
from newsdesk.model.article import Article, Section


@pytest.fixture
def editor(qtbot):
    widget = SectionEditor()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.setFocus()
    widget.typographic_quotes = True
    widget.language = "de"
    return widget


def type_text(widget, text: str) -> None:
    """Type any text (QTest.keyClicks knows only ASCII), Enter for a newline."""
    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, "" if key else char)
            QApplication.sendEvent(widget, event)


def lines(editor: SectionEditor) -> list[str]:
    """The paragraphs as the document holds them (toPlainText would turn no-break spaces into
    spaces)."""
    document = editor.document()
    return [document.findBlockByNumber(n).text() for n in range(document.blockCount())]


def page_paragraphs(markdown: str, language: str = "de") -> list[str]:
    article = Article(headline="Hafen", language=language, sections=[Section(markdown=markdown)])
    tree = html5lib.parse(render_page(article).html, namespaceHTMLElements=False)
    body = tree.find(".//div[@class='section-body']")
    paragraphs = body.iter("p") if body is not None else tree.iter("p")
    return ["".join(p.itertext()) for p in paragraphs]


TYPED = "Am 27. November fahren die Busse 12 km weiter. Fotos: (c) 2026 Hafenamt Kiel"


def test_typed_text_is_the_pages_text(editor):
    type_text(editor, TYPED + "\nZweiter Absatz mit 20 % mehr.")
    shown = lines(editor)
    assert shown[0] == (
        f"Am 27.{NBSP}November fahren die Busse 12{NBSP}km weiter. Fotos: ©{NBSP}2026 Hafenamt Kiel"
    )
    assert shown[1] == f"Zweiter Absatz mit 20{NBSP}% mehr."
    # Editor -> page: the page shows exactly what the editor shows.
    markdown = editor.markdown()
    assert page_paragraphs(markdown) == shown
    # Page -> editor: the page's rule finds nothing left to change in what the editor shows,
    # and the Markdown the editor saves opens as the same text.
    assert [keep_together(line) for line in shown] == shown
    reopened = SectionEditor()
    reopened.set_markdown(markdown)
    assert lines(reopened) == shown
    assert reopened.markdown() == markdown


def test_undo_gives_back_what_was_typed(editor):
    type_text(editor, "Noch 12 km")
    assert lines(editor) == ["Noch 12 km"]  # the unit may go on ("km/h"): not yet
    type_text(editor, " ")
    assert lines(editor) == [f"Noch 12{NBSP}km "]
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert lines(editor) == ["Noch 12 km "]


def test_enumerations_code_and_older_text_stay_as_they_are(editor):
    type_text(editor, "Varianten (a) Fähre, (b) Brücke, (c) Tunnel. ")
    assert lines(editor) == ["Varianten (a) Fähre, (b) Brücke, (c) Tunnel. "]
    older = "Alt: 5 km, und dann folgt ein langer Satz, der weit vor dem Cursor endet."
    editor.set_markdown(older)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " Neu: 7 km ")
    assert lines(editor) == [f"{older} Neu: 7{NBSP}km "]  # opened text is not rewritten
    editor.set_markdown("    fahre 12 km")  # a code block (indented, as the dialect has it)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " weit ")
    assert lines(editor) == ["fahre 12 km weit "]  # code stays as typed


def test_without_the_option_nothing_changes(editor):
    editor.typographic_quotes = False
    type_text(editor, "Am 27. November, 12 km. ")
    assert lines(editor) == ["Am 27. November, 12 km. "]


def test_typing_changes_reach_only_the_last_words():
    assert typing_changes("Am 27. November ") == [(6, 1, NBSP)]
    assert typing_changes("(c) 2026 ") == [(0, 3, "©"), (3, 1, NBSP)]
    assert typing_changes("12 km " + "x" * 80 + " ") == []
    assert typing_changes("Im Dezember 40 km ") == [(14, 1, NBSP)]  # 40 is no day of the month


def test_an_article_without_a_language_types_its_publications_quotes(qtbot, tmp_path):
    from newsdesk.publication import (
        PublicationProfile,
        Publications,
        save_publications,
        set_article_publication,
    )
    from tests.gui.window_helpers import make_project, new_window

    save_publications(Publications([PublicationProfile(name="Inselbote", language="de")]))
    article = Article(headline="Deich", language="", sections=[Section(markdown="Text")])
    set_article_publication(article, "Inselbote")
    window = new_window(qtbot, tmp_path)
    assert window.files.open_path(make_project(tmp_path / "deich.newsdesk", article))
    assert window.editor.language == "de"  # as the page: the publication's German
    from newsdesk.model.publication_commands import SetArticlePublication

    window.article_state.push_command(SetArticlePublication(""))
    assert window.editor.language != "de"  # no publication: no German quotes
    window.article_state.undo()
    assert window.editor.language == "de"
