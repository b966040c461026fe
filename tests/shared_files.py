"""Where the tests find `../shared/` (the seed article and the corpus of real documents).

The workspace and CI keep `shared/` beside the checkout; a clone anywhere else has none. Tests that
read it call `shared_path`, which skips them with the reason instead of failing, so that any clone
passes `make test` while the workspace and CI still run them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = (Path(__file__).resolve().parents[1] / ".." / "shared").resolve()


def shared_path(*parts: str) -> Path:
    """`shared/<parts>`, or skip the calling test when this clone has no such folder beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"{path} is absent: shared/ lies beside the checkout only in the workspace and in CI"
        )
    return path
