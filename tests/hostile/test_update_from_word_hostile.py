"""Hostile Word files given to File > Update from Word (the same generated files as
test_import_documents): each is refused with one line and the same stable code, before anything
is planned, within bounded time; the article is never touched."""

from __future__ import annotations

import time

import pytest

from newsdesk.formats.docx_update import read_desk_document
from newsdesk.formats.docx_update.tracked_changes import MAX_SHOWN_CHARS
from newsdesk.formats.docx_update.tracked_changes import W as WORD_NAMESPACE
from tests.hostile.test_import_documents import HOSTILE_DOCX, _docx, refused_quickly


@pytest.mark.parametrize("name", list(HOSTILE_DOCX))
def test_hostile_word_files_are_refused_with_one_line(name):
    make, code = HOSTILE_DOCX[name]
    data = make()
    refused_quickly(lambda: read_desk_document(data, "desk.docx"), code)


def test_a_flood_of_tracked_changes_is_listed_in_bounded_time_and_text():
    """8,000 tracked insertions of long text (12 MB of XML, under the part limit): listed, each
    shown shortened, quickly."""
    change = (
        f'<w:ins w:id="{{n}}" w:author="{"A" * 500}" w:date="2026-12-05T09:30:00Z">'
        f"<w:r><w:t>{'long text ' * 100}</w:t></w:r></w:ins>"
    )
    body = "".join(change.format(n=n) for n in range(8_000))
    document = (
        f'<?xml version="1.0"?><w:document xmlns:w="{WORD_NAMESPACE}"><w:body><w:p>{body}</w:p>'
        "</w:body></w:document>"
    )
    started = time.monotonic()
    desk = read_desk_document(_docx(**{"word/document.xml": document}), "desk.docx")
    assert len(desk.changes) == 8_000
    assert all(len(c.inserted) <= MAX_SHOWN_CHARS and len(c.author) <= 100 for c in desk.changes)
    assert time.monotonic() - started < 20
