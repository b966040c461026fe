"""Thumbnails of the article's photos, decoded off the GUI thread and shared by every view.

Decoding a 4000x3000 camera JPEG into a small picture takes about 100 ms even with libjpeg's
reduced-scale decoding (see PERFORMANCE figures in the image pane's report), long enough to make
the window stutter, so `Thumbnailer` runs `imaging.thumbnail` in a one-thread pool and announces
each result with `ready(digest)`. One upright, uncropped picture of THUMBNAIL_SIDE pixels is made
per photo (keyed by the SHA-256 of its bytes); rotation, the crop preset and the small sizes the
image list and the editor show are cut from it on the GUI thread (`shown_picture`), which takes
microseconds, so turning or cropping a photo never waits for a decode.

The worker thread only touches bytes and Python objects; QImage is built on the GUI thread from
the encoded thumbnail, and the result travels back through a queued signal.

With a `cache` (the window sets the open project's derived-image table), each encoded thumbnail
is kept in the project file under "<digest>:thumb-v1:480", so the next start shows the photos at
once, without reading their originals (2-10 MB each) or decoding them again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from contextlib import suppress
from typing import NamedTuple, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTransform

from newsdesk.derived_cache import DerivedCache
from newsdesk.errors import ImageError, NewsdeskError
from newsdesk.gui.dialogs.error_messages import error_text
from newsdesk.model.article import Image
from newsdesk.photo_rules import crop_box

V = TypeVar("V")

THUMBNAIL_SIDE = 480  # crisp in a dock a few hundred pixels wide, also on a 2x screen
THUMBNAIL_VERSION = 1  # raise when imaging.thumbnail makes different pictures
# Decoded pictures kept: the views keep what they derive from them (keyed by what they show,
# `shown_key`), so only the photo being worked on needs its picture again. Each is up to
# 480x480x4 bytes; 20 photos decoded at once took 14 MB of the window's memory.
CACHE_SIZE = 4
ENCODED_CACHE_SIZE = 512  # encoded thumbnails (~40 kB each), decoded again in ~2 ms


class _Result(NamedTuple):
    """A finished thumbnail from the worker: the encoded image, or why there is none."""

    digest: str
    data: bytes
    error: str


class Thumbnailer(QObject):
    """Makes and keeps the upright thumbnail of each photo; `ready(digest)` when one is done.

    `picture(image)` returns the cached QImage or None (and then starts making it); a photo that
    cannot be decoded is remembered as failed (`error(digest)`) and never retried.
    """

    ready = Signal(str)  # digest whose picture (or failure) is now known
    _finished = Signal(object)  # _Result, emitted by the worker thread, delivered queued

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # two shared cores: one decode at a time is plenty
        self._pictures: OrderedDict[str, QImage] = OrderedDict()
        self._encoded: OrderedDict[str, bytes] = OrderedDict()
        self._errors: dict[str, str] = {}
        self._pending: set[str] = set()
        # Photos waiting for their turn. An original is read from the project file (GUI thread:
        # the file's connection lives there) only when the pool is free for it, so that asking
        # for 20 thumbnails neither holds 20 originals in memory nor delays the window by their
        # reading.
        self._queue: OrderedDict[str, Image] = OrderedDict()
        self._busy = False  # a decode is in the pool
        self._held = False  # see hold()
        self.cache: DerivedCache | None = None  # where made thumbnails are kept between starts
        self._finished.connect(self._store, Qt.ConnectionType.QueuedConnection)

    def picture(self, image: Image) -> QImage | None:
        """The upright, uncropped thumbnail of the image's photo, or None while it is made."""
        digest = image.digest
        if digest is None or digest in self._errors:
            return None
        picture = self._pictures.get(digest)
        if picture is not None:
            self._pictures.move_to_end(digest)
            return picture
        if digest in self._pending:
            return None  # it has its turn in `_feed`: decoded once, announced by `ready`
        if digest in self._encoded or not self._held:  # held: decode only what is in memory
            picture = self._kept(digest)
            if picture is not None:
                return picture
        if digest not in self._pending:
            self._pending.add(digest)
            self._queue[digest] = image
            QTimer.singleShot(0, self, self._feed)
        return None

    def error(self, image: Image) -> str:
        """Why the photo could not be shown ("" when it can, or is still being made)."""
        return self._errors.get(image.digest or "", "")

    def is_pending(self, image: Image) -> bool:
        return (image.digest or "") in self._pending

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the decode in progress is done (shutting down; tests' clean-up). Photos
        still waiting for their turn are dropped: asked for again, they are queued anew."""
        self._pending.difference_update(self._queue)
        self._queue.clear()
        return self._pool.waitForDone(msecs)

    def hold(self) -> None:
        """Make and decode no thumbnail until `release` (the window's first paint comes first:
        reading photos, starting Pillow in the pool or decoding 20 kept thumbnails delays it);
        `picture` answers from memory only, and what it was asked for follows on release."""
        self._held = True

    def release(self) -> None:
        self._held = False
        self._feed()

    def _feed(self) -> None:
        """Hand the next waiting photo to the pool, if it is free; or show the next one kept
        from an earlier session, one per turn of the event loop (20 at once, each followed by
        the views' refresh, kept the window from taking keys for 300 ms after its start)."""
        while self._queue and not self._busy and not self._held:
            digest, image = self._queue.popitem(last=False)
            if digest in self._pictures or self._kept(digest) is not None:
                self._pending.discard(digest)
                self.ready.emit(digest)
                if self._queue:
                    QTimer.singleShot(0, self, self._feed)
                return
            try:
                data = image.data
            except NewsdeskError as exc:  # the project file lost the photo
                self._store(_Result(digest, b"", error_text(exc)))
                continue
            if data is None:
                self._pending.discard(digest)
                continue
            self._busy = True
            self._pool.start(lambda d=digest, b=data: self._make(d, b))

    def _make(self, digest: str, data: bytes) -> None:
        # Runs in the pool's thread: plain Python and Pillow only. Pillow is imported here, with
        # the first thumbnail, not with the window.
        from newsdesk import imaging

        try:
            derived = imaging.thumbnail(data, THUMBNAIL_SIDE)
            result = _Result(digest, derived.data, "")
        except ImageError as exc:
            result = _Result(digest, b"", error_text(exc))
        except Exception as exc:  # a thumbnail must never take the window down
            result = _Result(digest, b"", str(exc) or type(exc).__name__)
        with suppress(RuntimeError):  # the application is shutting down and this object is gone
            self._finished.emit(result)

    def _store(self, result: _Result) -> None:
        self._busy = False
        self._pending.discard(result.digest)
        picture = QImage.fromData(result.data) if result.data else QImage()
        if picture.isNull():
            self._errors[result.digest] = result.error or QCoreApplication.translate(
                "Thumbnails", "The thumbnail cannot be shown."
            )
        else:
            self._remember(result.digest, picture, result.data)
            if self.cache is not None:
                self.cache.put(thumbnail_key(result.digest), result.data)
        self.ready.emit(result.digest)
        self._feed()

    def _kept(self, digest: str) -> QImage | None:
        """The thumbnail made before, in this session or (through `cache`) an earlier one."""
        kept = self._encoded.get(digest)
        if kept is None and self.cache is not None:
            kept = self.cache.get(thumbnail_key(digest))
        if kept is None or (picture := QImage.fromData(kept)).isNull():
            return None
        self._remember(digest, picture, kept)
        return picture

    def _remember(self, digest: str, picture: QImage, encoded: bytes) -> None:
        keep_bounded(self._pictures, digest, picture, CACHE_SIZE)
        keep_bounded(self._encoded, digest, encoded, ENCODED_CACHE_SIZE)


def keep_bounded(cache: OrderedDict, key: Hashable, value: V, limit: int) -> V:
    """Put `value` in `cache` as its newest entry, dropping the oldest beyond `limit`."""
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > limit:
        cache.popitem(last=False)
    return value


def shown_key(image: Image, side: int) -> tuple:
    """What a picture derived from the thumbnail shows: the photo, how it is turned and cut, and
    its size. Views key what they derive by this, not by the thumbnail's QImage, which is
    decoded anew when it was let go."""
    return (image.digest, image.rotation, image.crop, image.focal_x, image.focal_y, side)


def thumbnail_key(digest: str) -> str:
    """The key of a photo's thumbnail in a DerivedCache; it starts with "<digest>:", so the
    project file drops it with the photo."""
    return f"{digest}:thumb-v{THUMBNAIL_VERSION}:{THUMBNAIL_SIDE}"


_shared: Thumbnailer | None = None


def shared_thumbnailer() -> Thumbnailer:
    """The application's one Thumbnailer, so that the pane and the editor decode a photo once."""
    global _shared
    if _shared is None:
        app = QCoreApplication.instance()
        _shared = Thumbnailer(app)
        if app is not None:
            app.aboutToQuit.connect(_shared.wait)
    return _shared


def rotated(picture: QImage, rotation: int) -> QImage:
    """The picture turned clockwise by `rotation` degrees (a multiple of 90)."""
    if rotation % 360 == 0:
        return picture
    return picture.transformed(QTransform().rotate(rotation % 360))


def crop_rect(picture: QImage, image: Image) -> QRectF:
    """Where the image's crop preset cuts the (rotated) picture, in its pixels."""
    if not image.crop:
        return QRectF(0, 0, picture.width(), picture.height())
    left, top, right, bottom = crop_box(
        picture.width(), picture.height(), image.crop, image.focal_x, image.focal_y
    )
    return QRectF(left, top, right - left, bottom - top)


def shown_picture(picture: QImage, image: Image, max_side: int) -> QImage:
    """The photo as readers see it (rotated, cropped), scaled to fit `max_side`."""
    turned = rotated(picture, image.rotation)
    cut = turned.copy(crop_rect(turned, image).toAlignedRect())
    if max(cut.width(), cut.height()) > max_side:
        cut = cut.scaled(
            max_side,
            max_side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return cut


def placeholder_picture(width: int, height: int, text: str = "") -> QImage:
    """A grey frame of the photo's proportions, with an optional line of text in it."""
    picture = QImage(max(1, width), max(1, height), QImage.Format.Format_ARGB32_Premultiplied)
    picture.fill(QColor(230, 230, 230))
    painter = QPainter(picture)
    painter.setPen(QPen(QColor(160, 160, 160), 2, Qt.PenStyle.DashLine))
    painter.drawRect(1, 1, picture.width() - 2, picture.height() - 2)
    if text:
        painter.setPen(QColor(90, 90, 90))
        painter.drawText(
            picture.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text
        )
    painter.end()
    return picture


def shown_size(image: Image) -> tuple[int, int]:
    """The photo's size after its rotation (Image.width/height are those before it)."""
    if image.rotation in (90, 270):
        return image.height, image.width
    return image.width, image.height


def fitted_size(width: int, height: int, max_side: int) -> tuple[int, int]:
    """(width, height) scaled to fit max_side, keeping proportions; 4:3 when unknown."""
    if width <= 0 or height <= 0:
        width, height = 4, 3
    scale = max_side / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))
