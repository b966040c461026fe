"""One rule for web addresses: the link dialog, the related links, the check and the page agree.

Issue 17, defect 8: Ctrl+K completed "www.example.org/x" silently while the related-links list
refused "council.example.org/minutes".
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.model.web_addresses import (
    completed_web_address,
    followable_by_urlsplit,
    is_bare_domain,
    normalized_link_url,
    safe_link_url,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("council.example.org/minutes", "https://council.example.org/minutes"),
        ("  www.example.org  ", "https://www.example.org"),
        ("rathaus-köln.example/sitzung?id=3", "https://rathaus-köln.example/sitzung?id=3"),
        ("example.org:8080/x", "https://example.org:8080/x"),
        ("https://example.org/a", "https://example.org/a"),
        ("http://example.org", "http://example.org"),
        ("ftp://example.org/file", "ftp://example.org/file"),  # refused later, kept as typed
        ("desk@example.org", "desk@example.org"),  # mail is not a web address
        ("not an address", "not an address"),
        ("", ""),
    ],
)
def test_a_bare_domain_is_completed_and_nothing_else_changes(typed, stored):
    assert completed_web_address(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["council.example.org/minutes", "www.example.org", "example.org:8080/x", "Example.ORG"],
)
def test_every_place_accepts_what_the_completion_makes(typed):
    completed = completed_web_address(typed)
    assert is_bare_domain(typed)
    assert safe_link_url(completed) == completed  # the page links it, the check is content
    assert normalized_link_url(typed) == completed  # Ctrl+K makes the same link


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("desk@example.org", "mailto:desk@example.org"),
        ("mailto:desk@example.org?subject=Hafen", "mailto:desk@example.org?subject=Hafen"),
        ("https://example.org/a b", None),
        ("javascript:alert(1)", None),
        ("ftp://example.org", None),
        ("Hafen", None),
        ("", None),
    ],
)
def test_the_link_dialog_takes_web_and_mail_addresses_only(typed, url):
    assert normalized_link_url(typed) == url


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a b", "https://", "javascript:alert(1)", "mailto:a@b.org", "https:\\x"],
)
def test_the_page_links_web_addresses_with_a_host_only(url):
    assert safe_link_url(url) is None


# Kelvin sign and long s: ASCII letters to a case-insensitive pattern that is not ASCII-only.
_URL_PIECES = st.sampled_from(
    [
        "http",
        "https",
        "HTTPS",
        "ftp",
        ":",
        "//",
        "/",
        "?",
        "#",
        "@",
        "[",
        "]",
        ".",
        "-",
        "80",
        "a",
        "Z",
        "ü",
        "\u212a",
        "\u017f",
        "%20",
        "org",
        " ",
        "\\",
        "\t",
    ]
)


@given(st.lists(_URL_PIECES, max_size=12).map("".join))
@settings(max_examples=400, deadline=None)
def test_the_fast_path_for_plain_addresses_agrees_with_urlsplit(url):
    assert safe_link_url.__wrapped__(url) == followable_by_urlsplit(url.strip())


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org",
        "HTTP://Example.ORG:8080/a?b=c#d",
        "https://a.example/ü?x=ä",
        "https://-",
        "http://host:",
        "https://example.org/path@other",
    ],
)
def test_plain_addresses_are_followable(url):
    assert safe_link_url(url) == url == followable_by_urlsplit(url)
