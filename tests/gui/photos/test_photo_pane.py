"""The image pane: adding photos by dialog and by drop, refusals, rotate/crop/focal point, the
fields with their one-step undo, the symbol-image switch and alt-text hints, and the saved file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image as PILImage
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFocusEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from newsdesk import imaging
from newsdesk.gui.photos.photo_pane import FINDING_FIELDS, ImagePane
from newsdesk.gui.photos.thumbnails import Thumbnailer
from newsdesk.gui.translations import load_translator
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.disclaimers import symbol_image_presets
from newsdesk.model.image_commands import SetImageFields
from newsdesk.model.serialize import article_to_dict
from newsdesk.sample import sample_article
from newsdesk.store import create_project, open_project
from tests.gui.article_states import bridged_state


def photo_bytes(size=(80, 60), colour=(30, 90, 160), fmt="JPEG") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, fmt)
    return buffer.getvalue()


def write_photo(folder: Path, name: str = "harbour.jpg", **kwargs) -> Path:
    path = folder / name
    path.write_bytes(photo_bytes(**kwargs))
    return path


def make_article(language: str = "en") -> Article:
    return Article(
        headline="Harbour wall to be rebuilt" if language == "en" else "Kaimauer wird erneuert",
        language=language,
        sections=[Section(id="lead", markdown="The north quay closes in May.")],
    )


@pytest.fixture
def thumbnailer(qtbot):
    thumbnailer = Thumbnailer()
    yield thumbnailer
    thumbnailer.wait()


@pytest.fixture
def stack(state_for):
    return state_for(make_article())


def open_pane(qtbot, stack, thumbnailer) -> ImagePane:
    pane = ImagePane(stack, thumbnailer=thumbnailer)
    qtbot.addWidget(pane)
    pane.resize(420, 900)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


@pytest.fixture
def pane(qtbot, stack, thumbnailer):
    return open_pane(qtbot, stack, thumbnailer)


def add_photo(pane: ImagePane, path: Path) -> str:
    pane.choose_file = lambda: path
    pane.add_button.click()
    return pane.current_image_id()


def finish_caption(pane: ImagePane) -> None:
    """Focus leaves the caption field (what a click elsewhere does)."""
    QApplication.sendEvent(
        pane.fields.caption_edit, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason)
    )


def type_into(edit, text: str) -> None:
    """Replace the field's text by typing, key by key (a line break is the Return key)."""
    edit.selectAll()
    for n, line in enumerate(text.split("\n")):
        if n:
            QTest.keyClick(edit, Qt.Key.Key_Return)
        QTest.keyClicks(edit, line)


