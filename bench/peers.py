"""The peers Newsdesk is measured against, in the same run on the same machine.

- bare: a PySide6 QMainWindow showing the article's Markdown in a QTextEdit (our own venv, the
  same Qt as Newsdesk): the floor for "start to first shown window".
- ReText 8 (PyPI; PyQt6) opening the same Markdown file, timed by the same first-paint hook.
- pandoc (from pypandoc-binary) writing a standalone HTML page with embedded images from the same
  Markdown: `pandoc --standalone --embed-resources`, timed from process start to exit.

ReText and pandoc live in their own virtual environment, build/bench/peers-venv, which `make bench`
creates (`make bench-peers`), so PyQt6 never meets our PySide6. Without it, the run reports the
peers as missing instead of failing.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from pathlib import Path

from bench.common import BUILD, summary

PEERS_VENV = BUILD / "peers-venv"


def peers_python() -> Path | None:
    """The peers venv's Python, when `make bench-peers` has made it."""
    python = PEERS_VENV / "bin" / "python"
    return python if python.is_file() else None


def peer_versions(python: Path | None) -> dict:
    """ReText, PyQt6/Qt and pandoc versions in the peers venv (None where missing)."""
    if python is None:
        return {"retext": None, "pyqt6": None, "qt": None, "pandoc": None}
    code = (
        "import importlib.metadata as m, json\n"
        "from PyQt6.QtCore import PYQT_VERSION_STR, QT_VERSION_STR\n"
        "print(json.dumps({'retext': m.version('ReText'), 'pyqt6': PYQT_VERSION_STR,"
        " 'qt': QT_VERSION_STR}))\n"
    )
    import json

    found = {"retext": None, "pyqt6": None, "qt": None}
    with contextlib.suppress(OSError, subprocess.CalledProcessError, ValueError):
        found.update(json.loads(subprocess.check_output([str(python), "-c", code], text=True)))
    pandoc = pandoc_path(python)
    version = None
    if pandoc is not None:
        first = subprocess.check_output([str(pandoc), "--version"], text=True).splitlines()[0]
        version = first.split()[-1]
    return {**found, "pandoc": version}


def pandoc_path(python: Path | None) -> Path | None:
    """The pandoc binary that pypandoc-binary ships."""
    if python is None:
        return None
    try:
        path = subprocess.check_output(
            [str(python), "-c", "import pypandoc; print(pypandoc.get_pandoc_path())"], text=True
        ).strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return Path(path) if path and Path(path).is_file() else None


def pandoc_command(pandoc: Path, markdown: Path, out: Path) -> list[str]:
    return [
        str(pandoc), markdown.name, "--from", "markdown", "--to", "html5",
        "--standalone", "--embed-resources", "--metadata", "pagetitle=bench",
        "--output", str(out),
    ]  # fmt: skip


def measure_pandoc(pandoc: Path, markdown: Path, workdir: Path, repeats: int) -> dict:
    """Wall time of `pandoc --standalone --embed-resources` (process start to exit) and bytes."""
    workdir.mkdir(parents=True, exist_ok=True)
    out = workdir / "pandoc.html"
    times, sizes = [], set()
    for _ in range(repeats):
        out.unlink(missing_ok=True)
        start = time.perf_counter()
        subprocess.run(
            pandoc_command(pandoc, markdown, out), cwd=markdown.parent, check=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ),
        )  # fmt: skip
        times.append((time.perf_counter() - start) * 1000)
        sizes.add(out.stat().st_size)
    return {"export_ms": summary(times), "bytes": max(sizes)}
