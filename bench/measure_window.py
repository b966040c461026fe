"""Child: the window on the large article: keystroke latency with the live preview on, the preview's
update time, and a window for the parent to measure memory of.

    python -m bench.measure_window PROJECT --section ID [--keys 200] [--linger S] --out FILE

The window is built as `newsdesk FILE` builds it (create_application, MainWindow, open, show).
If MainWindow has a `preview_pane` (the live QtWebEngine preview), its dock is shown and raised and
the first render is awaited before typing starts; whether the preview was on is in the results.

Keystrokes: QTest.keyClick into the SectionEditor, at the end of a paragraph in the middle of the
article's longest section, at a fast typist's pace (KEY_INTERVAL_MS apart) in sentence-long bursts
with short pauses between them (PAUSES_MS), so that what runs after a pause in typing (counts,
autosave, the preview's debounced re-render) happens while the test types, as it does for a
journalist. Each key has a scheduled time, the moment the journalist presses it, on one schedule
for the whole test (the typist does not wait for the window). Its latency is
from that moment until the event loop is idle again (QAbstractEventDispatcher.aboutToBlock after
the key was handled: the edit, the repaint and every timer that was due are done). When the loop
is still busy at the scheduled time (a re-render that blocks it, say), that wait is part of the
latency; "handling" is the part after the key was delivered.

Spelling: View > Check Spelling is on (as a fresh install has it; `--spelling off` for a
comparison), and typing starts once the checker has started after the first paint, so every key
is also checked and marked.

Preview update: after the typing, a few unique marker words are typed; the time from the end of
the last key until the preview's page shows the word (polled every POLL_MS through runJavaScript
in the application world, which page scripts cannot see) is the preview's update time, and the
longest stall of the event loop while waiting (a PreciseTimer every TICK_MS) is how long the
re-render blocked typing.

When done, the results go to --out; the process then stays up `--linger` seconds (the parent reads
the memory of the process tree and ends it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench.common import percentile, write_json

KEY_INTERVAL_MS = 70  # ~170 words a minute within a burst: a fast typist
PAUSES_MS = (350, 700, 1200, 500, 2500)  # after each sentence, in turn (2.5 s lets autosave run)
POLL_MS = 15
TICK_MS = 5
PREVIEW_TIMEOUT_S = 20.0
MARKERS = ("zqkrel", "zqvomt", "zqdanu", "zqpiso", "zqhuga")
SENTENCES = (
    "The ferry left late again and nobody explained why. ",
    "Two members asked for the invoices before the vote. ",
    "The harbour master said the crane had been fixed. ",
    "Residents on the islands wrote to the council twice. ",
    "The auditors found a gap in the accounts for March. ",
    "A second tender was never published on the website. ",
)


class Clock:
    """Qt helpers around the event loop: wait until a time, wait until idle, watch for stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop, Qt, QTimer

        self._loop = QEventLoop()
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._loop.quit)
        self._dispatcher = QAbstractEventDispatcher.instance()
        self._tick = QTimer()
        self._tick.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._last_tick = 0.0
        self.longest_stall_ms = 0.0

    def wait_until(self, when: float) -> None:
        """Run the event loop (timers, rendering, ...) until perf_counter() reaches `when`."""
        remaining = when - time.perf_counter()
        if remaining > 0:
            self._timer.start(max(0, int(remaining * 1000)))
            self._loop.exec()
        while time.perf_counter() < when:  # the last fraction of a millisecond
            pass

    def wait_ms(self, ms: float) -> None:
        self.wait_until(time.perf_counter() + ms / 1000)

    def until_idle(self) -> None:
        """Return when the event loop has nothing left to do and is about to sleep."""
        self._dispatcher.aboutToBlock.connect(self._loop.quit)
        try:
            self._loop.exec()
        finally:
            self._dispatcher.aboutToBlock.disconnect(self._loop.quit)

    def watch_stalls(self, on: bool) -> None:
        """Start (resetting longest_stall_ms) or stop watching; the figure stays after a stop."""
        if on:
            self.longest_stall_ms = 0.0
            self._last_tick = time.perf_counter()
            self._tick.start()
        else:
            self._tick.stop()

    def _on_tick(self) -> None:
        now = time.perf_counter()
        self.longest_stall_ms = max(self.longest_stall_ms, (now - self._last_tick) * 1000 - TICK_MS)
        self._last_tick = now


