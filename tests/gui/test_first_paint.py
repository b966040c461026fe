"""after_first_paint: work that waits until the window is on screen runs once, after the paint."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QMainWindow, QTextEdit

from newsdesk.gui.first_paint import after_first_paint, window_painted


class _PaintRecorder(QObject):
    """Notes, in order, the window's Paint events and the callbacks' runs."""

    def __init__(self, window, log: list[str]) -> None:
        super().__init__(window)
        self._log = log
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._log.append("paint")
        return False


def _window(qtbot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QTextEdit("A lead paragraph to be painted."))
    window.resize(500, 300)
    qtbot.addWidget(window)
    return window


def test_the_callback_runs_once_after_the_window_was_painted(qtbot):
    window = _window(qtbot)
    log: list[str] = []
    _PaintRecorder(window, log)
    after_first_paint(window.centralWidget(), lambda: log.append("counts"))
    after_first_paint(window, lambda: log.append("check"))
    qtbot.wait(50)
    assert log == []  # not shown, not painted: nothing runs
    assert not window_painted(window)
    window.show()
    qtbot.waitUntil(lambda: "check" in log)
    assert log.index("paint") < log.index("counts") < log.index("check")
    assert window_painted(window.centralWidget())
    window.update()
    qtbot.wait(100)
    assert log.count("counts") == 1 and log.count("check") == 1


def test_a_callback_asked_for_after_the_paint_runs_soon(qtbot):
    window = _window(qtbot)
    window.show()
    qtbot.waitUntil(lambda: window_painted(window))
    ran: list[str] = []
    after_first_paint(window, lambda: ran.append("late"))
    assert ran == []  # on the next turn of the event loop, not inside the caller
    qtbot.waitUntil(lambda: ran == ["late"])


def test_a_callback_of_a_widget_deleted_meanwhile_does_not_run(qtbot):
    window = _window(qtbot)
    window.show()
    qtbot.waitUntil(lambda: window_painted(window))
    label = QLabel("gone soon", window)
    ran: list[str] = []
    after_first_paint(label, lambda: ran.append("ran"))
    shiboken6.delete(label)  # gone before the event loop turns
    qtbot.wait(50)
    assert ran == []
