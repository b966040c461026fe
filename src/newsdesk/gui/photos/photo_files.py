"""Getting a photo file's bytes into Newsdesk: the file dialog, dropped files, a guarded read.

A photo is read whole into memory (the project file keeps the original bytes), so the size is
checked before reading: a 2 GB video dropped by mistake is refused at once instead of filling the
memory first. The bytes themselves are checked by the model (`new_image_from_bytes`), which
refuses what is not a JPEG, PNG or WebP, is damaged, or is a decompression bomb.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QUrl
from PySide6.QtWidgets import QFileDialog, QWidget

from newsdesk.errors import ImageError
from newsdesk.gui.settings import Settings
from newsdesk.photo_rules import MAX_IMAGE_BYTES

translate = QCoreApplication.translate


def too_large_message(size: int) -> str:
    """The same wording as imaging.open_image uses for bytes over the limit."""
    return (
        f"the image is {size // (1024 * 1024)} MB; Newsdesk accepts up to "
        f"{MAX_IMAGE_BYTES // (1024 * 1024)} MB"
    )


def read_photo_file(path: str | Path) -> bytes:
    """The file's bytes; ImageError if it is larger than MAX_IMAGE_BYTES, OSError if it
    cannot be read. Reads at most one byte more than the limit (the file may grow meanwhile)."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise ImageError(too_large_message(size))
    with path.open("rb") as file:
        data = file.read(MAX_IMAGE_BYTES + 1)
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageError(too_large_message(len(data)))
    return data


def local_files(mime: QMimeData) -> list[Path]:
    """The local files among dropped URLs (web URLs are not fetched: drafts stay offline)."""
    if not mime.hasUrls():
        return []
    urls: list[QUrl] = mime.urls()
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile() and url.toLocalFile()]


def photo_filter() -> str:
    return ";;".join(
        (
            translate("PhotoFiles", "Photos (*.jpg *.jpeg *.png *.webp)"),
            translate("PhotoFiles", "All files (*)"),
        )
    )


def choose_photo_file(parent: QWidget | None, title: str, settings: Settings) -> Path | None:
    """Ask for one photo file (JPEG, PNG, WebP); remembers the folder between calls."""
    folder = settings.last_photo_folder
    name, _ = QFileDialog.getOpenFileName(parent, title, folder, photo_filter())
    if not name:
        return None
    path = Path(name)
    settings.last_photo_folder = str(path.parent)
    return path