def drop_event(paths_or_urls, kind=QDropEvent):
    mime = QMimeData()
    mime.setUrls([u if isinstance(u, QUrl) else QUrl.fromLocalFile(str(u)) for u in paths_or_urls])
    event = kind(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event._mime = mime  # keep the data alive as long as the event
    return event


def drop(target, paths_or_urls) -> bool:
    """Drag files onto a widget and drop them there; whether the drag was accepted."""
    enter = drop_event(paths_or_urls, QDragEnterEvent)
    QApplication.sendEvent(
        target, enter
    )  # Qt delivers a drop only to the widget that took the drag
    QApplication.sendEvent(target, drop_event(paths_or_urls))
    return enter.isAccepted()


# -- adding, replacing, removing ---------------------------------------------------------------


def test_a_photo_chosen_in_the_dialog_becomes_the_lead_with_a_thumbnail(
    qtbot, pane, stack, tmp_path
):
    path = write_photo(tmp_path, size=(160, 90))
    image_id = add_photo(pane, path)
    image = stack.article.find_image(image_id)
    assert image.role == "lead" and image.data == path.read_bytes()
    assert (image.filename, image.width, image.height) == ("harbour.jpg", 160, 90)
    assert stack.count() == 1
    qtbot.waitUntil(pane.photo_view.has_picture)
    assert pane.photo_view.picture_size().width() > pane.photo_view.picture_size().height()
    assert pane.image_list.image_ids() == [image_id]
    stack.undo()
    assert stack.article.images == [] and pane.current_image_id() is None
    assert pane.empty_label.isVisibleTo(pane) and not pane.editor.isVisibleTo(pane)
    stack.redo()
    assert pane.current_image_id() == image_id


def test_a_second_photo_goes_in_the_text_and_the_list_shows_the_lead_first(pane, stack, tmp_path):
    first = add_photo(pane, write_photo(tmp_path, "one.jpg"))
    second = add_photo(pane, write_photo(tmp_path, "two.png", fmt="PNG"))
    assert [i.role for i in stack.article.images] == ["lead", "inline"]
    assert pane.current_image_id() == second
    pane.fields.role_combo.setCurrentIndex(pane.fields.role_combo.findData("lead"))
    pane.fields.role_combo.activated.emit(pane.fields.role_combo.currentIndex())
    assert stack.article.find_image(second).role == "lead"
    assert stack.article.find_image(first).role == "inline"
    assert pane.image_list.image_ids() == [second, first]
    stack.undo()  # one step restores both roles
    assert stack.article.lead_image.id == first
    assert pane.image_list.image_ids() == [first, second]


def test_replace_keeps_the_details_and_resets_the_adjustments(qtbot, pane, stack, tmp_path):
    image_id = add_photo(pane, write_photo(tmp_path))
    stack.push_command(SetImageFields(image_id, caption="Quay", rotation=90, crop="1:1"))
    new = write_photo(tmp_path, "new.webp", fmt="WEBP", size=(40, 30))
    pane.choose_file = lambda: new
    pane.replace_button.click()
    image = stack.article.find_image(image_id)
    assert (image.caption, image.filename, image.rotation, image.crop) == (
        "Quay",
        "new.webp",
        0,
        "",
    )
    assert image.data == new.read_bytes()
    stack.undo()
    image = stack.article.find_image(image_id)
    assert (image.filename, image.rotation, image.crop) == ("harbour.jpg", 90, "1:1")


def test_remove_and_undo(pane, stack, tmp_path):
    first = add_photo(pane, write_photo(tmp_path, "one.jpg"))
    second = add_photo(pane, write_photo(tmp_path, "two.jpg"))
    pane.remove_button.click()
    assert [i.id for i in stack.article.images] == [first]
    assert pane.current_image_id() == first
    stack.undo()
    assert [i.id for i in stack.article.images] == [first, second]


def test_removing_a_photo_placed_in_the_text_takes_its_place_out_too(pane, stack, tmp_path):
    from PySide6.QtGui import QTextCursor

    from newsdesk.gui.editor.inline_images import insert_photo_at_cursor
    from newsdesk.gui.editor.section_editor import SectionEditor

    editor = SectionEditor()
    editor.set_undo_stack(stack)
    editor.set_document(stack.document("lead"))
    editor.moveCursor(QTextCursor.MoveOperation.End)
    image_id = insert_photo_at_cursor(stack, editor, photo_bytes(), "quay.jpg")
    stack.flush_text()
    before = stack.article.find_section("lead").markdown
    assert f"image:{image_id}" in before
    assert pane.select_image(image_id)
    pane.remove_button.click()
    assert stack.article.find_image(image_id) is None
    assert f"image:{image_id}" not in stack.article.find_section("lead").markdown
    assert "The north quay closes in May." in stack.article.find_section("lead").markdown
    stack.undo()  # one step: the photo and its place in the text
    stack.flush_text()
    assert stack.article.find_image(image_id) is not None
    assert stack.article.find_section("lead").markdown == before


def test_select_image_shows_it_and_commits_the_unfinished_edit_to_the_previous_one(
    pane, stack, tmp_path
):
    first = add_photo(pane, write_photo(tmp_path, "one.jpg"))
    second = add_photo(pane, write_photo(tmp_path, "two.jpg"))
    stack.push_command(SetImageFields(first, caption="First caption"))
    type_into(pane.fields.credit_edit, "Agency")  # unfinished, on the second photo
    assert pane.select_image(first)
    assert stack.article.find_image(second).credit == "Agency"
    assert (
        pane.fields.caption_edit.toPlainText() == "First caption"
        and pane.fields.credit_edit.text() == ""
    )
    assert pane.select_image("no-such-photo") is False
    assert pane.current_image_id() == first


def test_focus_field_goes_where_a_preflight_finding_is_fixed(qtbot, pane, stack, tmp_path):
    assert not pane.focus_field("alt")  # no photo yet
    add_photo(pane, write_photo(tmp_path))
    pane.window().activateWindow()
    for code, name in FINDING_FIELDS.items():
        assert pane.focus_field(name), code
        expected = pane.replace_button if name == "photo" else pane.fields.widget_for(name)
        qtbot.waitUntil(expected.hasFocus)
    assert not pane.focus_field("no-such-field")


# -- refusals ----------------------------------------------------------------------------------


def test_a_file_that_is_not_an_image_is_refused_and_nothing_changes(
    message_boxes, pane, stack, tmp_path
):
    before = article_to_dict(stack.article)
    text = tmp_path / "notes.jpg"
    text.write_text("Not a photo at all, just notes about the quay.")
    add_photo(pane, text)
    assert article_to_dict(stack.article) == before and stack.count() == 0
    [(kind, _title, message)] = message_boxes.calls
    assert kind == "critical" and message.startswith("notes.jpg: ") and "\n" not in message


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    message_boxes, pane, stack, tmp_path
):
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as file:
        file.truncate(imaging.MAX_IMAGE_BYTES + 1)  # sparse: costs no disk and no time
    read = []
    original_read = pane.read_file
    pane.read_file = lambda path: read.append(path) or original_read(path)
    before = article_to_dict(stack.article)
    add_photo(pane, huge)
    assert article_to_dict(stack.article) == before and stack.count() == 0
    [(_kind, _title, message)] = message_boxes.calls
    assert "60 MB" in message


