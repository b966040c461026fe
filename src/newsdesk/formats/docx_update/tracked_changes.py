"""Tracked changes of a Word document, listed for the journalist and resolved as chosen.

mammoth accepts every insertion and drops every deletion; File > Update from Word must not do that
silently. So the main document part is read here (after `docx_import_package.check_package` has
bounded the package: sizes, zip bombs, no entity declarations) with a parser that resolves no
entities and fetches nothing:

- `list_changes(package)` names each change: what was deleted and inserted, by whom, when, and
  where (the headline, the subheadline, a photo caption, or the section under a heading). A
  deletion directly followed by an insertion is one change (Word's "replace"); a move is one
  change when Word named both its ends (`move`, shown where the text went), otherwise two, the
  place it left (`moved_from`) and the place it went (`moved_to`). Changes of formatting and of
  paragraph marks (inside `w:rPr`, `w:pPr`, ...) are not listed: they carry no words.
- `resolve(package, accepted)` returns the document's bytes with each listed change accepted or
  rejected: an accepted insertion and a rejected deletion keep their text, the others lose it.
  The result holds no listed change any more, so mammoth reads exactly the chosen text.

Changes are numbered from 1 in reading order; the same bytes always give the same numbers.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from lxml import etree

from newsdesk.errors import ImportFormatError
from newsdesk.formats.docx_import_package import MAX_XML_PART_BYTES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_INS, _DEL = f"{{{W}}}ins", f"{{{W}}}del"
_MOVE_TO, _MOVE_FROM = f"{{{W}}}moveTo", f"{{{W}}}moveFrom"
_CHANGE_TAGS = (_INS, _DEL, _MOVE_TO, _MOVE_FROM)
_KEEPS_TEXT_WHEN_ACCEPTED = (_INS, _MOVE_TO)
# Between a deletion and the insertion that replaces it Word may leave range markers.
_MARKERS = {
    f"{{{W}}}{name}"
    for name in (
        "bookmarkStart",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "proofErr",
        "permStart",
        "permEnd",
    )
}
MAX_SHOWN_CHARS = 400  # a change's text as the list shows it; the document keeps all of it

PART_HEADLINE, PART_SUBHEADLINE, PART_CAPTION, PART_SECTION = (
    "headline",
    "subheadline",
    "caption",
    "section",
)
_TITLE_STYLES = {"title", "titel"}
_SUBTITLE_STYLES = {"subtitle", "untertitel"}
_CAPTION_STYLES = {"caption", "beschriftung", "image caption"}


@dataclass(frozen=True)
class TrackedChange:
    """One change as the dialog lists it (see the module docstring)."""

    number: int
    kind: str  # "insertion", "deletion", "replacement", "move", "moved_from", "moved_to"
    deleted: str
    inserted: str
    author: str
    date: str  # as Word wrote it (ISO 8601), "" when it did not
    part: str  # PART_HEADLINE, PART_SUBHEADLINE, PART_CAPTION or PART_SECTION
    heading: str  # the heading of the section it is in ("" for the untitled lead)


def _damaged(name: str) -> ImportFormatError:
    return ImportFormatError(
        f"{name} is damaged or not a Word document",
        code="import.docx_damaged",
        name=name,
    )


def parse_part(data: bytes, name: str) -> etree._Element:
    """An XML part of the package, parsed without entities, network or huge-tree allowances."""
    if len(data) > MAX_XML_PART_BYTES:
        raise _damaged(name)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _damaged(name) from exc


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _is_content_change(element: etree._Element) -> bool:
    """A change that holds runs (not a mark inside w:rPr, w:pPr, w:trPr, ...)."""
    parent = element.getparent()
    return element.tag in _CHANGE_TAGS and parent is not None and not _local(parent).endswith("Pr")


def change_elements(root: etree._Element) -> list[etree._Element]:
    """Every content change in reading order (the numbering both functions share)."""
    return [e for e in root.iter(*_CHANGE_TAGS) if _is_content_change(e)]


def _text(element: etree._Element, deleted: bool) -> str:
    wanted = {f"{{{W}}}delText", f"{{{W}}}delInstrText"} if deleted else {f"{{{W}}}t"}
    parts = []
    for node in element.iter():
        if node.tag in wanted:
            parts.append(node.text or "")
        elif node.tag == f"{{{W}}}tab":
            parts.append("\t")
        elif node.tag in (f"{{{W}}}br", f"{{{W}}}cr"):
            parts.append("\n")
    return "".join(parts)


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 1] + "…"


def _next_content(element: etree._Element) -> etree._Element | None:
    sibling = element.getnext()
    while sibling is not None and sibling.tag in _MARKERS:
        sibling = sibling.getnext()
    return sibling


def _style_names(styles: bytes | None, name: str) -> dict[str, str]:
    if not styles:
        return {}
    root = parse_part(styles, name)
    names = {}
    for style in root.iter(f"{{{W}}}style"):
        style_id = style.get(f"{{{W}}}styleId", "")
        named = style.find(f"{{{W}}}name")
        if style_id and named is not None:
            names[style_id] = named.get(f"{{{W}}}val", "")
    return names


def _paragraph_style(paragraph: etree._Element, names: Mapping[str, str]) -> str:
    style = paragraph.find(f"{{{W}}}pPr/{{{W}}}pStyle")
    style_id = style.get(f"{{{W}}}val", "") if style is not None else ""
    return names.get(style_id, style_id).strip().lower()


def _heading_level(style: str) -> int:
    for prefix in ("heading", "überschrift"):
        rest = style.removeprefix(prefix).strip()
        if style.startswith(prefix) and rest.isdigit():
            return int(rest)
    return 0


def _places(
    root: etree._Element, names: Mapping[str, str]
) -> Iterator[tuple[etree._Element, str, str]]:
    """Each paragraph with its part and the heading of the section it belongs to."""
    heading = ""
    for paragraph in root.iter(f"{{{W}}}p"):
        style = _paragraph_style(paragraph, names)
        level = _heading_level(style)
        if style in _TITLE_STYLES:
            yield paragraph, PART_HEADLINE, ""
            continue
        if style in _SUBTITLE_STYLES:
            yield paragraph, PART_SUBHEADLINE, ""
            continue
        if level in (1, 2):
            # The heading as the desk left it: accepted insertions, without deletions.
            heading = " ".join(_text(paragraph, deleted=False).split())
        part = PART_CAPTION if style in _CAPTION_STYLES else PART_SECTION
        yield paragraph, part, heading


@dataclass
class DocumentXml:
    """The main document part of a checked package, parsed, with the names to write it back."""

    root: etree._Element
    main_part: str
    style_names: dict[str, str]


def read_document_xml(data: bytes, main_part: str, name: str) -> DocumentXml:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            document = _read(archive, main_part, name)
            known = set(archive.namelist())
            styles = _read(archive, "word/styles.xml", name) if "word/styles.xml" in known else None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _damaged(name) from exc
    return DocumentXml(parse_part(document, name), main_part, _style_names(styles, name))


def _read(archive: zipfile.ZipFile, part: str, name: str) -> bytes:
    try:
        with archive.open(part) as handle:
            return handle.read(MAX_XML_PART_BYTES + 1)
    except (KeyError, NotImplementedError, zipfile.BadZipFile, OSError) as exc:
        raise _damaged(name) from exc


def _move_names(root: etree._Element) -> dict[etree._Element, str]:
    """Each moveFrom / moveTo with the name of the move it belongs to (Word marks both ends of a
    move with range markers of one name); a move without markers has no entry."""
    starts = {f"{{{W}}}moveFromRangeStart", f"{{{W}}}moveToRangeStart"}
    ends = {f"{{{W}}}moveFromRangeEnd", f"{{{W}}}moveToRangeEnd"}
    open_ranges: dict[str, str] = {}  # range id -> move name
    names: dict[etree._Element, str] = {}
    for node in root.iter(*starts, *ends, _MOVE_FROM, _MOVE_TO):
        if node.tag in starts:
            open_ranges[node.get(f"{{{W}}}id", "")] = node.get(f"{{{W}}}name", "")
        elif node.tag in ends:
            open_ranges.pop(node.get(f"{{{W}}}id", ""), None)
        elif open_ranges and _is_content_change(node):
            name = next(reversed(open_ranges.values()))
            if name:
                names[node] = name
    return names


def change_groups(root: etree._Element) -> list[list[etree._Element]]:
    """The content changes grouped as the journalist decides them, in reading order: a deletion
    with the insertion right after it (a replacement), both ends of a named move, else one each.
    Group n is change number n + 1."""
    groups: list[list[etree._Element]] = []
    group_of: dict[etree._Element, list[etree._Element]] = {}
    moves: dict[str, list[etree._Element]] = {}
    names = _move_names(root)
    for element in change_elements(root):
        if element in group_of:
            continue
        name = names.get(element)
        if name is not None and name in moves:
            moves[name].append(element)
            group_of[element] = moves[name]
            continue
        group = [element]
        following = _next_content(element)
        if element.tag == _DEL and following is not None and following.tag == _INS:
            group.append(following)
            group_of[following] = group
        if name is not None:
            moves[name] = group
        group_of[element] = group
        groups.append(group)
    return groups


def _kind(group: list[etree._Element]) -> str:
    tags = {element.tag for element in group}
    if tags == {_DEL, _INS}:
        return "replacement"
    if tags == {_MOVE_FROM, _MOVE_TO}:
        return "move"
    return {_INS: "insertion", _DEL: "deletion", _MOVE_TO: "moved_to", _MOVE_FROM: "moved_from"}[
        group[0].tag
    ]


def list_changes(document: DocumentXml) -> list[TrackedChange]:
    """The document's tracked changes in reading order (see the module docstring)."""
    place_of: dict[etree._Element, tuple[str, str]] = {}
    for paragraph, part, heading in _places(document.root, document.style_names):
        place_of[paragraph] = (part, heading)
    changes: list[TrackedChange] = []
    for group in change_groups(document.root):
        inserted = "".join(
            _text(e, deleted=False) for e in group if e.tag in _KEEPS_TEXT_WHEN_ACCEPTED
        )
        deleted = "".join(
            _text(e, deleted=True) for e in group if e.tag not in _KEEPS_TEXT_WHEN_ACCEPTED
        )
        # Where the text goes (a move's destination); a change around whole paragraphs is where
        # its first paragraph is.
        shown_at = next((e for e in group if e.tag == _MOVE_TO), group[0])
        paragraph = next(shown_at.iterancestors(f"{{{W}}}p"), None)
        if paragraph is None:
            paragraph = next(shown_at.iter(f"{{{W}}}p"), None)
        found = place_of.get(paragraph) if paragraph is not None else None
        part, heading = found if found is not None else (PART_SECTION, "")
        first = group[0]
        changes.append(
            TrackedChange(
                number=len(changes) + 1,
                kind=_kind(group),
                deleted=_shown(deleted),
                inserted=_shown(inserted),
                author=" ".join(first.get(f"{{{W}}}author", "").split())[:100],
                date=first.get(f"{{{W}}}date", "")[:40],
                part=part,
                heading=heading,
            )
        )
    return changes


