"""Writing the export: embedded and folder modes, metadata-free image files, atomic failure."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path
from urllib.parse import unquote

import pytest
from PIL import Image as PILImage

from newsdesk import imaging
from newsdesk.derived_cache import MemoryCache
from newsdesk.errors import ExportError
from newsdesk.formats.html_export import export_html
from newsdesk.publication import PublicationProfile
from tests.formats.html_export_fixtures import german_article, jpeg_bytes, json_ld, meta, parse


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def _umask() -> int:
    mask = os.umask(0o022)  # read by setting it: tests run on one thread
    os.umask(mask)
    return mask


def test_embedded_export_writes_one_readable_file(tmp_path):
    out = tmp_path / "nachtbus.html"
    result = export_html(german_article(), out)
    assert _files(tmp_path) == {"nachtbus.html"}
    assert result.page.path == out and result.page.size == out.stat().st_size
    assert result.assets == () and result.paths == [out] and result.total_bytes == result.page.size
    root = parse(out.read_text(encoding="utf-8"))
    assert root.get("lang") == "de"
    assert all(img.get("src").startswith("data:image/jpeg;base64,") for img in root.iter("img"))
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()


def test_folder_export_writes_images_the_page_references(tmp_path):
    out = tmp_path / "Nachtbus Kassel.html"
    profile = PublicationProfile(name="Kassel", base_url="https://zeitung.example/kassel/")
    result = export_html(german_article(), out, assets="folder", profile=profile)
    page_url = "https://zeitung.example/kassel/nachtbus-versuch-kassel"  # base URL + slug
    folder = tmp_path / "Nachtbus Kassel_files"
    written = {p.path.name for p in result.assets}
    assert {p.name for p in folder.iterdir()} == written
    assert len(written) == 6  # lead in three widths + its social crop, the 900px map in two
    assert result.total_bytes == out.stat().st_size + sum(
        (folder / n).stat().st_size for n in written
    )
    root = parse(out.read_text(encoding="utf-8"))
    referenced = set()
    for img in root.iter("img"):
        candidates = [c.rsplit(" ", 1)[0] for c in img.get("srcset").split(", ")]
        assert len(candidates) >= 2
        referenced.update([img.get("src"), *candidates])
    assert meta(root, "og:url") == page_url
    # Crawlers fetch og:image and the JSON-LD image from where the page will be uploaded.
    for absolute in (meta(root, "og:image"), json_ld(root)["image"][0]["url"]):
        assert absolute.startswith("https://zeitung.example/kassel/Nachtbus%20Kassel_files/")
        referenced.add(absolute.removeprefix("https://zeitung.example/kassel/"))
    for url in referenced:
        assert url.startswith("Nachtbus%20Kassel_files/")
        assert (tmp_path / unquote(url)).is_file()
    assert {unquote(url).split("/", 1)[1] for url in referenced} == written


def test_exported_image_files_carry_no_metadata_without_photo_credits(tmp_path):
    # With credits (the default) they carry IPTC fields only: tests/formats/test_photo_credits.py
    article = german_article()
    article.images[0].data = jpeg_bytes(comment=b"Informant: Hauptstrasse 7")
    result = export_html(article, tmp_path / "a.html", assets="folder", photo_credits=False)
    for written in result.assets:
        data = written.path.read_bytes()
        for needle in (b"Exif", b"Fixture-Kamera", b"Informant", b"http://ns.adobe.com/xap"):
            assert needle not in data
        with PILImage.open(io.BytesIO(data)) as image:
            assert not image.getexif() and "comment" not in image.info
            assert "exif" not in image.info and "icc_profile" not in image.info


def test_re_export_replaces_our_images_and_keeps_the_users_files(tmp_path):
    out = tmp_path / "a.html"
    article = german_article()
    first = export_html(article, out, assets="folder")
    (tmp_path / "a_files" / "notizen.txt").write_text("meine Notizen", encoding="utf-8")
    article.images[0].data = jpeg_bytes(colour=(150, 20, 20))
    second = export_html(article, out, assets="folder")
    names = {p.name for p in (tmp_path / "a_files").iterdir()}
    assert names == {p.path.name for p in second.assets} | {"notizen.txt"}
    old_lead = {p.path.name for p in first.assets} - {p.path.name for p in second.assets}
    assert len(old_lead) == 4 and not old_lead & names  # three sizes and the social crop


def test_cache_is_used_across_exports(tmp_path, monkeypatch):
    cache = MemoryCache()
    export_html(german_article(), tmp_path / "a.html", cache=cache)
    encoded = []
    real_encode = imaging._encode
    monkeypatch.setattr(
        "newsdesk.imaging._encode", lambda *a, **k: encoded.append(a[1:3]) or real_encode(*a, **k)
    )
    # The folder export reuses the map's 900 the embedded page made (its own width: the top of
    # its chain either way); the lead's 960 comes down from its 1600 this time, so it is new
    # like the other sizes and og:image's crop.
    export_html(german_article(), tmp_path / "b.html", assets="folder", cache=cache)
    assert sorted(encoded) == [(480, 320), (480, 320), (960, 640), (1200, 628), (1600, 1067)]
    monkeypatch.setattr(
        "newsdesk.imaging._encode", lambda *a, **k: pytest.fail("encoded although cached")
    )
    result = export_html(german_article(), tmp_path / "c.html", assets="folder", cache=cache)
    assert len(result.assets) == 6


def _disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("assets", ["embed", "folder"])
def test_full_disk_leaves_no_trace_and_the_old_page_intact(tmp_path, monkeypatch, assets):
    out = tmp_path / "seite.html"
    out.write_text("die alte Fassung", encoding="utf-8")
    monkeypatch.setattr(os, "replace", _disk_full)
    with pytest.raises(ExportError) as caught:
        export_html(german_article(), out, assets=assets)
    message = str(caught.value)
    assert "disk is full" in message and "\n" not in message
    assert _files(tmp_path) == {"seite.html"}
    assert out.read_text(encoding="utf-8") == "die alte Fassung"


def test_failure_while_writing_the_page_removes_the_new_asset_folder(tmp_path, monkeypatch):
    out = tmp_path / "seite.html"
    real_replace = os.replace

    def fail_for_the_page(source, target):
        if Path(target) == out:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", fail_for_the_page)
    with pytest.raises(ExportError, match="disk is full"):
        export_html(german_article(), out, assets="folder")
    # The images were complete, but without their page they are debris: nothing may remain.
    assert _files(tmp_path) == set()


def test_failing_fsync_leaves_no_temp_file(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "fsync", _disk_full)
    with pytest.raises(ExportError, match="disk is full"):
        export_html(german_article(), tmp_path / "seite.html")
    assert _files(tmp_path) == set()


def test_permission_denied_gives_a_clear_message(tmp_path, monkeypatch):
    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "x"))

    monkeypatch.setattr("os.open", denied)
    with pytest.raises(ExportError, match="no permission to write"):
        export_html(german_article(), tmp_path / "seite.html")
    assert _files(tmp_path) == set()


def test_bad_targets_are_refused_before_anything_is_written(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_html(german_article(), tmp_path / "fehlt" / "seite.html")
    (tmp_path / "ordner.html").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        export_html(german_article(), tmp_path / "ordner.html")
    with pytest.raises(ExportError, match="embed or folder"):
        export_html(german_article(), tmp_path / "seite.html", assets="preview")
    assert _files(tmp_path) == {"ordner.html"}


def test_existing_file_keeps_its_permissions(tmp_path):
    out = tmp_path / "seite.html"
    out.write_text("alt", encoding="utf-8")
    out.chmod(0o640)
    export_html(german_article(), out)
    assert out.stat().st_mode & 0o777 == 0o640
