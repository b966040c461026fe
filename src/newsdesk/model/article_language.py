"""What the article's language decides in the model: whether it is German, and the default heading
of the related links that the check names and every output shows."""

from __future__ import annotations

import re

from newsdesk.model.article import Article

# A language tag as the journalist may type it ("de", "de-AT", "de_DE"); anything else is no
# language the page could name (formats.html_labels.html_lang writes it as "und").
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")

GERMAN_RELATED_HEADING = "Mehr zum Thema"
ENGLISH_RELATED_HEADING = "Related"


def writes_german(language: str) -> bool:
    """True for an article in German ("de", "DE-at", "de_DE"): its page words are German."""
    language = language.strip().replace("_", "-")
    return bool(_LANGUAGE_TAG.match(language)) and language.split("-")[0].lower() == "de"


def related_heading(article: Article) -> str:
    """The heading above the related links as every output shows it and the check names it: the
    journalist's own, else the article language's default ("Mehr zum Thema", "Related")."""
    own = " ".join(article.related.heading.split())
    if own:
        return own
    return GERMAN_RELATED_HEADING if writes_german(article.language) else ENGLISH_RELATED_HEADING
