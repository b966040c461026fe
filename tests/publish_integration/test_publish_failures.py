"""What goes wrong in a newsroom: the post edited or deleted on the site, a wrong password,
missing rights, a photo over the server's limit, a publish killed half way. Each failure is one
line, and the article in the project file is unchanged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from newsdesk.publish.credentials import store_password
from newsdesk.publish.records import PROPERTY_KEY
from newsdesk.store import open_project

from .conftest import noise_png
from .site_checks import post, publish, record_of


def article_of(path: Path):
    with open_project(path, read_only=True) as project:
        return project.load()


def without_record(article):
    article.properties.pop(PROPERTY_KEY, None)
    return article


def test_a_post_changed_on_the_site_is_not_overwritten_without_asking(
    publishing, admin, project_file, capsys
):
    assert publish(project_file) == 0
    record = record_of(project_file, publishing["url"])
    time.sleep(1.1)  # modified_gmt counts seconds
    admin.json("POST", f"wp/v2/posts/{record['post_id']}", data={"title": "Vom Desk geändert"})
    capsys.readouterr()
    assert publish(project_file) == 2
    error = capsys.readouterr().err
    assert "changed on the site" in error and error.count("\n") == 1
    assert post(admin, record["post_id"])["title"]["raw"] == "Vom Desk geändert"

    assert publish(project_file, "--overwrite") == 0
    assert post(admin, record["post_id"])["title"]["raw"] == article_of(project_file).headline
    assert record_of(project_file, publishing["url"])["post_id"] == record["post_id"]


def test_a_deleted_post_is_reported_and_published_anew_on_request(
    publishing, admin, project_file, capsys
):
    assert publish(project_file) == 0
    old = record_of(project_file, publishing["url"])
    admin.request("DELETE", f"wp/v2/posts/{old['post_id']}", params={"force": "true"})
    before = article_of(project_file)
    capsys.readouterr()
    assert publish(project_file) == 2
    assert f"post {old['post_id']} is no longer on" in capsys.readouterr().err
    assert article_of(project_file) == before

    assert publish(project_file, "--anew") == 0
    new = record_of(project_file, publishing["url"])
    assert new["post_id"] != old["post_id"]
    assert new["media"] == old["media"]  # the photos are still in the media library
    assert post(admin, new["post_id"])["featured_media"] in old["media"].values()


def test_a_post_in_the_trash_counts_as_gone(publishing, admin, project_file, capsys):
    assert publish(project_file) == 0
    old = record_of(project_file, publishing["url"])
    admin.request("DELETE", f"wp/v2/posts/{old['post_id']}")  # to the trash
    assert publish(project_file) == 2
    assert "is no longer on" in capsys.readouterr().err


def test_a_wrong_password_changes_nothing(publishing, project_file, capsys):
    store_password(publishing["url"], publishing["user"], "abcd efgh ijkl mnop qrst uvwx")
    before = article_of(project_file)
    assert publish(project_file) == 2
    error = capsys.readouterr().err
    assert "refused the user name or Application Password" in error
    assert article_of(project_file) == before


def test_a_user_without_rights_is_told_so(publishing, project_file, capsys, monkeypatch):
    from newsdesk.publication import PublicationProfile, Publications, save_publications

    url = publishing["url"]
    reader = PublicationProfile(name="Leserin", wordpress_url=url, wordpress_user="leserin")
    save_publications(Publications(profiles=[reader]))
    store_password(url, "leserin", publishing["subscriber_password"])
    before = article_of(project_file)
    from newsdesk.cli import main

    assert main(["publish", str(project_file), "--site", "Leserin"]) == 2
    assert "may not write" in capsys.readouterr().err
    assert article_of(project_file) == before


def test_a_photo_over_the_upload_limit_is_refused_in_one_line(publishing, project_file, capsys):
    with open_project(project_file) as project:
        article = project.load()
        article.images[1].data = noise_png()
        article.images[1].width, article.images[1].height = 1700, 1300
        project.save(article)
    assert publish(project_file) == 2
    error = capsys.readouterr().err
    assert "larger than the server accepts" in error and error.count("\n") == 1
    record = record_of(project_file, publishing["url"])
    assert len(record["media"]) == 1  # the lead photo went; a retry sends only the other


_KILLED_RUN = """
import os, signal, sys
from newsdesk.publish.command import site_connection, password_for
from newsdesk.publish.publisher import PublishOptions, publish_article
from newsdesk.publish.records import store_record
from newsdesk.publish.wordpress import WordPressClient, site_key
from newsdesk.store import open_project

path, kill_at = sys.argv[1], int(sys.argv[2])
url, user = site_connection("Tagesblatt Test")
calls = 0
with open_project(path) as project:
    article = project.load()

    def keep(record):
        global calls
        calls += 1
        if calls == kill_at:  # the site has made it; the project file has not heard of it yet
            os.kill(os.getpid(), signal.SIGKILL)
        store_record(article, site_key(url), record)
        project.save(article)

    with WordPressClient(url, user, password_for(url, user, from_stdin=False)) as client:
        publish_article(article, client, PublishOptions(), keep=keep)
"""


def test_a_publish_killed_half_way_is_finished_by_the_next_run_without_duplicates(
    publishing, admin, project_file
):
    # The first run is killed right after the site created the post (keep() is called for the
    # new marker, then for the post), the second right after the first photo was uploaded (the
    # marker is known now: keep() for the post found again, then for the photo).
    for kill_at in (2, 2):
        done = subprocess.run(
            [sys.executable, "-c", _KILLED_RUN, str(project_file), str(kill_at)],
            env=os.environ.copy(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == -signal.SIGKILL, done.stderr
    assert publish(project_file) == 0
    record = record_of(project_file, publishing["url"])
    marker_posts = admin.json(
        "GET",
        "wp/v2/posts",
        params={"search": article_of(project_file).headline, "status": "any", "context": "edit"},
    )
    assert [p["id"] for p in marker_posts] == [record["post_id"]]
    attached = admin.json("GET", "wp/v2/media", params={"parent": record["post_id"]})
    assert sorted(m["id"] for m in attached) == sorted(record["media"].values())
    assert len(attached) == 2
