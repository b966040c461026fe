"""Image.data as bytes in memory or read on demand from a PhotoSource, without the model ever
needing to know where the source keeps them (the store's side: tests/store/test_lazy_photos.py).
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import subprocess
import sys
from typing import Any

import pytest

from newsdesk.errors import PhotoUnavailableError
from newsdesk.model.article import Article, Image, PhotoSource
from tests.photo_sources import CountingSource
from tests.photo_sources import stored_image as stored_image_of

PHOTO = b"\xff\xd8 the bytes of a harbour photo, not decoded here" * 50
OTHER = b"\x89PNG a different picture of the pier" * 50


def stored_image(data: bytes = PHOTO, **fields: Any) -> tuple[Image, CountingSource]:
    return stored_image_of(data, **fields)


def test_bytes_in_the_constructor_work_as_before():
    image = Image(data=PHOTO, caption="Am Hafen")
    assert image.data == PHOTO
    assert image.has_photo
    assert image.digest == hashlib.sha256(PHOTO).hexdigest()
    assert image.photo == PHOTO
    empty = Image()
    assert empty.data is None and not empty.has_photo and empty.digest is None
    assert empty.photo is None
    [data_field] = [f for f in dataclasses.fields(Image) if f.name == "data"]
    assert data_field.default is None


def test_a_stored_photo_is_read_on_every_access_and_not_kept():
    image, source = stored_image()
    assert isinstance(source, PhotoSource)
    assert image.has_photo
    assert image.digest == source.digest
    assert source.reads == 0  # neither has_photo nor digest reads it
    assert image.data == PHOTO
    assert image.data == PHOTO
    assert source.reads == 2
    assert PHOTO not in image.__dict__.values()  # nothing kept on the image
    assert image.photo is source


def test_assigning_bytes_or_none_replaces_the_photo_and_drops_the_source():
    image, source = stored_image()
    image.data = OTHER
    assert image.photo == OTHER and image.data == OTHER
    assert image.digest == hashlib.sha256(OTHER).hexdigest()
    image.photo = source
    image.data = None
    assert not image.has_photo and image.data is None and image.digest is None
    assert source.reads == 0


def test_photo_hands_out_and_takes_back_the_state_without_reading():
    # How an undo step can keep a stored photo: remember `photo`, assign it back.
    image, source = stored_image()
    kept = image.photo
    image.data = OTHER
    image.photo = kept
    assert image.photo is source and image.digest == source.digest
    image.photo = None
    assert not image.has_photo
    image.photo = PHOTO
    assert image.data == PHOTO
    assert source.reads == 0


def test_a_source_that_lost_the_photo_raises_its_typed_error():
    image = Image()
    image.photo = CountingSource(PHOTO, gone=True)
    assert image.has_photo
    with pytest.raises(PhotoUnavailableError, match="no longer exists"):
        _ = image.data


def test_equality_compares_digests_when_a_photo_is_stored():
    first, first_source = stored_image(id="bild", caption="Pier")
    second, second_source = stored_image(id="bild", caption="Pier")
    in_memory = Image(data=PHOTO, id="bild", caption="Pier")
    assert first == second
    assert first == in_memory and in_memory == first
    assert first_source.reads == second_source.reads == 0
    assert first != Image(data=OTHER, id="bild", caption="Pier")
    assert first != Image(id="bild", caption="Pier")  # no photo at all
    assert first != stored_image(id="bild", caption="Kai")[0]
    assert first_source.reads == 0
    assert Image(data=PHOTO, id="x") == Image(data=PHOTO, id="x")
    assert Image(data=PHOTO, id="x") != Image(data=OTHER, id="x")
    assert Image(id="x") == Image(id="x")
    assert (Image(id="x") == "x") is False


def test_copies_share_the_source_and_read_nothing():
    image, source = stored_image(caption="Fähre")
    article = Article(headline="Hafen", images=[image, Image(data=OTHER)])
    for copied in (copy.deepcopy(article), copy.copy(article)):
        assert copied.images[0].photo is source
    deep_image = copy.deepcopy(image)
    assert deep_image is not image and deep_image.photo is source
    assert copy.copy(image).photo is source
    deep_image.caption = "Kai"
    assert image.caption == "Fähre"
    deep_image.data = OTHER  # replacing the copy's photo leaves the original's alone
    assert image.photo is source
    assert source.reads == 0


def test_repr_names_a_stored_photo_without_reading_it():
    image, source = stored_image(caption="Pier")
    text = repr(image)
    assert f"data=<stored photo {source.digest[:12]}>" in text
    assert "caption='Pier'" in text and text.startswith("Image(role='lead'")
    assert source.reads == 0
    assert repr(Image(data=b"ab", id="x")) == (
        "Image(role='lead', data=b'ab', filename='', width=0, height=0, caption='', alt='', "
        "credit='', copyright='', symbolic=False, disclaimer='', rotation=0, crop='', "
        "focal_x=0.5, focal_y=0.5, id='x')"
    )


def test_replace_still_makes_an_image_with_the_bytes():
    # dataclasses.replace reads `data` like any field: the copy holds the bytes themselves.
    image, source = stored_image(caption="Pier")
    moved = dataclasses.replace(image, focal_x=0.25)
    assert moved.data == PHOTO and moved.photo == PHOTO and moved.focal_x == 0.25
    assert source.reads == 1


def test_images_are_not_hashable_as_before():
    with pytest.raises(TypeError):
        hash(Image())


def test_the_model_does_not_import_the_store():
    code = (
        "import sys, newsdesk.model, newsdesk.model.article, newsdesk.model.commands\n"
        "assert not [m for m in sys.modules if m.startswith('newsdesk.store')], sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
