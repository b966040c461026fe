"""Run a Qt program and report when its main window has first been painted, then exit.

    python bench/first_paint.py REPORT.json newsdesk|bare|retext FILE

The same hook serves Newsdesk (PySide6), the bare PySide6 window and ReText (PyQt6), so all three
are timed the same way. Before the program is imported, QApplication in the binding's QtWidgets
module is replaced by a subclass whose `notify` (every event of the application passes it) watches
for the first Paint event of any widget inside a QMainWindow. Qt paints a window in one pass, while
it handles one event (the window's expose, or an update request), and flushes it to the screen
before that event's handling returns; when that outermost event is done, the window is on screen.
That moment is "first shown window": its CLOCK_MONOTONIC time, with the times when Python came up
and when the QApplication was made, goes to REPORT.json, and the process ends at once with
os._exit (no clean-up, no saving: nothing was changed). Work a program queues for after its first
paint (timers) is not counted; work it does before or during the paint pass is.

The parent takes its own CLOCK_MONOTONIC reading just before it starts the process; the clock is
system-wide, so report minus that reading is "process start to first shown window".

This file runs under either virtual environment, so it imports nothing of ours at the top.
"""

from __future__ import annotations

import json
import os
import sys
import time

PYTHON_UP_NS = time.monotonic_ns()
WINDOW_WIDTH, WINDOW_HEIGHT = 1200, 800  # Newsdesk's first-start size; the bare window copies it


def install_hook(binding: str, report_path: str) -> None:
    """Replace QApplication in `binding` (PySide6 or PyQt6) by the reporting subclass."""
    qt_core = __import__(f"{binding}.QtCore", fromlist=["QtCore"])
    qt_widgets = __import__(f"{binding}.QtWidgets", fromlist=["QtWidgets"])
    original = qt_widgets.QApplication
    paint = qt_core.QEvent.Type.Paint
    main_window = qt_widgets.QMainWindow
    widget_type = qt_widgets.QWidget
    times: dict[str, int] = {"python_up_ns": PYTHON_UP_NS}

    def report() -> None:
        times["first_paint_ns"] = time.monotonic_ns()
        app = original.instance()
        windows = [w for w in app.topLevelWidgets() if isinstance(w, main_window) and w.isVisible()]
        times["window_title"] = windows[0].windowTitle() if windows else ""
        with open(report_path, "w", encoding="utf-8") as out:
            json.dump(times, out)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    class ReportingApplication(original):
        """Notes the first Paint of a widget in a QMainWindow, and reports when the event whose
        handling painted it (an expose or an update request: the whole paint pass, flush
        included) is done: what the program queued for after its first paint is not counted,
        and what it does before the pass ends is."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            times["app_created_ns"] = time.monotonic_ns()
            self._depth = 0

        def notify(self, receiver, event):
            if (
                "first_paint_event_ns" not in times
                and event.type() == paint
                and isinstance(receiver, widget_type)
                and isinstance(receiver.window(), main_window)
            ):
                times["first_paint_event_ns"] = time.monotonic_ns()
            self._depth += 1
            try:
                return super().notify(receiver, event)
            finally:
                self._depth -= 1
                if self._depth == 0 and "first_paint_event_ns" in times:
                    report()

    qt_widgets.QApplication = ReportingApplication


def run_newsdesk(path: str) -> int:
    from newsdesk.gui.app import main

    return main([path])


def run_bare(path: str) -> int:
    """The floor: a PySide6 QMainWindow with the Markdown file's text in a QTextEdit."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    editor = QTextEdit(window)
    with open(path, encoding="utf-8") as source:
        editor.setPlainText(source.read())
    window.setCentralWidget(editor)
    window.resize(WINDOW_WIDTH, WINDOW_HEIGHT)
    window.show()
    return app.exec()


def run_retext(path: str) -> int:
    """ReText as its `retext FILE` command starts it."""
    from ReText.__main__ import main

    sys.argv = ["retext", path]
    main()
    return 0


TARGETS = {
    "newsdesk": ("PySide6", run_newsdesk),
    "bare": ("PySide6", run_bare),
    "retext": ("PyQt6", run_retext),
}


def main(argv: list[str]) -> int:
    report_path, target, path = argv
    binding, run = TARGETS[target]
    install_hook(binding, report_path)
    return run(path)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
