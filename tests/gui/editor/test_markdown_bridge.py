"""The editor's Markdown bridge: exact round trips, and what you see is what you export.

The structure of an editor document is read here straight from Qt (blocks, lists, char formats) and
the structure of the export straight from its HTML (parsed with html5lib), independently of the
bridge's own reading code, so that the comparison proves the bridge rather than repeating it.
"""

from __future__ import annotations

import html5lib
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
    QTextListFormat,
)

from newsdesk.formats.markdown_blocks import (
    BOLD,
    HEADING,
    IMAGE,
    ITALIC,
    ITEM,
    PARAGRAPH,
    STRIKE,
    Block,
    Run,
    markdown_to_blocks,
    normalize_blocks,
)
from newsdesk.formats.markdown_render import render_markdown
from newsdesk.formats.markdown_writer import blocks_to_markdown
from newsdesk.gui.editor.markdown_bridge import (
    document_blocks,
    document_to_markdown,
    fill_document,
    markdown_to_document,
    register_image,
)

BULLETS = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
HTML_SPACE = " \t\n\r\f\u2029"  # U+2028 is a hard line break now, not a space
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- structure, read independently from Qt and from the exported HTML ------------------------------


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
    "[x\\]&#58; y](https://example.org/) is a link, not a reference definition\n",
    "„Anführungszeichen“ und ‚einfache‘ – Gedankenstrich … Straße\n",
    "10\u00a0km, **fett\u00a0und** normal\n",
    "&#160;leading no-break space\n",
    # Typed "<b>" is text: the writer escapes it (raw tags in Markdown are dropped on the page).
    "&lt;b>raw html&lt;/b> stays literal\n",
]


@pytest.mark.parametrize("markdown", CANONICAL)
def test_canonical_markdown_round_trips_exactly(markdown):
    assert document_to_markdown(loaded(markdown)) == markdown


@pytest.mark.parametrize("markdown", CANONICAL)
def test_the_editor_shows_what_the_export_renders(markdown):
    assert document_structure(loaded(markdown)) == export_structure(markdown)


# -- generated documents ---------------------------------------------------------------------------

# Text with everything that means something in Markdown, German typography and no-break spaces.
_TEXT = st.text(alphabet="aäßZ19 *_~`\\[]()#>-+.!&<;:/@=\"'„“\u00a0", min_size=1, max_size=8)
_URLS = st.sampled_from(
    ["", "", "", "https://example.org/a_b", "mailto:desk@example.org", "http://e.de/(x) y"]
)
_RUNS = st.lists(
    st.builds(Run, _TEXT, st.frozensets(st.sampled_from([BOLD, ITALIC, STRIKE])), _URLS),
    min_size=1,
    max_size=5,
).map(tuple)
_BLOCKS = st.lists(
    st.one_of(
        st.builds(Block, st.just(PARAGRAPH), _RUNS, st.integers(0, 2)),
        st.builds(Block, st.just(HEADING), _RUNS, st.integers(0, 1), st.sampled_from([3, 4])),
        st.builds(
            Block,
            st.just(ITEM),
            _RUNS,
            st.integers(0, 1),
            depth=st.integers(1, 3),
            numbered=st.booleans(),
        ),
        st.builds(Block, st.just(IMAGE), image_id=st.sampled_from(["lead", "photo-2"])),
    ),
    max_size=6,
)


@settings(max_examples=100, deadline=None)
@given(_BLOCKS)
def test_any_blocks_survive_markdown_exactly(blocks):
    """Blocks -> Markdown -> blocks is the identity on what the dialect can say (no Qt)."""
    expected = normalize_blocks(blocks)
    assert markdown_to_blocks(blocks_to_markdown(expected)) == expected


@FAST
@given(_BLOCKS)
def test_any_document_survives_save_and_load(qapp, blocks):
    document = QTextDocument()
    fill_document(document, blocks)
    markdown = document_to_markdown(document)
    reloaded = loaded(markdown)
    assert document_blocks(reloaded) == document_blocks(document) == normalize_blocks(blocks)
    assert document_structure(reloaded) == export_structure(markdown)


def _inline_markdown(depth: int = 0) -> st.SearchStrategy[str]:
    words = st.sampled_from(
        [
            *("Wort", "news", "Straße", "1999.", "a_b", "x*y", "~", "C#", "<b>", "&amp;"),
            *("10\u00a0km", "„Zitat“", "[x]", "\\", "`code`", "!", "2+2", "-"),
            "<https://example.org>",
        ]
    )
    plain = st.lists(words, min_size=1, max_size=4).map(" ".join)
    if depth >= 2:
        return plain
    inner = _inline_markdown(depth + 1)
    return st.one_of(
        plain,
        st.tuples(plain, inner).map(lambda p: f"{p[0]} **{p[1]}**"),
        st.tuples(inner, plain).map(lambda p: f"*{p[0]}* {p[1]}"),
        inner.map(lambda s: f"~~{s}~~"),
        st.tuples(inner, _URLS.filter(bool)).map(lambda p: f"[{p[0]}]({p[1]})"),
        st.tuples(inner, inner).map(lambda p: f"{p[0]}***{p[1]}***"),
    )


