"""Where derived photo sizes are kept: the project file's table, and the preview's memory.

A cache never fails anything: a derived size that cannot be read or kept is made again.
"""

from __future__ import annotations

from collections.abc import Callable

from newsdesk.derived_cache import MemoryCache, ProjectCache


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
            found = ProjectCache(project).get(key)
            if found is not None:
                self._memory.put(key, found)
        return found

    def put(self, key: str, data: bytes) -> None:
        self._memory.put(key, data)
        if (project := self._project()) is not None:
            ProjectCache(project).put(key, data)
