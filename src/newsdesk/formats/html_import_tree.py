"""HTML into a small element tree, bounded, for the HTML and Word importers.

Python's own `html.parser` reads the markup (it never recurses, never fetches anything and never
runs anything). What it reports is kept as `Element`s, with every part an article cannot carry left
out while reading: scripts, styles, forms, frames, embedded objects, SVG and comments never enter
the tree. Hostile pages are bounded: nesting deeper than `MAX_DEPTH` (a page of 100,000 nested
tags) and more than `MAX_ELEMENTS` elements are refused with one line, so that the converters
that walk the tree recursively stay far below Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from newsdesk.errors import ImportFormatError

# A real article nests a few dozen levels (site templates reach about 40); 200 leaves room.
MAX_DEPTH = 200
# A long article page has a few thousand elements; a saved news page with its site around it
# reaches perhaps 30,000.
MAX_ELEMENTS = 400_000

# Elements whose content never enters an article, dropped with everything inside them.
DROPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "form",
        "button",
        "select",
        "textarea",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "canvas",
        "audio",
        "video",
        "map",
        "dialog",
        "title",
    ]
)
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# An open <p> or <li> ends where these begin (the HTML parsing rules, in short).
_CLOSES_P = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "div",
        "dl",
        "fieldset",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
        "figcaption",
    ]
)
_IMPLIED_END = {
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "tr": {"tr"},
    "td": {"td", "th"},
    "th": {"td", "th"},
    "option": {"option"},
}


@dataclass
class Element:
    """One element: its tag (lower case), attributes and children (Elements and text strings)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False, compare=False)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Element]:
        """This element and all below it, in document order (without recursion)."""
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(c for c in reversed(element.children) if isinstance(c, Element))

    def find(self, tag: str) -> Element | None:
        return next((e for e in self.iter() if e.tag == tag), None)

    def find_all(self, tag: str) -> list[Element]:
        return [e for e in self.iter() if e.tag == tag]

    def text(self) -> str:
        """All text below this element, white space collapsed."""
        parts: list[str] = []
        stack: list[Element | str] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                parts.append(node)
            else:
                stack.extend(reversed(node.children))
        return " ".join("".join(parts).split())

    def remove(self) -> None:
        if self.parent is not None:
            self.parent.children = [c for c in self.parent.children if c is not self]
            self.parent = None


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.stack: list[Element] = [self.root]
        self.dropping: list[str] = []  # open dropped elements (their content is skipped)
        self.count = 0
        self.meta: dict[str, str] = {}  # <meta name|property=... content=...>, first one wins
        self.json_ld: list[str] = []  # the text of each <script type="application/ld+json">
        self.title = ""
        self._capture: list[str] | None = None

    def _close_to(self, tag: str) -> bool:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return True
        return False

    def _record(self, tag: str, attrs: dict[str, str]) -> None:
        """Keep what the page says about itself: meta tags, JSON-LD and the title."""
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or "").strip().lower()
            if key and "content" in attrs and len(self.meta) < 500:
                self.meta.setdefault(key, attrs["content"])
        elif tag == "script" and attrs.get("type", "").strip().lower() == "application/ld+json":
            if len(self.json_ld) < 20:
                self._capture = []
        elif tag == "title" and not self.title:
            self._capture = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.dropping:
            self._record(tag, {k: v or "" for k, v in attrs})
        if self.dropping:
            if tag == self.dropping[-1] and tag not in VOID:
                self.dropping.append(tag)
            return
        if tag in DROPPED:
            if tag not in VOID:
                self.dropping.append(tag)
            return
        current = self.stack[-1].tag
        if tag in _CLOSES_P and current == "p":
            self.stack.pop()
        ends = _IMPLIED_END.get(tag)
        if ends and self.stack[-1].tag in ends:
            self.stack.pop()
        self.count += 1
        if self.count > MAX_ELEMENTS:
            raise ImportFormatError(
                f"the page has more than {MAX_ELEMENTS:,} elements; that is no article",
                code="import.html_too_many_elements",
                limit=MAX_ELEMENTS,
            )
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag in VOID:
            return
        if len(self.stack) > MAX_DEPTH:
            raise ImportFormatError(
                f"the page nests its elements more than {MAX_DEPTH} deep; that is no article",
                code="import.html_too_deep",
                limit=MAX_DEPTH,
            )
        self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and not self.dropping:
            self._close_to(tag)
        elif self.dropping and self.dropping[-1] == tag:
            self.dropping.pop()

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
                if not self.dropping and self._capture is not None:
                    text, self._capture = "".join(self._capture), None
                    if tag == "script":
                        self.json_ld.append(text)
                    elif tag == "title":
                        self.title = " ".join(text.split())
            return
        if tag == "p" and not any(e.tag == "p" for e in self.stack[1:]):
            self.stack[-1].children.append(Element("p", parent=self.stack[-1]))  # a stray </p>
            return
        self._close_to(tag)

    def handle_data(self, data: str) -> None:
        if self._capture is not None and sum(map(len, self._capture)) < 1_000_000:
            self._capture.append(data)
        if self.dropping or not data:
            return
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)

    # Comments, processing instructions and declarations never enter (HTMLParser's defaults
    # already ignore them; named here so that nobody adds a handler by accident).
    def handle_comment(self, data: str) -> None:
        return

    def unknown_decl(self, data: str) -> None:
        return


@dataclass
class ParsedPage:
    """The tree and what the page said about itself (meta tags, JSON-LD blocks, its title)."""

    root: Element
    meta: dict[str, str]
    json_ld: list[str]
    title: str


def parse_html(text: str) -> ParsedPage:
    """The document's tree under a `#root` element; ImportFormatError past the bounds."""
    builder = _TreeBuilder()
    # Fed in pieces, so that a refusal comes as soon as a bound is passed.
    for start in range(0, len(text), 1 << 16):
        builder.feed(text[start : start + (1 << 16)])
    builder.close()
    return ParsedPage(builder.root, builder.meta, builder.json_ld, builder.title)
