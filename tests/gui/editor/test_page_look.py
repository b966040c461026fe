"""The editor is the page (issue 17 item 10): spacing at once, quotes after lists, the readable
measure, the heading above the text, inline photos with their captions."""

from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtTest import QTest

from newsdesk.gui.editor.inline_images import register_article_images
from newsdesk.gui.editor.markdown_bridge import PARAGRAPH_SPACING
from newsdesk.gui.editor.page_look import MEASURE_CHARACTERS
from newsdesk.gui.editor.photo_captions import caption_lines
from newsdesk.gui.editor.section_editor import SectionEditor, new_section_document
from newsdesk.gui.editor.section_heading import SectionHeading
from newsdesk.gui.photos.thumbnails import Thumbnailer
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.image_commands import SetImageFields

LONG_PARAGRAPH = (
    "Die Fähre über die Förde fährt wieder: Jörg Weiß, der Kapitän, begrüßte am Montag die "
    "ersten Fahrgäste, und die Straße zum Anleger war schon um sechs Uhr voller Räder. "
) * 3


def editor_with(qtbot, markdown: str, width: int = 600) -> SectionEditor:
    editor = SectionEditor()
    qtbot.addWidget(editor)
    editor.set_document(new_section_document(markdown, editor))
    editor.resize(width, 500)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def block_tops(document: QTextDocument) -> list[float]:
    layout = document.documentLayout()
    tops = []
    block = document.begin()
    while block.isValid():
        tops.append(layout.blockBoundingRect(block).top())
        block = block.next()
    return tops


# -- spacing -------------------------------------------------------------------------------------


def test_typed_paragraphs_are_spaced_at_once_in_a_new_section(qtbot):
    editor = editor_with(qtbot, "")
    editor.setFocus()
    QTest.keyClicks(editor, "First")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClicks(editor, "Second")
    first, second = block_tops(editor.document())
    line = editor.fontMetrics().lineSpacing()
    # As after reopening: a paragraph break shows as space, not as a mere new line.
    assert second - first >= line + PARAGRAPH_SPACING - 1
    reopened = new_section_document(editor.markdown())
    assert reopened.begin().blockFormat().bottomMargin() == PARAGRAPH_SPACING


def test_a_paragraph_after_ending_a_list_with_enter_is_spaced(qtbot):
    editor = editor_with(qtbot, "- one\n- two\n")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClick(editor, Qt.Key.Key_Return)  # an empty item: Enter ends the list
    QTest.keyClicks(editor, "After the list")
    last = editor.document().lastBlock()
    assert last.textList() is None
    assert last.blockFormat().topMargin() == PARAGRAPH_SPACING
    assert last.blockFormat().bottomMargin() == PARAGRAPH_SPACING


def test_spacing_is_part_of_the_typing_undo_step(qtbot):
    editor = editor_with(qtbot, "")
    QTest.keyClicks(editor, "One")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    editor.document().undo()
    assert editor.document().blockCount() == 1
    assert editor.markdown() == "One\n"


# -- quotes after lists --------------------------------------------------------------------------


def test_a_quote_right_after_a_list_is_set_off_and_barred(qtbot):
    editor = editor_with(qtbot, "- first item\n- second item\n\n> Ein Zitat von Frau Öztürk.\n")
    document = editor.document()
    item, quote = document.begin().next(), document.lastBlock()
    layout = document.documentLayout()
    gap = layout.blockBoundingRect(quote).top() - layout.blockBoundingRect(item).bottom()
    assert gap >= PARAGRAPH_SPACING  # not one more line of the list
    shot = editor.viewport().grab().toImage()
    rect = layout.blockBoundingRect(quote)
    y = int(rect.center().y())
    background = shot.pixelColor(shot.width() - 5, y)
    # The quote's bar, left of its text, where the list's bullets stand: not background.
    bar_columns = [x for x in range(int(rect.left()), int(rect.left()) + 24)]
    assert any(shot.pixelColor(x, y) != background for x in bar_columns)
    item_y = int(layout.blockBoundingRect(item).center().y())
    bar_x = next(x for x in bar_columns if shot.pixelColor(x, y) != background)
    assert shot.pixelColor(bar_x, item_y) == background or bar_x < rect.left() + 12


# -- the readable measure ------------------------------------------------------------------------


def line_lengths(editor: SectionEditor) -> list[int]:
    layout = editor.document().begin().layout()
    return [layout.lineAt(n).textLength() for n in range(layout.lineCount())]


def test_a_wide_editor_keeps_a_readable_centred_measure(qtbot):
    editor = editor_with(qtbot, LONG_PARAGRAPH, width=1600)
    lengths = line_lengths(editor)[:-1]  # the last line of a paragraph is short
    assert lengths and all(
        0.8 * MEASURE_CHARACTERS <= n <= 1.2 * MEASURE_CHARACTERS for n in lengths
    )
    margins = editor.viewportMargins()
    assert margins.left() == margins.right() == editor.column_margin > 300
    assert abs(editor.viewport().geometry().center().x() - editor.rect().center().x()) <= 2


def test_a_narrow_editor_uses_its_whole_width(qtbot):
    editor = editor_with(qtbot, LONG_PARAGRAPH, width=400)
    assert editor.column_margin == 0
    assert max(line_lengths(editor)) < MEASURE_CHARACTERS


