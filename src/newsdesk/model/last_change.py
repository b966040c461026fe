"""The article's last change: when its content last changed, for the page's dateModified.

The store keeps it as the article property `modified` (ISO 8601 in UTC, "2026-11-27T09:30:00Z"),
set in the save that changes the article's content (its text fields, sections, photos or related
links) and left as it was by a save that changes nothing of that. It is deliberately not the
project file's modification time: keeping derived photo sizes, recording a revision or choosing
a publication write the file without changing what a reader sees.
"""

from __future__ import annotations

import datetime as dt

from newsdesk.model.article import Article

MODIFIED_PROPERTY = "modified"


def iso_utc(moment: dt.datetime) -> str:
    """`moment` (aware) as ISO 8601 in UTC to the second, with a "Z"."""
    utc = moment.astimezone(dt.UTC).replace(microsecond=0)
    return utc.isoformat().replace("+00:00", "Z")


def last_change(article: Article) -> str | None:
    """When the article's content last changed (ISO 8601, UTC), or None when the store has not
    recorded it (a file written before Newsdesk kept it, and not changed since)."""
    value = article.properties.get(MODIFIED_PROPERTY, "").strip()
    return value or None
