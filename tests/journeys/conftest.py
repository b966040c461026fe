"""Journey fixtures: the GUI tests' private folders, and `start_app` (see harness.py's docstring).

Message boxes are NOT patched here: a journey sees the real ones and answers them with
`expect_dialog`; an unannounced one is closed and fails the test.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from tests.gui.conftest import private_qt_paths  # noqa: F401 (the fixture, reused)
from tests.journeys.harness import AppStarter


@pytest.fixture
def start_app(qapp, monkeypatch, private_qt_paths):  # noqa: F811
    """`start_app(*args, language="en"|"de")`: `newsdesk ARGS` up to its event loop; the window."""
    starter = AppStarter(qapp, monkeypatch)
    yield starter
    starter.finish()
