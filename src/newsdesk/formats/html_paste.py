"""Rich text pasted from Word, LibreOffice, Google Docs or a web page, as Newsdesk Markdown.

The clipboard's HTML goes through the import's own reader (`html_import_tree` builds the tree,
`html_import_markdown` turns it into the dialect), so a paste keeps what an import keeps:
paragraphs, bold, italic, struck text, links (web and mail addresses), lists with their nesting,
quotes, tables (GFM pipe tables) and headings, which become the section's subheadings. Everything
else (fonts, colours, sizes, classes, pictures, scripts, forms, comments) is left behind.

Each program says some of that in its own way, and this module translates it first:
- Google Docs wraps the whole selection in `<b style="font-weight:normal">` and marks emphasis
  with CSS only (`<span style="font-weight:700">`, `font-style:italic`, `line-through`);
- Word writes lists as paragraphs (`class=MsoListParagraph…`, `style='mso-list:l0 level2 lfo1'`)
  whose bullet or number is text in a `mso-list:Ignore` span, and its Title, Subtitle and Quote
  styles as classes (`MsoTitle`, `MsoSubtitle`, `MsoQuote`, `MsoIntenseQuote`);
- LibreOffice writes plain HTML (`<h1 class="western">`, `<ul><li><p>`): nothing to translate.
"""

from __future__ import annotations

import re

from newsdesk.formats.html_import_markdown import MarkdownConverter, escape_text
from newsdesk.formats.html_import_tree import Element, parse_html

MAX_PASTE_CHARS = 20_000_000  # the clipboard of a whole long article is a few MB of Word HTML
SUBHEADING_LEVELS = {1: 3, 2: 3, 3: 3, 4: 4, 5: 4, 6: 4}  # the section's subheadings are ### / ####
_BOLD_WEIGHT = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.I)
_NORMAL_WEIGHT = re.compile(r"font-weight\s*:\s*(normal|[1-4]00)", re.I)
_ITALIC = re.compile(r"font-style\s*:\s*(italic|oblique)", re.I)
_STRUCK = re.compile(r"text-decoration[\w-]*\s*:[^;]*line-through", re.I)
_WORD_LIST = re.compile(r"mso-list\s*:\s*l\d+\s+level(\d+)", re.I)
_WORD_LIST_MARKER = re.compile(r"mso-list\s*:\s*ignore", re.I)
_ORDERED_MARKER = re.compile(r"^\s*(\d+|[a-zA-Z]|[ivxlcIVXLC]+)[.)]")
_WORD_BLOCK_CLASSES = {
    "msotitle": "h1",
    "msosubtitle": "h2",
    "msoquote": "blockquote",
    "msointensequote": "blockquote",
}
_SUPPORT_LISTS = re.compile(r"<!\[if !supportLists\]>(.{0,2000}?)<!\[endif\]>", re.I | re.S)
_LINE_BREAKS = "\r\n\t"
_BLOCK_TAGS = frozenset(
    ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre"]
)


def markdown_from_clipboard_html(html: str) -> tuple[str, bool, bool]:
    """The Markdown of pasted HTML, and whether its text begins and ends with a space (a phrase
    pasted into a sentence needs them; Markdown trims paragraphs)."""
    root = clipboard_tree(html)
    raw = "".join(_raw_text(root)).strip(_LINE_BREAKS)
    converter = MarkdownConverter()  # no image handler: pictures are not pasted into text
    parts: list[str] = []
    for block in converter.blocks(root):
        if block.kind == "heading":
            level = SUBHEADING_LEVELS.get(block.level, 4)
            text = " ".join(block.markdown.split())
            if text:
                parts.append("#" * level + " " + escape_text(text))
        elif block.kind in ("paragraph", "markdown") and block.markdown.strip("\\ \n"):
            # (A <br> alone between blocks, as Google Docs writes it, is no paragraph.)
            parts.append(block.markdown)
    markdown = "\n\n".join(parts)
    return markdown, raw[:1] in (" ", "\xa0"), raw[-1:] in (" ", "\xa0")


