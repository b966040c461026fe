"""Writing fails (disk full, busy file, I/O error): SaveError, and the file is exactly as before.

We run as root, so permission bits cannot make writing fail; failures are injected instead: a page
limit that makes SQLite itself report a full disk, a reader that keeps the file busy, and errors
raised from inside the transaction.
"""

from __future__ import annotations

import sqlite3

import pytest

from newsdesk.errors import ProjectError, SaveError
from newsdesk.model.article import Image, Section
from newsdesk.store import create_project, open_project
from newsdesk.store import files as files_module
from newsdesk.store import project as project_module
from tests.store.conftest import file_state, folder_listing, make_photo


def _grow(article) -> None:
    article.sections.append(Section(heading="Long", markdown="word " * 20_000))
    article.images.append(Image(role="inline", data=make_photo((9, 9, 9), (400, 300)) * 5))


def test_full_disk_rolls_back(project_file, article):
    with open_project(project_file) as project:
        before = file_state(project_file)
        pages = project._conn.execute("PRAGMA page_count").fetchone()[0]
        project._conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite: "disk is full"
        edited = project.load()
        edited.headline = "This edit must not half-arrive"
        _grow(edited)
        with pytest.raises(SaveError, match=r"could not save ferry\.newsdesk: the disk is full"):
            project.save(edited)
        assert file_state(project_file)[0] == before[0]
        assert not project.changed_on_disk()
        project._conn.execute("PRAGMA max_page_count = 1073741823")
        project.save(edited)  # space again: the same save now goes through completely
    with open_project(project_file) as project:
        assert project.load() == edited


def test_failure_in_the_middle_of_a_save_rolls_back(project_file, article, monkeypatch):
    def broken_disk(conn, blobs):
        conn.execute("UPDATE article SET headline = 'half written'")
        raise OSError(28, "No space left on device")

    with open_project(project_file) as project:
        before = file_state(project_file)[0]
        edited = project.load()
        edited.sections[0].markdown = "Changed text that must not half-arrive."
        edited.images[0].data = make_photo((1, 1, 1))
        with monkeypatch.context() as patch:
            patch.setattr(project_module, "add_blobs", broken_disk)
            with pytest.raises(SaveError, match="the disk is full; the file is unchanged"):
                project.save(edited)
        assert file_state(project_file)[0] == before
        with open_project(project_file, read_only=True) as other:
            assert other.load() == article
        project.save(edited)  # the failed save did not make us forget what is on disk
    with open_project(project_file) as project:
        assert project.load() == edited


def test_busy_file_refuses_save_and_rolls_back(project_file, article):
    with open_project(project_file) as project:
        project._conn.execute("PRAGMA busy_timeout = 100")
        before = file_state(project_file)[0]
        reader = sqlite3.connect(project_file, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM sections").fetchone()  # holds a shared lock
        try:
            article.headline = "Blocked"
            with pytest.raises(SaveError, match="another program is using the file"):
                project.save(article)
            assert file_state(project_file)[0] == before
        finally:
            reader.execute("COMMIT")
            reader.close()
        project.save(article)
    with open_project(project_file) as project:
        assert project.load().headline == "Blocked"


def failing_fsync(path):
    raise OSError(5, "Input/output error")


def test_failed_create_leaves_nothing_behind(tmp_path, article, monkeypatch):
    monkeypatch.setattr(files_module, "fsync_file", failing_fsync)
    with pytest.raises(SaveError, match=r"could not create new\.newsdesk: Input/output error"):
        create_project(tmp_path / "new.newsdesk", article)
    assert folder_listing(tmp_path) == []


def test_failed_save_as_keeps_the_original_open(project_file, article, monkeypatch):
    with open_project(project_file) as project:
        with monkeypatch.context() as patch:
            patch.setattr(files_module, "fsync_file", failing_fsync)
            with pytest.raises(SaveError, match=r"could not write copy\.newsdesk"):
                project.save_as(project_file.with_name("copy.newsdesk"))
        assert folder_listing(project_file.parent) == ["ferry.newsdesk"]
        article.headline = "Still working"
        project.save(article)
        assert project.load() == article


def test_unwritable_file_is_refused_for_writing_but_opens_read_only(project_file, monkeypatch):
    # As root every file is writable, so the permission answer is injected.
    monkeypatch.setattr(files_module.os, "access", lambda path, mode: False)
    state = file_state(project_file)
    with pytest.raises(ProjectError, match=r"ferry\.newsdesk cannot be written here"):
        open_project(project_file)
    with open_project(project_file, read_only=True) as project:
        assert project.load().headline
    assert file_state(project_file) == state
