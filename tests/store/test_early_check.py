"""The integrity check started early on a thread (store.early_check): its "ok" stands in for the
opening's own quick_check only for the very file it checked; anything else is checked and worded
as an ordinary open does."""

from __future__ import annotations

import os
import sqlite3

import pytest

from newsdesk.errors import ProjectDamagedError
from newsdesk.store import open_project
from newsdesk.store import opening as opening_module
from newsdesk.store.early_check import early_check_passed, start_early_check


def _quick_checks_on_open(monkeypatch, path, read_only=True) -> int:
    """How many quick_checks the opening itself ran (counted on its connections)."""
    ran = []
    connect = opening_module.connect_read_only

    def counting(target):
        conn = connect(target)
        conn.set_trace_callback(lambda sql: ran.append(sql) if "quick_check" in sql else None)
        return conn

    monkeypatch.setattr(opening_module, "connect_read_only", counting)
    open_project(path, read_only=read_only).close()
    return len(ran)


def test_an_early_ok_stands_in_for_the_openings_check(project_file, monkeypatch):
    start_early_check(project_file)
    assert _quick_checks_on_open(monkeypatch, project_file) == 0
    # Each early check answers once: the next open checks again.
    assert _quick_checks_on_open(monkeypatch, project_file) == 1


def test_a_file_changed_after_the_early_check_is_checked_again(project_file, monkeypatch):
    start_early_check(project_file)
    stat = project_file.stat()
    os.utime(project_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert _quick_checks_on_open(monkeypatch, project_file) == 1


def test_a_file_with_a_journal_beside_it_is_not_checked_early(project_file):
    journal = project_file.with_name(project_file.name + "-journal")
    journal.write_bytes(b"")
    start_early_check(project_file)
    journal.unlink()
    assert early_check_passed(project_file) is False


def test_a_missing_file_starts_nothing(tmp_path):
    start_early_check(tmp_path / "nowhere.newsdesk")
    assert early_check_passed(tmp_path / "nowhere.newsdesk") is False


@pytest.mark.parametrize("early", [False, True])
def test_damage_is_refused_with_the_same_words_either_way(project_file, early):
    conn = sqlite3.connect(project_file)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(project_file.read_bytes())
    for offset in range(8):  # the second page's b-tree header
        data[size + offset] ^= 0x5A
    project_file.write_bytes(bytes(data))
    if early:
        start_early_check(project_file)
    with pytest.raises(ProjectDamagedError) as caught:
        open_project(project_file, read_only=True)
    assert str(caught.value).startswith(f"{project_file.name} is damaged")
    assert early_check_passed(project_file) is False  # answered (and not "ok") or never asked
