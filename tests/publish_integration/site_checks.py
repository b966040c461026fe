"""Reading back what Newsdesk sent: the post and its media through REST, the blocks through
WordPress's own block parser (npm, run under Node), the page as the server renders it."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from pathlib import Path

import pytest

from newsdesk.cli import main as cli_main
from newsdesk.store import open_project

from .conftest import SITE_NAME

VALIDATE_BLOCKS = Path(__file__).parents[2] / "tools" / "wordpress" / "validate_blocks.js"

ALLOWED_BLOCKS = {
    "core/paragraph",
    "core/heading",
    "core/list",
    "core/quote",
    "core/image",
    "core/table",
    "core/separator",
    "core/group",
}


def publish(path: Path, *args: str) -> int:
    return cli_main(["publish", str(path), "--site", SITE_NAME, *args])


def record_of(path: Path, url: str) -> dict:
    with open_project(path, read_only=True) as project:
        article = project.load()
    return json.loads(article.properties["wordpress"])[url]


def post(admin, post_id: int) -> dict:
    return admin.json("GET", f"wp/v2/posts/{post_id}", params={"context": "edit"})


def parse_blocks(content: str) -> list[dict]:
    """The block tree as WordPress's block-serialization-default-parser reads it."""
    parser = os.environ.get("NEWSDESK_BLOCK_PARSER")
    if not parser or not Path(parser).is_dir():
        pytest.skip("WordPress's block parser is installed by `make test-publish`")
    script = (
        "const {parse} = require(process.argv[1]);"
        "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>"
        "process.stdout.write(JSON.stringify(parse(s))));"
    )
    done = subprocess.run(
        ["node", "-e", script, parser], input=content, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def block_check(content: str) -> dict:
    """WordPress's block validation of `content` (tools/wordpress/validate_blocks.js): the
    number of blocks it read and those whose markup is not what their `save` makes."""
    folder = os.environ.get("NEWSDESK_BLOCK_TOOLS")
    if not folder or not (Path(folder) / "node_modules" / "@wordpress" / "block-library").is_dir():
        pytest.skip("WordPress's block validation is installed by `make test-publish`")
    done = subprocess.run(
        ["node", str(VALIDATE_BLOCKS), folder],
        input=content,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1) and done.stdout, done.stderr
    return json.loads(done.stdout)


def assert_blocks_valid(content: str) -> int:
    """Every block of `content` passes WordPress's validation; returns how many were checked."""
    checked = block_check(content)
    problems = [f"{b['name']}: {' / '.join(b['issues'])}" for b in checked["invalid"]]
    assert not problems, "\n".join(problems)
    return checked["blocks"]


def all_blocks(blocks: list[dict]):
    for each in blocks:
        yield each
        yield from all_blocks(each["innerBlocks"])


def rendered_page(link: str) -> str:
    with urllib.request.urlopen(link, timeout=30) as response:  # the loopback test site
        return response.read().decode("utf-8")
