"""How cost grows with the article (issue 16): open, save one change, keystroke p95 with the
preview on, and cold export at 10,000, 100,000 and 400,000 words.

    python -m bench.run --only scaling      (part of `make bench`)

The three articles are built like the large one (bench/make_article.py), scaled together: about
1,000 words per section, and a photo of 12 MP for every 5,000 words (2, 20 and 80 photos), so an
article four times as long has four times as many of everything. The typing section has the same
3,000 words in each, as a journalist's section does not grow with the piece around it. The
100,000-word point is the bench's large article itself.

Each size is measured by the same child processes as the rest of the bench: `measure_store`
(open, save after a one-word change), `measure_window` (keystrokes with the live preview on, in a
fresh window), `measure_export` (a cold export: a fresh copy of the project, no derived image
kept). The verdict "linear or better" looks at the slope of log(cost) over log(words) from each size
to the next: the steepest of these steps must be at most SLOPE_LIMIT for each measurement (cost
that grows with the words at most in proportion, at the large end too: a least-squares fit over
the three points, kept beside it, would let a flat start hide a steep end).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench.common import run_child
from bench.make_article import LARGE, ArticleSpec, BenchArticle

SCALE_10K = replace(LARGE, name="scale-10k", sections=10, words=10_000, photos=2)
SCALE_400K = replace(LARGE, name="scale-400k", sections=400, words=400_000, photos=80)
SIZES: tuple[ArticleSpec, ...] = (SCALE_10K, LARGE, SCALE_400K)
# The smoke run's sizes: every path once, small enough to take seconds.
SMOKE_SIZES: tuple[ArticleSpec, ...] = (
    replace(LARGE, name="scale-smoke-1", sections=2, words=600, photos=1, photo_width=320,
            photo_height=240, long_section_words=300),
    replace(LARGE, name="scale-smoke-2", sections=4, words=2_400, photos=1, photo_width=320,
            photo_height=240, long_section_words=300),
)  # fmt: skip
# The keystroke child waits for the preview's first page before typing, as for the large article;
# 80 photos never sized before take longer than the usual 20 s (their sizes are made in turns of
# the event loop, about 0.4 s each), and typing during that would measure them, not the typing.
# How long it took is a figure of its own.
WINDOW_ARGUMENTS = ("--first-render-timeout", "600")
SLOPE_LIMIT = 1.1  # log-log slope: 1.0 is proportional; a little over it is noise, not a trend


def log_log_slope(words: list[float], costs: list[float]) -> float | None:
    """Least-squares slope of log(cost) over log(words); None without two usable points."""
    points = [(math.log(w), math.log(c)) for w, c in zip(words, costs, strict=True) if w and c]
    if len(points) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


METRICS = {  # result key: (what the table and the plot call it, where measure() finds it)
    "open_ms": "open (open_project + load)",
    "save_one_word_ms": "save one change",
    "keystroke_p95_ms": "keystroke p95, preview on",
    "export_cold_ms": "cold export (HTML, photos embedded)",
    "preview_first_render_ms": "preview's first page (photo sizes made)",
}


def measure(
    articles: list[BenchArticle],
    work: Path,
    *,
    repeats: int,
    window: Callable[[BenchArticle, Path, int], dict],
    env: dict[str, str],
) -> dict:
    """Each article measured by the bench's children; then the slopes and the verdict.

    `window(article, work, run)` runs one keystroke child (run.py's window_once)."""
    sizes = []
    for article in articles:
        folder = work / article.name
        folder.mkdir(parents=True, exist_ok=True)
        store = run_child(
            "measure_store",
            [str(article.project_path), str(folder / "store"), "--section",
             article.long_section_id, "--repeats", str(repeats)],
            env, 1800, folder / "store.log",
        )  # fmt: skip
        export = run_child(
            "measure_export",
            [str(article.project_path), str(folder / "export"), "--repeats", str(repeats),
             "--warm-repeats", "1"],
            env, 3600, folder / "export.log",
        )  # fmt: skip
        typing = window(article, folder, 0)
        sizes.append(
            {
                "name": article.name,
                "words": article.words,
                "sections": article.sections,
                "photos": article.photos,
                "project_bytes": article.project_bytes,
                "open_ms": store["open_ms"]["median"],
                "save_one_word_ms": store["save_one_word_ms"]["median"],
                "keystroke_p95_ms": typing["latency_ms"]["p95"],
                "preview_on": typing["preview_on"],
                "export_cold_ms": export["cold_ms"]["median"],
                "preview_first_render_ms": typing.get("preview_first_render_ms"),
            }
        )
    return verdict(sizes)


def verdict(sizes: list[dict]) -> dict:
    """The measured sizes with each metric's log-log slope and whether it is linear or better."""
    words = [size["words"] for size in sizes]
    slopes, fitted = {}, {}
    for key in METRICS:
        costs = [size.get(key) or 0 for size in sizes]
        steps = [log_log_slope(words[n : n + 2], costs[n : n + 2]) for n in range(len(sizes) - 1)]
        known = [step for step in steps if step is not None]
        slopes[key] = round(max(known), 2) if known else None
        fit = log_log_slope(words, costs)
        fitted[key] = None if fit is None else round(fit, 2)
    judged = [slope for slope in slopes.values() if slope is not None]
    return {
        "sizes": sizes,
        "slopes": slopes,  # the steepest step from one size to the next
        "fitted_slopes": fitted,  # least squares over all sizes
        "slope_limit": SLOPE_LIMIT,
        "steepest_slope": max(judged) if judged else None,
        "linear_or_better": (all(s <= SLOPE_LIMIT for s in judged) if judged else None),
    }


def plot(scaling: dict, out: Path) -> bool:
    """docs/scaling.png: each metric over the words, log-log, beside a proportional line.
    False (nothing written) without matplotlib (the `bench` extra)."""
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display: the bench runs headless
        from matplotlib import pyplot
    except ImportError:
        return False
    sizes = scaling["sizes"]
    words = [size["words"] for size in sizes]
    figure, axes = pyplot.subplots(figsize=(7.5, 6.0), dpi=110)
    for key, label in METRICS.items():
        costs = [size.get(key) for size in sizes]
        if not all(costs):
            continue
        slope = scaling["slopes"].get(key)
        axes.plot(words, costs, marker="o", label=f"{label} (steepest step {slope})")
    first = [size.get("export_cold_ms") for size in sizes]
    if all(first):  # the proportional line through the export's first point
        axes.plot(
            words, [first[0] * w / words[0] for w in words], linestyle="--", color="grey",
            label="proportional to the words (slope 1)",
        )  # fmt: skip
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("words in the article")
    axes.set_ylabel("milliseconds (median)")
    axes.set_title("How cost grows with the article (make bench, part scaling)")
    axes.grid(True, which="both", linewidth=0.3)
    axes.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2)
    figure.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out)
    pyplot.close(figure)
    return True


