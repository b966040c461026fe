"""Markdown with YAML front matter: the article for static sites and Markdown editors.

    ---
    title: Headline                 every metadata field (subtitle, kicker, author, dateline,
    subtitle: ...                   date, lang, slug, description, tags) and, under `images`,
    ...                             each photo's file, caption, alt text, credit and copyright
    ---
    # Headline
    ![Alt text](OUT_files/1a2b....jpg "Caption")
    << photo by NAME >>
    Notice line of a symbol image
    Lead paragraphs ...
    ## Section heading               (### for nested sections)
    ... the section's Markdown: tables, footnotes, inline photos where they stand ...
    ## Related heading
    - [Title](https://...)

This is the shape `newsdesk import` reads back (formats.markdown_import): importing the file gives
the same article for every part Markdown carries — metadata, top-level sections (heading,
opinion kind by its prefix, text), the photos' alt text, caption, credit and notice, and the
related links. Private notes never leave the project file. The photos are written beside the file
as their largest web size (as the reader sees them: turned and cropped, without camera or GPS
data, carrying their credit as IPTC metadata unless `photo_credits` is off).

`article_markdown` returns the text and the photo files (Edit > Copy Article uses the text alone,
`with_photos=False`); `export_markdown` writes them, photos first, each file atomically.
"""

from __future__ import annotations

import json
import re
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from newsdesk.derived_cache import DerivedCache
from newsdesk.errors import ExportError, ImageError, PhotoUnavailableError
from newsdesk.formats.export_parts import public_field, public_markdown
from newsdesk.formats.html_figures import web_sizes
from newsdesk.formats.html_labels import labels_for
from newsdesk.formats.markdown_blocks import allowed_href, clean_href
from newsdesk.formats.output_files import check_target, os_error_code, write_output
from newsdesk.formats.photo_credits import credits_for, with_credits
from newsdesk.formats.photo_sizes import LARGEST, PhotoSizes
from newsdesk.formats.safe_write import describe_os_error, write_atomic
from newsdesk.formats.text_import import opinion_heading_line
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.markdown_text import IMAGE_REFERENCE_LINE

