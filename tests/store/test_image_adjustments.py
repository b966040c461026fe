"""Schema version 2: a photo's rotation, crop and focal point are saved, reloaded and revisioned."""

from __future__ import annotations

import sqlite3

import pytest

from newsdesk.errors import SaveError
from newsdesk.imaging import derive_web_sizes, social_crop
from newsdesk.store import create_project, open_project


def _turn(article) -> None:
    lead = article.images[0]
    lead.rotation, lead.crop, lead.focal_x, lead.focal_y = 180, "3:2", 0.0, 0.8125


def test_new_file_round_trips_the_adjustments(tmp_path, article):
    _turn(article)
    path = tmp_path / "gedreht.newsdesk"
    create_project(path, article).close()
    with open_project(path, read_only=True) as project:
        loaded = project.load()
    assert loaded == article
    assert isinstance(loaded.images[0].focal_x, float)
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT rotation, crop, focal_x, focal_y FROM images WHERE position = 0")
        assert row.fetchone() == (180, "3:2", 0.0, 0.8125)
    conn.close()


def test_changing_only_the_crop_writes_one_image_row(project_file):
    with open_project(project_file) as project:
        current = project.load()
        current.images[0].crop = "1:1"
        statements: list[str] = []
        project._conn.set_trace_callback(statements.append)
        project.save(current)
        project._conn.set_trace_callback(None)
    writes = [s for s in statements if s.split()[0] in ("INSERT", "UPDATE", "DELETE")]
    # Besides the article's last change (model/last_change.py), written with it.
    writes = [s for s in writes if "'modified'" not in s]
    assert len(writes) == 1 and "images" in writes[0]
    with open_project(project_file, read_only=True) as project:
        assert project.load().images[0].crop == "1:1"


def test_revisions_carry_the_adjustments(project_file):
    with open_project(project_file) as project:
        current = project.load()
        _turn(current)
        project.save(current, revision_label="gedreht")
        current.images[0].rotation = 0
        project.save(current, revision_label="zurück")
        turned = next(r for r in project.revisions() if r.label == "gedreht")
        restored = project.load_revision(turned.id)
    assert restored.images[0].rotation == 180
    assert (restored.images[0].crop, restored.images[0].focal_y) == ("3:2", 0.8125)


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("rotation", 45, "not a quarter turn"),
        ("crop", "2:1", "unknown crop"),
        ("focal_x", 1.5, "focal point"),
        ("focal_y", float("nan"), "focal point"),
    ],
)
def test_impossible_adjustments_are_refused_before_writing(
    project_file, article, field, value, message
):
    with open_project(project_file) as project:
        broken = project.load()
        setattr(broken.images[0], field, value)
        with pytest.raises(SaveError, match=message):
            project.save(broken)
        assert project.load() == article


class _ProjectCache:
    def __init__(self, project) -> None:
        self.project = project

    def get(self, key: str) -> bytes | None:
        return self.project.derived_get(key)

    def put(self, key: str, data: bytes) -> None:
        self.project.derived_put(key, data)


def _derived_keys(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        keys = [row[0] for row in conn.execute("SELECT key FROM derived")]
    conn.close()
    return keys


def test_derived_sizes_of_every_crop_go_with_the_photo(project_file):
    with open_project(project_file) as project:
        current = project.load()
        photo = current.images[0]
        cache = _ProjectCache(project)
        derive_web_sizes(photo.data, (480,), cache=cache)
        derive_web_sizes(photo.data, (480,), cache=cache, rotation=90, crop="1:1")
        social_crop(photo.data, focal=(0.2, 0.2), cache=cache)
        assert len(_derived_keys(project_file)) == 3
        assert all(key.startswith(f"{photo.digest}:") for key in _derived_keys(project_file))
        del current.images[0]
        project.save(current)
    assert _derived_keys(project_file) == []
