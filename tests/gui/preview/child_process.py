"""A Python child process for the preview's tests that need their own application (quitting,
deleting and exiting while the web engine or the photo threads are busy)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from newsdesk.gui.preview.engine import ENV_VAR


def run_offscreen(args: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """`python ARGS` in `cwd`, offscreen, the engine's sandbox off (tests run as root), and
    without the rendering choice this test session may have set, as a journalist starts it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    env.pop(ENV_VAR, None)
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