_FRONT_MATTER = (
    ("title", "headline"),
    ("subtitle", "subheadline"),
    ("kicker", "kicker"),
    ("author", "byline"),
    ("dateline", "dateline"),
    ("date", "published"),
    ("lang", "language"),
    ("slug", "slug"),
    ("description", "description"),
)
# What a plain YAML scalar may hold: no indicator at its start, no ": " or " #" inside, no
# quotes or spaces at its ends; anything else is written double-quoted (JSON escapes are YAML's).
_PLAIN = re.compile(r"^(?![-?:,\[\]{}#&*!|>'\"%@`\s])(?!.*(?::\s|\s#|:$))[^\"'\n]*(?<!\s)$")
# What YAML allows in a file (its "printable" set); anything else must be an escape.
_NOT_YAML_PRINTABLE = re.compile(
    # (NEL and the Unicode line separators are allowed but read as line breaks: escaped too)
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# Section bodies may hold `#`/`##` (shown as subheadings): in the file they must not start a
# section, so they are written as `###`, which renders the same.
_TOP_HEADING = re.compile(r"^#{1,2}(?=[ \t])", re.M)


@dataclass(frozen=True)
class PhotoFile:
    name: str  # inside the photo folder
    data: bytes


@dataclass(frozen=True)
class MarkdownDocument:
    text: str
    photos: tuple[PhotoFile, ...]
    photo_dir: str


def yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar that reads back as this very string: plain where YAML allows,
    else double-quoted with escapes (JSON's escapes are YAML's, and every character YAML does not
    allow in a file is written as one)."""
    if value and value.isprintable() and _PLAIN.match(value) and _reads_as_text(value):
        return value
    return _quoted(value)


def _reads_as_text(plain: str) -> bool:
    """Whether a reader (PyYAML's safe loader, as the Markdown import uses) takes the plain scalar
    for text: not for a number, a date, a boolean, null or another of YAML 1.1's implicit types,
    some of which the safe loader refuses outright ("=", hypothesis found; "<<")."""
    import yaml  # at the first export to Markdown

    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, plain, (True, False))
    return tag == "tag:yaml.org,2002:str"


def _quoted(value: str) -> str:
    return _NOT_YAML_PRINTABLE.sub(
        lambda m: f"\\u{ord(m[0]):04x}" if ord(m[0]) <= 0xFFFF else f"\\U{ord(m[0]):08x}",
        json.dumps(value, ensure_ascii=False),
    )


def _escape_inline(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<])", r"\\\1", " ".join(text.split()))


def _title_attribute(text: str) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if '"' not in text else f"'{text}'" if "'" not in text else ""


class _Photos:
    """The photo files of one document, each photo made once."""

    def __init__(
        self,
        photo_dir: str,
        *,
        with_photos: bool,
        photo_credits: bool,
        web_statement: str,
        cache: DerivedCache | None,
        images: list[Image],
    ) -> None:
        # All photos are made at once, on every core (formats.photo_sizes).
        self.sizes = PhotoSizes(images, LARGEST, cache) if with_photos else None
        self.photo_dir = photo_dir
        self.with_photos = with_photos
        self.photo_credits = photo_credits
        self.web_statement = web_statement
        self.cache = cache
        self.files: dict[str, PhotoFile] = {}
        self.names: dict[str, str | None] = {}

    def file_name(self, image: Image) -> str | None:
        """The photo's file name in the folder, or None when it has no readable photo."""
        if image.id in self.names:
            return self.names[image.id]
        name = None
        if image.has_photo:
            stem = f"{(image.digest or '')[:16]}-{image.rotation}{image.crop.replace(':', 'x')}"
            if not self.with_photos:
                name = f"{stem}.jpg"
            else:
                with suppress(ImageError, PhotoUnavailableError, ValueError):
                    made = self.sizes.take(image.id) if self.sizes is not None else None
                    if isinstance(made, Exception):
                        raise made
                    largest = (made or web_sizes(image, LARGEST, self.cache))[-1]
                    data = largest.data
                    if self.photo_credits:
                        credits = credits_for(image, web_statement=self.web_statement)
                        data = with_credits(data, largest.media_type, credits)
                    name = f"{stem}.{largest.extension}"
                    self.files[name] = PhotoFile(name, data)
        self.names[image.id] = name
        return name

    def lines(self, image: Image) -> list[str]:
        """The image, its credit marker and its notice: the lines the importer reads back."""
        lines = []
        name = self.file_name(image)
        if name is not None:
            title = _title_attribute(public_field(image.caption))
            target = quote(f"{self.photo_dir}/{name}")
            alt = _escape_inline(public_field(image.alt))
            lines.append(f"![{alt}]({target}{' ' + title if title else ''})")
        credit = " ".join(public_field(image.credit).split())
        # The notice is Markdown already (as the importers store it) and follows the marker.
        notice = " ".join(public_field(image.disclaimer).split()) if image.symbolic else ""
        if credit or notice or name is None:
            lines.append(f"<< photo by {credit} >>" if credit else "<< photo >>")
            lines += [notice] if notice else []
        return lines


def _front_matter(article: Article, photos: _Photos) -> list[str]:
    lines = ["---"]
    for key, name in _FRONT_MATTER:
        value = " ".join(str(getattr(article, name)).split())
        if value or key == "subtitle":  # an empty subtitle says there is none
            lines.append(f"{key}: {yaml_scalar(value)}")
    related = _related_heading(article)
    if related:
        lines.append(f"related: {yaml_scalar(related)}")  # names the closing section
    if article.tags:
        lines.append("tags:")
        lines += [f"  - {yaml_scalar(' '.join(tag.split()))}" for tag in article.tags]
    described = [image for image in article.images if image.has_photo or image.credit]
    if described:
        lines.append("images:")
        for image in described:
            photo_file = photos.file_name(image)
            entries = [
                ("file", f"{photos.photo_dir}/{photo_file}" if photo_file else ""),
                ("role", image.role),
                ("caption", public_field(image.caption)),
                ("alt", public_field(image.alt)),
                ("credit", public_field(image.credit)),
                ("copyright", public_field(image.copyright)),
                ("notice", public_field(image.disclaimer) if image.symbolic else ""),
            ]
            entries = [(key, " ".join(value.split())) for key, value in entries]
            entries = [(key, value) for key, value in entries if value]
            for n, (key, value) in enumerate(entries):
                lines.append(f"{'  - ' if n == 0 else '    '}{key}: {yaml_scalar(value)}")
    lines.append("---")
    return lines


def _section_lines(
    section: Section,
    depth: int,
    images: dict[str, Image],
    photos: _Photos,
    opinion_label: str = "",
):
    lines: list[str] = []
    heading = " ".join(section.heading.split())
    if depth == 0:
        # "## Kommentar: ...": the label travels in the heading, as the importer reads it.
        heading = " ".join(opinion_heading_line(section, opinion_label).split())
    if heading:
        lines += ["#" * min(depth + 2, 6) + " " + _escape_inline(heading), ""]
    body = _TOP_HEADING.sub("###", public_markdown(section.markdown))
    for line in body.split("\n"):
        reference = IMAGE_REFERENCE_LINE.fullmatch(line)
        image = images.get(reference.group(1)) if reference else None
        if reference and image is not None:
            lines += photos.lines(image)
        elif not reference:
            lines.append(line)
    if body.strip():
        lines.append("")
    for child in section.children:
        lines += _section_lines(child, depth + 1, images, photos, opinion_label)
    return lines


def _related_links(article: Article) -> list:
    return [link for link in article.related.links if link.title.strip() or link.url.strip()]


def _related_heading(article: Article) -> str:
    if not _related_links(article):
        return ""
    return " ".join(article.related.heading.split()) or labels_for(article.language).related


def _related_lines(article: Article) -> list[str]:
    links = _related_links(article)
    if not links:
        return []
    lines = [f"## {_escape_inline(_related_heading(article))}", ""]
    for link in links:
        url = link.url.strip()
        url = clean_href(url) if url and allowed_href(url) else ""  # as the page: no javascript:
        title = _escape_inline(link.title) or url
        lines.append(f"- [{title}]({url})" if url else f"- {title}")
    return [*lines, ""]


def article_markdown(
    article: Article,
    *,
    photo_dir: str = "images",
    with_photos: bool = True,
    photo_credits: bool = True,
    web_statement: str = "",
    cache: DerivedCache | None = None,
) -> MarkdownDocument:
    """The article as Markdown with front matter, and its photo files (see the module docstring)."""
    photos = _Photos(
        photo_dir,
        with_photos=with_photos,
        photo_credits=photo_credits,
        web_statement=web_statement,
        cache=cache,
        images=article.images,
    )
    images = {image.id: image for image in article.images}
    lines = _front_matter(article, photos)
    headline = " ".join(article.headline.split())
    lines += ["", f"# {_escape_inline(headline or labels_for(article.language).untitled)}", ""]
    lead = article.lead_image
    if lead is not None:
        lines += [*photos.lines(lead), ""]
    for section in article.sections:
        lines += _section_lines(section, 0, images, photos, labels_for(article.language).opinion)
    lines += _related_lines(article)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
    return MarkdownDocument(text, tuple(photos.files.values()), photo_dir)


def photo_dir_for(out_path: Path) -> str:
    return f"{out_path.stem}_files"


def export_markdown(
    article: Article,
    out_path: Path,
    *,
    photo_credits: bool = True,
    web_statement: str = "",
    cache: DerivedCache | None = None,
) -> MarkdownDocument:
    """Write OUT.md and its photos in OUT_files/ (photos first); ExportError on any failure."""
    out_path = Path(out_path)
    check_target(out_path)
    document = article_markdown(
        article,
        photo_dir=photo_dir_for(out_path),
        photo_credits=photo_credits,
        web_statement=web_statement,
        cache=cache,
    )
    folder = out_path.parent / document.photo_dir
    made_folder = False
    written: list[Path] = []
    try:
        if document.photos and not folder.is_dir():
            folder.mkdir()
            made_folder = True
        for photo in document.photos:
            target = folder / photo.name
            if not target.exists():
                written.append(target)
            write_atomic(target, photo.data)
    except OSError as exc:
        for path in written:
            with suppress(OSError):
                path.unlink()
        if made_folder:
            with suppress(OSError):
                folder.rmdir()
        raise ExportError(
            describe_os_error(exc, out_path), code=os_error_code(exc), path=str(out_path)
        ) from exc
    try:
        write_output(out_path, document.text)
    except ExportError:
        for path in written:
            with suppress(OSError):
                path.unlink()
        if made_folder:
            with suppress(OSError):
                folder.rmdir()
        raise
    return document
