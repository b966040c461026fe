"""The page's own words (labels, date format, locale), in the article's language, German or English.

The exported page speaks the article's language, not the editor's: a German article gets
"Meinung", "Symbolbild" and "Foto:" even when the journalist runs Newsdesk in English. That is why
these are plain tables here and not Qt translations. Every other language falls back to English.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import NamedTuple

from newsdesk.formats.bylines import is_agency
from newsdesk.model.article_language import (
    ENGLISH_RELATED_HEADING,
    GERMAN_RELATED_HEADING,
    writes_german,
)
from newsdesk.model.article_language import (  # the rule is the model's; outputs import it here too
    related_heading as related_heading,
)

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
# A region or script subtag the checker accepts: two letters, three digits, or four letters.
_SUBTAG = re.compile(r"^(?:[A-Za-z]{2}|[0-9]{3}|[A-Za-z]{4})$")
# The ISO 639-1 languages (the IANA registry's two-letter primary subtags), plus the few
# three-letter ones a newsroom in Germany writes in. A tag whose language is not here would make
# the page invalid (the Nu checker reads the registry), so it is written as "und".
_KNOWN_LANGUAGES = frozenset(re.findall(r"[a-z]+", """
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da
de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz
ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln
lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi
pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti
tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
dsb hsb nds frr stq gsw bar ksh yue cmn haw fil
"""))  # fmt: skip

# og:locale wants language_TERRITORY; a bare language gets its usual territory.
_DEFAULT_TERRITORY = {
    "de": "DE", "en": "US", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pl": "PL",
    "pt": "PT", "da": "DK", "sv": "SE", "nb": "NO", "fi": "FI", "cs": "CZ", "tr": "TR",
    "uk": "UA", "ru": "RU", "el": "GR", "ja": "JP", "zh": "CN", "ko": "KR", "ar": "AR",
}  # fmt: skip

_GERMAN_MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
_ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# A credit or copyright that already says what it is gets no second prefix ("Foto: Foto: dpa").
_CREDIT_PREFIXES = ("foto", "photo", "bild", "image", "grafik", "graphic", "illustration",
                    "quelle", "source", "©", "(c)", "copyright")  # fmt: skip
_COPYRIGHT_PREFIXES = ("©", "(c)", "copyright")


class PageLabels(NamedTuple):
    """The words the page and its exports print around the text, in one language."""

    language: str  # the primary subtag these labels are for: "de" or "en"
    opinion: str
    symbolic_image: str
    photo_credit: str  # format string with one {}
    related: str  # heading of the related list when the journalist gave none
    untitled: str
    missing_photo: str
    preparing_photo: str  # the preview's frame while a photo's sizes are still being made
    months: tuple[str, ...]

    def credit(self, credit: str) -> str:
        credit = copyright_signs(credit.strip())
        if not credit or credit.lower().startswith(_CREDIT_PREFIXES):
            return _AFTER_COPYRIGHT.sub(f"©{NBSP}", credit)
        return _AFTER_COPYRIGHT.sub(f"©{NBSP}", self.photo_credit.format(credit))

    def date(self, moment: datetime, has_time: bool) -> str:
        """The date as the page shows it; non-breaking spaces keep "27. November 2026" and
        "10:30 Uhr" on one line."""
        month = self.months[moment.month - 1]
        if self.language == "de":
            text = f"{moment.day}.{NBSP}{month}{NBSP}{moment.year}"
            return f"{text}, {moment:%H:%M}{NBSP}Uhr" if has_time else text
        text = f"{month}{NBSP}{moment.day}, {moment.year}"
        return f"{text}, {moment:%H:%M}" if has_time else text


GERMAN = PageLabels(
    language="de",
    opinion="Meinung",
    symbolic_image="Symbolbild",
    photo_credit="Foto: {}",
    related=GERMAN_RELATED_HEADING,
    untitled="Ohne Titel",
    missing_photo="Foto fehlt",
    preparing_photo="Foto wird vorbereitet …",
    months=_GERMAN_MONTHS,
)
ENGLISH = PageLabels(
    language="en",
    opinion="Opinion",
    symbolic_image="Illustrative image",
    photo_credit="Photo: {}",
    related=ENGLISH_RELATED_HEADING,
    untitled="Untitled",
    missing_photo="Photo missing",
    preparing_photo="Preparing the photo …",
    months=_ENGLISH_MONTHS,
)


def html_lang(language: str) -> str:
    """The article's language as a tag the page may carry: "de", "de-AT", "en-GB".

    A known language with region or script subtags the registry could hold keeps them; other
    subtags are dropped ("de-xyzzy" -> "de"), and an unknown language gives "und" (undetermined),
    so that no value the journalist typed makes the page invalid."""
    language = language.strip().replace("_", "-")
    if not _LANGUAGE_TAG.match(language):
        return "und"
    primary, *subtags = language.split("-")
    primary = primary.lower()
    if primary not in _KNOWN_LANGUAGES:
        return "und"
    kept = [primary]
    for subtag in subtags[:2]:
        if not _SUBTAG.match(subtag):
            break
        if len(subtag) == 2:
            kept.append(subtag.upper())
        elif len(subtag) == 4:
            kept.append(subtag.title())
        else:
            kept.append(subtag)
    return "-".join(kept)


def labels_for(language: str) -> PageLabels:
    return GERMAN if writes_german(language) else ENGLISH


def og_locale(language: str) -> str:
    """de -> de_DE, de-AT -> de_AT, en -> en_US; an unknown bare language stays as it is."""
    parts = html_lang(language).split("-")
    primary = parts[0].lower()
    if primary == "und":
        return "en_US"
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    region = region or _DEFAULT_TERRITORY.get(primary)
    return f"{primary}_{region}" if region else primary


def copyright_notice(text: str) -> str:
    """ "© Name": the sign added when the field lacks it, "(c)" made "©"."""
    text = copyright_signs(text.strip())
    if not text:
        return text
    if "©" not in text and not text.lower().startswith(_COPYRIGHT_PREFIXES):
        text = f"© {text}"
    return text


# A notice that names its own kind before a colon ("Symbolfoto: ...", "Archive photo: ...").
_NOTICE_LABEL = re.compile(r"^\s*([^:\n]{1,40}?)\s*:\s*(.*)$", re.S)


def symbol_notice_parts(disclaimer: str, labels: PageLabels) -> tuple[str, str]:
    """(label, text) of a symbol image's notice, so the page shows the label once:
    "Symbolbild: Das Foto dient ..." -> ("Symbolbild", "Das Foto dient ..."); a notice without
    its own label gets the page's ("Symbolbild", "Die Szene ..."); "Archivbild" alone is a label.
    """
    text = " ".join(disclaimer.split())
    match = _NOTICE_LABEL.match(text)
    if match and len(match.group(1).split()) <= 3:
        return match.group(1), match.group(2)
    if text and len(text.split()) <= 2 and not text.endswith((".", "!", "?")):
        return text, ""
    return labels.symbolic_image, text


def symbol_notice(disclaimer: str, labels: PageLabels) -> str:
    """The whole notice as one line ("Symbolbild: Das Foto dient ..."), for og:image:alt and the
    JSON-LD caption."""
    label, text = symbol_notice_parts(disclaimer, labels)
    return f"{label}: {text}" if text else label


def keep_with_copyright_sign(text: str) -> str:
    """A non-breaking space after "©" (for the page), so the sign never ends a line alone."""
    return _AFTER_COPYRIGHT.sub(f"©{NBSP}", text)


NBSP = "\u00a0"
# "(c)" followed by a year or a name is the copyright sign; "(c)" after "(a)" or "(b)" is a list
# item, and "(c)" before a lower-case word that names no agency is ordinary text.
_COPYRIGHT_SIGN = re.compile(r"(?<![\w(])\([cC]\)(?=[ \t]*([\w.-]+))")
_ENUMERATION = re.compile(r"\([abAB]\)")
_AFTER_COPYRIGHT = re.compile(r"©[ \t]+")
_YEAR = re.compile(r"\d{4}")


def copyright_signs(text: str) -> str:
    """ "(c) 2026 Anna Berg" -> "© 2026 Anna Berg"; enumerations "(a) ... (b) ... (c)" are kept."""
    if "(" not in text or _ENUMERATION.search(text):
        return text

    def sign(match: re.Match[str]) -> str:
        word = match.group(1)
        named = word[0].isupper() or _YEAR.fullmatch(word) or is_agency(word)
        return "©" if named or match.start() == 0 else match.group()

    return _COPYRIGHT_SIGN.sub(sign, text)


def parse_published(published: str) -> tuple[datetime, bool] | None:
    """The publish date and whether it has a time of day; None when it is empty or not ISO 8601."""
    published = published.strip()
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return None
    return moment, ("T" in published or " " in published)


def published_iso(published: str) -> str | None:
    """The publish date in normalised ISO 8601: a date stays a date, a date-time keeps its zone."""
    parsed = parse_published(published)
    if parsed is None:
        return None
    moment, has_time = parsed
    return moment.isoformat() if has_time else moment.date().isoformat()
