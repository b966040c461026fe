"""The window's page is the command line's: File > Export HTML and the preview render with the
article's publication profile and the article's last change, as `newsdesk export` does."""

from __future__ import annotations

import re

from newsdesk import cli
from newsdesk.gui.files.export import export_html
from newsdesk.gui.publish.page_profile import page_profile
from newsdesk.model.article import Article, Section
from newsdesk.model.last_change import last_change
from newsdesk.publication import (
    PublicationProfile,
    Publications,
    save_publications,
    set_article_publication,
)
from newsdesk.store import open_project
from tests.gui.window_helpers import make_project, new_window


def herald_article() -> Article:
    article = Article(
        headline="Fähre nach Süderoog fährt wieder",
        slug="faehre-suederoog",
        byline="Jörg Weiß",
        description="Ab Mai täglich.",
        sections=[Section(markdown="Die Gemeinde hat die Fähre für zwei Jahre gesichert.")],
    )
    set_article_publication(article, "Inselblatt")
    return article


def save_herald() -> None:
    save_publications(
        Publications(
            profiles=[
                PublicationProfile(
                    name="Inselblatt",
                    site_name="Das Inselblatt",
                    base_url="https://inselblatt.example/artikel",
                    publisher_name="Inselverlag",
                )
            ]
        )
    )


def test_the_exported_page_equals_the_command_lines(qtbot, tmp_path):
    save_herald()
    path = make_project(tmp_path / "fähre.newsdesk", herald_article())
    with open_project(path) as project:
        edited = project.load()
        edited.description = "Ab Mai täglich, auch sonntags."
        project.save(edited)
    window = new_window(qtbot, tmp_path)
    assert window.files.open_path(path)
    from_window = tmp_path / "window.html"
    assert export_html(window.files, from_window)
    window_page = from_window.read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://inselblatt.example/artikel/faehre-suederoog"' in (
        window_page
    )
    # The article's last change as the store recorded it (the edit below), not the file's time.
    assert re.search(r'"dateModified": ?"' + re.escape(last_change(edited)), window_page)
    from_cli = tmp_path / "cli.html"
    assert cli.main(["export", str(path), "-o", str(from_cli)]) == 0
    assert from_cli.read_text(encoding="utf-8") == window_page


def test_the_preview_profile_follows_the_settings_file(tmp_path):
    article = herald_article()
    assert page_profile(article) is None  # no settings yet: the page goes without
    save_herald()
    assert page_profile(article).site_name == "Das Inselblatt"
    set_article_publication(article, "")
    assert page_profile(article) is None
