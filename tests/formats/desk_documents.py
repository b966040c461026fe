"""Word files as the desk sends them back: exported by Newsdesk, then edited in Word.

python-docx opens the exported bytes and edits them the way Word would: paragraphs retyped,
comments added, and tracked changes written as raw `w:ins` / `w:del` / `w:moveFrom` / `w:moveTo`
XML (python-docx has no API for them), each with an author and a date.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from itertools import count

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph

from newsdesk.formats.docx_export import docx_bytes
from newsdesk.model.article import Article

DATE = "2026-12-05T09:30:00Z"
_ids = count(900)


def desk_edit(article: Article, edit: Callable[[Document], None]) -> bytes:
    """The article exported to Word, edited by `edit`, saved again."""
    document = docx.Document(io.BytesIO(docx_bytes(article)))
    edit(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def paragraph_with(document: Document, words: str) -> Paragraph:
    """The first body paragraph whose text holds `words`."""
    return next(p for p in document.paragraphs if words in p.text)


def retype(paragraph: Paragraph, text: str) -> None:
    """The paragraph's text replaced, its style kept (as typing over it in Word does)."""
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    for link in paragraph._p.findall(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hyperlink"
    ):
        paragraph._p.remove(link)
    if paragraph.runs:
        paragraph.runs[0].text = text
        paragraph.runs[0].bold = None
        paragraph.runs[0].italic = None
    else:
        paragraph.add_run(text)


def _run(text: str, deleted: bool) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def tracked(kind: str, text: str, author: str = "Desk", date: str = DATE) -> str:
    """One tracked change as Word writes it: kind is ins, del, moveFrom or moveTo."""
    deleted = kind in ("del", "moveFrom")
    return (
        f'<w:{kind} w:id="{next(_ids)}" w:author="{author}" w:date="{date}">'
        f"{_run(text, deleted)}</w:{kind}>"
    )


def move_end(kind: str, text: str, name: str, author: str = "Desk") -> str:
    """One end of a named move as Word writes it: kind is moveFrom or moveTo, between range
    markers that carry the move's name."""
    marker = next(_ids)
    return (
        f'<w:{kind}RangeStart w:id="{marker}" w:name="{name}" w:author="{author}" '
        f'w:date="{DATE}"/>{tracked(kind, text, author)}<w:{kind}RangeEnd w:id="{marker}"/>'
    )


def track_in(paragraph: Paragraph, *pieces: str) -> None:
    """The paragraph rebuilt from plain text and tracked changes (`tracked(...)` XML) in order."""
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    for piece in pieces:
        xml = piece if piece.startswith("<w:") else _run(piece, False)
        for element in list(parse_xml(f"<w:root {nsdecls('w')}>{xml}</w:root>")):
            paragraph._p.append(element)


def comment_on(document: Document, paragraph: Paragraph, text: str, author: str = "Desk") -> None:
    document.add_comment(paragraph.runs, text=text, author=author)
