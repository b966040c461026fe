"""Property-based round trips: article -> file -> article, for arbitrary text and structure."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.model.article import (
    CROP_RATIOS,
    IMAGE_ROLES,
    ROTATIONS,
    SECTION_KINDS,
    Article,
    Image,
    RelatedLink,
    RelatedLinks,
    Section,
)
from newsdesk.store import create_project, open_project

# Every example really creates and fsyncs files, so the heavier properties run fewer examples.
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(SETTINGS, max_examples=30)

# Any Unicode text SQLite can hold (surrogates cannot be encoded, and no editor produces them).
text = st.text(max_size=30)
long_text = st.text(max_size=300)

leaf_section = st.builds(
    Section,
    heading=text,
    kind=st.sampled_from(SECTION_KINDS),
    markdown=long_text,
    children=st.just([]),
)
sections = st.recursive(
    leaf_section,
    lambda children: st.builds(
        Section,
        heading=text,
        kind=st.sampled_from(SECTION_KINDS),
        markdown=long_text,
        children=st.lists(children, max_size=3),
    ),
    max_leaves=10,
)
images = st.builds(
    Image,
    role=st.sampled_from(IMAGE_ROLES),
    data=st.none() | st.binary(max_size=64) | st.sampled_from([b"same bytes"]),
    filename=text,
    width=st.integers(0, 20_000),
    height=st.integers(0, 20_000),
    caption=text,
    alt=text,
    credit=text,
    copyright=text,
    symbolic=st.booleans(),
    disclaimer=text,
    rotation=st.sampled_from(ROTATIONS),
    crop=st.sampled_from(CROP_RATIOS),
    focal_x=st.floats(0, 1),
    focal_y=st.sampled_from([0.0, 1.0, 0.5]) | st.floats(0, 1),
)
links = st.builds(RelatedLink, title=text, url=text)
articles = st.builds(
    Article,
    headline=text,
    subheadline=text,
    kicker=text,
    byline=text,
    dateline=text,
    language=text,
    published=text,
    slug=text,
    description=long_text,
    tags=st.lists(text, max_size=5),
    sections=st.lists(sections, max_size=4),
    images=st.lists(images, max_size=3),
    related=st.builds(RelatedLinks, heading=text, links=st.lists(links, max_size=4)),
)


@SETTINGS
@given(article=articles)
def test_article_file_article(article):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "prop.newsdesk"
        create_project(path, article).close()
        with open_project(path, read_only=True) as project:
            assert project.load() == article


@FEWER
@given(first=articles, second=articles)
def test_saving_over_another_article_gives_exactly_the_new_one(first, second):
    # Reuse the first article's ids in the second, so that sections move between parents,
    # change kind and text, and others appear and disappear: the row-diff path of save().
    first_ids = [s.id for s in first.walk_sections()]
    for section, old_id in zip(second.walk_sections(), reversed(first_ids), strict=False):
        section.id = old_id
    for image, old in zip(second.images, first.images, strict=False):
        image.id = old.id
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "prop.newsdesk"
        with create_project(path, first) as project:
            project.save(second, revision_label="second")
            assert project.load() == second
        with open_project(path) as project:
            assert project.load() == second
            project.save(first)
        with open_project(path, read_only=True) as project:
            assert project.load() == first
            # Blobs still needed by the revision of `second` stay; nothing else is kept.
            stored = {r[0] for r in project._conn.execute("SELECT digest FROM blobs")}
            needed = {i.digest for i in first.images + second.images if i.data is not None}
            assert stored == needed


# Revision snapshots go through the `info --json` shape, which drops NUL characters, blank tags
# and an empty language; within that shape the round trip is exact.
json_text = st.text(st.characters(blacklist_characters="\x00", codec="utf-8"), max_size=30)


@FEWER
@given(article=articles, headline=json_text, tags=st.lists(st.from_regex(r"\w+", fullmatch=True)))
def test_revision_snapshot_round_trip(article, headline, tags):
    article.headline = headline
    article.tags = tags
    article.language = "de"
    for name in ("subheadline", "kicker", "byline", "dateline", "published", "slug"):
        setattr(article, name, getattr(article, name).replace("\x00", ""))
    article.description = article.description.replace("\x00", "")
    article.related.heading = article.related.heading.replace("\x00", "")
    for section in article.walk_sections():
        section.heading = section.heading.replace("\x00", "")
        section.markdown = section.markdown.replace("\x00", "")
    for image in article.images:
        for name in ("filename", "caption", "alt", "credit", "copyright", "disclaimer"):
            setattr(image, name, getattr(image, name).replace("\x00", ""))
    for link in article.related.links:
        link.title = link.title.replace("\x00", "")
        link.url = link.url.replace("\x00", "")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "prop.newsdesk"
        with create_project(path, Article()) as project:
            project.save(article, revision_label="snap")
            project.save(Article(headline="later"))
            [revision] = project.revisions()
            assert project.load_revision(revision.id) == article
