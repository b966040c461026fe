"""Deciding whether a file is a Newsdesk project we can read, without ever writing to it.

The checks run from cheap to thorough, each refusal a typed error naming the file:
1. the 100-byte SQLite header, read as plain bytes: is it SQLite at all (NotAProjectError), is it
   ours (`application_id`, NotAProjectError), is it too new (`user_version`, ProjectTooNewError), is
   it truncated (ProjectDamagedError);
2. a read-only connection (`file:...?mode=ro`) and `PRAGMA quick_check`, the schema objects and
   the table columns (ProjectDamagedError).

A file left with a hot rollback journal (the program writing it was killed mid-save) cannot be
read through a read-only connection: SQLite must first roll the journal back. We then do that on a
private copy of the file and its journal, so the original is still untouched when we decide.
Files of an older schema version are migrated in an in-memory copy for checking and reading.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from newsdesk.errors import (
    NotAProjectError,
    ProjectDamagedError,
    ProjectError,
    ProjectTooNewError,
    os_error_reason,
)
from newsdesk.store import files, schema
from newsdesk.store.early_check import early_check_passed

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT = 2.0  # seconds to wait for another program's write to finish


def read_header(path: Path) -> int:
    """Check the raw header of `path`; return its schema version (`user_version`)."""
    name = path.name
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise NotAProjectError(
                f"{name} is a folder, not a Newsdesk project", code="project.is_folder", name=name
            )
        if not stat.S_ISREG(info.st_mode):
            raise NotAProjectError(
                f"{name} is not a regular file, not a Newsdesk project",
                code="project.not_a_file",
                name=name,
            )
        with open(path, "rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise ProjectError(f"{name} does not exist", code="project.missing", name=name) from None
    except OSError as exc:
        raise ProjectError(
            f"{name} cannot be read: {os_error_reason(exc)}",
            code="project.unreadable",
            name=name,
            detail=os_error_reason(exc),
        ) from None
    if not header:
        raise NotAProjectError(
            f"{name} is empty, not a Newsdesk project", code="project.empty", name=name
        )
    if not header.startswith(SQLITE_MAGIC):
        if SQLITE_MAGIC.startswith(header):
            raise ProjectDamagedError(
                f"{name} is damaged: the file is cut short",
                code="project.damaged",
                name=name,
                detail="the file is cut short",
            )
        raise NotAProjectError(
            f"{name} is not a Newsdesk project (not an SQLite database)",
            code="project.not_sqlite",
            name=name,
        )
    if len(header) < 100:
        raise ProjectDamagedError(
            f"{name} is damaged: the file is cut short",
            code="project.damaged",
            name=name,
            detail="the file is cut short",
        )
    application_id = int.from_bytes(header[68:72], "big", signed=True)
    if application_id != schema.APPLICATION_ID:
        raise NotAProjectError(
            f"{name} is another program's SQLite database, not a Newsdesk project",
            code="project.foreign_database",
            name=name,
        )
    version = int.from_bytes(header[60:64], "big", signed=True)
    if version > schema.SCHEMA_VERSION:
        raise ProjectTooNewError(
            f"{name} was saved by a newer Newsdesk (file version {version}; this version reads "
            f"up to {schema.SCHEMA_VERSION}); please update Newsdesk to open it",
            code="project.too_new",
            name=name,
            version=version,
            supported=schema.SCHEMA_VERSION,
        )
    if version < 1:
        raise ProjectDamagedError(
            f"{name} is damaged: it has no file version",
            code="project.damaged",
            name=name,
            detail="it has no file version",
        )
    if not _has_hot_journal(path):
        # Mid-save, page 1 may already count pages the file has not grown to yet; the journal
        # rolls that back, and the checks after the rollback judge the result.
        _check_size(name, header, info.st_size)
    return version


def _has_hot_journal(path: Path) -> bool:
    try:
        return os.stat(f"{path}-journal").st_size > 0
    except OSError:
        return False


def _check_size(name: str, header: bytes, size: int) -> None:
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise ProjectDamagedError(
            f"{name} is damaged: its header is invalid",
            code="project.damaged",
            name=name,
            detail="its header is invalid",
        )
    # The page count in the header is valid when "version-valid-for" equals the change counter.
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[24:28] == header[92:96]
    if size % page_size or (header_valid and pages and size < pages * page_size):
        raise ProjectDamagedError(
            f"{name} is damaged: the file is cut short",
            code="project.damaged",
            name=name,
            detail="the file is cut short",
        )


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to `path`, not even by accident."""
    uri = path.absolute().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT)
    harden(conn)
    conn.execute("PRAGMA query_only = ON")
    return conn


def harden(conn: sqlite3.Connection) -> None:
    """Settings for reading files that may come from anywhere (SQLite's advice for app files)."""
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")


