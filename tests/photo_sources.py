"""A PhotoSource for tests: photo bytes "kept in a file" that count how often they are read.

The project file's StoredPhoto is the real one (store/stored_photos.py); this one lets model,
export and GUI tests check that a path reads no original it does not need.
"""

from __future__ import annotations

import hashlib
from typing import Any

from newsdesk.errors import PhotoUnavailableError
from newsdesk.model.article import Image


class CountingSource:
    """A PhotoSource that counts its reads; `gone` makes it fail like a lost file."""

    def __init__(self, data: bytes, *, gone: bool = False) -> None:
        self.digest = hashlib.sha256(data).hexdigest()
        self._data = data
        self.reads = 0
        self.gone = gone

    def read(self) -> bytes:
        self.reads += 1
        if self.gone:
            raise PhotoUnavailableError("hafen.newsdesk no longer exists, and a photo it held")
        return self._data

    def __deepcopy__(self, memo: dict[int, Any]) -> CountingSource:
        return self


def stored_image(data: bytes, **fields: Any) -> tuple[Image, CountingSource]:
    """An Image whose photo is kept by a CountingSource, as a loaded project's images are."""
    source = CountingSource(data)
    image = Image(**fields)
    image.photo = source
    return image, source