class PreviewProbe:
    """Finds the preview's web view and asks its page (application world) for text."""

    def __init__(self, pane) -> None:
        from PySide6.QtWebEngineWidgets import QWebEngineView

        views = pane.findChildren(QWebEngineView)
        if isinstance(pane, QWebEngineView):
            views.insert(0, pane)
        self.view = next((v for v in views if v.isVisible()), views[0] if views else None)
        self._answer: object = None
        self.shown_at: list[float] = []  # perf_counter() of each page_shown, if the pane has it
        signal = getattr(pane, "page_shown", None)
        if signal is not None:
            signal.connect(lambda *_args: self.shown_at.append(time.perf_counter()))

    @property
    def usable(self) -> bool:
        return self.view is not None

    def text_contains(self, clock: Clock, word: str, where: str = "body") -> bool:
        """Whether the element `where` (a CSS selector) holds `word`. Asking one element, not the
        whole page: the page's text is ~700 kB on the large article, and building it every
        POLL_MS filled the renderer with garbage that the memory figure then counted."""
        from PySide6.QtWebEngineCore import QWebEngineScript

        self._answer = None
        script = (
            f"(function () {{ const e = document.querySelector({where!r});"
            f" return e ? e.textContent.indexOf({word!r}) >= 0 : false; }})()"
        )
        self.view.page().runJavaScript(
            script, QWebEngineScript.ScriptWorldId.ApplicationWorld, self._store
        )
        deadline = time.perf_counter() + 2.0
        while self._answer is None and time.perf_counter() < deadline:
            clock.wait_ms(2)
        return self._answer is True

    def _store(self, value) -> None:
        self._answer = bool(value)

    def wait_for(
        self, clock: Clock, word: str, timeout_s: float, where: str = "body"
    ) -> float | None:
        """Seconds until the element `where` shows `word`, or None after `timeout_s`."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout_s:
            if self.text_contains(clock, word, where):
                return time.perf_counter() - start
            clock.wait_ms(POLL_MS)
        return None


def find_preview(window) -> tuple[object | None, str]:
    """The live preview pane and how it was found: `window.preview_pane` (the documented
    attribute), else `window.panes.preview` or `window.side_panes.preview` (SidePanes), else the
    child widget named "preview_pane"."""
    from PySide6.QtWidgets import QWidget

    pane = getattr(window, "preview_pane", None)
    if pane is not None:
        return pane, "window.preview_pane"
    for holder in ("panes", "side_panes"):
        pane = getattr(getattr(window, holder, None), "preview", None)
        if pane is not None:
            return pane, f"window.{holder}.preview"
    pane = window.findChild(QWidget, "preview_pane")
    return pane, ("object name preview_pane" if pane is not None else "")


def turn_on_preview(window, clock: Clock) -> tuple[object | None, dict]:
    """Show and raise the preview's dock if the window has a preview; report what was found."""
    from PySide6.QtWidgets import QDockWidget

    pane, found_by = find_preview(window)
    info = {
        "preview_attribute": pane is not None,
        "preview_found_by": found_by,
        "preview_on": False,
    }
    if pane is None:
        return None, info
    dock = pane
    while dock is not None and not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    if dock is not None:
        dock.show()
        dock.raise_()
    pane.show()
    clock.wait_ms(50)
    info["preview_on"] = bool(pane.isVisible())
    info["preview_in_dock"] = dock is not None
    info["preview_web_engine"] = type(getattr(pane, "view", None)).__name__
    return pane, info


def turn_spelling(window, clock: Clock, on: bool) -> dict:
    """View > Check Spelling as asked; with it on, wait until the checker has started after the
    first paint (its marks are then made as the typist types, as for the journalist)."""
    spelling = getattr(window, "spelling", None)
    if spelling is None:
        return {"spelling_on": False}
    if spelling.check_action.isChecked() != on:
        spelling.check_action.trigger()
    if on:
        deadline = time.perf_counter() + PREVIEW_TIMEOUT_S
        while not spelling.service.started and time.perf_counter() < deadline:
            clock.wait_ms(20)
    return {"spelling_on": spelling.service.active is not None}


