"""Part `publish` of `make bench` (issue 19): the large article and its 20 photos to the local
WordPress, beside curl sending the same photos and content to the same server in the same run.

tools/wordpress/measure_publish.py does the measuring (see its docstring); this runs it on the
bench's article and returns its summary. The site is the one `make wordpress` starts (the bench
target starts and stops it); without it the part says so instead of failing the whole run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

from bench.common import REPO

SITE = REPO / "build" / "wordpress" / "site.json"
MEASURE = REPO / "tools" / "wordpress" / "measure_publish.py"
TIMEOUT_S = 1800


def site_running(site: Path = SITE) -> bool:
    if not site.is_file():
        return False
    url = json.loads(site.read_text(encoding="utf-8"))["url"]
    try:
        with urllib.request.urlopen(f"{url}/wp-json/", timeout=10) as response:  # loopback only
            return response.status == 200
    except OSError:
        return False


def measure(project: Path, work: Path, *, rounds: int) -> dict:
    """The medians of `rounds` rounds (curl, first publish, republish after one word), or why
    nothing was measured."""
    if not site_running():
        return {"skipped": "no local WordPress: `make wordpress` (make bench starts it)"}
    work.mkdir(parents=True, exist_ok=True)
    out = work / "publish.json"
    with open(work / "publish.log", "w", encoding="utf-8") as log:
        subprocess.run(
            [sys.executable, str(MEASURE), "--project", str(project), "--rounds", str(rounds),
             "--site", str(SITE), "--out", str(out)],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT, timeout=TIMEOUT_S, check=True,
        )  # fmt: skip
    return json.loads(out.read_text(encoding="utf-8"))["summary"]
