"""`newsdesk export` says what the check finds, refuses with --strict, and uses the article's
publication profile from the user's settings (issue 15)."""

from __future__ import annotations

import json

import html5lib

from newsdesk.model.article import Article, Image, Section
from newsdesk.publication import (
    PublicationProfile,
    Publications,
    save_publications,
    set_article_publication,
)
from newsdesk.store import create_project
from tests.cli.cli_run import run
from tests.formats.html_export_fixtures import jpeg_bytes


def _article(*, photo: bool) -> Article:
    return Article(
        headline="Fähre nach Helgoland fällt aus",
        byline="Von Birte Janßen/dpa",
        language="de",
        slug="faehre-helgoland",
        description="Wegen Sturms bleibt die Fähre im Hafen.",
        sections=[Section(markdown="Der Sturm hält die Fähre im Hafen.")],
        images=[
            Image(
                role="lead",
                data=jpeg_bytes() if photo else None,
                width=1800 if photo else 0,
                height=1200 if photo else 0,
                caption="Die Fähre am Kai",
                alt="Ein weißes Schiff liegt an einer Kaimauer",
                credit="Birte Janßen",
            )
        ],
    )


def test_each_check_error_is_a_warning_line_and_the_page_is_written(tmp_path, capsys, config_home):
    project = tmp_path / "faehre.newsdesk"
    create_project(project, _article(photo=False)).close()
    page = tmp_path / "faehre.html"
    code, _out, err = run(capsys, "export", project, "-o", page)
    assert code == 0 and page.exists()
    warnings = [line for line in err.splitlines() if line.startswith("newsdesk: warning:")]
    assert warnings == ["newsdesk: warning: the lead image has no photo file yet [image-missing, "
                        f"image:{_image_id(project)}]"]  # fmt: skip


def _image_id(project) -> str:
    from newsdesk.store import open_project

    with open_project(project, read_only=True) as opened:
        return opened.load().images[0].id


def test_strict_refuses_and_writes_nothing(tmp_path, capsys, config_home):
    project = tmp_path / "faehre.newsdesk"
    create_project(project, _article(photo=False)).close()
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _out, err = run(capsys, "export", project, "-o", tmp_path / "f.html", "--strict",
                          "--assets", "folder")  # fmt: skip
    assert code == 1
    assert "not exported" in err.splitlines()[-1]
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_strict_exports_a_clean_article(tmp_path, capsys, config_home):
    project = tmp_path / "faehre.newsdesk"
    create_project(project, _article(photo=True)).close()
    code, _out, err = run(capsys, "export", project, "-o", tmp_path / "f.html", "--strict")
    assert code == 0 and "warning" not in err


def test_the_chosen_publication_gives_the_page_its_address(tmp_path, capsys, config_home):
    save_publications(
        Publications(
            [
                PublicationProfile(
                    name="Inselbote",
                    site_name="Der Inselbote",
                    base_url="https://inselbote.example/nachrichten",
                    publisher_name="Inselbote Medien",
                )
            ]
        ),
        config_home / "newsdesk" / "publications.json",
    )
    article = _article(photo=True)
    set_article_publication(article, "Inselbote")
    project = tmp_path / "faehre.newsdesk"
    with create_project(project, article) as opened:
        article.description = "Die Fähre fährt ab Mai wieder täglich."
        opened.save(article)  # a change: the store records the article's last change
    page = tmp_path / "faehre.html"
    assert run(capsys, "export", project, "-o", page, "--assets", "folder")[0] == 0
    tree = html5lib.parse(page.read_text(encoding="utf-8"), namespaceHTMLElements=False)
    metas = {m.get("property") or m.get("name"): m.get("content") for m in tree.iter("meta")}
    assert metas["og:url"] == "https://inselbote.example/nachrichten/faehre-helgoland"
    assert metas["og:image"].startswith("https://inselbote.example/nachrichten/faehre_files/")
    assert metas["article:modified_time"] == article.properties["modified"]
    data = json.loads(tree.find(".//script").text)
    assert data["publisher"]["name"] == "Inselbote Medien"
    assert data["author"][1] == {"@type": "Organization", "name": "dpa"}


def test_check_says_what_the_page_lacks_without_a_publication(tmp_path, capsys, config_home):
    project = tmp_path / "faehre.newsdesk"
    create_project(project, _article(photo=True)).close()
    code, out, _err = run(capsys, "check", project, "--json", "--no-spelling")
    assert code == 0
    (finding,) = [f for f in json.loads(out) if f["code"].startswith("publication-")]
    assert finding["code"] == "publication-missing" and finding["level"] == "info"
    assert "canonical link" in finding["message"] and finding["details"]["missing"]


def test_an_unknown_publication_is_a_warning_not_a_failure(tmp_path, capsys, config_home):
    article = _article(photo=True)
    set_article_publication(article, "Gibt es nicht")
    project = tmp_path / "faehre.newsdesk"
    create_project(project, article).close()
    code, _out, err = run(capsys, "export", project, "-o", tmp_path / "f.html")
    assert code == 0
    assert "no publication called 'Gibt es nicht'" in err
