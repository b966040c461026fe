"""Notices for symbol images, and a check that alt text describes the picture.

German press practice asks that a photo which only illustrates a topic (a stock picture of a
courtroom, a posed scene) says so, so that readers do not take it for the people or places the
article is about. `symbol_image_presets` offers such notices in the article's language; the first
one is the default the image pane fills in when the journalist switches "symbol image" on. The
texts are starting points: the journalist may edit them.

`alt_text_problem` returns a short code (not a sentence), so that the GUI can translate it and the
preflight (`model/preflight.py`) reports the same problems with its own wording.
"""

from __future__ import annotations

import re

ALT_MAX_CHARS = 250

_GERMAN_PRESETS: tuple[str, ...] = (
    "Symbolbild",
    "Symbolbild: Das Foto dient nur der Veranschaulichung und zeigt nicht die beschriebenen "
    "Personen oder Orte.",
    "Symbolfoto: Die abgebildeten Personen stehen in keinem Zusammenhang mit dem Bericht.",
    "Symbolbild: Die Szene wurde für das Foto nachgestellt.",
    "Archivbild: Die Aufnahme entstand vor den geschilderten Ereignissen.",
)

_ENGLISH_PRESETS: tuple[str, ...] = (
    "Illustrative image",
    "Illustrative image: the photo illustrates the topic and does not show the people or places "
    "described.",
    "Stock photo: the people pictured have no connection to this report.",
    "Illustrative image: the scene was posed for the photo.",
    "File photo: the picture was taken before the events described.",
)

ALT_PROBLEMS: tuple[str, ...] = ("missing", "repeats_caption", "too_long", "starts_with_image_of")

# "Bild von ...", "Foto: ...", "Image of ...": screen readers already announce an image.
_REDUNDANT_START = re.compile(
    r"^\s*(?:an?\s+|the\s+|ein\s+|eine\s+|das\s+)?"
    r"(?:bild|foto|photo|image|picture|photograph)"
    r"\s*(?:von|vom|der|des|mit|zeigt|of|showing|shows|:)",
    re.IGNORECASE,
)


def symbol_image_presets(language: str) -> tuple[str, ...]:
    """Disclaimer texts for an illustrative photo in the article's language; the first is the
    default. German for any "de" tag (de, de-AT, de-CH, ...), English otherwise."""
    primary = (language or "").strip().replace("_", "-").split("-", 1)[0].casefold()
    return _GERMAN_PRESETS if primary == "de" else _ENGLISH_PRESETS


def _normalise(text: str) -> str:
    """Casefolded words only: "Der Hafen." and "der hafen" count as the same text."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def alt_text_problem(alt: str, caption: str) -> str | None:
    """The first problem with `alt` as a description of the picture, as a code, or None.

    Codes (ALT_PROBLEMS): "missing" (empty), "repeats_caption" (the caption again: a screen reader
    would read it twice, and the caption rarely says what the picture shows), "too_long" (more than
    ALT_MAX_CHARS characters), "starts_with_image_of" ("Bild von ...", "Photo of ...").
    """
    text = alt.strip()
    if not text:
        return "missing"
    words = _normalise(text)
    if words and words == _normalise(caption):
        return "repeats_caption"
    if len(text) > ALT_MAX_CHARS:
        return "too_long"
    if _REDUNDANT_START.match(text):
        return "starts_with_image_of"
    return None
