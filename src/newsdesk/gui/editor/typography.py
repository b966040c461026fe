"""Typography as the journalist types: quotation marks by the article's language, and the page's
no-break spaces.

German: „doppelt“ and ‚einfach‘ (Swiss German: «doppelt» and ‹einfach›); English: “double” and
‘single’. An apostrophe is always ’ (German "geht’s" too). Other languages keep straight quotes:
a wrong guess would be worse than none.

What the page shows, the editor shows: when a word ends (a space, a punctuation mark, Enter), the
page's one rule (formats/typography.py) is applied to the last words before the cursor, so that
"27. November", "12 km" and "© 2026" stay on one line here as on the page, and "(c) 2026" becomes
"© 2026". It is one undo step of its own (Ctrl+Z gives back what was typed), and it never
touches code or text further back (pasted, opened, typed long before).
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit

from newsdesk.gui.editor.markdown_bridge import CODE_DEPTH

# language -> (double open, double close, single open, single close)
QUOTES = {
    "de": ("„", "“", "‚", "‘"),
    "de-ch": ("«", "»", "‹", "›"),
    "en": ("“", "”", "‘", "’"),
}
APOSTROPHE = "’"
# After these (or at the start of a paragraph) a quote opens; after anything else it closes.
_OPENS_AFTER = set(" \t\u00a0\u2028([{<-–—/") | {q for marks in QUOTES.values() for q in marks[::2]}


def quotes_for(language: str) -> tuple[str, str, str, str] | None:
    tag = language.strip().lower().replace("_", "-")
    primary = tag.split("-")[0]
    if primary == "de" and tag.split("-")[-1] in ("ch", "li"):
        return QUOTES["de-ch"]
    return QUOTES.get(primary)


def typographic_quote(typed: str, text_before: str, language: str) -> str | None:
    """The mark to insert for a typed `"` or `'` after `text_before` (the paragraph so far)."""
    marks = quotes_for(language)
    if marks is None or typed not in ('"', "'"):
        return None
    double_open, double_close, single_open, single_close = marks
    opening = not text_before or text_before[-1] in _OPENS_AFTER
    if typed == '"':
        return double_open if opening else double_close
    if opening:
        return single_open
    # After a letter: closing a single quote only if one is open, otherwise an apostrophe.
    if single_close != APOSTROPHE and text_before.count(single_open) > text_before.count(
        single_close
    ):
        return single_close
    return APOSTROPHE


def ends_a_word(typed: str) -> bool:
    """A typed character after which the words before it are complete ("12 km" + " " or ".")."""
    return len(typed) == 1 and typed.isprintable() and not typed.isalnum() and typed not in "-_/"


def keep_together_before_cursor(editor: QTextEdit) -> bool:
    """Apply the page's typography to the words before the cursor; True when it changed any."""
    cursor = editor.textCursor()
    block = cursor.block()
    if cursor.hasSelection() or block.blockFormat().hasProperty(CODE_DEPTH):
        return False
    before = block.text()[: cursor.position() - block.position()]
    # The page's rule (its patterns compiled) loads at the first word typed, not with the window.
    from newsdesk.formats.typography import typing_changes

    changes = typing_changes(before)
    edit = QTextCursor(block)
    applied = False
    for position, length, replacement in reversed(changes):  # last first: positions hold
        edit.setPosition(block.position() + position)
        edit.setPosition(block.position() + position + length, QTextCursor.MoveMode.KeepAnchor)
        char_format = edit.charFormat()
        if char_format.fontFixedPitch():
            continue  # inline code stays as typed
        if not applied:
            edit.beginEditBlock()
            applied = True
        edit.insertText(replacement, char_format)
    if applied:
        edit.endEditBlock()
    return applied
