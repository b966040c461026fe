"""Write tests/store/fixtures/schema-v<N>.newsdesk: project files exactly as each schema version has
them (version 1: `write_v1`, version 2: `write_v2`, version 3: `write_v3`, version 4: `write_v4`).

Run from the repository root:  python tests/store/make_fixtures.py [--force]

The SQL here is frozen on purpose: it does not import newsdesk.store, so each fixture stays a file
of its version after the store moves on. When a new schema version is written, add a new writer
function and fixture here and keep the old ones unchanged (novelWriter keeps one test file per old
format the same way). The articles are built with the model so that the tests can compare what
they load with `fixture_article()` / `fixture_article_v2()`. Without --force only missing fixtures
are written.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
import sys
import zlib
from pathlib import Path

from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section

FIXTURES = Path(__file__).resolve().parent / "fixtures"
V1_FILE = FIXTURES / "schema-v1.newsdesk"
V2_FILE = FIXTURES / "schema-v2.newsdesk"
V3_FILE = FIXTURES / "schema-v3.newsdesk"
V4_FILE = FIXTURES / "schema-v4.newsdesk"

# A 1x1 PNG, spelled out so that the fixture does not depend on an encoder's version.
PHOTO = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)

V1_TABLES = (
    "CREATE TABLE article (id INTEGER PRIMARY KEY CHECK (id = 1), headline TEXT NOT NULL,"
    " subheadline TEXT NOT NULL, kicker TEXT NOT NULL, byline TEXT NOT NULL,"
    " dateline TEXT NOT NULL, language TEXT NOT NULL, published TEXT NOT NULL,"
    " slug TEXT NOT NULL, description TEXT NOT NULL, tags TEXT NOT NULL,"
    " related_heading TEXT NOT NULL)",
    "CREATE TABLE sections (id TEXT PRIMARY KEY, parent_id TEXT, position INTEGER NOT NULL,"
    " heading TEXT NOT NULL, kind TEXT NOT NULL, markdown TEXT NOT NULL)",
    "CREATE TABLE blobs (digest TEXT PRIMARY KEY, bytes BLOB NOT NULL)",
    "CREATE TABLE images (id TEXT PRIMARY KEY, position INTEGER NOT NULL, role TEXT NOT NULL,"
    " digest TEXT REFERENCES blobs (digest), filename TEXT NOT NULL, width INTEGER NOT NULL,"
    " height INTEGER NOT NULL, caption TEXT NOT NULL, alt TEXT NOT NULL, credit TEXT NOT NULL,"
    " copyright TEXT NOT NULL, symbolic INTEGER NOT NULL, disclaimer TEXT NOT NULL)",
    "CREATE TABLE related_links (position INTEGER PRIMARY KEY, title TEXT NOT NULL,"
    " url TEXT NOT NULL)",
    "CREATE TABLE revisions (id INTEGER PRIMARY KEY, created TEXT NOT NULL,"
    " label TEXT NOT NULL, words INTEGER NOT NULL, snapshot BLOB NOT NULL)",
    "CREATE TABLE revision_blobs (revision_id INTEGER NOT NULL REFERENCES revisions (id),"
    " digest TEXT NOT NULL, PRIMARY KEY (revision_id, digest)) WITHOUT ROWID",
    "CREATE TABLE derived (key TEXT PRIMARY KEY, bytes BLOB NOT NULL)",
)

# Version 2: `images` gains rotation, crop and the focal point, as the last columns.
V2_TABLES = tuple(
    statement.replace(
        " disclaimer TEXT NOT NULL)",
        " disclaimer TEXT NOT NULL, rotation INTEGER NOT NULL DEFAULT 0,"
        " crop TEXT NOT NULL DEFAULT '', focal_x REAL NOT NULL DEFAULT 0.5,"
        " focal_y REAL NOT NULL DEFAULT 0.5)",
    )
    for statement in V1_TABLES
)
V2_IMAGE_FIELDS = ("rotation", "crop", "focal_x", "focal_y")

# Version 3: named article properties in a table of their own.
V3_TABLES = (*V2_TABLES, "CREATE TABLE properties (key TEXT PRIMARY KEY, value TEXT NOT NULL)")

# Version 4: automatic revisions and a section's opinion label, appended as ALTER TABLE does.
V4_COLUMNS = (
    "ALTER TABLE revisions ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE sections ADD COLUMN label TEXT NOT NULL DEFAULT ''",
)


def fixture_article() -> Article:
    """The article stored in the version-1 fixture (our own text, German)."""
    return Article(
        headline="Brückenfest am Altmain",
        subheadline="Die Stadt feiert die sanierte Fußgängerbrücke",
        kicker="Stadtleben",
        byline="Lena Oberhauser",
        dateline="Ochsenfurt",
        language="de",
        published="2025-06-21",
        slug="brueckenfest-altmain",
        description="Nach zwei Jahren Bauzeit ist die Brücke wieder offen.",
        tags=["Stadt", "Brücke"],
        sections=[
            Section(
                id="s-lead",
                markdown="Am Samstag wurde die Brücke mit Musik und *Kuchen* eröffnet.",
            ),
            Section(
                id="s-bau",
                heading="Zwei Jahre Bauzeit",
                markdown="Die Pfeiler mussten erneuert werden.",
                children=[
                    Section(id="s-kosten", heading="Kosten", kind="box", markdown="1,4 Mio. Euro"),
                ],
            ),
            Section(
                id="s-meinung",
                heading="Kommentar: Gut investiert",
                kind="opinion",
                markdown="Eine Brücke verbindet mehr als zwei Ufer.",
            ),
        ],
        images=[
            Image(
                id="i-lead",
                role="lead",
                data=PHOTO,
                filename="bruecke.png",
                width=1,
                height=1,
                caption="Die Brücke am Eröffnungstag",
                alt="Menschen gehen über eine schmale Stahlbrücke",
                credit="Tobias Ranft",
                copyright="© Tobias Ranft",
                symbolic=True,
                disclaimer="Symbolbild",
            ),
            Image(id="i-karte", role="inline", caption="Lageplan"),
        ],
        related=RelatedLinks(
            heading="Mehr zum Thema",
            links=[
                RelatedLink("Festprogramm", "https://example.org/fest"),
                RelatedLink("Leserbriefe"),
            ],
        ),
    )


def fixture_article_v2() -> Article:
    """The article stored in the version-2 fixture: the same, with photos turned and cropped."""
    article = fixture_article()
    lead, inline = article.images
    lead.rotation, lead.crop, lead.focal_x, lead.focal_y = 90, "4:3", 0.25, 0.75
    inline.crop, inline.focal_y = "1:1", 0.0
    return article


def fixture_article_v3() -> Article:
    """The article stored in the version-3 fixture: version 2's, with a chosen publication and a
    property a later feature might have written."""
    article = fixture_article_v2()
    article.properties = {"publication": "Mainpost Süd", "later.feature": '{"kept": true}'}
    return article


def fixture_article_v4() -> Article:
    """The article stored in the version-4 fixture: version 3's, its commentary labelled
    "Kommentar" with the rest of the heading kept."""
    article = fixture_article_v3()
    opinion = article.sections[2]
    opinion.heading, opinion.label = "Gut investiert", "Kommentar"
    return article


def _snapshot_v1(
    article: Article, digests: list[str | None], image_extras: tuple[str, ...] = ()
) -> bytes:
    """A revision snapshot in the shape of version 1 (the `info --json` dict + image digests);
    version 2 adds `image_extras` (rotation, crop, focal point) to each image."""

    def section(s: Section) -> dict:
        return {
            "id": s.id,
            "heading": s.heading,
            "kind": s.kind,
            "markdown": s.markdown,
            "words": 0,
            "children": [section(c) for c in s.children],
        }

    fields = ("headline", "subheadline", "kicker", "byline", "dateline", "language")
    fields += ("published", "slug", "description")
    data = {"format_version": 1, **{name: getattr(article, name) for name in fields}}
    data["tags"] = article.tags
    data["sections"] = [section(s) for s in article.sections]
    image_fields = ("id", "role", "filename", "width", "height", "caption", "alt", "credit")
    image_fields += ("copyright", "symbolic", "disclaimer", *image_extras)
    data["images"] = [{k: getattr(i, k) for k in image_fields} for i in article.images]
    data["related"] = {
        "heading": article.related.heading,
        "links": [{"title": link.title, "url": link.url} for link in article.related.links],
    }
    data["stats"] = {"words": 0, "characters": 0}
    document = {"article": data, "image_digests": digests}
    return zlib.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"))


def write_v1(path: Path) -> None:
    _write(path, 1, V1_TABLES, fixture_article(), ())


def write_v2(path: Path) -> None:
    _write(path, 2, V2_TABLES, fixture_article_v2(), V2_IMAGE_FIELDS)


def write_v3(path: Path) -> None:
    article = fixture_article_v3()
    _write(path, 3, V3_TABLES, article, V2_IMAGE_FIELDS)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.executemany("INSERT INTO properties VALUES (?, ?)", list(article.properties.items()))
    conn.close()


def _write(
    path: Path, version: int, tables: tuple[str, ...], article: Article, extras: tuple[str, ...]
) -> None:
    """One fixture file; `extras` are the image columns after `disclaimer` this version has."""
    digest = hashlib.sha256(PHOTO).hexdigest()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("BEGIN")
    for statement in tables:
        conn.execute(statement)
    conn.execute("PRAGMA application_id = 1313100619")  # 0x4E44534B, "NDSK"
    conn.execute(f"PRAGMA user_version = {version}")
    texts = [getattr(article, name) for name in ("headline", "subheadline", "kicker", "byline")]
    texts += [getattr(article, name) for name in ("dateline", "language", "published", "slug")]
    texts += [article.description, json.dumps(article.tags, ensure_ascii=False)]
    conn.execute(
        "INSERT INTO article VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*texts, article.related.heading),
    )

    def add(sections: list[Section], parent: str | None) -> None:
        for position, s in enumerate(sections):
            conn.execute(
                "INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?)",
                (s.id, parent, position, s.heading, s.kind, s.markdown),
            )
            add(s.children, s.id)

    add(article.sections, None)
    conn.execute("INSERT INTO blobs VALUES (?, ?)", (digest, PHOTO))
    for position, i in enumerate(article.images):
        conn.execute(
            f"INSERT INTO images VALUES ({', '.join('?' * (13 + len(extras)))})",
            (
                i.id,
                position,
                i.role,
                digest if i.data else None,
                i.filename,
                i.width,
                i.height,
                i.caption,
                i.alt,
                i.credit,
                i.copyright,
                int(i.symbolic),
                i.disclaimer,
                *(getattr(i, name) for name in extras),
            ),
        )
    for position, link in enumerate(article.related.links):
        conn.execute("INSERT INTO related_links VALUES (?, ?, ?)", (position, link.title, link.url))
    snapshot = _snapshot_v1(article, [digest, None], extras)
    conn.execute(
        "INSERT INTO revisions VALUES (1, '2025-06-21T08:00:00.000Z', 'Erste Fassung', 42, ?)",
        (snapshot,),
    )
    conn.execute("INSERT INTO revision_blobs VALUES (1, ?)", (digest,))
    conn.execute("INSERT INTO derived VALUES (?, ?)", (f"{digest}:1.png", PHOTO))
    conn.execute("COMMIT")
    conn.close()


def write_v4(path: Path) -> None:
    """Version 3's tables with the version-4 columns; the commentary's label; and an automatic
    revision (recorded before a deletion) whose snapshot carries the section labels."""
    article = fixture_article_v4()
    _write(path, 4, V3_TABLES, article, V2_IMAGE_FIELDS)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    for statement in V4_COLUMNS:
        conn.execute(statement)
    conn.executemany("INSERT INTO properties VALUES (?, ?)", list(article.properties.items()))
    conn.execute("UPDATE sections SET label = 'Kommentar' WHERE id = 's-meinung'")
    digest = hashlib.sha256(PHOTO).hexdigest()
    document = json.loads(zlib.decompress(_snapshot_v1(article, [digest, None], V2_IMAGE_FIELDS)))
    for section in document["article"]["sections"]:
        section["label"] = "Kommentar" if section["id"] == "s-meinung" else ""
    snapshot = zlib.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"))
    conn.execute(
        "INSERT INTO revisions VALUES (2, '2025-06-21T09:10:00.000Z',"
        " 'Vor dem Löschen eines Abschnitts', 42, ?, 1)",
        (snapshot,),
    )
    conn.execute("INSERT INTO revision_blobs VALUES (2, ?)", (digest,))
    conn.close()


def main(argv: list[str]) -> int:
    FIXTURES.mkdir(exist_ok=True)
    writers = ((V1_FILE, write_v1), (V2_FILE, write_v2), (V3_FILE, write_v3), (V4_FILE, write_v4))
    for path, writer in writers:
        if path.exists() and "--force" not in argv:
            print(f"{path} exists; old fixtures are never rewritten (use --force to do it anyway)")
            continue
        path.unlink(missing_ok=True)
        writer(path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
