"""The tables of a .newsdesk file, and the migrations from every schema version ever written.

A project file is an SQLite database (see docs/FILE_FORMAT.md). Two numbers in its header say what
it is: `PRAGMA application_id` is APPLICATION_ID (the ASCII bytes "NDSK", so `file(1)` and we can
tell a Newsdesk project from any other SQLite database), and `PRAGMA user_version` is the schema
version below. A file with a higher version than SCHEMA_VERSION was written by a newer Newsdesk and
is refused; a lower one is migrated, one step at a time, inside one transaction.

Schema versions (never reuse or renumber one; every version ever written stays listed here, keeps
a fixture in tests/store/fixtures/ and a step in MIGRATIONS that lifts it to the next):

Version 1 (Newsdesk 0.1)
    First version. Tables:
    - `article`: one row (id = 1) with the text fields headline, subheadline, kicker, byline,
      dateline, language, published, slug, description; `tags` as a JSON array of strings; and
      `related_heading`, the heading of the related-links list.
    - `sections`: id, parent_id (NULL at top level), position among its siblings, heading, kind
      (body / opinion / box), markdown.
    - `images`: id, position, role (lead / inline), digest (SHA-256 hex of the original bytes in
      `blobs`, NULL while the photo is missing), filename, width, height, caption, alt, credit,
      copyright, symbolic (0/1), disclaimer.
    - `blobs`: digest PRIMARY KEY, bytes. Each distinct image is stored once however often it is
      used; a blob that neither an image nor a revision refers to is removed on save.
    - `related_links`: position PRIMARY KEY, title, url.
    - `revisions`: id, created (ISO 8601 UTC), label, words, snapshot (zlib-compressed JSON:
      {"article": article_to_dict(...), "image_digests": {image id: digest or null}}).
    - `revision_blobs`: (revision_id, digest) for every blob a revision refers to, so that
      cleaning up blobs never has to unpack snapshots.
    - `derived`: key PRIMARY KEY, bytes: a cache the exporter may fill (web sizes of images).
      Keys that start with a blob digest followed by ":" are dropped with that blob.

Version 2 (Newsdesk 0.2, in development)
    How a photo is shown, without changing its original bytes. `images` gains four columns, at
    the end of the table:
    - `rotation` INTEGER NOT NULL DEFAULT 0: clockwise quarter turns after the EXIF orientation,
      in degrees (0, 90, 180, 270);
    - `crop` TEXT NOT NULL DEFAULT '': aspect-ratio preset, '' (uncropped), '16:9', '4:3', '3:2'
      or '1:1';
    - `focal_x`, `focal_y` REAL NOT NULL DEFAULT 0.5: the point every crop keeps in view, as
      fractions (0 to 1) of the rotated, uncropped picture.
    Revision snapshots carry the same four keys per image; snapshots written by version 1 lack
    them and read as the defaults.
    Migration from 1: ALTER TABLE images ADD COLUMN for each, with the defaults above (every
    existing photo stays unrotated, uncropped, focused on its centre).

Version 3 (Newsdesk 0.2, in development)
    Named article properties, so that features can keep a value with the article without a new
    schema version each. New table `properties`: key TEXT PRIMARY KEY, value TEXT NOT NULL (text;
    JSON where a feature needs structure). Keys in use: `publication` (the name of the chosen
    publication profile, see newsdesk/publication.py). A reader keeps the keys it does not know
    and writes them back unchanged. Revision snapshots carry them as `properties`; older
    snapshots lack the key and read as none.
    Migration from 2: CREATE TABLE properties (empty).

Version 4 (Newsdesk 0.2, in development)
    Automatic revisions and opinion labels, both as columns appended at the end of their table:
    - `revisions.automatic` INTEGER NOT NULL DEFAULT 0: 1 for a revision Newsdesk recorded by
      itself (before a deletion, a Replace All or a restore, and every 10 minutes of editing);
      such revisions are thinned as they age (all of the last day, one an hour for a week, then
      one a day), revisions the user saved are kept;
    - `sections.label` TEXT NOT NULL DEFAULT '': the label shown above an opinion section
      ("Kommentar", "Editorial"); empty means the language's default. Snapshots carry `label`
      per section; older snapshots lack it and read as empty.
    Migration from 3: ALTER TABLE ... ADD COLUMN for both (every existing revision is manual,
    every existing section has the default label).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from newsdesk.errors import ProjectDamagedError

APPLICATION_ID = 0x4E44534B  # "NDSK"
SCHEMA_VERSION = 4

# The text columns of `article`, in the order of the model's fields.
ARTICLE_TEXT_COLUMNS: tuple[str, ...] = (
    "headline",
    "subheadline",
    "kicker",
    "byline",
    "dateline",
    "language",
    "published",
    "slug",
    "description",
)

IMAGE_TEXT_COLUMNS: tuple[str, ...] = (
    "filename",
    "caption",
    "alt",
    "credit",
    "copyright",
    "disclaimer",
)

_V3_PROPERTIES = """CREATE TABLE properties (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )"""

# The current schema. CHECK constraints are kept to what SQLite versions of the last decade read;
# types are validated again when a file is loaded, since SQLite columns accept any type.
CREATE_STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE article (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        headline TEXT NOT NULL,
        subheadline TEXT NOT NULL,
        kicker TEXT NOT NULL,
        byline TEXT NOT NULL,
        dateline TEXT NOT NULL,
        language TEXT NOT NULL,
        published TEXT NOT NULL,
        slug TEXT NOT NULL,
        description TEXT NOT NULL,
        tags TEXT NOT NULL,
        related_heading TEXT NOT NULL
    )""",
    """CREATE TABLE sections (
        id TEXT PRIMARY KEY,
        parent_id TEXT,
        position INTEGER NOT NULL,
        heading TEXT NOT NULL,
        kind TEXT NOT NULL,
        markdown TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE blobs (
        digest TEXT PRIMARY KEY,
        bytes BLOB NOT NULL
    )""",
    """CREATE TABLE images (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        role TEXT NOT NULL,
        digest TEXT REFERENCES blobs (digest),
        filename TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        caption TEXT NOT NULL,
        alt TEXT NOT NULL,
        credit TEXT NOT NULL,
        copyright TEXT NOT NULL,
        symbolic INTEGER NOT NULL,
        disclaimer TEXT NOT NULL,
        rotation INTEGER NOT NULL DEFAULT 0,
        crop TEXT NOT NULL DEFAULT '',
        focal_x REAL NOT NULL DEFAULT 0.5,
        focal_y REAL NOT NULL DEFAULT 0.5
    )""",
    """CREATE TABLE related_links (
        position INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        url TEXT NOT NULL
    )""",
    """CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        created TEXT NOT NULL,
        label TEXT NOT NULL,
        words INTEGER NOT NULL,
        snapshot BLOB NOT NULL,
        automatic INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE revision_blobs (
        revision_id INTEGER NOT NULL REFERENCES revisions (id),
        digest TEXT NOT NULL,
        PRIMARY KEY (revision_id, digest)
    ) WITHOUT ROWID""",
    """CREATE TABLE derived (
        key TEXT PRIMARY KEY,
        bytes BLOB NOT NULL
    )""",
    _V3_PROPERTIES,
)


