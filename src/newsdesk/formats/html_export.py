"""HTML export: the article as one finished, semantic, safe web page.

    render_page(article, assets="embed"|"folder"|"preview")  -> RenderedPage (text + asset files)
    export_html(article, out_path, assets="embed"|"folder")   -> ExportResult (what was written)

The page is built from escaped fields and the sanitised Markdown dialect into the string.Template
`resources/templates/page.html`, with the stylesheet `resources/templates/article.css` inline, so
that one file is the whole page. The preview renders the same page with `assets="preview"`:
identical markup and text, only the image URLs differ (one medium size per image, linked under
`preview-images/` and handed back in RenderedPage.assets for the preview to serve).

Writing is atomic: each file goes to a temporary file in the target folder, is flushed to disk and
then renamed over the target, so a full disk or a crash leaves the previous export intact and no
half-written page. In folder mode the images are written before the page that references them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template
from urllib.parse import urljoin

from newsdesk import resource_path
from newsdesk.derived_cache import DerivedCache
from newsdesk.errors import ExportError
from newsdesk.formats.html_body import render_body
from newsdesk.formats.html_figures import (
    ASSET_MODES,
    MISSING_IMAGE_MODES,
    PREVIEW_ASSET_DIR,
    Asset,
    FigureRenderer,
    SkippedImage,
)
from newsdesk.formats.html_head import page_description, render_head
from newsdesk.formats.html_labels import html_lang, labels_for
from newsdesk.formats.jsonld import article_json_ld, image_object
from newsdesk.formats.kept_render import KeptRenderCache
from newsdesk.formats.output_files import os_error_code
from newsdesk.formats.render_cache import RenderCache, remove_not_in_html
from newsdesk.formats.safe_write import describe_os_error, write_atomic
from newsdesk.formats.slug import effective_slug
from newsdesk.formats.typography import typeset_html
from newsdesk.house_layouts import Layout, page_stylesheet
from newsdesk.model.article import Article, Image
from newsdesk.model.last_change import last_change
from newsdesk.publication import PublicationProfile, missing_social_data, page_article

__all__ = [
    "Asset",
    "ExportResult",
    "RenderedPage",
    "SkippedImage",
    "WrittenFile",
    "export_html",
    "render_page",
]

# Names of the image files the folder export writes (digest prefix, width); only files of exactly
# this shape are ever removed from an asset folder, so nothing of the user's is touched.
_ASSET_NAME = re.compile(r"^[0-9a-f]{16}-\d{1,5}\.(?:jpg|png)$")


@dataclass(frozen=True)
class RenderedPage:
    html: str
    assets: tuple[Asset, ...]  # files for the asset folder (folder mode), or to serve (preview)
    asset_dir_name: str
    skipped_images: tuple[SkippedImage, ...]  # images the page could not show
    # What social networks and search engines will lack (no publication profile, ...).
    missing_social_data: tuple[str, ...] = ()


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    size: int


@dataclass(frozen=True)
class ExportResult:
    page: WrittenFile
    assets: tuple[WrittenFile, ...]
    skipped_images: tuple[SkippedImage, ...]

    @property
    def paths(self) -> list[Path]:
        return [self.page.path, *(f.path for f in self.assets)]

    @property
    def total_bytes(self) -> int:
        return self.page.size + sum(f.size for f in self.assets)


def render_page(
    article: Article,
    *,
    assets: str = "embed",
    cache: DerivedCache | None = None,
    asset_dir_name: str | None = None,
    missing_images: str = "omit",
    render_cache: RenderCache | None = None,
    photo_credits: bool = False,
    web_statement: str = "",
    profile: PublicationProfile | None = None,
    modified: str | None = None,
    show_notes: bool = False,
    layout: Layout | None = None,
    photo_ready: Callable[[Image], bool | None] | None = None,
) -> RenderedPage:
    """The complete HTML page for the article.

    With a publication `profile` the page names its canonical address (the profile's base URL
    plus the slug), its site and publisher, and (folder mode) gives absolute image addresses;
    an article without a language of its own is in the profile's default language.
    `modified` (ISO 8601) becomes dateModified; by default the article's last change as the
    store recorded it (model/last_change.py), none when it recorded none.

    `missing_images="placeholder"` shows a marked empty frame with the caption where a photo has no
    bytes yet (useful in the preview); the default leaves such figures out, as a reader should see.
    `render_cache` (the preview keeps one) skips rendering and counting section text that has not
    changed since an earlier page; the page is the same with or without it.
    `asset_dir_name` is where the page links its images: "images" by default, "preview-images"
    in preview mode (RenderedPage.assets then holds the bytes, named as the page links them).
    `photo_credits` writes each photo's credit into its files as IPTC metadata
    (formats.photo_credits), with the publication's `web_statement` of rights where it has one.
    `show_notes` shows private editor's notes, highlighted: the window's preview on request only,
    never a page that leaves Newsdesk.
    `layout` is the house layout layered on the base stylesheet (house_layouts; None: Standard).
    `photo_ready(image)` False: the photo's sizes are being made elsewhere (the preview's worker
    thread), so its figure is a "being prepared" frame for now; None: they could not be made (a
    missing-photo frame, as `missing_images="placeholder"` shows one).
    """
    if assets not in ASSET_MODES:
        raise ExportError(
            f"unknown asset mode {assets!r}; use one of {', '.join(ASSET_MODES)}",
            code="export.asset_mode",
            mode=assets,
        )
    if missing_images not in MISSING_IMAGE_MODES:
        raise ExportError(
            f"unknown missing-image mode {missing_images!r}",
            code="export.missing_image_mode",
            mode=missing_images,
        )
    if asset_dir_name is None:
        asset_dir_name = PREVIEW_ASSET_DIR if assets == "preview" else "images"
    article = page_article(article, profile)
    if modified is None:
        modified = last_change(article)
    labels = labels_for(article.language)
    figures = FigureRenderer(
        article.images,
        labels,
        assets=assets,
        cache=cache,
        asset_dir_name=asset_dir_name,
        missing_images=missing_images,
        photo_credits=photo_credits,
        web_statement=web_statement,
        photo_ready=photo_ready,
    )
    # First: the body decides which images are shown.
    # No-break spaces in dates, before units and after ©, in all the page's text (issue 15).
    body = typeset_html(render_body(article, labels, figures, render_cache, show_notes=show_notes))
    description = page_description(article)
    page_url = profile.page_url(effective_slug(article)) if profile is not None else None

    def crawlable(url: str | None) -> str | None:
        """An image address a crawler can fetch: absolute beside the page, else none (the
        preview keeps its relative ones: its social card tab reads them)."""
        if url is None or assets == "preview":
            return url
        return urljoin(page_url, url) if page_url else None

    image_objects = []
    for image in figures.shown:
        placed = figures.place(image)
        # Embedded pages do not repeat the image bytes in the JSON-LD; the folder export links them.
        if placed is not None and assets == "folder":
            largest = placed.variants[-1]
            url = crawlable(placed.urls[-1])
            image_objects.append(image_object(image, url, largest.width, largest.height, labels))
        else:
            image_objects.append(image_object(image, None, 0, 0, labels))
    og_image = next(
        (placed for image in figures.shown if (placed := figures.place(image)) is not None), None
    )
    json_ld = article_json_ld(
        article,
        description=description,
        images=image_objects,
        profile=profile,
        page_url=page_url,
        modified=modified,
    )
    head = render_head(
        article,
        labels,
        description=description,
        og_image=og_image,
        og_image_url=crawlable(og_image.og_url) if og_image is not None else None,
        json_ld=json_ld,
        profile=profile,
        page_url=page_url,
        modified=modified,
    )
    html = _page_template().substitute(
        lang=html_lang(article.language), head=head, css=page_stylesheet(layout), body=body
    )
    html = remove_not_in_html(html)  # the JSON-LD has them escaped; in the page they are noise
    html = figures.fill_embedded(html)
    return RenderedPage(
        html=html,
        assets=tuple(figures.assets.values()),
        asset_dir_name=asset_dir_name,
        skipped_images=tuple(figures.skipped.values()),
        missing_social_data=tuple(missing_social_data(profile, page_url)),
    )


@lru_cache(maxsize=1)
def _page_template() -> Template:
    return Template(resource_path("templates", "page.html").read_text(encoding="utf-8"))


def asset_dir_for(out_path: Path) -> str:
    """The folder next to OUT.html that holds its images: OUT_files, as browsers name it."""
    return f"{out_path.stem}_files"


def export_html(
    article: Article,
    out_path: Path,
    *,
    assets: str = "embed",
    cache: DerivedCache | None = None,
    missing_images: str = "omit",
    photo_credits: bool = True,
    web_statement: str = "",
    profile: PublicationProfile | None = None,
    modified: str | None = None,
    layout: Layout | None = None,
) -> ExportResult:
    """Write the page (and in folder mode its images) atomically; ExportError on any failure.

    The photos carry their credit as IPTC metadata unless `photo_credits` is False. `profile`,
    `modified` and `layout` as for render_page. No asset folder is made for a page without
    images."""
    out_path = Path(out_path)
    if assets not in ("embed", "folder"):
        raise ExportError(
            f"unknown asset mode {assets!r}; use embed or folder",
            code="export.asset_mode",
            mode=assets,
        )
    if not out_path.parent.is_dir():
        raise ExportError(
            f"the folder {out_path.parent} does not exist",
            code="export.no_folder",
            folder=str(out_path.parent),
        )
    if out_path.is_dir():
        raise ExportError(
            f"{out_path} is a folder, not a file name for the page",
            code="export.is_folder",
            path=str(out_path),
        )
    # Beside the photo sizes, the converted text is kept: the next export of the file is warm.
    kept_render = KeptRenderCache(cache, article) if cache is not None else None
    page = render_page(
        article,
        assets=assets,
        cache=cache,
        render_cache=kept_render,
        asset_dir_name=asset_dir_for(out_path),
        missing_images=missing_images,
        photo_credits=photo_credits,
        web_statement=web_statement,
        profile=profile,
        modified=modified,
        layout=layout,
    )
    try:
        data = page.html.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, e.g. from a broken paste: no UTF-8 for it
        raise ExportError(
            "the article contains a broken character that cannot be written; retype the text "
            "around it",
            code="export.broken_character",
        ) from None
    folder = out_path.parent / page.asset_dir_name
    added: list[Path] = []  # what this export created, removed again if it fails
    written_assets: tuple[WrittenFile, ...] = ()
    try:
        if assets == "folder" and page.assets:
            if not folder.exists():
                folder.mkdir()
                added.append(folder)
            written_assets = _write_assets(folder, page.assets, added)
        write_atomic(out_path, data)
    except OSError as exc:
        _remove_added(added)
        raise ExportError(
            describe_os_error(exc, out_path), code=os_error_code(exc), path=str(out_path)
        ) from exc
    if assets == "folder":
        _remove_stale_assets(folder, page.assets)
    if kept_render is not None:
        kept_render.keep()
    return ExportResult(WrittenFile(out_path, len(data)), written_assets, page.skipped_images)


def _write_assets(
    folder: Path, files: tuple[Asset, ...], added: list[Path]
) -> tuple[WrittenFile, ...]:
    """Write the images before the page; files that did not exist yet are noted in `added`."""
    written = []
    for asset in files:
        target = folder / asset.name
        existed = target.exists()
        write_atomic(target, asset.data)
        if not existed:
            added.append(target)
        written.append(WrittenFile(target, len(asset.data)))
    return tuple(written)


def _remove_added(added: list[Path]) -> None:
    """Undo a failed export: new files first, then the asset folder if this export made it."""
    for path in reversed(added):
        with suppress(OSError):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink()


def _remove_stale_assets(folder: Path, keep: tuple[Asset, ...]) -> None:
    """Drop our own images of an earlier export (a replaced photo must not stay publishable)."""
    names = {asset.name for asset in keep}
    with suppress(OSError):
        for path in folder.iterdir():
            if _ASSET_NAME.match(path.name) and path.name not in names:
                with suppress(OSError):
                    path.unlink()
