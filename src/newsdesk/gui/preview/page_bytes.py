"""The page as text that Qt and Chromium accept: no half surrogate pairs (from a broken paste)."""

from __future__ import annotations

from newsdesk.formats.markdown_render import replace_lone_surrogates


def repair_surrogates(html: str) -> str:
    """Half a UTF-16 surrogate pair becomes U+FFFD, as a browser shows it; other text is kept."""
    return replace_lone_surrogates(html)


def utf8(html: str) -> bytes:
    """The page as UTF-8 bytes for the scheme handler."""
    return repair_surrogates(html).encode("utf-8")
