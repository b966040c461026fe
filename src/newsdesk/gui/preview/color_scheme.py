"""Which colour scheme of the page the preview shows: the light page, or its own dark style.

The exported page follows its reader's system (`@media (prefers-color-scheme: dark)` in its
stylesheet, the house layouts' too). The preview shows the page as most readers see it, light, by
default, whatever the desktop's scheme is, and offers the dark style as an option (the preview's
"Dark" button), so the journalist can check that photos, boxes and the opinion label read there.

Chromium in Qt 6.12 has no per-page colour-scheme setting (`ForceDarkMode` recolours any page by
itself, which is not the page's own dark style), and which scheme it reports to a page follows
the desktop. So the preview decides in the page itself: `page_in_scheme` turns every
`prefers-color-scheme` media feature of the page into one that is always true or always false for
the chosen scheme and sets the page's `color-scheme` (scroll bars, form controls). The page the
export writes is untouched; only the copy the view is given changes. The chosen scheme is also
written on the `<html>` tag, so that a switch changes the part of the page around head and body
and the view loads it anew (page_diff patches only the article) with its scroll position.
"""

from __future__ import annotations

import re

LIGHT = "light"
DARK = "dark"
_FEATURE = re.compile(r"\(\s*prefers-color-scheme\s*:\s*(light|dark)\s*\)", re.IGNORECASE)
_ALWAYS = "(min-width: 0px)"
_NEVER = "((min-width: 1px) and (max-width: 0px))"
_HTML_TAG = re.compile(r"<html\b", re.IGNORECASE)
_HEAD_END = "</head>"
MARK_ATTRIBUTE = "data-newsdesk-preview-scheme"


def page_in_scheme(html: str, scheme: str) -> str:
    """The page as it looks to a reader whose system is set to `scheme` ("light" or "dark")."""
    if scheme not in (LIGHT, DARK):
        raise ValueError(f"unknown colour scheme {scheme!r}; use 'light' or 'dark'")

    def decided(match: re.Match[str]) -> str:
        return _ALWAYS if match.group(1).lower() == scheme else _NEVER

    # Only the head holds the page's styles; the same words in the article's text stay as typed.
    head_end = html.find(_HEAD_END)
    if head_end < 0:
        return html
    head = _FEATURE.sub(decided, html[:head_end])
    head = _HTML_TAG.sub(f'<html {MARK_ATTRIBUTE}="{scheme}"', head, count=1)
    style = f"<style>:root {{ color-scheme: {scheme}; }}</style>\n"
    return head + style + html[head_end:]
