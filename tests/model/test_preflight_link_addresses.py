"""The check's link finder without a lookbehind finds exactly what the pattern with one found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.model.preflight import _link_addresses

WITH_LOOKBEHIND = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]*)")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="![]()<> ab\n", max_size=40))
def test_the_same_addresses_as_the_pattern_with_a_lookbehind(text):
    assert _link_addresses(text) == WITH_LOOKBEHIND.findall(text)


def test_images_are_not_links_but_a_link_after_one_is():
    text = "![photo](a.jpg) and [the minutes](https://example.org/m) ![x [y](z)"
    assert _link_addresses(text) == ["https://example.org/m", "z"]
