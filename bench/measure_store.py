"""Child: the project file at newsroom scale: open, save after a one-word change, Save As.

    python -m bench.measure_store PROJECT WORKDIR --section ID [--repeats N] --out FILE

- open: open_project() (header check, integrity check, reading every row and image blob) plus
  load(), on a copy of the pristine project; the file is in the page cache after the first round,
  as it is when a journalist reopens today's article.
- save: one word of the long section changed, then Project.save(article): what autosave costs per
  pause in typing. The first save after opening also collects unused blobs, so it is reported
  apart ("first_save_ms") and left out of the series.
- save with revision: the same with a revision label (Ctrl+S records a revision snapshot).
- Save As: Project.save_as() to a new path (a consistent copy with fsync, then reopening it).

Everything runs in this one process on purpose: these are library calls, not start-up.
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

from bench.common import elapsed_ms, summary, write_json

WORDS = ("pier", "quay", "ferry", "crane", "budget", "tender", "harbour", "council")


def measure(project: Path, workdir: Path, section_id: str, repeats: int) -> dict:
    from newsdesk.store import open_project

    workdir.mkdir(parents=True, exist_ok=True)
    copy = workdir / "store.newsdesk"
    shutil.copyfile(project, copy)

    opens = []
    for _ in range(repeats):
        start = time.perf_counter()
        opened = open_project(copy)
        opened.load()
        opens.append(elapsed_ms(start))
        opened.close()

    opened = open_project(copy)
    article = opened.load()
    section = article.find_section(section_id)
    if section is None:
        raise SystemExit(f"no section {section_id} in {project}")
    original = section.markdown
    first_word = original.split(" ", 1)[0]

    def change_one_word(n: int) -> None:
        section.markdown = WORDS[n % len(WORDS)].capitalize() + original[len(first_word) :]

    change_one_word(0)
    start = time.perf_counter()
    opened.save(article)
    first_save = elapsed_ms(start)

    saves = []
    for n in range(1, 1 + repeats * 4):  # cheap: four times as many, for a steadier median
        change_one_word(n)
        start = time.perf_counter()
        opened.save(article)
        saves.append(elapsed_ms(start))

    revision_saves = []
    for n in range(repeats):
        change_one_word(n + 3)
        start = time.perf_counter()
        opened.save(article, revision_label=f"bench {n}")
        revision_saves.append(elapsed_ms(start))

    save_as = []
    current = opened
    for n in range(max(2, repeats // 2)):
        target = workdir / f"save-as-{n % 2}.newsdesk"
        start = time.perf_counter()
        current = current.save_as(target)
        save_as.append(elapsed_ms(start))
    current.close()
    return {
        "open_ms": summary(opens),
        "first_save_ms": round(first_save, 2),
        "save_one_word_ms": summary(saves, 2),
        "save_with_revision_ms": summary(revision_saves, 2),
        "save_as_ms": summary(save_as),
        "file_bytes": copy.stat().st_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="store benchmark (child)")
    parser.add_argument("project", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--section", required=True)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    write_json(args.out, measure(args.project, args.workdir, args.section, args.repeats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