class HotJournalError(Exception):
    """The file has a hot journal that a read-only connection cannot roll back."""


def _first_problem(result: list[str]) -> str:
    """quick_check's first finding as one line (its rows can hold a "*** in database" banner)."""
    lines = [line.strip() for row in result for line in str(row).splitlines()]
    found = [line for line in lines if line and not line.startswith("*** in database")]
    return found[0] if found else "its pages do not check out"


def check_database(
    conn: sqlite3.Connection, name: str, version: int, *, checked_early: bool = False
) -> None:
    """quick_check, header values and schema objects of an open connection at `version`
    (`checked_early`: store.early_check has run the quick_check of this very file already)."""
    try:
        result = ["ok"] if checked_early else [row[0] for row in conn.execute("PRAGMA quick_check")]
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        objects = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
        columns = schema.table_columns(conn) if version == schema.SCHEMA_VERSION else None
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
            raise HotJournalError from exc
        if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_BUSY"):
            raise ProjectError(
                f"{name} is busy: another program is writing it", code="project.busy", name=name
            ) from None
        raise files.damaged_error(name, files.damage_reason(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise files.damaged_error(name, files.damage_reason(exc)) from None
    except UnicodeDecodeError:  # damage inside a name or in the text quick_check quotes back
        raise files.damaged_error(name, "some of its text is unreadable") from None
    if result != ["ok"]:
        raise files.damaged_error(name, _first_problem(result))
    if application_id != schema.APPLICATION_ID or user_version != version:
        raise files.damaged_error(name, "its header contradicts itself")
    if any(kind in ("trigger", "view") for kind, _ in objects):
        raise files.damaged_error(name, "it holds objects Newsdesk never writes")
    if columns is not None and columns != schema.expected_columns():
        raise files.damaged_error(name, "its tables are not a Newsdesk project's")


def open_checked(path: Path, version: int) -> sqlite3.Connection:
    """A validated read-only connection to the content of `path` at the current schema version.

    Usually a `mode=ro` connection to the file itself; an in-memory copy when a hot journal had
    to be rolled back or an older schema version had to be migrated. The file is never written.
    """
    name = path.name
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        raise ProjectError(
            f"{name} cannot be opened: {exc}",
            code="project.cannot_open",
            name=name,
            detail=str(exc),
        ) from None
    try:
        check_database(conn, name, version, checked_early=early_check_passed(path))
    except HotJournalError:
        conn.close()
        conn = _recovered_copy(path, version)
    except BaseException:
        conn.close()
        raise
    if version < schema.SCHEMA_VERSION:
        conn = _migrated_copy(conn, name, version)
    return conn


def _recovered_copy(path: Path, version: int) -> sqlite3.Connection:
    """Roll the hot journal back in a private copy; return an in-memory copy of the result."""
    import shutil  # here: only a crashed save's file needs them (~3 ms of every opening)
    import tempfile

    name = path.name
    with tempfile.TemporaryDirectory(prefix="newsdesk-recover-") as folder:
        copy = Path(folder) / "recover.newsdesk"
        try:
            shutil.copyfile(path, copy)
            shutil.copyfile(f"{path}-journal", f"{copy}-journal")
        except OSError as exc:
            raise ProjectError(
                f"{name} cannot be read: {os_error_reason(exc)}",
                code="project.unreadable",
                name=name,
                detail=os_error_reason(exc),
            ) from None
        disk = sqlite3.connect(copy, isolation_level=None)
        try:
            harden(disk)
            check_database(disk, name, version)
            memory = sqlite3.connect(":memory:", isolation_level=None)
            disk.backup(memory)
        except sqlite3.Error as exc:
            raise files.damaged_error(name, files.damage_reason(exc)) from None
        finally:
            disk.close()
    harden(memory)
    return memory


def _migrated_copy(conn: sqlite3.Connection, name: str, version: int) -> sqlite3.Connection:
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.backup(memory)
    finally:
        conn.close()
    harden(memory)
    migrate(memory, name, version)
    check_database(memory, name, schema.SCHEMA_VERSION)
    return memory


def migrate(conn: sqlite3.Connection, name: str, version: int) -> None:
    """schema.migrate with failures reported as damage of the named file."""
    try:
        schema.migrate(conn, version)
    except ProjectDamagedError as exc:
        raise ProjectDamagedError(
            f"{name} cannot be upgraded: {exc}",
            code="project.upgrade_failed",
            name=name,
            detail=str(exc),
        ) from None
    except sqlite3.Error as exc:
        reason = files.damage_reason(exc)
        raise ProjectDamagedError(
            f"{name} cannot be upgraded: {reason}",
            code="project.upgrade_failed",
            name=name,
            detail=reason,
        ) from None
