"""Markdown with front matter: written beside its photos, read back by `newsdesk import`."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from newsdesk.formats.importers import import_file
from newsdesk.formats.markdown_export import article_markdown, export_markdown, yaml_scalar
from newsdesk.formats.markdown_import import import_markdown
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from tests.formats.export_compare import image_parts, link_parts, section_parts
from tests.formats.html_export_fixtures import german_article, jpeg_bytes
from tests.formats.test_import_markdown import _markdown_articles

_METADATA = (
    "headline",
    "subheadline",
    "kicker",
    "byline",
    "dateline",
    "published",
    "language",
    "slug",
    "description",
    "tags",
)
_IMAGE_FIELDS = ("role", "caption", "alt", "credit", "disclaimer", "symbolic")


def _metadata(article: Article) -> dict:
    return {name: getattr(article, name) for name in _METADATA}


def test_a_german_article_comes_back_with_everything_markdown_carries(tmp_path):
    article = german_article()
    out = tmp_path / "nachtbus.md"
    document = export_markdown(article, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nachtbus.md", "nachtbus_files"]
    assert sorted(p.name for p in (tmp_path / "nachtbus_files").iterdir()) == sorted(
        photo.name for photo in document.photos
    )
    again = import_file(out)
    assert _metadata(again) == _metadata(article)
    assert image_parts(again, _IMAGE_FIELDS) == image_parts(article, _IMAGE_FIELDS)
    # Nested sections become ### subheadings of their parent; a box is a plain section.
    assert [(h, k) for h, k, _ in section_parts(again)] == [
        ("", "body"),
        ("Was sich ändert", "body"),
        ("Ein überfälliger Schritt", "opinion"),  # "## Kommentar: ..." labels the section
        ("Die Linien im Überblick", "body"),
    ]
    assert again.sections[2].label == "Kommentar"
    assert section_parts(again)[1][2].endswith(
        "### Die Kosten\n\nDer Versuch kostet nach Schätzung der Verwaltung 410.000 Euro."
    )
    assert section_parts(again)[0][2] == section_parts(article)[0][2]
    # The script link loses its address, as on the page.
    assert link_parts(again) == (
        "Mehr aus Kassel",
        [
            ("Neue Radwege am Ring", "https://example.org/radwege"),
            ("Streit um Parkgebühren geht weiter", ""),
            ("Gewinnspiel", ""),
        ],
    )
    # Photos are the web size as shown: upright, without the camera's EXIF.
    with PILImage.open(io.BytesIO(again.images[0].data)) as photo:
        assert photo.width == 1600 and not photo.getexif()


def test_front_matter_holds_all_metadata_as_valid_simple_yaml():
    article = german_article()
    article.headline = 'Er sagte: "Wir fahren" # und ging'
    article.tags = ["Verkehr", "yes", "2024", "A, B", 'Der "Plan"']
    text = article_markdown(article, with_photos=False).text
    front = text.split("---\n")[1]
    assert 'title: "Er sagte: \\"Wir fahren\\" # und ging"' in front
    assert 'tags:\n  - Verkehr\n  - "yes"\n  - "2024"\n  - A, B\n  - "Der \\"Plan\\""\n' in front
    assert "copyright: 2024 Stadtwerke Kassel" in front  # the image list carries what # has none
    article.images = []  # read back without photo files
    again = import_markdown(article_markdown(article).text)
    assert again.headline == article.headline and again.tags == article.tags


def test_private_notes_are_never_written(tmp_path):
    article = german_article()
    article.sections[0].markdown += "\n\n<!-- NOTIZ-5521: Quelle anrufen -->\n\nNoch ein Satz."
    article.sections[2].markdown = (
        "<!--\nNOTIZ-5521\nmehrzeilig\n-->\n" + article.sections[2].markdown
    )
    export_markdown(article, tmp_path / "a.md")
    text = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert "NOTIZ-5521" not in text and "<!--" not in text
    assert "Noch ein Satz." in text


def test_tables_and_source_notes_pass_through_as_written():
    body = (
        "Die Zahlen[^1]:\n\n| Jahr | Fahrgäste |\n|---|--:|\n| 2023 | 1.200 |\n"
        "Table: Fahrgäste pro Nacht\n\n[^1]: Verkehrsbetriebe, Jahresbericht."
    )
    article = Article(headline="Zahlen", language="de", sections=[Section(markdown=body)])
    text = article_markdown(article).text
    assert body in text
    assert import_markdown(text).sections[0].markdown == body


def test_a_photo_not_added_yet_keeps_its_credit_and_text_needs_no_files():
    article = Article(
        headline="Fähre",
        sections=[Section(markdown="Text.")],
        images=[Image(role="lead", credit="Ada Berg", symbolic=True, disclaimer="Symbolbild")],
    )
    document = article_markdown(article)
    assert document.photos == ()
    assert "<< photo by Ada Berg >>\nSymbolbild\n" in document.text
    again = import_markdown(document.text)
    assert image_parts(again, _IMAGE_FIELDS) == image_parts(article, _IMAGE_FIELDS)


def test_yaml_scalars():
    assert yaml_scalar("Kassel") == "Kassel"
    assert yaml_scalar("") == '""'
    assert yaml_scalar("null") == '"null"'
    assert yaml_scalar("3.5") == '"3.5"'
    assert yaml_scalar("- Liste") == '"- Liste"'
    assert yaml_scalar("Zeile\nzwei") == '"Zeile\\nzwei"'
    assert yaml_scalar("Straße: gesperrt") == '"Straße: gesperrt"'
    # What YAML 1.1 would read as something other than text, or refuse ("=": hypothesis found it)
    for special in ("=", "<<", "0x1A", "0b101", "1:20", ".inf", "2026-11-27", "Yes", "NULL", "~"):
        assert yaml_scalar(special) == f'"{special}"', special
        assert yaml.safe_load(f"a: {yaml_scalar(special)}") == {"a": special}
    assert yaml_scalar("3 = drei") == "3 = drei"


# --- generated articles: import -> export -> import is a fixed point ------------------------


@settings(max_examples=40, deadline=None)
@given(_markdown_articles(), st.booleans())
def test_generated_markdown_articles_are_a_fixed_point(generated, with_photo):
    _parts, markdown = generated
    article = import_markdown(markdown)
    article.byline, article.tags = "Jörg Weiß", ["Hafen", "Fähre"]
    if with_photo:
        article.images = [
            Image(role="lead", data=jpeg_bytes((640, 480)), caption="Der Kai", alt="Ein Kai",
                  credit="Ada Berg/dpa")
        ]  # fmt: skip
    document = article_markdown(article, photo_dir="bilder")
    again = import_file(_write(document))
    assert _metadata(again) == _metadata(article)
    assert section_parts(again) == section_parts(article)
    assert image_parts(again, _IMAGE_FIELDS) == image_parts(article, _IMAGE_FIELDS)
    assert link_parts(again) == link_parts(article)


def _write(document):
    """The document and its photos in a fresh folder (hypothesis runs many examples per test)."""
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-md-"))
    (folder / document.photo_dir).mkdir()
    for photo in document.photos:
        (folder / document.photo_dir / photo.name).write_bytes(photo.data)
    out = folder / "article.md"
    out.write_text(document.text, encoding="utf-8")
    return out


def test_related_links_without_a_heading_get_the_languages_label():
    article = Article(
        headline="Ferry",
        sections=[Section(markdown="Text."), Section(heading="More", markdown="More text.")],
        related=RelatedLinks(links=[RelatedLink("Timetable", "")]),
    )
    again = import_markdown(article_markdown(article).text)
    assert link_parts(again) == ("Related", [("Timetable", "")])
