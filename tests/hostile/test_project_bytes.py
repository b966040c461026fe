"""Random damage to a real project file: it opens whole or is refused with a typed error, unwritten.

tests/store/test_refusals.py pins the named cases (empty, truncated at three points, a flipped
photo, flipped b-tree headers, malformed rows). Here hypothesis flips bytes, overwrites runs and
truncates at any offset of the same kind of file, so damage nobody thought of is covered too.
Whatever happens, open_project raises nothing but a ProjectError with a one-line message; when it
succeeds, the article loads and serialises to well-formed JSON, and each photo (read only when
asked for) either reads or raises PhotoUnavailableError naming the file; when it refuses, the
file's bytes and mtime are exactly as they were and no file is left beside it.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.errors import NewsdeskError, PhotoUnavailableError, ProjectError
from newsdesk.model.serialize import article_to_dict
from newsdesk.store import create_project, open_project
from tests.store.conftest import english_article, file_state, folder_listing

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _project_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ferry.newsdesk"
        create_project(path, english_article()).close()
        return path.read_bytes()


ORIGINAL = _project_bytes()


def _open_damaged(data: bytes, read_only: bool) -> None:
    """Open `data` as a project; assert the all-or-nothing contract."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.newsdesk"
        path.write_bytes(data)
        state, listing = file_state(path), folder_listing(path.parent)
        try:
            project = open_project(path, read_only=read_only)
        except NewsdeskError as error:
            assert isinstance(error, ProjectError), type(error)
            assert path.name in str(error) and "\n" not in str(error)
            assert file_state(path) == state, "a refused file was written to"
            assert folder_listing(path.parent) == listing, "refusing left files behind"
            return
        try:
            article = project.load()
            data = article_to_dict(article)
            json.loads(json.dumps(data, ensure_ascii=False))
            assert isinstance(data["headline"], str)
            assert all(isinstance(s["heading"], str) for s in data["sections"])
            assert all(isinstance(tag, str) for tag in data["tags"])
            for image in article.images:
                _assert_photo_reads_or_is_reported(image, path.name)
        finally:
            project.close()
        if read_only:
            assert file_state(path) == state, "opening read-only wrote to the file"


def _assert_photo_reads_or_is_reported(image, name: str) -> None:
    """Photos are read when asked for, not at open: damage in one is reported then, typed."""
    try:
        data = image.data
    except PhotoUnavailableError as error:
        assert image.has_photo
        assert str(error).startswith(name) and "\n" not in str(error)
        return
    assert (data is None) == (not image.has_photo)
    assert data is None or isinstance(data, bytes)


@SETTINGS
@given(
    flips=st.lists(
        st.tuples(st.integers(0, len(ORIGINAL) - 1), st.integers(1, 255)), min_size=1, max_size=8
    ),
    read_only=st.booleans(),
)
def test_flipped_bytes_open_whole_or_are_refused_unwritten(flips, read_only):
    data = bytearray(ORIGINAL)
    for offset, mask in flips:
        data[offset] ^= mask
    _open_damaged(bytes(data), read_only)


@SETTINGS
@given(keep=st.integers(0, len(ORIGINAL) - 1), read_only=st.booleans())
def test_truncated_anywhere_is_refused_unwritten(keep, read_only):
    _open_damaged(ORIGINAL[:keep], read_only)


@SETTINGS
@given(
    start=st.integers(0, len(ORIGINAL) - 1),
    junk=st.binary(min_size=1, max_size=512),
    read_only=st.booleans(),
)
def test_overwritten_runs_open_whole_or_are_refused_unwritten(start, junk, read_only):
    data = ORIGINAL[:start] + junk + ORIGINAL[start + len(junk) :]
    _open_damaged(data[: len(ORIGINAL)], read_only)


@pytest.mark.parametrize("page", [1, 2, 3, 4])
def test_a_zeroed_page_is_refused(page):
    size = int.from_bytes(ORIGINAL[16:18], "big")
    start = (page - 1) * size + (100 if page == 1 else 0)
    data = ORIGINAL[:start] + bytes(page * size - start) + ORIGINAL[page * size :]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "zeroed.newsdesk"
        path.write_bytes(data)
        state = file_state(path)
        with pytest.raises(ProjectError):
            open_project(path)
        assert file_state(path) == state


def _refused_with_one_line(data: bytes, read_only: bool) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.newsdesk"
        path.write_bytes(data)
        state = file_state(path)
        with pytest.raises(ProjectError) as caught:
            open_project(path, read_only=read_only)
        assert file_state(path) == state
        message = str(caught.value)
        assert "\n" not in message and message.startswith(path.name), message
        return message


@pytest.mark.parametrize("read_only", [False, True])
def test_a_broken_freelist_pointer_is_reported_on_one_line(read_only):
    # Found by the flip test: quick_check's finding came with a "*** in database main ***" banner
    # and a newline, which reached the journalist's one-line message.
    data = bytearray(ORIGINAL)
    data[32] ^= 0x01  # header: first freelist trunk page
    message = _refused_with_one_line(bytes(data), read_only)
    assert "***" not in message


@pytest.mark.parametrize("read_only", [False, True])
def test_undecodable_bytes_in_the_schema_text_are_damage(read_only):
    # Found by the flip test: a UnicodeDecodeError escaped from quick_check instead of a refusal.
    data = bytearray(ORIGINAL)
    where = data.find(b"CREATE TABLE")
    assert where > 0
    data[where + 20] ^= 0x80
    assert "is damaged" in _refused_with_one_line(bytes(data), read_only)


@pytest.mark.parametrize("read_only", [False, True])
def test_a_damaged_table_definition_is_not_quoted_back(read_only):
    # Found by the flip test: SQLite's "malformed database schema" error quoted the damaged
    # CREATE TABLE text, newlines and all, into the message.
    data = bytearray(ORIGINAL)
    where = data.find(b"height INTEGER")
    assert where > 0
    data[where - 1] = ord("'")  # an unterminated string in the images table's definition
    message = _refused_with_one_line(bytes(data), read_only)
    assert "NOT NULL" not in message
