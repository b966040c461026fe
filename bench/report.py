"""The goals of issue 6, checked against a results dict, and the tables for docs/PERFORMANCE.md.

run.py writes the tables between the GENERATED_START/END markers of PERFORMANCE.md; everything
else in that file (method, profiles, before and after) is written by hand and left alone.
"""

from __future__ import annotations

from pathlib import Path

from bench import scaling

GENERATED_START = "<!-- bench:generated:start (bench/run.py rewrites this part) -->"
GENERATED_END = "<!-- bench:generated:end -->"


def _get(results: dict, *path):
    value = results
    for key in path:
        if not isinstance(value, dict) or value.get(key) is None:
            return None
        value = value[key]
    return value


def _goal(name: str, text: str, ours, peer, limit: float, *, ratio: bool, unit: str) -> dict:
    """A goal row; `ratio=True` compares ours/peer with the limit, else ours itself."""
    value = None
    if ours is not None and (not ratio or peer):
        value = ours / peer if ratio else ours
    return {
        "name": name,
        "goal": text,
        "ours": ours,
        "peer": peer,
        "ratio": round(ours / peer, 3) if ratio and ours is not None and peer else None,
        "limit": limit,
        "unit": unit,
        "pass": None if value is None else value <= limit,
    }


STARTUP_BARE_LIMIT = 2.0  # issue 18: <= 2.0x the bare window, cold and warm
STARTUP_RETEXT_LIMIT = 1.0  # and ahead of ReText in the same condition


def startup_goals(startup: dict) -> list[dict]:
    """Start to first window in each condition (Qt's files read from disk, or in the page cache)
    and for each article: against the bare PySide6 window, and against ReText."""
    goals = []
    for condition, wording in (("cold", "Qt's files from disk"), ("warm", "in the page cache")):
        for article in ("sample", "large"):
            ours = _get(startup, f"newsdesk_{article}_{condition}", "total_ms", "median")
            goals += [
                _goal(
                    f"startup_{condition}_{article}",
                    f"start to first window, {article} article, {condition} ({wording}) "
                    f"<= {STARTUP_BARE_LIMIT}x bare window",
                    ours, _get(startup, f"bare_{article}_{condition}", "total_ms", "median"),
                    STARTUP_BARE_LIMIT, ratio=True, unit="ms",
                ),
                _goal(
                    f"startup_{condition}_{article}_retext",
                    f"start to first window, {article} article, {condition}: ahead of ReText",
                    ours, _get(startup, f"retext_{article}_{condition}", "total_ms", "median"),
                    STARTUP_RETEXT_LIMIT, ratio=True, unit="ms",
                ),
            ]  # fmt: skip
    return goals


def floor_goals(floor: dict) -> list[dict]:
    """Issue 16: the command line's exports against the least the same work costs elsewhere
    (bench/export_floor.py; the medians of its rounds)."""

    def median(key: str):
        return _get(floor, key, "median")

    return [
        _goal(
            "export_cold_floor", "cold HTML export (command line) <= 0.8x a bare Pillow loop "
            "writing three sizes of the same photos",
            median("cold_ms"), median("floor_ms"), 0.8, ratio=True, unit="ms",
        ),
        _goal(
            "export_second_cold", "second command-line export <= 0.15x the cold one",
            median("second_ms"), median("cold_ms"), 0.15, ratio=True, unit="ms",
        ),
        _goal(
            "export_pdf_chromium", "PDF of the article <= 2x chromium --print-to-pdf of the page",
            median("pdf_ms"), median("chromium_ms"), 2.0, ratio=True, unit="ms",
        ),
        _goal(
            "export_docx_pandoc", "Word export <= 1x pandoc's DOCX writer on the same Markdown",
            median("docx_ms"), median("pandoc_ms"), 1.0, ratio=True, unit="ms",
        ),
    ]  # fmt: skip


