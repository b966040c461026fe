"""The app started as `newsdesk FILE` (tests/journeys/harness.py) for the dialog tests here.

Message boxes are real in these tests (the harness answers them as a user would), so the GUI
tests' autouse guard that fails on any message box is switched off for this folder.
"""

from __future__ import annotations

import pytest

from tests.journeys.harness import AppStarter


@pytest.fixture(autouse=True)
def no_unexpected_message_boxes():
    """Off here: the harness's dialog watch fails a test on an unannounced dialog instead."""


@pytest.fixture
def start_app(qapp, monkeypatch, private_qt_paths):
    """`start_app(*args, language="en"|"de")`: `newsdesk ARGS` up to its event loop; the window."""
    starter = AppStarter(qapp, monkeypatch)
    yield starter
    starter.finish()
