"""The export at its floor (issue 16): Newsdesk's command-line exports beside the least the same
work costs without Newsdesk, in one run, round by round.

    python -m bench.export_floor [--smoke] [--rounds N] [--no-pdf] [--no-docx] [--out FILE]

Each round measures, one after the other (so a busy machine slows all of them alike; each goal
is the median of the rounds' own ratios):

- floor: for each photo of the bench article, decode it once (JPEG draft scaling, as Newsdesk
  does), turn it upright, and write the three web sizes (1600, 960, 480 px wide, JPEG quality 82,
  progressive, optimised), each smaller size resized from the next larger one, in this process
  on one core. Nothing else: no page, no text, no checks;
- cold: `newsdesk export PROJECT -o page.html` as a separate process (start-up included, as a
  user sees it) on a fresh copy of the project (no derived image kept): the standalone page,
  one size of each photo embedded. Goal: <= 0.8x the floor;
- cold, folder: the same with `--assets folder` on another fresh copy: the page and the same
  three sizes of each photo as the floor writes (a like-for-like figure beside the goal);
- second: the first copy exported again: the photo sizes and converted text the first export
  kept in the project file. Goal: <= 0.15x cold;
- PDF: `newsdesk export PROJECT -o page.pdf` (a copy exported once, as a proof is printed after
  the page) beside Chromium's own `chromium --headless --print-to-pdf` of the exported page
  (Debian's chromium; `make bench` installs it). Goal: <= 2x Chromium;
- Word: `newsdesk export PROJECT -o article.docx` on a fresh copy beside pandoc's DOCX writer on
  the same Markdown (pandoc from the peers venv, `make bench-peers`). Goal: <= 1x pandoc.

A program that is missing (no chromium, no peers venv) is reported as None, not a failure. The
processor time of floor, cold and second is recorded too (`*_cpu_s`): two cores make the cold
export faster than the floor only while two cores are free, which the load average tells.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageOps

from bench.common import REPO, fresh_home, isolated_env, summary, write_json
from bench.make_article import DEFAULT_CACHE, LARGE, SMOKE, ensure_article
from bench.peers import pandoc_path, peers_python

WIDTHS = (1600, 960, 480)
GOALS = {
    "cold_to_floor": 0.8,
    "second_to_cold": 0.15,
    "pdf_to_chromium": 2.0,
    "docx_to_pandoc": 1.0,
}
TIMEOUT_S = 600


def _cpu_s(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def floor_ms(photos: list[bytes], cpu: list[float] | None = None) -> float:
    start, began = time.perf_counter(), _cpu_s(resource.RUSAGE_SELF)
    for data in photos:
        image = Image.open(io.BytesIO(data))
        image.draft("RGB", (WIDTHS[0], WIDTHS[0] * image.height // image.width))
        image = ImageOps.exif_transpose(image.convert("RGB"))
        for width in WIDTHS:
            if image.width > width:
                image = image.resize((width, round(image.height * width / image.width)))
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=82, progressive=True, optimize=True)
    if cpu is not None:
        cpu.append(_cpu_s(resource.RUSAGE_SELF) - began)
    return (time.perf_counter() - start) * 1000


def timed_ms(
    command: list[str], env: dict[str, str], cwd: Path = REPO, cpu: list[float] | None = None
) -> float:
    """Wall time of a program from start to exit (and into `cpu` the processor time it and the
    children it waited for used: on a busy machine the figure that does not depend on the
    cores left free); a failure stops the bench with its output."""
    start, began = time.perf_counter(), _cpu_s(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT_S
    )
    elapsed = (time.perf_counter() - start) * 1000
    if cpu is not None:
        cpu.append(_cpu_s(resource.RUSAGE_CHILDREN) - began)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed


def export_command(project: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "newsdesk", "export", str(project), "-o", str(out), "--force",
            *extra]  # fmt: skip


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def chromium_command(chromium: str, page: Path, out: Path, profile: Path) -> list[str]:
    # The page's own @page rules, as the proof has them (no header and footer of Chromium's).
    return [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
        f"--user-data-dir={profile}", f"--print-to-pdf={out}", page.as_uri(),
    ]  # fmt: skip


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


def _ratio(ours: list[float], peer: list[float]) -> float | None:
    """The median of the rounds' own ratios (None when either side was not measured)."""
    if not ours or len(ours) != len(peer):
        return None
    return round(statistics.median(o / p for o, p in zip(ours, peer, strict=True)), 3)


