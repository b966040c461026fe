"""What makes a section editor look like the page it exports to, beyond the document's formats.

- Quotes carry a bar at their left, as the page's blockquote does, so that a quote right after a
  list reads as a quote and not as one more (indented) item. The bar is painted over the
  viewport, not stored: the document holds only what the Markdown can say (markdown_bridge).
- A readable measure: however wide the window (the preview closed, a large screen), the text
  column is at most about 70 characters wide and centred, as the page's is. The editor keeps its
  scroll bar at the window's edge; the space beside the column is the editor's own margin.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QTextEdit

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
