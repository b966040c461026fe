"""Regression: a damaged byte inside a table definition made SQLite quote non-UTF-8 text back in
its error message, and opening for writing raised UnicodeDecodeError instead of refusing the file
(found by tests/hostile/test_project_bytes.py)."""

import pytest

from newsdesk.errors import NewsdeskError
from newsdesk.model import Article, Section
from newsdesk.store import create_project, open_project


@pytest.mark.parametrize("read_only", [False, True])
def test_non_utf8_byte_in_a_table_definition_is_refused(tmp_path, read_only):
    path = tmp_path / "kaputt.newsdesk"
    create_project(path, Article(headline="Titel", sections=[Section(markdown="Text")])).close()
    data = bytearray(path.read_bytes())
    at = data.index(b"CHECK (id = 1)") + len(b"CHECK (")
    data[at] ^= 0x80  # "i" becomes a lone 0xE9: invalid UTF-8 inside a table definition
    path.write_bytes(bytes(data))
    try:
        project = open_project(path, read_only=read_only)
    except NewsdeskError as exc:
        assert "kaputt.newsdesk" in str(exc)
    else:  # SQLite may still make sense of it; then the article must load whole
        with project:
            assert project.load().headline == "Titel"
    assert path.read_bytes() == bytes(data)
