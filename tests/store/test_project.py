"""Saving and loading articles, image deduplication, revisions, copies and the derived cache."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import pytest

from newsdesk.errors import ProjectError, SaveError
from newsdesk.model.article import Article, Image, RelatedLink, Section
from newsdesk.model.counts import article_counts
from newsdesk.store import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    Project,
    RevisionInfo,
    create_project,
    open_project,
)
from tests.store.conftest import german_article, make_photo


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_full_article_round_trip(tmp_path, article):
    path = tmp_path / "ferry.newsdesk"
    with create_project(path, article) as project:
        assert isinstance(project, Project)
        assert project.path == path
        assert not project.read_only
    with open_project(path) as project:
        loaded = project.load()
    assert loaded == article
    # Spot checks that equality really covered the nested parts.
    assert loaded.sections[1].children[1].children[0].heading == "Footnote"
    assert loaded.sections[1].children[0].kind == "box"
    assert loaded.images[0].data == article.images[0].data
    assert loaded.images[0].symbolic is True
    assert loaded.images[1].data is None
    assert [link.url for link in loaded.related.links] == ["https://example.org/t", ""]


def test_header_carries_application_id_and_version(project_file):
    header = project_file.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID == 0x4E44534B
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION == 4


def test_single_file_without_sidecars(tmp_path, article):
    path = tmp_path / "ferry.newsdesk"
    with create_project(path, article) as project:
        article.headline = "Changed"
        project.save(article, revision_label="one")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["ferry.newsdesk"]
        mode = project._conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "delete"
        assert project._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_german_article_round_trip(tmp_path):
    article = german_article()
    path = tmp_path / "buecherei.newsdesk"
    create_project(path, article).close()
    with open_project(path) as project:
        assert project.load() == article


def test_edits_are_saved_and_only_changed_rows_written(project_file, article):
    with open_project(project_file) as project:
        current = project.load()
        current.sections[0].markdown += " Passengers clapped."
        current.sections.insert(1, Section(heading="New part", markdown="Fresh text."))
        del current.sections[2].children[0]
        current.images.reverse()
        current.related.links.append(RelatedLink("Third link", "https://example.org/3"))
        current.tags.remove("harbour")
        statements: list[str] = []
        project._conn.set_trace_callback(statements.append)
        project.save(current)
        project._conn.set_trace_callback(None)
    with open_project(project_file) as project:
        assert project.load() == current
    sections_written = [s for s in statements if "INTO sections" in s or "FROM sections" in s]
    # New section, changed lead, moved siblings (positions), and one deletion; never all nine.
    assert 0 < len(sections_written) < 8


def test_one_word_change_writes_one_row(project_file):
    with open_project(project_file) as project:
        current = project.load()
        current.sections[1].children[1].markdown = "The county paid."
        statements: list[str] = []
        project._conn.set_trace_callback(statements.append)
        project.save(current)
        project._conn.set_trace_callback(None)
    writes = [s for s in statements if s.split()[0] in ("INSERT", "UPDATE", "DELETE")]
    # Besides the article's last change (model/last_change.py), written with it.
    writes = [s for s in writes if "'modified'" not in s]
    assert len(writes) == 1
    assert "sections" in writes[0]


def test_identical_image_bytes_are_stored_once(tmp_path):
    photo = make_photo((10, 90, 200))
    article = Article(
        headline="Twice the same photo",
        images=[
            Image(role="lead", data=photo, caption="first"),
            Image(role="inline", data=bytes(photo), caption="second"),
            Image(role="inline", data=make_photo((0, 0, 0)), caption="another"),
        ],
    )
    path = tmp_path / "dedup.newsdesk"
    create_project(path, article).close()
    assert _count(path, "blobs") == 2
    with open_project(path) as project:
        loaded = project.load()
        assert [i.data for i in loaded.images] == [i.data for i in article.images]
        # Dropping the photo that only one image used removes its bytes on save.
        del loaded.images[2]
        project.save(loaded)
    assert _count(path, "blobs") == 1


def test_blobs_referenced_by_revisions_are_kept(tmp_path, article):
    path = tmp_path / "keep.newsdesk"
    with create_project(path, article) as project:
        project.save(article, revision_label="with photo")
        old_photo = article.images[0].data
        article.images[0].data = make_photo((0, 200, 0))
        project.save(article)
        assert _count(path, "blobs") == 2  # the revision still needs the old photo
        revision = project.load_revision(project.revisions()[0].id)
    assert revision.images[0].data == old_photo


def test_revisions_are_listed_newest_first_and_load(tmp_path, article):
    path = tmp_path / "rev.newsdesk"
    with create_project(path, article) as project:
        assert project.revisions() == []
        first = copy.deepcopy(article)
        project.save(first, revision_label="First draft")
        article.sections[0].markdown = "Rewritten lead with more words than before, clearly."
        project.save(article)  # autosave: no revision
        project.save(article, revision_label="")
        revisions = project.revisions()
        assert [r.label for r in revisions] == ["", "First draft"]
        assert all(isinstance(r, RevisionInfo) for r in revisions)
        assert revisions[0].id > revisions[1].id
        assert revisions[0].created.endswith("Z") and "T" in revisions[0].created
        assert revisions[1].words == article_counts(first).words == 85
        assert revisions[0].words == article_counts(article).words
        restored = project.load_revision(revisions[1].id)
        assert restored == first
        # Restoring is saving that article again.
        project.save(restored, revision_label="Restored")
        loaded = project.load()
        assert loaded.properties.pop("modified")  # restoring changed the content: a change
        assert loaded == first
        with pytest.raises(ProjectError, match="no revision 999"):
            project.load_revision(999)


def test_save_as_copies_and_switches(tmp_path, article):
    path = tmp_path / "ferry.newsdesk"
    project = create_project(path, article)
    project.save(article, revision_label="before copy")
    copy_path = tmp_path / "sub" / "copy.newsdesk"
    copy_path.parent.mkdir()
    copied = project.save_as(copy_path)
    try:
        assert project.closed
        assert copied.path == copy_path and not copied.read_only
        assert copied.load() == article
        assert [r.label for r in copied.revisions()] == ["before copy"]
        article.headline = "Only in the copy"
        copied.save(article)
    finally:
        copied.close()
    with open_project(path) as original:
        assert original.load().headline != "Only in the copy"
    assert sorted(p.name for p in copy_path.parent.iterdir()) == ["copy.newsdesk"]


def test_save_as_from_read_only_gives_writable_copy(project_file, article):
    with open_project(project_file, read_only=True) as project:
        copied = project.save_as(project_file.with_name("mine.newsdesk"))
    german = german_article()
    with copied:
        assert not copied.read_only
        copied.save(german)
        assert copied.load() == german


def test_create_refuses_existing_file_unless_overwrite(project_file, article):
    before = project_file.read_bytes()
    with pytest.raises(SaveError, match=r"ferry\.newsdesk already exists"):
        create_project(project_file, german_article())
    assert project_file.read_bytes() == before
    german = german_article()
    create_project(project_file, german, overwrite=True).close()
    with open_project(project_file) as project:
        assert project.load() == german
    assert [p.name for p in project_file.parent.iterdir()] == ["ferry.newsdesk"]


def test_invalid_article_is_refused_before_writing(project_file, article):
    with open_project(project_file) as project:
        broken = project.load()
        broken.sections[0].kind = "poem"
        with pytest.raises(SaveError, match="unknown kind 'poem'"):
            project.save(broken)
        broken.sections[0].kind = "body"
        broken.sections[1].id = broken.sections[0].id
        with pytest.raises(SaveError, match="share the id"):
            project.save(broken)
        assert project.load() == article


def test_read_only_project_refuses_save(project_file, article):
    with open_project(project_file, read_only=True) as project:
        assert project.read_only
        with pytest.raises(SaveError, match="read-only"):
            project.save(article)


def test_closed_project_refuses_use(project_file):
    project = open_project(project_file)
    project.close()
    project.close()
    with pytest.raises(ProjectError, match="closed"):
        project.load()


def test_derived_cache(project_file, article):
    digest = article.images[0].digest
    key = f"{digest}:640.webp"
    with open_project(project_file) as project:
        assert project.derived_get(key) is None
        project.derived_put(key, b"small image")
        project.derived_put("other", b"kept")
        assert project.derived_get(key) == b"small image"
        assert not project.changed_on_disk()
    with open_project(project_file, read_only=True) as project:
        assert project.derived_get(key) == b"small image"
        project.derived_put("new", b"x")  # a cache: silently not written read-only
        assert project.derived_get("new") is None
    with open_project(project_file) as project:
        current = project.load()
        current.images[0].data = make_photo((1, 2, 3))
        project.save(current)  # the old photo is gone, so are its derived sizes
        assert project.derived_get(key) is None
        assert project.derived_get("other") == b"kept"
