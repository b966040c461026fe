"""`newsdesk export -o OUT.{html,docx,md,txt}`: the format from the suffix or --format, and the
options that belong to one format."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
import zipfile

import pytest

from newsdesk.cli import main
from newsdesk.formats.text_import import import_plain_text
from newsdesk.store import create_project
from tests.formats.html_export_fixtures import german_article


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "nachtbus.newsdesk"
    create_project(path, german_article()).close()
    return path


def _errors(capsys) -> list[str]:
    lines = capsys.readouterr().err.splitlines()
    return [line for line in lines if not line.startswith("newsdesk: warning:")]


def test_each_suffix_picks_its_writer(project, tmp_path):
    for name in ("a.html", "a.docx", "a.md", "a.markdown", "a.txt"):
        assert main(["export", str(project), "-o", str(tmp_path / name)]) == 0, name
    assert (tmp_path / "a.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert zipfile.is_zipfile(tmp_path / "a.docx")
    assert (tmp_path / "a.md").read_text(encoding="utf-8").startswith("---\ntitle: Stadtrat")
    assert (tmp_path / "a_files").is_dir() and (tmp_path / "a.markdown").is_file()
    text = (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert import_plain_text(text).headline == german_article().headline


def test_format_option_wins_over_the_suffix(project, tmp_path):
    assert main(["export", str(project), "-o", str(tmp_path / "wire.dat"), "--format", "txt"]) == 0
    assert (tmp_path / "wire.dat").read_text(encoding="utf-8").startswith("Stadtrat")


def test_unknown_suffix_and_bad_width_are_one_line(project, tmp_path, capsys):
    assert main(["export", str(project), "-o", str(tmp_path / "a.odt")]) == 2
    assert _errors(capsys) == [
        "newsdesk: a.odt: the export file name ends in .html, .pdf, .docx, .md or .txt "
        "(or choose one with --format)"
    ]
    assert main(["export", str(project), "-o", str(tmp_path / "a.txt"), "--width", "10"]) == 2
    assert _errors(capsys) == ["newsdesk: the line width must be between 30 and 100 characters"]
    assert not (tmp_path / "a.txt").exists() and not (tmp_path / "a.odt").exists()


def test_width_wraps_the_agency_text(project, tmp_path):
    out = tmp_path / "a.txt"
    assert main(["export", str(project), "-o", str(out), "--width", "60"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(len(line) <= 60 for line in lines if not line.startswith(("- ", "<<")))


def test_no_photo_credits_leaves_the_html_photos_bare(project, tmp_path):
    bare, credited = tmp_path / "bare.html", tmp_path / "credited.html"
    assert main(["export", str(project), "-o", str(bare), "--no-photo-credits"]) == 0
    assert main(["export", str(project), "-o", str(credited)]) == 0
    for page, has_credits in ((bare, False), (credited, True)):
        photos = [
            base64.b64decode(uri)
            for uri in re.findall(r"data:image/jpeg;base64,([A-Za-z0-9+/=]+)", page.read_text())
        ]
        assert photos
        assert all((b"Lena Vogt" in photo or b"Redaktion" in photo) == has_credits
                   for photo in photos)  # fmt: skip


def _kept_sizes(project_path) -> int:
    import sqlite3

    with sqlite3.connect(project_path) as connection:
        return connection.execute("SELECT count(*) FROM derived").fetchone()[0]


def test_the_derived_sizes_are_kept_in_the_file_and_its_time_is_not_touched(project, tmp_path):
    from newsdesk.store import open_project

    for image in german_article().images:
        assert image.has_photo
    with open_project(project) as opened:  # the sizes as a window would record them
        opened.save(german_article())
    before = project.stat().st_mtime_ns
    assert _kept_sizes(project) == 0
    assert main(["export", str(project), "-o", str(tmp_path / "a.html")]) == 0
    kept = _kept_sizes(project)
    assert kept > 0  # the second export finds them
    assert project.stat().st_mtime_ns == before  # no change of the article: same dateModified
    # Open in another Newsdesk (its lock held): the export still runs and keeps nothing more.
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_OPEN, str(project)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        assert main(["export", str(project), "-o", str(tmp_path / "b.md")]) == 0
        assert _kept_sizes(project) == kept
    finally:
        holder.kill()
        holder.wait()


_HOLD_OPEN = """
import sys, time
from newsdesk.store.lock import ProjectLock
with ProjectLock(sys.argv[1]):  # what a window holds while the file is open in it
    print("open", flush=True)
    time.sleep(60)
"""
