"""One publish (or republish) of an article to a WordPress site, step by step and resumable.

1. The site is checked: WordPress's REST API, the user and the password (`users/me`).
2. The post: the one recorded for this site, if any (gone or in the trash: PostGoneError; changed
   on the site since our last publish, by `modified_gmt`: PublishConflictError unless the user
   said to overwrite). Otherwise a draft is created whose slug carries the record's marker, and
   its id is recorded at once.
3. The photos (the lead photo and those placed in the text), each keyed by its original's digest
   and its adjustment: those recorded and still in the media library are reused, those an
   interrupted run uploaded are found by their marker slug, the rest are uploaded (media.py).
4. Tags (created when missing) and categories (chosen from the site's) become ids.
5. The post is written: title, blocks, excerpt, slug, tags, categories, featured image, date,
   status; its `modified_gmt` is recorded for the next conflict check.

`keep(record)` is called after each step that created something on the site, so that the caller
writes the record to the project file before the next step: killed at any point, the next run
finds what exists and duplicates nothing. The article's content is never changed.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from newsdesk.errors import PostGoneError, PublishConflictError, PublishError
from newsdesk.formats.slug import effective_slug
from newsdesk.model.article import Article
from newsdesk.publish.article_blocks import article_template, fill_photos
from newsdesk.publish.media import MediaLibrary, Progress, photo_key, published_photos
from newsdesk.publish.records import SiteRecord, new_marker, site_record
from newsdesk.publish.terms import category_ids, tag_ids
from newsdesk.publish.wordpress import WordPressClient, id_of, site_key

STATUSES = ("draft", "pending", "publish", "future")
# What Newsdesk reads of a post: asking for these alone spares the server rendering the content
# for the answer (a 100,000-word post takes it a second).
POST_FIELDS = "id,status,link,modified_gmt,meta"


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


@dataclass(frozen=True)
class PublishPreview:
    """What a publish will send, for the window's dialog to show before anything is sent."""

    title: str
    slug: str
    excerpt: str
    tags: tuple[str, ...]
    date_gmt: str | None  # None: the site's own time of publishing
    photos: int  # distinct photos the post shows
    photos_on_site: int  # of those, already in the site's media library (as far as recorded)
    post_id: int  # the post a republish updates; 0 for a new post
    link: str


def preview(article: Article, site_url: str) -> PublishPreview:
    """What publishing `article` to `site_url` sends, from the article and its record alone
    (no network: the site may hold less than recorded, which the publish finds out)."""
    record = site_record(article, site_key(site_url))
    keys = {photo_key(image) for image in published_photos(article)}
    return PublishPreview(
        title=article.headline,
        slug=effective_slug(article),
        excerpt=article.description,
        tags=tuple(dict.fromkeys(t.strip() for t in article.tags if t.strip())),
        date_gmt=date_gmt(article.published),
        photos=len(keys),
        photos_on_site=len(keys & record.media.keys()),
        post_id=record.post_id,
        link=record.link,
    )


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
        # The content is rendered (the slow part of a republish: a second for 100,000 words)
        # while the site is asked about the user, the post and the photos; only the photos'
        # places wait for their ids. A failure does not wait for the rendering to end.
        writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsdesk-blocks")
        try:
            template = writer.submit(article_template, self.article)
            return self._run(options, template)
        finally:
            writer.shutdown(wait=False, cancel_futures=True)

    def _run(self, options: PublishOptions, template: Future[str]) -> PublishResult:
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
        library = MediaLibrary(
            self.client, self.record, site=self.site, keep=self.keep, progress=self.progress
        )
        media, uploaded = library.place(photos)
        content = fill_photos(template.result(), self.article, media)
        tags = tag_ids(self.client, self.article.tags)
        categories = category_ids(self.client, options.categories, self.site)
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
        meta = post.get("meta")
        if not isinstance(meta, dict):
            meta = {}
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
        record.post_id = id_of(post, "post", self.site)
        self.keep(record)
        return post


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
