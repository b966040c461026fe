"""Image.digest is remembered for the bytes it was computed from, and only for those."""

from __future__ import annotations

import copy
import hashlib

from newsdesk.model.article import Image


def test_the_digest_is_remembered_and_follows_new_bytes(monkeypatch):
    image = Image(data=b"first photo")
    assert image.digest == hashlib.sha256(b"first photo").hexdigest()
    calls = []
    real = hashlib.sha256
    monkeypatch.setattr(hashlib, "sha256", lambda data: calls.append(1) or real(data))
    assert image.digest == real(b"first photo").hexdigest()
    assert calls == []  # remembered
    image.data = b"second photo"
    assert image.digest == real(b"second photo").hexdigest()
    image.data = None
    assert image.digest is None


def test_copies_and_comparisons_ignore_the_remembered_digest():
    image = Image(data=b"photo", id="a")
    _ = image.digest
    twin = Image(data=b"photo", id="a")
    assert image == twin
    copied = copy.deepcopy(image)
    assert copied == image and copied.digest == image.digest
    copied.data = b"other"
    assert copied.digest != image.digest


def test_an_opened_project_hands_over_the_digests_it_checked(tmp_path, monkeypatch):
    from newsdesk.model.article import Article
    from newsdesk.store import create_project, open_project

    photo = b"\xff\xd8 not decoded here, only stored" * 1000
    create_project(tmp_path / "a.newsdesk", Article(images=[Image(data=photo)])).close()
    project = open_project(tmp_path / "a.newsdesk")
    try:
        image = project.load().images[0]
        calls = []
        real = hashlib.sha256
        monkeypatch.setattr(hashlib, "sha256", lambda data: calls.append(1) or real(data))
        assert image.digest == real(photo).hexdigest()
        assert calls == []
    finally:
        project.close()
