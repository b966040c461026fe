"""Schema version 3: the article's named properties (the chosen publication, and what later
features keep there) are stored, migrated into older files, and kept when unknown."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from newsdesk.errors import SaveError
from newsdesk.model.serialize import article_from_dict, article_to_dict
from newsdesk.store import create_project, open_project, schema
from tests.store.make_fixtures import V2_FILE, V3_FILE, fixture_article_v2, fixture_article_v3


def _properties_in(path) -> dict[str, str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT key, value FROM properties"))
    finally:
        conn.close()


def test_fixture_is_schema_version_3():
    assert int.from_bytes(V3_FILE.read_bytes()[60:64], "big") == 3


@pytest.mark.parametrize("read_only", [True, False])
def test_version_3_fixture_opens_with_its_properties(tmp_path, read_only):
    path = tmp_path / "bruecke3.newsdesk"
    shutil.copyfile(V3_FILE, path)
    with open_project(path, read_only=read_only) as project:
        article = project.load()
    assert article == fixture_article_v3()
    assert article.properties["publication"] == "Mainpost Süd"


def test_version_2_file_gains_an_empty_properties_table(tmp_path):
    path = tmp_path / "bruecke2.newsdesk"
    shutil.copyfile(V2_FILE, path)
    with open_project(path) as project:
        article = project.load()
        assert article == fixture_article_v2()
        assert article.properties == {}
        article.properties["publication"] = "Harbour Gazette"
        project.save(article)
    assert int.from_bytes(path.read_bytes()[60:64], "big") == schema.SCHEMA_VERSION
    assert _properties_in(path) == {"publication": "Harbour Gazette"}


def test_unknown_properties_survive_an_edit(tmp_path):
    path = tmp_path / "bruecke3.newsdesk"
    shutil.copyfile(V3_FILE, path)
    with open_project(path) as project:
        article = project.load()
        article.headline = "Brückenfest verschoben"
        article.properties["publication"] = "Tagesblatt"
        project.save(article, revision_label="Neue Zeile")
        revision = project.revisions()[0]
        assert project.load_revision(revision.id).properties == article.properties
    kept = _properties_in(path)
    # The edit changed the content: the store records the article's last change beside them.
    assert kept.pop("modified") == article.properties["modified"]
    assert kept == {"publication": "Tagesblatt", "later.feature": '{"kept": true}'}


def test_removing_a_property_removes_its_row(tmp_path):
    article = fixture_article_v3()
    path = tmp_path / "a.newsdesk"
    with create_project(path, article) as project:
        del article.properties["publication"]
        project.save(article)
    assert _properties_in(path) == {"later.feature": '{"kept": true}'}


def test_a_property_that_is_not_text_is_refused(tmp_path):
    article = fixture_article_v3()
    article.properties["publication"] = 7  # type: ignore[assignment]
    with pytest.raises(SaveError, match="property publication"):
        create_project(tmp_path / "a.newsdesk", article)


def test_properties_round_trip_through_json():
    article = fixture_article_v3()
    assert article_from_dict(article_to_dict(article)).properties == article.properties
    data = article_to_dict(article)
    del data["properties"]  # JSON written before properties existed
    assert article_from_dict(data).properties == {}
