"""The command-line tests' shared fixture: a private settings folder (publication profiles)."""

from __future__ import annotations

import pytest


@pytest.fixture
def config_home(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder
