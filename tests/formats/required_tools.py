"""The desktop programs the format tests use (LibreOffice, poppler, exiftool): found on PATH, or a
skip with the reason in `make test`, or a failure in `make test-formats`, which installs them and
sets NEWSDESK_REQUIRE_TOOLS=1."""

from __future__ import annotations

import os
import shutil

import pytest

REQUIRED = os.environ.get("NEWSDESK_REQUIRE_TOOLS") == "1"


def tool(name: str) -> str:
    """The path of the program `name` (skips or fails the test without it)."""
    found = shutil.which(name)
    if found is None:
        if REQUIRED:
            pytest.fail(f"{name} is missing; make test-formats installs it")
        pytest.skip(f"{name} is not installed (make test-formats installs it)")
    return found
