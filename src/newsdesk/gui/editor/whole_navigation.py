"""The keys that move through the whole article in the whole-article view, not one section.

In the whole view the window's editor holds one section and is as tall as its text, so its own
Ctrl+Home, Ctrl+End, Page Up and Page Down would stop at the section's edges (and a page of the
editor is the whole section). Here they act on the article, as in a word processor:

- Ctrl+Home / Ctrl+End: the cursor to the very start of the first section / the very end of the
  last, the column scrolled to the top / bottom (sections on the way are not built: only the one
  the cursor lands in is, by hosting the editor there). With Shift the selection runs to there,
  across sections (cross_selection.py) when it leaves the section.
- Page Up / Page Down: the column scrolls by its visible height and the cursor goes to the place at
  the same height on screen, in whatever section that is now (built first if it was not).

`handle_key` is asked by the view's event filter on the editor; it answers by the view's own
signals (`leave_section` to move the cursor, `clicked` with Shift to extend a selection), so the
window moves the cursor as for an arrow key at a section's edge or a click.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QTextEdit

if TYPE_CHECKING:
    from newsdesk.gui.editor.whole_article import WholeArticleView

_CONTROL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier


def handle_key(view: WholeArticleView, event: QKeyEvent) -> bool:
    """Ctrl(+Shift)+Home/End and (Shift+)Page Up/Down over the whole article; True if handled."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key = event.key()
    if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and modifiers in (_CONTROL, _CONTROL | _SHIFT):
        return _to_article_edge(view, at_end=key == Qt.Key.Key_End, extend=bool(modifiers & _SHIFT))
    if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and modifiers in (
        Qt.KeyboardModifier.NoModifier,
        _SHIFT,
    ):
        return _page(view, down=key == Qt.Key.Key_PageDown, extend=bool(modifiers & _SHIFT))
    return False


def _to_article_edge(view: WholeArticleView, *, at_end: bool, extend: bool) -> bool:
    ids = view.section_ids()
    if not ids or view.hosted_section is None:
        return False
    target = ids[-1] if at_end else ids[0]
    _move(view, target, -1 if at_end else 0, extend=extend)
    bar = view.verticalScrollBar()
    for _ in range(4):  # until the built texts' real heights no longer move the edge
        _settle(view)
        bar.setValue(bar.maximum() if at_end else bar.minimum())
        if not _build_here(view):
            break
    bar.setValue(bar.maximum() if at_end else bar.minimum())
    return True


def _page(view: WholeArticleView, *, down: bool, extend: bool) -> bool:
    editor = view.editor
    if view.hosted_section is None:
        return False
    bar = view.verticalScrollBar()
    step = view.viewport().height() * (1 if down else -1)
    cursor_at = editor.viewport().mapTo(view.column, editor.cursorRect().center())
    bar.setValue(bar.value() + step)
    _build_here(view)  # the texts coming into view, so that they can be hit
    scrolled_to = bar.value()
    section_id, position = _place_at(view, QPoint(cursor_at.x(), cursor_at.y() + step))
    _move(view, section_id, position, extend=extend)
    _settle(view)
    bar.setValue(scrolled_to)  # moving into a section scrolls to its heading; the page stays
    return True


def _move(view: WholeArticleView, section_id: str, position: int, *, extend: bool) -> None:
    """The cursor to (section, position; -1: its end), extending the selection if asked."""
    editor = view.editor
    if section_id == view.hosted_section:
        cursor = editor.textCursor()
        mode = QTextCursor.MoveMode.KeepAnchor if extend else QTextCursor.MoveMode.MoveAnchor
        if position < 0:
            cursor.movePosition(QTextCursor.MoveOperation.End, mode)
        else:
            cursor.setPosition(position, mode)
        editor.setTextCursor(cursor)
    elif extend:
        view.clicked.emit(section_id, position, True)
    else:
        view.leave_section.emit(section_id, position)


def _build_here(view: WholeArticleView) -> bool:
    """Build the texts in and near the visible part now, not in the next turn of the event loop
    (a long section's pieces need a second pass); whether anything was built."""
    before = view.built_parts()
    for _ in range(3):
        built = view.built_parts()
        view.build_visible()
        _settle(view)
        if view.built_parts() == built:
            break
    return view.built_parts() != before


def _settle(view: WholeArticleView) -> None:
    """Lay the column out now: built displays and the hosted editor change heights, and Qt would
    only lay out (slots, then the column in the scroll area) once back in the event loop."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def _place_at(view: WholeArticleView, point: QPoint) -> tuple[str, int]:
    """The section and text position at a point of the column: a heading or a section not built
    gives its text's start, a point above the first section the article's start, below the last
    its end."""
    ids = view.section_ids()
    for section_id in ids:
        slot = view.slot(section_id)
        if slot is None or slot.geometry().bottom() < point.y():
            continue
        if section_id == view.hosted_section:
            texts: list[tuple[QTextEdit, int]] = [(view.editor, 0)]
        else:
            texts = list(slot.shown_texts())
        position = 0  # a heading or a text not built: the text's start
        for text, offset in texts:
            inside = text.viewport().mapFrom(view.column, point)
            if inside.y() >= 0:
                position = offset + text.cursorForPosition(inside).position()
        return section_id, position
    return ids[-1], -1