# -- the heading above the text ------------------------------------------------------------------


@pytest.fixture
def heading_state(state_for):
    return state_for(
        Article(
            language="de",
            sections=[
                Section(id="lead", markdown="Der Vorspann."),
                Section(id="gruss", heading="Grüße aus Köln", markdown="Text."),
                Section(id="meinung", heading="Zu spät", kind="opinion", label="Kommentar"),
            ],
        )
    )


def heading_for(qtbot, state, section_id: str) -> SectionHeading:
    heading = SectionHeading(state)
    qtbot.addWidget(heading)
    heading.set_section(section_id)
    heading.show()
    return heading


def test_a_heading_typed_above_the_text_is_one_undo_step(qtbot, heading_state):
    heading = heading_for(qtbot, heading_state, "gruss")
    assert heading.edit.text() == "Grüße aus Köln"
    heading.edit.setFocus()
    heading.edit.selectAll()
    QTest.keyClicks(heading.edit, "Neue Schleuse")
    with qtbot.waitSignal(heading.finished) as finished:
        QTest.keyClick(heading.edit, Qt.Key.Key_Return)
    assert finished.args == ["gruss"]
    assert heading_state.article.find_section("gruss").heading == "Neue Schleuse"
    assert heading_state.count() == 1
    heading_state.undo()
    assert heading_state.article.find_section("gruss").heading == "Grüße aus Köln"
    assert heading.edit.text() == "Grüße aus Köln"  # follows the undo


def test_escape_takes_back_the_typing_and_renames_nothing(qtbot, heading_state):
    heading = heading_for(qtbot, heading_state, "gruss")
    heading.edit.setFocus()
    QTest.keyClicks(heading.edit, " und Bonn")
    QTest.keyClick(heading.edit, Qt.Key.Key_Escape)
    assert heading.edit.text() == "Grüße aus Köln"
    assert heading_state.count() == 0


def test_the_heading_follows_a_rename_elsewhere_and_marks_opinion(qtbot, heading_state):
    from newsdesk.model.commands import RenameSection

    heading = heading_for(qtbot, heading_state, "meinung")
    assert heading.mark.isVisible() and heading.mark.text() == "KOMMENTAR"
    heading_state.push_command(RenameSection("meinung", "Viel zu spät"))
    assert heading.edit.text() == "Viel zu spät"
    heading.set_section("lead")
    assert heading.edit.text() == "" and not heading.mark.isVisible()
    assert heading.edit.placeholderText() == "Lead (no heading)"


def test_a_read_only_heading_changes_nothing(qtbot, heading_state):
    heading = heading_for(qtbot, heading_state, "gruss")
    heading.set_read_only(True)
    heading.edit.setFocus()
    QTest.keyClicks(heading.edit, "x")
    QTest.keyClick(heading.edit, Qt.Key.Key_Return)
    assert heading_state.count() == 0


# -- inline photos with their captions -----------------------------------------------------------


def photo_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 180), (200, 120, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_caption_lines_speak_the_page_s_words():
    image = Image(caption="Die Fähre am Anleger", credit="Jörg Weiß", symbolic=True)
    caption, credit = caption_lines(image, "de")
    assert caption == "Die Fähre am Anleger"
    assert credit.startswith("Foto: Jörg Weiß") and "SYMBOLBILD" in credit
    assert caption_lines(Image(), "en")[0] == "No caption yet"
    assert caption_lines(Image(caption="x" * 50_000), "en")[0] == "x" * 2_000


def figure(document: QTextDocument, image_id: str) -> QImage:
    value = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(f"image:{image_id}"))
    assert isinstance(value, QImage)
    return value


def text_rows_below(picture: QImage, start: int) -> int:
    """How many rows below `start` hold drawn (caption) pixels."""
    return sum(
        1
        for y in range(start, picture.height())
        if any(picture.pixelColor(x, y).alpha() > 0 for x in range(0, picture.width(), 2))
    )


def test_an_inline_photo_shows_its_caption_and_follows_edits(qtbot, state_for):
    image = Image(role="inline", data=photo_bytes(), width=320, height=180, caption="")
    article = Article(sections=[Section(id="s", markdown=f"Text.\n\n![](image:{image.id})\n")])
    article.images.append(image)
    state = state_for(article)
    thumbnailer = Thumbnailer()
    document = state.document("s")
    register_article_images(document, article, thumbnailer)
    qtbot.waitUntil(lambda: thumbnailer.picture(image) is not None)
    register_article_images(document, article, thumbnailer)
    without = figure(document, image.id)
    # The photo, then (on a transparent ground) its caption: "No caption yet", in grey.
    photo_height = next(y for y in range(without.height()) if without.pixelColor(0, y).alpha() == 0)
    assert photo_height == 180
    assert without.height() > photo_height and text_rows_below(without, photo_height) > 5
    state.push_command(
        SetImageFields(image.id, caption="Die Fähre legt an. " * 8, credit="Lea Wolf")
    )
    assert register_article_images(document, article, thumbnailer)
    captioned = figure(document, image.id)
    # A long caption wraps under the photo, and the credit line comes below it.
    assert captioned.height() > without.height()
    assert captioned.width() == without.width()
    thumbnailer.wait()
