"""SIGTERM and SIGHUP (logout, shutdown, `kill`, a closed terminal) end Newsdesk like a close.

A real `newsdesk FILE` process (tests/reliability/typing_child.py: the window offscreen, the real
event loop, a typist at the keyboard) gets the signal mid-typing. Afterwards every character typed
before the signal is in the file (read back with `newsdesk info --json`), the process ended on its
own with status 0, and no lock file is left beside the project.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from newsdesk.store.lock import lock_path_for
from tests.reliability.typing_child import TEXT

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60
EXIT_TIMEOUT_S = 30
TYPED_BEFORE_SIGNAL = 25  # 0.75 s: well inside autosave's 2-second pause and 10-second ceiling


def child_environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QTWEBENGINE_DISABLE_SANDBOX="1",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        PYTHONPATH=os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]),
    )
    return env


def typed_lines(process: subprocess.Popen, wanted: int) -> int:
    """Read the child's report until it has typed `wanted` characters; returns the count."""
    deadline = time.monotonic() + START_TIMEOUT_S
    typed = 0
    while typed < wanted:
        assert time.monotonic() < deadline, "the window did not start typing in time"
        line = process.stdout.readline()
        assert line, f"the app ended early: {process.stderr.read()[-2000:]}"
        if line.startswith("typed "):
            typed = int(line.split()[1])
    return typed


@pytest.mark.parametrize(
    ("number", "how"),
    [
        (signal.SIGTERM, ""),
        (signal.SIGHUP, ""),
        (signal.SIGTERM, "native-reset"),  # the web engine's start-up reset the handlers
        (signal.SIGTERM, "dialog"),  # a message box waits for an answer nobody gives
    ],
    ids=["SIGTERM", "SIGHUP", "SIGTERM-after-native-reset", "SIGTERM-with-dialog"],
)
def test_a_termination_signal_mid_typing_saves_and_releases_the_lock(tmp_path, number, how):
    project = tmp_path / "bericht.newsdesk"
    create_project(project, Article(headline="Hafen", sections=[Section()])).close()
    home = tmp_path / "home"
    home.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.typing_child", str(project), how],
        cwd=REPO,
        env=child_environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        typed = typed_lines(process, TYPED_BEFORE_SIGNAL)
        process.send_signal(number)
        status = process.wait(EXIT_TIMEOUT_S)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    stderr = process.stderr.read()
    assert status == 0, f"ended with {status}: {stderr[-2000:]}"
    assert not lock_path_for(project).exists(), "the lock was left behind"
    out = subprocess.run(
        [sys.executable, "-m", "newsdesk", "info", str(project), "--json"],
        cwd=REPO,
        env=child_environment(home),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    saved = json.loads(out)["sections"][0]["markdown"]
    assert saved.startswith(TEXT[:typed].rstrip()), f"lost typing: saved {saved!r}"
