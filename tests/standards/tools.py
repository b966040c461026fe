"""Where the real checkers are, and how to run them: the Nu HTML Checker (vnu.jar from the npm
package `vnu-jar`, under Debian's Java) and axe-core (npm) in Debian's Chromium, driven by selenium
through Debian's chromedriver. `make test-standards` installs them all and names the folder the npm
packages went to in NEWSDESK_STANDARDS_TOOLS; without it these tests skip, saying so.

Nothing is downloaded at run time: selenium is given the chromedriver's path (so Selenium Manager
never runs), and vnu checks files on disk.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS_VARIABLE = "NEWSDESK_STANDARDS_TOOLS"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def tools_folder() -> Path:
    """The folder `make test-standards` installed the npm packages into; skip without it."""
    value = os.environ.get(TOOLS_VARIABLE)
    if not value:
        pytest.skip(f"the page checkers run in `make test-standards` ({TOOLS_VARIABLE} unset)")
    return Path(value)


def vnu_jar() -> Path:
    jar = tools_folder() / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    assert jar.is_file(), f"{jar} is missing: run `make test-standards`"
    assert shutil.which("java"), "java is missing: run `make test-standards`"
    return jar


def axe_source() -> str:
    script = tools_folder() / "node_modules" / "axe-core" / "axe.min.js"
    assert script.is_file(), f"{script} is missing: run `make test-standards`"
    return script.read_text(encoding="utf-8")


def run_vnu(pages: list[Path]) -> list[dict]:
    """Every error and warning the Nu checker reports for the pages (one JVM for all of them)."""
    result = subprocess.run(
        ["java", "-Xss1m", "-jar", str(vnu_jar()), "--format", "json", "--stdout",
         "--also-check-css", *map(str, pages)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    messages = json.loads(result.stdout)["messages"]
    return [
        m
        for m in messages
        if m.get("type") == "error" or (m.get("type") == "info" and m.get("subType") == "warning")
    ]


def chromium_driver():
    """Headless Debian Chromium through Debian's chromedriver (as root: without the sandbox)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for binary in (CHROMIUM, CHROMEDRIVER):
        assert Path(binary).exists(), f"{binary} is missing: run `make test-standards`"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=de-DE"):  # fmt: skip
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))


def axe_violations(driver, url: str, width: int, scheme: str, axe: str) -> list[dict]:
    """axe-core's violations for the page at `url`, `width` CSS pixels wide, light or dark."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )
    driver.get(url)
    driver.execute_script(axe)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations),"
        " e => done([{id: 'axe-error', help: String(e), nodes: []}]));"
    )
    return [
        {
            "rule": v["id"],
            "help": v["help"],
            "where": [node["target"] for node in v["nodes"]][:5],
            "why": [node.get("failureSummary", "") for node in v["nodes"]][:2],
        }
        for v in result
    ]
