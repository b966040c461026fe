"""`newsdesk publish` before it reaches a site: one line and exit 2 for what is wrong, the check's
errors stop it, and the project file stays as it was."""

from __future__ import annotations

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from newsdesk.cli import main
from newsdesk.model.article import Article, Image, Section
from newsdesk.publication import PublicationProfile, Publications, save_publications
from newsdesk.publish.credentials import store_password
from newsdesk.store import create_project, open_project


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    previous = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    save_publications(
        Publications(
            profiles=[
                PublicationProfile(
                    name="Blatt", wordpress_url="http://127.0.0.1:9", wordpress_user="jörg"
                ),
                PublicationProfile(name="Ohne", base_url="https://ohne.example"),
            ]
        )
    )
    yield tmp_path
    keyring.set_keyring(previous)


def project(tmp_path, article: Article):
    path = tmp_path / "artikel.newsdesk"
    create_project(path, article).close()
    return path


def good_article() -> Article:
    return Article(headline="Neue Brücke für Gößnitz", sections=[Section(markdown="Sie hält.")])


@pytest.mark.parametrize(
    ("site", "message"),
    [
        ("Nirgends", "there is no publication called 'Nirgends'"),
        ("Ohne", "has no WordPress address and user"),
        ("Blatt", "no Application Password stored for jörg"),
    ],
)
def test_what_is_missing_is_one_line(config, capsys, site, message):
    path = project(config, good_article())
    assert main(["publish", str(path), "--site", site]) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1


def test_the_check_runs_first_and_its_errors_stop_the_publish(config, capsys):
    store_password("http://127.0.0.1:9", "jörg", "abcd efgh")
    broken = good_article()
    broken.images.append(Image(credit=""))  # a photo not added yet is an error of the check
    path = project(config, broken)
    before = path.read_bytes()
    assert main(["publish", str(path), "--site", "Blatt"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("error: ") and "publish anyway with --force" in out
    assert path.read_bytes() == before


def test_an_unreachable_site_changes_nothing_in_the_article(config, capsys):
    store_password("http://127.0.0.1:9", "jörg", "abcd efgh")  # port 9: nobody listens
    path = project(config, good_article())
    with open_project(path, read_only=True) as opened:
        before = opened.load()
    assert main(["publish", str(path), "--site", "Blatt"]) == 2
    assert "cannot be reached" in capsys.readouterr().err
    with open_project(path, read_only=True) as opened:
        assert opened.load() == before


def test_a_file_that_is_not_a_project_is_a_usage_error(config, capsys):
    assert main(["publish", str(config / "x.txt"), "--site", "Blatt"]) == 2
    assert "ends in .newsdesk" in capsys.readouterr().err


def test_without_site_the_articles_own_publication_is_used(config, capsys):
    from newsdesk.publication import set_article_publication

    article = good_article()
    path = project(config, article)
    assert main(["publish", str(path)]) == 2
    assert "has no publication chosen" in capsys.readouterr().err
    set_article_publication(article, "Ohne")
    path.unlink()
    path = project(config, article)
    assert main(["publish", str(path)]) == 2
    assert "publication 'Ohne' has no WordPress address" in capsys.readouterr().err


def test_a_file_open_in_another_newsdesk_is_not_published(config, capsys):
    """The command line, like the window's read-only view, does not publish a file it may not
    write: the post's record could not be kept, and the next publish would make a second post."""
    from newsdesk.store import ProjectLock

    store_password("http://127.0.0.1:9", "jörg", "abcd efgh")
    path = project(config, good_article())
    before = path.read_bytes()
    held = ProjectLock(path)
    held.acquire()
    try:
        assert main(["publish", str(path), "--site", "Blatt"]) == 2
    finally:
        held.release()
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "open in Newsdesk" in error, error
    assert path.read_bytes() == before
