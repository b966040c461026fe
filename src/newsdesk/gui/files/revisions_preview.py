"""What File > Revisions shows of a revision: the article with its details and photos, and a
word-level comparison with the current text.

Both are simple, safe HTML for a QTextBrowser (every text escaped, no remote resource: photos are
small thumbnails handed to the document as resources under `revision-photo:<n>`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QImage, QTextDocument

from newsdesk.errors import NewsdeskError
from newsdesk.formats.markdown_render import render_markdown
from newsdesk.imaging import thumbnail
from newsdesk.model.article import Article, Section
from newsdesk.model.word_diff import change_counts, compare_articles

translate = QCoreApplication.translate

PHOTO_SIDE = 160
PHOTO_SCHEME = "revision-photo"


def _details(article: Article) -> list[tuple[str, str]]:
    pairs = [
        (translate("RevisionsDialog", "Kicker"), article.kicker),
        (translate("RevisionsDialog", "Byline"), article.byline),
        (translate("RevisionsDialog", "Dateline"), article.dateline),
        (translate("RevisionsDialog", "Published"), article.published),
        (translate("RevisionsDialog", "Description"), article.description),
        (translate("RevisionsDialog", "Tags"), ", ".join(article.tags)),
    ]
    return [(name, value) for name, value in pairs if value]


def article_preview_html(article: Article, *, photo_urls: list[str] | None = None) -> str:
    """The article as read-only HTML: details, headline, photos with their captions and credits,
    the sections (opinion labels shown) and the related links."""
    parts = []
    details = _details(article)
    if details:
        rows = "".join(
            f"<tr><td><b>{html.escape(name)}</b>&nbsp;</td><td>{html.escape(value)}</td></tr>"
            for name, value in details
        )
        parts.append(f'<table cellspacing="0" cellpadding="1">{rows}</table><hr>')
    parts.append(f"<h1>{html.escape(article.headline)}</h1>")
    if article.subheadline:
        parts.append(f"<p><i>{html.escape(article.subheadline)}</i></p>")
    for number, image in enumerate(article.images):
        source = photo_urls[number] if photo_urls and number < len(photo_urls) else ""
        picture = f'<img src="{html.escape(source)}"><br>' if source else ""
        notes = [image.caption, image.credit and f"© {image.credit}", image.disclaimer]
        text = " · ".join(html.escape(note) for note in notes if note)
        missing = "" if image.has_photo else translate("RevisionsDialog", "(photo missing)")
        parts.append(f"<p>{picture}<small>{text} {html.escape(missing)}</small></p>")

    def add(section: Section, level: int) -> None:
        if section.kind == "opinion":
            label = section.label or translate("RevisionsDialog", "Opinion")
            parts.append(f"<p><small><b>{html.escape(label.upper())}</b></small></p>")
        if section.heading:
            tag = f"h{min(level, 6)}"
            parts.append(f"<{tag}>{html.escape(section.heading)}</{tag}>")
        parts.append(render_markdown(section.markdown))
        for child in section.children:
            add(child, level + 1)

    for section in article.sections:
        add(section, 2)
    if article.related.links:
        if article.related.heading:
            parts.append(f"<h3>{html.escape(article.related.heading)}</h3>")
        items = "".join(
            f"<li>{html.escape(link.title)} <small>{html.escape(link.url)}</small></li>"
            for link in article.related.links
        )
        parts.append(f"<ul>{items}</ul>")
    return "\n".join(parts)


def add_photo_resources(document: QTextDocument, article: Article) -> list[str]:
    """Thumbnails of the revision's photos as resources of `document`; their URLs, in the order
    of `article.images` ("" for a photo that is missing or cannot be read)."""
    urls = []
    for number, image in enumerate(article.images):
        url = ""
        if image.has_photo:
            try:
                small = thumbnail(
                    image.data or b"",  # no bytes are refused like bytes that are no photo
                    PHOTO_SIDE,
                    rotation=image.rotation,
                    crop=image.crop,
                    focal=(image.focal_x, image.focal_y),
                )
            except (NewsdeskError, ValueError, OSError):
                small = None
            picture = QImage.fromData(small.data) if small is not None else QImage()
            if not picture.isNull():
                url = f"{PHOTO_SCHEME}:{number}"
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), picture)
        urls.append(url)
    return urls


def comparison_html(revision: Article, current: Article) -> str:
    """What changed from the revision to the current text, word by word: removed words struck
    through in red, added ones underlined in green; unchanged paragraphs in grey."""
    paragraphs = compare_articles(revision, current)
    removed, added = change_counts(paragraphs)
    summary = (
        translate("RevisionsDialog", "Since this revision: %1 words removed, %2 words added.")
        .replace("%1", str(removed))
        .replace("%2", str(added))
    )
    parts = [f"<p><b>{html.escape(summary)}</b></p>"]
    for paragraph in paragraphs:
        changed = any(piece.change != "same" for piece in paragraph)
        spans = []
        for piece in paragraph:
            text = html.escape(piece.text)
            if piece.change == "removed":
                spans.append(f'<s style="color:#b00020;background:#fde7ea">{text}</s>')
            elif piece.change == "added":
                spans.append(f'<u style="color:#0b6b2e;background:#e3f6e8">{text}</u>')
            else:
                spans.append(text)
        style = "" if changed else ' style="color:#777777"'
        parts.append(f"<p{style}>{''.join(spans)}</p>")
    return "\n".join(parts)
