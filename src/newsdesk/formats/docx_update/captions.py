"""Photo captions in a Word file Newsdesk exported: read back line by line, changes as fields.

The export (formats/docx_export.py) writes one Caption paragraph under each photo: the caption,
then after line breaks the credit and copyright ("Foto: Lena Vogt · © 2024 Stadtwerke") and, for
a symbol image, the label and notice ("Symbolbild: ..."); a photo without its picture gets the
paragraph alone, opened by "[Foto fehlt]". mammoth joins the lines, so they are read here from the
document XML. Each line is told by its form (the label, the "©"), the same way for the file made
from the article as it is and for the desk's file; a line that differs is a new field value.
The symbol-image switch itself is never turned off from a Word file (the press code asks for the
notice; the journalist decides), only the notice's text follows the desk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from lxml import etree

from newsdesk.formats.docx_update.field_comments import referenced_ids
from newsdesk.formats.docx_update.tracked_changes import DocumentXml, W
from newsdesk.formats.export_parts import Table, body_pieces
from newsdesk.formats.html_labels import PageLabels
from newsdesk.formats.markdown_blocks import IMAGE
from newsdesk.model.article import Article, Image

_DRAWING = f"{{{W}}}drawing"
_PICT = f"{{{W}}}pict"
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_CAPTION_STYLES = {"caption", "beschriftung", "image caption"}
NBSP = "\u00a0"


@dataclass(frozen=True)
class Figure:
    """A photo's place in the document: whether a picture stands there, and its caption lines."""

    picture: bool
    lines: tuple[str, ...]
    comments: tuple[str, ...] = ()  # ids of the desk's comments on the caption


def _lines(paragraph: etree._Element) -> tuple[str, ...]:
    parts: list[str] = []
    for node in paragraph.iter(f"{{{W}}}t", f"{{{W}}}br", f"{{{W}}}cr", f"{{{W}}}tab"):
        if node.tag == f"{{{W}}}t":
            parts.append(node.text or "")
        elif node.tag == f"{{{W}}}tab":
            parts.append(" ")
        else:
            parts.append("\n")
    return tuple(" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip())


def _style(paragraph: etree._Element, document: DocumentXml) -> str:
    style = paragraph.find(f"{{{W}}}pPr/{{{W}}}pStyle")
    style_id = style.get(f"{{{W}}}val", "") if style is not None else ""
    return document.style_names.get(style_id, style_id).strip().lower()


def figures(document: DocumentXml, labels: PageLabels) -> list[Figure]:
    """The photos' captions in reading order: a Caption paragraph right under a picture, or one
    opened by the missing-photo mark."""
    found: list[Figure] = []
    missing = f"[{labels.missing_photo}]"
    body = document.root.find(f"{{{W}}}body")
    previous_had_picture = False
    for paragraph in (body if body is not None else document.root).iter(f"{{{W}}}p"):
        has_picture = next(paragraph.iter(_DRAWING, _PICT), None) is not None
        if _style(paragraph, document) in _CAPTION_STYLES:
            lines = _lines(paragraph)
            comments = tuple(referenced_ids(paragraph))
            if previous_had_picture:
                found.append(Figure(True, lines, comments))
            elif lines and lines[0] == missing:
                found.append(Figure(False, lines, comments))
        previous_had_picture = has_picture
    return found


def exported_images(article: Article) -> list[Image]:
    """The photos in the order the export writes them: the lead, then each photo where the text
    places it (the same image may stand twice)."""
    by_id = {image.id: image for image in article.images}
    order = [article.lead_image] if article.lead_image is not None else []
    for section in article.walk_sections():
        pieces, _notes = body_pieces(section.markdown)
        for piece in pieces:
            if not isinstance(piece, Table) and piece.kind == IMAGE and piece.image_id in by_id:
                order.append(by_id[piece.image_id])
    return order


def _role(line: str, labels: PageLabels) -> str:
    lowered = line.lower()
    if line == f"[{labels.missing_photo}]":
        return "missing"
    if lowered.startswith(labels.symbolic_image.lower()):
        return "symbolic"
    credit_prefix = labels.photo_credit.format("").strip().lower()
    if lowered.startswith(credit_prefix) or "©" in line or lowered.startswith("(c)"):
        return "credit"
    return "caption"


def _by_role(lines: Sequence[str], labels: PageLabels) -> dict[str, str]:
    roles: dict[str, str] = {}
    for line in lines:
        role = _role(line, labels)
        if role == "caption" and "caption" in roles:
            roles["caption"] += " " + line  # a caption the desk broke into two lines
        else:
            roles.setdefault(role, line)
    return roles


def _credit_parts(line: str) -> tuple[str, str]:
    """(credit, copyright) as the credit line shows them."""
    credit, copyright_text = "", ""
    for part in line.replace(NBSP, " ").split(" · "):
        part = part.strip()
        if part.startswith("©") or part.lower().startswith("(c)"):
            copyright_text = part.removeprefix("©").removeprefix("(c)").removeprefix("(C)").strip()
        elif not credit:
            credit = part
    return credit, copyright_text


def _without_prefix(text: str, prefix: str) -> str:
    return text[len(prefix) :].strip() if text.lower().startswith(prefix.lower()) else text


def caption_changes(
    image: Image, before: Figure, after: Figure, labels: PageLabels
) -> dict[str, Any]:
    """The photo's fields whose line the desk changed, with their new values."""
    old, new = _by_role(before.lines, labels), _by_role(after.lines, labels)
    values: dict[str, Any] = {}
    if old.get("caption", "") != new.get("caption", ""):
        values["caption"] = new.get("caption", "")
    if old.get("credit", "") != new.get("credit", ""):
        old_credit, old_copyright = _credit_parts(old.get("credit", ""))
        new_credit, new_copyright = _credit_parts(new.get("credit", ""))
        prefix = labels.photo_credit.format("").strip()
        if new_credit != old_credit:
            values["credit"] = _without_prefix(new_credit, prefix)
        if new_copyright != old_copyright:
            values["copyright"] = new_copyright
    if image.symbolic and old.get("symbolic", "") != new.get("symbolic", "") and "symbolic" in new:
        notice = _without_prefix(new["symbolic"], labels.symbolic_image).lstrip(":").strip()
        values["disclaimer"] = notice
    return values


def pair_figures(baseline: list[Figure], desk: list[Figure]) -> list[tuple[int, int]]:
    """(baseline index, desk index) of the figures that are the same photo: all of them by order
    when the desk kept every photo, otherwise those the caption lines still match."""
    if len(baseline) == len(desk):
        return [(n, n) for n in range(len(baseline))]
    matcher = SequenceMatcher(
        None, [f.lines[:1] for f in baseline], [f.lines[:1] for f in desk], autojunk=False
    )
    pairs: list[tuple[int, int]] = []
    for op, b_start, b_end, d_start, d_end in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and b_end - b_start == d_end - d_start):
            pairs.extend(zip(range(b_start, b_end), range(d_start, d_end), strict=True))
    return pairs