def evaluate_goals(results: dict) -> list[dict]:
    """Every goal of issue 6 with ours, the peer, the ratio and pass/fail (None: not measured)."""
    startup = results.get("startup", {})
    pandoc = _get(results, "peers", "pandoc") or {}
    memory = _get(results, "window", "memory") or {}
    return [
        *startup_goals(startup),
        _goal(
            "export_cold_time", "cold export <= 0.6x pandoc's time",
            _get(results, "export", "cold_ms", "median"),
            _get(pandoc, "export_ms", "median"), 0.6, ratio=True, unit="ms",
        ),
        _goal(
            "export_cold_bytes", "cold export <= 0.5x pandoc's bytes",
            _get(results, "export", "bytes"), pandoc.get("bytes"), 0.5, ratio=True, unit="bytes",
        ),
        _goal(
            "export_warm_time", "warm export <= 0.15x pandoc's time",
            _get(results, "export", "warm_ms", "median"),
            _get(pandoc, "export_ms", "median"), 0.15, ratio=True, unit="ms",
        ),
        *floor_goals(results.get("export_floor") or {}),
        _goal(
            "keystroke_p95", "keystroke p95 <= 16 ms with the preview on",
            _get(results, "window", "latency_ms", "p95"), None, 16, ratio=False, unit="ms",
        ),
        _goal(
            "whole_keystroke_p95",
            "keystroke p95 <= 16 ms in the whole-article view with the preview on",
            _get(results, "whole_article", "latency_ms", "p95"), None, 16, ratio=False, unit="ms",
        ),
        _goal(
            "save_one_word", "save of one change <= 20 ms",
            _get(results, "store", "save_one_word_ms", "median"), None, 20, ratio=False, unit="ms",
        ),
        _goal(
            "scaling_linear",
            f"cost grows linearly or better, 10,000 to 400,000 words (each step's log-log "
            f"slope <= {scaling.SLOPE_LIMIT}: open, save, keystroke p95, cold export, preview)",
            _get(results, "scaling", "steepest_slope"), None, scaling.SLOPE_LIMIT, ratio=False,
            unit="",
        ),
        _goal(
            "publish_first", "first publish to WordPress (20 photos) <= 1.3x curl's time",
            _get(results, "publish", "first_s"), _get(results, "publish", "curl_s"), 1.3,
            ratio=True, unit="s",
        ),
        _goal(
            "publish_again", "republish after a one-word change <= 2 s",
            _get(results, "publish", "republish_s"), None, 2, ratio=False, unit="s",
        ),
        _goal(
            "peak_memory", "peak memory <= 400 MB (window, web engine included; PSS)",
            memory.get("peak_pss_sum_mb"), None, 400, ratio=False, unit="MB",
        ),
    ]  # fmt: skip


def _fmt(value, unit: str = "") -> str:
    if value is None:
        return "–"
    if unit == "bytes":
        return f"{value / 1e6:.1f} MB"
    if isinstance(value, float):
        text = f"{value:,.1f}" if value < 100 else f"{value:,.0f}"
    else:
        text = f"{value:,}"
    return f"{text} {unit}".strip()


def goals_table(goals: list[dict]) -> str:
    lines = ["| Goal | Ours | Peer | Ratio | Result |", "| --- | ---: | ---: | ---: | --- |"]
    for goal in goals:
        verdict = {True: "pass", False: "**fail**", None: "not measured"}[goal["pass"]]
        lines.append(
            f"| {goal['goal']} | {_fmt(goal['ours'], goal['unit'])} | "
            f"{_fmt(goal['peer'], goal['unit'])} | {_fmt(goal['ratio'])} | {verdict} |"
        )
    return "\n".join(lines)


