"""What makes a section editor look like the page it exports to, beyond the document's formats.

- Quotes carry a bar at their left, as the page's blockquote does, so that a quote right after a
  list reads as a quote and not as one more (indented) item. The bar is painted over the
  viewport, not stored: the document holds only what the Markdown can say (markdown_bridge).
- A readable measure: however wide the window (the preview closed, a large screen), the text
  column is at most about 70 characters wide and centred, as the page's is. The editor keeps its
  scroll bar at the window's edge; the space beside the column is the editor's own margin.

`PageTextEdit` is a text edit with both: the section editor is one, and so are the whole-article
view's displays of the sections where the editor is not (which need nothing else of an editor).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from newsdesk.gui.editor.markdown_bridge import QUOTE_MARGIN, quote_level

MEASURE_CHARACTERS = 70  # the page's line length, and the one typography books recommend
QUOTE_BAR_WIDTH = 3.0
# A representative line of prose: the average advance of its characters is a prose character's.
_SAMPLE = "the quick brown fox jumps over a lazy dog, Die Straße führt über Jörgs Brücke. "


def measure_width(font: QFont, document_margin: float) -> int:
    """The width, in pixels, of a text column about MEASURE_CHARACTERS characters of `font` wide
    (with the document's margin on either side)."""
    advance = QFontMetricsF(font).horizontalAdvance(_SAMPLE) / len(_SAMPLE)
    return round(MEASURE_CHARACTERS * advance + 2 * document_margin)


def side_margin(available: int, font: QFont, document_margin: float) -> int:
    """The margin on each side that centres a column of the readable measure in `available`
    pixels; 0 when the editor is narrower than the measure."""
    return max(0, (available - measure_width(font, document_margin)) // 2)


def paint_quote_bars(editor: QTextEdit, painter: QPainter) -> None:
    """Draw a bar left of every quoted block visible in the editor's viewport (one per level)."""
    document: QTextDocument = editor.document()
    layout = document.documentLayout()
    viewport = editor.viewport().rect()
    dx = -editor.horizontalScrollBar().value()
    dy = -editor.verticalScrollBar().value()
    colour = editor.palette().color(QPalette.ColorRole.Mid)
    # Start near the top of the viewport rather than at the first block of a long section.
    top_position = editor.cursorForPosition(viewport.topLeft()).position()
    block = document.findBlock(top_position).previous()
    if not block.isValid():
        block = document.firstBlock()
    while block.isValid():
        rect = layout.blockBoundingRect(block).translated(dx, dy)
        if rect.top() > viewport.bottom():
            break
        level = quote_level(block.blockFormat())
        if level and block.isVisible():
            # The rectangle is the text's, without the margins; the bar bridges the space to a
            # next quoted paragraph, so one quote has one bar.
            top, height = rect.top(), rect.height()
            following = block.next()
            if following.isValid() and quote_level(following.blockFormat()) >= level:
                height += block.blockFormat().bottomMargin()
            for n in range(level):
                x = rect.left() + n * QUOTE_MARGIN + QUOTE_MARGIN / 2 - QUOTE_BAR_WIDTH
                painter.fillRect(QRectF(x, top, QUOTE_BAR_WIDTH, height), colour)
        block = block.next()


class PageTextEdit(QTextEdit):
    """A text edit that looks like the page: the readable measure centred, quotes with bars."""

    # The margin beside the centred text column changed: a heading above follows it.
    column_margin_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._column_margin = 0
        # The margins beside the text column are the page's, not the window's grey.
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    @property
    def column_margin(self) -> int:
        """The margin on either side of the centred, readable text column."""
        return self._column_margin

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Not event.size(): the scroll area hands the viewport's resizes here too.
        available = self.width() - 2 * self.frameWidth()
        margin = side_margin(
            available, self.document().defaultFont(), self.document().documentMargin()
        )
        if margin != self._column_margin:
            self._column_margin = margin
            self.setViewportMargins(margin, 0, margin, 0)
            self.column_margin_changed.emit(margin)
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        try:
            paint_quote_bars(self, painter)
        finally:
            painter.end()
