"""Long sections in the whole-article view are shown in pieces until the journalist goes into them
(issue 18, scrolling): the pieces read exactly as the whole section (same blocks, same positions),
only those near the screen are built, a click in a piece lands at the same place in the section,
and the section's own document takes over as soon as it exists."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from newsdesk.formats.markdown_blocks import markdown_to_blocks
from newsdesk.gui.editor.section_editor import new_section_document
from newsdesk.gui.editor.whole_pieces import SPLIT_ABOVE, split_markdown
from newsdesk.model.article import Article, Section
from tests.gui.window_helpers import close_window, make_project, new_window

PLAIN = [
    "The harbour office opens at six and closes when the last ferry is in.",
    "„Wir fahren, solange jemand mitfährt“, sagt die Kapitänin Jörg-Weiß.",
    "Evening crossings cost *four euros*, with a **bike** six; see [the timetable](https://example.org).",
    "Ab Mai fährt das letzte Boot um 23:10 Uhr ab; bis dahin bleibt das Büro besetzt.",
]
CONSTRUCTS = [
    "- first item\n- second item",
    "1. one\n2. two",
    "> A quoted line from the council.",
    "### What changes",
    "| Day | Boats |\n| --- | --- |\n| Monday | 4 |",
    "    indented code",
    "Setext heading\n--------------",
    "- loose item\n\n  its second paragraph",
    "Text with a line break  \nand its second line.",
]


def _blocks(markdown: str) -> list:
    return markdown_to_blocks(markdown, notes=True)


def _long(paragraphs: list[str]) -> str:
    text = "\n\n".join(paragraphs)
    while len(text) < SPLIT_ABOVE * 2:
        text = text + "\n\n" + "\n\n".join(paragraphs)
    return text


def test_a_long_plain_section_is_cut_and_reads_the_same():
    markdown = _long(PLAIN)
    pieces = split_markdown(markdown)
    assert len(pieces) > 2
    assert [block for piece in pieces for block in _blocks(piece)] == _blocks(markdown)


def test_short_sections_and_those_that_reach_across_paragraphs_are_not_cut():
    assert split_markdown("One paragraph.\n\nAnother.") == ["One paragraph.\n\nAnother."]
    for across in (
        "See the note[^1].",
        "[^1]: The council's minutes.",
        "A [link][ref] here.\n\n[ref]: https://example.org",
        "<!-- check the figure with Jörg -->",
        "```\ncode\n\nmore code\n```",
        "![The harbour](image:abc123)",
    ):
        markdown = _long(PLAIN) + "\n\n" + across
        assert split_markdown(markdown) == [markdown]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PLAIN + CONSTRUCTS), min_size=8, max_size=60))
def test_pieces_give_the_blocks_of_the_whole_whatever_the_mix(paragraphs):
    markdown = _long(paragraphs)
    pieces = split_markdown(markdown)
    assert [block for piece in pieces for block in _blocks(piece)] == _blocks(markdown)


def test_pieces_documents_line_up_with_the_sections_positions(qapp):
    markdown = _long(PLAIN + CONSTRUCTS)
    pieces = split_markdown(markdown)
    assert len(pieces) > 1
    whole = new_section_document(markdown)
    documents = [new_section_document(piece) for piece in pieces]
    assert sum(d.characterCount() for d in documents) == whole.characterCount()
    offset = 0
    for document in documents:
        block = document.firstBlock()
        assert whole.findBlock(offset).text() == block.text()
        assert whole.findBlock(offset).position() == offset
        offset += document.characterCount()


def _window(qtbot, tmp_path):
    long_text = _long(PLAIN)
    article = Article(
        headline="Harbour ferry",
        language="en",
        sections=[
            Section(id="lead", markdown="The lead comes first."),
            Section(id="long", heading="The whole story", markdown=long_text),
            Section(id="end", heading="Last", markdown="The last word."),
        ],
    )
    window = new_window(qtbot, tmp_path)
    window.resize(1000, 700)
    assert window.open_path(make_project(tmp_path / "pieces.newsdesk", article))
    window.views.whole_action.trigger()
    view = window.views.whole_view
    slot = view.slot("long")
    qtbot.waitUntil(lambda: slot.pieces is not None and any(slot.pieces.displays))
    return window, view, long_text


def test_a_long_section_is_shown_in_pieces_built_as_they_come_near(qtbot, tmp_path):
    window, view, _text = _window(qtbot, tmp_path)
    slot = view.slot("long")
    assert slot.pieces is not None and slot.display is None
    assert not window.article_state.has_document("long")  # nothing of it converted whole
    built_at_top = sum(d is not None for d in slot.pieces.displays)
    assert 0 < built_at_top < len(slot.pieces)
    bar = view.verticalScrollBar()
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + bar.pageStep())
        qtbot.wait(5)
    assert all(d is not None for d in slot.pieces.displays)
    close_window(window)


def test_a_click_in_a_piece_lands_at_the_same_place_in_the_section(qtbot, tmp_path):
    window, view, _text = _window(qtbot, tmp_path)
    slot = view.slot("long")
    index = next(n for n, d in enumerate(slot.pieces.displays) if d is not None and n > 0)
    display = slot.pieces.displays[index]
    block = display.document().firstBlock().next()
    local = block.position() + 10
    expected = slot.pieces.offset(index) + local
    place = QTextCursor(display.document())
    place.setPosition(local)
    view.ensureWidgetVisible(display, 0, 0)
    no_keys = Qt.KeyboardModifier.NoModifier
    at = display.cursorRect(place).center() + QPoint(1, 0)
    QTest.mouseClick(display.viewport(), Qt.MouseButton.LeftButton, no_keys, at)
    qtbot.waitUntil(lambda: view.hosted_section == "long")
    assert slot.pieces is None  # the editor shows the section's own document now
    cursor = window.editor.textCursor()
    assert abs(cursor.position() - expected) <= 1
    assert cursor.block().text() == block.text()
    close_window(window)


def test_the_sections_own_document_replaces_the_pieces_once_it_exists(qtbot, tmp_path):
    window, view, _text = _window(qtbot, tmp_path)
    slot = view.slot("long")
    assert slot.pieces is not None
    # Select All and delete: the long section's text changes without the editor going into it.
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.editor, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: slot.pieces is None)
    assert window.article_state.document("long").toPlainText() == ""
    assert slot.display is not None or view.hosted_section == "long"
    # Undo brings the text back, and the view shows it.
    window.article_state.undo()
    qtbot.waitUntil(lambda: window.article_state.document("long").toPlainText() != "")
    shown = slot.display.toPlainText() if slot.display is not None else window.editor.toPlainText()
    assert shown.startswith(PLAIN[0])
    close_window(window)
