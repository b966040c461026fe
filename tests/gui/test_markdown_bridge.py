"""The editor's Markdown bridge: exact round trips, and what you see is what you export.

The structure of an editor document is read here straight from Qt (blocks, lists, char formats) and
the structure of the export straight from its HTML (parsed with html5lib), independently of the
bridge's own reading code, so that the comparison proves the bridge rather than repeating it.
"""

from __future__ import annotations

import html5lib
import pytest
from hypothesis import HealthCheck, settings
from PySide6.QtGui import (
    QFont,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)

from newsdesk.formats.markdown_render import render_markdown
from newsdesk.gui.markdown_blocks import (
    BOLD,
    ITALIC,
    STRIKE,
)
from newsdesk.gui.markdown_bridge import (
    document_to_markdown,
    markdown_to_document,
)

BULLETS = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
HTML_SPACE = " \t\n\r\f\u2028\u2029"
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- structure, read independently from Qt and from the exported HTML -----------------------------


def _inline(chars: list[tuple[str, frozenset, str]]) -> tuple:
    """Text with its formatting as a reader sees it: white space collapsed and unformatted."""
    collapsed: list[tuple[str, frozenset, str]] = []
    for char, marks, href in chars:
        if char in HTML_SPACE:
            if collapsed and collapsed[-1][0] == " ":
                continue
            char = " "
        collapsed.append((char, frozenset(), "") if char.isspace() else (char, marks, href))
    while collapsed and collapsed[0][0] == " ":
        collapsed.pop(0)
    while collapsed and collapsed[-1][0] == " ":
        collapsed.pop()
    segments: list[list] = []
    for char, marks, href in collapsed:
        if segments and segments[-1][1:] == [marks, href]:
            segments[-1][0] += char
        else:
            segments.append([char, marks, href])
    return tuple(tuple(segment) for segment in segments)


def document_structure(document: QTextDocument) -> list[tuple]:
    """(kind, quote depth, list types from the outside in, number shown, inline) per block."""
    structure = []
    path: list[str] = []
    block = document.begin()
    while block.isValid():
        quote = block.blockFormat().intProperty(QTextFormat.Property.BlockQuoteLevel)
        heading = block.blockFormat().headingLevel()
        chars, image = [], None
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            char_format = fragment.charFormat()
            if char_format.isImageFormat():
                image = char_format.toImageFormat().name()
            marks = {ITALIC} if char_format.fontItalic() else set()
            if char_format.fontStrikeOut():
                marks.add(STRIKE)
            if char_format.fontWeight() >= QFont.Weight.DemiBold and not heading:
                marks.add(BOLD)
            chars += [(c, frozenset(marks), char_format.anchorHref()) for c in fragment.text()]
            fragments += 1
        text_list = block.textList()
        if image:
            structure.append(("image", quote, (), 0, image))
        elif text_list is not None:
            depth = text_list.format().indent()
            kind = "ul" if text_list.format().style() in BULLETS else "ol"
            path = [*path[: depth - 1], kind]
            number = text_list.itemNumber(block) + 1 if kind == "ol" else 0
            structure.append(("li", quote, tuple(path), number, _inline(chars)))
        elif block.text().strip():
            kind = f"h{heading}" if heading else "p"
            structure.append((kind, quote, (), 0, _inline(chars)))
        if text_list is None:
            path = []
        block = block.next()
    return structure


_INLINE_MARKS = {"strong": BOLD, "em": ITALIC, "del": STRIKE}


def _html_chars(element, marks=frozenset(), href="", in_heading=False) -> list:
    chars = [(c, marks, href) for c in element.text or ""]
    for child in element:
        if child.tag not in ("ul", "ol"):
            child_marks = marks
            if child.tag in _INLINE_MARKS and not (in_heading and child.tag == "strong"):
                child_marks = marks | {_INLINE_MARKS[child.tag]}
            child_href = child.get("href", href) if child.tag == "a" else href
            chars += _html_chars(child, child_marks, child_href, in_heading)
        chars += [(c, marks, href) for c in child.tail or ""]
    return chars


