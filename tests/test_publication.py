"""Publication profiles: the JSON settings file, lookups, and what is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.errors import PublicationError
from newsdesk.model.article import Article
from newsdesk.publication import (
    PublicationProfile,
    Publications,
    article_publication,
    default_profiles_path,
    load_publications,
    lookup_profile,
    save_publications,
    set_article_publication,
)


def _tagesblatt() -> PublicationProfile:
    return PublicationProfile(
        name="Tagesblatt Süd",
        site_name="Tagesblatt Süd",
        base_url="https://www.tagesblatt-sued.example/lokales/",
        publisher_name="Tagesblatt Verlag GmbH",
        publisher_logo_url="https://www.tagesblatt-sued.example/logo.png",
        author_url="https://www.tagesblatt-sued.example/autoren/joerg-weiss",
        twitter_handle="@tagesblatt_sued",
        language="de",
        wordpress_url="https://blog.tagesblatt-sued.example",
        wordpress_user="jweiss",
        house_layout="classic",
    )


def test_profiles_round_trip_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "newsdesk" / "publications.json"
    publications = Publications()
    publications.put(_tagesblatt())
    publications.put(PublicationProfile(name="Harbour Gazette", base_url="http://gazette.example"))
    save_publications(publications, path)

    again = load_publications(path)
    assert again == publications
    assert again.names() == ["Tagesblatt Süd", "Harbour Gazette"]
    assert "Süd" in path.read_text(encoding="utf-8")  # written as UTF-8, not \u escapes


def test_a_missing_file_holds_no_profiles(tmp_path: Path) -> None:
    assert load_publications(tmp_path / "nothing.json").profiles == []


def test_unknown_keys_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "publications.json"
    path.write_text(
        json.dumps(
            {
                "format": 2,
                "sync": {"enabled": True},
                "profiles": [{"name": "Harbour Gazette", "newsletter": "weekly", "base_url": ""}],
            }
        ),
        encoding="utf-8",
    )
    publications = load_publications(path)
    publications.get("harbour gazette").site_name = "The Harbour Gazette"
    save_publications(publications, path)

    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == 2
    assert data["sync"] == {"enabled": True}
    assert data["profiles"][0]["newsletter"] == "weekly"
    assert data["profiles"][0]["site_name"] == "The Harbour Gazette"


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[]",
        b'{"profiles": {"name": "x"}}',
        b'{"profiles": [{"name": 3}]}',
        b'{"profiles": [{"name": "A"}, {"name": "a"}]}',
        b'{"profiles": [{"name": "A", "base_url": "javascript:alert(1)"}]}',
        b'{"format": "one", "profiles": []}',
        b"[" * 100_000,
    ],
)
def test_a_damaged_file_is_a_typed_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "publications.json"
    path.write_bytes(content)
    with pytest.raises(PublicationError) as caught:
        load_publications(path)
    assert caught.value.code == "publication.damaged"
    assert caught.value.params["path"] == str(path)


def test_an_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "publications.json"
    path.write_bytes(b'{"profiles": [], "pad": "' + b"x" * 2_000_000 + b'"}')
    with pytest.raises(PublicationError, match="larger than"):
        load_publications(path)


def test_lookup_by_name(tmp_path: Path) -> None:
    path = tmp_path / "publications.json"
    publications = Publications([_tagesblatt()])
    save_publications(publications, path)
    assert lookup_profile("", path) is None
    assert lookup_profile("TAGESBLATT SÜD", path) == _tagesblatt()
    with pytest.raises(PublicationError) as caught:
        lookup_profile("Abendpost", path)
    assert caught.value.code == "publication.unknown"
    assert caught.value.params == {"name": "Abendpost"}


def test_rename_and_duplicates() -> None:
    publications = Publications([_tagesblatt(), PublicationProfile(name="Harbour Gazette")])
    renamed = _tagesblatt()
    renamed.name = "Tagesblatt"
    publications.put(renamed, replacing="Tagesblatt Süd")
    assert publications.names() == ["Tagesblatt", "Harbour Gazette"]
    with pytest.raises(PublicationError) as caught:
        publications.put(PublicationProfile(name="harbour gazette"), replacing="Tagesblatt")
    assert caught.value.code == "publication.duplicate"
    publications.remove("Harbour Gazette")
    assert publications.names() == ["Tagesblatt"]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"name": "  "}, "publication.no_name"),
        ({"base_url": "www.example.org"}, "publication.invalid_url"),
        ({"author_url": "https://exa mple.org"}, "publication.invalid_url"),
        ({"publisher_logo_url": 'https://example.org/"logo.png'}, "publication.invalid_url"),
        ({"twitter_handle": "@far_too_long_a_handle"}, "publication.invalid_handle"),
        ({"language": "deutsch!"}, "publication.invalid_language"),
        ({"site_name": "x" * 3000}, "publication.too_long"),
    ],
)
def test_invalid_profiles_are_refused(changes: dict[str, str], code: str) -> None:
    profile = _tagesblatt()
    for key, value in changes.items():
        setattr(profile, key, value)
    with pytest.raises(PublicationError) as caught:
        Publications().put(profile)
    assert caught.value.code == code


def test_page_url_and_handle() -> None:
    profile = _tagesblatt()
    assert profile.page_url("brueckenfest-2026") == (
        "https://www.tagesblatt-sued.example/lokales/brueckenfest-2026"
    )
    assert profile.page_url("") is None
    assert PublicationProfile(name="x").page_url("slug") is None
    assert profile.twitter_site == "@tagesblatt_sued"
    profile.twitter_handle = "gazette"
    assert profile.twitter_site == "@gazette"


def test_default_path_follows_xdg_config_home(tmp_path: Path) -> None:
    path = default_profiles_path({"XDG_CONFIG_HOME": str(tmp_path)})
    assert path == tmp_path / "newsdesk" / "publications.json"
    relative = default_profiles_path({"XDG_CONFIG_HOME": "relative/dir"})
    assert relative == Path.home() / ".config" / "newsdesk" / "publications.json"


def test_the_article_names_its_profile() -> None:
    article = Article()
    assert article_publication(article) == ""
    set_article_publication(article, "Tagesblatt Süd")
    assert article.properties == {"publication": "Tagesblatt Süd"}
    assert article_publication(article) == "Tagesblatt Süd"
    set_article_publication(article, "")
    assert article.properties == {}


def test_a_hostile_slug_cannot_leave_the_site() -> None:
    profile = PublicationProfile(name="x", base_url="https://zeitung.example/lokales")
    assert profile.page_url('a b/../"><script>') == (
        "https://zeitung.example/lokales/a%20b%2F..%2F%22%3E%3Cscript%3E"
    )
