"""Photos stay in the project file until asked for, and no handle ever loses its photo.

The model's side (Image.data over a PhotoSource, equality, copies) is in
tests/model/test_article_photos.py; here the real StoredPhoto: what opening costs, what a read
does, and every way a project can change under a live handle (save, garbage collection, Save As,
close, a forced save, a reload, revisions, read-only and migrated files).
"""

from __future__ import annotations

import copy
import gc
import hashlib
import os
import shutil
import sqlite3
import threading
import tracemalloc
from pathlib import Path

import pytest

from newsdesk.errors import PhotoUnavailableError, ProjectError
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.commands import ReplaceArticle
from newsdesk.store import create_project, open_project
from newsdesk.store import stored_photos as stored_photos_module
from newsdesk.store.stored_photos import StoredPhoto
from tests.store.conftest import file_state, german_article, make_photo
from tests.store.make_fixtures import PHOTO as V1_PHOTO
from tests.store.make_fixtures import V1_FILE
from tests.store.test_refusals import leave_mid_save

LEAD = make_photo((200, 120, 40))
SECOND = make_photo((30, 90, 160), size=(48, 64))


def two_photo_article() -> Article:
    return Article(
        headline="Neue Fähre für den Altmain",
        sections=[Section(id="s-lead", markdown="Die Fähre fährt ab Montag.")],
        images=[
            Image(id="i-faehre", data=LEAD, filename="faehre.jpg", caption="Die neue Fähre"),
            Image(id="i-steg", role="inline", data=SECOND, filename="steg.jpg", caption="Der Steg"),
            Image(id="i-karte", role="inline", caption="Karte folgt"),  # no photo yet
        ],
    )


@pytest.fixture
def two_photo_file(tmp_path: Path) -> Path:
    path = tmp_path / "faehre.newsdesk"
    create_project(path, two_photo_article()).close()
    return path


@pytest.fixture
def blob_reads(monkeypatch) -> list[str]:
    """The digests handles read from a file (materialising included), in order."""
    reads: list[str] = []
    real = stored_photos_module.read_blob

    def counting(conn: sqlite3.Connection, digest: str) -> bytes:
        reads.append(digest)
        return real(conn, digest)

    monkeypatch.setattr(stored_photos_module, "read_blob", counting)
    return reads


