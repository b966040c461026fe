"""Create, read back, update: a real WordPress gets the article and keeps it editable."""

from __future__ import annotations

import re
from html import unescape

from newsdesk.store import open_project

from .site_checks import (
    ALLOWED_BLOCKS,
    all_blocks,
    assert_blocks_valid,
    block_check,
    parse_blocks,
    post,
    publish,
    record_of,
    rendered_page,
)


def test_a_publish_sends_every_field_as_blocks_the_editor_reads(publishing, admin, project_file):
    existing = admin.json("POST", "wp/v2/categories", data={"name": "Lokales Ärger"}, accept=(400,))
    from newsdesk.publish.terms import site_categories

    assert "Lokales Ärger" in site_categories(admin)
    assert publish(project_file, "--status", "publish", "--category", "Lokales Ärger") == 0
    with open_project(project_file, read_only=True) as project:
        article = project.load()
    record = record_of(project_file, publishing["url"])
    sent = post(admin, record["post_id"])

    assert sent["title"]["raw"] == article.headline
    assert sent["excerpt"]["raw"] == article.description
    assert sent["slug"] == article.slug
    assert sent["status"] == "publish"
    assert sent["date_gmt"] == "2026-12-05T08:30:00"
    assert sent["modified_gmt"] == record["modified_gmt"]
    # The companion plugin (tools/wordpress/newsdesk-companion.php) registers these meta keys.
    assert sent["meta"]["newsdesk_kicker"] == "Hafen"
    assert sent["meta"]["newsdesk_subheadline"] == article.subheadline
    assert sent["meta"]["newsdesk_marker"] == record["marker"]
    assert sent["link"] == record["link"]
    tags = [admin.json("GET", f"wp/v2/tags/{t}")["name"] for t in sent["tags"]]
    assert sorted(unescape(t) for t in tags) == sorted(article.tags)
    category = admin.json("GET", f"wp/v2/categories/{sent['categories'][0]}")
    assert unescape(category["name"]) == "Lokales Ärger" and len(sent["categories"]) == 1
    assert existing  # made above, or there already from an earlier run

    lead_key = next(k for k in record["media"] if k.startswith(article.images[0].digest))
    assert sent["featured_media"] == record["media"][lead_key]
    lead = admin.json("GET", f"wp/v2/media/{sent['featured_media']}", params={"context": "edit"})
    assert lead["alt_text"] == "Eine weiße Fähre am hölzernen Anleger"
    assert "Anna Groß" in lead["caption"]["raw"] and "Archivbild" in lead["caption"]["raw"]
    assert lead["post"] == record["post_id"] and lead["mime_type"] == "image/jpeg"
    assert lead["media_details"]["width"] == 1600

    content = sent["content"]["raw"]
    blocks = parse_blocks(content)
    names = [b["blockName"] for b in all_blocks(blocks)]
    # Between blocks there is nothing but white space: no freeform (classic) content.
    assert all(b["blockName"] or not b["innerHTML"].strip() for b in all_blocks(blocks))
    assert set(names) - {None} <= ALLOWED_BLOCKS
    assert set(names) >= ALLOWED_BLOCKS
    top = [b for b in blocks if b["blockName"]]
    assert top[0]["attrs"] == {"className": "newsdesk-kicker"} and "Hafen" in top[0]["innerHTML"]
    assert "newsdesk-subheadline" in top[1]["innerHTML"]
    assert top[3]["blockName"] == "core/image" and top[3]["attrs"]["id"] == sent["featured_media"]
    groups = [b for b in top if b["blockName"] == "core/group"]
    assert [g["attrs"]["className"] for g in groups] == ["newsdesk-opinion", "newsdesk-box"]
    assert "Meinung" in groups[0]["innerBlocks"][0]["innerHTML"]
    assert top[-2]["blockName"] == "core/heading" and "Mehr zum Thema" in top[-2]["innerHTML"]
    assert top[-1]["blockName"] == "core/list" and "example.org/fahrplan" in top[-1]["innerHTML"]
    assert "Kapitän" not in content  # the private note stays in the project file
    # Each block's markup is what the block editor's own `save` makes of it, or what an earlier
    # version of the block made and the editor upgrades by itself (no "unexpected or invalid
    # content"). The lists are in WordPress 6.1's markup: the editor makes their items blocks of
    # their own (core/list-item), so it reads more blocks than the plain parser.
    assert assert_blocks_valid(content) >= len([name for name in names if name])

    page = rendered_page(sent["link"])
    text = unescape(re.sub(r"<[^>]+>", " ", page))
    assert "Foto: Anna Groß" in text and "Symbolbild: Archivbild aus dem Sommer" in text
    assert "Foto: Max Straße" in text and "© Tagesblatt" in text
    assert "Fahrplan ab Montag" in text and "Kapitän" not in text


