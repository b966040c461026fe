"""The article's last change (the page's dateModified) is kept by the store: a save that changes
the content sets it, a save that changes nothing a reader sees keeps it, and writes that are no
change of the article (derived photo sizes, revisions, the chosen publication) leave it alone,
though they change the file's modification time."""

from __future__ import annotations

import datetime as dt

from newsdesk import cli
from newsdesk.model.article import Article, Section
from newsdesk.model.last_change import MODIFIED_PROPERTY, iso_utc, last_change
from newsdesk.store import create_project, open_project

MONDAY = dt.datetime(2026, 11, 23, 8, 15, 30, tzinfo=dt.UTC)
TUESDAY = MONDAY + dt.timedelta(days=1)


def _article() -> Article:
    return Article(
        headline="Harbour cranes return",
        language="en",
        slug="harbour-cranes",
        sections=[Section(markdown="Two cranes arrive by barge on Monday.")],
    )


def _edited(path, when: dt.datetime) -> Article:
    with open_project(path) as project:
        article = project.load()
        article.sections[0].markdown += " The quay is closed to cars."
        project.save(article, now=when)
    return article


def test_a_new_file_has_no_last_change_and_an_edit_records_it(tmp_path):
    path = tmp_path / "cranes.newsdesk"
    create_project(path, _article()).close()
    with open_project(path, read_only=True) as project:
        assert last_change(project.load()) is None
    edited = _edited(path, MONDAY)
    assert last_change(edited) == "2026-11-23T08:15:30Z"  # the saved article says so too
    with open_project(path, read_only=True) as project:
        assert last_change(project.load()) == "2026-11-23T08:15:30Z"


def test_saves_without_a_change_of_content_keep_it(tmp_path):
    path = tmp_path / "cranes.newsdesk"
    create_project(path, _article()).close()
    _edited(path, MONDAY)
    with open_project(path) as project:
        article = project.load()
        project.save(article, now=TUESDAY)  # nothing changed
        project.save(article, revision_label="Before the editor reads it", now=TUESDAY)
        article.properties["publication"] = "Harbour Gazette"  # not what a reader sees
        project.save(article, now=TUESDAY)
        project.derived_put("photo-size:abc:640", b"\xff\xd8 derived bytes")
        assert last_change(article) == "2026-11-23T08:15:30Z"
    with open_project(path, read_only=True) as project:
        assert last_change(project.load()) == "2026-11-23T08:15:30Z"
    edited = _edited(path, TUESDAY)  # a change after all
    assert last_change(edited) == iso_utc(TUESDAY)


def test_a_restored_revision_is_a_change(tmp_path):
    path = tmp_path / "cranes.newsdesk"
    create_project(path, _article()).close()
    with open_project(path) as project:
        article = project.load()
        project.save(article, revision_label="First", now=MONDAY)
        article.headline = "Harbour cranes arrive"
        project.save(article, now=MONDAY)
        first = project.load_revision(project.revisions()[-1].id)
        project.save(first, now=TUESDAY)
        assert project.load().headline == "Harbour cranes return"
        assert last_change(project.load()) == iso_utc(TUESDAY)


def test_the_page_says_the_last_change_not_the_files_time(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "cranes.newsdesk"
    create_project(path, _article()).close()
    _edited(path, MONDAY)
    with open_project(path) as project:  # a write that is no change: the file's time moves
        project.derived_put("photo-size:abc:640", b"\xff\xd8 derived bytes")
        project.save(project.load(), revision_label="Checked", now=TUESDAY)
    pages = []
    for name in ("first.html", "second.html"):
        assert cli.main(["export", str(path), "-o", str(tmp_path / name)]) == 0
        pages.append((tmp_path / name).read_text(encoding="utf-8"))
    capsys.readouterr()
    assert pages[0] == pages[1]
    assert '<meta property="article:modified_time" content="2026-11-23T08:15:30Z">' in pages[0]
    assert '"dateModified": "2026-11-23T08:15:30Z"' in pages[0].replace('":"', '": "')


def test_the_store_not_the_caller_decides_the_last_change(tmp_path):
    path = tmp_path / "cranes.newsdesk"
    article = _article()
    article.properties[MODIFIED_PROPERTY] = "2020-01-01T00:00:00Z"  # carried by an import
    create_project(path, article).close()
    with open_project(path) as project:
        loaded = project.load()
        assert last_change(loaded) == "2020-01-01T00:00:00Z"
        del loaded.properties[MODIFIED_PROPERTY]  # the store, not the caller, decides
        project.save(loaded, now=TUESDAY)
        assert last_change(loaded) == "2020-01-01T00:00:00Z"
