"""JSON import: the `info --json` shape, image bytes by path or data URI, and every refusal."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from newsdesk.errors import ImageError, ImportFormatError
from newsdesk.formats.importers import import_file
from newsdesk.formats.json_import import decode_data_uri, import_json
from newsdesk.formats.slug import effective_slug
from newsdesk.model.article import (
    IMAGE_ROLES,
    SECTION_KINDS,
    Article,
    Image,
    RelatedLink,
    RelatedLinks,
    Section,
)
from newsdesk.model.serialize import article_to_dict

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def _png(width: int = 6, height: int = 4) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def _data_uri(data: bytes, media_type: str = "image/png") -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def _json_file(folder: Path, data: object, name: str = "artikel.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- the fixture -----------------------------------------------------------------------------


def test_fixture_imports_into_exactly_its_parts():
    article = import_file(FIXTURES / "en_council.json")
    assert (article.headline, article.subheadline, article.byline) == (
        "Council votes to keep the night bus",
        "Service saved for another two years",
        "Ruth Amsel",
    )
    # Not in the file, so derived: the language from the text; the slug follows the headline.
    assert (article.language, article.slug) == ("en", "")
    assert effective_slug(article) == "council-votes-to-keep-the-night-bus"
    assert article.tags == ["transport", "night life"]
    lead, money, opinion = article.sections
    assert (lead.id, lead.heading, lead.kind) == ("lead", "", "body")
    assert (money.id, money.heading) == ("money", "Who pays for it")
    assert [(c.heading, c.kind) for c in money.children] == [("A box on fares", "box")]
    assert (opinion.heading, opinion.kind) == ("Commentary: Good for everyone", "opinion")
    (image,) = article.images
    assert (image.id, image.role, image.filename, image.width, image.height) == (
        "bus", "lead", "hafen.jpg", 12, 8,
    )  # fmt: skip
    assert image.data == (FIXTURES / "hafen.jpg").read_bytes()
    assert (image.credit, image.symbolic, image.disclaimer) == ("Tom Reyes", True, "Archive photo")
    assert article.related == RelatedLinks(
        heading="More on transport",
        links=[
            RelatedLink("Cycle lanes approved", "https://example.org/cycle"),
            RelatedLink("Tram plans", ""),
        ],
    )


# --- info --json -> import -> info --json is a fixed point -----------------------------------

_TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
_ID = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=20)


@st.composite
def _sections(draw, depth: int = 1) -> list[Section]:
    children = st.deferred(lambda: _sections(depth + 1)) if depth < 3 else st.just([])
    return draw(
        st.lists(
            st.builds(
                Section,
                heading=_TEXT,
                kind=st.sampled_from(SECTION_KINDS),
                markdown=_TEXT,
                children=children,
            ),
            max_size=3,
        )
    )


@st.composite
def _articles(draw) -> Article:
    article = Article(
        **{
            name: draw(_TEXT)
            for name in ("headline", "subheadline", "kicker", "byline", "dateline", "published")
        },
        slug=draw(_TEXT),
        description=draw(_TEXT),
        language=draw(st.sampled_from(["de", "en", "de-CH", "en-GB", "fr"])),
        tags=draw(st.lists(_TEXT.filter(str.strip), max_size=4)),
        sections=draw(_sections()),
        images=draw(
            st.lists(
                st.builds(
                    Image,
                    role=st.sampled_from(IMAGE_ROLES),
                    filename=_TEXT,
                    width=st.integers(0, 10_000),
                    height=st.integers(0, 10_000),
                    caption=_TEXT,
                    alt=_TEXT,
                    credit=_TEXT,
                    copyright=_TEXT,
                    symbolic=st.booleans(),
                    disclaimer=_TEXT,
                ),
                max_size=3,
            )
        ),
        related=RelatedLinks(
            heading=draw(_TEXT),
            links=draw(st.lists(st.builds(RelatedLink, title=_TEXT, url=_TEXT), max_size=4)),
        ),
    )
    # Ids are unique across the whole article, as the model guarantees.
    parts = list(article.walk_sections()) + article.images
    ids = draw(st.lists(_ID, unique=True, min_size=len(parts), max_size=len(parts)))
    for part, part_id in zip(parts, ids, strict=True):
        part.id = part_id
    return article


@settings(max_examples=60, deadline=None)
@given(_articles())
def test_info_json_import_info_json_is_a_fixed_point(article):
    info = article_to_dict(article)
    imported = import_json(json.dumps(info, ensure_ascii=False, indent=2).encode("utf-8"))
    assert article_to_dict(imported) == info


def test_fixed_point_through_a_file_with_image_bytes_by_path_and_data_uri(tmp_path):
    article = Article(
        headline="Zwei Bilder",
        language="de",
        sections=[Section(heading="", markdown="Text.", id="s1")],
        images=[
            Image(role="lead", id="i1", filename="a.png", alt="A", credit="C"),
            Image(role="inline", id="i2", filename="b.png", alt="B"),
        ],
    )
    info = article_to_dict(article)
    (tmp_path / "bilder").mkdir()
    (tmp_path / "bilder" / "a.png").write_bytes(_png(6, 4))
    info["images"][0]["path"] = "bilder/a.png"
    info["images"][1]["data"] = _data_uri(_png(3, 9))
    imported = import_file(_json_file(tmp_path, info))
    assert [i.data for i in imported.images] == [_png(6, 4), _png(3, 9)]
    again = article_to_dict(imported)
    expected = article_to_dict(article)
    expected["images"][0] |= {"width": 6, "height": 4}
    expected["images"][1] |= {"width": 3, "height": 9}
    assert again == expected


# --- what the JSON leaves out ----------------------------------------------------------------


def test_language_is_detected_only_when_the_json_does_not_say():
    german = {
        "headline": "Der Rat hat entschieden",
        "sections": [{"markdown": "Die Stadt und der Rat."}],
    }
    assert import_json(json.dumps(german)).language == "de"
    assert import_json(json.dumps(german | {"language": ""})).language == "de"
    assert import_json(json.dumps(german | {"language": "en"})).language == "en"


def test_a_missing_slug_follows_the_headline_and_a_given_one_is_kept():
    data = {"headline": "Straße wird gesperrt"}
    article = import_json(json.dumps(data))
    assert (article.slug, effective_slug(article)) == ("", "strasse-wird-gesperrt")
    assert import_json(json.dumps(data | {"slug": ""})).slug == ""
    assert import_json(json.dumps(data | {"slug": "eigener"})).slug == "eigener"


def test_utf8_bom_is_accepted():
    assert import_json(b"\xef\xbb\xbf" + json.dumps({"headline": "Grüße"}).encode()).headline == (
        "Grüße"
    )


# --- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (b'{"headline": "x",}', "not valid JSON.*line 1"),
        (b"", "not valid JSON"),
        (b"[1, 2]", "the article must be an object"),
        ('{"headline": "Gr\u00fc\u00dfe"}'.encode("latin-1"), "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nests too deeply"),
        (b'{"format_version": 99}', "format version 99"),
    ],
)
def test_malformed_json_is_refused(source, message):
    with pytest.raises(ImportFormatError, match=message):
        import_json(source)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"headline": 5}, r"article\.headline must be text"),
        ({"tags": "politik"}, "tags must be a list"),
        ({"tags": [1]}, "tags must be a list of texts"),
        ({"sections": {}}, "sections must be a list"),
        ({"sections": ["text"]}, r"sections\[0\] must be an object"),
        ({"sections": [{"kind": "poem"}]}, r"sections\[0\]\.kind must be one of"),
        ({"sections": [{"markdown": ["a"]}]}, r"sections\[0\]\.markdown must be text"),
        ({"images": [{"symbolic": "yes"}]}, r"images\[0\]\.symbolic must be true or false"),
        ({"images": [{"width": -1}]}, r"images\[0\]\.width must be a whole number"),
        ({"images": [{"role": "hero"}]}, r"images\[0\]\.role must be one of"),
        ({"related": ["links"]}, "related must be an object"),
        ({"related": {"links": [{"title": 3}]}}, r"related\.links\[0\]\.title must be text"),
    ],
)
def test_wrong_json_types_are_refused_naming_the_field(data, message):
    with pytest.raises(ImportFormatError, match=message):
        import_json(json.dumps(data))


def test_missing_image_file_is_refused(tmp_path):
    source = _json_file(tmp_path, {"images": [{"path": "weg.jpg"}]})
    with pytest.raises(ImageError, match="does not exist"):
        import_file(source)


def test_a_path_that_is_not_an_image_is_refused(tmp_path):
    (tmp_path / "notiz.jpg").write_text("kein Bild", encoding="utf-8")
    source = _json_file(tmp_path, {"images": [{"path": "notiz.jpg"}]})
    with pytest.raises(ImageError, match="not a JPEG, PNG or WebP"):
        import_file(source)


@pytest.mark.parametrize(
    ("image", "error", "message"),
    [
        ({"data": "data:image/png,rawbytes"}, ImportFormatError, "base64"),
        ({"data": "data:image/png;base64,***"}, ImportFormatError, "not valid base64"),
        ({"data": "https://example.org/a.png"}, ImportFormatError, "data: URI"),
        ({"data": 42}, ImportFormatError, "data: URI"),
        ({"data": _data_uri(b"GIF89a not accepted")}, ImageError, r"images\[0\]\.data"),
        ({"path": "a.png", "data": _data_uri(_png())}, ImportFormatError, "both path and data"),
        ({"path": ""}, ImportFormatError, "must be a file name"),
        ({"path": "a.png"}, ImportFormatError, "relative to"),
    ],
)
def test_bad_image_sources_are_refused(image, error, message):
    with pytest.raises(error, match=message):
        import_json(json.dumps({"images": [image]}))


def test_data_uri_payload_may_be_wrapped_over_lines():
    encoded = base64.encodebytes(_png()).decode("ascii")  # 76-character lines
    assert decode_data_uri(f"data:image/png;base64,{encoded}", "images[0]") == _png()
