"""Photos that stay in the project file until someone looks at them.

An article loaded from a .newsdesk file does not carry its photos' original bytes. Each of its
images holds a StoredPhoto instead: a small handle naming the blob by its SHA-256, through which
`Image.data` reads the bytes, checked against that digest, whenever it is asked, keeping nothing.
The benchmark article's 20 camera originals (57 MB) then cost neither the time to read them at
open nor the memory to hold them for the whole session.

The PhotoStore of a Project issues the handles and keeps a weak registry of the ones still alive
(in the article, in the undo history, in a loaded revision), because a handle must never lose its
photo:
- before a save drops a blob that no image and no revision of the file refers to any more, every
  live handle for it is *materialised*: it reads the bytes once and keeps them, so that a photo
  removed from the article comes back with undo. A later save that stores the blob again lets go
  of those bytes;
- a save takes over the handles of the photos it wrote from another file (a copy written fresh
  from the article in memory), so they read from the file that now holds them;
- Save As moves the handles to the Project on the copy, and a reload after another program
  changed the file moves them to the new connection, materialising first those whose photo the
  new file lacks;
- once the Project is closed, a handle that is still read opens the file read-only, by its path,
  for that one read.
"""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any

from newsdesk.errors import PhotoUnavailableError, ProjectError
from newsdesk.model.article import Image
from newsdesk.store import files
from newsdesk.store.opening import connect_read_only, open_checked, read_header
from newsdesk.store.rows import MalformedError, read_blob

# The project's connection as it is now (it changes on a forced save and a reload), None once the
# project is closed.
CurrentConnection = Callable[[], sqlite3.Connection | None]


class StoredPhoto:
    """A photo's original bytes in a project file, read on demand (a model.article.PhotoSource).

    `read()` returns the bytes, checked against `digest` on every read, and keeps nothing: asked
    again, it reads again. It raises PhotoUnavailableError (a ProjectError with a one-line message
    naming the file) when the file no longer holds them intact or is gone. A handle the store had
    to materialise (its blob left the file) answers from memory instead.

    Threads: while its project is open, a handle reads through the project's SQLite connection,
    and a connection belongs to the thread that opened it (the GUI thread). Read `Image.data`, and
    so call `read()`, on the thread that owns the project only; hand the bytes to worker threads.

    Copies (copy.copy, copy.deepcopy of an Image or Article) share the handle: it names bytes that
    never change, and a copied connection would be neither safe nor wanted.
    """

    __slots__ = ("__weakref__", "_kept", "_store", "digest")

    def __init__(self, store: PhotoStore, digest: str) -> None:
        self.digest = digest
        self._store = store
        self._kept: bytes | None = None

    def read(self) -> bytes:
        kept = self._kept
        if kept is not None:
            return kept
        return self._store.read(self.digest)

    @property
    def in_memory(self) -> bool:
        """True while the handle keeps the bytes itself (the file it came from dropped them)."""
        return self._kept is not None

    @property
    def path(self) -> Path:
        """The project file this handle reads from."""
        return self._store.path

    def __copy__(self) -> StoredPhoto:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> StoredPhoto:
        return self

    def __repr__(self) -> str:
        where = "in memory" if self._kept is not None else f"in {self._store.path.name}"
        return f"<StoredPhoto {self.digest[:12]} {where}>"


