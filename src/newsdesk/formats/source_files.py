"""Reading the files an import names: the source itself and the photos it points at.

Both are bounded before they are read (a 4 GB log file or /dev/zero must not fill memory) and must
be regular files (not a folder, a pipe or a device). Photos pass `inspect_image`, so everything
that reaches the article is a JPEG, PNG or WebP that decodes.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from newsdesk.errors import ImageError, ImportFormatError, NewsdeskError, os_error_reason
from newsdesk.imaging import MAX_IMAGE_BYTES, ImageInfo, inspect_image

# Far beyond any article (a long one is 50 KB of text); big enough for JSON with embedded photos.
MAX_SOURCE_BYTES = 50 * 1024 * 1024


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def read_bounded(path: Path, limit: int, what: str, error: type[NewsdeskError]) -> bytes:
    """The file's bytes, refusing missing, non-regular and oversized files with `error`."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise error(f"{what} {path} does not exist", code="file.missing", path=str(path)) from exc
    except OSError as exc:
        raise error(
            f"{what} {path} cannot be read: {os_error_reason(exc)}",
            code="file.unreadable",
            path=str(path),
            detail=os_error_reason(exc),
        ) from exc
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{what} {path} is not a regular file", code="file.not_regular", path=str(path))
    if info.st_size > limit:
        size, most = _megabytes(info.st_size), _megabytes(limit)
        raise error(
            f"{what} {path} is {size}; Newsdesk imports up to {most}",
            code="file.too_large",
            path=str(path),
            megabytes=round(info.st_size / (1024 * 1024)),
            limit=round(limit / (1024 * 1024)),
        )
    try:
        with path.open("rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            data = handle.read(limit + 1)
    except OSError as exc:
        raise error(
            f"{what} {path} cannot be read: {os_error_reason(exc)}",
            code="file.unreadable",
            path=str(path),
            detail=os_error_reason(exc),
        ) from exc
    if len(data) > limit:
        raise error(
            f"{what} {path} is larger than {_megabytes(limit)}",
            code="file.too_large",
            path=str(path),
            megabytes=round(len(data) / (1024 * 1024)),
            limit=round(limit / (1024 * 1024)),
        )
    return data


def read_source(path: Path) -> bytes:
    """The bytes of a text, Markdown or JSON file to import."""
    return read_bounded(path, MAX_SOURCE_BYTES, "the file", ImportFormatError)


@dataclass(frozen=True)
class LoadedImage:
    data: bytes
    info: ImageInfo
    filename: str


def load_image_file(reference: str, base_dir: Path) -> LoadedImage:
    """Read and validate a photo the source refers to, relative to the source's folder.

    The reference may point anywhere the journalist's file points (their photos often live in a
    sibling folder); what it must be is a regular file holding an image we accept.
    """
    if "://" in reference or reference.startswith("data:"):
        raise ImageError(
            f"the image {reference!r} is not a local file; save the photo beside the source file "
            "and refer to it by its file name",
            code="image.not_local",
            reference=reference,
        )
    path = Path(reference)
    if not path.is_absolute():
        path = base_dir / path
    data = read_bounded(path, MAX_IMAGE_BYTES, "the image", ImageError)
    try:
        info = inspect_image(data)
    except ImageError as exc:
        raise ImageError(
            f"the image {path}: {exc}", code=exc.code, **{**exc.params, "path": str(path)}
        ) from exc
    return LoadedImage(data=data, info=info, filename=path.name)
