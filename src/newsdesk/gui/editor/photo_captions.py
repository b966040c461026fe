"""An inline photo in the editor shows its caption and credit under it, as the page's figure does.

The caption is drawn into the picture the document shows for `![](image:ID)` (inline_images),
not written into the document: the document holds only what the Markdown can say, and the
caption belongs to the photo, which the Photos pane edits. When a caption or credit changes, the
article announces a photo change and InlineImages registers the new picture.

The words are the page's: `caption_lines` uses the export's labels for the article's language
("Foto: dpa", "© 2026 Lea Wolf", the symbol-image notice), so the editor and the page agree.
A photo without caption says so, in grey, so the gap is seen where it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter

from newsdesk.formats.html_labels import copyright_notice, labels_for, symbol_notice_parts
from newsdesk.model.article import Image

translate = QCoreApplication.translate

CAPTION_GAP = 6  # pixels between the photo and its caption
MIN_CAPTION_WIDTH = 240  # a narrow portrait photo still gets a readable caption
MAX_CAPTION_CHARS = 2_000  # what is drawn of a (hostile) very long caption
_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)


def caption_lines(image: Image, language: str) -> tuple[str, str]:
    """(caption, credit line) as the page words them; the caption says when there is none."""
    labels = labels_for(language)
    caption = " ".join(image.caption.split())[:MAX_CAPTION_CHARS]
    parts = [labels.credit(image.credit), copyright_notice(image.copyright)]
    if image.symbolic:
        label, text = symbol_notice_parts(image.disclaimer, labels)
        parts.append(f"{label.upper()} {text}".strip())
    elif image.disclaimer.strip():
        parts.append(" ".join(image.disclaimer.split()))
    credit = " · ".join(part for part in parts if part)[:MAX_CAPTION_CHARS]
    if not caption:
        caption = translate("PhotoCaptions", "No caption yet")
    return caption, credit


def _fonts() -> tuple[QFont, QFont]:
    base = QGuiApplication.font()
    caption_font = QFont(base)
    caption_font.setPointSizeF(max(base.pointSizeF(), 11.0) * 0.9)
    credit_font = QFont(base)
    credit_font.setPointSizeF(max(base.pointSizeF(), 11.0) * 0.8)
    return caption_font, credit_font


def captioned_picture(
    picture: QImage, caption: str, credit: str, *, has_caption: bool = True
) -> QImage:
    """The picture with the caption (and, smaller, the credit line) under it, on a transparent
    ground, so the editor's own background shows through in light and dark."""
    palette = QGuiApplication.palette()
    text_colour = palette.text().color()
    muted = QColor(text_colour)
    muted.setAlphaF(0.65)
    caption_font, credit_font = _fonts()
    if not has_caption:
        caption_font.setItalic(True)
    width = max(picture.width(), MIN_CAPTION_WIDTH)
    area = QRect(0, 0, width, 10_000)
    caption_rect = QFontMetrics(caption_font).boundingRect(area, _FLAGS, caption)
    credit_rect = (
        QFontMetrics(credit_font).boundingRect(area, _FLAGS, credit) if credit else QRect()
    )
    height = picture.height() + CAPTION_GAP + caption_rect.height()
    if credit:
        height += 2 + credit_rect.height()
    result = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    try:
        painter.drawImage(0, 0, picture)
        y = picture.height() + CAPTION_GAP
        painter.setFont(caption_font)
        painter.setPen(text_colour if has_caption else muted)
        painter.drawText(QRect(0, y, width, caption_rect.height()), _FLAGS, caption)
        if credit:
            y += caption_rect.height() + 2
            painter.setFont(credit_font)
            painter.setPen(muted)
            painter.drawText(QRect(0, y, width, credit_rect.height()), _FLAGS, credit)
    finally:
        painter.end()
    return result
