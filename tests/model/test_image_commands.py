"""Photo commands: each applies, undoes exactly and redoes; refused edits change nothing."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from newsdesk.errors import ImageError
from newsdesk.imaging import MAX_IMAGE_BYTES
from newsdesk.model.article import CROP_RATIOS, ROTATIONS, Article, Image, Section
from newsdesk.model.commands import EditRefusedError
from newsdesk.model.image_commands import (
    IMAGE_EDITABLE_FIELDS,
    AddImage,
    MoveImage,
    RemoveImage,
    SetImageFields,
    SetImagePhoto,
    crop_command,
    new_image_from_bytes,
    rotate_command,
    rotated_focal_point,
)
from newsdesk.model.serialize import article_to_dict


def jpeg_bytes(size=(64, 48), colour=(30, 120, 200)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def png_bytes(size=(20, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGBA", size, (0, 0, 0, 0)).save(buffer, "PNG")
    return buffer.getvalue()


def make_article() -> Article:
    return Article(
        headline="Neue Bänke am Stadtweiher",
        language="de",
        sections=[Section(id="lead", markdown="Der Bauhof hat zwölf Bänke aufgestellt.")],
        images=[
            Image(
                id="lead-photo",
                role="lead",
                data=jpeg_bytes(),
                filename="weiher.jpg",
                width=64,
                height=48,
                caption="Die neuen Bänke am Nordufer.",
                alt="Zwei Holzbänke vor dem Schilf am Wasser.",
                credit="Foto: Jana Roth",
            ),
            Image(id="inline-photo", role="inline", data=png_bytes(), width=20, height=30),
        ],
    )


def run_round_trip(command, article: Article) -> None:
    """do changes the article, undo restores it exactly, redo reproduces the first result."""
    before = article_to_dict(article)
    command.do(article)
    after = article_to_dict(article)
    command.undo(article)
    assert article_to_dict(article) == before
    command.do(article)
    assert article_to_dict(article) == after


def test_new_image_from_bytes_fills_size_and_drops_the_folder():
    image = new_image_from_bytes(jpeg_bytes((300, 200)), "/home/jana/Bilder/weiher.jpg")
    assert (image.width, image.height, image.filename, image.role) == (
        300,
        200,
        "weiher.jpg",
        "lead",
    )
    assert image.data == jpeg_bytes((300, 200))
    assert (image.rotation, image.crop, image.focal_x, image.focal_y) == (0, "", 0.5, 0.5)
    windows = new_image_from_bytes(png_bytes(), r"C:\Users\jana\karte.png", role="inline")
    assert windows.filename == "karte.png" and windows.role == "inline"


@pytest.mark.parametrize(
    "data",
    [b"", b"not an image at all", b"<svg xmlns='http://www.w3.org/2000/svg'/>", jpeg_bytes()[:40]],
)
def test_new_image_from_bytes_refuses_what_is_not_a_photo(data):
    with pytest.raises(ImageError) as caught:
        new_image_from_bytes(data, "x.jpg")
    assert "\n" not in str(caught.value)


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG header promising width x height pixels (a decompression bomb's opening)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)


def test_a_decompression_bomb_is_an_error_and_changes_nothing():
    article = make_article()
    before = article_to_dict(article)
    bomb = _png_claiming(30_000, 30_000)
    with pytest.raises(ImageError, match="pixels"):
        AddImage(new_image_from_bytes(bomb, "bomb.png")).do(article)
    with pytest.raises(ImageError, match="pixels"):
        SetImagePhoto("lead-photo", bomb, "bomb.png").do(article)
    assert article_to_dict(article) == before


def test_new_image_from_bytes_refuses_a_too_large_file():
    with pytest.raises(ImageError, match="MB"):
        new_image_from_bytes(b"\xff" * (MAX_IMAGE_BYTES + 1), "huge.jpg")


def test_add_image_appends_and_undo_removes():
    article = make_article()
    image = new_image_from_bytes(jpeg_bytes(), "boot.jpg", role="inline")
    command = AddImage(image)
    run_round_trip(command, article)
    assert article.images[-1] is image
    assert command.image_id == image.id
    assert command.changed.images == frozenset({image.id})
    assert command.label == "Add photo"


def test_adding_a_lead_photo_makes_the_former_lead_inline():
    article = make_article()
    command = AddImage(new_image_from_bytes(jpeg_bytes(), "neu.jpg"), index=0)
    run_round_trip(command, article)
    assert [i.role for i in article.images] == ["lead", "inline", "inline"]
    assert command.changed.images == {command.image_id, "lead-photo"}
    command.undo(article)
    assert article.lead_image.id == "lead-photo"


def test_add_image_refuses_bad_positions_and_duplicates():
    article = make_article()
    before = article_to_dict(article)
    with pytest.raises(EditRefusedError):
        AddImage(Image(role="inline"), index=5).do(article)
    with pytest.raises(EditRefusedError):
        AddImage(article.images[0]).do(article)
    with pytest.raises(EditRefusedError):
        AddImage(Image(role="banner"))
    assert article_to_dict(article) == before


def test_remove_image_puts_the_same_object_back_in_place():
    article = make_article()
    original = article.images[0]
    command = RemoveImage("lead-photo")
    command.do(article)
    assert [i.id for i in article.images] == ["inline-photo"]
    command.undo(article)
    assert article.images[0] is original
    run_round_trip(RemoveImage("inline-photo"), article)
    with pytest.raises(EditRefusedError):
        RemoveImage("gone").do(article)


def test_move_image():
    article = make_article()
    command = MoveImage("lead-photo", 1)
    run_round_trip(command, article)
    assert [i.id for i in article.images] == ["inline-photo", "lead-photo"]
    assert command.label == "Move photo"
    with pytest.raises(EditRefusedError):
        MoveImage("lead-photo", 2).do(article)
    with pytest.raises(EditRefusedError):
        MoveImage("gone", 0).do(article)


def test_set_image_fields_sets_each_editable_field():
    article = make_article()
    values = {
        "caption": "Die Bänke im Abendlicht.",
        "alt": "Holzbänke am Ufer, dahinter die untergehende Sonne.",
        "credit": "Foto: Mehmet Aydın",
        "copyright": "© Stadtanzeiger",
        "symbolic": True,
        "disclaimer": "Symbolbild",
        "role": "inline",
        "rotation": 270,
        "crop": "3:2",
        "focal_x": 0.25,
        "focal_y": 1,
    }
    assert set(values) == set(IMAGE_EDITABLE_FIELDS)
    command = SetImageFields("lead-photo", **values)
    run_round_trip(command, article)
    image = article.find_image("lead-photo")
    for name, value in values.items():
        assert getattr(image, name) == value
    assert isinstance(image.focal_y, float)
    assert command.label == "Edit photo details"
    assert command.changed.images == frozenset({"lead-photo"})


@pytest.mark.parametrize(
    "name, value",
    [
        ("rotation", 45),
        ("rotation", True),
        ("rotation", "90"),
        ("crop", "2:1"),
        ("crop", None),
        ("focal_x", 1.5),
        ("focal_y", -0.1),
        ("focal_x", float("nan")),
        ("focal_x", "0.5"),
        ("focal_y", False),
        ("role", "banner"),
        ("symbolic", 1),
        ("caption", 3),
        ("width", 10),
        ("data", b""),
    ],
)
def test_set_image_fields_refuses_bad_values(name, value):
    article = make_article()
    before = article_to_dict(article)
    with pytest.raises(EditRefusedError):
        SetImageFields("lead-photo", **{name: value}).do(article)
    assert article_to_dict(article) == before


def test_set_image_fields_refuses_an_unknown_image():
    article = make_article()
    with pytest.raises(EditRefusedError):
        SetImageFields("gone", caption="x").do(article)
    with pytest.raises(EditRefusedError):
        SetImageFields("lead-photo")


def test_only_one_lead_photo():
    article = make_article()
    command = SetImageFields("inline-photo", role="lead")
    run_round_trip(command, article)
    assert article.find_image("inline-photo").role == "lead"
    assert article.find_image("lead-photo").role == "inline"
    assert command.changed.images == {"inline-photo", "lead-photo"}
    command.undo(article)
    assert [i.role for i in article.images] == ["lead", "inline"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["lead-photo", "inline-photo"]),
            st.fixed_dictionaries(
                {},
                optional={
                    "role": st.sampled_from(["lead", "inline"]),
                    "rotation": st.sampled_from(ROTATIONS),
                    "crop": st.sampled_from(CROP_RATIOS),
                    "focal_x": st.floats(0, 1),
                    "caption": st.text(max_size=20),
                },
            ),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_sequence_of_edits_undoes_exactly_and_keeps_one_lead(edits):
    article = make_article()
    states = [article_to_dict(article)]
    done = []
    for image_id, values in edits:
        if not values:
            continue
        command = SetImageFields(image_id, **values)
        command.do(article)
        done.append(command)
        states.append(article_to_dict(article))
        assert sum(i.role == "lead" for i in article.images) <= 1
    for command in reversed(done):
        command.undo(article)
        states.pop()
        assert article_to_dict(article) == states[-1]


def test_rotate_command_turns_and_moves_the_focal_point():
    article = make_article()
    image = article.find_image("lead-photo")
    image.focal_x, image.focal_y = 0.2, 0.1  # near the top-left corner
    command = rotate_command(image)
    assert command.label == "Rotate photo"
    run_round_trip(command, article)
    # After a clockwise quarter turn the top-left corner is at the top right.
    assert (image.rotation, image.focal_x, image.focal_y) == (90, pytest.approx(0.9), 0.2)
    rotate_command(image, 3).do(article)
    assert image.rotation == 0
    assert (image.focal_x, image.focal_y) == (pytest.approx(0.2), pytest.approx(0.1))
    rotate_command(image, -1).do(article)
    assert image.rotation == 270


@given(st.floats(0, 1), st.floats(0, 1), st.integers(-8, 8))
def test_focal_point_stays_inside_and_four_turns_are_none(x, y, turns):
    rx, ry = rotated_focal_point(x, y, turns)
    assert 0 <= rx <= 1 and 0 <= ry <= 1
    assert rotated_focal_point(*rotated_focal_point(x, y, turns), 4 - turns % 4) == pytest.approx(
        (x, y)
    )


def test_crop_command_keeps_the_original_bytes():
    article = make_article()
    image = article.find_image("lead-photo")
    original = image.data
    command = crop_command(image, "16:9")
    assert command.label == "Crop photo"
    run_round_trip(command, article)
    assert image.crop == "16:9" and image.data is original


def test_set_image_photo_replaces_bytes_and_resets_the_adjustments():
    article = make_article()
    image = article.find_image("lead-photo")
    image.rotation, image.crop, image.focal_x = 90, "1:1", 0.1
    old_data = image.data
    command = SetImagePhoto("lead-photo", jpeg_bytes((400, 100)), "/tmp/neu/hafen.jpg")
    assert command.label == "Replace photo"
    before = article_to_dict(article)
    command.do(article)
    assert (image.width, image.height, image.filename) == (400, 100, "hafen.jpg")
    assert (image.rotation, image.crop, image.focal_x, image.focal_y) == (0, "", 0.5, 0.5)
    assert image.caption == "Die neuen Bänke am Nordufer."
    command.undo(article)
    assert article_to_dict(article) == before and image.data is old_data
    assert (image.rotation, image.crop, image.focal_x) == (90, "1:1", 0.1)


def test_set_image_photo_refuses_bad_bytes_before_anything_changes():
    article = make_article()
    before = article_to_dict(article)
    data_before = [i.data for i in article.images]
    with pytest.raises(ImageError):
        SetImagePhoto("lead-photo", b"GIF89a not accepted", "x.gif")
    with pytest.raises(EditRefusedError):
        SetImagePhoto("gone", jpeg_bytes(), "x.jpg").do(article)
    assert article_to_dict(article) == before
    assert [i.data for i in article.images] == data_before


def test_removing_a_photo_takes_every_line_that_places_it_out_of_the_text():
    from newsdesk.model.article import Article, Image, Section
    from newsdesk.model.image_commands import remove_photo_command, without_photo_references
    from newsdesk.model.serialize import article_to_dict

    article = Article(
        sections=[
            Section(id="a", markdown="Before.\n\n![](image:quay)\n\nAfter."),
            Section(id="b", markdown="![Kai](image:quay)\n\nOnly text.\n\n![](image:other)"),
            Section(id="c", markdown="Mentions image:quay in words only."),
        ],
        images=[Image(id="quay", role="inline"), Image(id="other", role="inline")],
    )
    before = article_to_dict(article)
    command = remove_photo_command(article, "quay")
    command.do(article)
    assert [image.id for image in article.images] == ["other"]
    assert article.find_section("a").markdown == "Before.\n\nAfter."
    assert article.find_section("b").markdown == "Only text.\n\n![](image:other)"
    assert article.find_section("c").markdown == "Mentions image:quay in words only."
    assert command.changed.images == {"quay"} and command.changed.markdown == {"a", "b"}
    command.undo(article)
    assert article_to_dict(article) == before
    assert without_photo_references("No photo here.", "quay") == "No photo here."
