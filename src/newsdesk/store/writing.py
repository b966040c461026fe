"""The statements of a save: write the rows that changed, add new blobs, drop unused ones, record
a revision. Every function here runs inside the caller's transaction and never commits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from newsdesk.store.rows import (
    ARTICLE_COLUMNS,
    IMAGE_COLUMNS,
    LINK_COLUMNS,
    PROPERTY_COLUMNS,
    SECTION_COLUMNS,
    Rows,
)

CONTENT_TABLES = ("article", "sections", "images", "related_links", "properties")


def write_rows(conn: sqlite3.Connection, new: Rows, old: Rows | None) -> None:
    """Make the content tables hold `new`, given that they hold `old` (None: unknown, rewrite)."""
    if old is None:
        for table in CONTENT_TABLES:
            conn.execute(f"DELETE FROM {table}")
        old = Rows()
    if new.article != old.article:
        assert new.article is not None
        columns = ", ".join(ARTICLE_COLUMNS)
        marks = ", ".join("?" * len(ARTICLE_COLUMNS))
        conn.execute(
            f"INSERT OR REPLACE INTO article (id, {columns}) VALUES (1, {marks})", new.article
        )
    _sync(conn, "sections", "id", SECTION_COLUMNS, old.sections, new.sections)
    _sync(conn, "images", "id", IMAGE_COLUMNS, old.images, new.images)
    _sync(conn, "related_links", "position", LINK_COLUMNS, old.links, new.links)
    _sync(conn, "properties", "key", PROPERTY_COLUMNS, old.properties, new.properties)


def _sync(
    conn: sqlite3.Connection,
    table: str,
    key: str,
    columns: tuple[str, ...],
    old: Mapping[Any, tuple[Any, ...]],
    new: Mapping[Any, tuple[Any, ...]],
) -> None:
    gone = [(k,) for k in old.keys() - new.keys()]
    if gone:
        conn.executemany(f"DELETE FROM {table} WHERE {key} = ?", gone)
    changed = [(k, *row) for k, row in new.items() if old.get(k) != row]
    if changed:
        names = ", ".join((key, *columns))
        marks = ", ".join("?" * (len(columns) + 1))
        conn.executemany(f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({marks})", changed)


def add_blobs(conn: sqlite3.Connection, blobs: Mapping[str, bytes]) -> None:
    """Store each image's bytes under its digest; bytes already stored are not written again."""
    if blobs:
        conn.executemany(
            "INSERT OR IGNORE INTO blobs (digest, bytes) VALUES (?, ?)", list(blobs.items())
        )


def collect_garbage(
    conn: sqlite3.Connection, before_drop: Callable[[Sequence[str]], None] | None = None
) -> set[str]:
    """Drop blobs that no image and no revision refers to, with their cached derived sizes.

    `before_drop(digests)` runs first, while the blobs can still be read (the project keeps the
    photos that live handles still name). Returns the digests that remain.
    """
    unused = [
        row[0]
        for row in conn.execute(
            """SELECT digest FROM blobs
               WHERE digest NOT IN (SELECT digest FROM images WHERE digest IS NOT NULL)
                 AND digest NOT IN (SELECT digest FROM revision_blobs)"""
        )
    ]
    if unused and before_drop is not None:
        before_drop(unused)
    if unused:
        conn.executemany("DELETE FROM blobs WHERE digest = ?", [(d,) for d in unused])
        # Derived keys start with "<digest>:"; ":" sorts right before ";", so this is a range scan.
        conn.executemany(
            "DELETE FROM derived WHERE key >= ? AND key < ?",
            [(f"{d}:", f"{d};") for d in unused],
        )
    return {row[0] for row in conn.execute("SELECT digest FROM blobs")}


def add_revision(
    conn: sqlite3.Connection,
    label: str,
    words: int,
    snapshot: bytes,
    digests: Iterable[str],
    *,
    automatic: bool = False,
    now: datetime | None = None,
) -> int:
    """Record a revision and the blobs it refers to; returns its id. `automatic`: Newsdesk
    recorded it by itself (it may be thinned later, see revision_thinning.py)."""
    when = now if now is not None else datetime.now(UTC)
    created = when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    cursor = conn.execute(
        "INSERT INTO revisions (created, label, words, snapshot, automatic) VALUES (?, ?, ?, ?, ?)",
        (created, label, words, snapshot, int(automatic)),
    )
    revision_id = cursor.lastrowid
    assert revision_id is not None
    conn.executemany(
        "INSERT OR IGNORE INTO revision_blobs (revision_id, digest) VALUES (?, ?)",
        [(revision_id, d) for d in set(digests)],
    )
    return revision_id
