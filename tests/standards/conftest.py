from __future__ import annotations

from pathlib import Path

import pytest

from tests.standards.pages import export_all
from tests.standards.tools import tools_folder


@pytest.fixture(scope="session")
def exported_pages(tmp_path_factory) -> dict[str, Path]:
    """The test articles' exports, made once for every checker."""
    tools_folder()  # skip at once where the checkers are not installed
    return export_all(tmp_path_factory.mktemp("standards"))
