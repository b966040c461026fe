"""Injected I/O faults during save, Save As, create and export (beyond what
tests/store/test_save_errors.py and tests/formats/test_html_export_files.py inject).

We run as root, so permissions cannot make a write fail: EACCES, EROFS, ENOSPC, EIO and SQLite's
own "disk is full" are raised at the layer that would raise them (the statements of a save, the
copy's connection, fsync, os.link, os.replace, the temporary export file). After every failure:
the existing file is byte-identical, no temporary file is left in the folder, the error is a
typed NewsdeskError with one line of text, and the Article in memory is unchanged and can still be
saved elsewhere (each test does so).
"""

from __future__ import annotations

import errno
import os
import sqlite3

import pytest

from newsdesk.errors import ExportError, SaveError
from newsdesk.formats.html_export import export_html
from newsdesk.store import create_project, open_project
from newsdesk.store import files as files_module
from newsdesk.store import project as project_module
from newsdesk.store import writing as writing_module
from tests.reliability.faults import Kept, check_refusal, snapshot_folder
from tests.store.conftest import english_article, make_photo

FAULTS = {
    "disk full (ENOSPC)": OSError(errno.ENOSPC, "No space left on device"),
    "SQLite disk full": sqlite3.OperationalError("database or disk is full"),
    "permission revoked (EACCES)": PermissionError(errno.EACCES, "Permission denied"),
    "read-only disk (EROFS)": OSError(errno.EROFS, "Read-only file system"),
    "I/O error (EIO)": OSError(errno.EIO, "Input/output error"),
}


def _raiser(exc: BaseException):
    def fail(*_args, **_kwargs):
        raise exc

    return fail


