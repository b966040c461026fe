"""Where derived photo sizes are kept between renders and exports.

The exporter asks a `DerivedCache` before it decodes a photo; the project file implements one
(its `derived` table), the preview keeps one in memory for the session. Apart from `imaging` so
that the window can hold a cache without importing Pillow before its first paint.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Protocol


class DerivedCache(Protocol):
    """Where derived images are kept between exports (the project store implements it)."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, data: bytes) -> None: ...


class MemoryCache:
    """A dict-backed DerivedCache, for the preview of a session and for tests."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self.entries.get(key)

    def put(self, key: str, data: bytes) -> None:
        self.entries[key] = data

    def __len__(self) -> int:
        return len(self.entries)


class ProjectCache:
    """A project file's `derived` table as a DerivedCache that never fails anything: a size that
    cannot be read or kept is made again. The command line's export keeps its sizes with it, so
    the second export of a file is warm; the window's export and preview keep theirs through it
    too."""

    def __init__(self, project) -> None:
        self._project = project

    @property
    def project(self):
        """The open project file whose table this is."""
        return self._project

    def get(self, key: str) -> bytes | None:
        from newsdesk.errors import NewsdeskError

        try:
            return self._project.derived_get(key)
        except NewsdeskError:
            return None

    def put(self, key: str, data: bytes) -> None:
        from newsdesk.errors import NewsdeskError

        with suppress(NewsdeskError):
            self._project.derived_put(key, data)
