"""The Qt binding workarounds: a long session of Qt calls must not use up None's references."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QTextCharFormat, QTextDocument

from newsdesk.gui.qt_workarounds import protect_none


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
    protect_none()
    first = sys.getrefcount(None)
    protect_none()
    assert abs(sys.getrefcount(None) - first) < 1000
