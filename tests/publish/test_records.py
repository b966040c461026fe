"""Publish records in the article's properties: per site, additive, robust against damage, and
kept through a save and a load of the project file."""

from __future__ import annotations

import json

from newsdesk.model.article import Article, Section
from newsdesk.publish.publisher import date_gmt
from newsdesk.publish.records import (
    PROPERTY_KEY,
    SiteRecord,
    read_records,
    site_record,
    store_record,
)
from newsdesk.store import create_project, open_project


def test_a_record_per_site_survives_the_project_file(tmp_path):
    article = Article(headline="Wahl in Köln", sections=[Section(markdown="Text.")])
    article.properties["publication"] = "Tagesblatt"  # another feature's property stays
    store_record(
        article, "https://a.example", SiteRecord(marker="m1", post_id=7, media={"d:full": 3})
    )
    store_record(article, "https://b.example", SiteRecord(marker="m2", post_id=9))
    path = tmp_path / "wahl.newsdesk"
    create_project(path, article).close()
    with open_project(path, read_only=True) as project:
        loaded = project.load()
    assert loaded.properties["publication"] == "Tagesblatt"
    records = read_records(loaded)
    assert records["https://a.example"] == SiteRecord(marker="m1", post_id=7, media={"d:full": 3})
    assert records["https://b.example"].post_id == 9

    store_record(loaded, "https://a.example", SiteRecord(marker="m1", post_id=8))
    assert site_record(loaded, "https://b.example").post_id == 9  # the other site is kept


def test_a_damaged_record_reads_as_none_and_wrong_values_as_unset():
    article = Article()
    article.properties[PROPERTY_KEY] = "{not json"
    assert read_records(article) == {}
    article.properties[PROPERTY_KEY] = json.dumps(
        {"https://a.example": {"post_id": "7", "media": {"k": -1, "j": 5}, "marker": 3}}
    )
    record = site_record(article, "https://a.example")
    assert record == SiteRecord(post_id=0, media={"j": 5}, marker="")
    article.properties[PROPERTY_KEY] = "[1, 2]"
    assert read_records(article) == {}
    store_record(article, "https://a.example", SiteRecord(marker="x"))
    assert site_record(article, "https://a.example").marker == "x"


def test_dates_become_utc_for_date_gmt():
    assert date_gmt("2026-12-05T09:30:00+01:00") == "2026-12-05T08:30:00"
    assert date_gmt("2026-07-01T00:15:00+02:00") == "2026-06-30T22:15:00"
    assert date_gmt("2026-12-05") is None  # a date alone: WordPress keeps its own time
    assert date_gmt("2026-12-05T09:30:00") is None  # no zone: not guessed
    assert date_gmt("gestern") is None


def test_the_preview_says_what_a_republish_sends_without_asking_the_site():
    from newsdesk.model.article import Image
    from newsdesk.publish.publisher import photo_key, preview

    article = Article(
        headline="Neuer Bahnhof in Gößnitz",
        description="Der Bau beginnt.",
        tags=["Bahn", " Bahn ", "Gößnitz", ""],
        published="2026-12-05T09:30:00+01:00",
        images=[Image(id="a", data=b"eins"), Image(id="b", data=b"zwei"), Image(id="c")],
    )
    first = preview(article, "https://blatt.example/")
    assert (first.title, first.slug, first.post_id) == (
        "Neuer Bahnhof in Gößnitz",
        "neuer-bahnhof-in-goessnitz",
        0,
    )
    assert first.tags == ("Bahn", "Gößnitz") and first.date_gmt == "2026-12-05T08:30:00"
    assert (first.photos, first.photos_on_site) == (2, 0)  # the missing photo is not sent
    media = {photo_key(article.images[0]): 31}
    store_record(
        article,
        "https://blatt.example",
        SiteRecord(post_id=12, link="https://blatt.example/b", media=media),
    )
    again = preview(article, "https://blatt.example")
    assert (again.post_id, again.link, again.photos_on_site) == (12, "https://blatt.example/b", 1)
