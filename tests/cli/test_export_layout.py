"""`newsdesk export --layout` and `newsdesk check --layout` (issue 18): the page in a house layout
or the user's stylesheet, a stylesheet that may not be used refused in one line, and the labels a
stylesheet hides reported."""

from __future__ import annotations

import pytest

from newsdesk.house_layouts import built_in_layout, set_article_layout
from newsdesk.model.article import Article, Image, Section
from newsdesk.publication import (
    PublicationProfile,
    Publications,
    save_publications,
    set_article_publication,
)
from newsdesk.store import create_project, open_project
from tests.cli.cli_run import run
from tests.formats.html_export_fixtures import jpeg_bytes


def _article() -> Article:
    return Article(
        headline="Bibliothek öffnet sonntags",
        byline="Von Mira Lenz",
        language="de",
        slug="bibliothek-sonntags",
        description="Die Stadtbibliothek probiert Sonntagsöffnungen aus.",
        sections=[Section(markdown="Ab Mai öffnet die Stadtbibliothek auch sonntags.")],
        images=[
            Image(
                role="lead",
                data=jpeg_bytes(),
                width=1800,
                height=1200,
                caption="Lesesaal der Stadtbibliothek",
                alt="Ein heller Lesesaal mit langen Holztischen",
                credit="Mira Lenz",
            )
        ],
    )


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "bibliothek.newsdesk"
    create_project(path, _article()).close()
    return path


def _layout_in(page) -> str:
    text = page.read_text(encoding="utf-8")
    marker = "/* House layout: "
    return text[text.index(marker) + len(marker) :].split(" ", 1)[0] if marker in text else ""


def test_a_built_in_layout_by_name(project, tmp_path, capsys, config_home):
    page = tmp_path / "seite.html"
    code, _out, err = run(capsys, "export", project, "-o", page, "--layout", "Broadsheet")
    assert (code, err) == (0, "")
    assert _layout_in(page) == "broadsheet"
    assert built_in_layout("broadsheet").css in page.read_text(encoding="utf-8")


def test_the_users_stylesheet_file(project, tmp_path, capsys, config_home):
    sheet = tmp_path / "haus.css"
    sheet.write_text("h1 { color: #0b4f6c; text-transform: uppercase }", encoding="utf-8")
    page = tmp_path / "seite.html"
    code, _out, _err = run(capsys, "export", project, "-o", page, "--layout", sheet)
    assert code == 0
    assert _layout_in(page) == "custom"
    assert "h1 { color: #0b4f6c; text-transform: uppercase }" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "css, words",
    [
        ("@import url(https://fonts.example/serif.css);", "imports another stylesheet"),
        ("body { background: url(https://werbung.example/pixel.gif) }", "from the network"),
        ("p { color: red } </style><script>alert(1)</script>", "</style"),
        ("p { color: red", "cannot be read as CSS"),
    ],
)
def test_a_stylesheet_the_page_may_not_carry_is_one_line_and_nothing_is_written(
    project, tmp_path, capsys, config_home, css, words
):
    sheet = tmp_path / "fremd.css"
    sheet.write_text(css, encoding="utf-8")
    page = tmp_path / "seite.html"
    code, _out, err = run(capsys, "export", project, "-o", page, "--layout", sheet)
    assert code == 2
    assert not page.exists()
    assert len(err.splitlines()) == 1 and words in err and "fremd.css" in err


def test_an_unknown_layout_names_the_choices(project, tmp_path, capsys, config_home):
    code, _out, err = run(
        capsys, "export", project, "-o", tmp_path / "s.html", "--layout", "gazette"
    )
    assert code == 2
    assert err.strip().endswith(
        "use one of standard, broadsheet, tabloid, magazine or the path of a .css file"
    )


def test_the_articles_choice_then_the_publications(project, tmp_path, capsys, config_home):
    save_publications(Publications([PublicationProfile("Stadtanzeiger", house_layout="magazine")]))
    with open_project(project) as opened:
        article = opened.load()
        set_article_publication(article, "Stadtanzeiger")
        opened.save(article)
    page = tmp_path / "a.html"
    assert run(capsys, "export", project, "-o", page)[0] == 0
    assert _layout_in(page) == "magazine"
    with open_project(project) as opened:
        article = opened.load()
        set_article_layout(article, built_in_layout("tabloid"))
        opened.save(article)
    assert run(capsys, "export", project, "-o", page, "--force")[0] == 0
    assert _layout_in(page) == "tabloid"
    assert run(capsys, "export", project, "-o", page, "--force", "--layout", "standard")[0] == 0
    assert _layout_in(page) == ""


