"""The page's own words (labels, date format, locale), in the article's language, German or English.

The exported page speaks the article's language, not the editor's: a German article gets
"Meinung", "Symbolbild" and "Foto:" even when the journalist runs Newsdesk in English. That is why
these are plain tables here and not Qt translations. Every other language falls back to English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")

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


@dataclass(frozen=True)
class PageLabels:
    language: str  # the primary subtag these labels are for: "de" or "en"
    opinion: str
    symbolic_image: str
    photo_credit: str  # format string with one {}
    related: str  # heading of the related list when the journalist gave none
    untitled: str
    missing_photo: str
    months: tuple[str, ...]

    def credit(self, credit: str) -> str:
        credit = credit.strip()
        if not credit or credit.lower().startswith(_CREDIT_PREFIXES):
            return credit
        return self.photo_credit.format(credit)

    def date(self, moment: datetime, has_time: bool) -> str:
        month = self.months[moment.month - 1]
        if self.language == "de":
            text = f"{moment.day}. {month} {moment.year}"
            return f"{text}, {moment:%H:%M} Uhr" if has_time else text
        text = f"{month} {moment.day}, {moment.year}"
        return f"{text}, {moment:%H:%M}" if has_time else text


GERMAN = PageLabels(
    language="de",
    opinion="Meinung",
    symbolic_image="Symbolbild",
    photo_credit="Foto: {}",
    related="Mehr zum Thema",
    untitled="Ohne Titel",
    missing_photo="Foto fehlt",
    months=_GERMAN_MONTHS,
)
ENGLISH = PageLabels(
    language="en",
    opinion="Opinion",
    symbolic_image="Illustrative image",
    photo_credit="Photo: {}",
    related="Related",
    untitled="Untitled",
    missing_photo="Photo missing",
    months=_ENGLISH_MONTHS,
)


def html_lang(language: str) -> str:
    """The article's BCP 47 tag if it looks like one, else "und" (undetermined)."""
    language = language.strip().replace("_", "-")
    return language if _LANGUAGE_TAG.match(language) else "und"


def labels_for(language: str) -> PageLabels:
    return GERMAN if html_lang(language).split("-")[0].lower() == "de" else ENGLISH


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
    text = text.strip()
    if not text or text.lower().startswith(_COPYRIGHT_PREFIXES):
        return text
    return f"© {text}"


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
