"""Broken and oversized text: imported cleanly or refused with a one-line typed error, in time.

tests/formats covers the named encoding cases (cp1252, Latin-1, UTF-16, NUL bytes in text and
Markdown, a sparse 50 MB + 1 file). Here: invalid UTF-8 and lone surrogates in every import kind,
surrogates reaching save and export, 100 MB as a file, as bytes and as a paste, and articles with
10,000 sections and 1,000 photos through JSON import and the project file.
"""

from __future__ import annotations

import io
import json
import sqlite3
import time

import pytest
from PIL import Image as PILImage

from newsdesk.errors import ExportError, ImportFormatError, NewsdeskError, SaveError
from newsdesk.formats.html_export import export_html
from newsdesk.formats.importers import (
    JSON,
    MARKDOWN,
    MAX_SOURCE_BYTES,
    TEXT,
    import_bytes,
    import_file,
    import_text,
)
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.serialize import article_to_dict
from newsdesk.store import create_project, open_project
from tests.store.conftest import file_state, folder_listing

KINDS = [TEXT, MARKDOWN, JSON]


def _strings(article: Article) -> list[str]:
    found: list[str] = []

    def walk(value):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(article_to_dict(article))
    return found


def _clean(article: Article) -> None:
    """What an import hands on: text that SQLite and UTF-8 can hold, no NUL."""
    for text in _strings(article):
        text.encode("utf-8")  # raises on a lone surrogate
        assert "\x00" not in text


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "data",
    [
        b"Titel\n\nText \xff\xfe mitten",
        b"Titel\n\n\xc3\x28 halbes Zeichen",
        b"Titel\n\n\xed\xa0\x80 ein kodiertes Surrogat",
        b"Titel\n\n\xf4\x90\x80\x80 jenseits von U+10FFFF",
        b"Titel\n\n\xc0\xaf \xe0\x80\xaf \xf0\x80\x80\xaf \xf8\x88\x80\x80\xaf ueberlang",
        b"Titel\n\nText\x00mit NUL",
        b"Titel\n\n" + b"\x00" * 64,
        b"\xef\xbb\xbf\xef\xbb\xbfTitel mit zwei BOMs\n\nText",
        b"\x81\x8d\x8f\x90\x9d",
    ],
    ids=["ff-fe", "half", "surrogate", "beyond", "overlong", "nul", "nuls", "two-boms", "c1"],
)
def test_invalid_utf8_and_nul_bytes_import_cleanly_or_are_refused(kind, data):
    if kind == JSON:
        data = b'{"headline": "' + data.replace(b"\n", b"\\n") + b'"}'
    try:
        article = import_bytes(data, kind, name="quelle.txt")
    except ImportFormatError as error:
        assert "\n" not in str(error) and "quelle.txt" in str(error)
        return
    if kind == JSON:
        data.decode("utf-8")  # JSON is UTF-8 by definition: only valid UTF-8 gets this far
    _clean(article)


@pytest.mark.parametrize(
    "escape",
    [r"\ud800", r"\udfff", r"\udbff\u0041", r"\ude00\ud83d", r"x\ud83d"],
    ids=["high", "low", "high-then-letter", "reversed-pair", "high-at-end"],
)
@pytest.mark.parametrize("field", ["headline", "section", "caption", "tag"])
def test_lone_surrogate_escapes_in_json_are_refused(escape, field):
    article = {"headline": "Kopf", "sections": [{"markdown": "Text"}], "images": [], "tags": []}
    if field == "headline":
        article["headline"] = f"Kopf {escape}"
    elif field == "section":
        article["sections"] = [{"heading": "A", "markdown": "Text", "children": []}]
        article["sections"][0]["children"] = [{"markdown": f"tief {escape}"}]
    elif field == "caption":
        article["images"] = [{"role": "lead", "caption": f"Bild {escape}"}]
    else:
        article["tags"] = ["ok", f"t{escape}"]
    source = json.dumps(article).replace(json.dumps(escape)[1:-1], escape)
    with pytest.raises(ImportFormatError, match="broken character") as caught:
        import_bytes(source.encode("ascii"), JSON, name="skript.json")
    assert "skript.json" in str(caught.value) and "\n" not in str(caught.value)
    with pytest.raises(ImportFormatError, match="broken character"):
        import_text(source, JSON)  # the same JSON arriving as text