def create_schema(conn: sqlite3.Connection) -> None:
    """Create the current tables and stamp the header. The caller holds the transaction."""
    for statement in CREATE_STATEMENTS:
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def expected_columns() -> dict[str, list[str]]:
    """Table name -> column names of the current schema, read from a scratch in-memory database."""
    scratch = sqlite3.connect(":memory:")
    try:
        for statement in CREATE_STATEMENTS:
            scratch.execute(statement)
        return table_columns(scratch)
    finally:
        scratch.close()


def table_columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Table name -> column names of the database behind `conn` (SQLite's own tables excluded)."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')] for name in names
    }


# The columns version 2 added to `images`, as the migration adds them: ALTER TABLE appends, so they
# are the last columns of the table in migrated and in new files alike.
_V2_IMAGE_COLUMNS: tuple[str, ...] = (
    "rotation INTEGER NOT NULL DEFAULT 0",
    "crop TEXT NOT NULL DEFAULT ''",
    "focal_x REAL NOT NULL DEFAULT 0.5",
    "focal_y REAL NOT NULL DEFAULT 0.5",
)


def _version_1_to_2(conn: sqlite3.Connection) -> None:
    """Rotation, crop and focal point for every photo; existing ones get the defaults."""
    for column in _V2_IMAGE_COLUMNS:
        conn.execute(f"ALTER TABLE images ADD COLUMN {column}")


def _version_2_to_3(conn: sqlite3.Connection) -> None:
    """Named article properties; an existing article has none."""
    conn.execute(_V3_PROPERTIES)


def _version_3_to_4(conn: sqlite3.Connection) -> None:
    """Automatic revisions and opinion labels: existing revisions are manual, labels default."""
    conn.execute("ALTER TABLE revisions ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE sections ADD COLUMN label TEXT NOT NULL DEFAULT ''")


# MIGRATIONS[n] lifts a file from schema version n to n + 1.
Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: dict[int, Migration] = {1: _version_1_to_2, 2: _version_2_to_3, 3: _version_3_to_4}


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Bring the database behind `conn` from `from_version` up to SCHEMA_VERSION.

    Runs every step in one transaction (BEGIN IMMEDIATE ... COMMIT) and sets `user_version` at the
    end, so a failure leaves the file at its old version. `conn` must be in autocommit mode
    (isolation_level=None). Raises ProjectDamagedError for a version no Newsdesk ever wrote.
    """
    if from_version == SCHEMA_VERSION:
        return
    if from_version < 1 or from_version > SCHEMA_VERSION:
        raise ProjectDamagedError(
            f"unknown project file version {from_version}",
            code="project.unknown_version",
            version=from_version,
        )
    missing = [v for v in range(from_version, SCHEMA_VERSION) if v not in MIGRATIONS]
    if missing:
        raise ProjectDamagedError(
            f"no migration from project file version {missing[0]}",
            code="project.no_migration",
            version=missing[0],
        )
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(from_version, SCHEMA_VERSION):
            MIGRATIONS[version](conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
