"""The PDF proof is the page the export writes for the article's publication: its site name in the
footer, its language for an article without one, its canonical address and the article's last
change (dateModified, and "Stand: …" in the header), not the file's time."""

from __future__ import annotations

import io
import re

import pypdf

from newsdesk import cli
from newsdesk.formats.exporters import ExportOptions
from newsdesk.gui.printing import export_pdf
from newsdesk.gui.printing.pdf_export import footer_style, print_html
from newsdesk.model.article import Article, Section
from newsdesk.model.last_change import MODIFIED_PROPERTY
from newsdesk.publication import (
    PublicationProfile,
    Publications,
    save_publications,
    set_article_publication,
)
from newsdesk.store import create_project, open_project

KUESTENBOTE = PublicationProfile(
    name="Küstenbote",
    site_name="Der Küstenbote",
    base_url="https://kuestenbote.example/lokales",
    publisher_name="Küstenbote Verlag",
    language="de",
)


def _article() -> Article:
    article = Article(
        headline="Neue Buslinie verbindet die Dörfer am Deich",
        byline="Frauke Janssen",
        language="",  # none of its own: the publication's German
        published="2026-11-27",
        slug="buslinie-deich",
        description="Ab Dezember fährt die Linie 7 stündlich.",
        sections=[Section(markdown="Die Linie 7 fährt ab dem 1. Dezember 40 km am Deich entlang.")],
    )
    article.properties[MODIFIED_PROPERTY] = "2026-11-28T10:05:00Z"
    return article


def _text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_proof_page_is_the_publications_page():
    html = print_html(_article(), ExportOptions(profile=KUESTENBOTE), "a4")
    assert '<html lang="de">' in html
    assert '<link rel="canonical" href="https://kuestenbote.example/lokales/buslinie-deich"' in html
    assert re.search(r'"dateModified": ?"2026-11-28T10:05:00Z"', html)
    footer = "Der Küstenbote · Neue Buslinie verbindet die Dörfer am Deich · 27. November 2026"
    assert footer in html.replace("\u00a0", " ")
    assert "@top-right" in html and "Stand: 28." in html.replace("\u00a0", " ")


def test_without_a_publication_or_a_last_change_the_footer_is_as_before():
    article = _article()
    article.language = "en"
    del article.properties[MODIFIED_PROPERTY]
    style = footer_style(article, "a4")
    assert "Der Küstenbote" not in style and "@top-right" not in style
    assert "Neue Buslinie verbindet die Dörfer am Deich · November" in style.replace("\u00a0", " ")
    english = footer_style(article, "letter", modified="2026-11-28T10:05:00Z")
    assert "Last change: November" in english.replace("\u00a0", " ")
    assert "size: letter" in english


def test_the_printed_proof_names_the_site_and_the_last_change(qapp, tmp_path):
    out = export_pdf(
        _article(), tmp_path / "proof.pdf", ExportOptions(paper="a4", profile=KUESTENBOTE)
    )
    text = " ".join(_text(out.read_bytes()).replace("\u00a0", " ").split())
    assert (
        "Der Küstenbote · Neue Buslinie verbindet die Dörfer am Deich · 27. November 2026" in text
    )
    assert "Stand: 28. November 2026" in text
    assert "1 / 1" in text


def test_the_command_lines_proof_uses_the_chosen_publication(qapp, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    save_publications(Publications([KUESTENBOTE]))
    article = _article()
    del article.properties[MODIFIED_PROPERTY]
    set_article_publication(article, "Küstenbote")
    path = tmp_path / "buslinie.newsdesk"
    create_project(path, article).close()
    with open_project(path) as project:  # an edit: the store records the last change
        edited = project.load()
        edited.subheadline = "Linie 7 ab Dezember"
        project.save(edited)
    out = tmp_path / "buslinie.pdf"
    assert cli.main(["export", str(path), "-o", str(out), "--paper", "a4"]) == 0
    capsys.readouterr()
    text = " ".join(_text(out.read_bytes()).replace("\u00a0", " ").split())
    assert "Der Küstenbote · Neue Buslinie" in text
    assert "Stand: " in text
