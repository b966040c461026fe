"""One Spelling service for the module's tests: loading de_DE takes a fifth of a second."""

from pathlib import Path

import pytest

from newsdesk.spelling import Spelling
from newsdesk.spelling.dictionaries import pip_dictionary_dirs

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def pip_spelling() -> Spelling:
    """Only the dictionaries pip installed with Newsdesk (de_DE, en_GB, en_US), whatever the
    system has, so that fallbacks and false-alarm figures do not depend on the machine."""
    return Spelling(search_dirs=pip_dictionary_dirs())


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")
