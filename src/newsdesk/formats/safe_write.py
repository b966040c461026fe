"""Writing export files so that a failure never leaves a half-written or temporary file behind.

Each file goes to a temporary file in the target folder (same file system, so the final rename is
atomic), is flushed and fsynced, and then renamed over the target with os.replace; the folder is
fsynced too so that the rename itself survives a power cut. On any error the temporary file is
removed and the previous version of the target, if any, is untouched.
"""

from __future__ import annotations

import errno
import os
import tempfile
from contextlib import suppress
from pathlib import Path

from newsdesk.errors import os_error_reason


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` all at once: temp file in the same folder, fsync, rename."""
    descriptor, temp_name = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as stream:
            if hasattr(os, "fchmod"):
                # mkstemp makes the file private (0600); a web page is meant to be readable.
                os.fchmod(stream.fileno(), _file_mode(path))
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(path.parent)


def _file_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets what the user's umask allows."""
    with suppress(OSError):
        return path.stat().st_mode & 0o777
    return 0o666 & ~_umask()


def _umask() -> int:
    # Reading the umask by setting it is not thread-safe; Linux tells it in /proc instead.
    with suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


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
