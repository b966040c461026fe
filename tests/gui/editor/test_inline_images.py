"""Inline photos: inserted at the editor's cursor as one undo step (photo and reference together),
shown in the editor with their pictures kept current, and exported as figures in their place."""

from __future__ import annotations

import io

import html5lib
import pytest
from PIL import Image as PILImage
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtTest import QTest

from newsdesk import imaging
from newsdesk.errors import ImageError
from newsdesk.formats.html_export import render_page
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.editor.inline_images import (
    EDITOR_PICTURE_SIDE,
    InlineImages,
    can_insert_photo,
    insert_photo_at_cursor,
    insert_photo_file,
    referenced_image_ids,
    register_article_images,
)
from newsdesk.gui.editor.markdown_bridge import markdown_to_document
from newsdesk.gui.editor.section_editor import SectionEditor
from newsdesk.gui.photos.thumbnails import Thumbnailer
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.image_commands import SetImageFields
from newsdesk.model.serialize import article_to_dict
from newsdesk.store import create_project, open_project


def photo_bytes(size=(320, 180), colour=(200, 120, 40)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def make_article() -> Article:
    return Article(
        headline="Ferry service resumes",
        sections=[
            Section(id="lead", markdown="The first ferry left at six. Passengers cheered."),
            Section(id="later", heading="Timetable", markdown="- Hourly\n- Until midnight"),
        ],
    )


@pytest.fixture
def thumbnailer(qtbot):
    thumbnailer = Thumbnailer()
    yield thumbnailer
    thumbnailer.wait()


@pytest.fixture
def stack(state_for):
    return state_for(make_article())


@pytest.fixture
def editor(qtbot, stack):
    editor = SectionEditor()
    qtbot.addWidget(editor)
    editor.set_undo_stack(stack)
    editor.set_document(stack.document("lead"))
    editor.resize(600, 400)
    editor.show()
    return editor


def put_cursor_after(editor: SectionEditor, text: str) -> None:
    cursor = editor.document().find(text)
    assert not cursor.isNull()
    cursor.clearSelection()
    editor.setTextCursor(cursor)


def markdown_of(stack: ArticleState, section_id: str = "lead") -> str:
    """The section's Markdown as the article holds it, without the final line break."""
    stack.flush_text()
    return stack.article.find_section(section_id).markdown.rstrip("\n")


def is_the_photo(picture: QImage) -> bool:
    """The orange test photo, not a grey placeholder frame."""
    colour = picture.pixelColor(picture.width() // 2, picture.height() // 2)
    return colour.red() > 150 and colour.blue() < 100


def figure(document: QTextDocument, image_id: str) -> QImage:
    """What the document shows for the reference: the picture with its caption under it."""
    value = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(f"image:{image_id}"))
    assert isinstance(value, QImage)
    return value


def resource(document: QTextDocument, image_id: str) -> QImage:
    """The picture of the figure, without the caption (drawn on a transparent ground below it)."""
    value = figure(document, image_id)
    height = next(
        (y for y in range(value.height()) if value.pixelColor(0, y).alpha() == 0), value.height()
    )
    width = next((x for x in range(value.width()) if value.pixelColor(x, 0).alpha() == 0), None)
    return value.copy(0, 0, width or value.width(), height)


# -- insert, undo, redo ------------------------------------------------------------------------


def test_inserting_splits_the_paragraph_and_is_one_undo_step(stack, editor):
    put_cursor_after(editor, "six. ")
    data = photo_bytes()
    image_id = insert_photo_at_cursor(stack, editor, data, "/home/reporter/ferry.jpg")
    image = stack.article.find_image(image_id)
    assert (image.role, image.filename, image.data) == ("inline", "ferry.jpg", data)
    assert markdown_of(stack) == (
        f"The first ferry left at six.\n\n![](image:{image_id})\n\nPassengers cheered."
    )
    assert stack.count() == 1

    stack.undo()
    assert stack.article.images == []
    assert markdown_of(stack) == "The first ferry left at six. Passengers cheered."
    stack.redo()
    assert stack.article.find_image(image_id) is image
    assert f"![](image:{image_id})" in markdown_of(stack)
    assert referenced_image_ids(editor.document()) == [image_id]


def test_typing_before_the_insert_stays_when_the_insert_is_undone(stack, editor):
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    QTest.keyClicks(editor, " Then rain")
    image_id = insert_photo_at_cursor(stack, editor, photo_bytes(), "rain.jpg")
    assert markdown_of(stack).endswith(f"Then rain\n\n![](image:{image_id})")
    stack.undo()
    assert markdown_of(stack) == "The first ferry left at six. Passengers cheered. Then rain"
    assert stack.article.images == []


def test_a_photo_inserted_in_a_list_item_takes_its_own_paragraph(stack, editor):
    editor.set_document(stack.document("later"))
    put_cursor_after(editor, "Hourly")
    image_id = insert_photo_at_cursor(stack, editor, photo_bytes(), "timetable.jpg")
    assert markdown_of(stack, "later") == f"- Hourly\n\n![](image:{image_id})\n\n- Until midnight"


def test_a_refused_photo_changes_nothing(stack, editor):
    before = article_to_dict(stack.article)
    with pytest.raises(ImageError):
        insert_photo_at_cursor(stack, editor, b"GIF89a not what we take", "anim.gif")
    assert article_to_dict(stack.article) == before
    assert stack.count() == 0 and markdown_of(stack) == before["sections"][0]["markdown"]


def test_insert_photo_file_reports_a_file_too_large(message_boxes, stack, editor, tmp_path):
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as file:
        file.truncate(imaging.MAX_IMAGE_BYTES + 1)
    assert insert_photo_file(editor, stack, editor, huge) is None
    assert stack.count() == 0 and stack.article.images == []
    [(kind, _title, message)] = message_boxes.calls
    assert kind == "critical" and message.startswith("huge.jpg: ")


def test_no_photo_goes_into_a_document_outside_the_history(stack, editor, tmp_path):
    path = tmp_path / "quay.jpg"
    path.write_bytes(photo_bytes())
    assert can_insert_photo(editor)
    editor.setReadOnly(True)
    assert not can_insert_photo(editor)
    assert insert_photo_file(editor, stack, editor, path) is None
    editor.setReadOnly(False)
    editor.set_document(QTextDocument())  # e.g. no section chosen yet
    assert not can_insert_photo(editor)
    with pytest.raises(ValueError):
        insert_photo_at_cursor(stack, editor, photo_bytes(), "quay.jpg")
    assert stack.article.images == [] and stack.count() == 0


def test_insert_photo_file_reads_the_file(stack, editor, tmp_path):
    path = tmp_path / "quay.jpg"
    path.write_bytes(photo_bytes())
    image_id = insert_photo_file(editor, stack, editor, path)
    assert stack.article.find_image(image_id).data == path.read_bytes()


# -- pictures in the editor --------------------------------------------------------------------


def test_register_article_images_shows_thumbnails_and_placeholders(qtbot, thumbnailer):
    article = make_article()
    photo = Image(role="inline", data=photo_bytes((640, 360)), width=640, height=360)
    missing = Image(role="inline", filename="lost.jpg", width=300, height=400)
    article.images += [photo, missing]
    document = QTextDocument()
    markdown_to_document(
        f"![](image:{photo.id})\n\n![](image:{missing.id})\n\n![](image:gone)", document
    )
    assert referenced_image_ids(document) == [photo.id, missing.id, "gone"]
    changes = []
    document.contentsChanged.connect(lambda: changes.append(1))
    assert register_article_images(document, article, thumbnailer)
    waiting = resource(document, photo.id)
    assert (waiting.width(), waiting.height()) == (EDITOR_PICTURE_SIDE, 202)  # the photo's shape
    placeholder = resource(document, missing.id)
    assert placeholder.height() == EDITOR_PICTURE_SIDE and placeholder.width() == 270
    assert not resource(document, "gone").isNull()

    qtbot.waitUntil(lambda: thumbnailer.picture(photo) is not None)
    assert register_article_images(document, article, thumbnailer)
    shown = resource(document, photo.id)
    assert shown.cacheKey() != waiting.cacheKey()
    assert is_the_photo(shown) and not is_the_photo(waiting)
    assert not register_article_images(document, article, thumbnailer)  # nothing new: no relayout
    assert changes == []  # registering pictures is not an edit


def test_inline_images_keeps_the_pictures_current(qtbot, stack, editor, thumbnailer):
    keeper = InlineImages(stack, thumbnailer=thumbnailer)
    # A photo no other test shows: pictures made for the editor are kept by what they show.
    data = photo_bytes((320, 180), colour=(215, 110, 35))
    image_id = insert_photo_at_cursor(stack, editor, data, "ferry.jpg", thumbnailer=thumbnailer)
    document = stack.document("lead")
    assert not is_the_photo(resource(document, image_id))  # a grey frame until it is decoded
    qtbot.waitUntil(lambda: is_the_photo(resource(document, image_id)))
    landscape = resource(document, image_id)
    assert landscape.width() > landscape.height()
    stack.push_command(SetImageFields(image_id, rotation=90))
    portrait = resource(document, image_id)
    assert portrait.height() > portrait.width() and is_the_photo(portrait)
    stack.push_command(SetImageFields(image_id, rotation=0, crop="1:1"))
    square = resource(document, image_id)
    assert square.width() == square.height() and is_the_photo(square)
    keeper.deleteLater()


# -- export ------------------------------------------------------------------------------------


def test_the_inserted_photo_is_exported_as_a_figure_in_its_place(stack, editor):
    put_cursor_after(editor, "six. ")
    image_id = insert_photo_at_cursor(stack, editor, photo_bytes(), "ferry.jpg")
    stack.push_command(
        SetImageFields(
            image_id,
            caption="The ferry leaves the pier",
            credit="Mara Lind",
            alt="A white ferry pulling away from a wooden pier",
        )
    )
    stack.flush_text()
    root = html5lib.parse(render_page(stack.article).html, namespaceHTMLElements=False)
    body = next(e for e in root.iter() if e.find("figure") is not None and e.find("p") is not None)
    children = [c for c in body if c.tag in ("p", "figure")]
    texts = [("figure" if c.tag == "figure" else "".join(c.itertext()).strip()) for c in children]
    index = texts.index("figure")
    assert texts[index - 1] == "The first ferry left at six."
    assert texts[index + 1] == "Passengers cheered."
    figure = children[index]
    assert figure.get("data-image-id") == image_id
    caption = " ".join("".join(figure.find("figcaption").itertext()).split())
    assert "The ferry leaves the pier" in caption and "Mara Lind" in caption
    assert figure.find(".//img").get("alt") == "A white ferry pulling away from a wooden pier"


def test_the_inserted_photo_reaches_the_saved_file(stack, editor, tmp_path):
    image_id = insert_photo_at_cursor(stack, editor, photo_bytes(), "ferry.jpg")
    stack.flush_text()
    create_project(tmp_path / "ferry.newsdesk", stack.article).close()
    with open_project(tmp_path / "ferry.newsdesk") as project:
        saved = project.load()
    assert saved.find_image(image_id).role == "inline"
    assert f"![](image:{image_id})" in saved.find_section("lead").markdown
