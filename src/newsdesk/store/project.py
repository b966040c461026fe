"""Open, save and copy a .newsdesk project file; list and load its revisions.

The rules come from SQLite's "SQLite As An Application File Format" advice:
- a file is checked through a read-only connection before it is ever opened for writing, and a
  file we refuse (not ours, damaged, too new) is never written to (see opening.py);
- every save is one transaction in rollback-journal mode (`journal_mode=DELETE`, no -wal sidecar)
  with `synchronous=FULL`, so a crash or a full disk leaves the file as it was before the save;
- new files and copies are written beside the target and moved into place with os.replace.

A save only writes the rows that differ from what this Project last read or wrote, so typing one
word in a long article costs one UPDATE. Before saving, the file is compared with what we last saw
(size, mtime, inode and SQLite's data_version); if another program changed it, save() refuses with
ProjectChangedOnDiskError unless the caller passes force=True after asking the user.

Photos are not read when a file is opened: an image loaded from it holds a StoredPhoto handle and
reads its bytes from the file when asked (stored_photos.py, which also says how a save, Save As,
a reload and close() keep every handle's photo readable).

Locking against a second Newsdesk is separate: see lock.py (the GUI holds a ProjectLock while it
has a file open for writing).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import weakref
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from newsdesk.errors import (
    NotAProjectError,
    ProjectChangedOnDiskError,
    ProjectDamagedError,
    ProjectError,
    ProjectTooNewError,
    SaveError,
    os_error_reason,
)
from newsdesk.model.article import Article, PhotoSource
from newsdesk.model.last_change import MODIFIED_PROPERTY, iso_utc
from newsdesk.store import files, schema
from newsdesk.store.opening import BUSY_TIMEOUT, harden, open_checked, read_header
from newsdesk.store.rows import (
    MalformedError,
    Rows,
    article_to_rows,
    check_article,
    decode_snapshot,
    encode_snapshot,
    has_blob,
    known_blobs,
    read_rows,
    rows_to_article,
)
from newsdesk.store.stored_photos import CurrentConnection, PhotoStore, photos_to_store
from newsdesk.store.writing import add_blobs, add_revision, collect_garbage, write_rows

PathLike = str | os.PathLike[str]


class RevisionInfo(NamedTuple):
    """One recorded revision: `created` is ISO 8601 UTC ("2025-03-01T09:30:00.000Z");
    `automatic` when Newsdesk recorded it by itself (before a deletion, every 10 minutes, ...)."""

    id: int
    created: str
    label: str
    words: int
    automatic: bool = False


class Project:
    """An open .newsdesk file. Create one with open_project() or create_project()."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        read_only: bool,
        photos: PhotoStore | None = None,
    ) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = conn
        self._read_only = read_only
        self._rows: Rows | None = None  # what the content tables hold; None: unknown
        self._blobs: set[str] = set()  # digests present in `blobs`
        self._gc_pending = True  # the first save also removes blobs left over by older saves
        self._stamp: tuple[int, int, int] | None = None
        self._inode = 0  # the inode our connection has open, to notice a replaced file
        self._data_version = 0
        self._opened_article: Article | None = None  # validated on open, handed out by load()
        # The handles of the photos in articles loaded from this file (and others it took over).
        self._photos = photos if photos is not None else PhotoStore(path)
        self._photos.bind(_current_connection(self))

    # --- properties and lifetime ------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def closed(self) -> bool:
        return self._conn is None

    def close(self) -> None:
        """Close the file. Safe to call twice."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._opened_article = None

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self._read_only else "read-write"
        return f"<Project {str(self._path)!r} {mode}{' closed' if self.closed else ''}>"

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ProjectError(
                f"{self._path.name} is closed", code="project.closed", name=self._path.name
            )
        return self._conn

    # --- reading ------------------------------------------------------------------------------

    def load(self) -> Article:
        """The article in the file; its photos are read from the file when asked for (see
        stored_photos.py). Reopens the file if it changed on disk."""
        conn = self._connection()
        if self.changed_on_disk():
            self._reopen()
            conn = self._connection()
        article, self._opened_article = self._opened_article, None
        if article is not None:
            return article
        try:
            with _read_transaction(conn):
                rows = read_rows(conn)
                article = rows_to_article(rows, self._photos.handle)
        except (MalformedError, sqlite3.DatabaseError) as exc:
            reason = files.damage_reason(exc)
            raise ProjectDamagedError(
                f"{self._path.name} is damaged: {reason}",
                code="project.damaged",
                name=self._path.name,
                detail=reason,
            ) from None
        self._rows = rows
        self._remember_disk_state()
        return article

    def revisions(self) -> list[RevisionInfo]:
        """The recorded revisions, newest first."""
        rows = self._connection().execute(
            "SELECT id, created, label, words, automatic FROM revisions ORDER BY id DESC"
        )
        return [RevisionInfo(row[0], row[1], row[2], row[3], bool(row[4])) for row in rows]

    def load_revision(self, revision_id: int) -> Article:
        """The article as it was at a revision. To restore it, save() it like any article."""
        conn = self._connection()
        row = conn.execute("SELECT snapshot FROM revisions WHERE id = ?", (revision_id,)).fetchone()
        if row is None:
            raise ProjectError(
                f"{self._path.name} has no revision {revision_id}",
                code="project.no_revision",
                name=self._path.name,
                revision=revision_id,
            )

        def stored_photo(digest: str) -> PhotoSource:
            if not has_blob(conn, digest):
                raise MalformedError("a stored photo is missing")
            return self._photos.handle(digest)

        try:
            with _read_transaction(conn):
                return decode_snapshot(row[0], stored_photo)
        except (MalformedError, sqlite3.DatabaseError) as exc:
            reason = files.damage_reason(exc)
            raise ProjectDamagedError(
                f"{self._path.name} is damaged: {reason}",
                code="project.damaged",
                name=self._path.name,
                detail=reason,
            ) from None

    # --- changes by other programs ---------------------------------------------------------

    def changed_on_disk(self) -> bool:
        """True if another program changed, replaced or removed the file since we last read it."""
        conn = self._connection()
        try:
            stamp = files.stamp(self._path)
        except OSError:
            return True
        if stamp != self._stamp:
            return True
        try:
            return conn.execute("PRAGMA data_version").fetchone()[0] != self._data_version
        except sqlite3.Error:
            return True

    def _remember_disk_state(self) -> None:
        conn = self._connection()
        with contextlib.suppress(OSError):
            self._stamp = files.stamp(self._path)
        with contextlib.suppress(sqlite3.Error):
            self._data_version = conn.execute("PRAGMA data_version").fetchone()[0]

    def _reopen(self) -> None:
        """Read the file afresh (it changed on disk): validate it again and take its state.

        Live photo handles move to the new connection; those whose photo the new file lacks
        keep it in memory first, read from the old connection while it can still be read.
        """
        fresh = open_project(self._path, read_only=self._read_only)
        photos, old = self._photos, self._conn
        lacking = {photo.digest for photo in photos.live_handles()} - fresh._blobs
        if old is not None and lacking:
            with contextlib.suppress(sqlite3.Error):
                photos.keep_in_memory(old, lacking)
        self.close()
        self.__dict__.update(fresh.__dict__)
        fresh._conn = None  # the connection now belongs to self
        self._photos = photos
        photos.adopt(fresh._photos)
        photos.release(self._blobs)

    # --- writing ------------------------------------------------------------------------------

    def save(
        self,
        article: Article,
        *,
        revision_label: str | None = None,
        force: bool = False,
        automatic: bool = False,
        now: dt.datetime | None = None,
    ) -> None:
        """Write `article` to the file in one transaction; with a label, record a revision too.

        `automatic` marks a revision Newsdesk records by itself: it is skipped when the newest
        revision holds the same article, and older automatic revisions are thinned in the same
        transaction (revision_thinning.py). `now` (aware) stands in for the clock (the bench
        simulates a week of editing with it).

        Raises ProjectChangedOnDiskError if another program changed the file since we last read
        or wrote it (force=True overwrites it after the user agreed), SaveError if writing fails
        (the file is then unchanged), PhotoUnavailableError if a photo the file lacks cannot be
        read from where it is kept.

        Only photos the file does not hold yet are read. Handles of photos another file keeps
        (an article read from there) read from this file from now on.
        """
        self._write(
            article, revision_label=revision_label, force=force, automatic=automatic, now=now
        )
        self._photos.take_over(article.images, self._blobs)

    def _write(
        self,
        article: Article,
        *,
        revision_label: str | None = None,
        force: bool = False,
        automatic: bool = False,
        now: dt.datetime | None = None,
    ) -> None:
        conn = self._connection()
        name = self._path.name
        if self._read_only:
            raise SaveError(
                f"{name} is open read-only; save a copy under another name",
                code="project.read_only",
                name=name,
            )
        try:
            check_article(article)
        except ValueError as exc:
            raise SaveError(
                f"cannot save {name}: {exc}",
                code="project.article_invalid",
                name=name,
                detail=str(exc),
            ) from None
        if self.changed_on_disk():
            if not force:
                raise ProjectChangedOnDiskError(
                    f"{name} was changed by another program since Newsdesk last read it",
                    code="project.changed_on_disk",
                    name=name,
                )
            self._prepare_forced_save()
            conn = self._connection()
        self._opened_article = None
        rows = article_to_rows(article)
        try:
            modified = _content_modified(conn, rows, self._rows, now)
        except sqlite3.Error as exc:
            raise _save_failed(name, exc) from exc
        digests = rows.image_digests()
        collect = self._gc_pending or self._rows is None or digests != self._rows.image_digests()
        if revision_label is not None:
            image_digests = [image.digest for image in article.images]
            # The revision holds the article as saved, its last change included.
            saved = replace(article, properties=_properties(rows))
            snapshot, words = encode_snapshot(saved, image_digests)
        blobs = self._blobs
        remaining: set[str] | None = None
        try:
            conn.execute("BEGIN IMMEDIATE")
            if self._rows is None:
                blobs = known_blobs(conn)
            new_blobs = photos_to_store(article.images, blobs)
            write_rows(conn, rows, self._rows)
            add_blobs(conn, new_blobs)
            if revision_label is not None and not (automatic and _newest_is(conn, snapshot)):
                when = now if now is not None else dt.datetime.now(dt.UTC)
                add_revision(
                    conn, revision_label, words, snapshot, digests, automatic=automatic, now=when
                )
                # Imported here: opening a file (the window's start) needs no thinning.
                from newsdesk.store.revision_thinning import thin_revisions

                if automatic and thin_revisions(conn, when):
                    collect = True
            if collect:
                # Photos still held by live handles (a removed image undo can bring back) are
                # read into memory before their blobs go.
                keep = self._photos.keep_in_memory
                remaining = collect_garbage(conn, before_drop=lambda unused: keep(conn, unused))
            conn.execute("COMMIT")
        except (sqlite3.Error, OSError, UnicodeError, MalformedError) as exc:
            self._roll_back(conn)
            raise _save_failed(name, exc) from exc
        except BaseException:
            self._roll_back(conn)
            raise
        self._rows = rows
        # The article in memory says what the file says (the page's dateModified reads it).
        if modified:
            article.properties[MODIFIED_PROPERTY] = modified
        else:
            article.properties.pop(MODIFIED_PROPERTY, None)
        self._blobs = remaining if remaining is not None else blobs | new_blobs.keys()
        self._gc_pending = False
        self._photos.release(self._blobs)
        self._remember_disk_state()

    def _roll_back(self, conn: sqlite3.Connection) -> None:
        with contextlib.suppress(sqlite3.Error):
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        # A rolled-back transaction may still have touched the file's mtime; its content is
        # what it was, so this is not a change by another program.
        self._remember_disk_state()

    def _prepare_forced_save(self) -> None:
        """Make the next save write everything, into the file that is at our path now."""
        name = self._path.name
        conn = self._connection()
        try:
            moved = files.stamp(self._path)[2] != self._inode
        except OSError:
            moved = True
        if moved:
            # The file we have open was replaced or deleted; SQLite will not write to it any
            # more. Put a copy of our state at the path and continue there.
            self._write_copy(self._path)
            conn.close()
            self._conn = _connect_read_write(self._path)
            self._inode = files.stamp(self._path)[2]
        else:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if conn.execute("PRAGMA application_id").fetchone()[0] != schema.APPLICATION_ID:
                raise NotAProjectError(
                    f"{name} is no longer a Newsdesk project",
                    code="project.not_a_project",
                    name=name,
                )
            if version > schema.SCHEMA_VERSION:
                raise ProjectTooNewError(
                    f"{name} was saved by a newer Newsdesk meanwhile",
                    code="project.too_new_meanwhile",
                    name=name,
                )
            self._rows = None  # unknown content: the save rewrites every row
            self._gc_pending = True
        self._remember_disk_state()

    # --- derived-image cache ----------------------------------------------------------------

    def derived_get(self, key: str) -> bytes | None:
        """Cached bytes stored under `key`, or None."""
        row = self._connection().execute("SELECT bytes FROM derived WHERE key = ?", (key,))
        found = row.fetchone()
        return found[0] if found is not None and isinstance(found[0], bytes) else None

    def derived_put(self, key: str, data: bytes) -> None:
        """Cache `data` under `key` (e.g. "<digest>:<width>.webp"; such keys go with the blob).

        Does nothing on a read-only project or a file another program changed: it is only a
        cache. Raises SaveError if writing fails.
        """
        conn = self._connection()
        if self._read_only or self.changed_on_disk():
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT OR REPLACE INTO derived (key, bytes) VALUES (?, ?)", (key, data))
            conn.execute("COMMIT")
        except (sqlite3.Error, OSError) as exc:
            self._roll_back(conn)
            raise SaveError(
                f"could not write to {self._path.name}: {files.failure_reason(exc)}",
                code="project.save_failed",
                name=self._path.name,
                reason=files.failure_code(exc),
                detail=files.failure_reason(exc),
            ) from exc
        self._remember_disk_state()

    # --- copies -------------------------------------------------------------------------------

    def save_as(self, new_path: PathLike) -> Project:
        """Copy the file consistently to `new_path` and return a Project on the copy.

        This Project is closed afterwards; the photo handles it issued read from the copy, which
        holds the same photos. The copy replaces an existing file at `new_path` (the file dialog
        has asked). Save the current article first: this copies the file.
        """
        self._connection()
        target = Path(new_path).absolute()
        self._write_copy(target)
        self.close()
        copy = open_project(target)
        copy._photos.adopt(self._photos)
        return copy

    def _write_copy(self, target: Path) -> None:
        temp = files.temp_path(target)
        try:
            copy = sqlite3.connect(temp, isolation_level=None)
            try:
                self._connection().backup(copy)
            finally:
                copy.close()
            files.fsync_file(temp)
            files.remove_stale_journal(target)
            os.replace(temp, target)
            files.fsync_folder(target.parent)
        except (sqlite3.Error, OSError) as exc:
            raise SaveError(
                f"could not write {target.name}: {files.failure_reason(exc)}",
                code="project.save_failed",
                name=target.name,
                reason=files.failure_code(exc),
                detail=files.failure_reason(exc),
            ) from exc
        finally:
            files.remove_quietly(temp)


# --- creating and opening -------------------------------------------------------------------------


def create_project(path: PathLike, article: Article, *, overwrite: bool = False) -> Project:
    """Write `article` as a new project file at `path` and open it.

    The file is built beside its final place and moved there in one step, so no half-written
    project ever exists at `path`. Refuses (SaveError) if `path` exists, unless overwrite=True.
    """
    target = Path(path).absolute()
    name = target.name
    if target.exists() and not overwrite:
        raise SaveError(
            f"{name} already exists; choose another name", code="project.exists", name=name
        )
    try:
        check_article(article)
    except ValueError as exc:
        raise SaveError(
            f"cannot save {name}: {exc}", code="project.article_invalid", name=name, detail=str(exc)
        ) from None
    temp = files.temp_path(target)
    try:
        conn = _connect_read_write(temp)
        try:
            conn.execute("BEGIN IMMEDIATE")
            schema.create_schema(conn)
            conn.execute("COMMIT")
            project = Project(temp, conn, read_only=False)
            project._inode = files.stamp(temp)[2]
            project._remember_disk_state()
            project._write(article)
        finally:
            conn.close()
        files.fsync_file(temp)
        files.move_into_place(temp, target, overwrite=overwrite)
        files.fsync_folder(target.parent)
    except SaveError as exc:
        raise SaveError(
            str(exc).replace(temp.name, name), code=exc.code, **{**exc.params, "name": name}
        ) from exc
    except (sqlite3.Error, OSError) as exc:
        raise SaveError(
            f"could not create {name}: {files.failure_reason(exc)}",
            code="project.create_failed",
            name=name,
            reason=files.failure_code(exc),
            detail=files.failure_reason(exc),
        ) from exc
    finally:
        files.remove_quietly(temp)
    created = open_project(target)
    created._photos.take_over(article.images, created._blobs)
    return created


def open_project(path: PathLike, *, read_only: bool = False) -> Project:
    """Open a project file, refusing (typed errors, nothing written) what we cannot read.

    NotAProjectError: not SQLite, or another program's database. ProjectDamagedError: fails the
    integrity checks or holds malformed rows. ProjectTooNewError: written by a newer Newsdesk.
    Files of an older version are migrated when opened for writing (read-only: in memory only).
    """
    target = Path(path).absolute()
    name = target.name
    version = read_header(target)
    photos = PhotoStore(target)
    conn = open_checked(target, version)
    try:
        with _read_transaction(conn):
            rows = read_rows(conn)
            blobs = known_blobs(conn)
            article: Article | None = rows_to_article(rows, photos.handle)
    except (MalformedError, sqlite3.DatabaseError) as exc:
        conn.close()
        raise files.damaged_error(name, files.damage_reason(exc)) from None
    except BaseException:
        conn.close()
        raise
    if not read_only:
        conn.close()
        files.check_writable(target)
        conn = _open_for_writing(target, version)
        try:
            with _read_transaction(conn):
                fresh = read_rows(conn)
                blobs = known_blobs(conn)
        except (MalformedError, sqlite3.DatabaseError) as exc:
            conn.close()
            raise files.damaged_error(name, files.damage_reason(exc)) from None
        if fresh != rows:  # changed between the check and now: load() reads it again
            rows, article = fresh, None
    project = Project(target, conn, read_only=read_only, photos=photos)
    project._rows = rows
    project._blobs = blobs
    project._opened_article = article
    try:
        project._inode = files.stamp(target)[2]
    except OSError as exc:
        project.close()
        raise ProjectError(
            f"{name} cannot be read: {os_error_reason(exc)}",
            code="project.unreadable",
            name=name,
            detail=os_error_reason(exc),
        ) from None
    project._remember_disk_state()
    return project


def _content_modified(
    conn: sqlite3.Connection, rows: Rows, old: Rows | None, now: dt.datetime | None
) -> str:
    """The article's last change (model/last_change.py) for the rows about to be written, which
    this function sets in `rows.properties`: now when the content (text fields, sections, photos,
    related links) differs from what the file holds, else the value the file has ("" for none;
    a new file keeps what its article carries, as an import of an exported article does).
    Properties alone (the chosen publication, spelling lists, publish records) are no change."""
    if old is None:  # unknown (a new file, or one changed on disk): what the file holds now
        try:
            old = read_rows(conn)
        except (MalformedError, sqlite3.DatabaseError):
            old = None  # a new file: its article was not changed yet (a page has no dateModified)
    same = old is None or (
        rows.article == old.article
        and rows.sections == old.sections
        and rows.images == old.images
        and rows.links == old.links
    )
    kept = (old or rows).properties.get(MODIFIED_PROPERTY, ("",))[0]
    if same:
        modified = kept if isinstance(kept, str) else ""
    else:
        modified = iso_utc(now if now is not None else dt.datetime.now(dt.UTC))
    if modified:
        rows.properties[MODIFIED_PROPERTY] = (modified,)
    else:
        rows.properties.pop(MODIFIED_PROPERTY, None)
    return modified


def _properties(rows: Rows) -> dict[str, str]:
    return {key: row[0] for key, row in rows.properties.items()}


def _newest_is(conn: sqlite3.Connection, snapshot: bytes) -> bool:
    """Whether the newest revision holds exactly this snapshot (an automatic one adds nothing)."""
    row = conn.execute("SELECT snapshot FROM revisions ORDER BY id DESC LIMIT 1").fetchone()
    return row is not None and row[0] == snapshot


def _current_connection(project: Project) -> CurrentConnection:
    """The project's connection as it is at each call (a forced save or a reload replaces it),
    without keeping the project alive: photo handles outlive the Project that issued them."""
    ref = weakref.ref(project)

    def current() -> sqlite3.Connection | None:
        alive = ref()
        return None if alive is None else alive._conn

    return current


def _save_failed(name: str, exc: BaseException) -> SaveError:
    """A save that wrote nothing: the reason in one line, and that the file is as it was."""
    reason = files.failure_reason(exc)
    return SaveError(
        f"could not save {name}: {reason}; the file is unchanged",
        code="project.save_failed",
        name=name,
        reason=files.failure_code(exc),
        detail=reason,
    )


def _open_for_writing(target: Path, version: int) -> sqlite3.Connection:
    name = target.name
    try:
        conn = _connect_read_write(target)
    except sqlite3.Error as exc:
        raise ProjectError(
            f"{name} cannot be opened for writing: {files.failure_reason(exc)}",
            code="project.cannot_write",
            name=name,
            reason=files.failure_code(exc),
            detail=files.failure_reason(exc),
        ) from None
    except UnicodeDecodeError:
        # SQLite quoted a damaged schema name back in its error, and that is not even UTF-8.
        message = f"{name} is damaged: its table definitions are unreadable"
        raise ProjectDamagedError(
            message,
            code="project.damaged",
            name=name,
            detail="its table definitions are unreadable",
        ) from None
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != schema.APPLICATION_ID:
            raise NotAProjectError(
                f"{name} is not a Newsdesk project", code="project.not_a_project", name=name
            )
        if version < schema.SCHEMA_VERSION:
            schema.migrate(conn, version)
    except sqlite3.Error as exc:
        conn.close()
        raise ProjectError(
            f"{name} cannot be upgraded: {files.failure_reason(exc)}",
            code="project.upgrade_failed",
            name=name,
            detail=files.failure_reason(exc),
        ) from None
    except BaseException:
        conn.close()
        raise
    return conn


@contextlib.contextmanager
def _read_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One consistent view for several SELECTs, even while another program saves."""
    conn.execute("BEGIN")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("COMMIT")


def _connect_read_write(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT)
    try:
        harden(conn)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn
