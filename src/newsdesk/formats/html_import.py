"""Web-page import: a saved page (`story.html` with its `story_files/` folder) into an article.

Only the article's own content comes in, not the site around it:

- the content root is the `<article>` holding the page's `h1` (or the longest one), else `<main>`,
  else the body; navigation, footers, asides, share and comment boxes inside it are left out;
- headline, description, author, date and tags come from the page's JSON-LD `NewsArticle`, then
  its Open Graph and meta tags, then its `h1` and `<title>`;
- photos: a file in the saved folder beside the page (or a `data:` image) becomes a photo, checked
  like every photo; a remote or unreadable picture becomes a missing-photo entry with its alt
  text, caption and credit (the check lists it), and the result says how many; tracking pixels
  (1x1, "pixel", "beacon") are dropped;
- scripts, styles, forms, comments, frames and embedded objects never enter (html_import_tree).

A page Newsdesk exported itself (html_import_own) is read back into the same article.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from newsdesk.errors import ImageError, ImportFormatError
from newsdesk.formats.html_import_article import AssemblyRules, assemble
from newsdesk.formats.html_import_markdown import MarkdownConverter
from newsdesk.formats.html_import_own import is_own_export, read_own_export
from newsdesk.formats.html_import_tree import Element, ParsedPage, parse_html
from newsdesk.formats.import_notes import ImportResult, plural
from newsdesk.formats.language import detect_language
from newsdesk.imaging import MAX_IMAGE_BYTES, inspect_image
from newsdesk.model.article import Article, Image
from newsdesk.model.counts import plain_text

__all__ = ["MAX_HTML_BYTES", "PageImages", "decode_html", "import_html"]

# A saved news page with its inline scripts and styles is 1-3 MB; 20 MB is far beyond any.
MAX_HTML_BYTES = 20 * 1024 * 1024
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_LEFT_OUT = re.compile(
    r"(?:^|[-_ ])(?:share|sharing|social|newsletter|comments?|advert|ads?|promo|cookie|paywall|"
    r"related|recommend\w*|teaser|breadcrumbs?|subscribe|banner|sidebar)(?:$|[-_ ])",
    re.IGNORECASE,
)
_PIXEL = re.compile(r"pixel|beacon|track|spacer|blank\.gif", re.IGNORECASE)


def decode_html(data: bytes, name: str) -> str:
    """The page's text: its BOM, its `<meta charset>`, UTF-8, else Windows-1252."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFormatError(
            f"{name} is not a web page (it holds binary data)", code="import.html_binary", name=name
        )
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared[1].decode("ascii"), "replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


class PageImages:
    """The page's pictures, each becoming an Image: a photo when it can be had, else missing."""

    def __init__(self, base_dir: Path | None) -> None:
        self.base_dir = base_dir.resolve() if base_dir is not None else None
        self.images: dict[str, Image] = {}
        self.missing = 0

    def on_image(self, img: Element, figcaption: Element | None) -> str | None:
        src = img.attrs.get("src", "").strip()
        if _is_pixel(img, src):
            return None
        image = Image(alt=" ".join(img.attrs.get("alt", "").split()))
        if img.attrs.get("data-image-id"):
            image.id = img.attrs["data-image-id"]
        if figcaption is not None:
            _read_figcaption(figcaption, image)
        data = self._bytes(src)
        if data is not None:
            try:
                info = inspect_image(data)
            except ImageError:
                data = None
            else:
                image.data, image.width, image.height = data, info.width, info.height
                image.filename = (
                    Path(urlsplit(src).path).name if not src.startswith("data:") else ""
                )
        if data is None:
            self.missing += 1
        self.images[image.id] = image
        return image.id

    def add_missing(self, image: Image) -> str:
        self.missing += 1
        self.images[image.id] = image
        return image.id

    def _bytes(self, src: str) -> bytes | None:
        if src.startswith("data:"):
            header, _, payload = src.partition(",")
            if ";base64" not in header or len(payload) > MAX_IMAGE_BYTES * 4 // 3 + 4:
                return None
            try:
                return base64.b64decode(payload, validate=False)
            except (binascii.Error, ValueError):
                return None
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path or self.base_dir is None:
            return None  # remote: cannot be had offline
        path = (self.base_dir / unquote(parts.path).lstrip("/")).resolve()
        if not path.is_relative_to(self.base_dir) or not path.is_file():
            return None  # only the page's own folder, never a path that climbs out of it
        try:
            if path.stat().st_size > MAX_IMAGE_BYTES:
                return None
            return path.read_bytes()
        except OSError:
            return None


def _is_pixel(img: Element, src: str) -> bool:
    sizes = [img.attrs.get("width", ""), img.attrs.get("height", "")]
    tiny = any(
        size.strip().rstrip("px").isdigit() and int(size.strip().rstrip("px")) <= 2
        for size in sizes
    )
    return not src or tiny or bool(_PIXEL.search(src.rsplit("/", 1)[-1]))


