"""The longest stall of the event loop while the preview makes the bench article's photos.

    python -m bench.measure_preview_photos [--before COMMIT] [--whole-text]

The preview pane is built on the bench article's photos (bench/make_article.py: 20 camera photos
of 4000x3000) in one short section, so that the photos' stalls are not hidden by the render of
100,000 words (`--whole-text`: the whole article), with an empty cache, as on the first start
with a new file, shown, and watched until every photo is on the page. A 5 ms timer records the
gaps between its ticks (what a key pressed then would have waited): the longest, how many
exceeded 100 ms, and their sum. `--before COMMIT` measures the pane as it was at COMMIT
(preview_pane.py of that commit, loaded beside today's code) for a before/after figure.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIMEOUT_S = 120.0
TICK_MS = 5


class StallWatch:
    """Gaps between the ticks of a 5 ms timer, beyond the 5 ms: the event loop's stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.stalls_ms: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.stalls_ms.append((now - self._last) * 1000 - TICK_MS)
        self._last = now

    def stop(self) -> dict:
        self._timer.stop()
        long_ones = [stall for stall in self.stalls_ms if stall > 100]
        return {
            "longest_stall_ms": round(max(self.stalls_ms, default=0.0), 1),
            "stalls_over_100ms": len(long_ones),
            "stalled_ms_in_those": round(sum(long_ones)),
        }


def _pane_class(before: str | None):
    if before is None:
        from newsdesk.gui.preview.preview_pane import PreviewPane

        return PreviewPane
    source = subprocess.run(
        ["git", "show", f"{before}:src/newsdesk/gui/preview/preview_pane.py"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    folder = Path(tempfile.mkdtemp(prefix="preview-before-"))
    path = folder / "preview_pane_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("preview_pane_before", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PreviewPane


def measure(whole_text: bool, before: str | None) -> dict:

    from bench.make_article import ensure_article
    from bench.measure_window import Clock
    from newsdesk.derived_cache import MemoryCache
    from newsdesk.gui.app import create_application
    from newsdesk.gui.article_state import ArticleState
    from newsdesk.gui.editor.markdown_bridge import document_to_markdown
    from newsdesk.gui.editor.section_editor import new_section_document
    from newsdesk.model.article import Section
    from newsdesk.store import open_project

    bench = ensure_article()
    app = create_application([sys.argv[0]])
    project = open_project(bench.project_path, read_only=True)
    article = project.load()
    if not whole_text:
        shown = "\n\n".join(f"![](image:{image.id})" for image in article.images)
        article.sections = [Section(id="photos", markdown=f"The photos.\n\n{shown}")]
    photos = sum(1 for image in article.images if image.has_photo)
    pane = _pane_class(before)(
        ArticleState(
            article, document_factory=new_section_document, to_markdown=document_to_markdown
        ),
        image_cache=MemoryCache(),
    )
    clock = Clock()
    pane.resize(1000, 800)
    watch = StallWatch()
    start = time.perf_counter()
    pane.show()
    deadline = start + TIMEOUT_S
    while pane.page_html.count('src="preview-images/') < photos:
        if time.perf_counter() > deadline:
            break
        clock.wait_ms(20)
    done = time.perf_counter()
    stalls = watch.stop()
    on_page = pane.page_html.count('src="preview-images/')
    result = {
        "text": "whole article" if whole_text else "photos only",
        "code": before or "today",
        "photos": photos,
        "photos_on_page": on_page,
        "seconds_until_all_photos_shown": round(done - start, 2),
        **stalls,
    }
    preparer = getattr(pane, "photo_preparer", None)
    if preparer is not None:
        preparer.wait()
    pane.close()
    project.close()
    del app
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="measure preview_pane.py as it was at this commit")
    parser.add_argument("--whole-text", action="store_true", help="with the 100,000 words")
    options = parser.parse_args(argv)
    print(json.dumps(measure(options.whole_text, options.before)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
