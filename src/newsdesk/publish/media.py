"""The article's photos in the site's media library: reused, found again, or uploaded.

Each photo is keyed by its original's digest and its adjustment (rotation, crop, focal point):
- a photo the record names and the library still has is reused (its alt text and caption are
  brought up to date when they changed: a small request, not a new upload);
- a photo an interrupted publish uploaded is found by its slug, which carries the record's marker;
- the rest are uploaded, metadata-free and adjusted, UPLOAD_WIDTH wide at most, and recorded one
  by one (`keep`), the next one made while the previous one travels.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from newsdesk.errors import PublishError
from newsdesk.formats.export_parts import public_field
from newsdesk.imaging import WEB_WIDTHS, Derived, derive_web_sizes
from newsdesk.model.article import Article, Image
from newsdesk.photo_rules import adjustment_key
from newsdesk.publish.blocks import PlacedMedia
from newsdesk.publish.records import SiteRecord
from newsdesk.publish.wordpress import WordPressClient, id_of

# The export's largest web size: the site gets the picture the exported page shows at its best,
# and a camera JPEG decodes for it at half scale (a 4000-pixel photo is made in ~0.4 s, not 1 s).
UPLOAD_WIDTH = max(WEB_WIDTHS)
_FILE_STEM = re.compile(r"[^A-Za-z0-9._-]+")

Progress = Callable[[str, int, int], None]  # (step, done, total), e.g. ("photo", 3, 20)


def photo_key(image: Image) -> str:
    """The photo as shown: original's digest and adjustment (a new crop is a new upload)."""
    focal = (image.focal_x, image.focal_y)
    return f"{image.digest}:{adjustment_key(image.rotation, image.crop, focal)}"


def published_photos(article: Article) -> list[Image]:
    """The photos the post shows: every image that has its photo (the lead photo, those placed
    in the text, and the others after the sections, as in the export)."""
    return [image for image in article.images if image.has_photo]


def upload_picture(image: Image, original: bytes) -> Derived:
    """The picture the site gets from `original` (the image's photo, read by the caller: a stored
    photo is read from its project file in the thread that opened it): adjusted (rotation,
    crop), metadata-free, UPLOAD_WIDTH wide at most."""
    return derive_web_sizes(
        original,
        (UPLOAD_WIDTH,),
        rotation=image.rotation,
        crop=image.crop,
        focal=(image.focal_x, image.focal_y),
        digest=image.digest,
    )[0]


