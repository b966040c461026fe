"""Child: export of the article to one standalone HTML page, cold and warm.

    python -m bench.measure_export PROJECT WORKDIR [--repeats N] --out FILE

What the window's File > Export HTML does (gui/files/export.export_html without the
dialog): newsdesk.formats.html_export.export_html(article, out, assets="embed",
cache=ProjectCache(project), missing_images="placeholder"), timed around that call.

- cold: a fresh copy of the pristine project, so no derived image is cached yet: every photo is
  decoded, scaled to the web sizes and re-encoded, and the results are written into the project.
- warm: the same project exported again: the derived images come from the project file.
- bytes: the size of the page written (images embedded as data: URIs).
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

from bench.common import elapsed_ms, summary, write_json


def export_once(project, article, out: Path) -> tuple[float, int]:
    from newsdesk.derived_cache import ProjectCache
    from newsdesk.formats.html_export import export_html

    start = time.perf_counter()
    result = export_html(
        article, out, assets="embed", cache=ProjectCache(project), missing_images="placeholder"
    )
    return elapsed_ms(start), result.total_bytes


def measure(project_path: Path, workdir: Path, repeats: int, warm_repeats: int) -> dict:
    from newsdesk.store import open_project

    workdir.mkdir(parents=True, exist_ok=True)
    out = workdir / "export.html"
    cold, warm, sizes = [], [], set()
    for n in range(repeats):
        copy = workdir / f"export-{n}.newsdesk"
        shutil.copyfile(project_path, copy)
        with open_project(copy) as project:
            article = project.load()
            ms, size = export_once(project, article, out)
            cold.append(ms)
            sizes.add(size)
            if n == 0:  # warm runs on the project the first cold run filled
                for _ in range(warm_repeats):
                    ms, size = export_once(project, article, out)
                    warm.append(ms)
                    sizes.add(size)
        copy.unlink()
    return {
        "cold_ms": summary(cold),
        "warm_ms": summary(warm),
        "bytes": max(sizes),
        "bytes_differ_between_runs": len(sizes) > 1,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="export benchmark (child)")
    parser.add_argument("project", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--warm-repeats", type=int, default=5)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    write_json(args.out, measure(args.project, args.workdir, args.repeats, args.warm_repeats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
