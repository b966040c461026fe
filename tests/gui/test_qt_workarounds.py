"""The Qt binding workarounds: a long session of Qt calls must not use up None's references."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QTextCharFormat, QTextDocument

from newsdesk.gui.qt_workarounds import protect_singletons


def test_many_calls_returning_none_leave_none_alive():
    char_format = QTextCharFormat()
    document = QTextDocument("one block, in no list")
    before = sys.getrefcount(None)
    for _ in range(20_000):  # more than None's references in a fresh interpreter
        char_format.setFontWeight(QFont.Weight.Bold)  # returns nothing
        assert document.begin().textList() is None  # returns a null pointer
    # The process would have aborted above without the workaround; None is still referenced.
    assert sys.getrefcount(None) > 0
    assert before - sys.getrefcount(None) <= 40_000


def test_protection_is_idempotent():
    protect_singletons()
    first = sys.getrefcount(None)
    protect_singletons()
    assert abs(sys.getrefcount(None) - first) < 1000


def test_many_signal_emits_leave_true_alive():
    from PySide6.QtCore import QObject, Signal

    class Pane(QObject):
        edited = Signal()
        renamed = Signal(str)

    pane = Pane()
    heard: list[str] = []
    pane.renamed.connect(heard.append)
    before = sys.getrefcount(True)
    for _ in range(10_000):  # more than True's references in a fresh interpreter
        pane.edited.emit()  # PySide6 6.12 takes a reference from True with each emit
        pane.renamed.emit("x")
    assert len(heard) == 10_000
    assert sys.getrefcount(True) > 0
    assert before - sys.getrefcount(True) <= 20_000


def test_every_singleton_is_protected():
    protect_singletons()
    if sys.version_info < (3, 12):
        for singleton in (None, True, False):
            assert sys.getrefcount(singleton) > 1 << 47
