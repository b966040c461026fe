"""SIGKILL a process that edits and saves through the store, at random moments, and check the file.

Each iteration starts tests/reliability/crash_child.py on the project, waits until it has the file
open (it holds a ProjectLock like the window), checks that a second process is refused the lock,
waits a random 0.05-0.6 s while the child edits and saves in a loop, and kills it with SIGKILL.
Then:
- open_project() read-write recovers a hot journal if the kill left one (the save in flight is
  rolled back), and a read-only sqlite3 connection finds `PRAGMA integrity_check` ok;
- the file holds exactly the last state the child confirmed as saved, or the state whose save was
  in flight (a save is one transaction: all of it or none of it), never anything in between;
- the lock the killed child left behind does not block the next acquire.
The same file is used for ten iterations in a row (recovered files are edited on), then a fresh one.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdesk.errors import ProjectLockedError
from newsdesk.store import ProjectLock, create_project, open_project
from tests.reliability.crash_child import project_digest
from tests.reliability.stress import iterations, record
from tests.store.conftest import english_article

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

REPO = Path(__file__).resolve().parents[2]
ITERATIONS = iterations(50, 1000, override="NEWSDESK_CRASH_ITERATIONS")
FILE_LIFETIME = 10  # iterations on one file before starting a fresh one


def _start_child(path: Path, seed: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.crash_child", str(path), str(seed)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _confirmed_and_in_flight(lines: list[str]) -> tuple[str, str | None, int]:
    """The last confirmed state, the state being saved at the kill (if any), the saves done."""
    confirmed, in_flight, saves = "", None, 0
    for line in lines:
        kind, _, digest = line.partition(" ")
        if len(digest) != 64:  # the kill cut this line short: it was never fully written
            continue
        if kind in ("ready", "saved"):
            confirmed, in_flight = digest, None
            saves += kind == "saved"
        elif kind == "intent":
            in_flight = digest
    return confirmed, in_flight, saves


def _kill_once(path: Path, rng: random.Random, seed: int) -> dict[str, int]:
    child = _start_child(path, seed)
    try:
        assert child.stdout is not None
        ready = child.stdout.readline()
        assert ready.startswith("ready "), child.stderr.read() if child.stderr else ready
        with pytest.raises(ProjectLockedError):
            ProjectLock(path).acquire()  # a second process is told the file is taken
        time.sleep(rng.uniform(0.05, 0.6))
        child.send_signal(signal.SIGKILL)
        rest, errors = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL, errors
    lines = [ready.rstrip("\n"), *rest.split("\n")]
    confirmed, in_flight, saves = _confirmed_and_in_flight(lines)
    hot_journal = Path(f"{path}-journal").exists()

    lock = ProjectLock(path)
    lock.acquire()  # the dead child's lock file is stale and taken over
    try:
        open_project(path).close()  # read-write: rolls back a hot journal
        check = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
        try:
            assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            check.close()
        with open_project(path, read_only=True) as project:
            found = project_digest(project)
    finally:
        lock.release()
    assert found in {confirmed, in_flight}, f"iteration {seed}: file holds an unknown state"
    return {
        "saves": saves,
        "in_flight": int(in_flight is not None),
        "in_flight_committed": int(in_flight is not None and found == in_flight),
        "hot_journals": int(hot_journal),
    }


def test_sigkill_at_random_moments_leaves_the_last_committed_state(tmp_path):
    rng = random.Random(20251129)
    totals = {"saves": 0, "in_flight": 0, "in_flight_committed": 0, "hot_journals": 0}
    started = time.monotonic()
    path = tmp_path / "story.newsdesk"
    for iteration in range(ITERATIONS):
        if iteration % FILE_LIFETIME == 0:
            create_project(path, english_article(), overwrite=True).close()
        for key, value in _kill_once(path, rng, iteration).items():
            totals[key] += value
    # The kills must really land during saves, or the test proves nothing.
    assert totals["saves"] >= ITERATIONS
    assert totals["in_flight"] > 0
    record(
        "crash_consistency",
        {
            "kills": ITERATIONS,
            "consistent": ITERATIONS,
            "lost": 0,
            **totals,
            "seconds": round(time.monotonic() - started, 1),
        },
    )