def test_the_block_check_finds_markup_the_editor_would_not_accept(wp_site):
    """The validation that passes Newsdesk's blocks does reject broken ones."""
    checked = block_check(
        "<!-- wp:paragraph -->\n<p>Gut so.</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:heading {"level":3} -->\n<h2>Preise</h2>\n<!-- /wp:heading -->\n\n'
        '<!-- wp:image {"id":7} -->\n<figure><img src="x.jpg"/></figure>\n<!-- /wp:image -->'
    )
    assert checked["blocks"] == 3
    assert [b["name"] for b in checked["invalid"]] == ["core/heading", "core/image"]
    assert any("h3" in issue for issue in checked["invalid"][0]["issues"])


def test_a_republish_updates_the_same_post_and_sends_only_what_changed(
    publishing, admin, project_file, capsys
):
    assert publish(project_file) == 0
    first = record_of(project_file, publishing["url"])
    assert post(admin, first["post_id"])["status"] == "draft"

    with open_project(project_file) as project:
        article = project.load()
        article.sections[0].markdown = article.sections[0].markdown.replace("Montag", "Dienstag")
        project.save(article)
    capsys.readouterr()
    assert publish(project_file) == 0
    assert "photo" not in capsys.readouterr().out  # no photo was sent again
    second = record_of(project_file, publishing["url"])
    assert second["post_id"] == first["post_id"] and second["media"] == first["media"]
    assert "Dienstag" in post(admin, first["post_id"])["content"]["raw"]
    attached = admin.json("GET", "wp/v2/media", params={"parent": first["post_id"]})
    assert len(attached) == 2

    with open_project(project_file) as project:
        article = project.load()
        article.images[1].alt = "Holzsteg im Nebel"
        project.save(article)
    assert publish(project_file) == 0
    assert record_of(project_file, publishing["url"])["media"] == first["media"]
    inline = next(v for k, v in first["media"].items() if k.startswith(article.images[1].digest))
    assert admin.json("GET", f"wp/v2/media/{inline}")["alt_text"] == "Holzsteg im Nebel"

    with open_project(project_file) as project:
        article = project.load()
        article.images[1].crop = "1:1"  # a new crop is a new picture on the site
        project.save(article)
    assert publish(project_file) == 0
    third = record_of(project_file, publishing["url"])
    assert len(third["media"]) == 3
    inline_key = next(k for k in third["media"] if k.endswith(":c1x1") or "1x1" in k)
    square = admin.json("GET", f"wp/v2/media/{third['media'][inline_key]}")
    assert square["media_details"]["width"] == square["media_details"]["height"]


def test_a_scheduled_post_gets_status_future(publishing, admin, project_file):
    with open_project(project_file) as project:
        article = project.load()
        article.published = "2031-05-04T10:00:00+02:00"
        project.save(article)
    assert publish(project_file, "--status", "future") == 0
    sent = post(admin, record_of(project_file, publishing["url"])["post_id"])
    assert sent["status"] == "future" and sent["date_gmt"] == "2031-05-04T08:00:00"


def test_an_unknown_category_is_refused_before_the_post_changes(publishing, project_file, capsys):
    assert publish(project_file, "--category", "Gibt es nicht") == 2
    assert "no category 'Gibt es nicht'" in capsys.readouterr().err
