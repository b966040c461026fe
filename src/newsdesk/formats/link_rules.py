"""Which addresses the exported page makes into links a reader can follow.

One rule, asked by the exporter (the related-links list), by the check (a link it would print as
plain text is a finding) and by the related-links pane, so that all three agree. Kept apart from
the exporter so that the check and the window need not import it (and Pillow) to ask.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit


@lru_cache(maxsize=4096)  # the check asks again for every link of the article on each pass
def safe_link_url(url: str) -> str | None:
    """The URL if a reader may follow it from the related list (http or https with a host)."""
    url = url.strip()
    if not url or any(ord(c) <= 0x20 or ord(c) == 0x7F or c == "\\" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None
