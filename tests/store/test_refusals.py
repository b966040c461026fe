"""Files we must refuse, each with its typed error and a message naming the file, never written to.

Also: opening read-only never writes, and a file left mid-save by a killed process is recovered
without touching it until it has been checked.
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image as PILImage

from newsdesk.errors import (
    NotAProjectError,
    PhotoUnavailableError,
    ProjectDamagedError,
    ProjectError,
    ProjectTooNewError,
)
from newsdesk.store import open_project
from tests.store.conftest import file_state, folder_listing

REPO = Path(__file__).resolve().parents[2]


def _assert_refused(path: Path, error: type[Exception], match: str, *, read_only: bool) -> None:
    state, listing = file_state(path), folder_listing(path.parent)
    with pytest.raises(error, match=match) as caught:
        open_project(path, read_only=read_only)
    assert path.name in str(caught.value)
    assert "\n" not in str(caught.value)
    assert file_state(path) == state, "a refused file was written to"
    assert folder_listing(path.parent) == listing, "refusing left files behind"


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), (0, 128, 255)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("read_only", [False, True])
@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"", "is empty"),
        (os.urandom(4096), "not an SQLite database"),
        (_png_bytes(), "not an SQLite database"),
        ("Überschrift\n\nEin Text, kein Projekt.\n".encode(), "not an SQLite database"),
    ],
    ids=["empty", "random", "png", "text"],
)
def test_not_sqlite_is_not_a_project(tmp_path, content, match, read_only):
    path = tmp_path / "story.newsdesk"
    path.write_bytes(content)
    _assert_refused(path, NotAProjectError, match, read_only=read_only)


@pytest.mark.parametrize("read_only", [False, True])
@pytest.mark.parametrize("application_id", [0, 0x0F055111, -5])
def test_other_programs_database_is_not_a_project(tmp_path, application_id, read_only):
    path = tmp_path / "other.newsdesk"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE sections (id TEXT)")
        conn.execute(f"PRAGMA application_id = {application_id}")
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    match = "another program's SQLite database"
    _assert_refused(path, NotAProjectError, match, read_only=read_only)


def test_folder_and_missing_file(tmp_path):
    folder = tmp_path / "folder.newsdesk"
    folder.mkdir()
    with pytest.raises(NotAProjectError, match=r"folder\.newsdesk is a folder"):
        open_project(folder)
    missing = tmp_path / "missing.newsdesk"
    with pytest.raises(ProjectError, match=r"missing\.newsdesk does not exist"):
        open_project(missing)
    assert not missing.exists()


@pytest.mark.parametrize("read_only", [False, True])
def test_newer_file_is_too_new(project_file, read_only):
    with sqlite3.connect(project_file) as conn:
        conn.execute("PRAGMA user_version = 7")
    conn.close()
    match = "newer Newsdesk .*version 7"
    _assert_refused(project_file, ProjectTooNewError, match, read_only=read_only)


@pytest.mark.parametrize("read_only", [False, True])
@pytest.mark.parametrize("keep", [0.5, 0.9, 50 / 4096])
def test_truncated_file_is_damaged(project_file, keep, read_only):
    data = project_file.read_bytes()
    project_file.write_bytes(data[: int(len(data) * keep)])
    _assert_refused(project_file, ProjectDamagedError, "is damaged", read_only=read_only)


def _page_size(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[16:18], "big")


@pytest.mark.parametrize("read_only", [False, True])
def test_flipped_bytes_in_the_photo_are_damage_found_when_it_is_read(
    project_file, article, read_only
):
    # Photos are read when asked for, not at open (tests/store/test_lazy_photos.py), so the
    # damage is reported then, with the same one-line message, and the file is never written.
    data = bytearray(project_file.read_bytes())
    photo = article.images[0].data
    where = data.find(photo[200:260])
    assert where > 0
    data[where + 10] ^= 0xFF
    project_file.write_bytes(bytes(data))
    state, listing = file_state(project_file), folder_listing(project_file.parent)
    with open_project(project_file, read_only=read_only) as project:
        image = project.load().images[0]
        assert image.has_photo
        with pytest.raises(PhotoUnavailableError, match="photo does not match") as caught:
            _ = image.data
    assert isinstance(caught.value, ProjectError)
    assert str(caught.value).startswith(f"{project_file.name} is damaged")
    assert "\n" not in str(caught.value)
    assert file_state(project_file) == state
    assert folder_listing(project_file.parent) == listing


@pytest.mark.parametrize("read_only", [False, True])
@pytest.mark.parametrize("page", [1, 2, 3])
def test_flipped_bytes_in_a_btree_page_are_damage(project_file, page, read_only):
    data = bytearray(project_file.read_bytes())
    size = _page_size(project_file)
    start = (page - 1) * size + (100 if page == 1 else 0)
    for offset in range(8):  # the b-tree page header: type, freeblock, cell count, content start
        data[start + offset] ^= 0x5A
    project_file.write_bytes(bytes(data))
    _assert_refused(project_file, ProjectDamagedError, "is damaged", read_only=read_only)


MALFORMED = {
    "unknown kind": "UPDATE sections SET kind = 'poem'",
    "orphan section": "UPDATE sections SET parent_id = 'nowhere' WHERE parent_id IS NULL",
    "section cycle": "UPDATE sections SET parent_id = id",
    "tags not json": "UPDATE article SET tags = '[not json'",
    "tags not texts": "UPDATE article SET tags = '[1, 2]'",
    "width is text": "UPDATE images SET width = 'wide'",
    "symbolic is 7": "UPDATE images SET symbolic = 7",
    "rotation of 45": "UPDATE images SET rotation = 45",
    "rotation is text": "UPDATE images SET rotation = 'quarter'",
    "unknown crop": "UPDATE images SET crop = '2:1'",
    "focal point outside": "UPDATE images SET focal_x = 1.5",
    "focal point is text": "UPDATE images SET focal_y = 'middle'",
    "heading is a blob": "UPDATE sections SET heading = x'3132'",
    "no article row": "DELETE FROM article",
    "missing photo": "DELETE FROM blobs",
    "bad blob key": "UPDATE blobs SET digest = 'short'",
    "invalid utf-8": "UPDATE sections SET markdown = CAST(x'c328ff' AS TEXT)",
    "foreign trigger": "CREATE TRIGGER t AFTER UPDATE ON article BEGIN SELECT 1; END",
    "extra table": "CREATE TABLE extra (x)",
    "missing column": "ALTER TABLE related_links DROP COLUMN url",
}


@pytest.mark.parametrize("read_only", [False, True])
@pytest.mark.parametrize("statement", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_rows_are_damage(project_file, statement, read_only):
    with sqlite3.connect(project_file) as conn:
        conn.execute(statement)
    conn.close()
    _assert_refused(project_file, ProjectDamagedError, "is damaged", read_only=read_only)


def test_read_only_never_writes(project_file, article):
    with open_project(project_file) as project:
        project.save(article, revision_label="a revision")
        project.derived_put("k", b"v")
    state, listing = file_state(project_file), folder_listing(project_file.parent)
    with open_project(project_file, read_only=True) as project:
        assert project.load() == article
        assert project.load_revision(project.revisions()[0].id) == article
        assert project.derived_get("k") == b"v"
        assert not project.changed_on_disk()
        with pytest.raises(ProjectError):
            project.save(article)
    assert file_state(project_file) == state
    assert folder_listing(project_file.parent) == listing


CRASH_DURING_SAVE = textwrap.dedent(
    """
    import os, sys
    from newsdesk.store import open_project, project as project_module

    project = open_project(sys.argv[1])
    project._conn.execute("PRAGMA cache_size = 2")  # force changed pages out to the file
    article = project.load()
    for section in article.walk_sections():
        section.markdown = "new words " * 4000
    def die(*args):  # killed after the rows are written, before COMMIT
        os._exit(3)
    project_module.add_blobs = die
    project.save(article)
    """
)


def leave_mid_save(path: Path) -> Path:
    """Kill a process in the middle of a save of `path`; returns the hot journal it left."""
    done = subprocess.run(
        [sys.executable, "-c", CRASH_DURING_SAVE, str(path)],
        cwd=REPO,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 3, done.stderr.decode()
    journal = Path(f"{path}-journal")
    assert journal.exists()
    return journal


def test_file_left_mid_save_is_recovered_without_writing_first(project_file, article):
    before = file_state(project_file)[0]
    journal = leave_mid_save(project_file)
    assert file_state(project_file)[0] != before  # the crash really left the file half-written
    crashed_state, journal_bytes = file_state(project_file), journal.read_bytes()

    with open_project(project_file, read_only=True) as project:
        assert project.load() == article
    assert file_state(project_file) == crashed_state
    assert journal.read_bytes() == journal_bytes

    with open_project(project_file) as project:
        assert project.load() == article
    assert not journal.exists()
    assert file_state(project_file)[0] == before