def test_a_decompression_bomb_is_refused(message_boxes, monkeypatch, pane, stack, tmp_path):
    monkeypatch.setattr(imaging, "MAX_PIXELS", 1000)  # the 80x60 photo now counts as a bomb
    add_photo(pane, write_photo(tmp_path))
    assert stack.article.images == [] and stack.count() == 0
    assert "pixels" in message_boxes.calls[0][2]


def test_a_refused_replacement_keeps_the_old_photo(message_boxes, pane, stack, tmp_path):
    path = write_photo(tmp_path)
    image_id = add_photo(pane, path)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    assert pane.replace_photo_file(broken) is False
    assert stack.article.find_image(image_id).data == path.read_bytes() and stack.count() == 1
    assert len(message_boxes.calls) == 1


# -- drag and drop -----------------------------------------------------------------------------


def test_dropping_a_file_adds_it(pane, stack, tmp_path):
    path = write_photo(tmp_path, "dropped.png", fmt="PNG")
    assert drop(pane, [path])
    [image] = stack.article.images
    assert image.filename == "dropped.png" and image.data == path.read_bytes()
    # Dropped on the picture or on a text field, the files reach the pane too.
    second = write_photo(tmp_path, "second.jpg")
    assert drop(pane.photo_view, [second])
    third = write_photo(tmp_path, "third.jpg")
    assert drop(pane.fields.alt_edit, [third])
    assert drop(pane.fields.caption_edit.viewport(), [third])
    assert [i.filename for i in stack.article.images] == [
        "dropped.png",
        "second.jpg",
        "third.jpg",
        "third.jpg",
    ]
    assert pane.fields.alt_edit.text() == "" and pane.fields.caption_edit.toPlainText() == ""


def test_web_urls_are_not_accepted_for_dropping(pane, stack):
    assert not drop(pane, [QUrl("https://example.org/photo.jpg")])
    assert stack.article.images == []


def test_dropping_a_file_on_a_photo_still_missing_fills_it_in(qtbot, thumbnailer, tmp_path):
    article = make_article()
    article.images.append(Image(caption="Quay at dawn", credit="Port authority"))
    stack = bridged_state(article)
    pane = open_pane(qtbot, stack, thumbnailer)
    assert pane.replace_button.text() == "Choose Photo…"
    path = write_photo(tmp_path)
    assert drop(pane, [path])
    [image] = stack.article.images
    assert image.data == path.read_bytes() and image.caption == "Quay at dawn"
    assert stack.count() == 1


# -- rotate, crop, focal point -----------------------------------------------------------------