def test_a_proper_surrogate_pair_escape_is_one_character():
    article = import_bytes(rb'{"headline": "Kopf \ud83d\ude00", "tags": ["\u00e4"]}', JSON)
    assert article.headline == "Kopf \N{GRINNING FACE}" and article.tags == ["ä"]


def test_a_nul_escape_in_json_never_reaches_the_article():
    article = import_bytes(
        rb'{"headline": "Ko\u0000pf", "sections": [{"markdown": "a\u0000b"}]}', JSON
    )
    _clean(article)


def test_a_lone_surrogate_from_a_paste_is_refused_at_save_and_export_leaving_files_alone(tmp_path):
    # Text pasted from a broken program can carry half a UTF-16 pair; neither SQLite nor UTF-8
    # can hold it, so saving and exporting refuse it and leave the files as they were.
    good = Article(headline="Kopf", sections=[Section(markdown="Text")])
    path = tmp_path / "artikel.newsdesk"
    page = tmp_path / "artikel.html"
    page.write_text("alte Fassung", encoding="utf-8")
    create_project(path, good).close()
    state, page_state, listing = file_state(path), file_state(page), folder_listing(tmp_path)
    broken = Article(headline="Kopf", sections=[Section(markdown="Text \udc80 aus der Ablage")])
    with open_project(path) as project:
        with pytest.raises(SaveError, match="cannot be stored") as caught:
            project.save(broken)
        assert "\n" not in str(caught.value)
    with pytest.raises(ExportError, match="broken character"):
        export_html(broken, page)
    assert file_state(path) == state and file_state(page) == page_state
    assert folder_listing(tmp_path) == listing
    with open_project(path, read_only=True) as project:
        assert project.load().sections[0].markdown == "Text"


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("utf-16", "Überschrift\n\nGrüße aus Köln, „zitiert“."),
        ("utf-8-sig", "Überschrift\n\nGrüße aus Köln, „zitiert“."),
        ("cp1252", "Überschrift\n\nGrüße aus Köln, „zitiert“ – 5 €."),
        ("latin-1", "Überschrift\n\nGrüße aus Köln, « zitiert »."),
    ],
)
@pytest.mark.parametrize("kind", [TEXT, MARKDOWN])
def test_legacy_encodings_import_exactly(codec, text, kind):
    if kind == MARKDOWN:
        text = "# " + text
    article = import_bytes(text.encode(codec), kind)
    assert article.headline == "Überschrift"
    assert "Grüße aus Köln" in article.sections[0].markdown


OTHER_SCRIPTS = {
    "big5": "見出し\n\n本文です，新聞記事。",
    "shift_jis": "見出し\n\n本文です。",
    "koi8_r": "Заголовок\n\nТекст статьи о городе.",
    "cp1251": "Заголовок\n\nТекст статьи о городе.",
    "cp1253": "Τίτλος\n\nΚείμενο του άρθρου.",
    "cp437": "Überschrift\n\nMädchen grüßen Köln.",
    "cp850": "Überschrift\n\nMädchen grüßen Köln.",
}


@pytest.mark.parametrize("codec", OTHER_SCRIPTS)
def test_other_code_pages_are_refused_not_garbled(codec):
    # Found here: Big5, KOI8-R, cp1251 and cp1253 bytes were imported as cp1252 mojibake
    # ("¨£¥XÆ»" for "見出し"); now text whose letters are mostly non-ASCII when read as cp1252 is
    # refused, like the DOS code pages already were.
    with pytest.raises(ImportFormatError, match=r"cannot tell apart|neither UTF-8") as caught:
        import_bytes(OTHER_SCRIPTS[codec].encode(codec), TEXT, name="alt.txt")
    assert "alt.txt" in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "text",
    ["Ça été là\n\nDéjà vu à côté.", "Über Öl\n\nÄrger über Größe.", "Año\n\nEl niño pequeño."],
)
def test_short_accented_western_text_is_still_imported(text):
    assert import_bytes(text.encode("cp1252"), TEXT).headline == text.split("\n")[0]


