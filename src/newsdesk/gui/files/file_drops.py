"""Files dropped anywhere on the window: an article opens, a document is imported.

The window's panes take their own drops (photo files on the photo pane, web addresses on the
related links, text in the editor); a dropped `.newsdesk` file or a document File > Import… reads
(.docx, .html, .md, .txt, ...) means "work on this", wherever on the window it lands. So this
filter looks at drag events before the widget under the pointer does, takes only such files, and
leaves every other drag to that widget. The work starts after the drop has finished, so that the
questions and messages it may bring are not shown inside the desktop's drag.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

from newsdesk.gui.files.import_document import PROJECT_SUFFIX, importable, open_dropped
from newsdesk.gui.first_paint import after_first_paint

if TYPE_CHECKING:
    from newsdesk.gui.files.article_files import ArticleFiles

_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def dropped_document(mime: QMimeData | None) -> Path | None:
    """The one local article or importable document being dragged, else None."""
    if mime is None or not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None  # several files at once: whose article would that be?
    path = Path(urls[0].toLocalFile())
    if path.suffix.lower() == PROJECT_SUFFIX or importable(path):
        return path
    return None


class FileDrops(QObject):
    """Watches drags over `window` (see the module docstring).

    The filter sits on the window and on each of its widgets that take drops themselves (Qt
    gives a drag to the innermost widget under the pointer that takes drops), looked for again
    whenever another article opens; an application-wide filter would see every event of every
    object, including objects Qt is destroying, which Python must not touch.
    """

    def __init__(self, window: QWidget, files: ArticleFiles) -> None:
        super().__init__(window)
        self._window = window
        self._files = files
        window.setAcceptDrops(True)  # Qt sends drags only where some widget takes drops
        # Nothing is dropped on a window not yet on screen: until then the filter would only
        # see the start's few hundred events go by.
        after_first_paint(window, self.watch_widgets)
        files.opened.connect(self.watch_widgets)

    def watch_widgets(self) -> None:
        """Put the filter on the window and every widget of it that takes drops (again is
        harmless)."""
        self._window.installEventFilter(self)
        for widget in self._window.findChildren(QWidget):
            # The preview's web engine widgets send Chromium's own event types, which Python
            # cannot name; a page dropped there is not navigated to anyway.
            if widget.acceptDrops() and "WebEngine" not in widget.metaObject().className():
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The class first: it is known without naming the event's type (see watch_widgets).
        if not isinstance(event, QDropEvent) or event.type() not in _DRAG_EVENTS:
            return False
        path = dropped_document(event.mimeData())
        if path is None:
            return False
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if event.type() == QEvent.Type.Drop:
            QTimer.singleShot(0, self, lambda: open_dropped(self._files, path))
        return True
