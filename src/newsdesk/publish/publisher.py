"""One publish (or republish) of an article to a WordPress site, step by step and resumable.

1. The site is checked: WordPress's REST API, the user and the password (`users/me`).
2. The post: the one recorded for this site, if any (gone or in the trash: PostGoneError; changed
   on the site since our last publish, by `modified_gmt`: PublishConflictError unless the user
   said to overwrite). Otherwise a draft is created whose slug carries the record's marker, and
   its id is recorded at once.
3. The photos (the lead photo and those placed in the text), each keyed by its original's digest
   and its adjustment: those recorded and still in the media library are reused, those an
   interrupted run uploaded are found by their marker slug, the rest are uploaded (metadata-free,
   adjusted, at most UPLOAD_WIDTH wide) and recorded one by one.
4. Tags (created when missing) and categories (chosen from the site's) become ids.
5. The post is written: title, blocks, excerpt, slug, tags, categories, featured image, date,
   status; its `modified_gmt` is recorded for the next conflict check.

`keep(record)` is called after each step that created something on the site, so that the caller
writes the record to the project file before the next step: killed at any point, the next run
finds what exists and duplicates nothing. The article's content is never changed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from html import unescape
from typing import Any

from newsdesk.errors import PostGoneError, PublishConflictError, PublishError
from newsdesk.formats.export_parts import public_field
from newsdesk.formats.slug import effective_slug
from newsdesk.imaging import WEB_WIDTHS, Derived, derive_web_sizes
from newsdesk.model.article import Article, Image
from newsdesk.photo_rules import adjustment_key
from newsdesk.publish.blocks import PlacedMedia, article_template, fill_photos
from newsdesk.publish.records import SiteRecord, new_marker, site_record
from newsdesk.publish.wordpress import WordPressClient, site_key

STATUSES = ("draft", "pending", "publish", "future")
# The export's largest web size: the site gets the picture the exported page shows at its best,
# and a camera JPEG decodes for it at half scale (a 4000-pixel photo is made in ~0.4 s, not 1 s).
UPLOAD_WIDTH = max(WEB_WIDTHS)
# What Newsdesk reads of a post: asking for these alone spares the server rendering the content
# for the answer (a 100,000-word post takes it a second).
POST_FIELDS = "id,status,link,modified_gmt,meta"
_FILE_STEM = re.compile(r"[^A-Za-z0-9._-]+")

Progress = Callable[[str, int, int], None]  # (step, done, total), e.g. ("photo", 3, 20)


@dataclass(frozen=True)
class PublishOptions:
    status: str = "draft"
    categories: tuple[str, ...] = ()
    overwrite: bool = False  # the user agreed to overwrite changes made on the site
    anew: bool = False  # the recorded post is gone: make a new one


@dataclass(frozen=True)
class PublishResult:
    post_id: int
    link: str
    status: str
    uploaded: int  # photos sent this time
    reused: int  # photos already in the media library


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


def date_gmt(published: str) -> str | None:
    """The publish date as WordPress's `date_gmt` (a date alone or a time without zone: None)."""
    text = published.strip()
    if "T" not in text and " " not in text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


