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

And one for start time: PySide6 asks of every module imported after it whether its source holds
the word "PySide6" (shibokensupport/feature.py, `_mod_uses_pyside`, by `inspect.getsource`), to
know whether `from __feature__ import ...` may apply to it. The window imports some 230 modules
after PySide6, and reading, decoding and caching all their sources cost about a tenth of the
start (issue 18; `cProfile` of `newsdesk FILE`). `answer_feature_question_from_namespace` gives
the same answer from the module's namespace, which holds something of PySide6 exactly when the
module imports it (Newsdesk selects no `__feature__`, so the answer changes nothing else).
"""

from __future__ import annotations

import ctypes
import sys
from types import ModuleType

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


_BINDING = ("PySide6", "shiboken6")


def _holds_pyside(module: ModuleType) -> bool:
    """Whether the module's namespace holds a module, class or function of PySide6."""
    for value in list(vars(module).values()):
        name = value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", "")
        if isinstance(name, str) and name.startswith(_BINDING):
            return True
    return False


def answer_feature_question_from_namespace() -> bool:
    """Let PySide6's import hook look at a module's namespace instead of reading its source (see
    the module docstring). False, and nothing changed, where the binding has no such hook."""
    import PySide6.QtCore  # noqa: F401  (the hook comes with the binding)

    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _holds_pyside  # type: ignore[attr-defined]
    return True