class MediaLibrary:
    """The photos of one publish on one site; `record.media` is kept up to date as they go."""

    def __init__(
        self,
        client: WordPressClient,
        record: SiteRecord,
        *,
        site: str,
        keep: Callable[[SiteRecord], None],
        progress: Progress,
    ) -> None:
        self.client = client
        self.record = record
        self.site = site
        self.keep = keep
        self.progress = progress

    def _media_slug(self, key: str) -> str:
        return f"newsdesk-{self.record.marker}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"

    def place(self, photos: list[Image]) -> tuple[dict[str, PlacedMedia], int]:
        """Image id -> its media on the site, uploading what is missing; and how many were sent.

        A photo already on the site whose alt text or caption changed since gets them updated
        (a small request, not a new upload)."""
        keys = {photo_key(image): image for image in photos}  # one upload per distinct photo
        urls: dict[int, str] = {}
        recorded = {key: self.record.media[key] for key in keys if key in self.record.media}
        if recorded:
            found = {
                id_of(item, "media", self.site): item
                for item in self._media_list("include", sorted(set(recorded.values())))
            }
            for key, media_id in recorded.items():
                item = found.get(media_id)
                if item is None:  # deleted from the media library meanwhile
                    del self.record.media[key]
                    continue
                urls[media_id] = str(item.get("source_url", ""))
                self._refresh_fields(media_id, item, keys[key])
        missing = [key for key in keys if key not in self.record.media]
        if missing:
            slugs = {self._media_slug(key): key for key in missing}
            for item in self._media_list("slug", sorted(slugs)):
                uploaded = slugs.get(str(item.get("slug", "")))
                if uploaded is not None:  # uploaded by an interrupted publish
                    media_id = id_of(item, "media", self.site)
                    self.record.media[uploaded] = media_id
                    urls[media_id] = str(item.get("source_url", ""))
            if any(key in self.record.media for key in missing):
                self.keep(self.record)
        to_send = [key for key in keys if key not in self.record.media]
        # The next photo is made while this one travels (Pillow works outside the GIL), so the
        # upload, not the re-encoding, sets the pace.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsdesk-photo") as maker:

            def make(key: str) -> Future[Derived]:
                image = keys[key]
                return maker.submit(upload_picture, image, image.data or b"")

            ahead = [make(key) for key in to_send[:1]]
            for n, key in enumerate(to_send):
                self.progress("photo", n, len(to_send))
                picture = ahead.pop().result()
                if n + 1 < len(to_send):
                    ahead.append(make(to_send[n + 1]))
                item = self._upload(keys[key], picture, self._media_slug(key))
                media_id = id_of(item, "media", self.site)
                self.record.media[key] = media_id
                urls[media_id] = str(item.get("source_url", ""))
                self.keep(self.record)
        if to_send:
            self.progress("photo", len(to_send), len(to_send))
        placed = {}
        for image in photos:
            media_id = self.record.media[photo_key(image)]
            placed[image.id] = PlacedMedia(media_id, urls.get(media_id, ""))
        return placed, len(to_send)

    def _media_list(self, by: str, values: list[Any]) -> list[dict[str, Any]]:
        """Media items whose `by` (include, slug) is one of `values`, 100 per request."""
        items: list[dict[str, Any]] = []
        for start in range(0, len(values), 100):
            found = self.client.json(
                "GET",
                "wp/v2/media",
                params={
                    by: values[start : start + 100],
                    "per_page": 100,
                    "context": "edit",
                    "status": "inherit",
                },
            )
            if isinstance(found, list):
                items += [item for item in found if isinstance(item, dict)]
        return items

    @staticmethod
    def _media_fields(image: Image) -> dict[str, str]:
        """What the media library keeps of a photo: alt text, and a caption with the credit."""
        caption = " – ".join(
            part
            for part in (
                public_field(image.caption).strip(),
                public_field(image.disclaimer).strip() if image.symbolic else "",
                image.credit.strip(),
                image.copyright.strip(),
            )
            if part
        )
        return {"alt_text": public_field(image.alt), "caption": caption}

    def _refresh_fields(self, media_id: int, item: dict[str, Any], image: Image) -> None:
        wanted = self._media_fields(image)
        caption = item.get("caption")
        have = {
            "alt_text": str(item.get("alt_text", "")),
            "caption": str(caption.get("raw", "")) if isinstance(caption, dict) else "",
        }
        if have != wanted:
            self.client.json("POST", f"wp/v2/media/{media_id}", data=wanted)

    def _upload(self, image: Image, derived: Derived, slug: str) -> dict[str, Any]:
        stem = _FILE_STEM.sub("-", image.filename.rsplit(".", 1)[0]).strip("-.")[:60] or "photo"
        params = {
            "slug": slug,
            "title": public_field(image.caption).strip()[:200] or stem,
            **self._media_fields(image),
            "description": f"{image.credit.strip()} {image.copyright.strip()}".strip(),
            "post": self.record.post_id,
            "context": "edit",
        }
        try:
            return self._send_photo(derived, stem, params)
        except PublishError as exc:
            # Over PHP's post_max_size the body is dropped and WordPress sees no data at all.
            if exc.params.get("wp_code") != "rest_upload_no_data":
                raise
            raise PublishError(
                f"{self.site} refuses the photo {image.filename or stem}: it is larger than "
                "the server accepts",
                code="publish.too_large",
                host=self.site,
                photo=image.filename,
            ) from None

    def _send_photo(self, derived: Derived, stem: str, params: dict[str, Any]) -> dict[str, Any]:
        return self.client.json(
            "POST",
            "wp/v2/media",
            params=params,
            body=derived.data,
            headers={
                "Content-Type": derived.media_type,
                "Content-Disposition": f'attachment; filename="{stem}.{derived.extension}"',
            },
        )