def clipboard_tree(html: str) -> Element:
    """The clipboard's HTML as the import's tree, with each program's own way of saying things
    translated (see the module docstring). `formats.article_paste` reads a whole article from it."""
    if len(html) > MAX_PASTE_CHARS:
        html = html[:MAX_PASTE_CHARS]
    # Word's list marker stands between <![if !supportLists]> and <![endif]>, which the parser
    # skips as declarations: made a marker span, it is found (and dropped) like mso-list:Ignore.
    html = _SUPPORT_LISTS.sub(r'<span style="mso-list:Ignore">\1</span>', html)
    root = parse_html(html).root
    _translate_styles(root)
    _word_lists(root)
    return root


def _raw_text(root: Element) -> list[str]:
    parts: list[str] = []
    stack: list[Element | str] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
        else:
            stack.extend(reversed(node.children))
    return parts


def _wrap_children(element: Element, tag: str) -> None:
    """Put an element's children inside a new `tag` element (emphasis said by CSS)."""
    inner = Element(tag, children=element.children, parent=element)
    for child in inner.children:
        if isinstance(child, Element):
            child.parent = inner
    element.children = [inner]


def _translate_styles(root: Element) -> None:
    for element in list(root.iter()):
        style = element.attrs.get("style", "")
        if element.tag in ("b", "strong") and _NORMAL_WEIGHT.search(style):
            # Google Docs' wrapper around everything: not bold at all, and a block when it holds
            # paragraphs (as a span, its paragraphs would run into one line).
            element.tag = "div" if _holds_blocks(element) else "span"
        elif element.tag in ("span", "font") and style:
            if _STRUCK.search(style):
                _wrap_children(element, "s")
            if _ITALIC.search(style):
                _wrap_children(element, "em")
            if _BOLD_WEIGHT.search(style):
                _wrap_children(element, "strong")
        if _WORD_LIST_MARKER.search(style):
            element.attrs["data-list-marker"] = element.text()
            element.children = []
        if element.tag == "p":
            for name in element.classes():
                tag = _WORD_BLOCK_CLASSES.get(name.lower())
                if tag:
                    element.tag = tag
                    break


def _holds_blocks(element: Element) -> bool:
    return any(isinstance(c, Element) and c.tag in _BLOCK_TAGS for c in element.children)


def _word_lists(root: Element) -> None:
    """Word's list paragraphs, run by run, as <ul>/<ol> with nested lists for deeper levels."""
    for parent in list(root.iter()):
        children = parent.children
        if not any(isinstance(c, Element) and _list_level(c) for c in children):
            continue
        rebuilt: list[Element | str] = []
        run: list[Element] = []
        for child in children:
            if isinstance(child, Element) and _list_level(child):
                run.append(child)
                continue
            if isinstance(child, str) and not child.strip() and run:
                continue  # the line breaks between Word's list paragraphs
            if run:
                rebuilt.append(_build_list(run, parent))
                run = []
            rebuilt.append(child)
        if run:
            rebuilt.append(_build_list(run, parent))
        parent.children = rebuilt


def _list_level(element: Element) -> int:
    if element.tag != "p":
        return 0
    match = _WORD_LIST.search(element.attrs.get("style", ""))
    return int(match.group(1)) if match else 0


def _marker(element: Element) -> str:
    for node in element.iter():
        if "data-list-marker" in node.attrs:
            return node.attrs["data-list-marker"]
    return ""


def _build_list(paragraphs: list[Element], parent: Element) -> Element:
    """Nested lists from (level, paragraph) in order; each list ordered when its first marker is
    a number or letter."""
    top = Element("ul", parent=parent)
    stack: list[tuple[int, Element]] = []
    for paragraph in paragraphs:
        level = _list_level(paragraph)
        while stack and stack[-1][0] > level:
            stack.pop()
        if not stack or stack[-1][0] < level:
            last = stack[-1][1].children[-1] if stack and stack[-1][1].children else top
            holder = last if isinstance(last, Element) else top  # the list item it belongs to
            new_list = top if not stack else Element("ul", parent=holder)
            if _ORDERED_MARKER.match(_marker(paragraph)):
                new_list.tag = "ol"
            if stack:
                holder.children.append(new_list)
            stack.append((level, new_list))
        current = stack[-1][1]
        item = Element("li", children=paragraph.children, parent=current)
        current.children.append(item)
    return top
