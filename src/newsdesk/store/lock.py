"""A lock file that keeps a second Newsdesk from writing a project another one has open.

Beside `story.newsdesk` lives `.~story.newsdesk.lock`, a small JSON file naming who holds it (pid,
host name, user, since when), so the refusal can say "open by anna on desk-3 since 09:30".

The file is created with O_EXCL. Where fcntl exists, the holder also keeps an flock() on it for as
long as it runs: the kernel drops that lock when the process dies, however it dies, so a lock file
whose flock can be taken is stale and is taken over. Without fcntl (Windows) a lock from this host
is stale when its process no longer exists. A lock from another computer is never assumed stale:
the caller may take it over with take_over=True after asking the user.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from newsdesk.errors import ProjectError, ProjectLockedError, os_error_reason

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

_ATTEMPTS = 5


class LockHolder(NamedTuple):
    """Who holds a lock, as written in the lock file."""

    pid: int
    hostname: str
    user: str
    started: str  # ISO 8601 UTC

    def describe(self) -> str:
        try:
            since = datetime.fromisoformat(self.started).strftime("%Y-%m-%d %H:%M UTC")
        except ValueError:
            since = self.started or "an unknown time"
        return f"by {self.user} on {self.hostname} (process {self.pid}) since {since}"


def lock_path_for(project_path: str | os.PathLike[str]) -> Path:
    """`.~NAME.lock` beside the project file NAME."""
    path = Path(project_path).absolute()
    return path.with_name(f".~{path.name}.lock")


class ProjectLock:
    """Exclusive right to write one project file. acquire() it, release() it (or use `with`)."""

    def __init__(self, project_path: str | os.PathLike[str]) -> None:
        self._project = Path(project_path).absolute()
        self._path = lock_path_for(self._project)
        self._fd: int | None = None

    @property
    def path(self) -> Path:
        """The lock file."""
        return self._path

    @property
    def held(self) -> bool:
        return self._fd is not None

    def holder(self) -> LockHolder | None:
        """Who the lock file names, or None if there is none (or it is unreadable)."""
        try:
            return _parse(self._path.read_bytes())
        except OSError:
            return None

    def acquire(self, *, take_over: bool = False) -> None:
        """Take the lock, or raise ProjectLockedError saying who holds it and since when.

        A stale lock (its process died on this host) is taken over silently; take_over=True also
        takes a lock that looks alive (the user said the other computer is not using the file).
        """
        if self._fd is not None:
            return
        for _ in range(_ATTEMPTS):
            try:
                fd = os.open(self._path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                if self._take_existing(take_over):
                    return
                continue
            except OSError as exc:
                raise ProjectError(
                    f"cannot lock {self._project.name}: {os_error_reason(exc)}",
                    code="project.lock_failed",
                    name=self._project.name,
                    detail=os_error_reason(exc),
                ) from None
            if not _flock(fd):
                # Someone found the new, still empty file and took it over: they have it.
                os.close(fd)
                raise self._locked_error()
            self._own(fd)
            return
        raise self._locked_error()

    def release(self) -> None:
        """Give the lock up and remove the lock file. Safe to call when not held."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            # Remove the file only if it is still ours (nobody took it over meanwhile), and while
            # still holding the flock, so that nobody takes over a file that is about to vanish.
            if _same_file(fd, self._path):
                with contextlib.suppress(FileNotFoundError):
                    self._path.unlink()
        finally:
            os.close(fd)

    def __enter__(self) -> ProjectLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()

    def _take_existing(self, take_over: bool) -> bool:
        """Take an existing lock file if it is stale; False means: it vanished, try again."""
        try:
            fd = os.open(self._path, os.O_RDWR)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise ProjectError(
                f"cannot lock {self._project.name}: {os_error_reason(exc)}",
                code="project.lock_failed",
                name=self._project.name,
                detail=os_error_reason(exc),
            ) from None
        try:
            holder = _parse(_read_all(fd))
            if fcntl is not None:
                alive = not _flock(fd)
                if not alive and not _same_file(fd, self._path):
                    return _close(fd, False)  # released meanwhile: start again
                if not alive and holder is not None and holder.hostname != hostname():
                    alive = True  # flock may not reach across computers: do not guess
            else:
                alive = holder is None or not _dead_here(holder)
            if alive:
                if not take_over:
                    raise self._locked_error(holder)
                # The other holder keeps its lock on a file that no longer has a name.
                with contextlib.suppress(FileNotFoundError):
                    self._path.unlink()
                return _close(fd, False)
            if fcntl is None:
                self._path.unlink()  # recreate with O_EXCL so that one taker wins
                return _close(fd, False)
            self._own(fd)
            return True
        except BaseException:
            if self._fd != fd:
                os.close(fd)
            raise

    def _own(self, fd: int) -> None:
        info = {
            "pid": os.getpid(),
            "hostname": hostname(),
            "user": _user(),
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        data = json.dumps(info).encode("utf-8")
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, data)
        self._fd = fd

    def _locked_error(self, holder: LockHolder | None = None) -> ProjectLockedError:
        holder = holder or self.holder()
        who = holder.describe() if holder else "by another program"
        if holder is None:
            return ProjectLockedError(
                f"{self._project.name} is open in Newsdesk {who}",
                code="project.locked_unknown",
                name=self._project.name,
            )
        return ProjectLockedError(
            f"{self._project.name} is open in Newsdesk {who}",
            code="project.locked",
            name=self._project.name,
            user=holder.user,
            host=holder.hostname,
            pid=holder.pid,
            since=holder.started,
        )


def _parse(data: bytes) -> LockHolder | None:
    try:
        info = json.loads(data.decode("utf-8"))
        holder = LockHolder(
            pid=int(info["pid"]),
            hostname=str(info["hostname"]),
            user=str(info["user"]),
            started=str(info["started"]),
        )
    except (ValueError, KeyError, TypeError):
        return None
    return holder


def _read_all(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 4096)


def _flock(fd: int) -> bool:
    """Take the flock without waiting; True when we have it (always True without fcntl)."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def _close(fd: int, result: bool) -> bool:
    os.close(fd)
    return result


def _dead_here(holder: LockHolder) -> bool:
    """True if the holder ran on this computer and its process is gone."""
    if holder.hostname != hostname() or os.name == "nt":
        return False  # os.kill(pid, 0) would terminate the process on Windows
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # exists, but belongs to someone else
    return False


def hostname() -> str:
    """This computer's name, as the lock records it (the socket module costs a few ms at the
    window's start; os.uname gives the same name where it exists)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "an unknown user"
