"""axe-core in Chromium finds no accessibility violation in the exports of the test articles, on
a phone (390 px) and a desktop (1280 px), in light and in dark mode (issue 15)."""

from __future__ import annotations

import pytest

from tests.standards.tools import axe_source, axe_violations, chromium_driver

WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")


@pytest.fixture(scope="module")
def driver(exported_pages):
    browser = chromium_driver()
    yield browser
    browser.quit()


def test_no_violations_at_any_width_or_colour_scheme(exported_pages, driver):
    axe = axe_source()
    found = {}
    for name, page in exported_pages.items():
        for width in WIDTHS:
            for scheme in SCHEMES:
                violations = axe_violations(driver, page.as_uri(), width, scheme, axe)
                if violations:
                    found[f"{name} {width}px {scheme}"] = violations
    assert found == {}


def test_the_harness_sees_a_violation(tmp_path, driver):
    # An image without alt text and grey-on-grey text: axe must say so, or the test above
    # proves nothing.
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1">'
        '<p style="color:#777;background:#888">faint</p></main></body></html>',
        encoding="utf-8",
    )
    rules = {v["rule"] for v in axe_violations(driver, page.as_uri(), 390, "light", axe_source())}
    assert {"image-alt", "color-contrast"} <= rules
