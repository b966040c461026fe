"""Fuzzing the importers: whatever the bytes or JSON, an Article or a NewsdeskError, nothing else.

tests/formats has property tests for well-formed input (round trips, the reference shape). Here
the input is hostile: arbitrary bytes for every import kind, bytes that look almost like text, and
arbitrary JSON structures (nested lists and objects of any type, in place of any field). What comes
back is either a refusal with a one-line message or an article whose text could be saved and
exported (no NUL, no lone surrogate) and that renders to a page.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.errors import NewsdeskError
from newsdesk.formats.html_export import render_page
from newsdesk.formats.importers import JSON, MARKDOWN, TEXT, import_bytes
from newsdesk.formats.markdown_render import render_inline, render_markdown
from newsdesk.model.article import Article
from newsdesk.model.serialize import article_to_dict

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KINDS = st.sampled_from([TEXT, MARKDOWN, JSON])


def _import_or_refuse(data: bytes, kind: str) -> Article | None:
    try:
        article = import_bytes(data, kind, name="quelle")
    except NewsdeskError as error:
        assert "\n" not in str(error), str(error)
        return None
    as_json = json.dumps(article_to_dict(article), ensure_ascii=False)
    as_json.encode("utf-8")  # no lone surrogates
    assert "\\u0000" not in as_json
    return article


@SETTINGS
@given(data=st.binary(max_size=2000), kind=KINDS)
def test_arbitrary_bytes_import_or_are_refused(data, kind):
    _import_or_refuse(data, kind)


# Bytes that get past the "is it text" checks: mostly text with some odd bytes spliced in.
ALMOST_TEXT = st.lists(
    st.text(max_size=30).map(lambda t: t.encode("utf-8", "surrogatepass"))
    | st.sampled_from([b"\n\n", b"# ", b"![x](", b")", b"Foto: ", b"\r\n", b"\xff", b"\x00"])
    | st.binary(max_size=3),
    max_size=20,
).map(b"".join)


@SETTINGS
@given(data=ALMOST_TEXT, kind=KINDS)
def test_almost_text_imports_or_is_refused_and_renders(data, kind):
    article = _import_or_refuse(data, kind)
    if article is not None:
        assert render_page(article).html.startswith("<!DOCTYPE html>")


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["data:image/png;base64,AAAA", "../../etc/passwd", "body", "lead"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=25,
)
FIELDS = [
    "format_version", "headline", "subheadline", "kicker", "byline", "dateline", "language",
    "published", "slug", "description", "tags", "sections", "images", "related", "stats",
]  # fmt: skip
SECTION_FIELDS = st.sampled_from(["heading", "kind", "markdown", "children", "id", "words"])
IMAGE_FIELDS = st.sampled_from(["role", "data", "path", "filename", "width", "caption", "id"])


@st.composite
def shaped_json(draw):
    """Objects of the article's shape whose values (at any depth) may be of any JSON type."""
    article = draw(st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, max_size=6))
    if draw(st.booleans()):
        article["sections"] = draw(
            st.lists(st.dictionaries(SECTION_FIELDS, JSON_VALUES, max_size=4), max_size=3)
        )
    if draw(st.booleans()):
        article["images"] = draw(
            st.lists(st.dictionaries(IMAGE_FIELDS, JSON_VALUES, max_size=4), max_size=2)
        )
    if draw(st.booleans()):
        article["related"] = {"heading": draw(JSON_VALUES), "links": draw(JSON_VALUES)}
    return article


@SETTINGS
@given(value=JSON_VALUES)
def test_any_json_value_imports_or_is_refused(value):
    _import_or_refuse(json.dumps(value).encode(), JSON)


@SETTINGS
@given(value=shaped_json())
def test_any_article_shaped_json_imports_or_is_refused(value):
    article = _import_or_refuse(json.dumps(value).encode(), JSON)
    if article is not None:
        assert render_page(article, missing_images="placeholder").html


def test_deep_nesting_is_refused_not_a_recursion_error():
    for depth in (100, 1_000, 100_000):
        nested = '{"headline": "Kopf", "sections": ' + '[{"children": ' * depth
        nested += "[]" + "}]" * depth + "}"
        _import_or_refuse(nested.encode(), JSON)
        _import_or_refuse(("[" * depth + "]" * depth).encode(), JSON)
    _import_or_refuse(("> " * 10_000 + "Zitat").encode(), MARKDOWN)
    _import_or_refuse(("# Kopf\n\n" + "- " * 5_000 + "Liste").encode(), MARKDOWN)


@SETTINGS
@given(text=st.text(st.characters(exclude_categories=("Cs",)), max_size=300))
def test_render_markdown_never_raises(text):
    assert isinstance(render_markdown(text), str)
    assert isinstance(render_inline(text), str)
