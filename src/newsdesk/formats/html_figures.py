"""Figures for the exported page: web sizes of each photo, where the page finds them, and the
`<figure>` markup with the caption, credit, copyright and the press code's symbol-image notice.

Each image is derived once per page (the lead image may also be referenced in the text). Where the
bytes go depends on the asset mode:
- "embed": one size (the one a desktop shows) as a data: URI inside the page, so a phone does not
  download every size of a standalone file;
- "folder": files named by the original's digest, in a folder next to the page, linked relatively;
- "preview": one medium size only, named as in folder mode and linked relatively under
  PREVIEW_ASSET_DIR; the preview serves the bytes from memory (RenderedPage.assets), so the page
  stays small and re-rendering while typing encodes nothing.

Every size shows the photo as the journalist adjusted it: turned by its rotation, cut to its crop
preset around its focal point (imaging.derive_web_sizes), and the `width`/`height` attributes state
that adjusted size. In folder mode og:image is a separate 1.91:1 file cut around the focal point
(imaging.social_crop), the shape social networks show; it is made only for the image og:image
names, when the page head asks for it.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from html import escape
from typing import NamedTuple
from urllib.parse import quote

from newsdesk.derived_cache import DerivedCache
from newsdesk.errors import ImageError, PhotoUnavailableError
from newsdesk.formats.html_labels import (
    PageLabels,
    copyright_notice,
    keep_with_copyright_sign,
    symbol_notice_parts,
)
from newsdesk.formats.photo_credits import credits_for, with_credits
from newsdesk.formats.photo_sizes import PhotoSizes
from newsdesk.imaging import (
    WEB_WIDTHS,
    Derived,
    adjustment_key,
    cached_web_sizes,
    derive_web_sizes,
    social_crop,
)
from newsdesk.model.article import Image

ASSET_MODES = ("embed", "folder", "preview")
MISSING_IMAGE_MODES = ("omit", "placeholder")
PREVIEW_WIDTHS = (960,)
EMBED_WIDTHS = (960,)  # the standalone page inlines one size: what the text column shows
PREVIEW_ASSET_DIR = "preview-images"  # where the preview page's photos are linked (relatively)
# The text column is 40rem wide; below that the image spans the viewport minus the page padding.
IMAGE_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)"
_DISPLAY_WIDTH = 960  # the img's stated width/height: the largest size up to this
# Where an embedded photo's data: URI goes until the page is complete (private-use code points).
_EMBED_OPEN, _EMBED_CLOSE = "\ue0f0", "\ue0f1"


class Asset(NamedTuple):
    """A file the folder export writes into the asset folder (or the preview serves)."""

    name: str
    data: bytes


class SkippedImage(NamedTuple):
    """An image the page could not show, and why (the preflight reports the same in detail)."""

    image_id: str
    reason: str


@dataclass(frozen=True)
class PlacedImage:
    """An image ready for the page: its sizes and the URLs the page uses for them."""

    image: Image
    variants: tuple[Derived, ...]
    urls: tuple[str, ...]
    embedded: bool  # data: URIs, so every repetition of a URL repeats the image's bytes
    # Folder mode: makes the social crop and returns it with its URL (None: og:image is a size).
    social_maker: Callable[[], tuple[Derived, str] | None] | None = field(
        default=None, compare=False, repr=False
    )

    @cached_property
    def _social(self) -> tuple[Derived, str] | None:
        return self.social_maker() if self.social_maker is not None else None

    @property
    def display(self) -> Derived:
        """The size the `width`/`height` attributes state (the same in every asset mode)."""
        fitting = [v for v in self.variants if v.width <= _DISPLAY_WIDTH]
        return fitting[-1] if fitting else self.variants[0]

    @property
    def src_url(self) -> str:
        """The fallback `src`. Embedded, it repeats the smallest size, the cheapest repetition."""
        if self.embedded:
            return self.urls[0]
        return self.urls[self.variants.index(self.display)]

    @property
    def og_url(self) -> str | None:
        """og:image: the social crop file in folder mode (the largest size if it cannot be made);
        None when embedded (crawlers fetch only http(s), never a data: URI)."""
        if self.embedded:
            return None
        return self._social[1] if self._social is not None else self.urls[-1]

    @property
    def og_variant(self) -> Derived:
        """The picture `og_url` points at (its type and size go into og:image:*)."""
        if self.embedded:
            return self.variants[0]
        return self._social[0] if self._social is not None else self.variants[-1]

    @property
    def srcset(self) -> str:
        pairs = zip(self.urls, self.variants, strict=True)
        return ", ".join(f"{url} {variant.width}w" for url, variant in pairs)


def web_sizes(image: Image, widths: tuple[int, ...], cache: DerivedCache | None) -> list[Derived]:
    """The image's web sizes, made and kept in `cache` if need be: from the cache without reading
    the photo when all are there. Raises ImageError (and PhotoUnavailableError) as
    derive_web_sizes does. The live preview calls it ahead of its first render, one photo at a
    time, so that the render finds every size made."""
    rotation, crop, focal = image.rotation, image.crop, (image.focal_x, image.focal_y)
    digest = image.digest
    if cache is not None and digest is not None:
        size = (image.width, image.height)
        kept = cached_web_sizes(
            digest, size, widths, cache, rotation=rotation, crop=crop, focal=focal
        )
        if kept is not None:
            return kept
    # No bytes at all is refused like any bytes that are not a photo (ImageError).
    return derive_web_sizes(
        image.data or b"",
        widths,
        cache=cache,
        digest=digest,
        rotation=rotation,
        crop=crop,
        focal=focal,
    )


def _widths_for(mode: str) -> tuple[int, ...]:
    return {"preview": PREVIEW_WIDTHS, "embed": EMBED_WIDTHS}.get(mode, WEB_WIDTHS)


class FigureRenderer:
    """Derives, places and renders the images of one page, collecting asset files on the way."""

    def __init__(
        self,
        images: list[Image],
        labels: PageLabels,
        *,
        assets: str = "embed",
        cache: DerivedCache | None = None,
        asset_dir_name: str = "images",
        missing_images: str = "omit",
        photo_credits: bool = False,
        web_statement: str = "",
        photo_ready: Callable[[Image], bool | None] | None = None,
    ) -> None:
        self.images = {image.id: image for image in images}
        # The preview makes its photos' sizes on a worker thread: one not made yet (False) is a
        # "being prepared" frame in this page and one that could not be made (None) a missing
        # photo, neither decoded here (gui/preview/photo_preparer.py).
        self.photo_ready = photo_ready
        # Exported photos carry their credit as IPTC metadata (formats.photo_credits).
        self.photo_credits = photo_credits
        self.web_statement = web_statement
        self.labels = labels
        self.mode = assets
        self.cache = cache
        self.asset_dir_name = asset_dir_name
        self.missing_images = missing_images
        self.assets: dict[str, Asset] = {}
        # Embedded photos' data: URIs, placed into the page last (fill_embedded), and the
        # tokens that stand for them until then: no text can guess one.
        self._embedded: list[str] = []
        self._token = f"{_EMBED_OPEN}{os.urandom(8).hex()}-"
        self.skipped: dict[str, SkippedImage] = {}
        self.shown: list[Image] = []  # in page order, once each: what the JSON-LD describes
        self._placed: dict[str, PlacedImage | None] = {}
        self.preparing: set[str] = set()  # images whose sizes the preview's worker still makes
        # An export starts making all its photos now, on every core, while the page's text is
        # rendered; the preview makes its own, one per turn of the event loop.
        self._made = PhotoSizes(images, _widths_for(assets), cache) if assets != "preview" else None

    def place(self, image: Image) -> PlacedImage | None:
        """The image's sizes and URLs, or None (recorded in `skipped`) when it cannot be shown."""
        if image.id in self._placed:
            return self._placed[image.id]
        placed = None
        if not image.has_photo:
            self.skipped[image.id] = SkippedImage(image.id, "the photo itself is missing")
        elif (ready := self.photo_ready(image) if self.photo_ready else True) is None:
            self.skipped[image.id] = SkippedImage(image.id, "the photo could not be read")
        elif not ready:
            self.preparing.add(image.id)  # its sizes are being made: a frame until the next page
        else:
            widths = _widths_for(self.mode)
            try:
                variants = tuple(self._sizes(image, widths))
            except (ImageError, PhotoUnavailableError) as exc:  # unreadable, or lost from its file
                self.skipped[image.id] = SkippedImage(image.id, exc.message)
            except ValueError:  # a rotation or crop no Newsdesk writes (the file was validated)
                self.skipped[image.id] = SkippedImage(image.id, "the photo's crop is not valid")
            else:
                if self.photo_credits:
                    variants = self._credited(image, variants)
                focal = (image.focal_x, image.focal_y)
                stem = _file_stem(image, adjustment_key(image.rotation, image.crop, focal))
                urls = tuple(self._url(stem, v) for v in variants)
                folder = self.mode == "folder"
                placed = PlacedImage(
                    image,
                    variants,
                    urls,
                    embedded=self.mode == "embed",
                    social_maker=partial(self._social, image) if folder else None,
                )
        self._placed[image.id] = placed
        return placed

    def _sizes(self, image: Image, widths: tuple[int, ...]) -> list[Derived]:
        """web_sizes for one image, from the photos the export started making (photo_sizes)."""
        outcome = self._made.take(image.id) if self._made is not None else None
        if isinstance(outcome, Exception):
            raise outcome
        if outcome is not None:
            return outcome
        return web_sizes(image, widths, self.cache)

    def _credited(self, image: Image, variants: tuple[Derived, ...]) -> tuple[Derived, ...]:
        credits = credits_for(image, web_statement=self.web_statement)
        return tuple(replace(v, data=with_credits(v.data, v.media_type, credits)) for v in variants)

    def _url(self, stem: str, variant: Derived) -> str:
        if self.mode in ("folder", "preview"):
            name = f"{stem}-{variant.width}.{variant.extension}"
            self.assets.setdefault(name, Asset(name, variant.data))
            return quote(f"{self.asset_dir_name}/{name}")
        encoded = base64.b64encode(variant.data).decode("ascii")
        self._embedded.append(f"data:{variant.media_type};base64,{encoded}")
        return f"{self._token}{len(self._embedded) - 1}{_EMBED_CLOSE}"

    def fill_embedded(self, html: str) -> str:
        """The page with its embedded photos' data: URIs in place of their tokens. Called after
        the passes over the page's text (typography, forbidden code points): they need not walk
        through megabytes of base64."""
        if not self._embedded:
            return html
        token = re.compile(f"{re.escape(self._token)}(\\d+){_EMBED_CLOSE}")
        return token.sub(lambda match: self._embedded[int(match.group(1))], html)

    def _social(self, image: Image) -> tuple[Derived, str] | None:
        """The og:image file of a folder export, cut to 1.91:1 around the focal point."""
        try:
            focal = (image.focal_x, image.focal_y)
            derived = social_crop(
                image.data or b"",
                rotation=image.rotation,
                focal=focal,
                cache=self.cache,
                digest=image.digest,
            )
        except (ImageError, PhotoUnavailableError, ValueError):
            return None
        if self.photo_credits:
            derived = self._credited(image, (derived,))[0]
        stem = _file_stem(image, f"social-r{image.rotation}@{focal[0]:.4f},{focal[1]:.4f}")
        return derived, self._url(stem, derived)

    def figure(self, image: Image, *, lead: bool = False) -> str:
        """The `<figure>` for an image, or "" when it is omitted (no bytes, damaged bytes)."""
        placed = self.place(image)
        if placed is None and self.missing_images != "placeholder":
            return ""
        if all(shown.id != image.id for shown in self.shown):
            self.shown.append(image)
        classes = ["figure", "lead-figure" if lead else "inline-figure"]
        if image.symbolic:
            classes.append("symbolic")
        if placed is None and image.id in self.preparing:
            classes.append("preparing")
            picture = f'<div class="missing-photo">{escape(self.labels.preparing_photo)}</div>'
        elif placed is None:
            classes.append("missing")
            picture = f'<div class="missing-photo">{escape(self.labels.missing_photo)}</div>'
        else:
            picture = _img_tag(placed, lead=lead)
        caption = self.figcaption(image)
        return (
            f'<figure class="{" ".join(classes)}" data-image-id="{escape(image.id)}">\n'
            f"{picture}\n{caption}</figure>"
        )

    def inline_figure(self, image_id: str) -> str:
        """The figure for `![](image:ID)` in a section body; "" for an unknown id."""
        image = self.images.get(image_id)
        return self.figure(image) if image is not None else ""

    def figcaption(self, image: Image) -> str:
        """Caption, credit, copyright and, for a symbol image, a visible label and the disclaimer.

        The fields are escaped as plain text, not read as Markdown: a caption such as
        "1. FC Köln feiert" must not turn into a numbered list.
        """
        fields = (
            ("caption", image.caption.strip()),
            ("credit", self.labels.credit(image.credit)),
            ("copyright", keep_with_copyright_sign(copyright_notice(image.copyright))),
        )
        parts = [f'<span class="{name}">{escape(text)}</span>' for name, text in fields if text]
        if image.symbolic:
            # The label once, then the notice's own words ("SYMBOLBILD Das Foto dient ...").
            label, text = symbol_notice_parts(image.disclaimer, self.labels)
            notice = f'<span class="figure-label">{escape(label)}</span>'
            if text:
                notice += f" {escape(text)}"
            parts.append(f'<span class="disclaimer">{notice}</span>')
        elif image.disclaimer.strip():
            parts.append(f'<span class="disclaimer">{escape(image.disclaimer.strip())}</span>')
        if not parts:
            return ""
        return "<figcaption>\n" + "\n".join(parts) + "\n</figcaption>\n"


def _file_stem(image: Image, variant: str) -> str:
    """16 hex digits naming an image's files in the asset folder: the original's digest for the
    photo as it is, else a digest of the original's digest and `variant` (the adjustment, or the
    social crop), so the same original cut two ways gives two files, never one overwriting the
    other. Names keep the shape `<16 hex>-<width>.<ext>` by which a re-export finds its own files.
    """
    digest = image.digest or ""  # an image without bytes is refused before it gets a file
    if variant == "full":
        return digest[:16]
    return hashlib.sha256(f"{digest}:{variant}".encode()).hexdigest()[:16]


def _img_tag(placed: PlacedImage, *, lead: bool) -> str:
    loading = 'loading="eager" fetchpriority="high"' if lead else 'loading="lazy"'
    sizes = ""
    if len(placed.variants) > 1:
        sizes = f'srcset="{escape(placed.srcset)}" sizes="{IMAGE_SIZES}" '
    return (
        f'<img src="{escape(placed.src_url)}" {sizes}'
        f'width="{placed.display.width}" height="{placed.display.height}" '
        f'alt="{escape(placed.image.alt.strip())}" {loading} decoding="async">'
    )
