"""Tracked changes in real Word files (../shared/corpus/docx: pandoc's and mammoth's reader tests,
written by Word): every file is listed without a traceback, and accepting every change gives the
text mammoth reads (it accepts insertions and drops deletions), rejecting every change the text
before the edits. Skipped with the reason where this clone has no ../shared."""

from __future__ import annotations

import pytest

from newsdesk.errors import ImportFormatError
from newsdesk.formats.docx_import import import_docx
from newsdesk.formats.docx_update import read_desk_document, resolved_document
from newsdesk.model.counts import plain_text
from tests.shared_files import shared_path

# name: (accepted text, rejected text) as the files hold them
TRACKED = {
    "pandoc-track_changes_deletion.docx": (
        "This is a text with a deletion.",
        "This is a text with an excessively modified deletion.",
    ),
    "pandoc-track_changes_insertion.docx": (
        "This is a text with two exciting insertions.",
        "This is a text with insertions.",
    ),
    "pandoc-track_changes_scrubbed_metadata.docx": (
        "Here is a test document.",
        "Here is a dummy document.",
    ),
}


def _words(data: bytes) -> list[str]:
    article = import_docx(data, "corpus.docx").article
    text = " ".join([article.headline, *(plain_text(s.markdown) for s in article.walk_sections())])
    return text.split()


def test_every_corpus_file_is_read_or_refused_in_one_line():
    folder = shared_path("corpus", "docx")
    read = 0
    for path in sorted(folder.glob("*.docx")):
        try:
            desk = read_desk_document(path.read_bytes(), path.name)
        except ImportFormatError as refused:
            assert "\n" not in str(refused), path.name
            continue
        read += 1
        for change in desk.changes:
            assert change.kind in ("insertion", "deletion", "replacement", "move", "moved_from",
                                   "moved_to"), path.name  # fmt: skip
    assert read >= 70


@pytest.mark.parametrize("name", TRACKED)
def test_accepting_all_reads_as_mammoth_does_and_rejecting_all_undoes_the_edits(name):
    data = shared_path("corpus", "docx", name).read_bytes()
    desk = read_desk_document(data, name)
    assert desk.changes, f"{name} has tracked changes"
    accepted_text, rejected_text = TRACKED[name]
    accepted, _xml = resolved_document(desk, {c.number: True for c in desk.changes})
    assert _words(accepted) == _words(data) == accepted_text.split()
    rejected, _xml = resolved_document(desk, {c.number: False for c in desk.changes})
    assert _words(rejected) == rejected_text.split()


def test_changed_paragraph_marks_alone_are_no_change_to_decide():
    """A paragraph split or joined with tracking on changes no words: nothing is listed, and the
    text reads as mammoth reads it."""
    name = "pandoc-paragraph_insertion_deletion.docx"
    data = shared_path("corpus", "docx", name).read_bytes()
    desk = read_desk_document(data, name)
    assert desk.changes == []
    unchanged, _xml = resolved_document(desk, {})
    assert _words(unchanged) == _words(data)
