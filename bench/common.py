"""What every benchmark script shares: statistics, isolated environments, child processes.

Times are in milliseconds. A "series" is the list of repeated measurements of one thing; its summary
is median, min and max (plus the runs themselves, so a reader can see the spread).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
BUILD = REPO / "build" / "bench"
HEADLESS_ENV = {"QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}


def summary(values: list[float], digits: int = 1) -> dict:
    """median/min/max/n of a series (and the runs, rounded)."""
    if not values:
        return {"median": None, "min": None, "max": None, "n": 0, "runs": []}
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "n": len(values),
        "runs": [round(v, digits) for v in values],
    }


def percentile(values: list[float], fraction: float) -> float | None:
    """Nearest-rank percentile (p95 of 200 keystrokes is the 190th fastest)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-round(fraction * len(ordered) * 1000) // 1000))
    return ordered[min(len(ordered), rank) - 1]


def elapsed_ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0


def isolated_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a measured program: headless Qt, and every settings, data and cache
    folder inside `home`, so no run sees another run's settings or files."""
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env.pop(name, None)
    runtime = home / "run"
    runtime.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    env.update(HEADLESS_ENV)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(runtime),
        # Ours after any PYTHONPATH given (e.g. another checkout's src/ to try a change on).
        PYTHONPATH=os.pathsep.join(p for p in (os.environ.get("PYTHONPATH"), str(REPO)) if p),
        PYTHONDONTWRITEBYTECODE="",
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # ReText would talk to a desktop session
    if extra:
        env.update(extra)
    return env


def fresh_home(parent: Path, prefix: str) -> Path:
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))


def kill_group(process: subprocess.Popen) -> None:
    """End the process group we started (web engine helpers included) and reap the leader."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


def run_child(module: str, args: list[str], env: dict[str, str], timeout: float, log: Path) -> dict:
    """Run `python -m bench.<module> ... --out FILE` in a new session; return its JSON result."""
    out = log.with_suffix(".json")
    out.unlink(missing_ok=True)
    command = [sys.executable, "-m", f"bench.{module}", *args, "--out", str(out)]
    with open(log, "w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=log_file, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            code = None
        finally:
            kill_group(process)
    if code != 0 or not out.is_file():
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise RuntimeError(f"bench.{module} failed (exit {code}); log {log}:\n{tail}")
    return json.loads(out.read_text(encoding="utf-8"))


def write_json(path: Path, data: dict) -> None:
    """Write atomically (a .tmp beside it, then rename), so a killed run leaves the old file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temp, path)