def test_rotate_buttons_turn_the_photo_and_the_focal_point(qtbot, pane, stack, tmp_path):
    image_id = add_photo(pane, write_photo(tmp_path, size=(160, 90)))
    qtbot.waitUntil(pane.photo_view.has_picture)
    stack.push_command(SetImageFields(image_id, focal_x=0.25, focal_y=0.5))
    pane.rotate_right_button.click()
    image = stack.article.find_image(image_id)
    assert image.rotation == 90 and (image.focal_x, image.focal_y) == pytest.approx((0.5, 0.25))
    size = pane.photo_view.picture_size()
    assert size.height() > size.width()  # shown turned, without waiting for a new decode
    pane.rotate_left_button.click()
    pane.rotate_left_button.click()
    assert stack.article.find_image(image_id).rotation == 270
    stack.undo()
    stack.undo()
    assert stack.article.find_image(image_id).rotation == 90


def test_crop_preset_keeps_the_original(qtbot, pane, stack, tmp_path):
    path = write_photo(tmp_path)
    image_id = add_photo(pane, path)
    index = pane.crop_combo.findData("16:9")
    pane.crop_combo.setCurrentIndex(index)
    pane.crop_combo.activated.emit(index)
    image = stack.article.find_image(image_id)
    assert image.crop == "16:9" and image.data == path.read_bytes()
    assert stack.count() == 2
    stack.undo()
    assert pane.crop_combo.currentData() == ""


def test_a_click_sets_the_focal_point_and_a_drag_is_one_step(qtbot, pane, stack, tmp_path):
    image_id = add_photo(pane, write_photo(tmp_path, size=(200, 100)))
    view = pane.photo_view
    qtbot.waitUntil(view.has_picture)
    target = view.picture_rect()
    at = view.position_of(0.25, 0.75).toPoint()
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    image = stack.article.find_image(image_id)
    assert image.focal_x == pytest.approx(0.25, abs=2 / target.width())
    assert image.focal_y == pytest.approx(0.75, abs=2 / target.height())
    count = stack.count()
    QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    for x in (0.4, 0.6, 0.8):
        QTest.mouseMove(view, view.position_of(x, 0.5).toPoint())
    QTest.mouseRelease(
        view,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.position_of(0.9, 0.5).toPoint(),
    )
    assert stack.count() == count + 1
    assert stack.article.find_image(image_id).focal_x == pytest.approx(0.9, abs=2 / target.width())
    stack.undo()
    assert stack.article.find_image(image_id).focal_x == pytest.approx(0.25, abs=2 / target.width())


# -- fields ------------------------------------------------------------------------------------


def test_fields_reach_the_article_one_step_each_and_the_saved_file(qtbot, pane, stack, tmp_path):
    image_id = add_photo(pane, write_photo(tmp_path))
    start = stack.count()
    with qtbot.waitSignal(pane.edited, timeout=1000):  # autosave learns that a change is pending
        type_into(pane.fields.caption_edit, "The north quay at low tide.\nWork starts in May.")
    assert stack.count() == start and pane.has_pending()  # nothing per keystroke
    finish_caption(pane)
    type_into(pane.fields.alt_edit, "Cracked concrete wall above a muddy harbour basin")
    QTest.keyClick(pane.fields.alt_edit, Qt.Key.Key_Return)
    type_into(pane.fields.credit_edit, "Jana Vogt")
    pane.fields.credit_edit.editingFinished.emit()
    type_into(pane.fields.copyright_edit, "Harbour Press")
    pane.fields.copyright_edit.editingFinished.emit()
    assert stack.count() == start + 4 and not pane.has_pending()
    image = stack.article.find_image(image_id)
    assert image.caption == "The north quay at low tide.\nWork starts in May."
    assert image.alt == "Cracked concrete wall above a muddy harbour basin"
    assert (image.credit, image.copyright) == ("Jana Vogt", "Harbour Press")

    create_project(tmp_path / "quay.newsdesk", stack.article).close()
    with open_project(tmp_path / "quay.newsdesk") as project:
        saved = project.load().find_image(image_id)
    assert (saved.caption, saved.alt, saved.credit, saved.copyright) == (
        image.caption,
        image.alt,
        image.credit,
        image.copyright,
    )

    stack.undo()
    assert pane.fields.copyright_edit.text() == "" and stack.article.find_image(image_id).credit
    stack.undo()
    stack.undo()
    assert pane.fields.credit_edit.text() == "" and pane.fields.alt_edit.text() == ""
    assert pane.fields.caption_edit.toPlainText() == image.caption
    assert stack.count() == start + 4  # refreshing pushed nothing back


