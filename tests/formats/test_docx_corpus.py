"""The Word importer against 82 real documents nobody here wrote (shared/corpus/docx, pandoc's and
mammoth's reader tests), compared with pandoc reading the same file.

pandoc is the independent reader: its words (the same reader `pandoc -t plain` prints, taken from
its document tree so that a grid table's multi-line cells are not interleaved line by line, and
with the title block and abstract that the plain template leaves out) must agree with our
article's words to at least 98 % (difflib sequence similarity), and headings, list items, web
links and pictures must be counted the same.
"""

from __future__ import annotations

import difflib
import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from newsdesk.errors import ImportFormatError
from newsdesk.formats.docx_import import import_docx
from newsdesk.model.article import Article
from newsdesk.model.counts import plain_text
from tests.shared_files import SHARED, shared_path

pypandoc = pytest.importorskip("pypandoc", reason="pypandoc-binary (the test extra) is needed")

CORPUS = SHARED / "corpus" / "docx"
DOCUMENTS = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
# Documents with no text at all: the importer must refuse these with one line.
NO_TEXT = {"mammoth-empty.docx", "mammoth-tiny-picture-target-base-relative.docx"}
WORD = re.compile(r"\w+")
# Where we read a document differently from pandoc on purpose (or mammoth reads less than pandoc):
# the counts (headings, list items, links, pictures) we get instead, and why.
KNOWN_COUNTS = {
    # pandoc reads no picture inside a text box; we keep the photo (or, for a picture that is no
    # JPEG/PNG/WebP, a missing-photo entry that the check reports).
    "pandoc-image_with_textbox_caption.docx": (0, 0, 0, 1),
    "pandoc-textbox_image.docx": (0, 0, 0, 1),
    # A GFM table cell holds no list: its items are kept, joined by semicolons.
    "pandoc-table_with_list_cell.docx": (0, 0, 0, 0),
    # A continuation paragraph of a list item is read by mammoth as an item of its own.
    "pandoc-task_list.docx": (0, 7, 0, 0),
    # A Title paragraph after a cover-page table: pandoc reads it as text, we as the headline.
    "pandoc-0_level_headers.docx": (4, 0, 0, 0),
    # An empty Heading paragraph is no heading to us.
    "pandoc-table_captions_no_field.docx": (0, 0, 0, 0),
    # mammoth reads a hyperlink written as a field code (instrText) only in its simple form; the
    # link's text arrives, its address does not.
    "pandoc-empty_field.docx": (0, 0, 1, 0),
    "pandoc-instrText_hyperlink.docx": (0, 0, 1, 0),
}
KNOWN_SIMILARITY = {
    # The Title paragraph stands after a cover-page table; we put the headline first.
    "pandoc-0_level_headers.docx": 0.97,
    # A deleted paragraph mark joins its paragraph to the next, as Word shows it after accepting
    # ("splitParagraph."); pandoc keeps a break between the two.
    "pandoc-paragraph_insertion_deletion.docx": 0.66,
}
_WEB = re.compile(r"^(?:https?:|mailto:)")


