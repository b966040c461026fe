"""Killing Newsdesk loses nothing typed more than 2 s before the kill.

A child process opens the window on a project and types through QTest in a loop, printing a
timestamp and the chunk after each one. Four seconds after its last keystroke it gets SIGKILL (no
chance to clean up). The file, reopened, must hold every chunk typed up to 2 s before the kill,
and a new window must open it without asking (the dead process's lock is stale).
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from tests.gui.window_helpers import close_window, make_project, new_window, read_article

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CHUNKS = 28
KILL_AFTER = 4.0  # seconds after the last keystroke
PROMISE = 2.0  # everything typed this long before the kill is in the file

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from newsdesk.gui.app import create_application
    from newsdesk.gui.main_window import MainWindow
    from newsdesk.gui.settings import Settings

    story, folder, chunks = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    app = create_application()
    settings = Settings(QSettings(str(folder / "child.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings=settings, data_dir=folder / "child-data")
    assert window.open_path(story)
    window.show()
    QTest.qWaitForWindowExposed(window)
    print("ready", flush=True)
    for n in range(chunks):
        chunk = f"w{n:03d} "
        QTest.keyClicks(window.editor, chunk)
        print(f"{time.monotonic():.4f} {chunk}", flush=True)
        QTest.qWait(120)  # the event loop runs, as between a journalist's keystrokes
    print("done", flush=True)
    app.exec()
    """
)


def _reader(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put(None)


def test_sigkill_four_seconds_after_typing_loses_nothing(qtbot, tmp_path):
    story = make_project(tmp_path / "story.newsdesk")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(story), str(tmp_path), str(CHUNKS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(child.stdout, lines), daemon=True).start()
    typed: list[tuple[float, str]] = []
    try:
        deadline = time.monotonic() + 60
        while True:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            if line is None:
                pytest.fail(f"the child ended early: {child.stderr.read()}")
            if line == "done":
                break
            if line != "ready":
                stamp, chunk = line.split(" ", 1)
                typed.append((float(stamp), chunk))
        last_keystroke = typed[-1][0]
        time.sleep(max(0.0, last_keystroke + KILL_AFTER - time.monotonic()))
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    assert len(typed) == CHUNKS

    promised = "".join(chunk for stamp, chunk in typed if stamp <= killed_at - PROMISE)
    assert promised, "the test typed nothing early enough to check"
    on_disk = read_article(story).sections[0].markdown
    assert on_disk.startswith(promised)
    assert on_disk.startswith("".join(chunk for _, chunk in typed)), "in fact: everything"

    # Reopening in a new window works at once: the dead process's lock is stale.
    window = new_window(qtbot, tmp_path)
    assert window.open_path(story)
    assert not window.session.read_only
    assert window.editor.document().toPlainText().startswith(promised.rstrip())
    close_window(window)


QUIT_CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from newsdesk.gui.app import create_application, main
    from newsdesk.gui.main_window import MainWindow

    app = create_application()

    def type_then_report():
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        QTest.keyClicks(window.editor, "Last words before logout ")
        print("typed", flush=True)

    QTimer.singleShot(300, type_then_report)
    sys.exit(main([sys.argv[1]]))
    """
)


def test_sigterm_closes_the_window_as_quit_does_and_saves_at_once(tmp_path):
    story = make_project(tmp_path / "story.newsdesk")
    child = subprocess.Popen(
        [sys.executable, "-c", QUIT_CHILD, str(story)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_reader, args=(child.stdout, lines), daemon=True).start()
        assert lines.get(timeout=60) == "typed"
        # Well inside the autosave pause: only closing can have saved this.
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=20)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, child.stderr.read()
    assert read_article(story).sections[0].markdown.startswith("Last words before logout ")
    assert not (tmp_path / ".~story.newsdesk.lock").exists(), "the lock was released"
