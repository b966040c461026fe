"""`make bench-profile`: where the time goes, as pyinstrument call trees (text) in
build/bench/profiles/, for the paths the goals are about:

- startup-large.txt: `newsdesk large.newsdesk` from the first import to the first painted window;
- typing.txt: the keystroke test (200 keys into the long section, preview on when there is one);
- export-cold.txt / export-warm.txt: the export of the large article, without and with the
  derived images cached in the project;
- save-revision.txt: Ctrl+S on the large article (a save that records a revision).

Each runs in a fresh process, like the measurement it explains. Profiles are for reading, never
for figures: the profiler itself slows Python code down (Qt's C++ much less), so the times in
these files are higher than in results.json.

    python -m bench.profile [all|startup|typing|export|save] [--cache build/bench]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench import make_article
from bench.common import BENCH, REPO, fresh_home, isolated_env, kill_group

INTERVAL_S = 0.001


def _profiler():
    from pyinstrument import Profiler  # the bench extra (pip install -e '.[bench]')

    profiler = Profiler(interval=INTERVAL_S)
    profiler.start()
    return profiler


def _save(profiler, out: Path) -> None:
    profiler.stop()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(profiler.output_text(unicode=False, color=False), encoding="utf-8")


# --- in the child ---------------------------------------------------------------------------------


def child_startup(project: Path, out: Path) -> None:
    """Like first_paint.py's newsdesk target, with the profiler running from the start."""
    sys.path.insert(0, str(BENCH))
    profiler = _profiler()
    import first_paint  # bench/first_paint.py, imported as a script module

    real_exit = os._exit

    def exit_after_saving(code: int) -> None:
        _save(profiler, out)
        real_exit(code)

    os._exit = exit_after_saving  # first_paint ends the process at the first paint
    first_paint.main([str(out.with_suffix(".first-paint.json")), "newsdesk", str(project)])


def child_export(project: Path, out_dir: Path) -> None:
    from bench.measure_export import export_once
    from newsdesk.store import open_project

    with open_project(project) as opened:
        article = opened.load()
        profiler = _profiler()
        page = project.parent / "export.html"
        export_once(opened, article, page)
        _save(profiler, out_dir / "export-cold.txt")
        profiler = _profiler()
        export_once(opened, article, page)
        _save(profiler, out_dir / "export-warm.txt")


def child_save(project: Path, section_id: str, out: Path) -> None:
    from newsdesk.store import open_project

    with open_project(project) as opened:
        article = opened.load()
        opened.save(article)  # the first save also collects garbage: not what is profiled
        section = article.find_section(section_id)
        profiler = _profiler()
        for n in range(3):
            section.markdown = f"Edit {n} " + section.markdown
            opened.save(article, revision_label=f"profile {n}")
        _save(profiler, out)


# --- in the parent --------------------------------------------------------------------------------


def _run(args: list[str], home: Path, timeout: float = 600) -> None:
    command = [sys.executable, "-m", "bench.profile", "--child", *args]
    process = subprocess.Popen(command, cwd=REPO, env=isolated_env(home), start_new_session=True)
    try:
        process.wait(timeout=timeout)
    finally:
        kill_group(process)


def profile(what: str, cache: Path) -> Path:
    large = make_article.ensure_article(make_article.LARGE, cache)
    out = cache / "profiles"
    out.mkdir(parents=True, exist_ok=True)
    work = cache / "work-profile"
    shutil.rmtree(work, ignore_errors=True)
    home = fresh_home(work, "home-")
    project = work / "profile.newsdesk"
    if what in ("all", "startup"):
        shutil.copyfile(large.project_path, project)
        _run(["startup", str(project), str(out / "startup-large.txt")], home)
    if what in ("all", "typing"):
        shutil.copyfile(large.project_path, project)
        typing = out / "typing.txt"
        _run_window(project, large.long_section_id, typing, home)
    if what in ("all", "export"):
        shutil.copyfile(large.project_path, project)
        _run(["export", str(project), str(out)], home)
    if what in ("all", "save"):
        shutil.copyfile(large.project_path, project)
        _run(["save", str(project), large.long_section_id, str(out / "save-revision.txt")], home)
    shutil.rmtree(work, ignore_errors=True)
    return out


def _run_window(project: Path, section_id: str, out: Path, home: Path) -> None:
    result = out.with_suffix(".json")
    command = [
        sys.executable, "-m", "bench.measure_window", str(project), "--section", section_id,
        "--markers", "0", "--profile", str(out), "--out", str(result),
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=REPO, env=isolated_env(home), start_new_session=True)
    try:
        deadline = time.monotonic() + 600
        while process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        kill_group(process)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        kind, *rest = argv[1:]
        if kind == "startup":
            child_startup(Path(rest[0]), Path(rest[1]))
        elif kind == "export":
            child_export(Path(rest[0]), Path(rest[1]))
        elif kind == "save":
            child_save(Path(rest[0]), rest[1], Path(rest[2]))
        return 0
    parser = argparse.ArgumentParser(description="pyinstrument profiles of the benchmark paths")
    parser.add_argument(
        "what", nargs="?", default="all", choices=["all", "startup", "typing", "export", "save"]
    )
    parser.add_argument("--cache", type=Path, default=make_article.DEFAULT_CACHE)
    args = parser.parse_args(argv)
    out = profile(args.what, args.cache)
    print(f"profiles in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
