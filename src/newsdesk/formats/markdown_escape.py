"""Plain text into our Markdown dialect so that it renders literally, character for character.

The plain-text importer and anything else that turns typed text into a section body use this: a
line that starts with "- ", "1. ", "#" or ">" would otherwise become a list, heading or quote, and
"*", "_", "`", "[" would become emphasis, code or links. Python-Markdown honours a backslash before
its escapable characters (`|` among them once tables are on); the two it has no escape for ("~~"
strikethrough in our dialect, and "<" opening an autolink, a tag or a private note) are written as
character references, which render as the character.
"""

from __future__ import annotations

import re

# Characters that start inline syntax anywhere in a line (backslash first: it escapes the rest).
_INLINE = re.compile(r"([\\`*_\[\]|])")
# Syntax that only counts at the start of a line: heading, quote, bullet, numbered item, rule.
_BLOCK_START = re.compile(r"^(#|>|[-+]|\d{1,9}(?=\.(?:\s|$)))", re.M)
# "===" under a line makes it a heading, and "=" has no backslash escape.
_SETEXT_RULE = re.compile(r"^=(?==*$)", re.M)
# What "<" may start: an autolink <https://...>, <name@host>, a tag <b>, </b>, a note <!-- -->.
_AUTOLINK = re.compile(r"<(?=[A-Za-z/!?]|[^<> !]+@[^@<> ]+>)")
_ENTITY = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[a-zA-Z0-9]+;)")


def _escape_block_start(match: re.Match[str]) -> str:
    text = match.group(1)
    if text[0].isdigit():
        return text + "\\"  # "1999. " -> "1999\. ": the dot is what makes the list
    return "\\" + text


def escape_markdown(text: str) -> str:
    """Markdown that renders as exactly `text` (leading spaces per line are dropped)."""
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    text = _AUTOLINK.sub("&lt;", text)
    text = text.replace("~~", "~&#126;")
    text = _SETEXT_RULE.sub("&#61;", text)
    return _BLOCK_START.sub(_escape_block_start, text)
