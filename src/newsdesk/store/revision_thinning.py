"""Which automatic revisions to let go as they age, so that a week of editing keeps the file small.

Newsdesk records a revision by itself before every deletion of a section, every Replace All and
every restore, and at least every 10 minutes of editing. Kept forever, a busy week would pile up
hundreds of snapshots; so automatic revisions thin out with age, as backup tools do:

- younger than a day: every one is kept (the journalist's "what did I delete an hour ago");
- a day to a week old: the newest of each clock hour is kept;
- older than a week: the newest of each day (UTC) is kept.

Revisions the user recorded (Ctrl+S, Save As, ...) are never thinned.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

ALL_KEPT_FOR = dt.timedelta(days=1)
HOURLY_FOR = dt.timedelta(days=7)


@dataclass(frozen=True)
class StoredRevision:
    """A revision as the thinning sees it: its row id, when it was made, whether automatically."""

    id: int
    created: dt.datetime  # aware, UTC
    automatic: bool


def parse_created(text: str) -> dt.datetime | None:
    """The `created` column ("2025-03-14T07:30:00.000Z") as an aware datetime; None: unreadable."""
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def revisions_to_drop(revisions: Iterable[StoredRevision], now: dt.datetime) -> list[int]:
    """Ids of automatic revisions the thinning rule lets go (see the module docstring)."""
    kept_per_bucket: dict[tuple[str, dt.datetime], StoredRevision] = {}
    drop: list[int] = []
    for revision in revisions:
        if not revision.automatic:
            continue
        age = now - revision.created
        if age < ALL_KEPT_FOR:
            continue
        if age < HOURLY_FOR:
            bucket = ("hour", revision.created.replace(minute=0, second=0, microsecond=0))
        else:
            start = revision.created.replace(hour=0, minute=0, second=0, microsecond=0)
            bucket = ("day", start)
        kept = kept_per_bucket.get(bucket)
        if kept is None:
            kept_per_bucket[bucket] = revision
        elif (revision.created, revision.id) > (kept.created, kept.id):
            drop.append(kept.id)
            kept_per_bucket[bucket] = revision
        else:
            drop.append(revision.id)
    return sorted(drop)


def thin_revisions(conn: sqlite3.Connection, now: dt.datetime) -> int:
    """Delete the automatic revisions the rule lets go, inside the caller's transaction.

    Returns how many went; the caller then collects blobs only those revisions referred to.
    A revision whose time cannot be read is kept (it is not ours to judge).
    """
    stored = []
    for revision_id, created in conn.execute(
        "SELECT id, created FROM revisions WHERE automatic = 1"
    ):
        when = parse_created(created) if isinstance(created, str) else None
        if when is not None:
            stored.append(StoredRevision(revision_id, when, True))
    drop = revisions_to_drop(stored, now)
    if drop:
        rows = [(revision_id,) for revision_id in drop]
        conn.executemany("DELETE FROM revision_blobs WHERE revision_id = ?", rows)
        conn.executemany("DELETE FROM revisions WHERE id = ?", rows)
    return len(drop)
