"""Every schema version ever written opens; older versions are migrated, in one transaction.

Versions 1 and 2 have fixtures. Beyond the real steps 1 -> 2 -> 3, the migration machinery is
exercised with a pretend next version whose step we patch in.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from newsdesk.errors import ProjectDamagedError
from newsdesk.store import open_project, schema
from tests.store.conftest import file_state, folder_listing
from tests.store.make_fixtures import (
    PHOTO,
    V1_FILE,
    V2_FILE,
    fixture_article,
    fixture_article_v2,
)


@pytest.fixture
def v1_copy(tmp_path):
    """A copy of the committed version-1 fixture (the fixture itself is never written)."""
    path = tmp_path / "bruecke.newsdesk"
    shutil.copyfile(V1_FILE, path)
    return path


def _user_version(path) -> int:
    return int.from_bytes(path.read_bytes()[60:64], "big")


def test_fixture_is_schema_version_1():
    header = V1_FILE.read_bytes()[:100]
    assert int.from_bytes(header[60:64], "big") == 1
    assert int.from_bytes(header[68:72], "big") == schema.APPLICATION_ID


@pytest.mark.parametrize("read_only", [True, False])
def test_version_1_fixture_opens(v1_copy, read_only):
    with open_project(v1_copy, read_only=read_only) as project:
        article = project.load()
        assert article == fixture_article()
        assert article.headline == "Brückenfest am Altmain"
        assert [s.id for s in article.walk_sections()] == [
            "s-lead",
            "s-bau",
            "s-kosten",
            "s-meinung",
        ]
        assert article.images[0].data == PHOTO
        [revision] = project.revisions()
        assert (revision.label, revision.words) == ("Erste Fassung", 42)
        assert project.load_revision(revision.id) == fixture_article()
        assert project.derived_get(f"{article.images[0].digest}:1.png") == PHOTO


def test_version_1_fixture_can_be_edited(v1_copy):
    with open_project(v1_copy) as project:
        article = project.load()
        article.sections[0].markdown += " Es regnete nicht."
        project.save(article, revision_label="Zweite Fassung")
    with open_project(v1_copy) as project:
        assert project.load() == article
        assert len(project.revisions()) == 2


def _image_columns(path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return schema.table_columns(conn)["images"]
    finally:
        conn.close()


def test_fixture_is_schema_version_2():
    assert int.from_bytes(V2_FILE.read_bytes()[60:64], "big") == 2


@pytest.mark.parametrize("read_only", [True, False])
def test_version_2_fixture_opens_with_rotation_crop_and_focal_point(tmp_path, read_only):
    path = tmp_path / "bruecke2.newsdesk"
    shutil.copyfile(V2_FILE, path)
    with open_project(path, read_only=read_only) as project:
        article = project.load()
        assert article == fixture_article_v2()
        lead = article.images[0]
        assert (lead.rotation, lead.crop, lead.focal_x, lead.focal_y) == (90, "4:3", 0.25, 0.75)
        assert lead.data == PHOTO
        [revision] = project.revisions()
        assert project.load_revision(revision.id) == fixture_article_v2()


def test_version_1_to_2_adds_the_image_columns_with_defaults(v1_copy):
    assert "rotation" not in _image_columns(v1_copy)
    with open_project(v1_copy) as project:
        article = project.load()
    assert _user_version(v1_copy) == schema.SCHEMA_VERSION
    assert _image_columns(v1_copy) == schema.expected_columns()["images"]
    assert article == fixture_article()  # everything kept; the new fields are the defaults
    for image in article.images:
        assert (image.rotation, image.crop, image.focal_x, image.focal_y) == (0, "", 0.5, 0.5)


def test_migrated_file_keeps_its_revisions_and_stores_new_fields(v1_copy):
    with open_project(v1_copy) as project:
        article = project.load()
        article.images[0].rotation, article.images[0].crop = 270, "16:9"
        article.images[0].focal_x = 0.9
        project.save(article, revision_label="Gedreht")
    with open_project(v1_copy, read_only=True) as project:
        assert project.load() == article
        old, new = sorted(project.revisions(), key=lambda r: r.id)
        assert project.load_revision(old.id) == fixture_article()  # a version-1 snapshot
        assert project.load_revision(new.id) == article
        assert project.derived_get(f"{article.images[0].digest}:1.png") == PHOTO


# The pretend version after the newest real one.
NEXT = schema.SCHEMA_VERSION + 1


@pytest.fixture
def pretend_version_3(monkeypatch):
    """Make this Newsdesk write a pretend next version, whose step prefixes every kicker."""
    calls = []

    def to_version_3(conn: sqlite3.Connection) -> None:
        calls.append(conn)
        conn.execute("UPDATE article SET kicker = 'v3: ' || kicker")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    monkeypatch.setitem(schema.MIGRATIONS, NEXT - 1, to_version_3)
    return calls


def test_read_only_open_migrates_in_memory_only(v1_copy, pretend_version_3):
    state, listing = file_state(v1_copy), folder_listing(v1_copy.parent)
    with open_project(v1_copy, read_only=True) as project:
        article = project.load()
        assert article.kicker == "v3: Stadtleben"
        assert article.images[0].crop == ""  # step 1 -> 2 ran too
    assert pretend_version_3  # the step ran
    assert file_state(v1_copy) == state
    assert folder_listing(v1_copy.parent) == listing


def test_writable_open_migrates_the_file(v1_copy, pretend_version_3):
    with open_project(v1_copy) as project:
        assert project.load().kicker == "v3: Stadtleben"
    assert _user_version(v1_copy) == NEXT
    runs = len(pretend_version_3)  # the checked in-memory copy, then the file itself
    with open_project(v1_copy) as project:  # version 3 now: no second migration
        assert project.load().kicker == "v3: Stadtleben"
    assert len(pretend_version_3) == runs


def test_failing_migration_leaves_the_file_alone(v1_copy, monkeypatch):
    def broken_step(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE article SET kicker = 'half done'")
        conn.execute("SELECT no_such_column FROM article")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    monkeypatch.setitem(schema.MIGRATIONS, NEXT - 1, broken_step)
    state = file_state(v1_copy)
    with pytest.raises(ProjectDamagedError, match=r"bruecke\.newsdesk cannot be upgraded"):
        open_project(v1_copy)
    assert file_state(v1_copy) == state


def test_migrate_runs_steps_in_one_transaction(monkeypatch):
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for statement in schema.CREATE_STATEMENTS:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    order = []
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(schema.MIGRATIONS, 1, lambda c: order.append((1, c.in_transaction)))
    monkeypatch.setitem(schema.MIGRATIONS, 2, lambda c: order.append((2, c.in_transaction)))
    schema.migrate(conn, 1)
    assert order == [(1, True), (2, True)]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert not conn.in_transaction


def test_migrate_refuses_unknown_versions():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    with pytest.raises(ProjectDamagedError, match="unknown project file version 0"):
        schema.migrate(conn, 0)
    schema.migrate(conn, schema.SCHEMA_VERSION)  # nothing to do


def test_docstring_lists_every_version():
    for version in range(1, schema.SCHEMA_VERSION + 1):
        assert f"Version {version} " in schema.__doc__