def test_the_notice_wraps_and_is_one_undo_step_per_finished_edit(qtbot, pane, stack, tmp_path):
    image_id = add_photo(pane, write_photo(tmp_path))
    notice = pane.fields.disclaimer_edit
    line = notice.fontMetrics().lineSpacing()
    assert notice.height() >= 2 * line  # room for a preset notice, as for the caption
    start = stack.count()
    with qtbot.waitSignal(pane.edited, timeout=1000):
        type_into(notice, "Posed scene: the people shown are actors")
    assert stack.count() == start and pane.has_pending()  # nothing per keystroke
    QTest.keyClick(notice, Qt.Key.Key_Return)  # finishes the edit; no line break
    assert stack.count() == start + 1
    assert (
        stack.article.find_image(image_id).disclaimer == "Posed scene: the people shown are actors"
    )
    QTest.keyClicks(notice, ", hired for the photo")
    QApplication.sendEvent(
        notice, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason)
    )  # focus leaves it: the second edit is a second step
    assert stack.count() == start + 2
    assert stack.article.find_image(image_id).disclaimer.endswith("actors, hired for the photo")
    mime = QMimeData()
    mime.setText("Stock photo:\nno connection to this report.")
    notice.selectAll()
    notice.insertFromMimeData(mime)  # a paste: the page shows the notice as one line
    pane.commit()
    assert stack.article.find_image(image_id).disclaimer == (
        "Stock photo: no connection to this report."
    )
    stack.undo()
    stack.undo()
    assert notice.toPlainText() == "Posed scene: the people shown are actors"
    assert stack.count() == start + 3  # refreshing pushed nothing back


def test_the_photo_list_is_as_tall_as_its_photos_up_to_a_cap(qtbot, pane, tmp_path):
    photo_list = pane.image_list
    assert photo_list.isHidden()  # no photos: the pane says how to add one instead
    add_photo(pane, write_photo(tmp_path))
    one = photo_list.height()
    row = photo_list.sizeHintForRow(0)
    assert not photo_list.isHidden()
    assert row <= one <= row + 12  # one row and the frame, no empty space below it
    add_photo(pane, write_photo(tmp_path, "two.jpg"))
    assert photo_list.height() == one + row
    for n in range(3, 7):
        add_photo(pane, write_photo(tmp_path, f"{n}.jpg"))
    capped = photo_list.height()
    assert capped < one + 5 * row  # six photos: a few rows show, the rest scroll
    assert photo_list.verticalScrollBar().maximum() > 0


def test_a_long_caption_in_a_narrow_list_is_cut_not_scrolled(qtbot, pane, stack, tmp_path):
    image_id = add_photo(pane, write_photo(tmp_path))
    long = "The north quay at low tide, seen from the old crane on the other side of the basin"
    stack.push_command(SetImageFields(image_id, caption=long))
    pane.resize(340, 900)  # the default width of the tabs' column
    qtbot.waitUntil(lambda: pane.image_list.width() < 340)
    photo_list = pane.image_list
    assert photo_list.fontMetrics().horizontalAdvance(long) > photo_list.viewport().width()
    assert not photo_list.horizontalScrollBar().isVisible()
    item = photo_list.item(0)
    assert photo_list.visualItemRect(item).right() <= photo_list.viewport().width()
    assert photo_list.textElideMode() == Qt.TextElideMode.ElideRight


def test_adjustments_reach_the_saved_file(pane, stack, tmp_path):
    image_id = add_photo(pane, write_photo(tmp_path))
    pane.rotate(1)
    pane.set_crop("4:3")
    pane.set_focal_point(0.2, 0.3)
    create_project(tmp_path / "quay.newsdesk", stack.article).close()
    with open_project(tmp_path / "quay.newsdesk") as project:
        saved = project.load().find_image(image_id)
    assert (saved.rotation, saved.crop) == (90, "4:3")
    assert (saved.focal_x, saved.focal_y) == pytest.approx((0.2, 0.3))


