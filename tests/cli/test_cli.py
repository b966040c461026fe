"""The command line end to end: every subcommand; bad input is refused in one line."""

import json
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest

from newsdesk.model.serialize import article_to_dict
from newsdesk.sample import sample_article
from tests.cli.cli_run import run

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def sample_json(tmp_path):
    """The sample article as an importable JSON file with its photo beside it."""
    data = article_to_dict(sample_article())
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(sample_article().images[0].data)
    data["images"][0]["path"] = "photo.jpg"
    source = tmp_path / "sample.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    return source


def test_import_info_export_check_round_trip(tmp_path, capsys, sample_json):
    project = tmp_path / "ferry.newsdesk"
    assert run(capsys, "import", sample_json, "-o", project)[0] == 0
    code, out, _ = run(capsys, "info", project, "--json")
    assert code == 0
    info = json.loads(out)
    assert info == article_to_dict(sample_article()) | {"images": info["images"]}
    assert info["images"][0]["width"] == 1600

    page = tmp_path / "ferry.html"
    assert run(capsys, "export", project, "-o", page)[0] == 0
    tree = html5lib.parse(page.read_text(encoding="utf-8"), namespaceHTMLElements=False)
    assert tree.find(".//h1").text == info["headline"]
    assert tree.find(".//figure//img") is not None

    code, out, _ = run(capsys, "check", project, "--json")
    # Hints (level info: spelling, a publication to choose) do not keep a page from going out.
    assert code == 0 and [f for f in json.loads(out) if f["level"] != "info"] == []


def test_info_json_import_info_json_is_the_same_article(tmp_path, capsys, sample_json):
    first = tmp_path / "a.newsdesk"
    run(capsys, "import", sample_json, "-o", first)
    _, info_json, _ = run(capsys, "info", first, "--json")
    exported = tmp_path / "again.json"
    exported.write_text(info_json, encoding="utf-8")
    second = tmp_path / "b.newsdesk"
    assert run(capsys, "import", exported, "-o", second)[0] == 0
    _, again, _ = run(capsys, "info", second, "--json")
    assert json.loads(again) == json.loads(info_json)


def test_text_import_and_check_reports_the_missing_photo(tmp_path, capsys):
    source = FIXTURES / "hallenbad.txt"
    project = tmp_path / "bad.newsdesk"
    assert run(capsys, "import", source, "-o", project)[0] == 0
    code, out, _ = run(capsys, "check", project, "--json")
    assert code == 1
    codes = {finding["code"] for finding in json.loads(out)}
    assert {"image-missing", "alt-missing", "related-url-missing"} <= codes
    code, out, _ = run(capsys, "info", project)
    assert code == 0 and "Bürgerbad" in out and "[opinion]" in out


def test_export_folder_mode_writes_images_beside_the_page(tmp_path, capsys, sample_json):
    project = tmp_path / "f.newsdesk"
    run(capsys, "import", sample_json, "-o", project)
    page = tmp_path / "out" / "page.html"
    page.parent.mkdir()
    assert run(capsys, "export", project, "-o", page, "--assets", "folder")[0] == 0
    written = [p for p in page.parent.rglob("*") if p.is_file() and p != page]
    assert written and all("data:image" not in page.read_text() for _ in [0])


def test_new_creates_an_empty_project_and_refuses_to_overwrite(tmp_path, capsys):
    project = tmp_path / "leer.newsdesk"
    assert run(capsys, "new", project, "--headline", "Entwurf")[0] == 0
    _, out, _ = run(capsys, "info", project, "--json")
    assert json.loads(out)["headline"] == "Entwurf"
    before = project.read_bytes()
    code, _, err = run(capsys, "new", project)
    assert code == 2 and err.count("\n") == 1 and project.read_bytes() == before


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "missing.txt", "-o", "x.newsdesk"],
        ["import", "source.pdf", "-o", "x.newsdesk"],
        ["import", "source.txt", "-o", "x.docx"],
        ["info", "garbage.newsdesk"],
        ["check", "missing.newsdesk"],
        ["export", "garbage.newsdesk", "-o", "out.html"],
        ["export", "garbage.newsdesk", "-o", "out.pdf"],
        ["frobnicate"],
        ["info"],
        ["export", "a.newsdesk"],
        ["--bogus"],
    ],
)
def test_bad_input_gets_one_line_exit_2_and_nothing_written(tmp_path, capsys, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "garbage.newsdesk").write_bytes(b"not a database at all" * 20)
    (tmp_path / "source.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "source.txt").write_text("Titel\n\nText.", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith("newsdesk: ") and err.count("\n") == 1, err
    assert "Traceback" not in err + out
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_entry_points_work_as_processes(tmp_path):
    version = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.startswith("newsdesk ")
    bad = subprocess.run(
        [sys.executable, "-m", "newsdesk", "info", str(tmp_path / "nope.newsdesk")],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert Path(bad.stderr.strip()).name != ""


def test_the_program_leaves_quickly_with_everything_written(tmp_path, capsys, sample_json):
    # `run` ends a command with os._exit after flushing: the output, the files and the exit
    # status must be exactly what `main` gives in the process.
    project = tmp_path / "ferry.newsdesk"
    assert run(capsys, "import", sample_json, "-o", project)[0] == 0
    program = [sys.executable, "-m", "newsdesk"]
    info = subprocess.run([*program, "info", str(project), "--json"], capture_output=True)
    assert info.returncode == 0
    assert json.loads(info.stdout) == json.loads(run(capsys, "info", project, "--json")[1])
    exported = subprocess.run([*program, "export", str(project), "-o", str(tmp_path / "a.html")])
    assert exported.returncode == 0
    assert run(capsys, "export", project, "-o", tmp_path / "b.html")[0] == 0
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    refused = subprocess.run([*program, "export", str(project), "-o", str(tmp_path / "a.html")],
                             capture_output=True, text=True)  # fmt: skip
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "--force" in refused.stderr
