"""Write tests/store/fixtures/schema-v1.newsdesk: a project file exactly as schema version 1 has it.

Run from the repository root:  python tests/store/make_fixtures.py [--force]

The SQL here is frozen on purpose: it does not import newsdesk.store, so the fixture stays a file
of version 1 after the store moves on to version 2, 3, ... When a new schema version is written,
add a new writer function and fixture here and keep this one unchanged (novelWriter keeps one test
file per old format the same way). The article is built with the model so that the test can
compare what it loads with `fixture_article()`.
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


def _snapshot_v1(article: Article, digests: list[str | None]) -> bytes:
    """A revision snapshot in the shape of version 1 (the `info --json` dict + image digests)."""

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
    image_fields += ("copyright", "symbolic", "disclaimer")
    data["images"] = [{k: getattr(i, k) for k in image_fields} for i in article.images]
    data["related"] = {
        "heading": article.related.heading,
        "links": [{"title": link.title, "url": link.url} for link in article.related.links],
    }
    data["stats"] = {"words": 0, "characters": 0}
    document = {"article": data, "image_digests": digests}
    return zlib.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"))


def write_v1(path: Path) -> None:
    article = fixture_article()
    digest = hashlib.sha256(PHOTO).hexdigest()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("BEGIN")
    for statement in V1_TABLES:
        conn.execute(statement)
    conn.execute("PRAGMA application_id = 1313100619")  # 0x4E44534B, "NDSK"
    conn.execute("PRAGMA user_version = 1")
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
            "INSERT INTO images VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            ),
        )
    for position, link in enumerate(article.related.links):
        conn.execute("INSERT INTO related_links VALUES (?, ?, ?)", (position, link.title, link.url))
    snapshot = _snapshot_v1(article, [digest, None])
    conn.execute(
        "INSERT INTO revisions VALUES (1, '2025-06-21T08:00:00.000Z', 'Erste Fassung', 42, ?)",
        (snapshot,),
    )
    conn.execute("INSERT INTO revision_blobs VALUES (1, ?)", (digest,))
    conn.execute("INSERT INTO derived VALUES (?, ?)", (f"{digest}:1.png", PHOTO))
    conn.execute("COMMIT")
    conn.close()


def main(argv: list[str]) -> int:
    FIXTURES.mkdir(exist_ok=True)
    if V1_FILE.exists() and "--force" not in argv:
        print(f"{V1_FILE} exists; old fixtures are never rewritten (use --force to do it anyway)")
        return 1
    V1_FILE.unlink(missing_ok=True)
    write_v1(V1_FILE)
    print(f"wrote {V1_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
