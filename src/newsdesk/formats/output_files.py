"""Writing one export file for the Word, Markdown, agency-text and PDF writers: refused clearly
when the target cannot be, written to a temporary file and renamed (formats.safe_write), so a full
disk or an unwritable folder leaves nothing half-written and an earlier file untouched.
"""

from __future__ import annotations

import errno
from pathlib import Path

from newsdesk.errors import ExportError
from newsdesk.formats.markdown_render import replace_lone_surrogates
from newsdesk.formats.safe_write import describe_os_error, write_atomic


def check_target(out_path: Path) -> None:
    """Refuse a target whose folder is missing or that names a folder (before any work)."""
    if not out_path.parent.is_dir():
        raise ExportError(
            f"the folder {out_path.parent} does not exist",
            code="export.no_folder",
            folder=str(out_path.parent),
        )
    if out_path.is_dir():
        raise ExportError(
            f"{out_path} is a folder, not a file name", code="export.is_folder", path=str(out_path)
        )


def os_error_code(exc: OSError) -> str:
    """A stable code for a failed write, so that the window can word it."""
    if exc.errno == errno.ENOSPC:
        return "export.disk_full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "export.no_permission"
    return "export.write_failed"


def write_output(out_path: Path, content: str | bytes) -> Path:
    """Write `content` (text as UTF-8) to `out_path` atomically; ExportError on any failure."""
    check_target(out_path)
    data = replace_lone_surrogates(content).encode("utf-8") if isinstance(content, str) else content
    try:
        write_atomic(out_path, data)
    except OSError as exc:
        raise ExportError(
            describe_os_error(exc, out_path), code=os_error_code(exc), path=str(out_path)
        ) from exc
    return out_path
