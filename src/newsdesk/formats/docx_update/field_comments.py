"""The desk's comments on the headline, the subheadline and photo captions.

The Word importer turns a comment into a private note where it is anchored in the text; the
headline and the subheadline cannot hold notes, and mammoth would leave the comment's reference
mark ("[1]") in them. So the references in Title and Subtitle paragraphs are taken out of the
document before it is read, and those comments become notes at the top of the lead; a comment on
a photo's caption becomes a note in that caption (captions keep private notes out of every
output, like section text).
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from newsdesk.formats.docx_import_package import MAX_XML_PART_BYTES
from newsdesk.formats.docx_update.tracked_changes import DocumentXml, W, parse_part

_REFERENCE = f"{{{W}}}commentReference"
_RANGES = (f"{{{W}}}commentRangeStart", f"{{{W}}}commentRangeEnd")
_FIELD_STYLES = {"title", "titel", "subtitle", "untertitel"}
COMMENTS_PART = "word/comments.xml"


def comment_texts(data: bytes, name: str) -> dict[str, str]:
    """Comment id -> its text in one line, from the package's comments part."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if COMMENTS_PART not in archive.namelist():
            return {}
        with archive.open(COMMENTS_PART) as handle:
            root = parse_part(handle.read(MAX_XML_PART_BYTES + 1), name)
    texts = {}
    for comment in root.iter(f"{{{W}}}comment"):
        paragraphs = [
            "".join(node.text or "" for node in p.iter(f"{{{W}}}t"))
            for p in comment.iter(f"{{{W}}}p")
        ]
        text = " ".join(" ".join(paragraphs).split())
        if text:
            # "--" may not stand inside an HTML comment (as the Word importer does it).
            texts[comment.get(f"{{{W}}}id", "")] = re.sub(r"-{2,}", "–", text).replace(">", "›")
    return texts


def referenced_ids(paragraph: etree._Element) -> list[str]:
    return [node.get(f"{{{W}}}id", "") for node in paragraph.iter(_REFERENCE)]


def _style(paragraph: etree._Element, document: DocumentXml) -> str:
    style = paragraph.find(f"{{{W}}}pPr/{{{W}}}pStyle")
    style_id = style.get(f"{{{W}}}val", "") if style is not None else ""
    return document.style_names.get(style_id, style_id).strip().lower()


def take_field_comments(document: DocumentXml) -> list[str]:
    """The ids of comments on the headline and subheadline, their marks taken out of `document`."""
    taken: list[str] = []
    for paragraph in document.root.iter(f"{{{W}}}p"):
        if _style(paragraph, document) not in _FIELD_STYLES:
            continue
        taken.extend(referenced_ids(paragraph))
        for node in list(paragraph.iter(_REFERENCE, *_RANGES)):
            parent = node.getparent()
            if parent is not None:
                parent.remove(node)
    return taken
