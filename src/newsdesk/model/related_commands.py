"""Edit commands for the related-links list, and the rules its pane shares with the export.

The commands follow `newsdesk.model.commands`: `do(article)` applies, `undo(article)` restores the
article exactly (the very same RelatedLink objects, in the same order), `do` may run again after
`undo`, and every one reports `Changes(related=True)`. An edit that cannot apply (an index that is
not in the list) raises `EditRefusedError` from `do` and leaves the article untouched.

`validate_link_url` says in a few words what is wrong with a URL; it accepts exactly what the
exporter links (`formats.link_rules.safe_link_url`), so the pane never calls a URL fine that the
page then prints as plain text. `looks_like_url` and `link_from_text` are the paste rule: text that
is one web address becomes a link with that URL and a title guessed from its path.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from newsdesk.model.article import Article, RelatedLink
from newsdesk.model.commands import Changes, EditCommand, EditRefusedError
from newsdesk.model.web_addresses import safe_link_url

# The problems validate_link_url reports (English; the GUI translates them).
PROBLEM_EMPTY = "no URL yet"
PROBLEM_SPACES = "contains spaces or control characters"
PROBLEM_NO_SCHEME = "not a web address: it must start with https:// or http://"
PROBLEM_SCHEME = "only http and https links"
PROBLEM_NO_HOST = "the address has no host name"
PROBLEM_INVALID = "not a web address"
URL_PROBLEMS: tuple[str, ...] = (
    PROBLEM_EMPTY,
    PROBLEM_SPACES,
    PROBLEM_NO_SCHEME,
    PROBLEM_SCHEME,
    PROBLEM_NO_HOST,
    PROBLEM_INVALID,
)

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_WEB_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
# Path endings that say nothing about the story: file types and the numeric ids CMSs append.
_EXTENSION = re.compile(r"\.(html?|php|aspx?|jsp|cms)$", re.IGNORECASE)
_TRAILING_ID = re.compile(r"([-_.](?:[a-z]{0,3}\d[\w]*|\d+))+$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[-_+.~]+")
MAX_GUESSED_TITLE_CHARS = 120


def validate_link_url(url: str) -> str | None:
    """What is wrong with the URL in a few English words, or None when readers can follow it.

    None exactly when the exporter makes the entry a link (`safe_link_url`).
    """
    if safe_link_url(url) is not None:
        return None
    url = url.strip()
    if not url:
        return PROBLEM_EMPTY
    if any(c.isspace() or ord(c) < 0x20 or ord(c) == 0x7F for c in url):
        return PROBLEM_SPACES
    if not _SCHEME.match(url):
        return PROBLEM_NO_SCHEME
    try:
        parts = urlsplit(url)
    except ValueError:
        return PROBLEM_INVALID
    if parts.scheme.lower() not in ("http", "https"):
        return PROBLEM_SCHEME
    if not parts.hostname:
        return PROBLEM_NO_HOST
    return PROBLEM_INVALID


def looks_like_url(text: str) -> bool:
    """True when the text is one web address (http(s)://... or www....): the paste rule's test."""
    text = text.strip()
    if not text or any(c.isspace() for c in text):
        return False
    if _WEB_SCHEME.match(text):
        return safe_link_url(text) is not None
    return text.lower().startswith("www.") and safe_link_url("https://" + text) is not None


def normalised_url(text: str) -> str:
    """The pasted address as stored: trimmed, and "www.x" completed to "https://www.x"."""
    text = text.strip()
    return text if _WEB_SCHEME.match(text) else "https://" + text


def title_from_url(url: str) -> str:
    """A readable first title from the URL's last path part ("hafen-wird-saniert-100.html" ->
    "Hafen wird saniert"); the host name when the path says nothing. The journalist edits it."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    segments = [s for s in unquote(parts.path).split("/") if s.strip()]
    for segment in reversed(segments):
        words = _TRAILING_ID.sub("", _EXTENSION.sub("", segment))
        words = _SEPARATORS.sub(" ", words).strip()
        if words and not words.isdigit() and any(c.isalpha() for c in words):
            title = words[:1].upper() + words[1:]
            return title[:MAX_GUESSED_TITLE_CHARS].strip()
    host = parts.hostname or ""
    return host.removeprefix("www.")


def link_from_text(text: str) -> RelatedLink | None:
    """The link a paste of `text` means (URL filled in, title guessed), or None for other text."""
    if not looks_like_url(text):
        return None
    url = normalised_url(text)
    return RelatedLink(title=title_from_url(url), url=url)


def _links(article: Article) -> list[RelatedLink]:
    return article.related.links


def _check_index(article: Article, index: int) -> None:
    if not 0 <= index < len(_links(article)):
        raise EditRefusedError("This related link no longer exists.", code="edit.link_gone")


_RELATED = Changes(related=True)


class SetRelatedHeading(EditCommand):
    """Set the heading above the list ("Lesen Sie auch", "Read more")."""

    label = "Edit related links heading"

    def __init__(self, text: str) -> None:
        if not isinstance(text, str):
            raise ValueError("the heading must be text")
        self.text = text

    def do(self, article: Article) -> None:
        self._old = article.related.heading
        article.related.heading = self.text
        self._changes = _RELATED

    def undo(self, article: Article) -> None:
        article.related.heading = self._old


class AddRelatedLink(EditCommand):
    """Insert `link` at `index` (appended when None). The inserted object is `self.link`."""

    label = "Add related link"

    def __init__(self, link: RelatedLink | None = None, index: int | None = None) -> None:
        self.link = link if link is not None else RelatedLink()
        self.index = index

    def do(self, article: Article) -> None:
        links = _links(article)
        index = len(links) if self.index is None else self.index
        if not 0 <= index <= len(links):
            raise EditRefusedError(
                "There is no such position in the related links.", code="edit.no_position"
            )
        if any(existing is self.link for existing in links):
            raise EditRefusedError(
                "This related link is already in the list.", code="edit.link_exists"
            )
        links.insert(index, self.link)
        self._index = index
        self._changes = _RELATED

    def undo(self, article: Article) -> None:
        del _links(article)[self._index]


class RemoveRelatedLink(EditCommand):
    """Remove the link at `index`; undo puts the same object back."""

    label = "Remove related link"

    def __init__(self, index: int) -> None:
        self.index = index

    def do(self, article: Article) -> None:
        _check_index(article, self.index)
        self._link = _links(article).pop(self.index)
        self._changes = _RELATED

    def undo(self, article: Article) -> None:
        _links(article).insert(self.index, self._link)


class SetRelatedLink(EditCommand):
    """Set title and URL of the link at `index` (the object stays; undo restores both texts)."""

    label = "Edit related link"

    def __init__(self, index: int, title: str, url: str) -> None:
        if not isinstance(title, str) or not isinstance(url, str):
            raise ValueError("title and URL must be text")
        self.index = index
        self.title = title
        self.url = url

    def do(self, article: Article) -> None:
        _check_index(article, self.index)
        link = _links(article)[self.index]
        self._old = (link.title, link.url)
        link.title, link.url = self.title, self.url
        self._changes = _RELATED

    def undo(self, article: Article) -> None:
        link = _links(article)[self.index]
        link.title, link.url = self._old


class MoveRelatedLink(EditCommand):
    """Move the link at `from_index` so that it ends up at `to_index` (its index after the move)."""

    label = "Move related link"

    def __init__(self, from_index: int, to_index: int) -> None:
        self.from_index = from_index
        self.to_index = to_index

    def do(self, article: Article) -> None:
        _check_index(article, self.from_index)
        _check_index(article, self.to_index)
        links = _links(article)
        links.insert(self.to_index, links.pop(self.from_index))
        self._changes = _RELATED

    def undo(self, article: Article) -> None:
        links = _links(article)
        links.insert(self.from_index, links.pop(self.to_index))
