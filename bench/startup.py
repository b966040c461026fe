"""Start to first shown window, for Newsdesk and its peers, measured side by side, cold and warm.

Each run is a fresh process with its own empty home folder (no settings, no caches of earlier
runs), started by `first_paint.py`, which reports when the main window was first painted. The
programs take turns round by round, so a busy moment on the machine hits all of them alike; the
first round (`warmup`) warms Python's bytecode caches and is not counted.

Two conditions, measured one right after the other for each program in each round:
- cold: the page cache of the program's Qt binding (its Qt libraries, plugins, resources and the
  binding's own modules) is dropped first, so they are read from disk, as after a reboot or when
  the journalist has not started a Qt program for a while;
- warm: those files are in the page cache, as when the journalist reopens the app: the run comes
  right after a start of the same program (the cold run, which read exactly the files a start
  needs; or an untimed start when only the warm condition is measured), with nothing dropped.

The clock is CLOCK_MONOTONIC (system-wide): the parent reads it just before starting the process
and the child reports it at first paint, so the figure includes the interpreter's start, every
import, opening the file and laying out the window. The split of each run (interpreter and
imports until the QApplication exists, then until first paint) is kept too.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import BENCH, fresh_home, isolated_env, kill_group, summary
from bench.memory import drop_page_cache

FIRST_PAINT = BENCH / "first_paint.py"
RUN_TIMEOUT_S = 120
CONDITIONS = ("cold", "warm")
# The packages each Qt binding loads from (PyQt6 keeps Qt itself in PyQt6/Qt6).
BINDING_PACKAGES = {"PySide6": ("PySide6", "shiboken6"), "PyQt6": ("PyQt6",)}


@dataclass(frozen=True)
class Program:
    label: str  # key in the results, e.g. "newsdesk_large" (the condition is appended)
    python: Path
    target: str  # first_paint.TARGETS
    path: Path  # the file it opens
    qt_folders: tuple[Path, ...] = ()  # dropped from the page cache before a cold start


def binding_folders(python: Path, binding: str) -> tuple[Path, ...]:
    """Where `python` finds the binding's packages (found without importing them)."""
    code = (
        "import importlib.util, sys\n"
        "for name in sys.argv[1:]:\n"
        "    spec = importlib.util.find_spec(name)\n"
        "    if spec and spec.submodule_search_locations:\n"
        "        print(list(spec.submodule_search_locations)[0])\n"
    )
    try:
        found = subprocess.check_output(
            [str(python), "-c", code, *BINDING_PACKAGES[binding]], text=True
        )
    except (OSError, subprocess.CalledProcessError):
        return ()
    return tuple(Path(line) for line in found.splitlines() if line.strip())


def start_once(program: Program, homes: Path, log: Path) -> dict:
    """One start: ms from process start to first paint, and the split."""
    home = fresh_home(homes, program.label + "-")
    report = home / "first-paint.json"
    env = isolated_env(home)
    command = [
        str(program.python),
        str(FIRST_PAINT),
        str(report),
        program.target,
        str(program.path),
    ]
    try:
        with open(log, "a", encoding="utf-8") as log_file:
            started = time.monotonic_ns()
            process = subprocess.Popen(
                command, cwd=home, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
            try:
                code = process.wait(timeout=RUN_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                code = None
            finally:
                kill_group(process)
        if code != 0 or not report.is_file():
            raise RuntimeError(f"{program.label} did not report a first paint (exit {code}); {log}")
        times = json.loads(report.read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(home, ignore_errors=True)
        for lock in program.path.parent.glob(".~*.lock"):  # left by os._exit; nothing else is
            lock.unlink(missing_ok=True)
    return {
        "total_ms": (times["first_paint_ns"] - started) / 1e6,
        "to_app_ms": (times["app_created_ns"] - started) / 1e6,
        "app_to_paint_ms": (times["first_paint_ns"] - times["app_created_ns"]) / 1e6,
        "title": times.get("window_title", ""),
    }


def measure_startups(
    programs: list[Program],
    rounds: int,
    warmup: int,
    workdir: Path,
    conditions: tuple[str, ...] = CONDITIONS,
) -> dict:
    """{f"{label}_{condition}": {"total_ms": summary, "to_app_ms": summary, ...}}"""
    workdir.mkdir(parents=True, exist_ok=True)
    runs: dict[str, list[dict]] = {f"{p.label}_{c}": [] for p in programs for c in conditions}
    dropped: dict[str, list[int]] = {p.label: [] for p in programs}
    for round_number in range(warmup + rounds):
        for program in programs:
            homes, log = workdir / "homes", workdir / f"{program.label}.log"
            for condition in conditions:
                if condition == "cold":
                    dropped[program.label].append(drop_page_cache(program.qt_folders))
                elif "cold" not in conditions:
                    start_once(program, homes, log)  # untimed: brings its files into the cache
                result = start_once(program, homes, log)
                if round_number >= warmup:
                    runs[f"{program.label}_{condition}"].append(result)
    measured = {}
    for key, results in runs.items():
        label, condition = key.rsplit("_", 1)
        measured[key] = {
            "condition": condition,
            "total_ms": summary([r["total_ms"] for r in results]),
            "to_app_ms": summary([r["to_app_ms"] for r in results]),
            "app_to_paint_ms": summary([r["app_to_paint_ms"] for r in results]),
            "window_title": results[-1]["title"] if results else "",
        }
        if condition == "cold":
            measured[key]["files_dropped"] = max(dropped[label], default=0)
    return measured
