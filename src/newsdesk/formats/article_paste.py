"""A whole article pasted into an empty one, read the way an import reads it.

When a journalist pastes a finished piece (from Word, a web page, a mail or an agency feed) into
a new, empty article, the window offers to split it into headline, subheadline and sections
instead of pasting one long section. This module decides whether the clipboard holds such an
article and builds it, with the importers' own rules and nothing of its own:

- Markdown (`text/markdown`, which Newsdesk's Edit > Copy Article puts beside the others) goes
  through the Markdown importer (`markdown_import`), front matter and all: the exact article;
- rich text (HTML) goes through the paste's reader (`html_paste.clipboard_tree`, which knows
  Word's, LibreOffice's and Google Docs' ways) and the Word and web-page importers' assembly
  (`html_import_article.assemble`): Title or a first Heading 1 or a short bold first line is the
  headline, Subtitle the subheadline, Heading 1/2 sections, "Kommentar: ..." an opinion section;
- plain text goes through the agency-text importer (`text_import.import_plain_text`): headline,
  subheadline, byline, lead, headed sections, the photo marker and the related links.

It is a whole article when it has a headline, body text, and at least one of a subheadline, a
byline or a headed section: a paragraph or two with a first line is a paste, not an article.
"""

from __future__ import annotations

from newsdesk.errors import NewsdeskError
from newsdesk.formats.html_import_article import AssemblyRules, assemble
from newsdesk.formats.html_import_markdown import MarkdownConverter
from newsdesk.formats.html_paste import clipboard_tree
from newsdesk.formats.importers import check_text_length
from newsdesk.formats.markdown_import import import_markdown
from newsdesk.formats.text_import import SUBHEADLINE_MAX_CHARS, import_plain_text
from newsdesk.model.article import Article
from newsdesk.model.counts import plain_text

# Word's paste says Title and Subtitle by class; the paste's reader makes them h1 and h2 (for a
# paste into a section). For a whole article they are the headline and the subheadline.
_WORD_TITLE_CLASSES = {"msotitle": "title", "msosubtitle": "subtitle"}


def _article_from_html(html: str) -> Article:
    root = clipboard_tree(html)
    for element in root.iter():
        for name in element.classes():
            kind = _WORD_TITLE_CLASSES.get(name.lower())
            if kind:
                element.tag = "p"
                element.attrs["class"] = kind
    converter = MarkdownConverter()  # no image handler: a paste carries no pictures
    rules = AssemblyRules(first_h1_is_headline=True, bold_line_is_headline=True)
    article, _ = assemble(converter.blocks(root), converter, {}, rules)
    return article


def is_whole_article(article: Article) -> bool:
    """A headline, body text, and a subheadline, a byline or a headed section."""
    headline = " ".join(article.headline.split())
    if not headline or len(headline) > SUBHEADLINE_MAX_CHARS:
        return False
    sections = list(article.walk_sections())
    if not any(plain_text(section.markdown).strip() for section in sections):
        return False
    return bool(article.subheadline or article.byline or any(s.heading for s in sections))


def article_from_clipboard(html: str, text: str, markdown: str = "") -> Article | None:
    """The article a pasted whole article makes (Markdown tried first, then rich text, then
    plain text), or None when the clipboard holds no whole article or nothing an importer
    accepts."""
    readers = ((import_markdown, markdown), (_article_from_html, html), (import_plain_text, text))
    for reader, source in readers:
        if not source.strip():
            continue
        try:
            check_text_length(source)
            article = reader(source)
        except (NewsdeskError, RecursionError):
            continue  # not readable as an article: the paste goes in as text
        if is_whole_article(article):
            return article
    return None


def is_empty_article(article: Article) -> bool:
    """Nothing written yet: no headline, no text, no photos, no related links."""
    fields = (article.headline, article.subheadline, article.kicker, article.byline)
    if any(value.strip() for value in fields) or article.images or article.related.links:
        return False
    return not any(
        section.heading.strip() or plain_text(section.markdown).strip()
        for section in article.walk_sections()
    )
