"""Private editor's notes and source-note references in the section document, as atomic objects.

A private note (`<!-- ... -->` in the Markdown) and a reference to a source note (`[^1]`) are each
ONE character of the document (the object replacement character) whose char format carries the
note's text or the reference's number as a property, and which a handler draws: a note as a
highlighted box with its (shortened) text, a reference as a raised number. So a note can never
turn into text by typing beside it, inside it or over part of it: it is kept whole, deleted whole
and undone whole, and the bridge reads it back exactly as it was loaded.

`register_handlers(document)` must run for every document that holds such objects (the bridge's
loading does it); without the handler Qt draws nothing for them, and they are still kept.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from newsdesk.formats.markdown_blocks import LINE_BREAK

OBJECT_CHARACTER = "\ufffc"
NOTE_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 41
REFERENCE_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 42
NOTE_TEXT = int(QTextFormat.Property.UserProperty) + 41  # char format: the private note's text
REFERENCE_LABEL = int(QTextFormat.Property.UserProperty) + 42  # char format: the note's number
NOTE_BACKGROUND = QColor("#fff0a8")
NOTE_FOREGROUND = QColor("#5a4500")
_NOTE_WIDTH = 260.0  # a longer note is shown shortened (its whole text is its tooltip)
_PADDING = 4.0
_HANDLER_PROPERTY = "newsdesk_note_handler"


def note_char_format(text: str) -> QTextCharFormat:
    """The format of the object character that holds a private note."""
    char_format = QTextCharFormat()
    char_format.setObjectType(NOTE_OBJECT)
    char_format.setProperty(NOTE_TEXT, text)
    # No tooltip: Qt writes a tooltip into copied HTML as a title, and a note must never leave.
    return char_format


def reference_char_format(label: str) -> QTextCharFormat:
    """The format of the object character that refers to source note `label`."""
    char_format = QTextCharFormat()
    char_format.setObjectType(REFERENCE_OBJECT)
    char_format.setProperty(REFERENCE_LABEL, label)
    return char_format


def note_text(char_format: QTextFormat) -> str | None:
    """The private note a format holds, None when it holds none."""
    if char_format.objectType() != NOTE_OBJECT:
        return None
    value = char_format.property(NOTE_TEXT)
    return value if isinstance(value, str) else ""


def reference_label(char_format: QTextFormat) -> str | None:
    """The source-note number a format refers to, None when it is no reference."""
    if char_format.objectType() != REFERENCE_OBJECT:
        return None
    value = char_format.property(REFERENCE_LABEL)
    return value if isinstance(value, str) else ""


def insert_note(cursor: QTextCursor, text: str) -> None:
    """Put a private note at the cursor (replacing the selection)."""
    register_handlers(cursor.document())
    cursor.insertText(OBJECT_CHARACTER, note_char_format(text))


def note_at(cursor: QTextCursor) -> QTextCursor | None:
    """A cursor selecting the note right after the cursor (or right before it), or None."""
    document = cursor.document()
    position = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
    for start in (position, position - 1):
        if start < 0 or document.characterAt(start) != OBJECT_CHARACTER:
            continue
        probe = QTextCursor(document)
        probe.setPosition(start)
        probe.setPosition(start + 1, QTextCursor.MoveMode.KeepAnchor)
        if note_text(probe.charFormat()) is not None:
            return probe
    return None


def copy_text(document: QTextDocument) -> str:
    """The document as plain text for the clipboard: no note (not even its object character),
    a reference as its number in brackets, hard line breaks as line breaks."""
    lines = []
    block = document.begin()
    while block.isValid():
        pieces = []
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            char_format = fragment.charFormat()
            label = reference_label(char_format)
            if label is not None:
                pieces.append(f"[{label}]" * len(fragment.text()))
            elif note_text(char_format) is None:
                pieces.append(fragment.text().replace(LINE_BREAK, "\n"))
            fragments += 1
        lines.append("".join(pieces))
        block = block.next()
    return "\n".join(lines)


def without_object(char_format: QTextCharFormat) -> QTextCharFormat | None:
    """The format for text typed right after a note or reference: Qt drops the object type
    but would keep the note's text (and number) as properties of the typed text. None when
    `char_format` carries neither."""
    if not (char_format.hasProperty(NOTE_TEXT) or char_format.hasProperty(REFERENCE_LABEL)):
        return None
    plain = QTextCharFormat(char_format)
    plain.clearProperty(NOTE_TEXT)
    plain.clearProperty(REFERENCE_LABEL)
    plain.setObjectType(QTextFormat.ObjectTypes.NoObject)
    return plain


def insert_reference(cursor: QTextCursor, label: str) -> None:
    register_handlers(cursor.document())
    cursor.insertText(OBJECT_CHARACTER, reference_char_format(label))


class _ObjectPainter(QPyTextObject):
    """Draws notes and references where their object characters stand."""

    def _note_font(self, char_format: QTextFormat) -> QFont:
        font = char_format.toCharFormat().font()
        font.setItalic(True)
        return font

    def _shown_note(self, char_format: QTextFormat) -> str:
        text = (note_text(char_format) or "").replace(LINE_BREAK, " ")
        metrics = QFontMetricsF(self._note_font(char_format))
        return "✎ " + metrics.elidedText(text, Qt.TextElideMode.ElideRight, _NOTE_WIDTH)

    def _reference_font(self, char_format: QTextFormat) -> QFont:
        font = char_format.toCharFormat().font()
        size = font.pointSizeF()
        if size > 0:
            font.setPointSizeF(size * 0.7)
        return font

    def intrinsicSize(self, document, position, char_format) -> QSizeF:
        base = QFontMetricsF(char_format.toCharFormat().font())
        if char_format.objectType() == NOTE_OBJECT:
            metrics = QFontMetricsF(self._note_font(char_format))
            width = metrics.horizontalAdvance(self._shown_note(char_format)) + 2 * _PADDING
            return QSizeF(width, base.height())
        metrics = QFontMetricsF(self._reference_font(char_format))
        text = reference_label(char_format) or ""
        return QSizeF(metrics.horizontalAdvance(text) + 2, base.ascent())

    def drawObject(self, painter: QPainter, rect, document, position, char_format) -> None:
        rect = QRectF(rect)
        painter.save()
        if char_format.objectType() == NOTE_OBJECT:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(NOTE_BACKGROUND)
            painter.drawRoundedRect(rect.adjusted(0, 1, 0, -1), 3, 3)
            painter.setPen(NOTE_FOREGROUND)
            painter.setFont(self._note_font(char_format))
            # Elided again with the painter's own metrics (the screen's may differ slightly from
            # those the layout measured with), so the text fills its box and never overflows it.
            text = (note_text(char_format) or "").replace(LINE_BREAK, " ")
            shown = painter.fontMetrics().elidedText(
                "✎ " + text, Qt.TextElideMode.ElideRight, int(rect.width() - 2 * _PADDING)
            )
            painter.drawText(
                rect.adjusted(_PADDING, 0, -_PADDING, 0),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                shown,
            )
        else:
            font = self._reference_font(char_format)
            painter.setFont(font)
            painter.setPen(QColor("#1a5fb4"))
            ascent = QFontMetricsF(font).ascent()
            painter.drawText(
                QPointF(rect.left() + 1, rect.top() + ascent), reference_label(char_format) or ""
            )
        painter.restore()


def register_handlers(document: QTextDocument) -> None:
    """Let the document's layout draw notes and references (once per layout).

    Without a QGuiApplication there is nothing to draw on (and no layout can be made)."""
    if QGuiApplication.instance() is None:
        return
    layout = document.documentLayout()
    if layout.property(_HANDLER_PROPERTY):
        return
    painter = _ObjectPainter(layout)
    layout.registerHandler(NOTE_OBJECT, painter)
    layout.registerHandler(REFERENCE_OBJECT, painter)
    layout.setProperty(_HANDLER_PROPERTY, True)
