"""Workarounds for bugs of the Qt bindings, applied once when the gui package is imported.

PySide6/shiboken6 6.12.0 on CPython 3.11 hands out some objects without taking a reference to
them, and each such call steals one reference from the object:
- None, from every call that returns nothing (any setter, insertText, ...) or a null pointer
  (QTextBlock.textList() outside a list);
- True, from every `SignalInstance.emit(...)` made in Python (it returns True).
After some thousands of such calls, in a long editing session or at exit, the interpreter aborts
with "Fatal Python error: none_dealloc: deallocating None" (or bool_dealloc for True): a crash
in the middle of a journalist's work. From Python 3.12 on None, True and False are immortal and
the bugs are harmless; `protect_singletons` gives them, on 3.11, a reference count no session
can use up, which is what 3.12 does. (False is protected too: the same kind of bug for it would
be as fatal, and the protection costs nothing.)
"""

from __future__ import annotations

import ctypes
import sys

_PROTECTION = 1 << 48  # references: more than any session can steal, far from overflow
_SINGLETONS = (None, True, False)


def protect_singletons() -> None:
    """Make None, True and False effectively immortal on CPython < 3.12 (idempotent)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for singleton in _SINGLETONS:
        # ob_refcnt is a PyObject's first field.
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < _PROTECTION:
            refcount.value += _PROTECTION
