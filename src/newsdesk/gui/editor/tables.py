"""Tables in the section document: a TABLE block <-> a QTextTable with its caption line, and the
editor's table edits (insert, rows and columns, moving between cells, pasting a spreadsheet).

How the document represents a table (the bridge builds exactly this, and reads it back):
- a QTextTable whose first row is the header row (headerRowCount 1, shaded cells); every row
  has as many cells as the header;
- a column's alignment is the block alignment of its cells (none set: the default "");
- the table's quote level and quote break are properties of its table format;
- the paragraph right after the table with the CAPTION property is its caption line (an empty
  one is no caption); Qt always keeps a paragraph after a table, and this is where one types the
  caption.
A cell holds runs; paragraphs inside one cell (Enter in a cell) are read as hard line breaks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from newsdesk.formats.markdown_blocks import BOLD, LINE_BREAK, TABLE, Block, Run

CAPTION = int(QTextFormat.Property.UserProperty) + 51  # block format: the table's caption line
TABLE_QUOTE = int(QTextFormat.Property.UserProperty) + 52  # table format: its quote level
TABLE_QUOTE_BREAK = int(QTextFormat.Property.UserProperty) + 53
COLUMN_ALIGN = int(QTextFormat.Property.UserProperty) + 54  # cell paragraphs: the column's align
BUILT_HERE = int(QTextFormat.Property.UserProperty) + 55  # table format: not a pasted table
HEADER_SHADE = QColor("#e8ecf0")
QUOTE_MARGIN = 24.0
_ALIGN_FLAGS = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}
MAX_PASTED_CELLS = 10_000  # a pasted grid larger than this stays text

InsertRuns = Callable[[QTextCursor, tuple[Run, ...]], None]
ReadRuns = Callable[[QTextBlock], list[Run]]


def table_format(quote: int = 0, quote_break: int = 0) -> QTextTableFormat:
    table_format = QTextTableFormat()
    table_format.setHeaderRowCount(1)
    table_format.setProperty(BUILT_HERE, True)
    table_format.setBorder(1)
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setCellPadding(4)
    table_format.setCellSpacing(0)
    table_format.setBorderCollapse(True)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setLeftMargin(QUOTE_MARGIN * quote)
    table_format.setBottomMargin(4)
    if quote:
        table_format.setProperty(TABLE_QUOTE, quote)
    if quote_break:
        table_format.setProperty(TABLE_QUOTE_BREAK, quote_break)
    return table_format


def caption_block_format(quote: int = 0) -> QTextBlockFormat:
    block_format = QTextBlockFormat()
    block_format.setProperty(CAPTION, True)
    block_format.setLeftMargin(QUOTE_MARGIN * quote)
    return block_format


def caption_char_format() -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setForeground(QColor("#555555"))
    return char_format


def is_caption(block: QTextBlock) -> bool:
    return block.blockFormat().boolProperty(CAPTION)


def _shade_header(table: QTextTable) -> None:
    for column in range(table.columns()):
        cell = table.cellAt(0, column)
        cell_format = cell.format().toTableCellFormat()
        cell_format.setBackground(HEADER_SHADE)
        cell.setFormat(cell_format)


def set_column_alignment(table: QTextTable, column: int, align: str) -> None:
    """Align every cell of the column ("" for the default)."""
    for row in range(table.rows()):
        cell = table.cellAt(row, column)
        cursor = cell.firstCursorPosition()
        cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        block = cursor.document().findBlock(cell.firstPosition())
        while block.isValid() and block.position() <= cell.lastPosition():
            block_format = block.blockFormat()
            if align in _ALIGN_FLAGS:
                block_format.setAlignment(_ALIGN_FLAGS[align])
                block_format.setProperty(COLUMN_ALIGN, align)
            else:
                block_format.clearProperty(QTextFormat.Property.BlockAlignment)
                block_format.clearProperty(COLUMN_ALIGN)
            QTextCursor(block).setBlockFormat(block_format)
            block = block.next()


def insert_table_block(cursor: QTextCursor, block: Block, insert_runs: InsertRuns) -> None:
    """Insert the TABLE block at the cursor, and its caption line after it; the cursor ends in the
    caption line."""
    columns = len(block.rows[0])
    table = cursor.insertTable(
        len(block.rows), columns, table_format(block.quote, block.quote_break)
    )
    _shade_header(table)
    for row_number, row in enumerate(block.rows):
        for column, cell_runs in enumerate(row):
            insert_runs(table.cellAt(row_number, column).firstCursorPosition(), cell_runs)
    for column in range(columns):
        align = block.align[column] if column < len(block.align) else ""
        if align:
            set_column_alignment(table, column, align)
    after = QTextCursor(table.lastCursorPosition())
    after.movePosition(QTextCursor.MoveOperation.NextBlock)
    after.setBlockFormat(caption_block_format(block.quote))
    after.setBlockCharFormat(caption_char_format())
    insert_runs(after, block.caption)
    cursor.setPosition(after.position())


def _alignment(block: QTextBlock) -> str:
    """A column's alignment: ours where we set it; in a pasted table (Qt aligns every cell left
    explicitly) only centred and right alignment mean something."""
    block_format = block.blockFormat()
    if block_format.hasProperty(COLUMN_ALIGN):
        return str(block_format.property(COLUMN_ALIGN))
    if not block_format.hasProperty(QTextFormat.Property.BlockAlignment):
        return ""
    flags = block_format.alignment()
    if flags & Qt.AlignmentFlag.AlignHCenter:
        return "center"
    if flags & Qt.AlignmentFlag.AlignRight:
        return "right"
    return ""


def _cell_runs(
    document: QTextDocument, table: QTextTable, row: int, column: int, read_runs: ReadRuns
) -> tuple[Run, ...]:
    cell = table.cellAt(row, column)
    runs: list[Run] = []
    block = document.findBlock(cell.firstPosition())
    while block.isValid() and block.position() <= cell.lastPosition():
        if runs:
            runs.append(Run(LINE_BREAK))
        runs += read_runs(block)
        block = block.next()
    return tuple(runs)


def read_table(table: QTextTable, read_runs: ReadRuns) -> Block:
    """The TABLE block of a QTextTable (its caption is read by the caller, from the next line)."""
    document = table.document()
    rows: tuple[tuple[tuple[Run, ...], ...], ...] = tuple(
        tuple(
            _cell_runs(document, table, row, column, read_runs) for column in range(table.columns())
        )
        for row in range(table.rows())
    )
    table_format = table.format()
    built_here = table_format.boolProperty(BUILT_HERE)
    # A pasted table (Qt's reading of <th>) has bold, centred column titles: the page's own look
    # for a header row, so neither is kept; its alignment is that of its last row.
    sample_row = 0 if built_here else table.rows() - 1
    align = tuple(
        _alignment(document.findBlock(table.cellAt(sample_row, column).firstPosition()))
        for column in range(table.columns())
    )
    if not built_here and rows:
        header = tuple(
            tuple(Run(r.text, r.marks - {BOLD}, r.href) for r in cell) for cell in rows[0]
        )
        rows = (header, *rows[1:])
    return Block(
        TABLE,
        quote=max(0, table_format.intProperty(TABLE_QUOTE)),
        rows=rows,
        align=align,
        quote_break=max(0, table_format.intProperty(TABLE_QUOTE_BREAK)),
    )


def last_block_of(table: QTextTable) -> QTextBlock:
    return table.document().findBlock(table.lastPosition())


# -- edits (callers wrap each in one edit block: one undo step) ------------------------------------


def insert_new_table(cursor: QTextCursor, rows: int, columns: int, header: bool) -> None:
    """Insert > Table…: an empty table of `rows` body rows (plus the header row when `header`;
    without, the first row is the header row all the same, and the check asks for its titles)."""
    rows = max(1, min(rows, 500)) + (1 if header else 0)
    columns = max(1, min(columns, 30))
    if cursor.block().text() or QTextCursor(cursor.block()).currentTable() is not None:
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    table = cursor.insertTable(rows, columns, table_format())
    _shade_header(table)
    after = QTextCursor(table.lastCursorPosition())
    after.movePosition(QTextCursor.MoveOperation.NextBlock)
    after.setBlockFormat(caption_block_format())
    after.setBlockCharFormat(caption_char_format())
    cursor.setPosition(table.cellAt(0, 0).firstPosition())


def current_table(cursor: QTextCursor) -> QTextTable | None:
    return cursor.currentTable()


def add_row(cursor: QTextCursor) -> None:
    table = cursor.currentTable()
    if table is not None:
        row = table.cellAt(cursor).row()
        table.insertRows(row + 1, 1)


def remove_row(cursor: QTextCursor) -> None:
    """Remove the cursor's row (the header row stays: a table has one)."""
    table = cursor.currentTable()
    if table is not None and table.rows() > 1:
        row = table.cellAt(cursor).row()
        if row > 0:
            table.removeRows(row, 1)


