"""Iteration counts for the reliability suites: short in `make test`, long in `make stress`.

`NEWSDESK_STRESS=1` switches to the long counts; `NEWSDESK_CRASH_ITERATIONS=N` sets the crash
harness count directly. With `NEWSDESK_RELIABILITY_LOG=FILE` each suite appends one line of
figures to FILE, the numbers docs/RELIABILITY.md records.
"""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from typing import Any


def stress() -> bool:
    return os.environ.get("NEWSDESK_STRESS", "") not in ("", "0")


def iterations(normal: int, long: int, override: str | None = None) -> int:
    """`normal`, or `long` under NEWSDESK_STRESS=1; the env var `override` wins when set."""
    if override and os.environ.get(override, "").isdigit():
        return int(os.environ[override])
    return long if stress() else normal


def record(suite: str, figures: dict[str, Any]) -> None:
    """Append the figures of one run to the log file, if one was asked for."""
    log = os.environ.get("NEWSDESK_RELIABILITY_LOG")
    if not log:
        return
    entry = {
        "suite": suite,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "python": platform.python_version(),
        **figures,
    }
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")
