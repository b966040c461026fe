"""How the article will look when shared and when found: a link card as social networks draw it
from og:image, og:title and og:description, and a search-result snippet from the title, the slug
and the meta description. Both read `HeadData` of the rendered page (see head_data).

With a publication profile the page has its own address (og:url: the profile's base URL and the
slug), and its image an absolute one: the card shows the site's host above the title, as networks
do, and the snippet the address as engines print it ("site.example › news › slug"). Without one
the snippet reads "your site › slug", and the card says that a shared link would come without
image and address (the export leaves out what a crawler could not fetch).
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from newsdesk.formats.slug import slugify
from newsdesk.gui.preview.head_data import (
    CARD_DESCRIPTION_CHARS,
    CARD_RATIO,
    CARD_TITLE_CHARS,
    SEARCH_DESCRIPTION_CHARS,
    SEARCH_TITLE_CHARS,
    HeadData,
    cover_crop,
    image_bytes,
    truncate,
)
from newsdesk.model.article import Article

translate = QCoreApplication.translate

CARD_WIDTH = 500


def _label(parent: QWidget, name: str, style: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a headline with "<b>" in it is text
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(style)
    return label


class SocialCardPreview(QWidget):
    """A large link card: the photo cut to 1.91:1 around its focal point, title, description."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = QFrame(self)
        self.card.setObjectName("social_card")
        self.card.setFixedWidth(CARD_WIDTH)
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.image = QLabel(self.card)
        self.image.setObjectName("social_card_image")
        self.image.setFixedSize(CARD_WIDTH - 2, round((CARD_WIDTH - 2) / CARD_RATIO))
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.host = _label(self.card, "social_card_host", "color: #606770; font-size: 9pt;")
        self.title = _label(self.card, "social_card_title", "font-weight: bold; font-size: 12pt;")
        self.description = _label(self.card, "social_card_description", "")
        for label in (self.host, self.title, self.description):
            label.setFixedWidth(CARD_WIDTH - 22)
        # Said under the card when the page has no address of its own (no publication chosen).
        self.note = _label(self, "social_card_note", "font-style: italic;")
        self.note.setFixedWidth(CARD_WIDTH)
        self.note.setText(
            translate(
                "PreviewPane",
                "No publication with a web address is chosen: a shared link would come without "
                "this image and without the page's address (File > Publication Settings…).",
            )
        )
        text = QVBoxLayout()
        text.setContentsMargins(10, 6, 10, 10)
        text.addWidget(self.host)
        text.addWidget(self.title)
        text.addWidget(self.description)
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(1, 1, 1, 1)
        inner.setSpacing(0)
        inner.addWidget(self.image)
        inner.addLayout(text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.note, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self._image_key: tuple[str, float, float] | None = None

    def show_head(
        self, head: HeadData, article: Article, assets: Mapping[str, bytes] | None = None
    ) -> None:
        """Show the card; `assets` are the page's own photos when og:image is relative."""
        host = page_host(head.og_url)
        self.host.setText(host.upper())
        self.host.setVisible(bool(host))
        self.note.setVisible(not host)
        self.title.setText(truncate(head.og_title, CARD_TITLE_CHARS))
        description = truncate(head.og_description, CARD_DESCRIPTION_CHARS)
        self.description.setText(description)
        self.description.setVisible(bool(description))
        for label in (self.host, self.title, self.description, self.note):
            # Wrapped labels in a centred card get no height-for-width from the layout.
            # (An empty label has none: -1.)
            label.setFixedHeight(max(0, label.heightForWidth(label.width())))
        image = article.find_image(head.og_image_id) if head.og_image_id else None
        focal = (image.focal_x, image.focal_y) if image is not None else (0.5, 0.5)
        key = (head.og_image, *focal)
        if key != self._image_key:  # decoding and scaling a photo on every keystroke is waste
            self._image_key = key
            self._show_image(head, assets, *focal)

    def _show_image(
        self, head: HeadData, assets: Mapping[str, bytes] | None, focal_x: float, focal_y: float
    ) -> None:
        data = image_bytes(head.og_image, assets) if head.og_image else None
        picture = QImage.fromData(data) if data else QImage()
        if picture.isNull():
            self.image.setPixmap(QPixmap())
            self.image.setText(translate("PreviewPane", "No photo: the card shows no image."))
            self.image.setToolTip("")
            return
        x, y, w, h = cover_crop(picture.width(), picture.height(), CARD_RATIO, focal_x, focal_y)
        cropped = picture.copy(QRect(x, y, w, h)).scaled(
            self.image.size(),
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.image.setPixmap(QPixmap.fromImage(cropped))
        self.image.setToolTip(head.og_image_alt)


class SearchSnippetPreview(QWidget):
    """A search-engine result: address line, linked title, description, cut as engines cut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address = _label(self, "search_address", "font-size: 9pt;")
        self.title = _label(self, "search_title", "color: #1a0dab; font-size: 14pt;")
        self.description = _label(self, "search_description", "")
        self.description.setTextFormat(Qt.TextFormat.RichText)  # escaped below
        layout = QVBoxLayout(self)
        for label in (self.address, self.title, self.description):
            label.setMaximumWidth(600)
            layout.addWidget(label)
        layout.addStretch(1)

    def show_head(self, head: HeadData, article: Article) -> None:
        slug = article.slug.strip() or slugify(article.headline)
        site = translate("PreviewPane", "your site")
        address = search_address(head.og_url)
        self.address.setText(address or (f"{site} › {slug}" if slug else site))
        self.title.setText(truncate(head.title, SEARCH_TITLE_CHARS))
        description = truncate(head.description, SEARCH_DESCRIPTION_CHARS)
        if description:
            self.description.setText(escape(description))
        else:
            hint = translate(
                "PreviewPane", "No description: search engines show text from the page instead."
            )
            self.description.setText(f"<i>{escape(hint)}</i>")


def page_host(url: str) -> str:
    """The host of the page's address ("kuestenbote.example"), "" without one."""
    try:
        return (urlsplit(url).hostname or "").removeprefix("www.")
    except ValueError:
        return ""


def search_address(url: str) -> str:
    """The page's address as a search engine prints it: "site.example › news › slug"."""
    host = page_host(url)
    if not host:
        return ""
    parts = [unquote(part) for part in urlsplit(url).path.split("/") if part]
    return " › ".join([host, *parts])
