"""Edit commands on the article's photos: add, remove, move, replace, and edit their details.

They follow model/commands.py: `do` applies, `undo` restores the article exactly (compare
`article_to_dict`), `changed` names the image ids touched (`Changes.images`), and an edit that
cannot apply raises EditRefusedError (unknown image, a value the field cannot take) before
anything changes. Photo bytes are validated by `imaging.inspect_image` and refused with ImageError.

Rotating and cropping only set `rotation`, `crop` and the focal point: the original bytes are never
changed, so every crop can be undone or changed later without loss.

An article has at most one lead photo: making one image the lead (by adding it or by setting its
role) turns the former lead into an inline photo in the same command, so one undo restores both.
"""

from __future__ import annotations

import math
import re
from typing import Any

from newsdesk.model.article import CROP_RATIOS, IMAGE_ROLES, ROTATIONS, Article, Image
from newsdesk.model.commands import (
    Changes,
    CompositeCommand,
    EditCommand,
    EditRefusedError,
    SetSectionMarkdown,
)

_BLANK_LINES = re.compile(r"\n{3,}")

IMAGE_TEXT_FIELDS: tuple[str, ...] = ("caption", "alt", "credit", "copyright", "disclaimer")
IMAGE_EDITABLE_FIELDS: tuple[str, ...] = (
    "caption",
    "alt",
    "credit",
    "copyright",
    "symbolic",
    "disclaimer",
    "role",
    "rotation",
    "crop",
    "focal_x",
    "focal_y",
)
# What replacing the photo resets: a crop or focal point chosen for another picture means nothing.
ADJUSTMENT_DEFAULTS: dict[str, Any] = {"rotation": 0, "crop": "", "focal_x": 0.5, "focal_y": 0.5}


