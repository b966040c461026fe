"""Writing export files so that a failure never leaves a half-written or temporary file behind.

Each file goes to a temporary file in the target folder (same file system, so the final rename is
atomic), is flushed and fsynced, and then renamed over the target with os.replace; the folder is
fsynced too so that the rename itself survives a power cut. On any error the temporary file is
removed and the previous version of the target, if any, is untouched.
"""

from __future__ import annotations

import errno
import os
from contextlib import suppress
from pathlib import Path

from newsdesk.errors import os_error_reason


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` all at once: temp file in the same folder, fsync, rename."""
    descriptor, temp_name = _new_temp_file(path)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            if hasattr(os, "fchmod"):
                with suppress(OSError):  # a replaced file keeps its permissions
                    os.fchmod(stream.fileno(), path.stat().st_mode & 0o777)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(path.parent)


def _new_temp_file(path: Path) -> tuple[int, str]:
    """A new file beside `path` that no one else has opened, as tempfile.mkstemp makes one, but
    readable as the user's umask allows (a web page is meant to be read), and without importing
    tempfile and random (~1.5 ms of each command-line export)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        name = str(path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp"))
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible, nor needed, on Windows."""
    if os.name != "posix":
        return
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def describe_os_error(exc: OSError, out_path: Path) -> str:
    """A one-line message for the journalist."""
    where = exc.filename or out_path
    if exc.errno == errno.ENOSPC:
        return f"the disk is full; the page was not exported to {out_path}"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"no permission to write {where}; choose another folder"
    if exc.errno == errno.EROFS:
        return f"{where} is on a read-only disk; choose another folder"
    reason = os_error_reason(exc)
    return f"the page could not be written to {out_path}: {reason}"
