"""Child: View > Whole Article on the large article: switching to it, scrolling it from top to
bottom, and typing in it with the live preview on (issue 18).

    python -m bench.measure_whole_article PROJECT --section ID [--keys N] [--switches N] --out F

The window is built as `newsdesk FILE` builds it (as in measure_window), the preview's dock shown
and its first render awaited, View > Check Spelling on as a fresh install has it.

- Switching: View > Whole Article's action is triggered with the cursor in the article's longest
  section; the time is until the event loop is idle again (the column built, the visible
  sections laid out, the editor hosted). Then back to Single Section; `--switches` times.
- Scrolling: from the top, the scroll bar is moved one viewport height at a time, as Page Down
  does, until the end; each step is timed until idle (the sections coming into view are built
  then), so the slowest step is the worst hitch a reader sees. The total includes them all. The
  steps' CPU time of the process is kept too: on a loaded machine it varies less than the wall
  time, which includes waiting for a core.
- Typing: keystrokes into the editor hosted in the longest section, on measure_window's schedule
  and latency definition (scheduled press until the loop is idle), preview on; then the same
  keys in the single view, in the same run, for comparison.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from bench.common import write_json
from bench.measure_window import (
    KEY_INTERVAL_MS,
    PAUSES_MS,
    Clock,
    PreviewProbe,
    _percentiles,
    keystroke_text,
    place_cursor_mid_section,
    turn_on_preview,
    turn_spelling,
    type_text,
)

PREVIEW_TIMEOUT_S = 20.0


def _timed(clock: Clock, action, cpu: list[float] | None = None) -> float:
    """Wall milliseconds until idle; with `cpu`, the process's CPU milliseconds go there too."""
    start, start_cpu = time.perf_counter(), time.process_time()
    action()
    clock.until_idle()
    if cpu is not None:
        cpu.append((time.process_time() - start_cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def measure(project: Path, section_id: str, keys: int, switches: int) -> dict:
    from PySide6.QtTest import QTest

    from newsdesk.gui.app import create_application
    from newsdesk.gui.main_window import MainWindow

    app = create_application()
    clock = Clock()
    window = MainWindow()
    window.defer_secondary_work()
    if not window.open_path(project):
        raise SystemExit(f"could not open {project}")
    window.show()
    QTest.qWaitForWindowExposed(window)
    pane, info = turn_on_preview(window, clock)
    info.update(turn_spelling(window, clock, True))
    probe = PreviewProbe(pane) if pane is not None else None
    if probe is not None and probe.usable:
        words = window.article.headline.split()
        probe.wait_for(clock, words[-1] if words else "", PREVIEW_TIMEOUT_S, "h1")
    views = window.views
    if views.is_whole:
        views.set_whole(False)
    place_cursor_mid_section(window, section_id)
    clock.wait_ms(300)
    clock.until_idle()

    to_whole, to_single = [], []
    for _ in range(switches):
        to_whole.append(_timed(clock, views.whole_action.trigger))
        clock.wait_ms(200)
        to_single.append(_timed(clock, views.single_action.trigger))
        clock.wait_ms(200)

    views.whole_action.trigger()
    clock.until_idle()
    view = views.whole_view
    bar = view.verticalScrollBar()
    bar.setValue(0)
    clock.until_idle()
    built_at_start = view.built_count()
    steps: list[float] = []
    steps_cpu: list[float] = []
    start = time.perf_counter()
    while bar.value() < bar.maximum():
        steps.append(_timed(clock, lambda: bar.setValue(bar.value() + bar.pageStep()), steps_cpu))
    scroll_total = (time.perf_counter() - start) * 1000

    whole_typing = _type(window, clock, section_id, keys)
    views.single_action.trigger()  # the same keys in the single view, in the same run
    clock.until_idle()
    single_typing = _type(window, clock, section_id, keys)
    latencies = [r["latency_ms"] for r in whole_typing]
    result = {
        **info,
        "sections": len(view.section_ids()),
        "built_after_switch": built_at_start,
        "built_after_scroll": view.built_count(),
        "switch_to_whole_ms": _series(to_whole),
        "switch_to_single_ms": _series(to_single),
        "scroll_steps": len(steps),
        "scroll_step_ms": _percentiles(steps),
        "scroll_step_cpu_ms": _percentiles(steps_cpu),
        "scroll_total_ms": round(scroll_total, 1),
        "keys": len(whole_typing),
        "latency_ms": _percentiles(latencies),
        "handling_ms": _percentiles([r["handling_ms"] for r in whole_typing]),
        "single_view_latency_ms": _percentiles([r["latency_ms"] for r in single_typing]),
        "single_view_handling_ms": _percentiles([r["handling_ms"] for r in single_typing]),
    }
    app.processEvents()
    return result


def _type(window, clock: Clock, section_id: str, keys: int) -> list[dict]:
    """measure_window's keystrokes and schedule (the typist does not wait for the window)."""
    place_cursor_mid_section(window, section_id)
    clock.wait_ms(300)
    clock.until_idle()
    records: list[dict] = []
    burst_start = time.perf_counter()
    for n, burst in enumerate(keystroke_text(keys)):
        type_text(window.editor, clock, burst, burst_start, records)
        burst_start += (len(burst) * KEY_INTERVAL_MS + PAUSES_MS[n % len(PAUSES_MS)]) / 1000
    clock.wait_ms(500)
    return records


def _series(values: list[float]) -> dict:
    return {
        "median": round(statistics.median(values), 1) if values else None,
        "min": round(min(values), 1) if values else None,
        "max": round(max(values), 1) if values else None,
        "n": len(values),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="whole-article view benchmark (child)")
    parser.add_argument("project", type=Path)
    parser.add_argument("--section", required=True)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--switches", type=int, default=5)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    write_json(args.out, measure(args.project, args.section, args.keys, args.switches))
    sys.stdout.flush()
    import os

    os._exit(0)  # no closing dialogs, no final save: the run changed only a scratch copy


if __name__ == "__main__":
    raise SystemExit(main())
