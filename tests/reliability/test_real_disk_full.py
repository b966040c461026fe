"""A real full disk: a small tmpfs mounted for the test (we run as root in CI containers).

Injected errors only prove that we handle the error we chose; here SQLite, the kernel and the
export writer meet a disk that really is full. The tmpfs is filled with a filler file until only
a few kilobytes are free, then a save, a Save As, a create and an export are tried on it. Skipped
only where mounting is not allowed (not root, or no tmpfs).
"""

from __future__ import annotations

import io
import random
import subprocess

import pytest
from PIL import Image as PILImage

from newsdesk.errors import ExportError, SaveError
from newsdesk.formats.html_export import export_html
from newsdesk.model.article import Image
from newsdesk.model.last_change import MODIFIED_PROPERTY
from newsdesk.store import create_project, open_project
from tests.reliability.faults import Kept, check_refusal, snapshot_folder
from tests.store.conftest import english_article

DISK_SIZE = 400 * 1024


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE}", "tmpfs", str(disk)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def fill(disk, leave: int) -> None:
    """Fill the disk until only about `leave` bytes are free."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as handle:
        try:
            while handle.write(b"\0" * 4096):
                pass
        except OSError:
            pass
    # Give some space back: a file just a little bigger than the room left cannot be written.
    size = filler.stat().st_size
    with open(filler, "r+b") as handle:
        handle.truncate(max(0, size - leave))


def big_photo() -> bytes:
    """A real JPEG of noise, about 200 KB: too big for what is left on the disk."""
    rng = random.Random(7)
    picture = PILImage.frombytes("RGB", (300, 300), rng.randbytes(300 * 300 * 3))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=95)
    return buffer.getvalue()


def with_big_photo():
    article = english_article()
    article.images.append(Image(role="inline", data=big_photo(), caption="Noise"))
    return article


def test_save_on_a_full_disk(small_disk, tmp_path):
    story = small_disk / "story.newsdesk"
    create_project(story, english_article()).close()
    fill(small_disk, leave=16 * 1024)
    before = snapshot_folder(small_disk)
    with open_project(story) as project:
        kept = Kept(with_big_photo())
        with pytest.raises(SaveError) as caught:
            project.save(kept.article, revision_label="too big for the disk")
        message = check_refusal(caught, SaveError)
        assert message == "could not save story.newsdesk: the disk is full; the file is unchanged"
        assert snapshot_folder(small_disk) == before  # no journal left behind
        assert kept.unchanged()
        with project.save_as(tmp_path / "elsewhere.newsdesk") as copy:
            copy.save(kept.article)
            saved = copy.load()
            # The save elsewhere changed the content (the photo), so it records the last change.
            assert saved.properties.pop(MODIFIED_PROPERTY)
            assert saved == kept.before
    with open_project(story, read_only=True) as project:
        assert project.load().headline == english_article().headline


def test_save_as_onto_a_full_disk(small_disk, tmp_path):
    story = tmp_path / "story.newsdesk"
    kept = Kept(with_big_photo())
    create_project(story, kept.article).close()
    fill(small_disk, leave=16 * 1024)
    before = snapshot_folder(small_disk)
    with open_project(story) as project:
        with pytest.raises(SaveError) as caught:
            project.save_as(small_disk / "copy.newsdesk")
        assert check_refusal(caught, SaveError) == "could not write copy.newsdesk: the disk is full"
        assert snapshot_folder(small_disk) == before
        assert not project.closed and project.load() == kept.before
        with project.save_as(tmp_path / "copy.newsdesk") as copy:
            assert copy.load() == kept.before


def test_create_on_a_full_disk(small_disk, tmp_path):
    fill(small_disk, leave=16 * 1024)
    before = snapshot_folder(small_disk)
    kept = Kept(with_big_photo())
    with pytest.raises(SaveError) as caught:
        create_project(small_disk / "new.newsdesk", kept.article)
    message = check_refusal(caught, SaveError)
    assert "new.newsdesk" in message and "the disk is full" in message and ".tmp" not in message
    assert snapshot_folder(small_disk) == before and kept.unchanged()
    with create_project(tmp_path / "new.newsdesk", kept.article) as project:
        assert project.load() == kept.before


@pytest.mark.parametrize("assets", ["embed", "folder"])
def test_export_onto_a_full_disk(small_disk, tmp_path, assets):
    out = small_disk / "story.html"
    out.write_text("<p>the page as published yesterday</p>", encoding="utf-8")
    fill(small_disk, leave=16 * 1024)
    before = snapshot_folder(small_disk)
    kept = Kept(with_big_photo())
    with pytest.raises(ExportError) as caught:
        export_html(kept.article, out, assets=assets)
    assert "the disk is full" in check_refusal(caught, ExportError)
    assert snapshot_folder(small_disk) == before
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "story.html"]
    assert kept.unchanged()
    export_html(kept.article, tmp_path / "story.html", assets=assets)
