"""The Word, Markdown and agency-text exports under write faults, a real full disk, a name that
exists and a photo that can no longer be read: one clear line, nothing half-written, the earlier
file untouched, the article unchanged.
"""

from __future__ import annotations

import errno
import os

import pytest

from newsdesk.cli import main
from newsdesk.errors import ExportError
from newsdesk.formats.exporters import DOCX, MARKDOWN, TEXT, export_article
from newsdesk.model.article import Image
from newsdesk.store import create_project
from tests.photo_sources import CountingSource
from tests.reliability.faults import Kept, check_refusal, snapshot_folder
from tests.reliability.test_io_faults import EXPORT_FAULTS, _raiser
from tests.reliability.test_real_disk_full import fill, small_disk, with_big_photo  # noqa: F401
from tests.store.conftest import english_article

FORMATS = {DOCX: "story.docx", MARKDOWN: "story.md", TEXT: "story.txt"}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("where, code, words", EXPORT_FAULTS.values(), ids=EXPORT_FAULTS.keys())
def test_a_failed_write_keeps_the_earlier_file_and_the_article(
    tmp_path, monkeypatch, fmt, where, code, words
):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / FORMATS[fmt]
    out.write_bytes(b"the version sent yesterday")
    kept = Kept(with_big_photo())
    before = snapshot_folder(folder)
    target = f"os.{where}"
    monkeypatch.setattr(target, _raiser(OSError(code, os.strerror(code))))
    with pytest.raises(ExportError) as caught:
        export_article(kept.article, out, fmt)
    assert words in check_refusal(caught, ExportError)
    assert caught.value.code.startswith("export.")
    monkeypatch.undo()
    assert snapshot_folder(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == [out.name]  # no temp file, no folder
    assert kept.unchanged()
    export_article(kept.article, tmp_path / FORMATS[fmt], fmt)  # and elsewhere it works


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_real_full_disk(small_disk, tmp_path, fmt):  # noqa: F811 (the imported fixture)
    out = small_disk / FORMATS[fmt]
    out.write_bytes(b"the version sent yesterday")
    article = with_big_photo()
    article.sections[0].markdown += "\n\n" + "Ein langer Absatz über den Hafen. " * 800
    kept = Kept(article)
    fill(small_disk, leave=8 * 1024)
    before = snapshot_folder(small_disk)
    with pytest.raises(ExportError) as caught:
        export_article(kept.article, out, fmt)
    assert "the disk is full" in check_refusal(caught, ExportError)
    assert caught.value.code == "export.disk_full"
    assert snapshot_folder(small_disk) == before
    assert sorted(p.name for p in small_disk.iterdir()) == sorted(["filler", out.name])
    assert kept.unchanged()


def _errors(capsys) -> list[str]:
    """The lines on stderr that are not the check's warnings (export prints those too)."""
    lines = capsys.readouterr().err.splitlines()
    return [line for line in lines if not line.startswith("newsdesk: warning:")]


def test_the_command_line_refuses_an_existing_target_without_force(tmp_path, capsys):
    project = tmp_path / "a.newsdesk"
    create_project(project, english_article()).close()
    for name in ("a.html", "a.docx", "a.md", "a.txt", "a.pdf"):
        target = tmp_path / name
        target.write_bytes(b"keep me")
        assert main(["export", str(project), "-o", str(target)]) == 2
        error = _errors(capsys)
        assert len(error) == 1 and "exists already; use --force" in error[0]
        assert target.read_bytes() == b"keep me"
    assert main(["export", str(project), "-o", str(tmp_path / "a.txt"), "--force"]) == 0
    assert (tmp_path / "a.txt").read_bytes() != b"keep me"


def test_an_unwritable_folder_is_one_line(tmp_path, capsys, monkeypatch):
    project = tmp_path / "a.newsdesk"
    create_project(project, english_article()).close()
    # Root writes anywhere, so the refusal is injected where the kernel would give it.
    monkeypatch.setattr("os.open", _raiser(PermissionError(errno.EACCES, "denied")))
    for name in ("a.docx", "a.md", "a.txt"):
        assert main(["export", str(project), "-o", str(tmp_path / name)]) == 2
        error = _errors(capsys)
        assert len(error) == 1 and error[0].startswith("newsdesk: no permission to write")
    assert not any(p.suffix in (".docx", ".md", ".txt") for p in tmp_path.iterdir())


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_photo_that_can_no_longer_be_read_is_left_out_not_fatal(tmp_path, fmt):
    article = english_article()
    lost = Image(role="inline", caption="Gone", credit="Ada Berg")
    lost.photo = CountingSource(b"\xff\xd8 whatever", gone=True)
    article.images.append(lost)
    article.sections[0].markdown += f"\n\n![](image:{lost.id})\n\nAfter the photo."
    out = tmp_path / FORMATS[fmt]
    export_article(article, out, fmt)
    assert out.stat().st_size > 0
    if fmt == MARKDOWN:
        assert "<< photo by Ada Berg >>" in out.read_text(encoding="utf-8")