def _numbers(root: etree._Element) -> list[tuple[etree._Element, int]]:
    """Each content change element with the number of the change it belongs to."""
    return [
        (element, number)
        for number, group in enumerate(change_groups(root), 1)
        for element in group
    ]


def _unwrap(element: etree._Element) -> None:
    """Put the element's children in its place, then remove it (its text is kept)."""
    parent = element.getparent()
    if parent is None:
        return
    at = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(at + offset, child)
    _remove(element)


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    # lxml keeps an element's tail text with the element; changes have none worth keeping, but
    # the tail must not vanish with it.
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _restore_deleted_text(element: etree._Element) -> None:
    for node in element.iter(f"{{{W}}}delText", f"{{{W}}}delInstrText"):
        node.tag = f"{{{W}}}t" if node.tag == f"{{{W}}}delText" else f"{{{W}}}instrText"


def resolve(document: DocumentXml, accepted: Mapping[int, bool]) -> etree._Element:
    """A copy of the main part with each change accepted (True) or rejected (False).

    Every listed change must have a decision: KeyError names the first one without.
    """
    root = copy.deepcopy(document.root)
    # Innermost first: a change inside another is settled before its container moves it.
    for element, number in reversed(_numbers(root)):
        keep = accepted[number] == (element.tag in _KEEPS_TEXT_WHEN_ACCEPTED)
        if keep:
            _restore_deleted_text(element)
            _unwrap(element)
        else:
            _remove(element)
    return root


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def with_part(data: bytes, part: str, content: bytes) -> bytes:
    """The package's bytes with one part replaced (every other part copied as it was)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            if entry.filename == part:
                target.writestr(entry.filename, content)
            else:
                target.writestr(entry, source.read(entry.filename))
    return out.getvalue()