def blobs_in(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        found = {row[0] for row in conn.execute("SELECT digest FROM blobs")}
    conn.close()
    return found


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- opening and reading -------------------------------------------------------------------------


def test_opening_reads_no_photo_and_holds_none_in_memory(tmp_path, monkeypatch, blob_reads):
    big = [os.urandom(4 * 1024 * 1024) for _ in range(3)]  # camera-sized originals
    path = tmp_path / "gross.newsdesk"
    create_project(path, Article(images=[Image(data=data) for data in big])).close()
    expected = [digest(data) for data in big]
    hashed: list[int] = []
    real_sha256 = hashlib.sha256
    monkeypatch.setattr(
        hashlib, "sha256", lambda data=b"": hashed.append(len(data)) or real_sha256(data)
    )
    gc.collect()
    tracemalloc.start()
    try:
        project = open_project(path)
        article = project.load()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    try:
        assert held < 1024 * 1024 and peak < 4 * 1024 * 1024  # not even one photo was read
        assert blob_reads == [] and hashed == []
        assert [image.digest for image in article.images] == expected
        assert all(isinstance(image.photo, StoredPhoto) for image in article.images)
        assert blob_reads == [] and hashed == []
        assert article.images[1].data == big[1]
        assert blob_reads == [expected[1]]
    finally:
        project.close()


@pytest.mark.parametrize("read_only", [False, True])
def test_every_read_goes_to_the_file_and_keeps_nothing(two_photo_file, blob_reads, read_only):
    with open_project(two_photo_file, read_only=read_only) as project:
        lead, second, missing = project.load().images
        assert lead.has_photo and second.has_photo and not missing.has_photo
        assert missing.data is None and missing.photo is None
        assert blob_reads == []
        assert lead.data == LEAD and lead.data == LEAD and second.data == SECOND
        assert blob_reads == [digest(LEAD), digest(LEAD), digest(SECOND)]
        assert not lead.photo.in_memory
        assert LEAD not in lead.__dict__.values()


def test_equal_articles_compare_without_reading_photos(two_photo_file, blob_reads):
    original = two_photo_article()
    with open_project(two_photo_file) as project:
        loaded = project.load()
        original_ids = [image.id for image in original.images]
        for image, image_id in zip(loaded.images, original_ids, strict=True):
            assert image.id == image_id
        assert loaded == original and original == loaded
        with open_project(two_photo_file, read_only=True) as other:
            assert other.load() == loaded
        loaded.images[0].data = SECOND
        assert loaded != original
    assert blob_reads == []


@pytest.mark.parametrize("damage", ["flipped", "deleted"])
def test_a_photo_damaged_after_opening_raises_a_typed_one_line_error(two_photo_file, damage):
    with open_project(two_photo_file) as project:
        image = project.load().images[0]
        with sqlite3.connect(two_photo_file) as other:
            if damage == "flipped":
                other.execute(
                    "UPDATE blobs SET bytes = ? WHERE digest = ?", (LEAD[:-1] + b"\0", image.digest)
                )
            else:
                other.execute("PRAGMA foreign_keys = OFF")
                other.execute("DELETE FROM blobs WHERE digest = ?", (image.digest,))
        other.close()
        with pytest.raises(PhotoUnavailableError) as caught:
            _ = image.data
    message = str(caught.value)
    assert isinstance(caught.value, ProjectError)
    assert message.startswith("faehre.newsdesk is damaged") and "\n" not in message
    assert ("does not match" if damage == "flipped" else "missing") in message


def test_saving_a_change_reads_no_photo(two_photo_file, blob_reads):
    with open_project(two_photo_file) as project:
        article = project.load()
        statements: list[str] = []
        project._conn.set_trace_callback(statements.append)
        for word in ("Montag", "Dienstag", "Mittwoch"):
            article.sections[0].markdown = f"Die Fähre fährt ab {word}."
            project.save(article)
        article.images.reverse()  # moving photos around needs no bytes either
        project.save(article, revision_label="Umgestellt")
        project._conn.set_trace_callback(None)
    assert blob_reads == []
    touching_blobs = [sql for sql in statements if "blobs" in sql and "revision_blobs" not in sql]
    assert not [sql for sql in touching_blobs if "SELECT bytes" in sql or "INSERT" in sql]


def test_copies_for_restoring_share_the_handles(two_photo_file, blob_reads):
    with open_project(two_photo_file) as project:
        article = project.load()
        handles = [image.photo for image in article.images]
        copied = copy.deepcopy(article)
        assert [image.photo for image in copied.images] == handles
        assert all(a.photo is b.photo for a, b in zip(copied.images, article.images, strict=True))
        target = Article(headline="Vorher")
        command = ReplaceArticle(article)
        command.do(target)
        assert all(
            image.photo is handle
            for image, handle in zip(target.images, handles, strict=True)
            if handle is not None
        )
        assert target == article
        assert target.images[0].data == LEAD
    assert blob_reads == [digest(LEAD)]


def test_handles_die_with_their_images(two_photo_file):
    with open_project(two_photo_file) as project:
        article = project.load()
        assert len(project._photos.live_handles()) == 2
        del article
        gc.collect()
        assert project._photos.live_handles() == []


def test_reading_on_another_thread_is_refused_by_sqlite(two_photo_file):
    # The documented rule: read Image.data on the thread that owns the project.
    with open_project(two_photo_file) as project:
        image = project.load().images[0]
        failures: list[BaseException] = []

        def read() -> None:
            try:
                _ = image.data
            except BaseException as exc:
                failures.append(exc)

        worker = threading.Thread(target=read)
        worker.start()
        worker.join()
        assert len(failures) == 1 and isinstance(failures[0], sqlite3.ProgrammingError)
        assert image.data == LEAD


# --- a save that drops blobs ---------------------------------------------------------------------


def test_a_removed_photo_outlives_the_save_that_drops_its_blob(two_photo_file, blob_reads):
    with open_project(two_photo_file) as project:
        article = project.load()
        removed = article.images.pop(0)  # the undo history keeps the Image object
        handle = removed.photo
        project.save(article)
        assert digest(LEAD) not in blobs_in(two_photo_file)
        assert handle.in_memory and blob_reads == [digest(LEAD)]  # read once, before the drop
        assert removed.data == LEAD
        assert blob_reads == [digest(LEAD)]
        assert article.images[0].photo.in_memory is False  # only what the file lost is kept

        article.images.insert(0, removed)  # undo
        project.save(article)
        assert digest(LEAD) in blobs_in(two_photo_file)
        assert not handle.in_memory  # stored again: the file holds it, memory lets go
        assert removed.data == LEAD
    with open_project(two_photo_file, read_only=True) as project:
        assert project.load().images[0].data == LEAD


def test_photos_without_live_handles_are_not_read_before_their_blob_goes(
    two_photo_file, blob_reads
):
    with open_project(two_photo_file) as project:
        article = project.load()
        del article.images[0]
        gc.collect()
        project.save(article)
    assert digest(LEAD) not in blobs_in(two_photo_file)
    assert blob_reads == []


def test_a_photo_a_revision_still_holds_is_not_dropped_nor_read(two_photo_file, blob_reads):
    with open_project(two_photo_file) as project:
        article = project.load()
        project.save(article, revision_label="Erste Fassung")
        removed = article.images.pop(0)
        project.save(article)
        assert digest(LEAD) in blobs_in(two_photo_file)
        assert not removed.photo.in_memory and blob_reads == []

        [revision] = project.revisions()
        restored = project.load_revision(revision.id)
        assert isinstance(restored.images[0].photo, StoredPhoto)
        assert blob_reads == []
        assert restored == two_photo_article()
        assert restored.images[0].data == LEAD and restored.images[1].data == SECOND


def test_a_revision_whose_blob_is_gone_is_damage(two_photo_file):
    with open_project(two_photo_file) as project:
        article = project.load()
        project.save(article, revision_label="Erste Fassung")
        with sqlite3.connect(two_photo_file) as other:
            other.execute("DELETE FROM blobs WHERE digest = ?", (digest(LEAD),))
        other.close()
        with pytest.raises(ProjectError, match="is damaged: a stored photo is missing"):
            project.load_revision(project.revisions()[0].id)


# --- Save As, close, create from another file ---------------------------------------------------


def test_save_as_moves_the_handles_to_the_copy(two_photo_file, tmp_path):
    project = open_project(two_photo_file)
    article = project.load()
    removed = article.images.pop(1)  # in the undo history only
    copy_path = tmp_path / "kopie.newsdesk"
    copied = project.save_as(copy_path)
    try:
        assert project.closed
        two_photo_file.unlink()  # a draft is deleted once saved elsewhere
        assert article.images[0].photo.path == copy_path
        assert article.images[0].data == LEAD and removed.data == SECOND
        article.sections[0].markdown = "Geändert in der Kopie."
        copied.save(article)  # drops SECOND from the copy: the removed image keeps it
        assert digest(SECOND) not in blobs_in(copy_path)
        assert removed.data == SECOND
    finally:
        copied.close()


def test_a_closed_project_reads_by_path_and_reports_a_lost_file(two_photo_file, blob_reads):
    with open_project(two_photo_file) as project:
        image = project.load().images[0]
    state = file_state(two_photo_file)
    assert image.data == LEAD
    assert blob_reads == [digest(LEAD)]
    assert file_state(two_photo_file) == state
    assert not Path(f"{two_photo_file}-journal").exists()
    two_photo_file.unlink()
    with pytest.raises(PhotoUnavailableError, match=r"^faehre\.newsdesk no longer exists"):
        _ = image.data


def test_a_closed_project_replaced_by_another_file_reports_the_missing_photo(two_photo_file):
    with open_project(two_photo_file) as project:
        image = project.load().images[0]
    create_project(two_photo_file, german_article(), overwrite=True).close()
    with pytest.raises(PhotoUnavailableError, match="stored photo is missing"):
        _ = image.data
    two_photo_file.write_bytes(b"not a project any more")
    with pytest.raises(PhotoUnavailableError, match=r"^faehre\.newsdesk"):
        _ = image.data


def test_a_closed_project_left_mid_save_is_read_without_being_written(two_photo_file):
    with open_project(two_photo_file) as project:
        image = project.load().images[0]
    journal = leave_mid_save(two_photo_file)
    state, journal_bytes = file_state(two_photo_file), journal.read_bytes()
    assert image.data == LEAD
    assert file_state(two_photo_file) == state and journal.read_bytes() == journal_bytes


def test_a_copy_written_from_memory_takes_the_handles_over(two_photo_file, tmp_path):
    # The Save As fallback when the old file cannot be copied: create_project from the article.
    with open_project(two_photo_file) as project:
        article = project.load()
        fresh = tmp_path / "neu.newsdesk"
        create_project(fresh, article).close()
    two_photo_file.unlink()
    assert article.images[0].photo.path == fresh
    assert article.images[0].data == LEAD and article.images[1].data == SECOND


def test_saving_into_another_project_takes_the_handles_over(two_photo_file, tmp_path):
    other_path = tmp_path / "andere.newsdesk"
    create_project(other_path, german_article()).close()
    with open_project(two_photo_file) as source, open_project(other_path) as other:
        article = source.load()
        other.save(article)
        assert all(image.photo.path == other_path for image in article.images[:2])
        assert article.images[0].data == LEAD
        assert {digest(LEAD), digest(SECOND)} <= blobs_in(other_path)


def test_a_photo_that_cannot_be_read_stops_the_save_and_leaves_the_file(two_photo_file, tmp_path):
    with open_project(two_photo_file) as project:
        article = project.load()
    two_photo_file.unlink()
    other_path = tmp_path / "andere.newsdesk"
    create_project(other_path, german_article()).close()
    state = file_state(other_path)
    with open_project(other_path) as other, pytest.raises(PhotoUnavailableError, match="no longer"):
        other.save(article)
    assert file_state(other_path)[0] == state[0]


# --- the connection changes under the handles ---------------------------------------------------


def test_a_forced_save_into_a_replaced_file_reads_through_the_new_connection(two_photo_file):
    with open_project(two_photo_file) as project:
        article = project.load()
        create_project(two_photo_file, german_article(), overwrite=True).close()
        article.headline = "Unsere Fassung"
        project.save(article, force=True)
        statements: list[str] = []
        project._conn.set_trace_callback(statements.append)
        assert article.images[1].data == SECOND
        assert any("SELECT bytes FROM blobs" in sql for sql in statements)
    with open_project(two_photo_file, read_only=True) as project:
        assert project.load() == article


def test_a_reload_moves_the_handles_and_keeps_photos_the_new_file_lacks(two_photo_file, tmp_path):
    with open_project(two_photo_file) as project:
        before = project.load()
        # Another program writes a new version of the file without the lead photo.
        theirs = two_photo_article()
        theirs.headline = "Von anderswo"
        del theirs.images[0]
        replacement = tmp_path / "theirs.newsdesk"
        create_project(replacement, theirs).close()
        os.replace(replacement, two_photo_file)
        assert project.changed_on_disk()
        after = project.load()
        assert after.headline == "Von anderswo"
        assert isinstance(after.images[0].photo, StoredPhoto)
        assert before.images[0].photo.in_memory  # read from the old file before it was let go
        assert not before.images[1].photo.in_memory  # the new file has it
        assert before.images[0].data == LEAD and before.images[1].data == SECOND
        assert after.images[0].data == SECOND
        live = project._photos.live_handles()
        assert {id(h) for h in live} >= {id(before.images[1].photo), id(after.images[0].photo)}


def test_a_reload_after_a_change_in_place_keeps_reading(two_photo_file):
    with open_project(two_photo_file) as project:
        before = project.load()
        with sqlite3.connect(two_photo_file) as other:
            other.execute("UPDATE article SET headline = 'Anderswo geändert'")
        other.close()
        after = project.load()
        assert after.headline == "Anderswo geändert"
        assert before.images[0].data == LEAD and after.images[0].data == LEAD
        assert not before.images[0].photo.in_memory


# --- read-only and older files -------------------------------------------------------------------


@pytest.mark.parametrize("read_only", [True, False])
def test_a_version_1_file_gives_stored_photos(tmp_path, read_only, blob_reads):
    path = tmp_path / "bruecke.newsdesk"
    shutil.copyfile(V1_FILE, path)
    with open_project(path, read_only=read_only) as project:
        image = project.load().images[0]
        assert isinstance(image.photo, StoredPhoto) and blob_reads == []
        assert image.digest == digest(V1_PHOTO)
        assert image.data == V1_PHOTO
    assert image.data == V1_PHOTO  # closed: read from the file by path
