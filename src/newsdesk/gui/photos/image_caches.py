"""Where derived photo sizes are kept: the project file's table, and the preview's memory.

A cache never fails anything: a derived size that cannot be read or kept is made again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from newsdesk.derived_cache import MemoryCache
from newsdesk.errors import NewsdeskError


class ProjectImageCache:
    """The project's derived-image table as the exporter's cache (a cache never fails a save)."""

    def __init__(self, project) -> None:
        self._project = project

    def get(self, key: str) -> bytes | None:
        try:
            return self._project.derived_get(key)
        except NewsdeskError:
            return None

    def put(self, key: str, data: bytes) -> None:
        with contextlib.suppress(NewsdeskError):
            self._project.derived_put(key, data)


class PreviewImageCache:
    """The preview's derived photo sizes: kept in memory for the session, and in the open
    project's file, so that the next start shows the photos without decoding them again.

    `project` is asked on every miss, so the cache follows Open, New and Save As.
    """

    def __init__(self, project: Callable[[], object | None]) -> None:
        self._project = project
        self._memory = MemoryCache()

    def get(self, key: str) -> bytes | None:
        found = self._memory.get(key)
        if found is None and (project := self._project()) is not None:
            found = ProjectImageCache(project).get(key)
            if found is not None:
                self._memory.put(key, found)
        return found

    def put(self, key: str, data: bytes) -> None:
        self._memory.put(key, data)
        if (project := self._project()) is not None:
            ProjectImageCache(project).put(key, data)
