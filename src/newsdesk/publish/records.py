"""What was published where: kept in the article's property `wordpress` (docs/FILE_FORMAT.md).

The value is JSON, one entry per site (keyed by `wordpress.site_key`):

    {"https://blatt.example": {"marker": "3f9a2b1c0d4e", "post_id": 12, "link": "https://...",
      "modified_gmt": "2026-12-06T01:02:03", "published_at": "2026-12-06T01:02:04Z",
      "media": {"<digest>:<adjustment>": 34, ...}}}

`marker` is chosen before anything is sent and is part of every slug Newsdesk creates on the site
until the publish completes, so that a retry after an interruption finds the post and photos it
already made. `media` maps each photo, by its original's digest and its adjustment (rotation,
crop, focal point), to its media id: an unchanged photo is not uploaded again. Entries are only
ever added or updated, never dropped by a publish to another site.

The property is not article content: the window sets it outside the undo history (an undo must
not forget a post that exists), and revisions restore it as they find it in the file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

from newsdesk.model.article import Article

PROPERTY_KEY = "wordpress"


@dataclass
class SiteRecord:
    marker: str = ""
    post_id: int = 0
    link: str = ""
    modified_gmt: str = ""
    published_at: str = ""
    media: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "marker": self.marker,
            "post_id": self.post_id,
            "link": self.link,
            "modified_gmt": self.modified_gmt,
            "published_at": self.published_at,
            "media": dict(self.media),
        }

    @classmethod
    def from_json(cls, data: Any) -> SiteRecord:
        """A record from its JSON; values of the wrong type read as unset (never raises)."""
        if not isinstance(data, dict):
            return cls()

        def text(name: str) -> str:
            value = data.get(name)
            return value if isinstance(value, str) else ""

        post_id = data.get("post_id")
        media = data.get("media")
        return cls(
            marker=text("marker"),
            post_id=post_id if isinstance(post_id, int) and post_id > 0 else 0,
            link=text("link"),
            modified_gmt=text("modified_gmt"),
            published_at=text("published_at"),
            media={
                key: value
                for key, value in (media.items() if isinstance(media, dict) else ())
                if isinstance(key, str) and isinstance(value, int) and value > 0
            },
        )


def new_marker() -> str:
    return os.urandom(6).hex()


def read_records(article: Article) -> dict[str, SiteRecord]:
    """Every site's record; a damaged property reads as none (the site is asked again)."""
    try:
        data = json.loads(article.properties.get(PROPERTY_KEY, "") or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: SiteRecord.from_json(value) for key, value in data.items() if isinstance(key, str)}


def site_record(article: Article, site: str) -> SiteRecord:
    return read_records(article).get(site, SiteRecord())


def with_record(article: Article, site: str, record: SiteRecord) -> str:
    """The property's new value: `site`'s record replaced, every other site's kept as it was."""
    try:
        data = json.loads(article.properties.get(PROPERTY_KEY, "") or "{}")
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    data[site] = record.to_json()
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def store_record(article: Article, site: str, record: SiteRecord) -> None:
    """Put `record` into the article's properties (the caller saves the article)."""
    article.properties[PROPERTY_KEY] = with_record(article, site, record)
