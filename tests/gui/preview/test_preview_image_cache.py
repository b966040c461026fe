"""The preview's photo sizes outlive the session: they are kept in the project file."""

from __future__ import annotations

from newsdesk.gui.photos.image_caches import PreviewImageCache
from newsdesk.model.article import Article
from newsdesk.store import create_project, open_project


def test_sizes_made_in_one_session_are_found_in_the_next(tmp_path):
    path = tmp_path / "ferry.newsdesk"
    project = create_project(path, Article(headline="Ferry"))
    first = PreviewImageCache(lambda: project)
    first.put("abc:960w", b"jpeg bytes")
    assert first.get("abc:960w") == b"jpeg bytes"
    project.close()

    reopened = open_project(path)
    try:
        second = PreviewImageCache(lambda: reopened)
        assert second.get("abc:960w") == b"jpeg bytes"
        assert second.get("missing") is None
    finally:
        reopened.close()


def test_without_a_writable_project_the_sizes_stay_in_memory():
    cache = PreviewImageCache(lambda: None)
    cache.put("k", b"v")
    assert cache.get("k") == b"v"
