"""Word lists that are lists: nesting by numbering level, and each numbered list counting from 1.

The default template's list styles ("List Bullet 2", "List Number 2", ...) are indented
paragraphs with a one-level numbering each, so Word, LibreOffice and every .docx reader see flat
lists, and all numbered lists of a document share one counter (the second list goes on at 4).
Here the document gets two numbering definitions of its own (w:abstractNum: bullets and decimal
numbers, three levels, indented per level), each list of the article its own instances of them
(w:num, numbers restarted at 1), and each item its level (w:ilvl = depth - 1).
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

MAX_LEVEL = 3
_STYLES = {False: "List Bullet", True: "List Number"}
_BULLETS = ("•", "◦", "▪")
_INDENT, _HANGING = 720, 360  # twentieths of a point: 1.27 cm per level, 0.63 cm hanging


def _element(tag: str, **attributes: str):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _abstract(abstract_id: int, numbered: bool):
    abstract = _element("w:abstractNum", abstractNumId=str(abstract_id))
    abstract.append(_element("w:multiLevelType", val="hybridMultilevel"))
    for level in range(MAX_LEVEL):
        lvl = _element("w:lvl", ilvl=str(level))
        lvl.append(_element("w:start", val="1"))
        lvl.append(_element("w:numFmt", val="decimal" if numbered else "bullet"))
        text = f"%{level + 1}." if numbered else _BULLETS[level]
        lvl.append(_element("w:lvlText", val=text))
        lvl.append(_element("w:lvlJc", val="left"))
        paragraph = _element("w:pPr")
        indent = str(_INDENT * (level + 1))
        paragraph.append(_element("w:ind", left=indent, hanging=str(_HANGING)))
        lvl.append(paragraph)
        abstract.append(lvl)
    return abstract


class ListNumbering:
    """The numbering of one document; call `new_list()` where a list starts."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.numbering = document.part.numbering_part.numbering_definitions._numbering
        self._abstract: dict[bool, str] = {}
        self._current: dict[bool, str] = {}

    def new_list(self) -> None:
        self._current = {}

    def _abstract_id(self, numbered: bool) -> str:
        if numbered not in self._abstract:
            existing = self.numbering.findall(qn("w:abstractNum"))
            used = [int(a.get(qn("w:abstractNumId"))) for a in existing]
            abstract = _abstract(max(used, default=-1) + 1, numbered)
            # The schema wants every abstractNum before the first num.
            first_num = self.numbering.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.numbering.append(abstract)
            self._abstract[numbered] = abstract.get(qn("w:abstractNumId"))
        return self._abstract[numbered]

    def _num_id(self, numbered: bool) -> str:
        if numbered in self._current:
            return self._current[numbered]
        abstract_id = self._abstract_id(numbered)
        used = [int(n.get(qn("w:numId"))) for n in self.numbering.findall(qn("w:num"))]
        num_id = str(max(used, default=0) + 1)
        num = _element("w:num", numId=num_id)
        num.append(_element("w:abstractNumId", val=abstract_id))
        if numbered:
            for level in range(MAX_LEVEL):
                override = _element("w:lvlOverride", ilvl=str(level))
                override.append(_element("w:startOverride", val="1"))
                num.append(override)
        self.numbering.append(num)
        self._current[numbered] = num_id
        return num_id

    def add_item(self, depth: int, numbered: bool) -> Paragraph:
        """A paragraph for a list item at `depth` (1 = top level)."""
        level = min(max(depth, 1), MAX_LEVEL)
        paragraph = self.document.add_paragraph(style=_STYLES[numbered])
        numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numbering.get_or_add_ilvl().val = level - 1
        numbering.get_or_add_numId().val = int(self._num_id(numbered))
        # The style's own indent would override the level's; the level decides.
        paragraph.paragraph_format.left_indent = None
        return paragraph
