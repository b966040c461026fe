"""Two processes and one project file: exactly one may write, and nobody overwrites silently.

tests/store/test_lock.py already covers a second process being refused with who and since, and a
SIGKILLed holder's lock being taken over; the crash harness repeats both at every one of its kills.
Here: two processes racing for the lock at the same instant (exactly one wins, every round), and a
file changed by a separate program's process while Newsdesk has it open.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsdesk.errors import ProjectChangedOnDiskError
from newsdesk.store import ProjectLock, create_project, open_project
from tests.reliability.faults import check_refusal, snapshot_folder
from tests.reliability.stress import iterations, record
from tests.store.conftest import english_article

REPO = Path(__file__).resolve().parents[2]
ROUNDS = iterations(20, 200)

RACER = textwrap.dedent(
    """
    import sys, time
    from newsdesk.errors import ProjectLockedError
    from newsdesk.store import ProjectLock
    path, start = sys.argv[1], float(sys.argv[2])
    lock = ProjectLock(path)
    while time.time() < start:
        pass
    try:
        lock.acquire()
    except ProjectLockedError:
        print("locked", flush=True)
    else:
        print("won", flush=True)
        sys.stdin.read()  # hold the lock until the parent has looked
        lock.release()
    """
)


def test_two_processes_racing_for_the_lock_one_wins_every_round(tmp_path):
    story = tmp_path / "story.newsdesk"
    create_project(story, english_article()).close()
    outcomes: list[tuple[str, str]] = []
    for _ in range(ROUNDS):
        start = time.time() + 0.3  # both are running and spinning by then
        racers = [
            subprocess.Popen(
                [sys.executable, "-c", RACER, str(story), str(start)],
                cwd=REPO,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        answers = tuple(sorted(racer.stdout.readline().strip() for racer in racers))
        outcomes.append(answers)
        assert answers == ("locked", "won")
        for racer in racers:
            racer.communicate("", timeout=30)
            assert racer.returncode == 0
        assert not ProjectLock(story).path.exists()
    record("lock_race", {"rounds": ROUNDS, "exactly_one_winner": outcomes.count(("locked", "won"))})


OTHER_PROGRAM = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1])
    with conn:
        conn.execute("UPDATE sections SET markdown = 'Written by the sync tool'")
    conn.close()
    """
)


def test_a_change_by_another_process_is_never_overwritten_silently(tmp_path):
    story = tmp_path / "story.newsdesk"
    create_project(story, english_article()).close()
    with open_project(story) as project:
        article = project.load()
        subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(story)], check=True, timeout=60)
        theirs = snapshot_folder(tmp_path)
        article.headline = "Our edit, made meanwhile"
        with pytest.raises(ProjectChangedOnDiskError) as caught:
            project.save(article)
        assert "was changed by another program" in check_refusal(caught, ProjectChangedOnDiskError)
        assert snapshot_folder(tmp_path) == theirs
        reloaded = project.load()
        assert {s.markdown for s in reloaded.sections} == {"Written by the sync tool"}
        project.save(article, force=True)  # only after the user said so
    with open_project(story, read_only=True) as project:
        assert project.load() == article