def _list_markdown() -> st.SearchStrategy[str]:
    def lines(items: list[tuple[int, bool, str]]) -> str:
        depth, out = 0, []
        for wanted, numbered, text in items:
            # The first item at the margin: four spaces before it would make it code.
            depth = min(wanted, depth + 1) if out else 0
            out.append("    " * depth + ("1. " if numbered else "- ") + text)
        return "\n".join(out)

    item = st.tuples(st.integers(0, 2), st.booleans(), _inline_markdown(1))
    return st.lists(item, min_size=1, max_size=5).map(lines)


_BLOCK_MARKDOWN = st.one_of(
    _inline_markdown(),
    _inline_markdown().map(lambda s: "### " + s),
    _inline_markdown().map(lambda s: "#### " + s),
    _list_markdown(),
    st.just("![](image:photo-1)"),
)
_QUOTED = st.tuples(st.integers(0, 2), _BLOCK_MARKDOWN).map(
    lambda q: "\n".join("> " * q[0] + line for line in q[1].split("\n"))
)
_MARKDOWN = st.lists(_QUOTED, min_size=1, max_size=5).map("\n\n".join)


@FAST
@given(_MARKDOWN)
@example("> 1. Wort\n\n> 1. Wort")  # two quotes, two lists: the editor had joined them (1., 2.)
def test_load_save_load_is_a_fixed_point_and_shows_the_export(qapp, markdown):
    """Markdown from a grammar of the dialect (not canonical, as importers and people write it)."""
    first = loaded(markdown)
    saved = document_to_markdown(first)
    second = loaded(saved)
    assert document_to_markdown(second) == saved
    assert document_structure(second) == document_structure(first)
    assert document_structure(first) == export_structure(saved)


# -- details ------------------------------------------------------------------------------------


def test_an_empty_document_is_empty_markdown(qapp):
    assert document_to_markdown(QTextDocument()) == ""
    assert document_to_markdown(loaded("\n\n   \n")) == ""


def test_loading_is_not_an_undoable_edit(qapp):
    document = QTextDocument()
    document.setPlainText("typed before")
    markdown_to_document("Loaded *text*.\n", document)
    assert not document.isUndoAvailable() and not document.isModified()
    assert document.isUndoRedoEnabled()


def test_literal_text_stays_literal(qapp):
    text = r"*a* _b_ ~~c~~ [d](https://e.org) `f` \g <https://h.org> &amp; # i 1. j > k ![l]"
    document = QTextDocument()
    document.setPlainText(text)
    markdown = document_to_markdown(document)
    assert document_blocks(loaded(markdown)) == [Block(PARAGRAPH, (Run(text),))]
    assert export_structure(markdown) == [("p", 0, (), 0, ((text, frozenset(), ""),))]


def test_what_qt_makes_of_html_is_read_as_the_dialect(qapp):
    document = QTextDocument()
    document.setHtml(
        "<h1>Top</h1><h2>Second</h2><h5>Fifth</h5>"
        "<p><b>b</b> <strong>s</strong> <span style='font-weight:600'>w</span> <i>i</i> "
        "<u>underline is not in the dialect</u> <s>x</s> <a href='HTTPS://Example.org/'>l</a> "
        "<a href='javascript:alert(1)'>js</a> <a name='anchor'>named</a></p>"
        "<ol><li>one<ol><li>nested</li></ol></li></ol><blockquote>quoted</blockquote>"
    )
    assert document_to_markdown(document) == (
        "### Top\n\n### Second\n\n#### Fifth\n\n"
        "**b s w** *i* underline is not in the dialect ~~x~~ "  # spaces join bold words
        "[l](HTTPS://Example.org/) js named\n\n"
        "1. one\n    1. nested\n\n> quoted\n"
    )


def test_an_image_inside_a_paragraph_stands_alone(qapp):
    document = QTextDocument()
    cursor = QTextCursor(document)
    cursor.insertText("before ")
    image = QTextImageFormat()
    image.setName("image:photo-1")
    cursor.insertImage(image)
    cursor.insertText(" after")
    web_image = QTextImageFormat()
    web_image.setName("https://tracker.example.org/pixel.gif")
    cursor.insertImage(web_image)
    assert document_to_markdown(document) == "before\n\n![](image:photo-1)\n\nafter\n"


def test_items_nest_at_most_one_level_below_the_item_before(qapp):
    document = QTextDocument()
    fill_document(
        document, [Block(ITEM, (Run("deep"),), depth=3), Block(ITEM, (Run("x"),), depth=3)]
    )
    assert document_to_markdown(document) == "- deep\n    - x\n"


def test_register_image_gives_the_reference_a_picture(qapp):
    document = loaded("![](image:photo-1)\n")
    picture = QImage(4, 3, QImage.Format.Format_RGB32)
    register_image(document, "photo-1", picture)
    shown = document.resource(QTextDocument.ResourceType.ImageResource, QUrl("image:photo-1"))
    assert isinstance(shown, QImage) and shown.size() == picture.size()
