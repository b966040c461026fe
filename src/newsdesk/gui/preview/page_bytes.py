"""The page as text that Qt and Chromium accept: no half surrogate pairs (from a broken paste)."""

from __future__ import annotations


def repair_surrogates(html: str) -> str:
    """Half a UTF-16 surrogate pair becomes U+FFFD, as a browser shows it; other text is kept."""
    try:
        html.encode("utf-8")
    except UnicodeEncodeError:
        return html.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return html


def utf8(html: str) -> bytes:
    """The page as UTF-8 bytes for the scheme handler."""
    return repair_surrogates(html).encode("utf-8")
