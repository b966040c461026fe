"""The construct corpus (tests/formats/constructs/*.md) read by Newsdesk and by pandoc.

Each file is one minimal Markdown construct, written for these tests. Newsdesk reads it as a
Markdown import does (import_markdown, then each section body rendered as the export renders it);
pandoc reads the same input as `-f gfm+footnotes`. Both HTML trees are parsed and normalised (what
only decorates: classes, ids, roles, the table's scrolling frame, back links of notes; comments,
which no reader sees) and must be equal, or the file is listed in DIFFERENCES with the README's
"Markdown dialect" entry that says why Newsdesk decides differently.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
import pytest

from newsdesk.formats.markdown_import import import_markdown
from newsdesk.formats.markdown_render import render_markdown

pypandoc = pytest.importorskip("pypandoc", reason="pypandoc-binary (test extra) reads the corpus")

CORPUS = Path(__file__).parent / "constructs"
README = Path(__file__).resolve().parents[2] / "README.md"

# File -> the words of the README's "Markdown dialect" entry that explains the difference.
DIFFERENCES = {
    "15-bare-url": "a bare web address stays text",
    "16-javascript-link": "only web and mail links",
    "29-heading-closing-hashes": None,  # equal: kept to show closing hashes are dropped
    "58-b-tag": "every other tag is dropped",
    "59-span-tag": "every other tag is dropped",
    "60-script-tag": "every other tag is dropped",
    "61-img-tag": "every other tag is dropped",
    "67-table-caption": "table: caption",
    "71-footnote-twice": "a source note is listed once",
    "74-footnote-unused": "no source is dropped",
    "76-task-list-mixed": "task items and other items in one list",
    "78-en-table-caption": "table: caption",
}
DIFFERENCES = {name: why for name, why in DIFFERENCES.items() if why}

_SPACE = re.compile(r"\s+")
_KEPT_ATTRIBUTES = {"href", "start", "colspan", "rowspan"}
_BLOCKS = {
    "p", "ul", "ol", "li", "blockquote", "pre", "table", "thead", "tbody", "tr", "th", "td",
    "caption", "section", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "div", "body",
}  # fmt: skip


def newsdesk_html(markdown: str) -> str:
    article = import_markdown(markdown)
    return "\n".join(render_markdown(section.markdown) for section in article.sections)


def pandoc_html(markdown: str) -> str:
    return pypandoc.convert_text(markdown, "html", format="gfm+footnotes")


def _alignment(element: Element) -> str:
    style = element.get("style", "")
    match = re.search(r"text-align:\s*(\w+)", style)
    if match:
        return match.group(1)
    for name in element.get("class", "").split():
        if name.startswith("align-"):
            return name.removeprefix("align-")
    return ""


def _normalised(element: Element) -> tuple:
    """(tag, attributes, children) with text as strings; decoration left out (module docstring)."""
    classes = element.get("class", "").split()
    children: list = []

    def add_text(text: str | None) -> None:
        if text:
            if children and isinstance(children[-1], str):
                children[-1] += text
            else:
                children.append(text)

    add_text(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else "#comment"
        child_classes = child.get("class", "").split()
        if tag == "#comment" or "footnote-back" in child_classes:
            pass
        elif tag == "div" and "table-scroll" in child_classes:
            children.extend(_normalised(child)[2])
        elif tag == "label":
            inner = _normalised(child)[2]
            children.extend(inner)
        elif tag == "input" and child.get("type") == "checkbox":
            add_text("☑ " if child.get("checked") is not None else "☐ ")
        elif tag == "hr" and element.tag == "section":
            pass  # pandoc's rule above its notes
        else:
            children.append(_normalised(child))
        tail = child.tail
        if tail and tag == "br":
            tail = tail.lstrip()  # a line break's neighbouring white space shows nothing
        add_text(tail)
    # White space: collapsed, and dropped next to block boundaries.
    cleaned: list = []
    for n, child in enumerate(children):
        if isinstance(child, str):
            text = _SPACE.sub(" ", child)
            if n == 0 or (not isinstance(children[n - 1], str) and children[n - 1][0] in _BLOCKS):
                text = text.lstrip()
            if n == len(children) - 1 or (
                not isinstance(children[n + 1], str) and children[n + 1][0] in _BLOCKS
            ):
                text = text.rstrip()
            if text:
                cleaned.append(text)
        else:
            cleaned.append(child)
    for n, child in enumerate(cleaned[:-1]):
        if isinstance(child, str) and cleaned[n + 1] == ("br", (), ()):
            cleaned[n] = child.rstrip()
    tag = element.tag
    if "source-notes" in classes or "footnotes" in classes:
        tag = "notes"  # pandoc's <section> and our <div> of source notes
    if tag in ("em", "strong") and len(cleaned) == 1 and not isinstance(cleaned[0], str):
        inner = cleaned[0]
        if {tag, inner[0]} == {"em", "strong"}:
            return ("strong", (), (("em", (), inner[2]),))  # ***x***: either nesting
    attributes = {k: v for k, v in element.attrib.items() if k in _KEPT_ATTRIBUTES}
    if "footnote-ref" in classes or (element.tag == "li" and element.get("id")):
        attributes.pop("href", None)
    if element.tag in ("th", "td") and _alignment(element):
        attributes["align"] = _alignment(element)
    return (tag, tuple(sorted(attributes.items())), tuple(cleaned))


def tree(html: str) -> tuple:
    return _normalised(html5lib.parse(html, namespaceHTMLElements=False).find("body"))


CORPUS_FILES = sorted(CORPUS.glob("*.md"))


def test_the_corpus_has_at_least_sixty_constructs():
    assert len(CORPUS_FILES) >= 60


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.stem)
def test_each_construct_reads_as_pandoc_reads_it_or_the_readme_says_why_not(path):
    markdown = path.read_text(encoding="utf-8")
    ours, theirs = tree(newsdesk_html(markdown)), tree(pandoc_html(markdown))
    if path.stem in DIFFERENCES:
        assert ours != theirs, f"{path.stem} now reads as pandoc does: take it off DIFFERENCES"
        assert DIFFERENCES[path.stem] in README.read_text(encoding="utf-8").lower()
    else:
        assert ours == theirs
