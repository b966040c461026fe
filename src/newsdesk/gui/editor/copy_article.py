"""Edit > Copy Article (Ctrl+Shift+C): the whole article on the clipboard, for the newsroom's CMS.

Three formats at once, so each program takes the one it understands:
- `text/html`: plain semantic HTML (h1, p, h2, lists, quotes, links, tables, no classes, no
  styles, no scripts), which WordPress, Google Docs, Word and LibreOffice paste as headings and
  paragraphs. Sections go through the export's Markdown renderer (sanitised); photos become a
  paragraph with their caption and the credit line in the page's words; an opinion section
  carries its label, a box says it is one;
- `text/plain`: the agency text (formats/agency_text.py), the shape wire services take in;
- `text/markdown`: the Markdown export without photo files (formats/markdown_export.py).
Private notes (`<!-- ... -->`) never leave: the writers drop them, and so does this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, QLocale, QMimeData

from newsdesk.formats.export_parts import public_field, public_markdown
from newsdesk.formats.html_labels import copyright_notice, labels_for
from newsdesk.formats.markdown_render import render_markdown
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.article_language import related_heading
from newsdesk.model.counts import article_counts
from newsdesk.model.web_addresses import safe_link_url

translate = QCoreApplication.translate

MARKDOWN_MIME = "text/markdown"


@dataclass(frozen=True)
class CopiedArticle:
    """The article as Copy Article puts it on the clipboard, in each of its formats."""

    html: str
    plain: str
    markdown: str
    words: int

    def mime_data(self) -> QMimeData:
        mime = QMimeData()
        mime.setHtml(self.html)
        mime.setText(self.plain)
        mime.setData(MARKDOWN_MIME, self.markdown.encode("utf-8"))
        return mime


def copied_article(article: Article) -> CopiedArticle:
    """The article in the three clipboard formats (see the module docstring)."""
    # The writers (and the photo code under the Markdown one) load at the first copy, not with
    # the window.
    from newsdesk.formats.agency_text import agency_text
    from newsdesk.formats.markdown_export import article_markdown

    return CopiedArticle(
        html=article_html(article),
        plain=agency_text(article),
        markdown=article_markdown(article, with_photos=False).text,
        words=article_counts(article).words,
    )


def article_html(article: Article) -> str:
    """The article as a small HTML document of plain semantic markup."""
    labels = labels_for(article.language)
    images = {image.id: image for image in article.images}
    parts = [f"<h1>{escape(public_field(article.headline).strip() or labels.untitled)}</h1>"]
    if article.subheadline.strip():
        parts.append(f"<p><strong>{escape(public_field(article.subheadline).strip())}</strong></p>")
    if article.lead_image is not None:
        parts.append(_photo_paragraph(article.lead_image, article.language))
    for section in article.sections:
        parts.extend(_section_html(section, 2, images, article.language))
    links = [link for link in article.related.links if link.title.strip() or link.url.strip()]
    if links:
        parts.append(f"<h2>{escape(related_heading(article))}</h2>")
        items = []
        for link in links:
            url = safe_link_url(link.url.strip())
            title = escape(link.title.strip() or link.url.strip())
            items.append(
                f'<li><a href="{escape(url)}">{title}</a></li>' if url else f"<li>{title}</li>"
            )
        parts.append("<ul>" + "".join(items) + "</ul>")
    body = "\n".join(parts)
    lang = escape(article.language or "en")
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"></head>'
        f"<body>\n{body}\n</body></html>"
    )


def _section_html(section: Section, level: int, images: dict, language: str) -> list[str]:
    labels = labels_for(language)
    parts = []
    if section.kind == "opinion":
        label = public_field(section.label).strip() or labels.opinion
        parts.append(f"<p><strong>{escape(label.upper())}</strong></p>")
    if section.kind == "box":
        parts.append("<hr>")
    heading = public_field(section.heading).strip()
    if heading:
        tag = f"h{min(level, 6)}"
        parts.append(f"<{tag}>{escape(heading)}</{tag}>")

    def photo(image_id: str) -> str:
        image = images.get(image_id)
        return _photo_paragraph(image, language) if image is not None else ""

    text = public_markdown(section.markdown)
    if text.strip():
        parts.append(render_markdown(text, photo))
    for child in section.children:
        parts.extend(_section_html(child, level + 1, images, language))
    if section.kind == "box":
        parts.append("<hr>")
    return parts


def _photo_paragraph(image: Image, language: str) -> str:
    """A photo as words: its caption, then the credit, copyright and notice, as the page says."""
    labels = labels_for(language)
    caption = public_field(image.caption).strip()
    credit_parts = [
        labels.credit(public_field(image.credit)),
        copyright_notice(public_field(image.copyright)),
        public_field(image.disclaimer).strip(),
    ]
    credit = " · ".join(part for part in credit_parts if part)
    words = []
    if caption:
        words.append(f"<em>{escape(caption)}</em>")
    if credit:
        words.append(f"<small>{escape(credit)}</small>")
    if not words:
        return ""
    return "<p>" + " ".join(words) + "</p>"


def copied_message(copied: CopiedArticle) -> str:
    """What the status bar says after Copy Article."""
    return translate(
        "CopyArticle", "Article copied (%1 words) as formatted text, agency text and Markdown"
    ).replace("%1", QLocale().toString(copied.words))
