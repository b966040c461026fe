"""Child: how much a week of editing grows the project file, with the automatic revisions.

    python -m bench.measure_revisions PROJECT WORKDIR --section ID [--days 7] --out FILE

Newsdesk records a revision by itself before every deletion of a section and at least every 10
minutes of editing, and the journalist records one with each Ctrl+S; automatic revisions thin out
as they age (store/revision_thinning.py). This simulates a working week on a copy of PROJECT with
a clock of its own (Project.save's `now`), the way the window would drive the store:

- five working days of eight hours (Monday to Friday, 08:00 to 16:00 UTC), then the weekend;
- every 10 minutes: a sentence typed into the section ID, then autosave with the 10-minute
  automatic revision (the window records it at the first autosave 10 minutes after the last one);
- every hour: a section deleted (an automatic revision of the state before it first) and a new
  one written in its place, so the article keeps its size;
- twice an hour: Ctrl+S (a revision the user recorded, never thinned);
- Monday after the weekend: one more save, when the week's revisions have aged.

The same week runs twice, with thinning and with thinning switched off, so the figure shows what
thinning saves. Reported per day: file size, live bytes (pages not on SQLite's free list: the file
does not shrink when revisions go, later saves reuse the freed pages), and revisions kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import time
from pathlib import Path

from bench.common import write_json

MONDAY = dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC)
WORKING_DAYS = 5
HOURS_PER_DAY = 8
SENTENCES = (
    "The harbour master confirmed the new timetable on the phone this morning.",
    "Der Fährbetrieb soll nach Angaben der Stadtwerke im Frühjahr wieder aufgenommen werden.",
    "Council members asked for the figures before the vote on Thursday.",
    "Anwohnerinnen aus Großostheim berichten von längeren Wartezeiten am Anleger.",
)


def _live_bytes(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    return (pages - free) * size


def simulate_week(project: Path, section_id: str, days: int, *, thinning: bool) -> dict:
    """One simulated week (`days` calendar days) on `project`; the figures per day."""
    from newsdesk.model.article import Section
    from newsdesk.store import open_project, revision_thinning

    # The save imports thin_revisions from its module when it records a revision.
    real_thinning = revision_thinning.thin_revisions
    if not thinning:
        revision_thinning.thin_revisions = lambda conn, now: 0
    began = time.perf_counter()
    per_day = []
    saves = revisions_recorded = 0
    try:
        opened = open_project(project)
        article = opened.load()
        typed = article.find_section(section_id)
        if typed is None:
            raise SystemExit(f"no section {section_id} in {project}")
        sentence = 0
        for day in range(days):
            start = MONDAY + dt.timedelta(days=day)
            working = day < WORKING_DAYS
            for step in range(HOURS_PER_DAY * 6 if working else 0):
                now = start + dt.timedelta(minutes=10 * step)
                typed.markdown += " " + SENTENCES[sentence % len(SENTENCES)]
                sentence += 1
                opened.save(article, revision_label="While editing", automatic=True, now=now)
                saves += 1
                revisions_recorded += 1
                if step % 3 == 2:  # Ctrl+S twice an hour
                    opened.save(article, revision_label="Saved", now=now)
                    saves += 1
                    revisions_recorded += 1
                if step % 6 == 5 and len(article.sections) > 2:  # a section deleted every hour
                    opened.save(
                        article, revision_label="Before deleting a section", automatic=True,
                        now=now,
                    )  # fmt: skip
                    gone = next(s for s in article.sections[1:] if s.id != section_id)
                    article.sections.remove(gone)
                    article.sections.append(
                        Section(heading=f"Update {day}.{step}", markdown=gone.markdown)
                    )
                    opened.save(article, now=now)
                    saves += 2
                    revisions_recorded += 1
            infos = opened.revisions()
            per_day.append(
                {
                    "day": (MONDAY + dt.timedelta(days=day)).strftime("%a"),
                    "file_bytes": project.stat().st_size,
                    "live_bytes": _live_bytes(project),
                    "revisions_kept": len(infos),
                    "automatic_kept": sum(info.automatic for info in infos),
                }
            )
        # Monday morning: the first save of the new week thins the week's revisions.
        typed.markdown += " " + SENTENCES[0]
        monday = MONDAY + dt.timedelta(days=days, hours=1)
        opened.save(article, revision_label="While editing", automatic=True, now=monday)
        saves += 1
        revisions_recorded += 1
        infos = opened.revisions()
        after = {
            "file_bytes": project.stat().st_size,
            "live_bytes": _live_bytes(project),
            "revisions_kept": len(infos),
            "automatic_kept": sum(info.automatic for info in infos),
        }
        opened.close()
    finally:
        revision_thinning.thin_revisions = real_thinning
    return {
        "per_day": per_day,
        "next_monday": after,
        "saves": saves,
        "revisions_recorded": revisions_recorded,
        "seconds": round(time.perf_counter() - began, 1),
    }


def measure(project: Path, workdir: Path, section_id: str, days: int) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    results: dict = {"start_bytes": project.stat().st_size, "days": days}
    for name, thinning in (("thinned", True), ("unthinned", False)):
        copy = workdir / f"week-{name}.newsdesk"
        shutil.copyfile(project, copy)
        results[name] = simulate_week(copy, section_id, days, thinning=thinning)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="revision growth over a week (child)")
    parser.add_argument("project", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--section", required=True)
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    write_json(args.out, measure(args.project, args.workdir, args.section, args.days))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