def figures_table(results: dict) -> str:
    """All measured figures: median (min–max) over the runs."""

    def spread(series: dict | None) -> str:
        if not series or series.get("median") is None:
            return "–"
        return (
            f"{_fmt(series['median'], 'ms')} ({_fmt(series['min'])}–{_fmt(series['max'])}, "
            f"n={series['n']})"
        )

    startup = results.get("startup", {})
    rows = [("Start to first window: " + label.replace("_", ", "), spread(_get(v, "total_ms")))
            for label, v in startup.items()]  # fmt: skip
    store = results.get("store", {})
    rows += [
        ("Open large article (open_project + load)", spread(store.get("open_ms"))),
        ("Save after a one-word change (Project.save)", spread(store.get("save_one_word_ms"))),
        ("Save with a revision (Ctrl+S)", spread(store.get("save_with_revision_ms"))),
        ("Save As (copy of the project file)", spread(store.get("save_as_ms"))),
        ("Export, cold", spread(_get(results, "export", "cold_ms"))),
        ("Export, warm", spread(_get(results, "export", "warm_ms"))),
        ("pandoc (same Markdown)", spread(_get(results, "peers", "pandoc", "export_ms"))),
    ]  # fmt: skip
    floor = results.get("export_floor") or {}
    rows += [
        (label, spread(floor.get(key))) for label, key in (
            ("Floor: Pillow, three sizes of each photo, one core", "floor_ms"),
            ("Command line: HTML export, cold", "cold_ms"),
            ("Command line: HTML export, cold, photos in a folder (three sizes)", "cold_folder_ms"),
            ("Command line: HTML export, second", "second_ms"),
            ("Command line: PDF export", "pdf_ms"),
            ("chromium --print-to-pdf of the exported page", "chromium_ms"),
            ("Command line: Word export, cold", "docx_ms"),
            ("pandoc, Markdown to DOCX", "pandoc_ms"),
        ) if floor.get(key)
    ]  # fmt: skip
    window = results.get("window", {})
    latency = window.get("latency_ms") or {}
    handling = window.get("handling_ms") or {}
    rows += [
        (
            "Keystroke latency p50 / p95 / max",
            " / ".join(_fmt(latency.get(k), "ms") for k in ("p50", "p95", "max")),
        ),
        (
            "Keystroke handling only p50 / p95 / max",
            " / ".join(_fmt(handling.get(k), "ms") for k in ("p50", "p95", "max")),
        ),
        ("Preview on while typing", str(window.get("preview_on"))),
        ("Preview update after typing", _fmt(window.get("preview_update_median_ms"), "ms")),
        ("Memory: peak sum PSS / peak sum RSS / sum of VmHWM", " / ".join(
            _fmt(_get(window, "memory", k), "MB")
            for k in ("peak_pss_sum_mb", "peak_rss_sum_mb", "hwm_sum_mb")
        )),
        ("Memory at the PSS peak, by process", ", ".join(
            f"{kind} {_fmt(mb, 'MB')}"
            for kind, mb in (_get(window, "memory", "peak_pss_by_kind_mb") or {}).items()
        ) or "–"),
        ("Publish to WordPress: first / republish / curl (same photos and content)", " / ".join(
            _fmt(_get(results, "publish", k), "s") for k in ("first_s", "republish_s", "curl_s")
        )),
        ("Export bytes: ours / pandoc", " / ".join((
            _fmt(_get(results, "export", "bytes"), "bytes"),
            _fmt(_get(results, "peers", "pandoc", "bytes"), "bytes"),
        ))),
    ]  # fmt: skip
    lines = ["| Measurement | Median (min–max, runs) |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


def generated_section(results: dict) -> str:
    machine = results.get("machine", {})
    peers = _get(results, "peers", "versions") or {}
    articles = results.get("articles", {})
    large = articles.get("large", {})
    lines = [
        GENERATED_START,
        "",
        f"Run of {machine.get('date', '?')} on {machine.get('cpus', '?')} CPUs "
        f"({machine.get('platform', '?')}), Python {machine.get('python', '?')}, "
        f"Qt {machine.get('qt', '?')} (PySide6 {machine.get('pyside6', '?')}), "
        f"QPA platform `{machine.get('qpa_platform', '?')}`, load average "
        f"{machine.get('load_before', '?')} before and {machine.get('load_after', '?')} after; "
        f"peers: ReText {peers.get('retext') or '–'} (PyQt6 {peers.get('pyqt6') or '–'}, "
        f"Qt {peers.get('qt') or '–'}), pandoc {peers.get('pandoc') or '–'}. "
        f"Large article: {large.get('sections', '?')} sections, {large.get('words', 0):,} words, "
        f"{large.get('photos', '?')} photos ({large.get('photo_bytes', 0) / 1e6:.0f} MB). "
        f"Whole run: {results.get('duration_s', '?')} s."
        + (
            " Kept from earlier runs: "
            + ", ".join(f"{part} ({date})" for part, date in results["merged"]["runs_of"].items())
            + "."
            if results.get("merged", {}).get("runs_of")
            else ""
        ),
        "",
        goals_table(results.get("goals", [])),
        "",
        figures_table(results),
        "",
        *([scaling.table(results.get("scaling")), ""] if results.get("scaling") else []),
        GENERATED_END,
    ]
    return "\n".join(lines)


def update_performance_doc(doc: Path, results: dict) -> None:
    """Replace the generated part of PERFORMANCE.md (append it when the markers are missing)."""
    section = generated_section(results)
    text = doc.read_text(encoding="utf-8") if doc.is_file() else "# Performance\n"
    start, end = text.find(GENERATED_START), text.find(GENERATED_END)
    if start >= 0 and end > start:
        text = text[:start] + section + text[end + len(GENERATED_END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    doc.write_text(text, encoding="utf-8")