def place_cursor_mid_section(window, section_id: str) -> None:
    from PySide6.QtGui import QTextCursor

    window.tree_view.select_section(section_id)
    window.show_section(section_id)
    editor = window.editor
    document = editor.document()
    block = document.findBlockByNumber(document.blockCount() // 2)
    while block.isValid() and len(block.text()) < 40:  # a real paragraph, not a list item
        block = block.next()
    cursor = QTextCursor(block if block.isValid() else document.lastBlock())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    editor.setFocus()


def type_text(editor, clock: Clock, text: str, start: float, records: list[dict]) -> float:
    """Type `text` from `start` at KEY_INTERVAL_MS; append per-key timings; return end time."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    end = start
    for n, char in enumerate(text):
        scheduled = start + n * KEY_INTERVAL_MS / 1000
        clock.wait_until(scheduled)
        delivered = time.perf_counter()
        if char == " ":
            QTest.keyClick(editor, Qt.Key.Key_Space)
        else:
            QTest.keyClick(editor, char)
        clock.until_idle()
        end = time.perf_counter()
        records.append(
            {
                "latency_ms": (end - scheduled) * 1000,
                "handling_ms": (end - delivered) * 1000,
            }
        )
    return end


def keystroke_text(keys: int) -> list[str]:
    """Sentences for `keys` keystrokes (the last one cut to fit)."""
    bursts, total, n = [], 0, 0
    while total < keys:
        sentence = SENTENCES[n % len(SENTENCES)][: keys - total]
        bursts.append(sentence)
        total += len(sentence)
        n += 1
    return bursts


def measure(
    project: Path,
    section_id: str,
    keys: int,
    markers: int,
    profile: Path | None = None,
    spelling: bool = True,
    *,
    first_render_timeout: float = PREVIEW_TIMEOUT_S,
) -> dict:
    from PySide6.QtTest import QTest

    from newsdesk.formats.jsonld import section_anchor
    from newsdesk.gui.app import create_application
    from newsdesk.gui.main_window import MainWindow

    started = time.perf_counter()
    app = create_application()
    clock = Clock()
    window = MainWindow()
    window.defer_secondary_work()  # as gui/app.py starts it
    if not window.open_path(project):
        raise SystemExit(f"could not open {project}")
    window.show()
    QTest.qWaitForWindowExposed(window)
    pane, info = turn_on_preview(window, clock)
    info.update(turn_spelling(window, clock, spelling))
    probe = PreviewProbe(pane) if pane is not None else None
    first_render = None
    if probe is not None and probe.usable:
        words = window.article.headline.split()
        shown = probe.wait_for(clock, words[-1] if words else "", first_render_timeout, "h1")
        first_render = None if shown is None else round((time.perf_counter() - started) * 1000)
    info["preview_probe"] = probe is not None and probe.usable
    place_cursor_mid_section(window, section_id)
    typed_in = "#" + section_anchor(window.article.find_section(section_id))
    clock.wait_ms(300)
    clock.until_idle()

    profiler = _start_profiler() if profile is not None else None
    records: list[dict] = []
    # One schedule for the whole test: the typist does not wait for the window. A burst starts
    # when its pause is over, even if the window is still busy then (that wait is latency).
    burst_start = time.perf_counter()
    for n, burst in enumerate(keystroke_text(keys)):
        type_text(window.editor, clock, burst, burst_start, records)
        burst_start += (len(burst) * KEY_INTERVAL_MS + PAUSES_MS[n % len(PAUSES_MS)]) / 1000
    if profiler is not None:
        _write_profile(profiler, profile)

    updates, signalled, stalls = [], [], []
    if probe is not None and probe.usable:
        for marker in MARKERS[:markers]:
            typed: list[dict] = []
            end = type_text(window.editor, clock, " " + marker, time.perf_counter(), typed)
            clock.watch_stalls(True)
            seen = probe.wait_for(clock, marker, PREVIEW_TIMEOUT_S, typed_in)
            clock.watch_stalls(False)
            updates.append(None if seen is None else (time.perf_counter() - end) * 1000)
            shown = [t for t in probe.shown_at if t >= end]
            signalled.append((shown[0] - end) * 1000 if shown else None)
            stalls.append(clock.longest_stall_ms)
            clock.wait_ms(300)
    latencies = [r["latency_ms"] for r in records]
    handling = [r["handling_ms"] for r in records]
    result = {
        **info,
        "keys": len(records),
        "key_interval_ms": KEY_INTERVAL_MS,
        "latency_ms": _percentiles(latencies),
        "handling_ms": _percentiles(handling),
        "latency_runs_ms": [round(v, 2) for v in latencies],
        "preview_first_render_ms": first_render,
        "preview_update_ms": [None if u is None else round(u, 1) for u in updates],
        "preview_page_shown_ms": [None if u is None else round(u, 1) for u in signalled],
        "preview_longest_stall_ms": [round(s, 1) for s in stalls],
        "section_words": len(window.editor.toPlainText().split()),
    }
    app.processEvents()
    return result


def _start_profiler():
    from pyinstrument import Profiler  # the bench extra

    profiler = Profiler(interval=0.001)
    profiler.start()
    return profiler


def _write_profile(profiler, path: Path) -> None:
    profiler.stop()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(profiler.output_text(unicode=False, color=False), encoding="utf-8")


def _percentiles(values: list[float]) -> dict:
    return {
        "p50": round(percentile(values, 0.50), 2) if values else None,
        "p95": round(percentile(values, 0.95), 2) if values else None,
        "max": round(max(values), 2) if values else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="window benchmark (child)")
    parser.add_argument("project", type=Path)
    parser.add_argument("--section", required=True)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--markers", type=int, default=len(MARKERS))
    parser.add_argument("--linger", type=float, default=0.0)
    parser.add_argument("--profile", type=Path, help="pyinstrument profile of the typing, as text")
    parser.add_argument(
        "--spelling", choices=("on", "off"), default="on", help="View > Check Spelling"
    )
    parser.add_argument(
        "--first-render-timeout", type=float, default=PREVIEW_TIMEOUT_S,
        help="seconds to wait for the preview's first page before typing (a long article's "
        "photos are sized then)",
    )  # fmt: skip
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    result = measure(
        args.project, args.section, args.keys, args.markers, args.profile, args.spelling == "on",
        first_render_timeout=args.first_render_timeout,
    )  # fmt: skip
    write_json(args.out, result)
    sys.stdout.flush()
    if args.linger > 0:
        from PySide6.QtCore import QCoreApplication

        deadline = time.perf_counter() + args.linger
        while time.perf_counter() < deadline:  # the parent reads our memory, then ends us
            QCoreApplication.processEvents()
            time.sleep(0.05)
    import os

    os._exit(0)  # no closing dialogs, no final save: the run changed only a scratch copy


if __name__ == "__main__":
    raise SystemExit(main())
