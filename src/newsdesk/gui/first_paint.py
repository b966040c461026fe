"""Work that waits until the window has been painted once.

A journalist opening a 100,000-word article wants to see the text first; word counts, the check
and the live preview can follow a moment later. `after_first_paint(widget, callback)` runs the
callback once the widget's window has been painted (right away, on the next turn of the event
loop, when it has been already). `in_turns(owner, pieces, then)` runs such work a piece per turn
of the event loop, so that keys typed meanwhile are handled between the pieces.

Qt paints a window in one pass while it handles the window's expose event (or an update request),
sending the top-level widget a Paint event on the way, and flushes it to the screen before that
event's handling returns. A zero-delay timer started at that Paint event therefore runs after the
whole window is on screen. (An UpdateRequest can arrive before the window is exposed, when nothing
is painted yet, so it is not the signal to wait for.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

_WATCHER_NAME = "newsdesk_first_paint"


class _FirstPaintWatcher(QObject):
    """Lives on the window as a child; collects callbacks until the window's first paint."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(_WATCHER_NAME)
        self.painted = _exposed(window)
        self._seen = self.painted
        self._callbacks: list[Callable[[], object]] = []
        if not self.painted:
            window.installEventFilter(self)

    def add(self, callback: Callable[[], object]) -> None:
        self._callbacks.append(callback)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after this paint pass, flush included
        return False

    def _run(self) -> None:
        self.painted = True
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()


def _exposed(window: QWidget) -> bool:
    """Exposed means painted: Qt paints while it handles the expose."""
    handle = window.windowHandle()
    return window.isVisible() and handle is not None and handle.isExposed()


def _watcher(window: QWidget) -> _FirstPaintWatcher | None:
    return window.findChild(
        _FirstPaintWatcher, _WATCHER_NAME, Qt.FindChildOption.FindDirectChildrenOnly
    )


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Call `callback` once `widget`'s window has been painted (soon, if it has been already)."""
    window = widget.window()
    watcher = _watcher(window) or _FirstPaintWatcher(window)
    if watcher.painted:
        QTimer.singleShot(0, widget, callback)  # not called once the widget is gone
    else:
        watcher.add(callback)


def window_painted(widget: QWidget) -> bool:
    """Whether `widget`'s window has been painted once (and the callbacks waiting for that have
    run)."""
    window = widget.window()
    watcher = _watcher(window)
    return watcher.painted if watcher is not None else _exposed(window)


def in_turns(
    owner: QObject, pieces: Sequence[Callable[[], object]], then: Callable[[], object]
) -> None:
    """Run `pieces` one per turn of the event loop, then `then` (nothing more once `owner` is
    gone). The first piece runs now."""
    if not pieces:
        then()
        return
    pieces[0]()
    QTimer.singleShot(0, owner, lambda: in_turns(owner, pieces[1:], then))
