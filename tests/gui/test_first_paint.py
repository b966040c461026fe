"""after_first_paint: work that waits until the window is on screen runs once, after the paint."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QMainWindow, QTextEdit

from newsdesk.gui.first_paint import after_first_paint, in_turns, window_painted


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


def test_work_in_turns_runs_a_piece_per_turn_then_the_rest(qtbot):
    owner = QLabel()
    qtbot.addWidget(owner)
    ran: list[str] = []
    pieces = [lambda n=n: ran.append(f"piece {n}") for n in range(3)]
    in_turns(owner, pieces, lambda: ran.append("then"))
    assert ran == ["piece 0"]  # the rest waits for the next turns of the event loop
    qtbot.waitUntil(lambda: ran[-1:] == ["then"])
    assert ran == ["piece 0", "piece 1", "piece 2", "then"]
    in_turns(owner, [], lambda: ran.append("nothing to do"))
    assert ran[-1] == "nothing to do"


def test_work_in_turns_stops_when_its_owner_is_gone(qtbot):
    owner = QLabel()
    ran: list[int] = []
    in_turns(owner, [lambda n=n: ran.append(n) for n in range(3)], lambda: ran.append(99))
    shiboken6.delete(owner)
    qtbot.wait(50)
    assert ran == [0]
