"""An element tree (html_import_tree) into blocks of Newsdesk Markdown.

The Word importer (through mammoth's HTML) and the web-page importer share this: each block-level
element becomes a `Block` (a heading, a paragraph of Markdown, a picture, or a finished piece of
Markdown such as a list, a quote, a table or code), and inline markup becomes the dialect's:
`**bold**`, `*italic*`, `~~struck~~`, `[links](https://...)` (web and mail addresses only),
a backslash line break, GFM pipe tables with a `Table: caption` line, `[^1]` footnotes and
`<!-- -->` private notes (Word comments). Every character of the text is escaped so that it
renders as written. Anything else (fonts, colours, underline, classes) is left behind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsdesk.formats.html_import_tree import Element
from newsdesk.model.web_addresses import safe_link_url

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_CONTAINERS = frozenset(
    [
        "#root",
        "html",
        "body",
        "main",
        "article",
        "section",
        "div",
        "header",
        "footer",
        "span",
        "center",
        "font",
        "nav",
        "aside",
        "details",
        "summary",
        "hgroup",
        "address",
        "fieldset",
        "legend",
    ]
)
_INLINE_SKIPPED = frozenset(["#root"])
_BOLD, _ITALIC, _STRUCK = (
    frozenset(["strong", "b"]),
    frozenset(["em", "i", "cite", "dfn", "var"]),
    (frozenset(["s", "del", "strike"])),
)
_ESCAPE_INLINE = re.compile(r"([\\`*_\[\]])")
_ENTITY = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[a-zA-Z0-9]+;)")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_BLOCK_START = re.compile(r"^(#|>|[-+=]|\d{1,9}(?=[.)](?:\s|$)))")
# Mammoth's note references: <a href="#footnote-1" id="footnote-ref-1">[1]</a>, "#comment-0".
NOTE_LINK = re.compile(r"^#(?P<kind>footnote|endnote|comment)-(?P<key>[\w-]+)$")

# Called for each picture with the <img> and its <figure>'s <figcaption> (or None); returns the
# image's id in the article, or None when the picture does not become an image.
ImageHandler = Callable[[Element, "Element | None"], "str | None"]


@dataclass
class Block:
    """One block of the article body, in reading order."""

    kind: str  # "heading", "paragraph", "image", "markdown"
    markdown: str = ""  # heading: its plain text; image: the image id
    level: int = 0  # heading level
    classes: frozenset[str] = frozenset()
    notes: list[str] = field(default_factory=list)  # footnote labels this block refers to
    plain: str = ""  # a paragraph's plain text (for the headline and caption rules)
    only_bold: bool = False  # the whole paragraph is bold (a Word "title" without the style)
    lines: tuple[str, ...] = ()  # a paragraph's plain text line by line (split at its <br>s)


def escape_text(text: str) -> str:
    """Text that renders literally inside a paragraph (white space already collapsed)."""
    text = _ESCAPE_INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    text = _TAG_START.sub("&lt;", text)
    return text.replace("~~", "~&#126;")


def escape_block_start(markdown: str) -> str:
    """A paragraph whose first characters would start a list, quote or heading, made literal."""
    match = _BLOCK_START.match(markdown)
    if not match:
        return markdown
    start = match.group(1)
    if start[0].isdigit():
        return start + "\\" + markdown[len(start) :]
    if start == "=":
        return "&#61;" + markdown[1:]
    return "\\" + markdown


def _wrap(marker: str, inner: str) -> str:
    """`**inner**` with the spaces around the text kept outside the markers."""
    core = inner.strip()
    if not core:
        return inner
    lead = " " if inner[:1].isspace() else ""
    trail = " " if inner[-1:].isspace() else ""
    return f"{lead}{marker}{core}{marker}{trail}"


class MarkdownConverter:
    """Converts elements to blocks; holds the note texts and the image handler of one import."""

    def __init__(
        self,
        on_image: ImageHandler | None = None,
        notes: dict[str, Element] | None = None,
        comments: dict[str, Element] | None = None,
    ) -> None:
        self.on_image = on_image
        self.note_elements = notes or {}
        self.comment_elements = comments or {}
        self.note_labels: dict[str, str] = {}  # note key -> its [^label]
        self.note_markdown: dict[str, str] = {}  # label -> the definition's Markdown
        self.comment_count = 0
        self.table_count = 0
        self._pending_images: list[str] = []
        self._block_notes: list[str] = []

    # ---- inline -------------------------------------------------------------------------------

    def inline(self, element: Element) -> str:
        """The Markdown of an element's inline content (one line, except backslash breaks)."""
        parts: list[str] = []
        for child in element.children:
            if isinstance(child, str):
                parts.append(escape_text(re.sub(r"\s+", " ", child)))
            else:
                parts.append(self._inline_element(child))
        return "".join(parts)

    def _inline_element(self, element: Element) -> str:
        tag = element.tag
        if tag == "br":
            return "\\\n"
        if tag == "img":
            image_id = self.on_image(element, None) if self.on_image else None
            if image_id:
                self._pending_images.append(image_id)
            return ""
        if tag in HEADINGS or tag in ("ul", "ol", "table", "blockquote", "pre", "p", "li"):
            return " " + self.inline(element) + " "  # block markup in inline context: its text
        if tag == "a":
            return self._link(element)
        if tag == "sup" and len(element.children) == 1 and isinstance(element.children[0], Element):
            only = element.children[0]
            if only.tag == "a" and NOTE_LINK.match(only.attrs.get("href", "")):
                return self._link(only)
        inner = self.inline(element)
        if tag in _BOLD:
            return _wrap("**", inner)
        if tag in _ITALIC:
            return _wrap("*", inner)
        if tag in _STRUCK:
            return _wrap("~~", inner)
        if tag in ("code", "kbd", "samp", "tt"):
            text = element.text()
            return f"`{text}`" if text and "`" not in text else inner
        return inner

    def _link(self, element: Element) -> str:
        href = element.attrs.get("href", "").strip()
        note = NOTE_LINK.match(href)
        if note and note["kind"] == "comment" and note["key"] in self.comment_elements:
            return self._comment(note["key"])
        note_key = f"{note['kind']}-{note['key']}" if note else ""
        if note_key in self.note_elements:
            return self._note_reference(note_key)
        inner = self.inline(element)
        url = safe_link_url(href) if href and not href.startswith("#") else ""
        if not url or not inner.strip():
            return inner
        url = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        core = inner.strip()
        lead = " " if inner[:1].isspace() else ""
        trail = " " if inner[-1:].isspace() else ""
        return f"{lead}[{core}]({url}){trail}"

    def _comment(self, key: str) -> str:
        element = self.comment_elements.pop(key)  # each comment once, where it is anchored
        text = " ".join(self._plain_blocks(element)).strip()
        if not text:
            return ""
        self.comment_count += 1
        # "--" may not stand inside an HTML comment; a Word comment may hold one.
        text = re.sub(r"-{2,}", "–", text).replace(">", "›")
        return f"<!-- {text} -->"

    def _note_reference(self, key: str) -> str:
        label = self.note_labels.get(key)
        if label is None:
            label = str(len(self.note_labels) + 1)
            self.note_labels[key] = label
            element = self.note_elements[key]
            self.note_markdown[label] = " ".join(
                self.inline(child) if isinstance(child, Element) else escape_text(child)
                for child in element.children
            )
            self.note_markdown[label] = " ".join(self.note_markdown[label].split())
        self._block_notes.append(label)
        return f"[^{label}]"

    def _plain_blocks(self, element: Element) -> list[str]:
        return [" ".join(self.inline(element).replace("\\\n", " ").split())]

    # ---- blocks -------------------------------------------------------------------------------

    def blocks(self, element: Element) -> list[Block]:
        """The blocks of an element's content, containers flattened, in reading order."""
        out: list[Block] = []
        loose: list[Element | str] = []  # inline content standing directly in a container

        def flush() -> None:
            if loose:
                holder = Element("p", children=list(loose))
                loose.clear()
                out.extend(self._paragraph(holder))

        for child in element.children:
            if isinstance(child, str) or not self._is_block(child):
                loose.append(child)
                continue
            flush()
            out.extend(self._block(child))
        flush()
        return out

    def _is_block(self, element: Element) -> bool:
        return element.tag in _CONTAINERS - {"span", "font"} or element.tag in (
            *HEADINGS,
            "p",
            "ul",
            "ol",
            "dl",
            "blockquote",
            "pre",
            "table",
            "figure",
            "hr",
            "li",
            "dt",
            "dd",
            "figcaption",
        )

    def _block(self, element: Element) -> list[Block]:
        tag = element.tag
        if tag in HEADINGS:
            self._block_notes = []
            text = " ".join(self.inline(element).replace("\\\n", " ").split())
            images = self._take_images()
            heading = Block("heading", element.text(), HEADINGS[tag], frozenset(element.classes()))
            heading.notes = self._block_notes
            return ([heading] if text else []) + images
        if tag in ("p", "dt", "dd", "figcaption", "li"):
            return self._paragraph(element)
        if tag in ("ul", "ol"):
            return self._finished(self.list_markdown(element, 0))
        if tag == "dl":
            return [
                b
                for child in element.children
                if isinstance(child, Element)
                for b in self._block(child)
            ]
        if tag == "blockquote":
            return self._finished(self.quote_markdown(element))
        if tag == "pre":
            code = element.text() if not element.children else _pre_text(element)
            lines = [("    " + line).rstrip() for line in code.strip("\n").split("\n")]
            return [Block("markdown", "\n".join(lines))] if code.strip() else []
        if tag == "table":
            return self._finished(self.table_markdown(element))
        if tag == "figure":
            return self._figure(element)
        if tag == "hr":
            return []
        return self.blocks(element)

    def _finished(self, markdown: str) -> list[Block]:
        block = Block("markdown", markdown, notes=self._block_notes)
        self._block_notes = []
        images = self._take_images()
        return ([block] if markdown.strip() else []) + images

    def _take_images(self) -> list[Block]:
        images = [Block("image", image_id) for image_id in self._pending_images]
        self._pending_images = []
        return images

    def _paragraph(self, element: Element) -> list[Block]:
        self._block_notes = []
        markdown = self.inline(element)
        markdown = re.sub(r"[ \t]*\\\n[ \t]*", "\\\n", markdown)
        markdown = re.sub(r"(?:\\\n)+$", "", re.sub(r"^(?:\\\n)+", "", markdown.strip()))
        markdown = re.sub(r"[ \t]{2,}", " ", markdown).strip()
        notes, self._block_notes = self._block_notes, []
        images = self._take_images()
        if not markdown:
            return images
        strong = [c for c in element.children if not (isinstance(c, str) and not c.strip())]
        only_bold = len(strong) == 1 and isinstance(strong[0], Element) and strong[0].tag in _BOLD
        block = Block(
            "paragraph",
            escape_block_start(markdown),
            classes=frozenset(element.classes()),
            notes=notes,
            plain=element.text(),
            only_bold=only_bold,
            lines=text_lines(element),
        )
        return [block, *images]

    def _figure(self, element: Element) -> list[Block]:
        caption = element.find("figcaption")
        pictures = element.find_all("img")
        out = []
        for img in pictures:
            image_id = self.on_image(img, caption) if self.on_image else None
            if image_id:
                out.append(Block("image", image_id))
        if not pictures and caption is not None:
            out.extend(self._paragraph(caption))
        return out

    def list_markdown(self, element: Element, depth: int) -> str:
        """A (nested) list: `- ` or `1. ` items, four spaces per level (Python-Markdown's rule)."""
        lines: list[str] = []
        ordered = element.tag == "ol"
        number = 0
        for item in element.children:
            if not isinstance(item, Element):
                continue
            if item.tag in ("ul", "ol"):  # a list directly inside a list: Word does that
                lines.append(self.list_markdown(item, depth + 1))
                continue
            number += 1
            marker = f"{number}." if ordered else "-"
            text_parts: list[str] = []
            nested: list[str] = []
            for child in item.children if item.tag == "li" else [item]:
                if isinstance(child, Element) and child.tag in ("ul", "ol"):
                    nested.append(self.list_markdown(child, depth + 1))
                elif isinstance(child, Element) and child.tag in ("p", "div"):
                    text_parts.append(self.inline(child))
                elif isinstance(child, Element) and child.tag == "img":
                    self._inline_element(child)
                else:
                    text_parts.append(self.inline(Element("span", children=[child])))
            text = " ".join(" ".join(text_parts).replace("\\\n", " ").split())
            indent = "    " * depth
            lines.append(f"{indent}{marker} {escape_block_start(text)}".rstrip())
            lines.extend(nested)
        return "\n".join(line for line in lines if line.strip())

    def quote_markdown(self, element: Element) -> str:
        inner = []
        for block in self.blocks(element):
            if block.kind == "image":
                self._pending_images.append(block.markdown)
            elif block.kind == "heading":
                inner.append(f"**{escape_text(block.markdown)}**")
            else:
                inner.append(block.markdown)
                self._block_notes.extend(block.notes)
        text = "\n\n".join(inner)
        return "\n".join(f"> {line}".rstrip() for line in text.split("\n"))

    def table_markdown(self, element: Element) -> str:
        """A GFM pipe table; the first row is the header (GFM has none without one)."""
        rows: list[list[str]] = []
        for row in element.find_all("tr"):
            cells = [c for c in row.children if isinstance(c, Element) and c.tag in ("td", "th")]
            texts = []
            for cell in cells:
                parts = [_cell_text(b) for b in self.blocks(cell) if b.kind != "image"]
                text = " ".join(" ".join(parts).replace("\\\n", " ").split())
                texts.append(text.replace("|", "\\|"))
                span = cell.attrs.get("colspan", "1")
                texts.extend(
                    [""] * (min(int(span), 50) - 1 if span.isdigit() and int(span) > 1 else 0)
                )
            if any(texts):
                rows.append(texts)
        if not rows:
            return ""
        self.table_count += 1
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        caption = element.find("caption")
        if caption is not None and caption.text():
            lines.append("Table: " + escape_text(caption.text()))
        return "\n".join(lines)


_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+", re.M)


def _cell_text(block: Block) -> str:
    """A block inside a table cell, on one line: a list's items joined by semicolons."""
    if block.kind == "heading":
        return escape_text(block.markdown)
    if block.kind == "markdown" and _LIST_MARKER.match(block.markdown):
        items = [_LIST_MARKER.sub("", line) for line in block.markdown.split("\n")]
        return "; ".join(item.strip() for item in items if item.strip())
    return block.markdown


def text_lines(element: Element) -> tuple[str, ...]:
    """The element's text split at its line breaks, each line's white space collapsed: a photo's
    caption paragraph holds caption, credit and notice on lines of their own."""
    lines: list[list[str]] = [[]]
    stack: list[Element | str] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            lines[-1].append(node)
        elif node.tag == "br":
            lines.append([])
        else:
            stack.extend(reversed(node.children))
    joined = (" ".join("".join(parts).split()) for parts in lines)
    return tuple(line for line in joined if line)


def _pre_text(element: Element) -> str:
    parts: list[str] = []
    stack: list[Element | str] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
        elif node.tag == "br":
            parts.append("\n")
        else:
            stack.extend(reversed(node.children))
    return "".join(parts)
