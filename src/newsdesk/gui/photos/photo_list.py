"""The strip of the article's photos at the top of the image pane: lead photo first, thumbnails.

Each row's data is the image id; the pane listens to `image_chosen(id)`. The list is rebuilt from
the article (it is short: a handful of photos), keeping the current row, with signals blocked so
that a refresh never looks like the journalist choosing another photo.

The list is as tall as its rows, up to MAX_VISIBLE_ROWS (then it scrolls), and hidden while there
are no photos, so that the photo's fields below it stay in view. It never scrolls sideways: a
caption wider than the list is cut with "…" (the whole caption is in the row's tooltip).
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QWidget,
)

from newsdesk.gui.photos.thumbnails import (
    Thumbnailer,
    fitted_size,
    keep_bounded,
    placeholder_picture,
    shown_key,
    shown_picture,
    shown_size,
)
from newsdesk.model.article import Article, Image

ICON_SIDE = 48
ICON_CACHE_SIZE = 256  # 48x48 icons: 9 kB each
MAX_VISIBLE_ROWS = 3
ID_ROLE = Qt.ItemDataRole.UserRole


def ordered_images(article: Article) -> list[Image]:
    """The lead photo first, then the others in the article's order."""
    lead = article.lead_image
    return ([lead] if lead else []) + [i for i in article.images if i is not lead]


class ImageList(QListWidget):
    """One row per photo: thumbnail as shown to readers, caption (or file name), role."""

    image_chosen = Signal(str)
    move_requested = Signal(str, int)  # image id, -1 (up) or +1 (down): Alt+Up / Alt+Down

    def __init__(self, thumbnailer: Thumbnailer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._thumbnailer = thumbnailer
        self._icons: OrderedDict[tuple, QIcon] = OrderedDict()  # by thumbnails.shown_key
        self.setIconSize(QSize(ICON_SIDE, ICON_SIDE))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Rows as wide as the list (not as their text), so that long captions are elided.
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.currentItemChanged.connect(self._current_changed)

    def keyPressEvent(self, event) -> None:
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        current = self.current_image_id()
        if step and event.modifiers() == Qt.KeyboardModifier.AltModifier and current:
            self.move_requested.emit(current, step)  # as in the outline and the links list
            return
        super().keyPressEvent(event)

    def image_ids(self) -> list[str]:
        return [self.item(row).data(ID_ROLE) for row in range(self.count())]

    def current_image_id(self) -> str | None:
        item = self.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def set_current_image(self, image_id: str | None) -> None:
        """Highlight the row of `image_id` without emitting image_chosen."""
        self.blockSignals(True)
        try:
            row = self.image_ids().index(image_id) if image_id in self.image_ids() else -1
            self.setCurrentRow(row)
        finally:
            self.blockSignals(False)

    def show_article(self, article: Article, current: str | None) -> None:
        """Rebuild the rows from the article; `current` stays highlighted."""
        self.blockSignals(True)
        try:
            self.clear()
            for image in ordered_images(article):
                item = QListWidgetItem(self._icon(image), self._text(image))
                # Narrow hints: the view widens every row to its own width and elides the text.
                item.setSizeHint(QSize(ICON_SIDE, self._row_height()))
                item.setData(ID_ROLE, image.id)
                tip = "\n".join(t for t in (image.caption.strip(), image.filename) if t)
                item.setToolTip(tip or self.tr("No photo chosen yet"))
                self.addItem(item)
        finally:
            self.blockSignals(False)
        self._fit_height()
        self.set_current_image(current)

    def _row_height(self) -> int:
        """The thumbnail or the two lines of text (caption, role), whichever is taller."""
        return max(ICON_SIDE, 2 * self.fontMetrics().lineSpacing()) + 6

    def _fit_height(self) -> None:
        """As tall as the rows, up to MAX_VISIBLE_ROWS; hidden without photos."""
        rows = min(self.count(), MAX_VISIBLE_ROWS)
        self.setVisible(rows > 0)
        if rows:
            self.setFixedHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth())

    def _text(self, image: Image) -> str:
        title = image.caption.strip().splitlines()[0] if image.caption.strip() else ""
        title = title or image.filename or self.tr("Photo without caption")
        if len(title) > 60:
            title = title[:59] + "…"
        role = self.tr("Lead photo") if image.role == "lead" else self.tr("In the text")
        return f"{title}\n{role}"

    def _icon(self, image: Image) -> QIcon:
        key = shown_key(image, ICON_SIDE)
        icon = self._icons.get(key)
        if icon is not None:
            return icon  # rebuilding the rows neither decodes nor scales a photo again
        picture: QImage | None = None
        if image.has_photo:
            base = self._thumbnailer.picture(image)
            if base is not None:
                picture = shown_picture(base, image, ICON_SIDE)
        if picture is None:  # the photo is on its way: a frame of its shape, kept by size
            key = ("frame", fitted_size(*shown_size(image), ICON_SIDE))
            frame = self._icons.get(key)
            if frame is not None:
                return frame
            picture = placeholder_picture(*key[1])
        return keep_bounded(self._icons, key, QIcon(QPixmap.fromImage(picture)), ICON_CACHE_SIZE)

    def _current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self.image_chosen.emit(current.data(ID_ROLE))
