"""atheris (libFuzzer) targets for the importers and the Markdown renderer; not part of pytest.

    python tests/hostile/atheris_targets.py -atheris_runs=10000          # all targets in turn
    python tests/hostile/atheris_targets.py --target=markdown -max_total_time=60

atheris is not a Newsdesk dependency: `pip install atheris` into the venv first (it has wheels
for CPython 3.11 on Linux x86-64). A target fails (and libFuzzer saves the input as crash-*) when
anything but a NewsdeskError escapes, or when what is returned could not be saved or exported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from newsdesk.errors import NewsdeskError
    from newsdesk.formats.importers import JSON, MARKDOWN, TEXT, import_bytes
    from newsdesk.formats.markdown_render import render_inline, render_markdown
    from newsdesk.model.serialize import article_to_dict

KINDS = (TEXT, MARKDOWN, JSON)


def import_target(data: bytes) -> None:
    """First byte picks the kind; the rest is the file."""
    if not data:
        return
    kind = KINDS[data[0] % len(KINDS)]
    try:
        article = import_bytes(data[1:], kind, base_dir=Path("/nonexistent"), name="fuzz")
    except NewsdeskError as error:
        if "\n" in str(error):
            raise AssertionError(f"multi-line message: {error!r}") from None
        return
    text = json.dumps(article_to_dict(article), ensure_ascii=False)
    text.encode("utf-8")  # a lone surrogate would raise here
    if "\\u0000" in text:
        raise AssertionError("a NUL reached the article")


def markdown_target(data: bytes) -> None:
    """Any text through the Markdown dialect and the sanitiser."""
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicodeNoSurrogates(len(data))
    html = render_markdown(text)
    render_inline(text)
    lowered = html.lower()
    # "javascript:" may be visible text; only inside a tag or as an attribute value is it a hole.
    if "<script" in lowered or 'href="javascript:' in lowered or 'src="javascript:' in lowered:
        raise AssertionError(f"active content in {html[:200]!r}")


TARGETS = {"import": import_target, "markdown": markdown_target}


def main() -> None:
    chosen = [a.split("=", 1)[1] for a in sys.argv if a.startswith("--target=")]
    argv = [a for a in sys.argv if not a.startswith("--target=")]
    if len(chosen) == 1:
        atheris.Setup(argv, TARGETS[chosen[0]])
        atheris.Fuzz()  # exits the process when done
    # atheris.Fuzz() exits when done, so each target runs in a child process of its own.
    for name in chosen or TARGETS:
        print(f"atheris target {name!r}", flush=True)
        subprocess.run([sys.executable, __file__, f"--target={name}", *argv[1:]], check=True)


if __name__ == "__main__":
    main()
