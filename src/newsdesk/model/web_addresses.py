"""What counts as a web address, and how a typed one is completed: one rule for every place.

The section editor's link dialog (Ctrl+K), the related-links list, the check and the exporters
all ask here, so an address accepted in one place is accepted, completed and linked the same way
in every other:
- `safe_link_url`: the addresses a reader may follow from the page (http or https with a host);
- `completed_web_address`: what journalists type, completed the way browsers do: a bare domain
  ("example.org/x", "www.example.org") gets "https://" in front. The completion is shown to the
  journalist (in the field or the dialog), never applied silently;
- `normalized_link_url`: the link dialog's rule, the same plus mail addresses
  ("desk@example.org" -> "mailto:desk@example.org").
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_BARE_DOMAIN = re.compile(r"(?:[\w-]+\.)+[A-Za-z]{2,}(?::\d+)?(?:[/?#]\S*)?", re.UNICODE)
_BARE_MAIL = re.compile(r"[^@\s/:]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_WEB_URL = re.compile(r"(?i)https?://[^/?#\s]+")
# A space, a control character or a backslash: never in an address a reader may follow.
_UNSAFE_CHARACTER = re.compile(r"[\x00-\x20\x7f\\]")
# The common case, an ASCII host with the rest free of unsafe characters: urlsplit would accept it
# (its host is the non-empty run before ":", "/", "?" or "#"), and the check asks for every link
# of the article (a 100,000-word article has ~500, ~3 ms through urlsplit).
_PLAIN_WEB_URL = re.compile(r"(?ai)https?://[a-z0-9.-]+(?::[0-9]*)?(?:[/?#][^\x00-\x20\x7f\\]*)?")


@lru_cache(maxsize=4096)  # the check asks again for every link of the article on each pass
def safe_link_url(url: str) -> str | None:
    """The URL if a reader may follow it from the page (http or https with a host), else None."""
    url = url.strip()
    return url if _PLAIN_WEB_URL.fullmatch(url) else followable_by_urlsplit(url)


def followable_by_urlsplit(url: str) -> str | None:
    """The rule itself, as urlsplit reads the (trimmed) URL: http or https with a host, and no
    unsafe character. `safe_link_url` gives plain addresses the same answer sooner."""
    if not url or _UNSAFE_CHARACTER.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def is_bare_domain(text: str) -> bool:
    """True for an address typed without its scheme: "example.org/x", "www.example.org:8080"."""
    text = text.strip()
    if not text or _BARE_MAIL.fullmatch(text):
        return False
    scheme = _SCHEME.match(text)
    # "example.org:8080/x" starts like a scheme too; a real scheme is not a domain.
    if scheme and not _BARE_DOMAIN.fullmatch(text):
        return False
    return bool(_BARE_DOMAIN.fullmatch(text))


def completed_web_address(text: str) -> str:
    """The address as it will be stored: trimmed, and a bare domain completed with https://.
    Anything else comes back trimmed, as typed, for the validation to name what is wrong."""
    text = text.strip()
    return "https://" + text if is_bare_domain(text) else text


def normalized_link_url(text: str) -> str | None:
    """The URL a link in the text gets for what was typed: web addresses (completed as
    `completed_web_address` does) and mail addresses; None for anything else."""
    url = text.strip()
    if not url or any(c.isspace() for c in url):
        return None
    if _BARE_MAIL.fullmatch(url):
        return "mailto:" + url
    scheme = _SCHEME.match(url)
    if scheme and not is_bare_domain(url):
        name = scheme.group(1).lower()
        if name in ("http", "https"):
            return url if _WEB_URL.match(url) else None
        if name == "mailto":
            return url if _BARE_MAIL.fullmatch(url[len("mailto:") :].split("?")[0]) else None
        return None
    return completed_web_address(url) if is_bare_domain(url) else None