def photo_filename(filename: str) -> str:
    """The file's own name, without any folder (a path on the journalist's disk is never kept)."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1].strip()


def new_image_from_bytes(data: bytes, filename: str, role: str = "lead") -> Image:
    """A new Image holding `data`, with its displayed size; raises ImageError for bad bytes.

    Too large, not a JPEG/PNG/WebP, damaged or a decompression bomb: each is an ImageError with a
    one-line message, and nothing has been added anywhere.
    """
    if role not in IMAGE_ROLES:
        raise EditRefusedError(
            f"A photo's role is one of: {', '.join(IMAGE_ROLES)}.", code="edit.photo_role"
        )
    from newsdesk.imaging import inspect_image  # Pillow: with the first photo, not at start

    data = bytes(data)
    info = inspect_image(data)
    return Image(
        role=role,
        data=data,
        filename=photo_filename(filename),
        width=info.width,
        height=info.height,
    )


def check_image_value(name: str, value: Any) -> Any:
    """`value` as the field `name` stores it; EditRefusedError if the field cannot take it."""
    if name not in IMAGE_EDITABLE_FIELDS:
        raise EditRefusedError(
            f"A photo has no editable detail called {name!r}.",
            code="edit.photo_field_unknown",
            field=name,
        )
    if name in IMAGE_TEXT_FIELDS:
        if not isinstance(value, str):
            raise EditRefusedError(
                f"The photo's {name} must be text.", code="edit.photo_field_text", field=name
            )
        return value.replace("\x00", "")
    if name == "symbolic":
        if not isinstance(value, bool):
            raise EditRefusedError(
                "The symbol-image switch is either on or off.", code="edit.photo_symbolic"
            )
        return value
    if name == "role":
        if value not in IMAGE_ROLES:
            raise EditRefusedError(
                f"A photo's role is one of: {', '.join(IMAGE_ROLES)}.", code="edit.photo_role"
            )
        return value
    if name == "rotation":
        if isinstance(value, bool) or value not in ROTATIONS:
            raise EditRefusedError(
                "A photo turns in quarter turns: 0, 90, 180 or 270 degrees.",
                code="edit.photo_rotation",
            )
        return int(value)
    if name == "crop":
        if not isinstance(value, str) or value not in CROP_RATIOS:
            ratios = ", ".join(r for r in CROP_RATIOS if r)
            raise EditRefusedError(
                f"A photo is uncropped or cropped to {ratios}.", code="edit.photo_crop"
            )
        return value
    # focal_x, focal_y
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise EditRefusedError(
            "The focal point must be a number between 0 and 1.", code="edit.photo_focal"
        )
    if not 0.0 <= value <= 1.0:
        raise EditRefusedError(
            "The focal point must lie inside the photo (0 to 1).", code="edit.photo_focal"
        )
    return float(value)


def _require_image(article: Article, image_id: str) -> tuple[int, Image]:
    for index, image in enumerate(article.images):
        if image.id == image_id:
            return index, image
    raise EditRefusedError("This photo is no longer part of the article.", code="edit.photo_gone")


def _demote_other_leads(article: Article, keep: Image) -> list[Image]:
    """If `keep` is the lead, make every other lead inline; return those changed (for undo)."""
    if keep.role != "lead":
        return []
    demoted = [i for i in article.images if i.role == "lead" and i is not keep]
    for image in demoted:
        image.role = "inline"
    return demoted


class AddImage(EditCommand):
    """Insert `image` at `index` (appended when None). A new lead photo demotes the former lead."""

    label = "Add photo"

    def __init__(self, image: Image, index: int | None = None) -> None:
        check_image_value("role", image.role)
        self.image = image
        self.index = index

    @property
    def image_id(self) -> str:
        return self.image.id

    def do(self, article: Article) -> None:
        index = len(article.images) if self.index is None else self.index
        if not 0 <= index <= len(article.images):
            raise EditRefusedError(
                "There is no such position among the photos.", code="edit.no_position"
            )
        if any(i.id == self.image.id for i in article.images):
            raise EditRefusedError(
                "This photo is already part of the article.", code="edit.photo_exists"
            )
        article.images.insert(index, self.image)
        self._index = index
        self._demoted = (
            _demote_other_leads(article, self.image) if self.image.role == "lead" else []
        )
        ids = {self.image.id, *(i.id for i in self._demoted)}
        self._changes = Changes(images=frozenset(ids))

    def undo(self, article: Article) -> None:
        for image in self._demoted:
            image.role = "lead"
        article.images.pop(self._index)


class RemoveImage(EditCommand):
    """Remove a photo; undo puts the very same object back at the same index."""

    label = "Remove photo"

    def __init__(self, image_id: str) -> None:
        self.image_id = image_id

    def do(self, article: Article) -> None:
        self._index, _ = _require_image(article, self.image_id)
        self._image = article.images.pop(self._index)
        self._changes = Changes(images=frozenset({self.image_id}))

    def undo(self, article: Article) -> None:
        article.images.insert(self._index, self._image)


class MoveImage(EditCommand):
    """Move a photo to `index`: its position in the list after the move."""

    label = "Move photo"

    def __init__(self, image_id: str, index: int) -> None:
        if isinstance(index, bool) or not isinstance(index, int):
            raise EditRefusedError(
                "There is no such position among the photos.", code="edit.no_position"
            )
        self.image_id = image_id
        self.index = index

    def do(self, article: Article) -> None:
        old_index, image = _require_image(article, self.image_id)
        if not 0 <= self.index < len(article.images):
            raise EditRefusedError(
                "There is no such position among the photos.", code="edit.no_position"
            )
        self._old_index = old_index
        article.images.pop(old_index)
        article.images.insert(self.index, image)
        self._changes = Changes(images=frozenset({self.image_id}))

    def undo(self, article: Article) -> None:
        image = article.images.pop(self.index)
        article.images.insert(self._old_index, image)


def _default_label(names: set[str]) -> str:
    if names <= {"rotation", "focal_x", "focal_y"} and "rotation" in names:
        return "Rotate photo"
    if names == {"crop"}:
        return "Crop photo"
    if names <= {"focal_x", "focal_y"}:
        return "Set focal point"
    return "Edit photo details"


class SetImageFields(EditCommand):
    """Set any of IMAGE_EDITABLE_FIELDS on one photo, validated, as one undo step.

    Setting role="lead" makes the former lead photo inline in the same command. The label says
    what kind of edit it is ("Rotate photo", "Crop photo", ...) unless one is given.
    """

    label = "Edit photo details"

    def __init__(self, image_id: str, *, label: str | None = None, **values: Any) -> None:
        if not values:
            raise EditRefusedError("Nothing to change on this photo.", code="edit.photo_nothing")
        self.image_id = image_id
        self.values = {name: check_image_value(name, value) for name, value in values.items()}
        self.label = label if label is not None else _default_label(set(self.values))

    def do(self, article: Article) -> None:
        _, image = _require_image(article, self.image_id)
        self._old = {name: getattr(image, name) for name in self.values}
        for name, value in self.values.items():
            setattr(image, name, value)
        self._demoted = _demote_other_leads(article, image)
        ids = {self.image_id, *(i.id for i in self._demoted)}
        self._changes = Changes(images=frozenset(ids))

    def undo(self, article: Article) -> None:
        for image in self._demoted:
            image.role = "lead"
        _, image = _require_image(article, self.image_id)
        for name, value in self._old.items():
            setattr(image, name, value)


class SetImagePhoto(EditCommand):
    """Replace (or supply the missing) photo of an image, keeping caption, credit and the rest.

    The bytes are validated like `new_image_from_bytes`; rotation, crop and focal point go back to
    their defaults because they described the old picture. Undo restores all of it.
    """

    label = "Replace photo"
    # "photo", not "data": the undo step keeps a stored photo as its handle, without reading it.
    _PHOTO_FIELDS = ("photo", "filename", "width", "height", *ADJUSTMENT_DEFAULTS)

    def __init__(self, image_id: str, data: bytes, filename: str) -> None:
        from newsdesk.imaging import inspect_image  # Pillow: with the first photo, not at start

        data = bytes(data)
        info = inspect_image(data)
        self.image_id = image_id
        self.values: dict[str, Any] = {
            "data": data,
            "filename": photo_filename(filename),
            "width": info.width,
            "height": info.height,
            **ADJUSTMENT_DEFAULTS,
        }

    def do(self, article: Article) -> None:
        _, image = _require_image(article, self.image_id)
        self._old = {name: getattr(image, name) for name in self._PHOTO_FIELDS}
        for name, value in self.values.items():
            setattr(image, name, value)
        self._changes = Changes(images=frozenset({self.image_id}))

    def undo(self, article: Article) -> None:
        _, image = _require_image(article, self.image_id)
        for name, value in self._old.items():
            setattr(image, name, value)


def rotated_focal_point(x: float, y: float, quarter_turns: int) -> tuple[float, float]:
    """Where a focal point lands after turning the picture `quarter_turns` times clockwise."""
    for _ in range(quarter_turns % 4):
        x, y = 1.0 - y, x
    return x, y


def rotate_command(image: Image, quarter_turns: int = 1) -> SetImageFields:
    """Turn the photo clockwise (negative: anticlockwise); the focal point turns with it."""
    rotation = (image.rotation + 90 * quarter_turns) % 360
    focal_x, focal_y = rotated_focal_point(image.focal_x, image.focal_y, quarter_turns)
    return SetImageFields(
        image.id,
        label="Rotate photo",
        rotation=rotation,
        focal_x=focal_x,
        focal_y=focal_y,
    )


def crop_command(image: Image, ratio: str) -> SetImageFields:
    """Crop the photo to a preset ratio ("" undoes the crop); the original stays untouched."""
    return SetImageFields(image.id, label="Crop photo", crop=ratio)


def without_photo_references(markdown: str, image_id: str) -> str:
    """The text with every line that places this photo (`![...](image:ID)`) taken out."""
    from newsdesk.model.markdown_text import IMAGE_REFERENCE_LINE  # not at the window's start

    lines = markdown.split("\n")
    kept = [
        line
        for line in lines
        if (found := IMAGE_REFERENCE_LINE.fullmatch(line)) is None or found.group(1) != image_id
    ]
    if len(kept) == len(lines):
        return markdown
    # The photo stood as a paragraph of its own; the blank lines around it become one.
    return _BLANK_LINES.sub("\n\n", "\n".join(kept)).strip("\n")


def remove_photo_command(article: Article, image_id: str) -> EditCommand:
    """Remove a photo and every place the text shows it, as one undo step (a photo removed from
    the Photos tab must not leave an empty frame in the text). The article's text must be
    current (the window flushes typing first)."""
    commands: list[EditCommand] = [
        SetSectionMarkdown(section.id, kept)
        for section in article.walk_sections()
        if (kept := without_photo_references(section.markdown, image_id)) != section.markdown
    ]
    commands.append(RemoveImage(image_id))
    if len(commands) == 1:
        return commands[0]
    return CompositeCommand(commands, label=RemoveImage.label)