def test_an_unfinished_edit_survives_a_refresh(pane, stack, tmp_path):
    image_id = add_photo(pane, write_photo(tmp_path))
    type_into(pane.fields.caption_edit, "Half a capt")
    stack.push_command(SetImageFields(image_id, credit="From elsewhere"))
    assert pane.fields.caption_edit.toPlainText() == "Half a capt"
    assert pane.fields.credit_edit.text() == "From elsewhere"
    # A button commits the unfinished edit first, as its own step, then does its job.
    count = stack.count()
    pane.rotate_right_button.click()
    assert stack.count() == count + 2
    assert stack.article.find_image(image_id).caption == "Half a capt"


@pytest.fixture
def interface_language(qapp):
    """Install the translator of a language for one test (the counter's plural needs it)."""
    installed = []

    def install(language: str) -> None:
        translator = load_translator(language)
        assert translator is not None
        qapp.installTranslator(translator)
        installed.append(translator)

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)


def test_alt_text_counter_and_hints(interface_language, pane, stack, tmp_path):
    interface_language("en")
    add_photo(pane, write_photo(tmp_path))
    assert pane.fields.alt_hint.isVisibleTo(pane) and "Describe" in pane.fields.alt_hint.text()
    pane.fields.caption_edit.setPlainText("Boats in the harbour")
    type_into(pane.fields.alt_edit, "Boats in the harbour.")
    assert pane.fields.alt_counter.text() == "21 characters"
    assert "repeats the caption" in pane.fields.alt_hint.text()
    type_into(pane.fields.alt_edit, "Photo of boats")
    assert "screen readers" in pane.fields.alt_hint.text()
    type_into(pane.fields.alt_edit, "Two fishing boats moored at a crumbling quay")
    assert not pane.fields.alt_hint.isVisibleTo(pane)
    type_into(pane.fields.alt_edit, "x")
    assert pane.fields.alt_counter.text() == "1 character"


def test_the_pane_speaks_german(interface_language, qtbot, thumbnailer, tmp_path):
    interface_language("de")
    stack = bridged_state(make_article("de"))
    pane = open_pane(qtbot, stack, thumbnailer)
    add_photo(pane, write_photo(tmp_path))
    assert pane.add_button.text() == "Foto hinzufügen…"
    assert pane.fields.symbolic_check.text() == "Symbolbild"
    type_into(pane.fields.alt_edit, "Foto von Booten")
    assert pane.fields.alt_counter.text() == "15 Zeichen"
    assert "Screenreader" in pane.fields.alt_hint.text()
    assert stack.undoText() == "Foto hinzufügen"


def test_symbol_image_switch_fills_the_german_notice(qtbot, thumbnailer, tmp_path):
    stack = bridged_state(make_article("de"))
    pane = open_pane(qtbot, stack, thumbnailer)
    image_id = add_photo(pane, write_photo(tmp_path))
    pane.fields.symbolic_check.click()
    image = stack.article.find_image(image_id)
    assert image.symbolic and image.disclaimer == "Symbolbild"
    assert image.disclaimer == symbol_image_presets("de")[0]
    assert (
        pane.fields.disclaimer_edit.toPlainText() == "Symbolbild"
        and not pane.fields.disclaimer_edit.isReadOnly()
    )
    stack.undo()  # one step: switch and notice together
    image = stack.article.find_image(image_id)
    assert not image.symbolic and image.disclaimer == ""
    assert not pane.fields.symbolic_check.isChecked()
    assert pane.fields.disclaimer_edit.toPlainText() == ""


def test_symbol_image_switch_keeps_an_edited_notice(pane, stack, tmp_path):
    image_id = add_photo(pane, write_photo(tmp_path))
    type_into(pane.fields.disclaimer_edit, "Posed scene with actors")
    pane.fields.symbolic_check.click()  # commits the notice first; switching keeps it
    image = stack.article.find_image(image_id)
    assert image.symbolic and image.disclaimer == "Posed scene with actors"
    pane.fields.symbolic_check.click()
    assert stack.article.find_image(image_id).disclaimer == "Posed scene with actors"


