"""German or English? A stop-word vote, good enough to set `<html lang>` and hyphenation right.

Importers call `detect_language` only when the source does not say (a JSON `language` field or a
Markdown front-matter `lang` wins). Function words are frequent, short and nearly disjoint between
the two languages, so counting them decides reliably on anything longer than a sentence or two.
"""

from __future__ import annotations

import re

_GERMAN = frozenset((
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "eines",
    "und", "oder", "aber", "nicht", "ist", "sind", "waren", "wird", "werden", "wurde", "wurden",
    "hat", "haben", "hatte", "hatten", "mit", "von", "zu", "zum", "zur", "bei", "nach", "aus",
    "auf", "für", "über", "unter", "vor", "auch", "noch", "schon", "nur", "sich", "sie", "er",
    "es", "wir", "ihr", "ich", "dass", "daß", "wie", "wenn", "als", "dieser", "diese", "dieses",
    "im", "ins", "vom", "um", "bis", "seit", "gegen", "ohne", "durch", "sehr", "mehr", "kein",
    "keine", "doch", "jedoch", "sowie", "damit", "soll", "sollte", "kann", "können", "müssen",
    "muss",
))  # fmt: skip
_ENGLISH = frozenset((
    "the", "a", "and", "or", "but", "not", "is", "are", "were", "be", "been", "being", "would",
    "has", "have", "had", "with", "of", "to", "at", "by", "from", "for", "on", "into", "over",
    "under", "before", "after", "only", "this", "that", "these", "those", "it", "its", "he",
    "she", "they", "we", "you", "i", "which", "who", "whom", "what", "when", "where", "while",
    "as", "than", "then", "there", "their", "them", "his", "her", "our", "more", "no", "can",
    "could", "should", "must", "may", "might", "do", "does", "did",
))  # fmt: skip
# Words common in both languages ("in", "so", "an", "was", "will", "also", "am", "man", "war")
# are in neither list: they would vote for whichever list happened to hold them.

_WORD = re.compile(r"[^\W\d_]+")
_GERMAN_LETTERS = re.compile(r"[äöüßÄÖÜ]")


def language_scores(text: str) -> tuple[int, int]:
    """(German votes, English votes) for the text."""
    german = english = 0
    for match in _WORD.finditer(text):
        word = match.group().lower()
        german += word in _GERMAN
        english += word in _ENGLISH
    # Umlauts and ß are a weak extra signal (loan names like "Müller" occur in English, too).
    german += len(_GERMAN_LETTERS.findall(text)) // 4
    return german, english


def detect_language(text: str, default: str = "en") -> str:
    """ "de" or "en" by majority of function words; `default` when the text gives no evidence."""
    german, english = language_scores(text)
    if german > english:
        return "de"
    if english > german:
        return "en"
    return default