def _read_figcaption(figcaption: Element, image: Image) -> None:
    """Caption and credit from a figcaption: marked parts ("credit", "copyright"), else its text."""
    rest: list[str] = []
    for child in figcaption.children:
        if isinstance(child, str):
            rest.append(child)
            continue
        classes = " ".join(child.classes()).lower()
        if "credit" in classes or "author" in classes or "source" in classes:
            image.credit = child.text()
        elif "copyright" in classes:
            image.copyright = child.text()
        else:
            rest.append(child.text())
    image.caption = " ".join(" ".join(rest).split())


def _json_ld_article(page: ParsedPage) -> dict:
    """The page's NewsArticle (or Article, BlogPosting) JSON-LD object, or {}."""
    for text in page.json_ld:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        candidates = data if isinstance(data, list) else [data]
        if isinstance(data, dict) and isinstance(data.get("@graph"), list):
            candidates = data["@graph"]
        for item in candidates[:50]:
            kind = item.get("@type") if isinstance(item, dict) else None
            kinds = kind if isinstance(kind, list) else [kind]
            if any(
                k in ("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle")
                for k in kinds
                if isinstance(k, str)
            ):
                return item
    return {}


def _name(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return str(value.get("name", ""))
    if isinstance(value, list):
        return ", ".join(n for n in (_name(v) for v in value[:10]) if n)
    return ""


def _content_root(root: Element) -> Element:
    articles = root.find_all("article")
    with_h1 = [a for a in articles if a.find("h1") is not None]
    if with_h1 or articles:
        return max(with_h1 or articles, key=lambda a: len(a.text()))
    return root.find("main") or root.find("body") or root


def _leave_out_furniture(root: Element) -> None:
    for element in list(root.iter()):
        if element is root:
            continue
        marks = element.attrs.get("class", "") + " " + element.attrs.get("id", "")
        role = element.attrs.get("role", "")
        if (
            element.tag in ("nav", "footer", "aside")
            or role in ("navigation", "complementary", "banner", "contentinfo")
            or _LEFT_OUT.search(marks)
        ):
            element.remove()


def import_html(data: bytes, base_dir: Path | None = None, name: str = "the page") -> ImportResult:
    """Import a web page's bytes; pictures are read from `base_dir` (the page's folder)."""
    if len(data) > MAX_HTML_BYTES:
        raise ImportFormatError(
            f"{name} is larger than {MAX_HTML_BYTES // (1024 * 1024)} MB; that is no article",
            code="import.too_large",
            name=name,
            limit_mb=MAX_HTML_BYTES // (1024 * 1024),
        )
    page = parse_html(decode_html(data, name))
    images = PageImages(base_dir)
    own = is_own_export(page)
    article = read_own_export(page, images) if own else _read_page(page, images)
    if not article.headline and not any(
        plain_text(s.markdown).strip() for s in article.walk_sections()
    ):
        raise ImportFormatError(
            f"{name} holds no article text", code="import.html_empty", name=name
        )
    article.language = article.language or detect_language(
        "\n".join([article.headline] + [plain_text(s.markdown) for s in article.walk_sections()])
    )
    result = ImportResult(article)
    if images.missing:
        result.note(
            "import.photos_missing",
            plural(images.missing, "photo", "photos")
            + " could not be had offline (remote, missing or not a photo) and must be added again",
            count=images.missing,
        )
    return result


def _read_page(page: ParsedPage, images: PageImages) -> Article:
    meta, ld = page.meta, _json_ld_article(page)
    root = _content_root(page.root)
    _leave_out_furniture(root)
    headline = _name(ld.get("headline")) or meta.get("og:title", "")
    h1 = root.find("h1")
    if h1 is not None and (
        not headline or " ".join(h1.text().split()) == " ".join(headline.split())
    ):
        headline = h1.text()
        h1.remove()
    headline = headline or page.title
    converter = MarkdownConverter(images.on_image)
    blocks = converter.blocks(root)
    rules = AssemblyRules(first_h1_is_headline=False)
    article, _ = assemble(blocks, converter, images.images, rules)
    article.headline = " ".join(headline.split())
    html = page.root.find("html")
    article.language = (html.attrs.get("lang", "") if html is not None else "").strip()[:35]
    article.description = " ".join(
        (
            _name(ld.get("description"))
            or meta.get("og:description")
            or meta.get("description", "")
        ).split()
    )
    article.byline = _name(ld.get("author")) or meta.get("author", "")
    article.published = _name(ld.get("datePublished")) or meta.get("article:published_time", "")
    keywords = ld.get("keywords") or meta.get("keywords", "")
    if isinstance(keywords, str):
        keywords = [k for k in keywords.split(",")]
    article.tags = (
        [" ".join(str(k).split()) for k in keywords[:30] if str(k).strip()]
        if isinstance(keywords, list)
        else []
    )
    if article.lead_image is None:
        picture = meta.get("og:image") or _name(ld.get("image")) or ""
        if picture:
            lead = Image(role="lead", alt=meta.get("og:image:alt", ""))
            images.add_missing(lead)
            article.images.insert(0, lead)
    return article
