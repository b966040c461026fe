"""Regression (found by `make stress`, kill 1 of 1,000 consistent runs failing): a SIGKILL in the
middle of a save can leave page 1 counting pages the file has not grown to yet, next to the hot
journal that undoes it. The header check refused such a file as "cut short" before SQLite could
roll the journal back; without a journal the same header is real damage."""

import pytest

from newsdesk.errors import ProjectDamagedError
from newsdesk.model import Article, Section
from newsdesk.store.opening import read_header
from newsdesk.store.project import create_project
from newsdesk.store.schema import SCHEMA_VERSION


def _file_claiming_more_pages(tmp_path):
    path = tmp_path / "mitten.newsdesk"
    create_project(path, Article(headline="Titel", sections=[Section(markdown="Text")])).close()
    data = bytearray(path.read_bytes())
    pages = int.from_bytes(data[28:32], "big")
    data[28:32] = (pages + 2).to_bytes(4, "big")  # the header is ahead of the file
    path.write_bytes(bytes(data))
    return path


def test_header_ahead_of_the_file_without_a_journal_is_damage(tmp_path):
    with pytest.raises(ProjectDamagedError, match="cut short"):
        read_header(_file_claiming_more_pages(tmp_path))


def test_header_ahead_of_the_file_with_a_hot_journal_is_left_to_the_rollback(tmp_path):
    path = _file_claiming_more_pages(tmp_path)
    (tmp_path / "mitten.newsdesk-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" * 64)
    assert read_header(path) == SCHEMA_VERSION
