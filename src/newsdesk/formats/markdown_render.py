"""The one Markdown dialect of Newsdesk, rendered to safe HTML for the export and the preview.

The dialect (what the editor writes and what every importer produces):
- paragraphs; `**bold**`, `*italic*`, `~~strikethrough~~`, `[text](https://...)` links;
- subheadings inside a section: `### ` and `#### ` (a section's own heading is the page's h2, so
  `#` and `##` inside a body are demoted to h3 rather than competing with it);
- bullet (`- `) and numbered (`1. `) lists, nested by four spaces, as Python-Markdown requires;
- block quotes (`> `); two quotes with a blank line between them stay two quotes;
- an inline image placed in the text: a paragraph holding only `![](image:IMAGE_ID)`, which the
  exporter replaces with that image's figure;
- GFM pipe tables with an optional `Table: caption` line, task list items, hard line breaks, and
  `<sub>`, `<sup>`, `<br>` as the only inline HTML (markdown_constructs);
- private editor's notes `<!-- ... -->`, never published, and source notes `[^1]` with their
  `[^1]: ...` definitions, numbered at the end of the section (markdown_notes).

Every other HTML tag is dropped (its text stays). The rendered HTML is then cleaned by nh3 against
an allow-list (defence in depth), with links limited to http, https, mailto and tel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newsdesk.formats import markdown_notes
from newsdesk.formats.link_rules import URL_SCHEMES, page_href
from newsdesk.formats.plain_prose import prose_html
from newsdesk.model.markdown_notes import prepare as prepare_notes
from newsdesk.model.markdown_text import split_at_image_references

if TYPE_CHECKING:  # Python-Markdown is imported when text is first converted
    import markdown

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "a", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "blockquote", "code", "pre", "hr", "sub", "sup",
    "div", "table", "caption", "thead", "tbody", "tr", "th", "td", "section",
}  # fmt: skip
# Classes and ids come only from our own constructs: user HTML is reduced to sub, sup and br
# before it gets here.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class", "id", "role"},
    "ol": {"start"},
    "ul": {"class"},
    "li": {"class", "id"},
    "div": {"class", "tabindex", "role", "aria-label"},
    "th": {"class", "scope"},
    "td": {"class"},
    "section": {"class", "role"},
}


def new_renderer() -> markdown.Markdown:
    """A converter of the export's Markdown dialect (formats.markdown_dialect). Not
    thread-safe: code that renders off the GUI thread (the publish) keeps one of its own."""
    from newsdesk.formats.markdown_dialect import new_renderer as dialect_renderer

    return dialect_renderer()


_renderer: markdown.Markdown | None = None  # made on first use, after the window is on screen


def replace_lone_surrogates(text: str) -> str:
    """Half a UTF-16 pair (a broken paste) becomes U+FFFD as in a browser; nh3 cannot take it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def sanitize(html: str) -> str:
    """Clean HTML against the article allow-list; the only gate user HTML ever passes."""
    # Imported here: plain prose (the usual first section on screen) never gets here, and the
    # window's start is ~4 ms shorter without loading nh3's library before the first paint.
    import nh3

    return nh3.clean(
        replace_lone_surrogates(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=page_href,  # "tel:+49 30 ..." and spaces made valid (issue 15)
    )


def render_markdown(
    text: str, image_figure=None, *, note_prefix: str = "", show_notes: bool = False
) -> str:
    """Safe HTML for a section body.

    `image_figure(image_id) -> str` returns trusted figure HTML for an inline image reference (the
    exporter builds it from escaped fields); without it, or when it returns "", the reference is
    dropped. `note_prefix` starts the ids of source notes (the exporter passes the section's
    anchor, so ids are unique in the page); `show_notes` shows private notes as
    `<span class="newsdesk-note">` (the editor, the preview on request; never an export).
    """
    return render_text_and_figures(
        text, image_figure, _render_run, note_prefix=note_prefix, show_notes=show_notes
    )


def _render_run(text: str) -> str:
    """A run of Markdown without image references, converted and sanitised (plain prose without
    Python-Markdown: formats.plain_prose, the same HTML)."""
    html = prose_html(text)
    if html is not None:
        return html
    global _renderer
    if _renderer is None:
        _renderer = new_renderer()
    _renderer.reset()
    return sanitize(_renderer.convert(text))


def render_text_and_figures(
    text: str,
    image_figure: Callable[[str], str] | None,
    render_run: Callable[[str], str],
    *,
    note_prefix: str = "",
    show_notes: bool = False,
) -> str:
    """A section body: notes taken out (markdown_notes), then each run of text between image
    reference lines through `render_run`, each reference through `image_figure` (dropped without
    one), joined, and the notes put back. The render cache passes a `render_run` that remembers
    its results; the HTML is the same."""
    body = prepare_notes(text.replace("\x00", ""), show_notes=show_notes)
    prefix = f"{note_prefix}-" if note_prefix else ""
    parts = split_at_image_references(body.text)
    html = []
    # re.split alternates text, image id, text, ...
    for n, part in enumerate(parts):
        if n % 2:
            html.append(image_figure(part) if image_figure else "")
        elif part.strip():
            html.append(markdown_notes.replace_tokens(render_run(part), body, prefix))
    html.append(markdown_notes.notes_list(body, prefix, render_run))
    return "\n".join(h for h in html if h)


def render_inline(text: str) -> str:
    """Safe HTML of one line of Markdown: emphasis and links, no blocks. (Captions do not use it:
    the page escapes them as plain text; `publish.blocks.Renderer.inline` keeps to this rule.)"""
    html = render_markdown(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html
