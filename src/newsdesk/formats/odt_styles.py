"""What an OpenDocument text's styles say, as far as an article cares.

ODF keeps formatting in styles, not in the text: a paragraph or span names a style (often an
automatic one, "P3" or "T1", whose parent is a named style such as "Heading 1" or "Quotations"),
and a list names a list style whose levels are bullets or numbers. This module resolves a name to:

- a paragraph's role: title, subtitle, heading N, quote, caption (Caption, and LibreOffice's
  caption categories Illustration, Figure, Drawing, Table), or plain;
- the marks a span (or a whole paragraph) carries: bold, italic, struck through;
- whether a list level is numbered.

Style names are matched by their display name (or the name with ODF's `_20_` for a space
decoded), case-insensitively, in English and German, as LibreOffice and Word write them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree

STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

_ROLES = {
    "title": "title",
    "titel": "title",
    "subtitle": "subtitle",
    "untertitel": "subtitle",
    "quotations": "quote",
    "quote": "quote",
    "intense quote": "quote",
    "block text": "quote",
    "zitat": "quote",
    "zitate": "quote",
    "intensives zitat": "quote",
    "caption": "caption",
    "beschriftung": "caption",
    "illustration": "caption",
    "abbildung": "caption",
    "figure": "caption",
    "drawing": "caption",
    "zeichnung": "caption",
    "table": "caption",
    "tabelle": "caption",
}
_HEADING = re.compile(r"^(?:heading|überschrift)\s*(\d)$")
_BOLD_WEIGHTS = {"bold", "bolder", "600", "700", "800", "900"}
_MAX_PARENTS = 20  # a style chain longer than this is a loop or a hostile file


def _name(element: ElementTree.Element, attribute: str) -> str:
    return element.get(f"{{{STYLE}}}{attribute}", "")


def _readable(name: str) -> str:
    """ODF encodes a style name's spaces and other characters as `_20_` (hex): decoded."""
    return re.sub(r"_([0-9a-fA-F]{2})_", lambda m: chr(int(m[1], 16)), name)


@dataclass
class _Style:
    parent: str = ""
    display: str = ""
    marks: dict[str, bool] = field(default_factory=dict)  # "bold"/"italic"/"strike" -> on/off


@dataclass
class OdtStyles:
    """The paragraph, text and list styles of one document."""

    styles: dict[tuple[str, str], _Style] = field(default_factory=dict)  # (family, name)
    numbered_levels: dict[str, dict[int, bool]] = field(default_factory=dict)

    @classmethod
    def read(cls, *roots: ElementTree.Element | None) -> OdtStyles:
        found = cls()
        for root in roots:
            if root is None:
                continue
            for holder in root:
                if holder.tag not in (f"{{{OFFICE}}}styles", f"{{{OFFICE}}}automatic-styles"):
                    continue
                for element in holder:
                    if element.tag == f"{{{STYLE}}}style":
                        found._add_style(element)
                    elif element.tag == f"{{{TEXT}}}list-style":
                        found._add_list_style(element)
        return found

    def _add_style(self, element: ElementTree.Element) -> None:
        style = _Style(
            parent=_name(element, "parent-style-name"), display=_name(element, "display-name")
        )
        properties = element.find(f"{{{STYLE}}}text-properties")
        if properties is not None:
            weight = properties.get(f"{{{FO}}}font-weight")
            if weight is not None:
                style.marks["bold"] = weight in _BOLD_WEIGHTS
            slant = properties.get(f"{{{FO}}}font-style")
            if slant is not None:
                style.marks["italic"] = slant in ("italic", "oblique")
            struck = properties.get(f"{{{STYLE}}}text-line-through-style")
            if struck is not None:
                style.marks["strike"] = struck != "none"
        self.styles[(_name(element, "family"), _name(element, "name"))] = style

    def _add_list_style(self, element: ElementTree.Element) -> None:
        levels: dict[int, bool] = {}
        for level in element:
            try:
                number = int(level.get(f"{{{TEXT}}}level", "0"))
            except ValueError:
                continue
            levels[number] = level.tag == f"{{{TEXT}}}list-level-style-number"
        self.numbered_levels[_name(element, "name")] = levels

    def _chain(self, family: str, name: str) -> list[tuple[str, _Style]]:
        chain: list[tuple[str, _Style]] = []
        while name and len(chain) < _MAX_PARENTS:
            style = self.styles.get((family, name))
            if style is None:
                chain.append((name, _Style()))  # a style the document names but does not hold
                break
            chain.append((name, style))
            name = style.parent
        return chain

    def paragraph_role(self, name: str) -> str:
        """ "title", "subtitle", "quote", "caption", "h1".."h6" or "" for a paragraph style."""
        for style_name, style in self._chain("paragraph", name):
            for label in (style.display, _readable(style_name)):
                label = " ".join(label.lower().split())
                heading = _HEADING.match(label)
                if heading:
                    return f"h{min(max(int(heading[1]), 1), 6)}"
                if label in _ROLES:
                    return _ROLES[label]
        return ""

    def marks(self, family: str, name: str) -> set[str]:
        """The marks a style carries, the nearest setting in its chain winning."""
        decided: dict[str, bool] = {}
        for _style_name, style in self._chain(family, name):
            for mark, on in style.marks.items():
                decided.setdefault(mark, on)
        return {mark for mark, on in decided.items() if on}

    def is_numbered(self, list_style: str, level: int) -> bool:
        return self.numbered_levels.get(list_style, {}).get(level, False)
