import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.errors import ImportFormatError
from newsdesk.model import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.model.serialize import article_from_dict, article_to_dict


def _article() -> Article:
    return Article(
        headline="Stadtrat stimmt für neue Fähre",
        subheadline="Probebetrieb ab April",
        language="de",
        tags=["Verkehr"],
        sections=[
            Section(id="lead", markdown="Der Rat hat **entschieden**."),
            Section(
                id="k",
                heading="Kommentar: Gut so",
                kind="opinion",
                markdown="Endlich.",
                children=[Section(id="kid", heading="Kasten", kind="box", markdown="Info")],
            ),
        ],
        images=[Image(id="img", credit="Mira Holm", symbolic=True, disclaimer="Symbolbild")],
        related=RelatedLinks("Lesen Sie auch", [RelatedLink("Mehr", "https://example.org/a")]),
    )


def test_dict_has_the_documented_shape():
    data = article_to_dict(_article())
    assert set(data) == {
        "format_version",
        "headline",
        "subheadline",
        "kicker",
        "byline",
        "dateline",
        "language",
        "published",
        "slug",
        "description",
        "tags",
        "sections",
        "images",
        "related",
        "properties",
        "stats",
    }
    assert set(data["sections"][0]) == {
        "id",
        "heading",
        "kind",
        "label",
        "markdown",
        "words",
        "children",
    }
    assert set(data["images"][0]) == {
        "id",
        "role",
        "filename",
        "width",
        "height",
        "caption",
        "alt",
        "credit",
        "copyright",
        "symbolic",
        "disclaimer",
        "rotation",
        "crop",
        "focal_x",
        "focal_y",
    }
    assert data["sections"][1]["children"][0]["kind"] == "box"
    assert data["stats"]["words"] > 0


def test_round_trip_keeps_ids_and_everything_else():
    data = article_to_dict(_article())
    assert article_to_dict(article_from_dict(data)) == data


@pytest.mark.parametrize(
    "bad, fragment",
    [
        ([], "must be an object"),
        ({"headline": 3}, "headline must be text"),
        ({"sections": [{"kind": "poem"}]}, "kind must be one of"),
        ({"sections": "x"}, "sections must be a list"),
        ({"images": [{"symbolic": "yes"}]}, "symbolic must be true or false"),
        ({"images": [{"width": -1}]}, "width must be a whole number"),
        ({"format_version": 99}, "format version 99"),
        ({"tags": [1]}, "tags must be a list of texts"),
        ({"related": {"links": [5]}}, "related.links[0] must be an object"),
        ({"images": [{"rotation": 45}]}, "images[0].rotation must be one of"),
        ({"images": [{"rotation": True}]}, "images[0].rotation must be one of"),
        ({"images": [{"crop": "2:1"}]}, "images[0].crop must be one of"),
        ({"images": [{"crop": 1}]}, "images[0].crop must be text"),
        ({"images": [{"focal_x": 1.01}]}, "images[0].focal_x must be a number from 0 to 1"),
        ({"images": [{"focal_y": "0.5"}]}, "images[0].focal_y must be a number from 0 to 1"),
        ({"images": [{"focal_y": float("nan")}]}, "images[0].focal_y must be a number"),
    ],
)
def test_wrong_types_are_refused_with_the_field_named(bad, fragment):
    with pytest.raises(ImportFormatError, match=fragment.replace("[", r"\[").replace("]", r"\]")):
        article_from_dict(bad)


def test_image_adjustments_round_trip():
    article = _article()
    image = article.images[0]
    image.rotation, image.crop, image.focal_x, image.focal_y = 270, "4:3", 0.125, 1.0
    data = article_to_dict(article)
    assert data["images"][0]["rotation"] == 270 and data["images"][0]["crop"] == "4:3"
    back = article_from_dict(data).images[0]
    assert (back.rotation, back.crop, back.focal_x, back.focal_y) == (270, "4:3", 0.125, 1.0)
    assert article_to_dict(article_from_dict(data)) == data


def test_older_json_without_adjustments_gets_the_defaults():
    data = article_to_dict(_article())
    for key in ("rotation", "crop", "focal_x", "focal_y"):
        del data["images"][0][key]
    image = article_from_dict(data).images[0]
    assert (image.rotation, image.crop, image.focal_x, image.focal_y) == (0, "", 0.5, 0.5)
    assert isinstance(image.focal_x, float)
    whole = article_from_dict({"images": [{"focal_x": 0, "focal_y": 1}]}).images[0]
    assert (whole.focal_x, whole.focal_y) == (0.0, 1.0)


def test_deep_nesting_is_refused():
    section: dict = {"heading": "x"}
    for _ in range(20):
        section = {"heading": "x", "children": [section]}
    with pytest.raises(ImportFormatError, match="nest deeper"):
        article_from_dict({"sections": [section]})


def test_duplicate_ids_are_made_unique():
    article = article_from_dict({"sections": [{"id": "a"}, {"id": "a"}]})
    assert len({s.id for s in article.sections}) == 2


_text = st.text(max_size=40)
_sections = st.recursive(
    st.builds(
        lambda h, k, m: {"heading": h, "kind": k, "markdown": m, "children": []},
        _text,
        st.sampled_from(["body", "opinion", "box"]),
        _text,
    ),
    lambda children: st.builds(
        lambda h, c: {"heading": h, "kind": "body", "markdown": "", "children": c},
        _text,
        st.lists(children, max_size=3),
    ),
    max_leaves=8,
)


@settings(max_examples=60, deadline=None)
@given(
    headline=_text,
    sections=st.lists(_sections, max_size=4),
    links=st.lists(st.fixed_dictionaries({"title": _text, "url": _text}), max_size=3),
)
def test_from_dict_to_dict_is_a_fixed_point(headline, sections, links):
    first = article_to_dict(
        article_from_dict({"headline": headline, "sections": sections, "related": {"links": links}})
    )
    assert article_to_dict(article_from_dict(first)) == first


_image_dicts = st.fixed_dictionaries(
    {"role": st.sampled_from(["lead", "inline"]), "caption": _text},
    optional={
        "rotation": st.sampled_from([0, 90, 180, 270]),
        "crop": st.sampled_from(["", "16:9", "4:3", "3:2", "1:1"]),
        "focal_x": st.floats(0, 1) | st.integers(0, 1),
        "focal_y": st.floats(0, 1),
    },
)


@settings(max_examples=60, deadline=None)
@given(images=st.lists(_image_dicts, max_size=4))
def test_image_adjustments_survive_the_round_trip(images):
    first = article_to_dict(article_from_dict({"images": images}))
    assert article_to_dict(article_from_dict(first)) == first
    for given_image, image in zip(images, first["images"], strict=True):
        assert image["rotation"] == given_image.get("rotation", 0)
        assert image["crop"] == given_image.get("crop", "")
        assert image["focal_x"] == given_image.get("focal_x", 0.5)
