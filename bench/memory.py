"""Memory of a process and all its descendants (the web engine's helper processes included), read
from /proc while it runs (Linux only; elsewhere the figures are None).

Three figures, because each answers something else:
- peak_pss_sum_mb: the largest sum of Pss (smaps_rollup: each page shared between processes is
  divided among them) seen in one sample: the memory the tree occupies, each page counted once.
  This is the figure the goal uses. `peak_pss_by_kind_mb` splits that sample by process
  ("window", and Chromium's --type: "zygote" covers the renderers forked from it).
- peak_rss_sum_mb: the largest sum of VmRSS seen in one sample. Pages shared between processes
  count once per process: the library Qt WebEngine is (~190 MB mapped) is resident in the
  window, the renderer and both zygotes, so this sum counts ~250 MB of it several times.
- hwm_sum_mb: the sum over every process ever seen of its VmHWM (the kernel's peak resident
  set): the same double counting, and peaks that need not coincide. An upper bound.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path

PROC = Path("/proc")
# Qt's libraries, Qt WebEngine's process, resources and locales: ~400 MB of files.
QT_FILES = ("lib", "libexec", "resources", "translations", "plugins")


def drop_cached_qt_files(pyside_folder: Path) -> int:
    """Ask the kernel to drop the page cache of PySide6's Qt files (POSIX_FADV_DONTNEED; pages
    mapped by a running program stay). Returns how many files were dropped.

    How much of a mapped library counts as resident depends on how its pages came into the page
    cache: right after `pip install` wrote them (a fresh clone, CI) the window and the renderer
    each count ~10-30 MB more of Qt WebEngine's library than when the library was read from
    disk, as on any machine where Newsdesk was installed earlier. Dropping the cache before each
    window run makes every run read the libraries from disk: the same state on every machine.
    """
    return drop_page_cache(pyside_folder / "Qt" / part for part in QT_FILES)


def drop_page_cache(folders: Iterable[Path]) -> int:
    """Ask the kernel to drop the page cache of every file under `folders` (POSIX_FADV_DONTNEED;
    pages a running program has mapped stay). Returns how many files were dropped; 0 where the
    system has no posix_fadvise (a cold condition is then a warm one, and says so by the 0)."""
    if not hasattr(os, "posix_fadvise"):
        return 0
    dropped = 0
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_symlink() or not path.is_file():
                continue
            try:
                descriptor = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
                dropped += 1
            except OSError:
                pass
            finally:
                os.close(descriptor)
    return dropped


SAMPLE_INTERVAL_S = 0.1


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...; comm may hold spaces and parentheses
        fields = stat[stat.rfind(")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def process_tree(root: int) -> list[int]:
    """`root` and every descendant alive now."""
    children = _children_map()
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def _status_kb(pid: int) -> dict[str, int]:
    values = {}
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                values[key] = int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        pass
    return values


def _pss_kb(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _kind(pid: int, root: int) -> str:
    """ "window" for the root, else Chromium's --type= (renderer, zygote, gpu-process, ...)."""
    if pid == root:
        return "window"
    try:
        arguments = (PROC / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return "other"
    for argument in arguments:
        if argument.startswith(b"--type="):
            return argument[len(b"--type=") :].decode("ascii", "replace")
    return "other"


class TreeSampler:
    """Samples the tree under `root` every SAMPLE_INTERVAL_S on a thread until stop()."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.hwm_kb: dict[int, int] = {}
        self.peak_rss_kb = 0
        self.peak_pss_kb = 0
        self.peak_pss_parts: dict[str, int] = {}  # at the peak sample: kB by kind of process
        self.most_processes = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> TreeSampler:
        self._thread.start()
        return self

    def sample(self) -> None:
        rss = pss = 0
        parts: dict[str, int] = {}
        tree = process_tree(self.root)
        for pid in tree:
            status = _status_kb(pid)
            if not status:
                continue
            self.hwm_kb[pid] = max(self.hwm_kb.get(pid, 0), status.get("VmHWM", 0))
            rss += status.get("VmRSS", 0)
            own = _pss_kb(pid)
            pss += own
            kind = _kind(pid, self.root)
            parts[kind] = parts.get(kind, 0) + own
        self.peak_rss_kb = max(self.peak_rss_kb, rss)
        if pss > self.peak_pss_kb:
            self.peak_pss_kb = pss
            self.peak_pss_parts = parts
        self.most_processes = max(self.most_processes, len(tree))
        self.samples += 1

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_INTERVAL_S):
            self.sample()

    def stop(self) -> dict:
        """One last sample (the caller does this before ending the process), then the figures."""
        self._stop.set()
        self._thread.join()
        self.sample()
        available = PROC.is_dir() and self.samples > 0
        return {
            "hwm_sum_mb": round(sum(self.hwm_kb.values()) / 1024, 1) if available else None,
            "peak_rss_sum_mb": round(self.peak_rss_kb / 1024, 1) if available else None,
            "peak_pss_sum_mb": round(self.peak_pss_kb / 1024, 1) if available else None,
            "main_process_hwm_mb": round(self.hwm_kb.get(self.root, 0) / 1024, 1),
            "peak_pss_by_kind_mb": {
                kind: round(kb / 1024, 1) for kind, kb in sorted(self.peak_pss_parts.items())
            },
            "processes": self.most_processes,
        }
