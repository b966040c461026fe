"""Journey: File > Publish… sends the article to the real local WordPress (`make test-publish`
starts it and names its credentials file in NEWSDESK_WORDPRESS_SITE; skipped elsewhere). The
journalist chooses the publication, clicks Publish, sees the post's address, and the project file
keeps the post's id for the next publish, which the dialog then announces as an update. Cancel
stops a publish half way with the article unchanged; the next publish finishes the same post."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from newsdesk.model.article import Article, Image, Section
from newsdesk.publication import PublicationProfile, Publications, save_publications
from newsdesk.store import create_project
from tests.journeys.harness import click, expect_dialog, saved_info, trigger_menu, wait_until

UI = {
    "en": ("File", "Publish…", "Close", "Published", "updates post #"),
    "de": ("Datei", "Veröffentlichen …", "Schließen", "Veröffentlicht", "aktualisiert Beitrag Nr."),
}
PHOTOS = {
    "en": ("1 photo, 0 already on the site", "Photo 1 of 1", "1 photo, 1 already on the site"),
    "de": ("1 Foto, 0 schon auf der Website", "Foto 1 von 1", "1 Foto, 1 schon auf der Website"),
}


def harbour_photo() -> bytes:
    import io

    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", (640, 400), (30, 90, 140)).save(out, "JPEG", quality=80)
    return out.getvalue()


@pytest.fixture
def wordpress(monkeypatch, tmp_path):
    path = os.environ.get("NEWSDESK_WORDPRESS_SITE")
    if not path or not Path(path).is_file():
        pytest.skip("no local WordPress: `make test-publish` starts one and runs this journey")
    site = json.loads(Path(path).read_text())
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "keys"))
    previous = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    from newsdesk.publish.credentials import store_password

    store_password(site["url"], site["user"], site["password"])
    yield site
    keyring.set_keyring(previous)


def _publish_to_the_test_site(wordpress) -> None:
    """The user's one publication, "Inselblatt", connected to the test's WordPress."""
    save_publications(
        Publications(
            profiles=[
                PublicationProfile(
                    name="Inselblatt",
                    wordpress_url=wordpress["url"],
                    wordpress_user=wordpress["user"],
                )
            ]
        )
    )


@pytest.mark.parametrize("language", ["en", "de"])
def test_publish_sends_the_article_and_remembers_the_post(start_app, tmp_path, wordpress, language):
    menu, entry, close, published, updates = UI[language]
    _publish_to_the_test_site(wordpress)
    story = tmp_path / "fähre.newsdesk"
    article = Article(
        headline="Fähre nach Süderoog fährt wieder",
        byline="Jörg Weiß",
        description="Ab Mai täglich.",
        tags=["Süderoog", "Fähre"],
        sections=[Section(markdown="Die Gemeinde hat die Fähre für zwei Jahre gesichert.")],
        images=[
            Image(
                role="lead",
                data=harbour_photo(),
                caption="Die Fähre im Hafen von Süderoog",
                alt="Eine weiße Fähre am Anleger",
                credit="Jörg Weiß",
            )
        ],
    )
    article.properties["publication"] = "Inselblatt"
    create_project(story, article).close()
    window = start_app(story, language=language)
    seen: list[str] = []

    before, progress, after = PHOTOS[language]
    shown: set[str] = set()

    def publish(dialog) -> None:
        photos = dialog.findChild(QLabel, "publish_photos")
        assert photos.text() == before
        click(dialog.findChild(QPushButton, "publish_start"))
        message = dialog.findChild(QLabel, "publish_message")

        def done() -> bool:
            shown.add(message.text())
            return published in message.text()

        wait_until(done, 60.0, "the post to be published")
        seen.append(message.text())
        seen.append(dialog.findChild(QLabel, "publish_post").text())
        seen.append(photos.text())
        click(
            next(b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == close)
        )

    with expect_dialog(publish, timeout=90):
        trigger_menu(window, menu, entry)
    assert wordpress["url"].split("//")[1].split("/")[0] in seen[0]  # the post's address, linked
    assert seen[1].startswith(updates)
    assert seen[2] == after  # the photo is in the media library now
    assert progress in shown  # "Photo 1 of 1" while it travelled
    record = json.loads(saved_info(story)["properties"]["wordpress"])
    (site_record,) = record.values()
    assert site_record["post_id"] > 0 and site_record["link"]


QUESTIONS = {
    "en": ("changed on the site", "Overwrite", "no longer on the site", "Publish as New Post"),
    "de": (
        "auf der Website geändert",
        "Überschreiben",
        "nicht mehr auf der Website",
        "Als neuen Beitrag veröffentlichen",
    ),
}


def answer_question(button_text: str, asked: list[str]) -> None:
    """The journalist answers the question the publish dialog puts while it waits (a message box
    in front of the dialog, which the harness's watch cannot see while it answers the dialog)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from tests.journeys.harness import click_button

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(50, look)
            return
        asked.append(box.text())
        click_button(box, button_text)

    QTimer.singleShot(50, look)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_changed_post_is_overwritten_and_a_deleted_one_made_anew_on_request(
    start_app, tmp_path, wordpress, language
):
    import time

    from newsdesk.publish.wordpress import WordPressClient

    menu, entry, close, published, _updates = UI[language]
    changed, overwrite, gone, anew = QUESTIONS[language]
    _publish_to_the_test_site(wordpress)
    story = tmp_path / "hafen.newsdesk"
    article = Article(
        headline="Hafenfest in Süderoog fällt aus",
        byline="Anna Groß",
        sections=[Section(markdown="Der Sturm hat die Bühne beschädigt.")],
    )
    article.properties["publication"] = "Inselblatt"
    create_project(story, article).close()
    window = start_app(story, language=language)
    asked: list[str] = []

    def publish(answer: str | None):
        def handle(dialog) -> None:
            if answer is not None:
                answer_question(answer, asked)
            message = dialog.findChild(QLabel, "publish_message")
            click(dialog.findChild(QPushButton, "publish_start"))
            wait_until(lambda: published in message.text(), 60.0, "the post to be published")
            button = next(
                b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == close
            )
            click(button)

        return handle

    def post_id() -> int:
        (record,) = json.loads(saved_info(story)["properties"]["wordpress"]).values()
        return record["post_id"]

    with expect_dialog(publish(None), timeout=90):
        trigger_menu(window, menu, entry)
    first = post_id()
    with WordPressClient(wordpress["url"], wordpress["user"], wordpress["password"]) as admin:
        time.sleep(1.1)  # modified_gmt counts seconds
        admin.json("POST", f"wp/v2/posts/{first}", data={"title": "Vom Desk geändert"})
        with expect_dialog(publish(overwrite), timeout=90):
            trigger_menu(window, menu, entry)
        assert changed in asked[-1]
        title = admin.json("GET", f"wp/v2/posts/{first}", params={"context": "edit"})["title"]
        assert title["raw"] == "Hafenfest in Süderoog fällt aus"

        admin.request("DELETE", f"wp/v2/posts/{first}", params={"force": "true"})
        with expect_dialog(publish(anew), timeout=90):
            trigger_menu(window, menu, entry)
        assert gone in asked[-1]
    assert post_id() not in (0, first)


CANCEL = {
    "en": ("Cancel", "Photo 2 of 6", "Stopped.", "6 photos, {n} already on the site"),
    "de": ("Abbrechen", "Foto 2 von 6", "Abgebrochen.", "6 Fotos, {n} schon auf der Website"),
}


def detailed_photo(shade: int) -> bytes:
    """A camera-sized JPEG with detail, so that the site takes a moment over each upload."""
    import io
    import random

    from PIL import Image as PILImage

    noise = random.Random(shade).randbytes(1600 * 1000 * 3)
    picture = PILImage.frombytes("RGB", (1600, 1000), noise)
    picture.paste((shade, 120, 255 - shade), (0, 0, 800, 1000))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=85)
    return out.getvalue()


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_cancelled_publish_leaves_the_article_and_the_next_one_finishes_it(
    start_app, tmp_path, wordpress, language
):
    from newsdesk.publish.wordpress import WordPressClient

    menu, entry, close, published, updates = UI[language]
    cancel, second_photo, stopped, photos_on_site = CANCEL[language]
    _publish_to_the_test_site(wordpress)
    story = tmp_path / "watt.newsdesk"
    markdown = "Sechs Bilder vom Watt zwischen Föhr und Amrum.\n\n" + "\n\n".join(
        f"![](image:watt{n})" for n in range(1, 6)
    )
    markdown += "\n"  # as the window saves it: the text compares unchanged
    article = Article(
        headline="Wattwanderung nach Amrum: sechs Bilder",
        byline="Maren Öztürk",
        sections=[Section(markdown=markdown)],
        images=[
            Image(
                id=f"watt{n}",
                role="lead" if n == 0 else "inline",
                data=detailed_photo(40 * n),
                filename=f"watt{n}.jpg",
                caption=f"Das Watt, Bild {n + 1}",
                alt=f"Schlick und Priele, Bild {n + 1}",
                credit="Maren Öztürk",
            )
            for n in range(6)
        ],
    )
    article.properties["publication"] = "Inselblatt"
    create_project(story, article).close()
    before = saved_info(story)["sections"]
    window = start_app(story, language=language)
    seen: dict[str, str] = {}

    def press_button(dialog, text: str) -> None:
        click(
            next(b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == text)
        )

    def publish_and_cancel(dialog) -> None:
        message = dialog.findChild(QLabel, "publish_message")
        click(dialog.findChild(QPushButton, "publish_start"))
        wait_until(lambda: second_photo in message.text(), 60.0, "the second photo to travel")
        press_button(dialog, cancel)
        wait_until(lambda: stopped in message.text(), 60.0, "the publish to stop")
        seen["photos"] = dialog.findChild(QLabel, "publish_photos").text()
        press_button(dialog, close)

    with expect_dialog(publish_and_cancel, timeout=120):
        trigger_menu(window, menu, entry)
    info = saved_info(story)
    assert info["sections"] == before  # the article's text is as it was
    (stopped_record,) = json.loads(info["properties"]["wordpress"]).values()
    sent = len(stopped_record["media"])
    assert 1 <= sent < 6, stopped_record
    assert seen["photos"] == photos_on_site.format(n=sent)
    post_id = stopped_record["post_id"]

    def publish_again(dialog) -> None:
        message = dialog.findChild(QLabel, "publish_message")
        click(dialog.findChild(QPushButton, "publish_start"))
        wait_until(lambda: published in message.text(), 120.0, "the post to be published")
        seen["post"] = dialog.findChild(QLabel, "publish_post").text()
        press_button(dialog, close)

    with expect_dialog(publish_again, timeout=150):
        trigger_menu(window, menu, entry)
    (record,) = json.loads(saved_info(story)["properties"]["wordpress"]).values()
    assert record["post_id"] == post_id
    assert seen["post"].startswith(updates) and seen["post"].endswith(str(post_id))
    assert len(set(record["media"].values())) == 6
    with WordPressClient(wordpress["url"], wordpress["user"], wordpress["password"]) as admin:
        attached = admin.json("GET", "wp/v2/media", params={"parent": post_id, "per_page": 100})
        assert sorted(item["id"] for item in attached) == sorted(record["media"].values())
        found = admin.json(
            "GET", "wp/v2/posts", params={"search": "Wattwanderung nach Amrum", "status": "any"}
        )
        assert [item["id"] for item in found].count(post_id) == 1