@pytest.fixture
def story(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    path = folder / "story.newsdesk"
    create_project(path, english_article()).close()
    return path


def _save_elsewhere_and_compare(kept: Kept, path) -> None:
    create_project(path, kept.article).close()
    with open_project(path, read_only=True) as project:
        assert project.load() == kept.before


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
def test_fault_in_the_middle_of_a_save(story, tmp_path, monkeypatch, fault):
    real_write_rows = writing_module.write_rows

    def write_then_fail(conn, new, old):
        real_write_rows(conn, new, old)  # the rows are written inside the transaction, then
        raise fault

    with open_project(story) as project:
        article = project.load()
        article.sections[0].markdown = "Edited text that must not half-arrive."
        article.images[0].data = make_photo((10, 200, 10), (320, 240))
        kept = Kept(article)
        before = snapshot_folder(story.parent)
        monkeypatch.setattr(project_module, "write_rows", write_then_fail)
        with pytest.raises(SaveError) as caught:
            project.save(article, revision_label="before the fault")
        message = check_refusal(caught, SaveError)
        assert message.startswith("could not save story.newsdesk: ")
        assert message.endswith("; the file is unchanged")
        monkeypatch.undo()
        assert snapshot_folder(story.parent) == before  # no journal, no temp file
        assert kept.unchanged()
        assert project.revisions() == []
    _save_elsewhere_and_compare(kept, tmp_path / "elsewhere.newsdesk")


SAVE_AS_FAULTS = {
    "folder not writable": ("sqlite3.connect", sqlite3.OperationalError("unable to open database")),
    "disk full on fsync": ("fsync_file", OSError(errno.ENOSPC, "No space left on device")),
    "rename refused (EACCES)": ("os.replace", PermissionError(errno.EACCES, "Permission denied")),
    "rename on read-only disk": ("os.replace", OSError(errno.EROFS, "Read-only file system")),
}


def _patch(monkeypatch, where: str, fault: BaseException) -> None:
    if where == "sqlite3.connect":
        real_connect = sqlite3.connect

        def connect(target, *args, **kwargs):
            if str(target).endswith(".tmp"):
                raise fault
            return real_connect(target, *args, **kwargs)

        monkeypatch.setattr(project_module.sqlite3, "connect", connect)
    elif where == "fsync_file":
        monkeypatch.setattr(files_module, "fsync_file", _raiser(fault))
    else:
        monkeypatch.setattr(project_module.os, where.split(".")[1], _raiser(fault))


@pytest.mark.parametrize("existing", [False, True], ids=["new name", "over an existing file"])
@pytest.mark.parametrize("where, fault", SAVE_AS_FAULTS.values(), ids=SAVE_AS_FAULTS.keys())
def test_failed_save_as_leaves_both_files_and_the_project_open(
    story, tmp_path, monkeypatch, where, fault, existing
):
    target = story.with_name("copy.newsdesk")
    if existing:
        target.write_bytes(b"the user's other file")
    with open_project(story) as project:
        article = project.load()
        article.headline = "Saved under a new name, or not at all"
        project.save(article)
        kept = Kept(article)
        before = snapshot_folder(story.parent)
        _patch(monkeypatch, where, fault)
        with pytest.raises(SaveError) as caught:
            project.save_as(target)
        assert check_refusal(caught, SaveError).startswith("could not write copy.newsdesk: ")
        monkeypatch.undo()
        assert snapshot_folder(story.parent) == before
        assert not project.closed and kept.unchanged()
        project.save(article)  # the original is still ours to save
        with project.save_as(tmp_path / "second-try.newsdesk") as copy:
            assert copy.load() == kept.before


def test_create_when_link_and_rename_both_fail(tmp_path, monkeypatch):
    folder = tmp_path / "desk"
    folder.mkdir()
    kept = Kept(english_article())
    monkeypatch.setattr(files_module.os, "link", _raiser(OSError(errno.EPERM, "No hard links")))
    monkeypatch.setattr(files_module.os, "replace", _raiser(OSError(errno.ENOSPC, "No space")))
    with pytest.raises(SaveError) as caught:
        create_project(folder / "new.newsdesk", kept.article)
    assert check_refusal(caught, SaveError) == "could not create new.newsdesk: the disk is full"
    monkeypatch.undo()
    assert snapshot_folder(folder) == {}
    assert kept.unchanged()
    _save_elsewhere_and_compare(kept, folder / "new.newsdesk")


def test_create_without_hard_links_falls_back_to_rename(tmp_path, monkeypatch):
    monkeypatch.setattr(files_module.os, "link", _raiser(OSError(errno.EPERM, "No hard links")))
    article = english_article()
    with create_project(tmp_path / "new.newsdesk", article) as project:
        assert project.load() == article
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.newsdesk"]


def test_create_with_sqlite_disk_full_names_the_file_not_the_temp(tmp_path, monkeypatch):
    kept = Kept(english_article())
    monkeypatch.setattr(
        project_module, "add_blobs", _raiser(sqlite3.OperationalError("database or disk is full"))
    )
    with pytest.raises(SaveError) as caught:
        create_project(tmp_path / "new.newsdesk", kept.article)
    message = check_refusal(caught, SaveError)
    assert "new.newsdesk" in message and ".tmp" not in message
    monkeypatch.undo()
    assert snapshot_folder(tmp_path) == {} and kept.unchanged()
    _save_elsewhere_and_compare(kept, tmp_path / "new.newsdesk")


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
def test_create_over_an_existing_file_keeps_it_when_the_rename_fails(
    story, monkeypatch, fault, tmp_path
):
    kept = Kept(english_article())
    kept.article.headline = "Replacement that never arrives"
    kept.before.headline = kept.article.headline
    before = snapshot_folder(story.parent)
    monkeypatch.setattr(files_module.os, "replace", _raiser(fault))
    with pytest.raises(SaveError) as caught:
        create_project(story, kept.article, overwrite=True)
    assert check_refusal(caught, SaveError).startswith("could not create story.newsdesk: ")
    monkeypatch.undo()
    assert snapshot_folder(story.parent) == before and kept.unchanged()
    _save_elsewhere_and_compare(kept, tmp_path / "elsewhere.newsdesk")


EXPORT_FAULTS = {
    "read-only disk at the temp file": ("open", errno.EROFS, "read-only disk"),
    "disk full while writing": ("fdopen", errno.ENOSPC, "disk is full"),
    "rename refused": ("replace", errno.EACCES, "no permission to write"),
    "I/O error on fsync": ("fsync", errno.EIO, "could not be written"),
}


@pytest.mark.parametrize("assets", ["embed", "folder"])
@pytest.mark.parametrize("where, code, words", EXPORT_FAULTS.values(), ids=EXPORT_FAULTS.keys())
def test_failed_export_keeps_the_old_page_and_the_article(
    tmp_path, monkeypatch, where, code, words, assets
):
    folder = tmp_path / "web"
    folder.mkdir()
    out = folder / "story.html"
    out.write_text("<p>the page as published yesterday</p>", encoding="utf-8")
    kept = Kept(english_article())
    before = snapshot_folder(folder)
    fault = OSError(code, os.strerror(code))
    target = f"os.{where}"
    monkeypatch.setattr(target, _raiser(fault))
    with pytest.raises(ExportError) as caught:
        export_html(kept.article, out, assets=assets)
    assert words in check_refusal(caught, ExportError)
    monkeypatch.undo()
    assert snapshot_folder(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == ["story.html"]
    assert kept.unchanged()
    result = export_html(kept.article, tmp_path / "elsewhere.html", assets=assets)
    assert result.page.path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