def test_hidden_labels_are_warnings_and_strict_refuses(project, tmp_path, capsys, config_home):
    sheet = tmp_path / "versteckt.css"
    sheet.write_text(".credit { display: none }", encoding="utf-8")
    page = tmp_path / "seite.html"
    code, _out, err = run(capsys, "export", project, "-o", page, "--layout", sheet)
    assert code == 0 and page.exists()
    assert "newsdesk: warning: the image" in err and "hides the credit (display: none)" in err
    refused = tmp_path / "streng.html"
    code, _out, err = run(capsys, "export", project, "-o", refused, "--layout", sheet, "--strict")
    assert code == 1 and not refused.exists()
    assert "not exported: the page layout hides 1 label(s)" in err.splitlines()[-1]


def test_check_reports_hidden_labels_and_a_layout_that_cannot_be_used(
    project, tmp_path, capsys, config_home
):
    sheet = tmp_path / "blass.css"
    sheet.write_text(".credit { opacity: 0 }", encoding="utf-8")
    code, out, _err = run(capsys, "check", project, "--no-spelling", "--layout", sheet)
    assert code == 1
    assert "[credit-invisible, image:" in out
    with open_project(project) as opened:
        article = opened.load()
        article.properties["layout"] = (
            '{"name": "custom", "css": "@import url(//x.example/a.css);"}'
        )
        opened.save(article)
    code, out, _err = run(capsys, "check", project, "--no-spelling")
    assert code == 1
    assert "error: the page layout cannot be used: the stylesheet imports another" in out
    assert "[layout-unusable, layout]" in out


def test_without_the_web_engine_the_check_says_the_layout_was_not_checked(
    project, tmp_path, capsys, config_home, monkeypatch
):
    from newsdesk.errors import ExportError
    from newsdesk.gui.printing import pdf_export

    def refuse():
        raise ExportError("the web engine cannot start here", code="export.pdf_engine")

    monkeypatch.setattr(pdf_export, "_ensure_application", refuse)
    sheet = tmp_path / "haus.css"
    sheet.write_text(".credit { display: none }", encoding="utf-8")
    code, out, _err = run(capsys, "check", project, "--no-spelling", "--layout", sheet)
    assert "warning: the page layout was not checked for hidden credits and labels: the web " \
        "engine cannot start here [layout-check-skipped, layout]" in out  # fmt: skip
    assert "credit-invisible" not in out
    assert code == 0


def test_the_pdf_proof_is_drawn_in_the_layout_and_refuses_a_broken_one(
    project, tmp_path, capsys, config_home
):
    proof = tmp_path / "abzug.pdf"
    code, _out, _err = run(capsys, "export", project, "-o", proof, "--layout", "magazine")
    assert code == 0 and proof.read_bytes().startswith(b"%PDF")
    broken = tmp_path / "kaputt.css"
    broken.write_bytes(b"\x00\x01binary")
    code, _out, err = run(capsys, "export", project, "-o", tmp_path / "b.pdf", "--layout", broken)
    assert code == 2 and not (tmp_path / "b.pdf").exists()
    assert err == "newsdesk: kaputt.css is not a stylesheet (not UTF-8 text)\n"


def test_a_damaged_layout_does_not_hold_up_word_or_text(project, tmp_path, capsys, config_home):
    with open_project(project) as opened:
        article = opened.load()
        article.properties["layout"] = "{damaged"
        opened.save(article)
    assert run(capsys, "export", project, "-o", tmp_path / "a.txt")[0] == 0
    assert run(capsys, "export", project, "-o", tmp_path / "a.docx")[0] == 0
    code, _out, err = run(capsys, "export", project, "-o", tmp_path / "a.html")
    assert code == 2 and err == "newsdesk: the article's house layout is damaged\n"
