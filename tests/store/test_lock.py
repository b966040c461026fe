"""The lock file beside a project: a second holder is refused, a dead one is taken over."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsdesk.errors import ProjectLockedError
from newsdesk.store import ProjectLock
from newsdesk.store import lock as lock_module

REPO = Path(__file__).resolve().parents[2]

HOLD_LOCK = textwrap.dedent(
    """
    import os, sys
    from newsdesk.store import ProjectLock

    lock = ProjectLock(sys.argv[1])
    lock.acquire()
    print("locked", flush=True)
    if sys.argv[2] == "exit":
        os._exit(0)  # dies without releasing: the lock file stays behind
    sys.stdin.read()  # hold the lock until the test closes our stdin
    lock.release()
    """
)


def _holder_process(project: Path, mode: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(project), mode],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "locked"
    return process


def _lock_info(project: Path) -> dict:
    return json.loads(ProjectLock(project).path.read_text())


@pytest.fixture
def project(tmp_path) -> Path:
    return tmp_path / "story.newsdesk"  # the lock does not need the project file to exist


def test_lock_file_names_its_holder(project):
    with ProjectLock(project) as lock:
        assert lock.held
        assert lock.path == project.with_name(".~story.newsdesk.lock")
        info = _lock_info(project)
        assert info["pid"] == os.getpid()
        assert info["hostname"] == socket.gethostname()
        assert info["user"]
        assert info["started"].endswith("+00:00")
        holder = lock.holder()
        assert holder is not None and holder.pid == os.getpid()
    assert not lock.held
    assert not lock.path.exists()


def test_second_lock_is_refused_with_who_and_since(project):
    first = ProjectLock(project)
    first.acquire()
    try:
        second = ProjectLock(project)
        with pytest.raises(ProjectLockedError) as caught:
            second.acquire()
        message = str(caught.value)
        assert message.startswith("story.newsdesk is open in Newsdesk by ")
        assert f"process {os.getpid()}" in message
        assert socket.gethostname() in message and " since " in message
        assert not second.held
    finally:
        first.release()
    second.acquire()  # free again
    second.release()


def test_lock_held_by_a_live_process_is_refused(project):
    holder = _holder_process(project, "hold")
    try:
        with pytest.raises(ProjectLockedError, match=f"process {holder.pid}"):
            ProjectLock(project).acquire()
    finally:
        holder.communicate("", timeout=30)
    assert holder.returncode == 0
    assert not ProjectLock(project).path.exists()  # it released properly


@pytest.mark.parametrize("how", ["exit", "kill"])
def test_lock_of_a_dead_process_is_taken_over(project, how):
    holder = _holder_process(project, "exit" if how == "exit" else "hold")
    if how == "kill":
        holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert _lock_info(project)["pid"] == holder.pid  # the lock file was left behind
    lock = ProjectLock(project)
    lock.acquire()
    try:
        assert _lock_info(project)["pid"] == os.getpid()
        with pytest.raises(ProjectLockedError):
            ProjectLock(project).acquire()
    finally:
        lock.release()


def test_garbage_lock_file_without_holder_is_stale(project):
    ProjectLock(project).path.write_bytes(b"\x00not json")
    with ProjectLock(project):
        assert _lock_info(project)["pid"] == os.getpid()


def _write_lock(project: Path, pid: int, hostname: str) -> None:
    info = {"pid": pid, "hostname": hostname, "user": "anna", "started": "2025-03-01T09:30:00"}
    ProjectLock(project).path.write_text(json.dumps(info))


def test_lock_from_another_computer_needs_take_over(project):
    _write_lock(project, 4242, "desk-3.example")
    lock = ProjectLock(project)
    with pytest.raises(ProjectLockedError, match=r"by anna on desk-3\.example .* 2025-03-01 09:30"):
        lock.acquire()
    lock.acquire(take_over=True)
    try:
        assert _lock_info(project)["hostname"] == socket.gethostname()
    finally:
        lock.release()


def _dead_pid() -> int:
    process = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return int(process.stdout)


def test_without_flock_a_dead_pid_on_this_host_is_stale(project, monkeypatch):
    monkeypatch.setattr(lock_module, "fcntl", None)
    _write_lock(project, _dead_pid(), socket.gethostname())
    with ProjectLock(project):
        assert _lock_info(project)["pid"] == os.getpid()


def test_without_flock_a_live_pid_on_this_host_holds(project, monkeypatch):
    monkeypatch.setattr(lock_module, "fcntl", None)
    sleeper = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        _write_lock(project, sleeper.pid, socket.gethostname())
        with pytest.raises(ProjectLockedError, match=f"process {sleeper.pid}"):
            ProjectLock(project).acquire()
    finally:
        sleeper.communicate(b"", timeout=30)


def test_without_flock_second_lock_in_this_process_is_refused(project, monkeypatch):
    monkeypatch.setattr(lock_module, "fcntl", None)
    with ProjectLock(project), pytest.raises(ProjectLockedError):
        ProjectLock(project).acquire()
    assert not ProjectLock(project).path.exists()
