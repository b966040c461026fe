"""A real `newsdesk FILE` process on a real X server, driven by xdotool (`make test-desktop`).

The in-process journeys (tests/journeys) send Qt's own events; these send X events through the
XTEST extension, as a keyboard and a mouse would, to the program started as the `newsdesk`
command starts it. `make test-desktop` runs them under Xvfb (Debian's xvfb and xdotool, installed
by the target); without an X display or xdotool they skip, so `make test` needs neither.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60


def require_real_x() -> None:
    if not os.environ.get("DISPLAY") or not all(map(shutil.which, ("xdotool", "setxkbmap"))):
        pytest.skip("needs an X display and xdotool: `make test-desktop` runs these under Xvfb")


def private_environment(home: Path, language: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LC_", "LANG", "QT_QPA", "XDG_"))
    }
    locale = "de_DE.UTF-8" if language == "de" else "en_GB.UTF-8"
    env.update(
        QT_QPA_PLATFORM="xcb",
        QTWEBENGINE_DISABLE_SANDBOX="1",
        LANG=locale,
        LC_ALL=locale,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        PYTHONPATH=os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")]),
    )
    return env


_keyboard_set = False


def use_german_keyboard() -> None:
    """A German QWERTZ keyboard, the one journalists here type on: ä, ö, ü and ß are keys of
    their own (on a US map xdotool remaps a spare key for each). Set once per X server: switching
    the map back and forth between tests brought Xvfb down."""
    global _keyboard_set
    if not _keyboard_set:
        subprocess.run(["setxkbmap", "-layout", "de"], check=True)
        _keyboard_set = True


def xdotool(*args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, timeout=START_TIMEOUT_S
    )
    assert done.returncode == 0, f"xdotool {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


class RealWindow:
    """`newsdesk PATH` in its own process; keys and clicks go to its window through X."""

    def __init__(self, path: Path, home: Path, language: str = "en") -> None:
        home.mkdir(parents=True, exist_ok=True)
        use_german_keyboard()
        self.path = path
        self.env = private_environment(home, language)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "newsdesk", str(path)],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # The window is there when X lists a visible window titled after the file.
        assert self.window_id
        time.sleep(1.5)  # the first paint and the deferred start-up work (the preview)
        self.focus()

    @property
    def window_id(self) -> str:
        # Looked up each time: Qt may make the window's X window anew once the preview's web
        # engine joins it (another kind of surface), and the old id is then gone.
        return xdotool("search", "--sync", "--onlyvisible", "--name", f"^{self.path.name}").split()[
            0
        ]

    def focus(self) -> None:
        # No window manager under Xvfb: the keyboard focus is given directly.
        xdotool("windowfocus", "--sync", self.window_id)

    def geometry(self) -> tuple[int, int, int, int]:
        shell = xdotool("getwindowgeometry", "--shell", self.window_id)
        values = dict(line.split("=") for line in shell.splitlines())
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    def click_at(self, x_share: float, y_share: float) -> None:
        """Click at a point given as shares of the window's width and height."""
        x, y, width, height = self.geometry()
        xdotool(
            "mousemove", "--sync", str(x + int(width * x_share)), str(y + int(height * y_share))
        )
        xdotool("click", "1")
        time.sleep(0.2)

    def type(self, text: str, delay_ms: int = 20) -> None:
        xdotool("type", "--delay", str(delay_ms), text)
        time.sleep(0.2)

    def key(self, *keys: str) -> None:
        xdotool("key", "--delay", "80", *keys)
        time.sleep(0.3)

    def wait_for_window(self, title: str) -> str:
        return xdotool("search", "--sync", "--onlyvisible", "--name", title).split()[0]

    def end(self, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            return self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()

    def info(self) -> dict:
        out = subprocess.run(
            [sys.executable, "-m", "newsdesk", "info", str(self.path), "--json"],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return json.loads(out)
