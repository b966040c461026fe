"""The image pane: the article's photos, and the editor for one of them.

At the top, the list of photos (lead first, ImageList) with Add / Replace / Remove; below, the
current photo (PhotoView: rotated, the crop preset drawn over the whole picture, the focal point
set by a click or drag), rotate and crop controls, and the fields the press code asks for
(ImageFields: caption, alt text with counter and hint, credit, copyright, the symbol-image switch
with the notice in the article's language, the role).

Every change is a command on the window's ArticleState: text fields push one SetImageFields
when their edit is finished (focus leaves, Return; `commit()` before saving), never per keystroke;
buttons, the crop preset and each click or drag on the photo are one command each. The pane
refreshes from `article_changed` (only when Changes names images, or everything) with signals
blocked, and a field the journalist is still typing in keeps its text through a refresh.

Photos come from the file dialog (`choose_file`) or are dropped on the pane as local files;
`read_file` reads them with a size check first. Both are attributes so tests can replace them. A
refused photo (too large, not an image, a bomb) is reported with show_error and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import NewsdeskError
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.dialogs.errors import push_or_report, show_error
from newsdesk.gui.photos.photo_fields import ImageFields
from newsdesk.gui.photos.photo_files import choose_photo_file, local_files, read_photo_file
from newsdesk.gui.photos.photo_list import ImageList, ordered_images
from newsdesk.gui.photos.photo_view import PhotoView
from newsdesk.gui.photos.thumbnails import Thumbnailer, shared_thumbnailer
from newsdesk.gui.settings import Settings
from newsdesk.model.article import CROP_RATIOS, Image
from newsdesk.model.commands import Changes, EditCommand
from newsdesk.model.image_commands import (
    AddImage,
    MoveImage,
    SetImageFields,
    SetImagePhoto,
    crop_command,
    new_image_from_bytes,
    remove_photo_command,
    rotate_command,
)

# Preflight finding codes about a photo (model/preflight.py) -> what fixes them (`focus_field`).
FINDING_FIELDS = {
    "image-missing": "photo",
    "alt-missing": "alt",
    "alt-equals-caption": "alt",
    "alt-too-long": "alt",
    "caption-missing": "caption",
    "credit-missing": "credit",
    "disclaimer-missing": "disclaimer",
    "disclaimer-not-symbolic": "symbolic",
}


class ImagePane(QWidget):
    """The photos of `stack.article`; see the module docstring."""

    edited = Signal()  # typing in a field: a change is pending (commit() pushes it)
    image_chosen = Signal(str)  # the journalist chose another photo in the pane's list

    def __init__(
        self,
        stack: ArticleState,
        parent: QWidget | None = None,
        *,
        thumbnailer: Thumbnailer | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("imagePane")
        self._settings = settings if settings is not None else Settings()
        self._stack = stack
        self._thumbnailer = thumbnailer or shared_thumbnailer()
        # Places a photo added for the text at the editor's cursor; True when it did.
        self.place_in_text: Callable[[str], bool] | None = None
        self._current: str | None = None
        self._read_only = False
        # Replaceable in tests: where photo files come from and how they are read.
        self.choose_file: Callable[[], Path | None] = lambda: choose_photo_file(
            self, self.tr("Choose a Photo"), self._settings
        )
        self.read_file: Callable[[Path], bytes] = read_photo_file
        self._build()
        self.setAcceptDrops(True)
        for target in self.fields.drop_targets():
            # A text field would take a dropped file as its path in text: photos go to the pane.
            target.installEventFilter(self)
        stack.article_changed.connect(self._article_changed)
        self._thumbnailer.ready.connect(self._thumbnail_ready)
        self.refresh()

    # -- building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.image_list = ImageList(self._thumbnailer, self)
        self.image_list.image_chosen.connect(self._chosen_in_list)
        self.image_list.move_requested.connect(self.move_photo)
        self.add_button = QPushButton(QIcon.fromTheme("list-add"), self.tr("Add Photo…"), self)
        self.add_button.clicked.connect(self.add_photo)
        self.replace_button = QPushButton(self.tr("Replace…"), self)
        self.replace_button.clicked.connect(self.replace_photo)
        self.remove_button = QPushButton(QIcon.fromTheme("list-remove"), self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_photo)
        file_row = QHBoxLayout()
        for button in (self.add_button, self.replace_button, self.remove_button):
            file_row.addWidget(button)
        file_row.addStretch(1)

        self.photo_view = PhotoView(self)
        self.photo_view.focal_chosen.connect(self.set_focal_point)
        self.rotate_left_button = self._tool_button(
            "object-rotate-left", self.tr("Rotate Left"), lambda: self.rotate(-1)
        )
        self.rotate_right_button = self._tool_button(
            "object-rotate-right", self.tr("Rotate Right"), lambda: self.rotate(1)
        )
        self.crop_combo = QComboBox(self)
        for ratio in CROP_RATIOS:
            self.crop_combo.addItem(ratio or self.tr("Original"), ratio)
        self.crop_combo.setToolTip(self.tr("Crop to a shape; the original photo is kept"))
        self.crop_combo.activated.connect(
            lambda index: self.set_crop(self.crop_combo.itemData(index))
        )
        # Rotation and crop on rows of their own: side by side they need more than the pane's
        # column in German ("Nach rechts drehen", "Zuschnitt") and the pane scrolled sideways.
        tool_row = QHBoxLayout()
        tool_row.addWidget(self.rotate_left_button)
        tool_row.addWidget(self.rotate_right_button)
        tool_row.addStretch(1)
        crop_row = QHBoxLayout()
        crop_row.addWidget(QLabel(self.tr("Crop:"), self))
        crop_row.addWidget(self.crop_combo, 1)

        self.fields = ImageFields(self._stack, self)
        self.fields.edited.connect(self.edited)

        self.editor = QWidget(self)  # everything that edits the current photo
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.photo_view)
        editor_layout.addLayout(tool_row)
        editor_layout.addLayout(crop_row)
        editor_layout.addWidget(self.fields)
        self.empty_label = QLabel(
            self.tr("No photos yet. Add one, or drop a photo file (JPEG, PNG, WebP) here."), self
        )
        self.empty_label.setWordWrap(True)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.addWidget(self.image_list)
        layout.addLayout(file_row)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.editor)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _tool_button(self, icon: str, text: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(QIcon.fromTheme(icon))
        button.setText(text)
        button.setToolTip(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.clicked.connect(slot)
        return button

    # -- public API --------------------------------------------------------------------------------

    def current_image_id(self) -> str | None:
        return self._current

    def select_image(self, image_id: str) -> bool:
        """Show the photo `image_id` (tree row "image:ID", a preflight finding); False if unknown.

        Unfinished field edits go to the photo shown before, as their own undo steps.
        """
        if self._stack.article.find_image(image_id) is None:
            return False
        if image_id != self._current:
            self.commit()
            self._current = image_id
            self.image_list.set_current_image(image_id)
            self._show_current(force=True)
        return True

    def focus_field(self, name: str) -> bool:
        """Put the keyboard focus where the current photo's `name` is edited: a field name,
        "symbolic", "role", or "photo" (the button that chooses the file). False if unknown."""
        widget = self.replace_button if name == "photo" else self.fields.widget_for(name)
        if widget is None or self._image() is None:
            return False
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.setAcceptDrops(not read_only)
        self.fields.set_read_only(read_only)
        self.photo_view.set_interactive(not read_only)
        self._update_enabled()

    def has_pending(self) -> bool:
        """Whether a field holds text not yet in the article (commit() would push it)."""
        return self.fields.has_pending()

    def commit(self) -> None:
        """Push every unfinished field edit (the window calls this before saving)."""
        self.fields.commit()

    def refresh(self, *, force: bool = False) -> None:
        """Show the article's photos again (the current one stays chosen if it still exists);
        `force` also drops unfinished field edits (a whole new article or revision)."""
        article = self._stack.article
        if self._current is None or article.find_image(self._current) is None:
            ordered = ordered_images(article)
            self._current = ordered[0].id if ordered else None
            force = True
        self.image_list.show_article(article, self._current)
        self._show_current(force=force)

    # -- photo files -------------------------------------------------------------------------------

    def add_photo(self) -> None:
        """Add…: choose a file and add it as a new photo."""
        path = self.choose_file()
        if path is not None:
            self.add_photo_files([Path(path)])

    def replace_photo(self) -> None:
        """Replace…: choose a file and make it the current image's photo."""
        if self._image() is None:
            return
        path = self.choose_file()
        if path is not None:
            self.replace_photo_file(Path(path))

    def add_photo_files(self, paths: Sequence[Path]) -> list[str]:
        """Add each file as a photo (all or none: one refused file refuses the drop); the new ids.

        The first becomes the lead photo if the article has none; the others go in the text, at
        the editor's cursor through `place_in_text(image_id)` (the window sets it).
        """
        if self._read_only or not paths:
            return []
        self.commit()
        images: list[Image] = []
        with _Busy():
            for path in paths:
                has_lead = self._stack.article.lead_image is not None or bool(images)
                try:
                    data = self.read_file(path)
                    image = new_image_from_bytes(data, path.name, "inline" if has_lead else "lead")
                except (NewsdeskError, OSError) as exc:
                    self._refuse(path, exc)
                    return []
                images.append(image)
        label = self.tr("Add photo")
        place = self.place_in_text
        in_text = place is not None and any(image.role == "inline" for image in images)
        if len(images) == 1 and not in_text:
            self._push(AddImage(images[0]), label)
        else:
            # A photo for the text goes where the cursor is, in the same undo step.
            self._stack.beginMacro(label)
            try:
                for image in images:
                    if self._push(AddImage(image), label) and image.role == "inline" and place:
                        place(image.id)
            finally:
                self._stack.endMacro()
        added = [i.id for i in images if self._stack.article.find_image(i.id) is not None]
        if added:
            self.select_image(added[-1])
        return added

    def replace_photo_file(self, path: Path) -> bool:
        """Make the file the current image's photo (caption and the rest stay); False if refused."""
        image = self._image()
        if self._read_only or image is None:
            return False
        self.commit()
        with _Busy():
            try:
                command = SetImagePhoto(image.id, self.read_file(path), path.name)
            except (NewsdeskError, OSError) as exc:
                self._refuse(path, exc)
                return False
        return self._push(command, self.tr("Replace photo"))

    def drop_files(self, paths: Sequence[Path]) -> None:
        """Dropped files: one file fills a photo still missing, otherwise files are added."""
        image = self._image()
        if len(paths) == 1 and image is not None and not image.has_photo:
            self.replace_photo_file(paths[0])
        else:
            self.add_photo_files(paths)

    def remove_photo(self) -> None:
        image = self._image()
        if image is not None and not self._read_only:
            self._stack.flush_text()  # the references to take out are in what was typed
            command = remove_photo_command(self._stack.article, image.id)
            self._push(command, self.tr("Remove photo"))

    def move_photo(self, image_id: str, step: int) -> bool:
        """Move a photo up or down the list (the order of photos the text does not place); the
        lead photo stays first."""
        if self._read_only:
            return False
        article = self._stack.article
        shown = ordered_images(article)
        position = next((n for n, image in enumerate(shown) if image.id == image_id), None)
        if position is None or shown[position].role == "lead":
            return False
        target = position + step
        if not 0 <= target < len(shown) or shown[target].role == "lead":
            return False
        index = article.images.index(shown[target])
        return self._push(MoveImage(image_id, index), self.tr("Move photo"))

    def _refuse(self, path: Path, error: NewsdeskError | OSError) -> None:
        show_error(self, error, self.tr("Photo not used"), prefix=f"{path.name}: ")

    # -- drag and drop -----------------------------------------------------------------------------

    def accepts_drop(self, mime: QMimeData) -> bool:
        """Whether dropping this here would take photo files (local files, not read-only)."""
        return not self._read_only and bool(local_files(mime))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._answer_drag(event)

    def _answer_drag(self, event: QDragMoveEvent) -> None:
        if self.accepts_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._answer_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData())
        if self._read_only or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.drop_files(paths)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
            and isinstance(event, QDropEvent)  # the drag events are drop events too
            and local_files(event.mimeData())
        ):
            if isinstance(event, QDragMoveEvent):  # entering or moving
                self._answer_drag(event)
            else:
                self.dropEvent(event)
            return True
        return super().eventFilter(watched, event)

    # -- photo adjustments -------------------------------------------------------------------------

    def rotate(self, quarter_turns: int) -> None:
        image = self._editable_image()
        if image is not None and image.has_photo:
            self._push(rotate_command(image, quarter_turns), self.tr("Rotate photo"))

    def set_crop(self, ratio: str) -> None:
        image = self._editable_image()
        if image is not None and ratio != image.crop:
            self._push(crop_command(image, ratio), self.tr("Crop photo"))

    def set_focal_point(self, x: float, y: float) -> None:
        image = self._editable_image()
        if image is not None and (x, y) != (image.focal_x, image.focal_y):
            command = SetImageFields(image.id, focal_x=float(x), focal_y=float(y))
            self._push(command, self.tr("Set focal point"))

    # -- showing -----------------------------------------------------------------------------------

    def _image(self) -> Image | None:
        return self._stack.article.find_image(self._current) if self._current else None

    def _editable_image(self) -> Image | None:
        """The current photo after pending field edits are in (so a command sees them)."""
        if self._read_only:
            return None
        self.commit()
        return self._image()

    def _push(self, command: EditCommand, label: str) -> bool:
        return push_or_report(self._stack, command, label, self)

    def _article_changed(self, changes: Changes) -> None:
        if changes.everything or changes.images:
            self.refresh(force=changes.everything)

    def _chosen_in_list(self, image_id: str) -> None:
        if self.select_image(image_id):
            self.image_chosen.emit(image_id)

    def _thumbnail_ready(self, digest: str) -> None:
        article = self._stack.article
        if any(i.digest == digest for i in article.images if i.has_photo):
            self.image_list.show_article(article, self._current)
            image = self._image()
            if image is not None and image.digest == digest:
                self._show_picture(image)

    def _show_current(self, *, force: bool = False) -> None:
        image = self._image()
        self.editor.setVisible(image is not None)
        self.empty_label.setVisible(image is None)
        self._update_enabled()
        if force:
            self.fields.set_image_id(self._current)
        else:
            self.fields.show_image()
        if image is None:
            self.photo_view.show_image(None, None)
            return
        self.crop_combo.setCurrentIndex(max(0, self.crop_combo.findData(image.crop)))
        self._show_picture(image)

    def _show_picture(self, image: Image) -> None:
        if not image.has_photo:
            message = self.tr(
                "The photo itself is missing. Choose its file with “Choose Photo…” or drop it here."
            )
            self.photo_view.show_image(image, None, message)
            return
        picture = self._thumbnailer.picture(image)
        error = self._thumbnailer.error(image)
        if picture is not None:
            self.photo_view.show_image(image, picture)
        elif error:
            message = self.tr("This photo cannot be shown: %1").replace("%1", error)
            self.photo_view.show_image(image, None, message)
        else:
            self.photo_view.show_image(image, None, self.tr("Loading the photo…"))

    def _update_enabled(self) -> None:
        image = self._image()
        editable = not self._read_only
        has_photo = image is not None and image.has_photo
        self.add_button.setEnabled(editable)
        self.replace_button.setEnabled(editable and image is not None)
        self.replace_button.setText(
            self.tr("Replace…") if image is None or has_photo else self.tr("Choose Photo…")
        )
        self.remove_button.setEnabled(editable and image is not None)
        for widget in (self.rotate_left_button, self.rotate_right_button, self.crop_combo):
            widget.setEnabled(editable and has_photo)


class _Busy:
    """A wait cursor while a photo is read and checked (a large JPEG takes a moment)."""

    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc_info: object) -> None:
        QApplication.restoreOverrideCursor()