class Publisher:
    """Publishes one article through one client; `keep` writes the record after each step."""

    def __init__(
        self,
        article: Article,
        client: WordPressClient,
        *,
        keep: Callable[[SiteRecord], None],
        progress: Progress | None = None,
    ) -> None:
        self.article = article
        self.client = client
        self.keep = keep
        self.progress = progress or (lambda step, done, total: None)
        self.site = site_key(client.site_url)
        self.record = site_record(article, self.site)

    def run(self, options: PublishOptions) -> PublishResult:
        if options.status not in STATUSES:
            raise PublishError(
                f"unknown status {options.status!r}",
                code="publish.bad_status",
                status=options.status,
            )
        when = date_gmt(self.article.published)
        if options.status == "future" and (
            when is None or when <= datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
        ):
            raise PublishError(
                "a scheduled post needs a publish date and time in the future",
                code="publish.future_needs_date",
            )
        self.progress("connect", 0, 1)
        self.client.discover()
        me = self.client.json("GET", "wp/v2/users/me", params={"context": "edit"})
        capabilities = me.get("capabilities") if isinstance(me, dict) else None
        if not isinstance(capabilities, dict) or not capabilities.get("edit_posts"):
            raise PublishError(
                f"the user {me.get('slug', '') if isinstance(me, dict) else ''} may not write",
                code="publish.forbidden",
                host=self.site,
            )
        if not self.record.marker:
            self.record.marker = new_marker()
            self.keep(self.record)
        post = self._find_or_create_post(options)
        photos = published_photos(self.article)
        # The content is rendered while the photos travel; only their places wait for the ids.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsdesk-blocks") as writer:
            template = writer.submit(article_template, self.article)
            media, uploaded = self._photos(photos)
            content = fill_photos(template.result(), self.article, media)
        tags = self._tag_ids()
        categories = self._category_ids(options.categories)
        self.progress("post", 0, 1)
        data: dict[str, Any] = {
            "title": self.article.headline,
            "content": content,
            "excerpt": self.article.description,
            "slug": effective_slug(self.article) or f"newsdesk-{self.record.marker}",
            "status": options.status,
            "tags": tags,
        }
        if categories:
            data["categories"] = categories
        lead = self.article.lead_image
        data["featured_media"] = media[lead.id].media_id if lead and lead.id in media else 0
        if when is not None:
            data["date_gmt"] = when
        meta = post.get("meta") if isinstance(post.get("meta"), dict) else {}
        sent_meta = {
            key: value
            for key, value in (
                ("newsdesk_kicker", self.article.kicker),
                ("newsdesk_subheadline", self.article.subheadline),
                ("newsdesk_marker", self.record.marker),
            )
            if key in meta
        }
        if sent_meta:
            data["meta"] = sent_meta
        written = self.client.json(
            "POST",
            f"wp/v2/posts/{self.record.post_id}",
            data=data,
            params={"context": "edit", "_fields": POST_FIELDS},
        )
        if not isinstance(written, dict):
            raise PublishError(
                f"{self.site} did not confirm the post",
                code="publish.not_wordpress",
                url=self.site,
                reason="no post in the answer",
            )
        self.record.link = str(written.get("link", ""))
        self.record.modified_gmt = str(written.get("modified_gmt", ""))
        self.record.published_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.keep(self.record)
        self.progress("post", 1, 1)
        return PublishResult(
            post_id=self.record.post_id,
            link=self.record.link,
            status=str(written.get("status", "")),
            uploaded=uploaded,
            reused=len({photo_key(p) for p in photos}) - uploaded,
        )

    # --- the post ----------------------------------------------------------------------------

    def _marker_slug(self) -> str:
        return f"newsdesk-{self.record.marker}"

    def _find_or_create_post(self, options: PublishOptions) -> dict[str, Any]:
        record = self.record
        if options.anew and record.post_id:
            record.post_id, record.modified_gmt, record.link = 0, "", ""
            self.keep(record)
        if record.post_id:
            response = self.client.request(
                "GET",
                f"wp/v2/posts/{record.post_id}",
                params={"context": "edit", "_fields": POST_FIELDS},
                accept=(404, 410),
            )
            post = response.json()
            if response.status in (404, 410) or (
                isinstance(post, dict) and post.get("status") == "trash"
            ):
                raise PostGoneError(
                    f"post {record.post_id} is no longer on {self.site}",
                    code="publish.post_gone",
                    post_id=record.post_id,
                    site=self.site,
                )
            if not isinstance(post, dict):
                raise self.client.error_for(response, "wp/v2/posts")
            modified = str(post.get("modified_gmt", ""))
            if record.modified_gmt and modified != record.modified_gmt and not options.overwrite:
                raise PublishConflictError(
                    f"the post was changed on the site at {modified} (UTC) since Newsdesk "
                    "published it",
                    code="publish.conflict",
                    link=str(post.get("link", record.link)),
                    modified_gmt=modified,
                    post_id=record.post_id,
                )
            return post
        found = self.client.json(
            "GET",
            "wp/v2/posts",
            params={
                "slug": self._marker_slug(),
                "status": "any",
                "context": "edit",
                "_fields": POST_FIELDS,
            },
        )
        if isinstance(found, list) and found and isinstance(found[0], dict):
            post = found[0]  # made by an interrupted publish of this article
        else:
            post = self.client.json(
                "POST",
                "wp/v2/posts",
                params={"context": "edit", "_fields": POST_FIELDS},
                data={
                    "title": self.article.headline,
                    "slug": self._marker_slug(),
                    "status": "draft",
                },
            )
        record.post_id = self._id_of(post, "post")
        self.keep(record)
        return post

    # --- photos ------------------------------------------------------------------------------

    def _media_slug(self, key: str) -> str:
        return f"newsdesk-{self.record.marker}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"

    def _photos(self, photos: list[Image]) -> tuple[dict[str, PlacedMedia], int]:
        """Image id -> its media on the site, uploading what is missing; and how many were sent.

        A photo already on the site whose alt text or caption changed since gets them updated
        (a small request, not a new upload)."""
        keys = {photo_key(image): image for image in photos}  # one upload per distinct photo
        urls: dict[int, str] = {}
        recorded = {key: self.record.media[key] for key in keys if key in self.record.media}
        if recorded:
            found = {
                self._id_of(item, "media"): item
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
                key = slugs.get(str(item.get("slug", "")))
                if key is not None:  # uploaded by an interrupted publish
                    media_id = self._id_of(item, "media")
                    self.record.media[key] = media_id
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
                media_id = self._id_of(item, "media")
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

    def _id_of(self, item: Any, what: str) -> int:
        value = item.get("id") if isinstance(item, dict) else None
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise PublishError(
                f"{self.site} answered without the id of the {what}",
                code="publish.not_wordpress",
                url=self.site,
                reason=f"no {what} id",
            )
        return value

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

    # --- terms -------------------------------------------------------------------------------

    def _tag_ids(self) -> list[int]:
        """Each tag's id, the tag created when the site lacks it."""
        ids = []
        for name in dict.fromkeys(t.strip() for t in self.article.tags if t.strip()):
            response = self.client.request(
                "POST", "wp/v2/tags", data={"name": name}, accept=(400, 500)
            )
            answer = response.json()
            if response.status in (200, 201) and isinstance(answer, dict) and "id" in answer:
                ids.append(int(answer["id"]))
                continue
            data = answer.get("data") if isinstance(answer, dict) else None
            if isinstance(answer, dict) and answer.get("code") == "term_exists" and data:
                term_id = data.get("term_id") if isinstance(data, dict) else None
                if isinstance(term_id, int):
                    ids.append(term_id)
                    continue
            raise self.client.error_for(response, "wp/v2/tags")
        return ids

    def _category_ids(self, names: tuple[str, ...]) -> list[int]:
        """The ids of the chosen categories; a name the site does not have is refused."""
        ids = []
        for name in names:
            wanted = name.strip().casefold()
            found = self.client.json(
                "GET", "wp/v2/categories", params={"search": name.strip(), "per_page": 100}
            )
            match = next(
                (
                    int(item["id"])
                    for item in (found if isinstance(found, list) else [])
                    if isinstance(item, dict)
                    and unescape(str(item.get("name", ""))).casefold() == wanted
                ),
                None,
            )
            if match is None:
                raise PublishError(
                    f"{self.site} has no category {name!r}",
                    code="publish.unknown_category",
                    category=name,
                )
            ids.append(match)
        return ids


def publish_article(
    article: Article,
    client: WordPressClient,
    options: PublishOptions,
    *,
    keep: Callable[[SiteRecord], None],
    progress: Progress | None = None,
) -> PublishResult:
    """Publish `article` through `client`; see the module docstring for the steps."""
    return Publisher(article, client, keep=keep, progress=progress).run(options)
