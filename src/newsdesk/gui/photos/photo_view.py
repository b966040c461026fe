"""The image pane's picture: the whole photo, the crop preset drawn over it, the focal point.

The view always shows the rotated but uncropped photo, so the original stays visible: the part a
crop preset cuts away is dimmed, not removed. A click, or a drag, puts the focal point where the
pointer is; the marker follows the drag and `focal_chosen(x, y)` fires once, on release, so one
click or one drag is one undo step. x and y are fractions (0..1) of the rotated, uncropped photo,
as `Image.focal_x` / `focal_y` store them.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from newsdesk.gui.photos.thumbnails import crop_rect, rotated
from newsdesk.model.article import Image

MARKER_RADIUS = 8.0


class PhotoView(QWidget):
    """Paints one image; emits `focal_chosen(x, y)` when a click or drag sets the focal point."""

    focal_chosen = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._picture = QImage()  # rotated, uncropped
        self._image: Image | None = None
        self._message = ""
        self._dragging: tuple[float, float] | None = None
        self._interactive = True
        self.setMinimumSize(200, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Click or drag to set the focal point that crops keep in view"))

    def sizeHint(self) -> QSize:
        return QSize(320, 240)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if self._picture.isNull():
            return max(150, width * 3 // 4)
        return max(150, round(width * self._picture.height() / self._picture.width()))

    # -- content -----------------------------------------------------------------------------------

    def show_image(self, image: Image | None, picture: QImage | None, message: str = "") -> None:
        """Show `image` with its upright thumbnail `picture` (None: show `message` instead)."""
        self._image = image
        self._picture = rotated(picture, image.rotation) if picture and image else QImage()
        self._message = message
        self._dragging = None
        self.updateGeometry()
        self.update()

    def has_picture(self) -> bool:
        return not self._picture.isNull()

    def picture_size(self) -> QSize:
        """Size of the rotated thumbnail shown (before fitting it into the widget)."""
        return self._picture.size()

    def set_interactive(self, interactive: bool) -> None:
        self._interactive = interactive
        self.setCursor(Qt.CursorShape.CrossCursor if interactive else Qt.CursorShape.ArrowCursor)

    def focal_point(self) -> tuple[float, float] | None:
        """The focal point shown (while dragging: where the pointer is), or None."""
        if self._dragging is not None:
            return self._dragging
        if self._image is None:
            return None
        return self._image.focal_x, self._image.focal_y

    # -- geometry ----------------------------------------------------------------------------------

    def picture_rect(self) -> QRectF:
        """Where the photo is drawn: centred, as large as fits, proportions kept."""
        if self._picture.isNull():
            return QRectF(self.rect())
        scale = min(self.width() / self._picture.width(), self.height() / self._picture.height())
        width, height = self._picture.width() * scale, self._picture.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def fraction_at(self, position: QPointF) -> tuple[float, float]:
        """The photo fractions under a widget position, clamped to the photo."""
        rect = self.picture_rect()
        x = (position.x() - rect.left()) / rect.width() if rect.width() else 0.5
        y = (position.y() - rect.top()) / rect.height() if rect.height() else 0.5
        return min(1.0, max(0.0, x)), min(1.0, max(0.0, y))

    def position_of(self, x: float, y: float) -> QPointF:
        rect = self.picture_rect()
        return QPointF(rect.left() + x * rect.width(), rect.top() + y * rect.height())

    # -- mouse -------------------------------------------------------------------------------------

    def _can_pick(self) -> bool:
        return self._interactive and self.isEnabled() and self.has_picture()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self._can_pick():
            super().mousePressEvent(event)
            return
        self._dragging = self.fraction_at(event.position())
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging is None:
            super().mouseMoveEvent(event)
            return
        self._dragging = self.fraction_at(event.position())
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        x, y = self.fraction_at(event.position())
        self._dragging = None
        self.update()
        self.focal_chosen.emit(x, y)

    # -- painting ----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._picture.isNull():
            painter.fillRect(self.rect(), self.palette().alternateBase())
            painter.setPen(self.palette().placeholderText().color())
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.rect().adjusted(8, 8, -8, -8), flags, self._message)
            return
        target = self.picture_rect()
        painter.drawImage(target, self._picture)
        self._paint_crop(painter, target)
        focal = self.focal_point()
        if focal is not None:
            self._paint_marker(painter, self.position_of(*focal))

    def _paint_crop(self, painter: QPainter, target: QRectF) -> None:
        if self._image is None or not self._image.crop:
            return
        shown = self._image
        if self._dragging is not None:
            # While dragging, the crop follows the marker, as it will once the point is set.
            # A copy, not dataclasses.replace: that would read the whole photo on every repaint.
            shown = copy.copy(shown)
            shown.focal_x, shown.focal_y = self._dragging
        cut = crop_rect(self._picture, shown)
        scale = target.width() / self._picture.width()
        kept = QRectF(
            target.left() + cut.left() * scale,
            target.top() + cut.top() * scale,
            cut.width() * scale,
            cut.height() * scale,
        )
        shade = QColor(0, 0, 0, 130)
        painter.fillRect(
            QRectF(target.left(), target.top(), target.width(), kept.top() - target.top()), shade
        )
        painter.fillRect(
            QRectF(target.left(), kept.bottom(), target.width(), target.bottom() - kept.bottom()),
            shade,
        )
        painter.fillRect(
            QRectF(target.left(), kept.top(), kept.left() - target.left(), kept.height()), shade
        )
        painter.fillRect(
            QRectF(kept.right(), kept.top(), target.right() - kept.right(), kept.height()), shade
        )
        painter.setPen(QPen(QColor(255, 255, 255, 220), 1.5))
        painter.drawRect(kept)

    def _paint_marker(self, painter: QPainter, centre: QPointF) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(0, 0, 0, 160), 4))
        painter.drawEllipse(centre, MARKER_RADIUS, MARKER_RADIUS)
        painter.setPen(QPen(QColor(255, 255, 255), 2))
        painter.drawEllipse(centre, MARKER_RADIUS, MARKER_RADIUS)
        painter.drawLine(centre + QPointF(-3, 0), centre + QPointF(3, 0))
        painter.drawLine(centre + QPointF(0, -3), centre + QPointF(0, 3))
