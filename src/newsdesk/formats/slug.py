"""URL slugs from headlines: lowercase ASCII words joined by hyphens, German spelled out.

"Bürgerbad bleibt geschlossen" -> "buergerbad-bleibt-geschlossen". German readers expect ä, ö, ü
and ß transliterated as ae, oe, ue and ss (not stripped to a, o, u), other accents lose their marks.
"""

from __future__ import annotations

import re
import unicodedata

from newsdesk.model.article import Article

MAX_SLUG_CHARS = 80

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
# Letters that Unicode does not decompose into a base letter plus a mark.
_OTHER_LETTERS = str.maketrans(
    {"æ": "ae", "ø": "oe", "œ": "oe", "ð": "d", "đ": "d", "þ": "th", "ł": "l", "ı": "i"}
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_chars: int = MAX_SLUG_CHARS) -> str:
    """A slug for the text, at most `max_chars` long and cut at a word boundary; "" for no words."""
    text = unicodedata.normalize("NFC", text).lower().translate(_GERMAN).translate(_OTHER_LETTERS)
    # NFKD splits "é" into "e" + combining accent (dropped by the ASCII encode) and "ﬁ" into "fi".
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_ALNUM.sub("-", ascii_text).strip("-")
    if len(slug) <= max_chars:
        return slug
    cut = slug[: max_chars + 1]
    # Cut at the last hyphen inside the limit, unless that leaves nothing (one very long word).
    boundary = cut.rfind("-")
    return (cut[:boundary] if boundary > 0 else slug[:max_chars]).strip("-")


def effective_slug(article: Article) -> str:
    """The article's slug: the one the journalist set, else the one made from the headline (an
    empty slug in the file means "follow the headline")."""
    return article.slug or slugify(article.headline)