def export_structure(markdown: str) -> list[tuple]:
    """The same structure, read from the HTML the export makes of the Markdown."""
    html = render_markdown(
        markdown, image_figure=lambda i: f'<figure data-image="image:{i}"></figure>'
    )
    body = html5lib.parse(html, namespaceHTMLElements=False).find("body")
    structure: list[tuple] = []

    def walk(elements, quote: int, path: tuple[str, ...]) -> None:
        for child in elements:
            if child.tag == "blockquote":
                walk(child, quote + 1, path)
            elif child.tag in ("p", "h3", "h4"):
                chars = _html_chars(child, in_heading=child.tag != "p")
                structure.append((child.tag, quote, (), 0, _inline(chars)))
            elif child.tag == "figure":
                structure.append(("image", quote, (), 0, child.get("data-image")))
            elif child.tag in ("ul", "ol"):
                number = int(child.get("start", "1"))
                for item in child.findall("li"):
                    shown = number if child.tag == "ol" else 0
                    chars = _inline(_html_chars(item))
                    structure.append(("li", quote, (*path, child.tag), shown, chars))
                    number += 1
                    walk([n for n in item if n.tag in ("ul", "ol")], quote, (*path, child.tag))

    walk(body, 0, ())
    return structure


def loaded(markdown: str) -> QTextDocument:
    document = QTextDocument()
    markdown_to_document(markdown, document)
    return document


# -- the corpus: every construct and their combinations, in canonical form -------------------------

CANONICAL = [
    "Plain paragraph.\n",
    "Two paragraphs.\n\nThe second one.\n",
    "**bold** *italic* ~~struck~~ [link](https://example.org/)\n",
    "***bold italic*** and ~~**bold struck**~~ and ~~*italic struck*~~\n",
    "**bold with *italic* inside** and *italic with **bold** inside*\n",
    "**bold** directly followed by *italic* and *italic*~~struck~~\n",
    "Intra**word**bold, intra*word*italic, intra~~word~~struck.\n",
    "[link with **bold**, *italic* and ~~struck~~ text](https://example.org/a_b?q=1&r=2)\n",
    "**[bold link](https://example.org/)** and *[italic link](mailto:desk@example.org)*\n",
    "**bold [link *italic* inside](https://example.org/) and on**\n",
    "[Wiki](https://de.wikipedia.org/wiki/Test_%28Begriff%29) with encoded brackets\n",
    "### Subheading\n\nBody text.\n\n#### Smaller *subheading* with [link](https://example.org/)\n",
    "- one\n- two\n- three\n",
    "1. one\n1. two\n1. three\n",
    "- one\n    - nested\n        - deeper\n    - back\n- top again\n",
    "1. one\n    - bullet in numbered\n    - second\n1. two\n    1. restart at one\n",
    "- bullets\n\n1. then numbers\n\n- then bullets again\n",
    "- a\n    - b\n\n    1. c\n        - d\n    1. e\n\n- f\n",
    "Paragraph before.\n\n- list\n\nParagraph after.\n",
    "> A quote.\n",
    "> Quote with two paragraphs.\n>\n> Second.\n",
    "> ### Heading in a quote\n>\n> - list in a quote\n>     1. nested numbered\n>\n> Closing.\n",
    "> > Nested quote.\n>\n> Outer again.\n\nOutside.\n",
    "> - **[Bold link *with italic*](https://example.org/)** quoted\n>     1. ~~*deep*~~\n",
    "Text before.\n\n![](image:lead-1)\n\nText after.\n",
    "- item\n\n![](image:a)\n\n![](image:b)\n\n> quote\n",
    "\\*not italic\\* \\_not\\_ \\[not a link\\](x) \\`not code\\` a \\\\ backslash\n",
    "\\# not a heading\n\n\\- not a list\n\n1\\. not a list\n\n\\> not a quote\n\n\\+ plus\n",
    "### C\\#\n\n- \\# hash in an item\n- 2024\\. year in an item\n",
    "x &#126;&#126;not struck&#126;&#126; ~ tilde ~~struck~~\n",
    "&amp;amp; literal entity, &lt;https://example.org> and &lt;desk@example.org>, a < b > c\n",
    "\\![not an image](https://example.org/)\n",
    "„Anführungszeichen“ und ‚einfache‘ – Gedankenstrich … Straße\n",
    "10\u00a0km, **fett\u00a0und** normal\n",
    "&#160;leading no-break space\n",
    "<b>raw html</b> stays literal\n",
]


@pytest.mark.parametrize("markdown", CANONICAL)
def test_canonical_markdown_round_trips_exactly(markdown):
    assert document_to_markdown(loaded(markdown)) == markdown


@pytest.mark.parametrize("markdown", CANONICAL)
def test_the_editor_shows_what_the_export_renders(markdown):
    assert document_structure(loaded(markdown)) == export_structure(markdown)
