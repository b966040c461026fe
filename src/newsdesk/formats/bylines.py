"""Who wrote the article, read from the byline as the journalist typed it.

The byline field keeps exactly what the user wrote ("Von Anna Berg, Tom Weiß und Eva Klein",
"Jörg Maier/dpa"); the page shows it as it is. For the page's metadata (JSON-LD `author`, the
`author` meta element) it is read here into people and organisations: "Von"/"By" dropped, names
split at commas, "und"/"and"/"&" and "/", and news agencies (dpa, AFP, Reuters, AP, KNA, epd, …)
typed as Organization rather than as a person called "dpa".
"""

from __future__ import annotations

import re
from typing import NamedTuple

# News agencies and services as they appear in bylines, in lower case.
AGENCIES = frozenset((
    "dpa", "dpa-afx", "afp", "reuters", "ap", "kna", "epd", "sid", "dts", "ddp", "apa",
    "sda", "keystone-sda", "efe", "ansa", "bloomberg", "dow jones", "dj", "ots", "idea",
    "upi", "xinhua", "tass", "kyodo", "pa", "press association", "belga", "anp", "ritzau",
    "tt", "ntb", "ctk", "pap", "mti", "afx", "rtr", "evangelischer pressedienst",
    "katholische nachrichten-agentur", "deutsche presse-agentur", "associated press",
    "agence france-presse",
))  # fmt: skip

_PREFIX = re.compile(
    r"^\s*(?:von|by|texte?|mit material von|with material from|mit|with)\s*:?\s+", re.IGNORECASE
)
_SEPARATORS = re.compile(r"\s*(?:[,;/()]|\s(?:und|and|&|sowie)\s)\s*", re.IGNORECASE)
_MAX_NAMES = 20
_MAX_NAME_CHARS = 100


class Contributor(NamedTuple):
    """One name of a byline, and whether it is a news agency's."""

    name: str
    is_agency: bool

    def json_ld(self, url: str = "") -> dict[str, str]:
        data = {"@type": "Organization" if self.is_agency else "Person", "name": self.name}
        if url:
            data["url"] = url
        return data


def is_agency(name: str) -> bool:
    return " ".join(name.lower().split()) in AGENCIES


def contributors(byline: str) -> list[Contributor]:
    """People and agencies named in a byline, in its order, each once."""
    text = " ".join(byline.split())
    text = _PREFIX.sub("", text)
    found: list[Contributor] = []
    seen: set[str] = set()
    for part in _SEPARATORS.split(text):
        name = _PREFIX.sub("", part).strip(" .·–-()")
        if not name or len(name) > _MAX_NAME_CHARS or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        found.append(Contributor(name, is_agency(name)))
        if len(found) == _MAX_NAMES:
            break
    return found


def authors_json_ld(byline: str, author_url: str = "") -> list[dict[str, str]]:
    """schema.org author objects; `author_url` (the publication profile's) is given to the one
    person of a byline that names one person (with several it cannot say whose it is)."""
    named = contributors(byline)
    people = [c for c in named if not c.is_agency]
    url = author_url if len(people) == 1 else ""
    return [c.json_ld("" if c.is_agency else url) for c in named]