HUNDRED_MB = 100 * 1024 * 1024


@pytest.mark.parametrize("suffix", [".txt", ".md", ".json"])
def test_a_100_mb_file_is_refused_by_size_within_seconds(tmp_path, suffix):
    path = tmp_path / f"riesig{suffix}"
    chunk = ("Ein Satz, der sich immer wieder holt. " * 1000 + "\n\n").encode()
    with path.open("wb") as handle:  # written for real, not sparse: the bytes are there
        while handle.tell() < HUNDRED_MB:
            handle.write(chunk)
    start = time.perf_counter()
    try:
        with pytest.raises(ImportFormatError, match="50 MB") as caught:
            import_file(path)
        elapsed = time.perf_counter() - start
    finally:
        path.unlink()  # pytest keeps recent tmp_path folders; 100 MB each is too much to keep
    assert path.name in str(caught.value) and "\n" not in str(caught.value)
    assert elapsed < 5, f"refusing a 100 MB file took {elapsed:.1f} s"


@pytest.mark.parametrize("kind", KINDS)
def test_100_mb_of_bytes_or_a_100_mb_paste_is_refused_within_seconds(kind):
    text = "Titel\n\n" + "x" * HUNDRED_MB
    start = time.perf_counter()
    with pytest.raises(ImportFormatError, match="50 M"):
        import_bytes(text.encode("ascii"), kind)
    with pytest.raises(ImportFormatError, match="50 million characters"):
        import_text(text, kind)
    assert time.perf_counter() - start < 5


def test_text_just_under_the_bound_is_still_imported():
    text = "Titel\n\n" + "Wort " * 1000
    assert len(text) < MAX_SOURCE_BYTES
    assert import_text(text).headline == "Titel"


def test_10000_sections_through_json_import_and_the_project_file(tmp_path):
    sections = [
        {
            "heading": f"Teil {n}",
            "kind": "box" if n % 7 == 0 else "body",
            "markdown": f"Absatz {n}.",
        }
        for n in range(10_000)
    ]
    sections[5]["children"] = [{"heading": "Unterteil", "markdown": "Tiefer."}]
    source = json.dumps({"headline": "Zehntausend Teile", "sections": sections}).encode()
    start = time.perf_counter()
    article = import_bytes(source, JSON)
    assert len(article.sections) == 10_000
    assert article.sections[9_999].markdown == "Absatz 9999."
    path = tmp_path / "lang.newsdesk"
    create_project(path, article).close()
    with open_project(path) as project:
        loaded = project.load()
        assert loaded == article
        loaded.sections[4_321].markdown = "Geändert."
        project.save(loaded)
    with open_project(path, read_only=True) as project:
        assert project.load() == loaded
    assert time.perf_counter() - start < 60


def _tiny_png(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 3), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def test_1000_photos_round_trip_and_identical_bytes_are_stored_once(tmp_path):
    photos = [_tiny_png((n * 40, 255 - n * 40, 7)) for n in range(5)]
    images = [
        Image(role="lead" if n == 0 else "inline", data=photos[n % 5], caption=f"Bild {n}")
        for n in range(1_000)
    ]
    article = Article(headline="Tausend Bilder", sections=[Section(markdown="Text")], images=images)
    start = time.perf_counter()
    path = tmp_path / "bilder.newsdesk"
    create_project(path, article).close()
    with open_project(path) as project:
        loaded = project.load()
        assert loaded == article
        loaded.images[500].caption = "Neu"
        project.save(loaded)
    with open_project(path, read_only=True) as project:
        assert project.load().images[500].caption == "Neu"
    assert time.perf_counter() - start < 60
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == 5
        assert conn.execute("SELECT count(*) FROM images").fetchone()[0] == 1_000
    conn.close()


def test_errors_from_every_kind_are_newsdesk_errors_for_odd_inputs():
    odd = [b"", b"\n\n\n", b"\xef\xbb\xbf", b"\xff\xfe", b"{", b"[]", b"null", b"# \n", b"\t" * 100]
    for kind in KINDS:
        for data in odd:
            try:
                _clean(import_bytes(data, kind))
            except NewsdeskError as error:
                assert "\n" not in str(error)
