"""Workarounds for bugs of the Qt bindings, applied once when the gui package is imported.

PySide6/shiboken6 6.12.0 on CPython 3.11 returns None from every call that returns nothing (any
setter, insertText, ...) or a null pointer (QTextBlock.textList() outside a list) without taking
a reference to it. Each such call steals one reference from None, and after some ten thousand
calls, in a long editing session or at exit, the interpreter aborts with "Fatal Python error:
none_dealloc: deallocating None". From Python 3.12 on None is immortal and the bug is harmless;
`protect_none` gives None, on 3.11, a reference count no session can use up, which is what 3.12
does.
"""

from __future__ import annotations

import ctypes
import sys

_PROTECTION = 1 << 48  # references: more than any session can steal, far from overflow


def protect_none() -> None:
    """Make None effectively immortal on CPython < 3.12 (idempotent)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is a PyObject's first field
    if refcount.value < _PROTECTION:
        refcount.value += _PROTECTION
