"""Spell checking in the window (issue 12): marks, context menu, the F7 dialog, the switch.

service.py (the window's SpellingService), highlighter.py (the marks), context_menu.py,
spelling_dialog.py (F7), messages.py (the interface language's wording) and window_spelling.py
(the wiring into the main window). The checking itself is newsdesk.spelling, without Qt.
"""
