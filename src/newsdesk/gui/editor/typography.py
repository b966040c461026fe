"""Typographic quotation marks for what is typed, by the article's language.

German: „doppelt“ and ‚einfach‘ (Swiss German: «doppelt» and ‹einfach›); English: “double” and
‘single’. An apostrophe is always ’ (German "geht’s" too). Other languages keep straight quotes:
a wrong guess would be worse than none.
"""

from __future__ import annotations

# language -> (double open, double close, single open, single close)
QUOTES = {
    "de": ("„", "“", "‚", "‘"),
    "de-ch": ("«", "»", "‹", "›"),
    "en": ("“", "”", "‘", "’"),
}
APOSTROPHE = "’"
# After these (or at the start of a paragraph) a quote opens; after anything else it closes.
_OPENS_AFTER = set(" \t\u00a0\u2028([{<-–—/") | {q for marks in QUOTES.values() for q in marks[::2]}


def quotes_for(language: str) -> tuple[str, str, str, str] | None:
    tag = language.strip().lower().replace("_", "-")
    primary = tag.split("-")[0]
    if primary == "de" and tag.split("-")[-1] in ("ch", "li"):
        return QUOTES["de-ch"]
    return QUOTES.get(primary)


def typographic_quote(typed: str, text_before: str, language: str) -> str | None:
    """The mark to insert for a typed `"` or `'` after `text_before` (the paragraph so far)."""
    marks = quotes_for(language)
    if marks is None or typed not in ('"', "'"):
        return None
    double_open, double_close, single_open, single_close = marks
    opening = not text_before or text_before[-1] in _OPENS_AFTER
    if typed == '"':
        return double_open if opening else double_close
    if opening:
        return single_open
    # After a letter: closing a single quote only if one is open, otherwise an apostrophe.
    if single_close != APOSTROPHE and text_before.count(single_open) > text_before.count(
        single_close
    ):
        return single_close
    return APOSTROPHE