def test_switching_off_removes_an_unedited_preset_and_the_menu_offers_the_others(
    pane, stack, tmp_path
):
    image_id = add_photo(pane, write_photo(tmp_path))
    # The box says what the presets and the page say ("Illustrative image").
    assert pane.fields.symbolic_check.text().startswith(symbol_image_presets("en")[0])
    pane.fields.symbolic_check.click()
    assert stack.article.find_image(image_id).disclaimer == symbol_image_presets("en")[0]
    pane.fields.symbolic_check.click()
    assert stack.article.find_image(image_id).disclaimer == ""
    pane.fields.presets_menu.aboutToShow.emit()
    actions = pane.fields.presets_menu.actions()
    assert [a.toolTip() for a in actions] == list(symbol_image_presets("en"))
    actions[2].trigger()
    image = stack.article.find_image(image_id)
    assert image.symbolic and image.disclaimer == symbol_image_presets("en")[2]


def test_the_sample_notice_is_an_english_preset_that_unticking_removes(qtbot, thumbnailer):
    stack = bridged_state(sample_article())
    pane = open_pane(qtbot, stack, thumbnailer)
    image = stack.article.images[0]
    assert image.symbolic and image.disclaimer in symbol_image_presets(stack.article.language)
    pane.select_image(image.id)
    pane.fields.symbolic_check.click()  # a notice nobody edited goes with the switch
    assert stack.article.images[0].disclaimer == "" and not stack.article.images[0].symbolic
    stack.undo()
    assert pane.fields.disclaimer_edit.toPlainText() == image.disclaimer


# -- read-only ---------------------------------------------------------------------------------


def test_read_only_offers_no_edits(qtbot, pane, stack, tmp_path):
    image_id = add_photo(pane, write_photo(tmp_path))
    qtbot.waitUntil(pane.photo_view.has_picture)
    pane.set_read_only(True)
    count = stack.count()
    for widget in (pane.add_button, pane.remove_button, pane.rotate_left_button, pane.crop_combo):
        assert not widget.isEnabled()
    assert pane.fields.caption_edit.isReadOnly() and pane.fields.alt_edit.isReadOnly()
    view = pane.photo_view
    QTest.mouseClick(
        view,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.position_of(0.1, 0.1).toPoint(),
    )
    assert not drop(pane, [write_photo(tmp_path, "two.jpg")])
    pane.rotate(1)
    pane.commit()
    assert stack.count() == count and [i.id for i in stack.article.images] == [image_id]
    pane.set_read_only(False)
    assert pane.add_button.isEnabled() and not pane.fields.caption_edit.isReadOnly()


def test_a_new_article_refreshes_everything(pane, stack, tmp_path):
    add_photo(pane, write_photo(tmp_path))
    type_into(pane.fields.credit_edit, "unfinished")
    other = make_article()
    other.images.append(Image(caption="From the archive"))
    stack.set_article(other)
    assert pane.current_image_id() == other.images[0].id
    assert pane.fields.caption_edit.toPlainText() == "From the archive"
    assert pane.fields.credit_edit.text() == "" and not pane.has_pending()


def test_alt_arrows_move_a_photo_among_the_others_and_the_lead_stays_first(pane, stack, tmp_path):
    from PySide6.QtCore import Qt

    lead = add_photo(pane, write_photo(tmp_path, "lead.jpg"))
    first = add_photo(pane, write_photo(tmp_path, "one.jpg"))
    second = add_photo(pane, write_photo(tmp_path, "two.jpg"))
    assert [i.id for i in stack.article.images] == [lead, first, second]
    pane.select_image(first)
    alt = Qt.KeyboardModifier.AltModifier
    pane.image_list.setFocus()
    QTest.keyClick(pane.image_list, Qt.Key.Key_Down, alt)
    assert [i.id for i in stack.article.images] == [lead, second, first]
    assert pane.image_list.image_ids() == [lead, second, first]
    QTest.keyClick(pane.image_list, Qt.Key.Key_Up, alt)  # back up, but not above the lead
    QTest.keyClick(pane.image_list, Qt.Key.Key_Up, alt)
    assert [i.id for i in stack.article.images] == [lead, first, second]
    assert not pane.move_photo(lead, 1)  # the lead photo stays first
    stack.undo()  # each move is one step
    assert [i.id for i in stack.article.images] == [lead, second, first]