def _pandoc_tree(path: Path) -> dict:
    output = subprocess.run(
        [pypandoc.get_pandoc_path(), "-f", "docx", "-t", "json", str(path)],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    return json.loads(output)


class _PandocReading:
    """Words in reading order (notes after the body) and the counts of one pandoc document."""

    def __init__(self, tree: dict) -> None:
        self.words: list[str] = []
        self.note_words: list[str] = []
        self.headings = self.items = self.links = self.images = 0
        meta = tree.get("meta", {})
        self.headings += "title" in meta
        for key in ("title", "subtitle", "author", "date", "abstract"):
            if key in meta:
                self._walk(meta[key], self.words)
        self._walk(tree["blocks"], self.words)
        self.words, self.note_words = _words("".join(self.words)), _words("".join(self.note_words))

    def _walk(self, node: object, into: list[str]) -> None:
        if isinstance(node, list):
            for each in node:
                self._walk(each, into)
            return
        if not isinstance(node, dict):
            return
        kind, content = node.get("t"), node.get("c")
        if kind == "Str":
            into.append(content)
            return
        if kind in ("Space", "SoftBreak", "LineBreak"):
            into.append(" ")
            return
        if kind in ("Code", "Math", "RawInline"):
            into.append(str(content[-1]))
            return
        if kind in ("CodeBlock", "RawBlock"):
            into.append(" " + str(content[-1]) + " ")
            return
        if kind == "Note":
            self._walk(content, self.note_words)
            return
        if kind == "Header":
            self.headings += 1
        elif kind in ("BulletList", "OrderedList"):
            items = content if kind == "BulletList" else content[1]
            self.items += len(items)
        elif kind == "Link" and _WEB.match(content[-1][0]):
            self.links += 1
        elif kind == "Image":
            self.images += 1
        if kind and kind[0].isupper() and kind not in _INLINE_KINDS:
            into.append(" ")  # a block ends: its words do not run into the next block's
        self._walk(content, into)
        if kind and kind not in _INLINE_KINDS:
            into.append(" ")


_INLINE_KINDS = {
    "Emph", "Strong", "Strikeout", "Underline", "Superscript", "Subscript", "SmallCaps",
    "Quoted", "Cite", "Span", "Link", "Image",
}  # fmt: skip


def _words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", text).lower())


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_NOTE_DEFINITION = re.compile(r"^\[\^\w+\]: (.*)$", re.M)
_NOTE_REFERENCE = re.compile(r"\[\^\w+\]")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s", re.M)
_IMAGE = re.compile(r"!\[\]\(image:(\w+)\)")
_LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\((?:https?:|mailto:)[^)]*\)")


class _OurReading:
    def __init__(self, article: Article, from_bold_line: bool) -> None:
        self.words: list[str] = []
        self.note_words: list[str] = []
        self.headings = self.items = self.links = 0
        self.images = len(article.images)
        self._add(article.headline, article.subheadline)
        if article.lead_image is not None:
            self._add(article.lead_image.alt)
        for section in article.walk_sections():
            self.headings += bool(section.heading)
            self._add(section.heading)
            markdown = _COMMENT.sub(" ", section.markdown)  # private notes: pandoc drops comments
            self.links += len(_LINK.findall(markdown))
            for note in _NOTE_DEFINITION.findall(markdown):
                self.note_words += _words(plain_text(note))
            markdown = _NOTE_REFERENCE.sub("", _NOTE_DEFINITION.sub("", markdown))
            self.headings += len(re.findall(r"^#{3,6} ", markdown, re.M))
            self.items += len(_LIST_ITEM.findall(markdown))
            markdown = re.sub(r"^Table: ", "", markdown, flags=re.M)
            markdown = _IMAGE.sub(lambda m: " " + article.find_image(m[1]).alt + " ", markdown)
            self._add(plain_text(_LIST_ITEM.sub(" ", markdown)))
        # pandoc reads a headline as a Header or as the title in its meta; a bold first line
        # that we take for the headline is a paragraph to pandoc.
        self.headings += bool(article.headline) and not from_bold_line

    def _add(self, *texts: str) -> None:
        for text in texts:
            self.words += _words(text)


def _similarity(ours: list[str], theirs: list[str]) -> float:
    return difflib.SequenceMatcher(None, ours, theirs, autojunk=False).ratio()


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_every_corpus_document_imports_like_pandoc_reads_it(path: Path) -> None:
    shared_path("corpus", "docx")
    if path.name in NO_TEXT:
        with pytest.raises(ImportFormatError) as refused:
            import_docx(path.read_bytes(), path.name)
        assert "\n" not in str(refused.value) and refused.value.code.startswith("import.docx_")
        return
    result = import_docx(path.read_bytes(), path.name)
    pandoc = _PandocReading(_pandoc_tree(path))
    from_bold_line = any(n.code == "import.headline_from_bold_line" for n in result.notes)
    ours = _OurReading(result.article, from_bold_line)
    ratio = _similarity(ours.words + ours.note_words, pandoc.words + pandoc.note_words)
    expected_ratio = KNOWN_SIMILARITY.get(path.name, 0.98)
    assert ratio >= expected_ratio, (ratio, " ".join(ours.words), " ".join(pandoc.words))
    pandoc_counts = (pandoc.headings, pandoc.items, pandoc.links, pandoc.images)
    expected = KNOWN_COUNTS.get(path.name, pandoc_counts)
    assert (ours.headings, ours.items, ours.links, ours.images) == expected


def test_the_corpus_is_there_when_shared_is() -> None:
    shared_path("corpus", "docx")
    assert len(DOCUMENTS) == 82