class PhotoStore:
    """The stored photos of one project file: issues the handles, reads for them, keeps them safe.

    Until `bind` gives it the project's connection, and again once that connection is gone (the
    project closed), reads open the file read-only by path.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: CurrentConnection = _no_connection
        self._handles: weakref.WeakSet[StoredPhoto] = weakref.WeakSet()
        self._in_memory: weakref.WeakSet[StoredPhoto] = weakref.WeakSet()  # materialised ones

    def bind(self, connection: CurrentConnection) -> None:
        """Read through `connection()` from now on (the project's connection, None once closed)."""
        self._connection = connection

    def handle(self, digest: str) -> StoredPhoto:
        """A new handle on the blob `digest`, which the file holds (the caller checked)."""
        photo = StoredPhoto(self, digest)
        self._handles.add(photo)
        return photo

    def live_handles(self) -> list[StoredPhoto]:
        """The handles some image still holds."""
        return list(self._handles)

    # --- reading ------------------------------------------------------------------------------

    def read(self, digest: str) -> bytes:
        """The bytes of blob `digest`, checked; raises PhotoUnavailableError."""
        conn = self._connection()
        if conn is None:
            return self._read_by_path(digest)
        return self._read_checked(conn, digest)

    def _read_checked(self, conn: sqlite3.Connection, digest: str) -> bytes:
        name = self.path.name
        try:
            return read_blob(conn, digest)
        except MalformedError as exc:
            raise PhotoUnavailableError(
                f"{name} is damaged: {exc}", code="photo.unavailable", name=name, detail=str(exc)
            ) from None
        except sqlite3.ProgrammingError:
            raise  # a bug, not the file: e.g. a read on a thread that does not own the project
        except sqlite3.Error as exc:
            raise self._unreadable(exc) from None

    def _read_by_path(self, digest: str) -> bytes:
        """One read from the closed file, through a read-only connection for just this read."""
        name = self.path.name
        if not self.path.is_file():
            raise PhotoUnavailableError(
                f"{name} no longer exists, and a photo it held with it",
                code="photo.project_gone",
                name=name,
            )
        try:
            conn = self._connect_by_path()
        except ProjectError as exc:
            raise PhotoUnavailableError(str(exc), code=exc.code, **exc.params) from None
        except sqlite3.Error as exc:
            raise self._unreadable(exc) from None
        try:
            return self._read_checked(conn, digest)
        finally:
            conn.close()

    def _unreadable(self, exc: sqlite3.Error) -> PhotoUnavailableError:
        reason = files.damage_reason(exc)
        return PhotoUnavailableError(
            f"{self.path.name}: a photo cannot be read ({reason})",
            code="photo.unavailable",
            name=self.path.name,
            detail=reason,
        )

    def _connect_by_path(self) -> sqlite3.Connection:
        conn = connect_read_only(self.path)
        try:
            conn.execute("SELECT 1 FROM blobs LIMIT 1").fetchall()
        except sqlite3.OperationalError as exc:
            conn.close()
            if getattr(exc, "sqlite_errorname", "") != "SQLITE_READONLY_ROLLBACK":
                raise
            # A save there was cut short: read a private copy with its journal rolled back (the
            # file itself stays untouched, as when it was opened).
            return open_checked(self.path, read_header(self.path))
        except BaseException:
            conn.close()
            raise
        return conn

    # --- keeping photos safe ----------------------------------------------------------------

    def keep_in_memory(self, conn: sqlite3.Connection, digests: Collection[str]) -> None:
        """Materialise the live handles of `digests`: the file behind `conn` is about to lose them.

        Reads each such blob once (checked), within the caller's transaction. A blob that is
        already damaged is skipped (there is nothing intact left to keep); sqlite3.Error
        propagates, so that a save does not go on to drop what could not be kept.
        """
        digests = set(digests)
        wanted: dict[str, list[StoredPhoto]] = {}
        for photo in self._handles:
            if photo._kept is None and photo.digest in digests:
                wanted.setdefault(photo.digest, []).append(photo)
        for digest, photos in wanted.items():
            try:
                data = read_blob(conn, digest)
            except MalformedError:
                continue
            for photo in photos:
                photo._kept = data
                self._in_memory.add(photo)

    def release(self, stored: Collection[str]) -> None:
        """Let materialised handles drop their bytes where the file holds the blob again."""
        if not self._in_memory:
            return
        for photo in list(self._in_memory):
            if photo.digest in stored:
                photo._kept = None
                self._in_memory.discard(photo)

    def adopt(self, other: PhotoStore) -> None:
        """Take over every live handle of `other`: they read through this store from now on."""
        for photo in list(other._handles):
            self._take(photo)
        other._handles.clear()
        other._in_memory.clear()

    def take_over(self, images: Iterable[Image], stored: Collection[str]) -> None:
        """Take over the handles of other files' photos among `images` that this file holds
        (`stored`): a copy written fresh from an article keeps its photos readable after the
        file they were read from is closed or deleted."""
        for image in images:
            photo = image.photo
            foreign = isinstance(photo, StoredPhoto) and photo._store is not self
            if foreign and isinstance(photo, StoredPhoto) and photo.digest in stored:
                photo._store._forget(photo)
                self._take(photo)

    def _take(self, photo: StoredPhoto) -> None:
        photo._store = self
        self._handles.add(photo)
        if photo._kept is not None:
            self._in_memory.add(photo)

    def _forget(self, photo: StoredPhoto) -> None:
        self._handles.discard(photo)
        self._in_memory.discard(photo)


def photos_to_store(images: Iterable[Image], stored: Collection[str]) -> dict[str, bytes]:
    """Digest -> bytes of the photos a file does not hold yet (`stored`); only those are read."""
    new: dict[str, bytes] = {}
    for image in images:
        if image.has_photo:
            digest = image.digest
            if digest is not None and digest not in stored and digest not in new:
                data = image.data
                assert data is not None
                new[digest] = data
    return new


def _no_connection() -> sqlite3.Connection | None:
    return None
