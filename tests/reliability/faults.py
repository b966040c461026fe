"""Shared checks of the fault tests: what must hold after any write that failed."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

import pytest

from newsdesk.errors import NewsdeskError
from newsdesk.model.article import Article


def snapshot_folder(folder: Path) -> dict[str, str]:
    """Every file under `folder` (names relative to it) with the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def check_refusal(caught: pytest.ExceptionInfo[BaseException], kind: type[NewsdeskError]) -> str:
    """The error is the typed one, with one line of text for the journalist; returns the text."""
    assert isinstance(caught.value, kind), repr(caught.value)
    message = str(caught.value)
    assert message and "\n" not in message and "Traceback" not in message
    assert len(message) < 300
    return message


class Kept:
    """A deep copy of the article taken before the failing write, to compare with afterwards."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.before = copy.deepcopy(article)

    def unchanged(self) -> bool:
        return self.article == self.before