def add_column(cursor: QTextCursor) -> None:
    table = cursor.currentTable()
    if table is not None:
        table.insertColumns(table.cellAt(cursor).column() + 1, 1)
        _shade_header(table)


def remove_column(cursor: QTextCursor) -> None:
    table = cursor.currentTable()
    if table is not None and table.columns() > 1:
        table.removeColumns(table.cellAt(cursor).column(), 1)


def move_to_cell(cursor: QTextCursor, forward: bool) -> bool:
    """Tab / Shift+Tab in a table: the next or previous cell (Tab in the last one adds a row).
    False when the cursor is in no table."""
    table = cursor.currentTable()
    if table is None:
        return False
    cell = table.cellAt(cursor)
    index = cell.row() * table.columns() + cell.column() + (1 if forward else -1)
    if index >= table.rows() * table.columns():
        table.appendRows(1)
    index = max(0, index)
    target = table.cellAt(index // table.columns(), index % table.columns())
    cursor.setPosition(target.firstPosition())
    cursor.setPosition(target.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    return True


def tab_separated_table(text: str) -> Block | None:
    """A spreadsheet's copied cells (tab-separated lines) as a table, the first row its header;
    None for text that is not such a grid (or too large to be one)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
    if "\t" not in text or not lines:
        return None
    grid = [line.split("\t") for line in lines]
    columns = max(len(row) for row in grid)
    if columns < 2 or len(grid) * columns > MAX_PASTED_CELLS:
        return None
    rows = tuple(
        tuple((Run(row[n]),) if n < len(row) and row[n].strip() else () for n in range(columns))
        for row in grid
    )
    return Block(TABLE, rows=rows, align=("",) * columns)
