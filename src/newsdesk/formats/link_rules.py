"""Which addresses the exported page makes into links a reader can follow.

One rule, asked by the exporter (the related-links list), by the check (a link it would print as
plain text is a finding) and by the related-links pane, so that all three agree. Kept apart from
the exporter so that the check and the window need not import it (and Pillow) to ask.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote, urlsplit


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


# Characters a URL may carry as they are (RFC 3986 reserved and unreserved, and "%" of an escape
# already made); anything else, a space first of all, is percent-encoded so the page stays valid.
_URL_SAFE = ":/?#[]@!$&'()*+,;=-._~%"
# What people type inside a telephone number to read it: "+49 (0)30 123-45 67".
_PHONE_PUNCTUATION = re.compile(r"[\s().\-/]|%20")


def page_href(tag: str, attribute: str, value: str) -> str:
    """An href as the page may carry it (nh3's attribute filter): "tel:+49 30 1234" ->
    "tel:+49301234", "https://example.org/a b" -> "https://example.org/a%20b"."""
    if attribute != "href" or tag != "a":
        return value
    value = value.strip()
    if value[:4].lower() == "tel:":
        # "+49 (0)30": the trunk zero in brackets is dialled only from inside the country.
        return "tel:" + _PHONE_PUNCTUATION.sub("", value[4:].replace("(0)", ""))
    return quote(value, safe=_URL_SAFE)
