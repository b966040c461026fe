"""Photos placed in the text: shown in the section editor, inserted at the cursor as one undo step.

A section's Markdown places a photo with a paragraph holding only `![](image:ID)`; the editor's
document holds it as a QTextImageFormat named "image:ID" (markdown_bridge), and the exporter turns
it into a figure with the photo's own caption, credit and alt text (formats/html_figures.py).

- `register_article_images(document, article)` gives a document the picture for every photo: the
  photo as readers see it (rotated, cropped) scaled for the editor, with its caption and credit
  under it (photo_captions), a grey frame while the
  thumbnail is still being decoded, and a marked frame for a photo whose file is missing or for a
  reference to a photo no longer in the article.
- `InlineImages(stack)` keeps that up to date in every section document the stack holds: when
  photos change (`article_changed` naming images), when a thumbnail finishes decoding, and for a
  document the window is about to show (`prepare`).
- `insert_photo_at_cursor(stack, editor, data, filename)` adds the photo (AddImage, role "inline")
  and its reference at the cursor in one QUndoStack macro, so one Ctrl+Z takes out both and one
  redo brings both back. The macro holds the model command and the document's own undo step, which
  ArticleState mirrors as a TextEditCommand while the macro is open.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QTextEdit, QWidget

from newsdesk.errors import NewsdeskError
from newsdesk.formats.markdown_blocks import IMAGE, Block
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.dialogs.errors import show_error
from newsdesk.gui.editor.markdown_bridge import (
    IMAGE_PREFIX,
    block_format_for,
    heading_char_format,
    register_image,
)
from newsdesk.gui.editor.photo_captions import caption_lines, captioned_picture
from newsdesk.gui.photos.photo_files import choose_photo_file, read_photo_file
from newsdesk.gui.photos.thumbnails import (
    Thumbnailer,
    fitted_size,
    keep_bounded,
    placeholder_picture,
    shared_thumbnailer,
    shown_key,
    shown_picture,
    shown_size,
)
from newsdesk.gui.settings import Settings
from newsdesk.model.article import Article, Image
from newsdesk.model.commands import Changes
from newsdesk.model.image_commands import AddImage, new_image_from_bytes

translate = QCoreApplication.translate

EDITOR_PICTURE_SIDE = 360  # the editor column is a few hundred pixels wide
_TRACKED_PROPERTY = "newsdesk_section_id"  # set by ArticleState.track_document

# Pictures made for the editor, by what they show: registering the same QImage again is a no-op
# (its cacheKey is unchanged), so a refresh relays out only documents whose pictures changed.
_pictures: OrderedDict[tuple, QImage] = OrderedDict()
_PICTURE_CACHE_SIZE = 64


def _cached(key: tuple, make) -> QImage:
    picture = _pictures.get(key)
    if picture is None:
        picture = keep_bounded(_pictures, key, make(), _PICTURE_CACHE_SIZE)
    return picture


def editor_picture(image: Image | None, thumbnailer: Thumbnailer) -> QImage:
    """What the editor shows for a reference to `image` (None: a photo not in the article)."""
    side = EDITOR_PICTURE_SIDE
    if image is None:
        text = translate("InlineImages", "This photo is no longer in the article")
        return _cached(("gone", text), lambda: placeholder_picture(side, side * 9 // 16, text))
    if not image.has_photo:
        text = translate("InlineImages", "Photo missing: %1").replace("%1", image.filename or "…")
        size = fitted_size(*shown_size(image), side)
        return _cached(("missing", text, size), lambda: placeholder_picture(*size, text))
    key = ("photo", *shown_key(image, side))
    made = _pictures.get(key)
    if made is not None:
        return made  # the thumbnail is not needed again (nor decoded again) for it
    base = thumbnailer.picture(image)
    if base is None:
        error = thumbnailer.error(image)
        text = translate("InlineImages", "This photo cannot be shown") if error else ""
        size = fitted_size(*shown_size(image), side)
        return _cached(("waiting", text, size), lambda: placeholder_picture(*size, text))
    return _cached(key, lambda: shown_picture(base, image, side))


def editor_figure(image: Image | None, thumbnailer: Thumbnailer, language: str) -> QImage:
    """The picture with its caption and credit under it, as the page shows the figure
    (photo_captions); a reference to a photo no longer in the article has none."""
    picture = editor_picture(image, thumbnailer)
    if image is None:
        return picture
    caption, credit = caption_lines(image, language)
    has_caption = bool(image.caption.strip())
    colour = QGuiApplication.palette().text().color().name()
    key = ("figure", picture.cacheKey(), caption, credit, has_caption, colour)
    return _cached(
        key, lambda: captioned_picture(picture, caption, credit, has_caption=has_caption)
    )


def referenced_image_ids(document: QTextDocument) -> list[str]:
    """The ids of the inline photos in the document, in order."""
    ids: list[str] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char_format = fragments.fragment().charFormat()
            if char_format.isImageFormat():
                name = char_format.toImageFormat().name()
                if name.startswith(IMAGE_PREFIX):
                    ids.append(name.removeprefix(IMAGE_PREFIX))
            fragments += 1
        block = block.next()
    return ids


def register_article_images(
    document: QTextDocument,
    article: Article,
    thumbnailer: Thumbnailer | None = None,
    *,
    only: set[str] | None = None,
) -> bool:
    """Give the document a picture for each photo of the article and each reference it holds
    (with `only`: for those photos of the article alone).

    Photos whose thumbnail is still being decoded get a grey frame of their shape (InlineImages
    replaces it when the thumbnail is ready). Returns whether any picture changed; the document is
    then laid out again.
    """
    thumbnailer = thumbnailer or shared_thumbnailer()
    wanted: dict[str, Image | None] = {
        image.id: image for image in article.images if only is None or image.id in only
    }
    for image_id in referenced_image_ids(document) if only is None else ():
        wanted.setdefault(image_id, None)
    changed = False
    for image_id, image in wanted.items():
        picture = editor_figure(image, thumbnailer, article.language)
        url = QUrl(IMAGE_PREFIX + image_id)
        current = document.resource(QTextDocument.ResourceType.ImageResource, url)
        if isinstance(current, QImage) and current.cacheKey() == picture.cacheKey():
            continue
        register_image(document, image_id, picture)
        changed = True
    if changed:
        # Not an edit (no undo step, no contentsChanged): only the layout learns the new sizes.
        document.markContentsDirty(0, document.characterCount())
    return changed


class InlineImages(QObject):
    """Keeps the pictures of inline photos current in every section document of the stack."""

    def __init__(
        self,
        stack: ArticleState,
        parent: QObject | None = None,
        *,
        thumbnailer: Thumbnailer | None = None,
    ) -> None:
        super().__init__(parent or stack)
        self._stack = stack
        self._thumbnailer = thumbnailer or shared_thumbnailer()
        stack.article_changed.connect(self._article_changed)
        stack.document_replaced.connect(self._document_replaced)
        self._thumbnailer.ready.connect(self._thumbnail_ready)

    def prepare(self, document: QTextDocument) -> None:
        """Register the pictures in a document about to be shown (call before set_document)."""
        register_article_images(document, self._stack.article, self._thumbnailer)

    def refresh(self, only: set[str] | None = None) -> None:
        """Register the pictures again (of the photos `only`, or all) in every section document
        the stack has made."""
        article = self._stack.article
        for section in article.walk_sections():
            if self._stack.has_document(section.id):
                register_article_images(
                    self._stack.document(section.id), article, self._thumbnailer, only=only
                )

    def _article_changed(self, changes: Changes) -> None:
        if changes.images or changes.everything:
            self.refresh()

    def _document_replaced(self, section_id: str) -> None:
        if self._stack.has_document(section_id):
            self.prepare(self._stack.document(section_id))

    def _thumbnail_ready(self, digest: str) -> None:
        # Only the photo whose thumbnail came: all of them at each of 80 thumbnails made every
        # picture again (the picture cache holds fewer), a minute of a 400,000-word article.
        ready = {
            image.id
            for image in self._stack.article.images
            if image.has_photo and image.digest == digest
        }
        if ready:
            self.refresh(only=ready)


def can_insert_photo(editor: QTextEdit) -> bool:
    """Whether the editor shows a section document of the undo history (Insert › Photo… needs
    one: the window disables the action while no section is shown, or when read-only)."""
    return editor.document().property(_TRACKED_PROPERTY) is not None and not editor.isReadOnly()


def insert_photo_at_cursor(
    stack: ArticleState,
    editor: QTextEdit,
    data: bytes,
    filename: str,
    *,
    thumbnailer: Thumbnailer | None = None,
) -> str:
    """Add the photo as an inline image and place it at the editor's cursor: one undo step.

    The reference gets a paragraph of its own (text around the cursor is split off, keeping its
    formatting), as the Markdown dialect wants it. Raises ImageError (nothing changed) for bytes
    that are not an acceptable photo; returns the new image's id.
    """
    document = editor.document()
    if not can_insert_photo(editor):
        raise ValueError("the editor must show an editable section document of the undo stack")
    image = new_image_from_bytes(data, filename, role="inline")
    label = translate("InlineImages", "Insert photo")
    stack.beginMacro(label)
    try:
        stack.push_command(AddImage(image), label)
        register_article_images(document, stack.article, thumbnailer)
        cursor = editor.textCursor()
        cursor.beginEditBlock()
        try:
            _insert_reference(cursor, image.id)
        finally:
            cursor.endEditBlock()
        editor.setTextCursor(cursor)
    finally:
        stack.endMacro()
    return image.id


def place_photo_at_cursor(
    stack: ArticleState,
    editor: QTextEdit,
    image_id: str,
    *,
    thumbnailer: Thumbnailer | None = None,
) -> bool:
    """Place an inline photo the article already holds at the editor's cursor (Photos › Add…
    adds it, then calls this inside the same undo macro). False, changing nothing, when the
    editor shows no editable section; the check then reports the photo as unplaced."""
    if not can_insert_photo(editor) or stack.article.find_image(image_id) is None:
        return False
    register_article_images(editor.document(), stack.article, thumbnailer)
    cursor = editor.textCursor()
    cursor.beginEditBlock()
    try:
        _insert_reference(cursor, image_id)
    finally:
        cursor.endEditBlock()
    editor.setTextCursor(cursor)
    return True


def _insert_reference(cursor: QTextCursor, image_id: str) -> None:
    cursor.removeSelectedText()
    original_block = cursor.blockFormat()
    original_chars = cursor.blockCharFormat()
    image_block = block_format_for(Block(IMAGE, image_id=image_id))
    body = heading_char_format(0)
    if not cursor.atBlockEnd():
        # The text after the cursor moves into a paragraph of its own, formatted as before.
        cursor.insertBlock(original_block, original_chars)
        cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    if cursor.atBlockStart():
        cursor.setBlockFormat(image_block)  # an empty paragraph (or list item) becomes the photo's
        cursor.setBlockCharFormat(body)
    else:
        cursor.insertBlock(image_block, body)
    text_list = cursor.block().textList()
    if text_list is not None:
        text_list.remove(cursor.block())
    image_format = QTextImageFormat()
    image_format.setName(IMAGE_PREFIX + image_id)
    cursor.insertImage(image_format)


def insert_photo_file(
    parent: QWidget | None,
    stack: ArticleState,
    editor: QTextEdit,
    path: Path | None = None,
    *,
    settings: Settings | None = None,
) -> str | None:
    """Insert › Photo…: choose a file (unless `path` is given), insert it at the cursor.

    A refused file is reported with show_error and changes nothing; returns the new id or None
    (also when `can_insert_photo(editor)` is False).
    """
    if not can_insert_photo(editor):
        return None
    if path is None:
        path = choose_photo_file(
            parent, translate("InlineImages", "Insert a Photo"), settings or Settings()
        )
        if path is None:
            return None
    try:
        data = read_photo_file(path)
        return insert_photo_at_cursor(stack, editor, data, Path(path).name)
    except (NewsdeskError, OSError) as exc:
        title = translate("InlineImages", "Photo not used")
        show_error(parent, exc, title, prefix=f"{Path(path).name}: ")
        return None
