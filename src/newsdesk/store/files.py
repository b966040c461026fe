"""File-system helpers for the store: atomic placement, fsync, change stamps, and the one-line
reasons a journalist reads when writing fails or a file is damaged.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from newsdesk.errors import ProjectDamagedError, ProjectError, SaveError


def check_writable(target: Path) -> None:
    """SQLite would quietly open an unwritable file read-only; say so now, not at the first save.

    The folder must be writable too: the rollback journal of every save is created beside the file.
    """
    if not os.access(target, os.W_OK) or not os.access(target.parent, os.W_OK):
        raise ProjectError(
            f"{target.name} cannot be written here (read-only file or folder); "
            "open it read-only or save a copy elsewhere",
            code="project.not_writable",
            name=target.name,
        )


def stamp(path: Path) -> tuple[int, int, int]:
    info = os.stat(path)
    return info.st_mtime_ns, info.st_size, info.st_ino


def temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")


def move_into_place(temp: Path, target: Path, *, overwrite: bool) -> None:
    if overwrite:
        remove_stale_journal(target)
        os.replace(temp, target)
        return
    try:
        # link() fails if the target exists, so a file created meanwhile is never replaced.
        os.link(temp, target)
    except FileExistsError:
        raise _already_exists(target) from None
    except OSError:
        if target.exists():  # a file system without hard links: check, then rename
            raise _already_exists(target) from None
        os.replace(temp, target)


def remove_stale_journal(target: Path) -> None:
    """A journal left beside a file we replace must not be rolled back into the new file."""
    remove_quietly(Path(f"{target}-journal"))


def remove_quietly(path: Path) -> None:
    for candidate in (path, Path(f"{path}-journal")):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)  # Windows flushes only handles open for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make the rename durable; folders cannot be opened like this on Windows, hence suppress."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def damage_reason(exc: BaseException) -> str:
    """What is wrong with a damaged file, without quoting its garbage back at the user."""
    if isinstance(exc, sqlite3.Error) and "decode" in str(exc):
        return "some of its text is unreadable"
    if "malformed database schema" in str(exc):  # SQLite quotes the damaged definition back
        return "its table definitions are unreadable"
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    reason = lines[0] if lines else type(exc).__name__
    return reason if len(reason) <= 120 else reason[:119] + "…"


def _already_exists(target: Path) -> SaveError:
    return SaveError(
        f"{target.name} already exists; choose another name",
        code="project.exists",
        name=target.name,
    )


def damaged_error(name: str, detail: str) -> ProjectDamagedError:
    """The file `name` is damaged; `detail` (English, technical) is for a dialog's details only."""
    return ProjectDamagedError(
        f"{name} is damaged: {detail}", code="project.damaged", name=name, detail=detail
    )


def failure_code(exc: BaseException) -> str:
    """failure_reason as a stable key the window words in its language (the `reason` param)."""
    code = getattr(exc, "sqlite_errorname", "") or ""
    if code == "SQLITE_FULL" or getattr(exc, "errno", None) == 28:
        return "disk_full"
    if code.startswith("SQLITE_BUSY") or code.startswith("SQLITE_LOCKED"):
        return "busy"
    if code.startswith("SQLITE_READONLY") or isinstance(exc, PermissionError):
        return "read_only"
    if code.startswith("SQLITE_IOERR"):
        return "io_error"
    if isinstance(exc, UnicodeError):
        return "bad_text"
    return "other"


def failure_reason(exc: BaseException) -> str:
    """A short reason a journalist can act on."""
    code = getattr(exc, "sqlite_errorname", "") or ""
    if code == "SQLITE_FULL" or getattr(exc, "errno", None) == 28:
        return "the disk is full"
    if code.startswith("SQLITE_BUSY") or code.startswith("SQLITE_LOCKED"):
        return "another program is using the file"
    if code.startswith("SQLITE_READONLY") or isinstance(exc, PermissionError):
        return "the file or its folder cannot be written"
    if code.startswith("SQLITE_IOERR"):
        return "the disk reported an error while writing"
    if isinstance(exc, UnicodeError):
        return "the text contains characters that cannot be stored"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
