"""Schema version 4: automatic revisions (marked, thinned as they age, never duplicated) and the
opinion label of a section, stored and migrated into older files."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

import pytest

from newsdesk.model.article import Article, Image, Section
from newsdesk.store import create_project, open_project
from newsdesk.store.revision_thinning import StoredRevision, revisions_to_drop
from tests.store.conftest import make_photo
from tests.store.make_fixtures import V3_FILE, V4_FILE, fixture_article_v4

NOW = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)


def _article(text: str = "Der Fährmann legt um sechs Uhr ab.") -> Article:
    return Article(
        headline="Fähre fährt wieder",
        language="de",
        sections=[
            Section(markdown=text),
            Section(
                heading="Gut so",
                kind="opinion",
                label="Kommentar",
                markdown="Endlich wieder über den Fluss.",
            ),
        ],
    )


def _auto(revision_id: int, hours_ago: float) -> StoredRevision:
    return StoredRevision(revision_id, NOW - dt.timedelta(hours=hours_ago), True)


def test_thinning_keeps_the_whole_last_day():
    revisions = [_auto(n, n * 0.1) for n in range(1, 200)]  # every 6 minutes, 20 hours back
    assert revisions_to_drop(revisions, NOW) == []


def test_thinning_keeps_the_newest_of_each_hour_after_a_day():
    # 30 and 31 hours ago, 10 minutes apart, in the same clock hour: the newer one stays.
    older, newer = _auto(1, 30 + 50 / 60), _auto(2, 30 + 40 / 60)
    assert revisions_to_drop([older, newer, _auto(3, 27)], NOW) == [1]


def test_thinning_keeps_one_a_day_after_a_week():
    ten_days = [_auto(n, 24 * 10 + n) for n in range(1, 6)]  # five in one day (UTC)
    assert revisions_to_drop(ten_days, NOW) == [2, 3, 4, 5]


def test_thinning_never_drops_a_saved_revision():
    manual = [StoredRevision(n, NOW - dt.timedelta(days=30, minutes=n), False) for n in range(9)]
    assert revisions_to_drop(manual, NOW) == []


def test_automatic_revision_is_marked_and_thinned_on_save(tmp_path):
    article = _article()
    with create_project(tmp_path / "faehre.newsdesk", article) as project:
        for step in range(6):  # six automatic revisions, 10 minutes apart, 3 days ago
            article.sections[0].markdown += f" Satz {step}."
            when = NOW - dt.timedelta(days=3, minutes=55 - 10 * step)
            project.save(article, revision_label="Automatisch", automatic=True, now=when)
        project.save(article, revision_label="Gespeichert")
        assert len(project.revisions()) == 7  # nothing is thinned until the next automatic one
        article.sections[0].markdown += " Noch ein Satz."
        project.save(article, revision_label="Automatisch", automatic=True, now=NOW)
        revisions = project.revisions()
    assert [(r.label, r.automatic) for r in revisions] == [
        ("Automatisch", True),
        ("Gespeichert", False),
        ("Automatisch", True),  # the newest of that hour
    ]


def test_automatic_revision_of_an_unchanged_article_is_not_recorded(tmp_path):
    article = _article()
    with create_project(tmp_path / "faehre.newsdesk", article) as project:
        project.save(article, revision_label="Saved")
        project.save(article, revision_label="Before deleting", automatic=True)
        project.save(article, revision_label="Saved again")  # the user's own: always recorded
        assert [r.label for r in project.revisions()] == ["Saved again", "Saved"]


def test_thinned_revisions_free_their_photos(tmp_path):
    article = _article()
    article.images.append(Image(data=make_photo((10, 20, 30)), width=64, height=48))
    path = tmp_path / "faehre.newsdesk"
    with create_project(path, article) as project:
        project.save(article, revision_label="auto", automatic=True, now=NOW - dt.timedelta(days=9))
        article.images[0].data = make_photo((200, 20, 30))
        project.save(article, revision_label="auto", automatic=True, now=NOW - dt.timedelta(days=9))
        article.images.clear()
        project.save(article, revision_label="auto", automatic=True, now=NOW)
    conn = sqlite3.connect(path)
    try:
        blobs = conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0]
        revisions = conn.execute("SELECT COUNT(*) FROM revisions").fetchone()[0]
    finally:
        conn.close()
    assert revisions == 2  # one of the two on that day, and today's
    assert blobs == 1  # the first photo went with its revision


def test_section_label_is_stored_and_read_back(tmp_path):
    path = tmp_path / "faehre.newsdesk"
    with create_project(path, _article()) as project:
        project.save(project.load(), revision_label="Gespeichert")
        revision_id = project.revisions()[0].id
        assert project.load_revision(revision_id).sections[1].label == "Kommentar"
    with open_project(path) as project:
        assert project.load().sections[1].label == "Kommentar"


@pytest.mark.parametrize("read_only", [True, False])
def test_version_3_file_reads_default_labels_and_manual_revisions(tmp_path, read_only):
    path = tmp_path / "bruecke3.newsdesk"
    shutil.copyfile(V3_FILE, path)
    with open_project(path, read_only=read_only) as project:
        article = project.load()
        revisions = project.revisions()
    assert all(section.label == "" for section in article.walk_sections())
    assert revisions and not any(revision.automatic for revision in revisions)
    version = int.from_bytes(path.read_bytes()[60:64], "big")
    assert version == (3 if read_only else 4)


def test_fixture_is_schema_version_4():
    assert int.from_bytes(V4_FILE.read_bytes()[60:64], "big") == 4


@pytest.mark.parametrize("read_only", [True, False])
def test_version_4_fixture_opens_with_its_labels_and_automatic_revision(tmp_path, read_only):
    path = tmp_path / "bruecke4.newsdesk"
    shutil.copyfile(V4_FILE, path)
    with open_project(path, read_only=read_only) as project:
        assert project.load() == fixture_article_v4()
        revisions = project.revisions()
        assert [(r.label, r.automatic) for r in revisions] == [
            ("Vor dem Löschen eines Abschnitts", True),
            ("Erste Fassung", False),
        ]
        before = project.load_revision(revisions[0].id)
    assert before.sections[2].label == "Kommentar"
