"""`QT_TRANSLATE_NOOP` with its true type, for tables of texts translated where they are shown.

PySide6's stub types `QT_TRANSLATE_NOOP` as returning `object`; it returns its text unchanged.
This one does the same with the right type, and keeps the name, which is how pyside6-lupdate
finds the texts to translate.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark `source` for translation in `context`; translate it where it is shown."""
    return source
