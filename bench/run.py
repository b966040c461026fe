"""`make bench`: build the articles, measure Newsdesk and its peers, write the results.

    python -m bench.run                 the full run: bench/results.json + docs/PERFORMANCE.md
    python -m bench.run --smoke         every measurement once on a two-section article
                                        (results to build/bench/smoke-results.json, docs untouched)
    python -m bench.run --profile       also keep pyinstrument profiles in build/bench/profiles/

Measurements (see each module's docstring for the method):
- startup: process start to first painted window (startup.py, first_paint.py), for Newsdesk, the
  bare PySide6 window and ReText, with the sample article and the large one;
- store: open, save after a one-word change, Save As (measure_store.py);
- export: cold and warm (measure_export.py), and pandoc on the same Markdown (peers.py);
- floor: the command line's exports beside a bare Pillow loop (cold HTML, second HTML), Chromium's
  own --print-to-pdf (PDF) and pandoc's DOCX writer (Word), round by round (export_floor.py);
- window: keystroke latency with the live preview on, the preview's update time, and the peak
  memory of the process tree while it runs (measure_window.py, memory.py);
- spelling: the article checked cold and warm in words/s, beside `hunspell -l` on the same text
  (measure_spelling.py);
- revisions: the file's growth over a simulated week of editing, with the automatic revisions
  thinned and without thinning (measure_revisions.py), for the sample and the large article.
- publish: the large article with its 20 photos to the local WordPress (make bench starts it),
  beside curl sending the same to the same server; then a republish after one word
  (wordpress_publish.py, tools/wordpress/measure_publish.py).

Qt runs on the `offscreen` platform everywhere: reproducible, no display needed, and the same for
every program. Absolute times depend on the machine and on what else runs on it; the ratios to the
peers measured in the same run are what the goals compare.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import make_article, peers, scaling, wordpress_publish
from bench.common import BUILD, REPO, fresh_home, isolated_env, kill_group, run_child, write_json
from bench.memory import TreeSampler, drop_cached_qt_files
from bench.report import evaluate_goals, update_performance_doc
from bench.startup import Program, binding_folders, measure_startups

RESULTS = REPO / "bench" / "results.json"
SMOKE_RESULTS = BUILD / "smoke-results.json"
PERFORMANCE_DOC = REPO / "docs" / "PERFORMANCE.md"
WINDOW_TIMEOUT_S = 300
# The measured window runs with this interpreter's PySide6 (found without importing it).
PYSIDE_FOLDER = Path(importlib.util.find_spec("PySide6").submodule_search_locations[0])


@dataclass(frozen=True)
class Plan:
    """How often each thing is measured."""

    startup_rounds: int
    startup_warmup: int
    store_repeats: int
    export_repeats: int
    export_warm_repeats: int
    pandoc_repeats: int
    window_runs: int
    keys: int
    markers: int


FULL = Plan(
    startup_rounds=7, startup_warmup=1, store_repeats=5, export_repeats=3, export_warm_repeats=5,
    pandoc_repeats=3, window_runs=3, keys=200, markers=5,
)  # fmt: skip
SMOKE = Plan(
    startup_rounds=1, startup_warmup=0, store_repeats=1, export_repeats=1, export_warm_repeats=1,
    pandoc_repeats=1, window_runs=1, keys=12, markers=1,
)  # fmt: skip


def say(text: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def machine_info() -> dict:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    try:
        commit = subprocess.check_output(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, text=True, stderr=subprocess.DEVNULL
        ).strip()
    except (OSError, subprocess.CalledProcessError):
        commit = None
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "platform": platform.platform(terse=True),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "qt": qVersion(),
        "pyside6": pyside_version,
        "qpa_platform": "offscreen",
        "commit": commit,
        "load_before": _load_average(),
    }


def _load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


# --- the window: keystrokes, preview and memory ---------------------------------------------------


def window_once(
    article: make_article.BenchArticle,
    plan: Plan,
    work: Path,
    run: int,
    profile: Path | None,
    extra: tuple[str, ...] = (),
) -> dict:
    """One window child, sampled for memory until it has written its results, then ended."""
    home = fresh_home(work / "homes", f"window-{run}-")
    project = home / "window.newsdesk"
    shutil.copyfile(article.project_path, project)
    out = work / f"window-{run}.json"
    out.unlink(missing_ok=True)
    command = [
        sys.executable, "-m", "bench.measure_window", str(project),
        "--section", article.long_section_id, "--keys", str(plan.keys),
        "--markers", str(plan.markers), "--linger", "60", "--out", str(out), *extra,
    ]  # fmt: skip
    if profile is not None:
        command += ["--profile", str(profile / f"typing-{run}.txt")]
    log = work / f"window-{run}.log"
    drop_cached_qt_files(PYSIDE_FOLDER)
    with open(log, "w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            command, cwd=REPO, env=isolated_env(home), stdout=log_file, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        sampler = TreeSampler(process.pid).start()
        deadline = time.monotonic() + WINDOW_TIMEOUT_S
        try:
            while not out.is_file() and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            memory = sampler.stop()  # the last sample happens before the process is ended
        finally:
            kill_group(process)
    shutil.rmtree(home, ignore_errors=True)
    if not out.is_file():
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise RuntimeError(f"bench.measure_window wrote no results; log {log}:\n{tail}")
    import json

    result = json.loads(out.read_text(encoding="utf-8"))
    result["memory"] = memory
    return result


def measure_window(article, plan: Plan, work: Path, profile: Path | None) -> dict:
    runs = [window_once(article, plan, work, n, profile) for n in range(plan.window_runs)]

    def median_of(*path) -> float | None:
        values = []
        for run in runs:
            value = run
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            if value is not None:
                values.append(value)
        return round(statistics.median(values), 2) if values else None

    updates = [u for run in runs for u in run["preview_update_ms"] if u is not None]
    signalled = [u for run in runs for u in run.get("preview_page_shown_ms", []) if u is not None]
    return {
        "runs": len(runs),
        "preview_attribute": all(r["preview_attribute"] for r in runs),
        "preview_on": all(r["preview_on"] for r in runs),
        "spelling_on": all(r.get("spelling_on", False) for r in runs),
        "preview_found_by": runs[0].get("preview_found_by", ""),
        "keys_per_run": runs[0]["keys"],
        "latency_ms": {k: median_of("latency_ms", k) for k in ("p50", "p95", "max")},
        "handling_ms": {k: median_of("handling_ms", k) for k in ("p50", "p95", "max")},
        "preview_first_render_ms": median_of("preview_first_render_ms"),
        "preview_update_median_ms": round(statistics.median(updates), 1) if updates else None,
        "preview_update_max_ms": round(max(updates), 1) if updates else None,
        "preview_page_shown_median_ms": (
            round(statistics.median(signalled), 1) if signalled else None
        ),
        "preview_updates_missed": sum(u is None for r in runs for u in r["preview_update_ms"]),
        "preview_longest_stall_ms": max(
            (s for r in runs for s in r["preview_longest_stall_ms"]), default=None
        ),
        "memory": {
            k: median_of("memory", k)
            for k in ("hwm_sum_mb", "peak_rss_sum_mb", "peak_pss_sum_mb", "main_process_hwm_mb")
        }
        | {
            "processes": max(r["memory"]["processes"] for r in runs),
            # The breakdown of the run whose peak is the median one.
            "peak_pss_by_kind_mb": sorted(
                (r["memory"] for r in runs), key=lambda m: m["peak_pss_sum_mb"] or 0
            )[len(runs) // 2].get("peak_pss_by_kind_mb", {}),
        },
        "per_run": [{k: v for k, v in r.items() if k != "latency_runs_ms"} for r in runs],
    }


# --- the run ------------------------------------------------------------------------------------


PARTS = (
    "startup", "store", "export", "pandoc", "window", "whole", "spelling", "revisions", "scaling",
    "floor",
    "publish",
)  # fmt: skip


def run(
    plan: Plan,
    *,
    smoke: bool,
    use_peers: bool,
    profile: bool,
    cache: Path,
    parts: tuple[str, ...] = PARTS,
) -> dict:
    began = time.perf_counter()
    results: dict = {"schema": 1, "mode": "smoke" if smoke else "full", "machine": machine_info()}
    say("articles (built once, then cached in build/bench/)")
    sample = make_article.ensure_sample(cache)
    large = make_article.ensure_article(make_article.SMOKE if smoke else make_article.LARGE, cache)
    results["articles"] = {"sample": asdict(sample), "large": asdict(large)}
    results["plan"] = asdict(plan)
    results["parts"] = list(parts)
    work = cache / ("work-smoke" if smoke else "work")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    profiles = cache / "profiles" if profile else None
    peers_python = peers.peers_python() if use_peers else None
    results["peers"] = {"versions": peers.peer_versions(peers_python), "pandoc": None}
    env = isolated_env(fresh_home(work / "homes", "store-"))

    if "startup" in parts:
        results["startup"] = startup(sample, large, peers_python, plan, work)
    if "store" in parts:
        say("store: open, save one word, Save As")
        results["store"] = run_child(
            "measure_store",
            [str(large.project_path), str(work / "store"), "--section", large.long_section_id,
             "--repeats", str(plan.store_repeats)],
            env, 600, work / "store.log",
        )  # fmt: skip
    if "export" in parts:
        say("export: cold and warm")
        results["export"] = run_child(
            "measure_export",
            [str(large.project_path), str(work / "export"), "--repeats", str(plan.export_repeats),
             "--warm-repeats", str(plan.export_warm_repeats)],
            env, 900, work / "export.log",
        )  # fmt: skip
    pandoc = peers.pandoc_path(peers_python)
    if pandoc is not None and "pandoc" in parts:
        say("pandoc --standalone --embed-resources")
        results["peers"]["pandoc"] = peers.measure_pandoc(
            pandoc, large.markdown_path, work / "pandoc", plan.pandoc_repeats
        )
    if "window" in parts:
        say(f"window: {plan.keys} keystrokes with the preview, memory ({plan.window_runs} runs)")
        results["window"] = measure_window(large, plan, work, profiles)
    if "whole" in parts:
        say("whole-article view: switching, scrolling top to bottom, keystrokes with the preview")
        whole_home = fresh_home(work / "homes", "whole-")
        whole_project = whole_home / "whole.newsdesk"
        shutil.copyfile(large.project_path, whole_project)
        results["whole_article"] = run_child(
            "measure_whole_article",
            [str(whole_project), "--section", large.long_section_id, "--keys", str(plan.keys)],
            isolated_env(whole_home), 900, work / "whole.log",
        )  # fmt: skip
    if "spelling" in parts:
        say("spelling: the article cold and warm, beside hunspell -l")
        results["spelling"] = run_child(
            "measure_spelling",
            [str(large.project_path), str(work / "spelling"), "--repeats", str(plan.store_repeats)],
            env, 600, work / "spelling.log",
        )  # fmt: skip

    if "revisions" in parts:
        say("revisions: a simulated week of editing, thinned and not")
        results["revisions"] = {}
        for article in (sample,) if smoke else (sample, large):
            results["revisions"][article.name] = run_child(
                "measure_revisions",
                [str(article.project_path), str(work / f"revisions-{article.name}"),
                 "--section", article.long_section_id, "--days", "1" if smoke else "7"],
                env, 1800, work / f"revisions-{article.name}.log",
            )  # fmt: skip

    if "scaling" in parts:
        say("scaling: open, save, keystrokes and cold export at 10,000, 100,000 and 400,000 words")
        sizes = scaling.SMOKE_SIZES if smoke else scaling.SIZES
        results["scaling"] = scaling.measure(
            [make_article.ensure_article(spec, cache) for spec in sizes],
            work / "scaling",
            repeats=1 if smoke else 2,
            window=lambda article, folder, n: window_once(
                article, plan, folder, n, None, scaling.WINDOW_ARGUMENTS
            ),
            env=env,
        )

    if "floor" in parts:
        say("export floor: Pillow floor, cold, second, PDF beside Chromium, Word beside pandoc")
        results["export_floor"] = run_child(
            "export_floor", ["--cache", str(cache), *(["--smoke"] if smoke else [])],
            env, 3600, work / "export-floor.log",
        )  # fmt: skip

    if "publish" in parts:
        say("publish: the large article and its photos to the local WordPress, beside curl")
        results["publish"] = wordpress_publish.measure(
            large.project_path, work / "publish", rounds=1 if smoke else 3
        )

    results["machine"]["load_after"] = _load_average()
    results["duration_s"] = round(time.perf_counter() - began)
    results["goals"] = evaluate_goals(results)
    return results


def startup(sample, large, peers_python: Path | None, plan: Plan, work: Path) -> dict:
    """Start-up of Newsdesk, the bare window and (with the peers venv) ReText, both articles."""
    say(
        "start to first window, cold and warm (newsdesk, bare window"
        + (", retext)" if peers_python else ")")
    )
    startup_dir = work / "startup"
    startup_dir.mkdir()
    ours = Path(sys.executable)
    # Cold starts read these from disk: each program's own Qt binding (see bench/startup.py).
    our_qt = binding_folders(ours, "PySide6")
    peer_qt = binding_folders(peers_python, "PyQt6") if peers_python is not None else ()
    programs = []
    for name, article in (("sample", sample), ("large", large)):
        project = startup_dir / f"{name}.newsdesk"  # a copy: the cached project stays pristine
        shutil.copyfile(article.project_path, project)
        programs.append(Program(f"newsdesk_{name}", ours, "newsdesk", project, our_qt))
        programs.append(Program(f"bare_{name}", ours, "bare", article.markdown_path, our_qt))
        if peers_python is not None:
            programs.append(
                Program(f"retext_{name}", peers_python, "retext", article.markdown_path, peer_qt)
            )
    return measure_startups(programs, plan.startup_rounds, plan.startup_warmup, startup_dir)


def merge_earlier(results: dict, out: Path) -> None:
    """Take over what the earlier results in `out` measured and this run did not (the parts not
    run now, pandoc), noted under "merged"; the goals are judged again on the whole."""
    import json

    try:
        earlier = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    kept = [key for key in earlier if key not in results and key != "merged"]
    for key in kept:
        results[key] = earlier[key]
    if results["peers"].get("pandoc") is None and _dig(earlier, "peers", "pandoc") is not None:
        results["peers"]["pandoc"] = earlier["peers"]["pandoc"]
        kept.append("pandoc")
    # A part the earlier file had kept itself keeps the date of the run that measured it.
    dates = _dig(earlier, "merged", "runs_of") or {}
    when = _dig(earlier, "machine", "date")
    results["merged"] = {"kept": kept, "runs_of": {key: dates.get(key, when) for key in kept}}
    results["goals"] = evaluate_goals(results)


def _dig(data: dict, *path):
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Newsdesk benchmarks (see bench/README.md)")
    parser.add_argument("--smoke", action="store_true", help="every path once, two sections")
    parser.add_argument("--no-peers", action="store_true", help="skip ReText and pandoc")
    parser.add_argument("--profile", action="store_true", help="pyinstrument profile of typing")
    parser.add_argument("--out", type=Path, help="results file (default: see module docstring)")
    parser.add_argument("--doc", type=Path, help="PERFORMANCE.md to update (full run only)")
    parser.add_argument("--cache", type=Path, default=make_article.DEFAULT_CACHE)
    parser.add_argument(
        "--only", default=",".join(PARTS), help=f"comma-separated parts of {', '.join(PARTS)}"
    )
    parser.add_argument(
        "--merge", action="store_true",
        help="keep the other parts' figures of the results file (a run of some parts only)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    parts = tuple(p.strip() for p in args.only.split(",") if p.strip())
    if unknown := set(parts) - set(PARTS):
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    plan = SMOKE if args.smoke else FULL
    out = args.out or (SMOKE_RESULTS if args.smoke else RESULTS)
    results = run(
        plan,
        smoke=args.smoke,
        use_peers=not args.no_peers,
        profile=args.profile,
        cache=args.cache,
        parts=parts,
    )
    if args.merge:
        merge_earlier(results, out)
    write_json(out, results)
    doc = args.doc or (None if args.smoke else PERFORMANCE_DOC)
    if doc is not None:
        update_performance_doc(doc, results)
        if "scaling" in results and scaling.plot(results["scaling"], doc.parent / "scaling.png"):
            say(f"scaling plot in {doc.parent / 'scaling.png'}")
    say(f"results in {out}" + (f", table in {doc}" if doc else ""))
    for goal in results["goals"]:
        verdict = {True: "pass", False: "FAIL", None: "not measured"}[goal["pass"]]
        say(f"  {verdict:>12}  {goal['goal']}: ours {goal['ours']}, peer {goal['peer']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
