"""The second `newsdesk export` of a file is warm: the first kept the converted text beside the
photo sizes in the project file (formats.kept_render), without changing the article, and keeps
nothing while a Newsdesk has the file open."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from newsdesk.cli import main
from newsdesk.formats.kept_render import KEPT_RENDER_KEY
from newsdesk.store import create_project, open_project
from tests.formats.html_export_fixtures import english_opinion


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "ferry.newsdesk"
    create_project(path, english_opinion()).close()
    return path


def _kept_render(path) -> bytes | None:
    with sqlite3.connect(path) as connection:
        row = connection.execute(
            "SELECT bytes FROM derived WHERE key = ?", (KEPT_RENDER_KEY,)
        ).fetchone()
    return row[0] if row else None


def _article(path):
    with open_project(path, read_only=True) as opened:
        return opened.load()


def test_the_second_export_uses_the_kept_text_and_writes_the_same_page(project, tmp_path):
    article = _article(project)
    before = project.stat().st_mtime_ns
    assert main(["export", str(project), "-o", str(tmp_path / "cold.html")]) == 0
    kept = _kept_render(project)
    assert kept
    assert main(["export", str(project), "-o", str(tmp_path / "warm.html")]) == 0
    assert _kept_render(project) == kept  # nothing new to keep
    assert (tmp_path / "warm.html").read_bytes() == (tmp_path / "cold.html").read_bytes()
    assert _article(project) == article  # the article itself is not changed
    assert project.stat().st_mtime_ns == before


_HOLD_OPEN = """
import sys, time
from newsdesk.store.lock import ProjectLock
with ProjectLock(sys.argv[1]):  # what a window holds while the file is open in it
    print("open", flush=True)
    time.sleep(60)
"""


def test_nothing_is_kept_while_the_file_is_open_in_a_newsdesk(project, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_OPEN, str(project)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        assert main(["export", str(project), "-o", str(tmp_path / "open.html")]) == 0
        assert _kept_render(project) is None
    finally:
        holder.kill()
        holder.wait()
    assert main(["export", str(project), "-o", str(tmp_path / "closed.html")]) == 0
    assert _kept_render(project)
    assert (tmp_path / "open.html").read_bytes() == (tmp_path / "closed.html").read_bytes()


def test_the_pdf_proof_keeps_and_uses_the_same_page_parts(project, tmp_path):
    article = _article(project)
    assert main(["export", str(project), "-o", str(tmp_path / "page.html")]) == 0
    kept = _kept_render(project)
    with sqlite3.connect(project) as connection:
        sizes = connection.execute("SELECT count(*) FROM derived").fetchone()[0]
    assert main(["export", str(project), "-o", str(tmp_path / "proof.pdf")]) == 0
    assert (tmp_path / "proof.pdf").read_bytes().startswith(b"%PDF")
    # The proof is the exported page: its photo sizes and text were there already.
    assert _kept_render(project) == kept
    with sqlite3.connect(project) as connection:
        assert connection.execute("SELECT count(*) FROM derived").fetchone()[0] == sizes
    assert _article(project) == article


_WARM_EXPORT = """
import sys
from newsdesk.cli import main
code = main(["export", sys.argv[1], "-o", sys.argv[2]])
print(code, "PIL" in sys.modules, "markdown" in sys.modules)
"""


def test_a_warm_export_loads_neither_pillow_nor_python_markdown(project, tmp_path):
    from newsdesk.imaging import inspect_image

    article = english_opinion()
    for image in article.images:  # their sizes recorded, as the window records them
        info = inspect_image(image.data or b"")
        image.width, image.height = info.width, info.height
    with open_project(project) as opened:
        opened.save(article)
    assert main(["export", str(project), "-o", str(tmp_path / "cold.html")]) == 0
    done = subprocess.run(
        [sys.executable, "-c", _WARM_EXPORT, str(project), str(tmp_path / "warm.html")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.split() == ["0", "False", "False"]
    assert (tmp_path / "warm.html").read_bytes() == (tmp_path / "cold.html").read_bytes()
