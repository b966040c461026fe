"""Another program changed, replaced or removed the file: notice it, never overwrite silently."""

from __future__ import annotations

import os
import sqlite3

import pytest

from newsdesk.errors import ProjectChangedOnDiskError
from newsdesk.model.article import Section
from newsdesk.store import create_project, open_project
from tests.store.conftest import file_state, german_article


def test_own_saves_are_not_changes(project_file, article):
    with open_project(project_file) as project:
        assert not project.changed_on_disk()
        project.load()
        article.headline = "Our own edit"
        project.save(article, revision_label="mine")
        project.derived_put("key", b"value")
        assert not project.changed_on_disk()
        project.save(article)


def test_change_in_place_is_refused_then_reloaded(project_file, article):
    with open_project(project_file) as project:
        with sqlite3.connect(project_file) as other:
            other.execute("UPDATE article SET headline = 'Edited elsewhere'")
        other.close()
        assert project.changed_on_disk()
        theirs = file_state(project_file)
        article.headline = "Edited here"
        with pytest.raises(ProjectChangedOnDiskError, match=r"ferry\.newsdesk was changed"):
            project.save(article)
        assert file_state(project_file) == theirs
        reloaded = project.load()
        assert reloaded.headline == "Edited elsewhere"
        assert not project.changed_on_disk()
        reloaded.kicker = "Merged by hand"
        project.save(reloaded)
    with open_project(project_file) as project:
        assert project.load() == reloaded


def test_second_project_on_same_file_notices_the_first(project_file, article):
    first = open_project(project_file)
    second = open_project(project_file)
    try:
        article.headline = "First writer"
        first.save(article)
        assert second.changed_on_disk()
        with pytest.raises(ProjectChangedOnDiskError):
            second.save(german_article())
        assert second.load().headline == "First writer"
    finally:
        first.close()
        second.close()


def test_forced_save_over_change_in_place_writes_everything(project_file, article):
    with open_project(project_file) as project:
        with sqlite3.connect(project_file) as other:
            other.execute(
                "INSERT INTO sections (id, parent_id, position, heading, kind, markdown) "
                "VALUES ('theirs', NULL, 9, 'Added elsewhere', 'body', 'Their text')"
            )
            other.execute("UPDATE article SET headline = 'Their headline'")
        other.close()
        project.save(article, force=True)
        assert not project.changed_on_disk()
    with open_project(project_file) as project:
        assert project.load() == article


def test_touched_file_counts_as_changed(project_file):
    with open_project(project_file) as project:
        info = project_file.stat()
        os.utime(project_file, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))
        assert project.changed_on_disk()


def test_replaced_file_is_noticed_and_forced_save_writes_to_the_path(tmp_path, article):
    path = tmp_path / "ferry.newsdesk"
    project = create_project(path, article)
    try:
        project.save(article, revision_label="ours")
        replacement = german_article()
        create_project(tmp_path / "other.newsdesk", replacement).close()
        os.replace(tmp_path / "other.newsdesk", path)  # what a sync tool does
        assert project.changed_on_disk()
        article.headline = "We insist"
        with pytest.raises(ProjectChangedOnDiskError):
            project.save(article)
        with open_project(path) as check:
            assert check.load() == replacement
        project.save(article, force=True)
        assert not project.changed_on_disk()
        article.byline = "and keep saving"
        project.save(article)
    finally:
        project.close()
    with open_project(path) as check:
        assert check.load() == article
        assert [r.label for r in check.revisions()] == ["ours"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ferry.newsdesk"]


def test_replaced_file_is_read_afresh_by_load(tmp_path, article):
    path = tmp_path / "ferry.newsdesk"
    with create_project(path, article) as project:
        replacement = german_article()
        create_project(tmp_path / "other.newsdesk", replacement).close()
        os.replace(tmp_path / "other.newsdesk", path)
        assert project.load() == replacement
        assert not project.changed_on_disk()
        replacement.sections.append(Section(heading="Now ours", markdown="Saved to the new file."))
        project.save(replacement)
    with open_project(path) as check:
        assert check.load() == replacement


def test_deleted_file_is_noticed_and_forced_save_recreates_it(project_file, article):
    with open_project(project_file) as project:
        project_file.unlink()
        assert project.changed_on_disk()
        with pytest.raises(ProjectChangedOnDiskError):
            project.save(article)
        assert not project_file.exists()
        project.save(article, force=True)
    with open_project(project_file) as check:
        assert check.load() == article
