"""Thumbnails kept between starts: made once in the pool, then read from the cache (the project
file's derived table in the window) without reading or decoding the original again."""

from __future__ import annotations

import io

from PIL import Image as PILImage

from newsdesk.derived_cache import MemoryCache
from newsdesk.gui.photos.thumbnails import THUMBNAIL_SIDE, Thumbnailer, thumbnail_key
from newsdesk.model.article import Image
from tests.photo_sources import CountingSource, stored_image


def _photo(size=(1600, 1200)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, (40, 110, 170)).save(out, "JPEG", quality=80)
    return out.getvalue()


def _stored_photo() -> tuple[Image, CountingSource]:
    return _stored_photo_sized((1600, 1200))


def _stored_photo_sized(size: tuple[int, int]) -> tuple[Image, CountingSource]:
    return stored_image(_photo(size), width=size[0], height=size[1])


def test_a_thumbnail_made_once_comes_from_the_cache_on_the_next_start(qtbot):
    cache = MemoryCache()
    photo, source = _stored_photo()
    first = Thumbnailer()
    first.cache = cache
    with qtbot.waitSignal(first.ready, timeout=10_000):
        assert first.picture(photo) is None  # being made in the pool
        assert first.picture(photo) is None  # still pending: not read again
    made = first.picture(photo)
    assert made is not None and max(made.width(), made.height()) == THUMBNAIL_SIDE
    assert source.reads == 1
    assert cache.get(thumbnail_key(photo.digest)) is not None

    # The next start: a new thumbnailer over the same cache shows it at once, reading nothing.
    again, again_source = _stored_photo()
    thumbnailer = _over(cache)
    shown = thumbnailer.picture(again)
    assert shown is not None and shown.size() == made.size()
    assert not thumbnailer.is_pending(again)
    assert again_source.reads == 0


def test_a_held_thumbnailer_reads_and_decodes_nothing_until_released(qtbot):
    photo, source = _stored_photo()
    thumbnailer = Thumbnailer()
    thumbnailer.hold()
    assert thumbnailer.picture(photo) is None
    qtbot.wait(100)
    assert source.reads == 0 and thumbnailer.is_pending(photo)
    with qtbot.waitSignal(thumbnailer.ready, timeout=10_000):
        thumbnailer.release()
    assert source.reads == 1 and thumbnailer.picture(photo) is not None


def _kept_in(cache: MemoryCache, qtbot, photo: Image) -> None:
    """Make the photo's thumbnail once, keeping it in `cache` (an earlier session)."""
    maker = Thumbnailer()
    maker.cache = cache
    with qtbot.waitSignal(maker.ready, timeout=10_000):
        maker.picture(photo)


def _over(cache: MemoryCache) -> Thumbnailer:
    thumbnailer = Thumbnailer()
    thumbnailer.cache = cache
    return thumbnailer


def test_a_held_thumbnailer_decodes_no_kept_thumbnail_until_released(qtbot):
    cache = MemoryCache()
    _kept_in(cache, qtbot, _stored_photo()[0])
    again, again_source = _stored_photo()
    thumbnailer = _over(cache)
    thumbnailer.hold()
    assert thumbnailer.picture(again) is None  # kept, but not decoded before the first paint
    with qtbot.waitSignal(thumbnailer.ready, timeout=10_000) as ready:
        thumbnailer.release()
    assert ready.args == [again.digest]
    assert thumbnailer.picture(again) is not None and again_source.reads == 0


def test_waiting_at_shutdown_ends_even_while_held(qtbot):
    """The application waits for the thumbnailer when it quits; a window closed before its
    first paint leaves it held with photos queued, and quitting must not hang on them."""
    photo, source = _stored_photo()
    thumbnailer = Thumbnailer()
    thumbnailer.hold()
    thumbnailer.picture(photo)
    assert thumbnailer.wait(1000) is True
    assert source.reads == 0 and not thumbnailer.is_pending(photo)


def test_few_pictures_stay_decoded_and_the_others_come_back_without_the_original(qtbot):
    from newsdesk.gui.photos.thumbnails import CACHE_SIZE

    thumbnailer = Thumbnailer()
    photos = []
    for n in range(CACHE_SIZE + 3):
        photos.append(_stored_photo_sized((640 + 8 * n, 480)))
        image = photos[-1][0]
        thumbnailer.picture(image)
    qtbot.waitUntil(lambda: all(not thumbnailer.is_pending(i) for i, _ in photos), timeout=20_000)
    assert len(thumbnailer._pictures) == CACHE_SIZE  # decoded: only the last few
    first, first_source = photos[0]
    again = thumbnailer.picture(first)  # let go of, decoded again from its encoded thumbnail
    assert again is not None and not again.isNull()
    assert first_source.reads == 1


def test_kept_thumbnails_come_one_per_turn_of_the_event_loop(qtbot):
    """After the first paint the window must take keys: 20 kept thumbnails, each followed by
    the views' refresh, are shown one per turn, not in one long block."""
    cache = MemoryCache()
    photos = [_stored_photo_sized((700 + 10 * n, 500))[0] for n in range(3)]
    for image in photos:
        _kept_in(cache, qtbot, image)
    thumbnailer = _over(cache)
    thumbnailer.hold()
    for image in photos:
        assert thumbnailer.picture(image) is None
    heard: list[str] = []
    thumbnailer.ready.connect(heard.append)
    thumbnailer.release()
    assert heard == [photos[0].digest]  # the others wait for the next turns
    qtbot.waitUntil(lambda: len(heard) == 3)
    assert heard == [image.digest for image in photos]


def test_keep_bounded_drops_the_oldest_beyond_the_limit():
    from collections import OrderedDict

    from newsdesk.gui.photos.thumbnails import keep_bounded

    cache: OrderedDict[str, int] = OrderedDict()
    for n, key in enumerate("abcd"):
        assert keep_bounded(cache, key, n, 3) == n
    assert list(cache) == ["b", "c", "d"]
    keep_bounded(cache, "b", 9, 3)  # kept again: now the newest
    keep_bounded(cache, "e", 4, 3)
    assert list(cache.items()) == [("d", 3), ("b", 9), ("e", 4)]