def table(scaling: dict | None) -> str:
    """The PERFORMANCE.md table: one row per metric, one column per article size."""
    if not scaling or not scaling.get("sizes"):
        return ""
    sizes = scaling["sizes"]
    head = " | ".join(
        f"{size['words']:,} words ({size.get('sections', '?')} sections, "
        f"{size.get('photos', '?')} photos)"
        for size in sizes
    )
    lines = [
        f"| Scaling | {head} | steepest step (log-log slope) | fit over all |",
        "| --- |" + " ---: |" * (len(sizes) + 2),
    ]
    fitted = scaling.get("fitted_slopes", {})
    for key, label in METRICS.items():
        cells = " | ".join(_ms(size.get(key)) for size in sizes)
        slope, fit = scaling["slopes"].get(key), fitted.get(key)
        lines.append(
            f"| {label} | {cells} | {'–' if slope is None else slope} | "
            f"{'–' if fit is None else fit} |"
        )
    verdict_text = {True: "linear or better", False: "**steeper than linear**", None: "–"}[
        scaling.get("linear_or_better")
    ]
    lines += [
        "",
        f"Verdict: {verdict_text} (steepest step {scaling.get('steepest_slope')}; linear or "
        f"better is every step's log-log slope <= {scaling['slope_limit']}, and 1.0 is cost in "
        "proportion to the words). Plot: [scaling.png](scaling.png).",
    ]
    return "\n".join(lines)


def _ms(value) -> str:
    if value is None:
        return "–"
    return f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"
