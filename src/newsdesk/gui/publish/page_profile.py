"""The article's publication profile, as `newsdesk export` finds it.

The command line exports with the chosen profile (`publication.lookup_profile`); the preview, the
check and File > Export pass the same, so the window's page is the command line's (dateModified
is the article's last change as the store recorded it, model/last_change.py, in both). The
settings file is read again only when it changed (the preview asks after every pause in typing).
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.errors import PublicationError
from newsdesk.model.article import Article
from newsdesk.publication import (
    PublicationProfile,
    Publications,
    article_publication,
    default_profiles_path,
    load_publications,
    page_article,
)

_cache: dict[Path, tuple[tuple[int, int], Publications]] = {}


def current_publications(path: Path | None = None) -> Publications:
    """The profiles in the user's settings, read again only when the file changed.
    Raises PublicationError as load_publications does."""
    path = default_profiles_path() if path is None else path
    try:
        status = path.stat()
        stamp = (status.st_mtime_ns, status.st_size)
    except OSError:
        stamp = (0, -1)
    cached = _cache.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    publications = load_publications(path)
    _cache[path] = (stamp, publications)
    return publications


def forget_cached(path: Path | None = None) -> None:
    """After the window wrote the settings itself."""
    _cache.pop(default_profiles_path() if path is None else path, None)


def page_profile(article: Article) -> PublicationProfile | None:
    """The profile the article names; None without one, or when the settings cannot give it
    (the check says why, as `newsdesk export` warns and goes on)."""
    name = article_publication(article)
    if not name:
        return None
    try:
        return current_publications().find(name)
    except PublicationError:
        return None


def checked_article(article: Article) -> Article:
    """The article as the check sees it: in its publication's language when it has none."""
    return page_article(article, page_profile(article))
