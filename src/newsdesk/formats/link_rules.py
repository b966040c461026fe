"""How the exported page writes a link's address (`page_href`), and which schemes it may have.

Which addresses become links at all is the model's rule (`newsdesk.model.web_addresses`), asked by
the exporter, the check and the window alike.
"""

from __future__ import annotations

import re
from urllib.parse import quote

# The schemes a link on the page may have (the sanitiser's allow-list; the editor keeps no other).
URL_SCHEMES = {"http", "https", "mailto", "tel"}
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