def measure(
    smoke: bool, cache: Path, *, rounds: int | None = None, pdf: bool = True, docx: bool = True
) -> dict:
    article = ensure_article(SMOKE if smoke else LARGE, cache)
    markdown = Path(article.markdown_path)
    photos = [p.read_bytes() for p in sorted((markdown.parent / "photos").glob("*.jpg"))]
    rounds = rounds or (1 if smoke else 3)
    chromium = chromium_path() if pdf else None
    pandoc = pandoc_path(peers_python()) if docx else None
    times: dict[str, list[float]] = {
        key: []
        for key in ("floor", "cold", "second", "cold_folder", "pdf", "chromium", "docx", "pandoc")
    }
    cpu: dict[str, list[float]] = {"floor": [], "cold": [], "second": []}
    pages: dict[str, int] = {}
    work = cache / "work-floor"
    with tempfile.TemporaryDirectory(prefix="newsdesk-floor-", dir=_made(work)) as folder:
        root = Path(folder)
        env = isolated_env(fresh_home(root, "home-"))
        for n in range(rounds):
            here = _made(root / f"round-{n}")
            times["floor"].append(floor_ms(photos, cpu["floor"]))
            copy, page = here / "article.newsdesk", here / "page.html"
            shutil.copyfile(article.project_path, copy)
            times["cold"].append(timed_ms(export_command(copy, page), env, cpu=cpu["cold"]))
            times["second"].append(timed_ms(export_command(copy, page), env, cpu=cpu["second"]))
            folder_copy = here / "folder.newsdesk"
            shutil.copyfile(article.project_path, folder_copy)
            folder_page = here / "folder" / "page.html"
            _made(folder_page.parent)
            command = export_command(folder_copy, folder_page, "--assets", "folder")
            times["cold_folder"].append(timed_ms(command, env))
            if chromium is not None:
                ours, theirs = here / "ours.pdf", here / "chromium.pdf"
                times["pdf"].append(timed_ms(export_command(copy, ours), env))
                command = chromium_command(chromium, page, theirs, here / "chromium-profile")
                times["chromium"].append(timed_ms(command, env))
                pages = {"ours": pdf_pages(ours), "chromium": pdf_pages(theirs)}
            if pandoc is not None:
                docx_copy = here / "docx.newsdesk"
                shutil.copyfile(article.project_path, docx_copy)
                times["docx"].append(timed_ms(export_command(docx_copy, here / "ours.docx"), env))
                command = [str(pandoc), markdown.name, "--from", "markdown", "--to", "docx",
                           "--output", str(here / "pandoc.docx")]  # fmt: skip
                times["pandoc"].append(timed_ms(command, env, cwd=markdown.parent))
    return {
        "photos": len(photos),
        "rounds": rounds,
        **{f"{key}_ms": summary(values) for key, values in times.items()},
        **{f"{key}_cpu_s": summary(values, 2) for key, values in cpu.items()},
        "load_average": _load(),
        "cold_to_floor": _ratio(times["cold"], times["floor"]),
        "cold_cpu_to_floor_cpu": _ratio(cpu["cold"], cpu["floor"]),
        "cold_folder_to_floor": _ratio(times["cold_folder"], times["floor"]),
        "second_to_cold": _ratio(times["second"], times["cold"]),
        "pdf_to_chromium": _ratio(times["pdf"], times["chromium"]),
        "pdf_pages": pages or None,
        "docx_to_pandoc": _ratio(times["docx"], times["pandoc"]),
        "chromium": _version([chromium, "--version"]) if chromium else None,
        "pandoc": _version([str(pandoc), "--version"]) if pandoc else None,
        "goals": GOALS,
    }


def _load() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def _made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _version(command: list[str]) -> str | None:
    try:
        found = subprocess.run(command, capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return found.splitlines()[0].strip() if found else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the export at its floor (issue 16)")
    parser.add_argument("--smoke", action="store_true", help="the small article, one round")
    parser.add_argument("--rounds", type=int, help="rounds (default 3, smoke 1)")
    parser.add_argument("--no-pdf", action="store_true", help="leave out the PDF and Chromium")
    parser.add_argument("--no-docx", action="store_true", help="leave out Word and pandoc")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    figures = measure(
        args.smoke, args.cache, rounds=args.rounds, pdf=not args.no_pdf, docx=not args.no_docx
    )
    print(json.dumps(figures, indent=2))
    if args.out:
        write_json(args.out, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
