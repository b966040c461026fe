"""BackgroundCall: the publish's result reaches the dialog, which can close at once, even when a
loaded machine is slow to wind the worker thread down (CI found the race: "Close" was ignored)."""

from __future__ import annotations

import threading

from newsdesk.gui.publish import publish_worker
from newsdesk.gui.publish.publish_worker import BackgroundCall


class _SlowToEnd(threading.Thread):
    """A thread that lingers after its work, as a busy machine may let it."""

    release = threading.Event()

    def run(self) -> None:
        super().run()
        self.release.wait(10)


def test_the_call_is_over_when_its_result_arrives_not_when_its_thread_is_gone(qtbot, monkeypatch):
    _SlowToEnd.release.clear()
    monkeypatch.setattr(publish_worker.threading, "Thread", _SlowToEnd)
    call = BackgroundCall()
    seen: list[tuple[object, bool]] = []
    call.succeeded.connect(lambda result: seen.append((result, call.running)))
    call.start(lambda report: "https://example.org/?p=7")
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [("https://example.org/?p=7", False)]
    assert call._thread is not None and call._thread.is_alive()  # still winding down
    _SlowToEnd.release.set()
    call.wait(5)
    assert not call.running


def test_a_failure_also_ends_the_call_before_it_is_reported(qtbot, monkeypatch):
    _SlowToEnd.release.clear()
    monkeypatch.setattr(publish_worker.threading, "Thread", _SlowToEnd)
    call = BackgroundCall()
    seen: list[bool] = []
    call.failed.connect(lambda error: seen.append(call.running))

    def fail(report):
        raise OSError("network is unreachable")

    call.start(fail)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [False]
    _SlowToEnd.release.set()
    call.wait(5)
