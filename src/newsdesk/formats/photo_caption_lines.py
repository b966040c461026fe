"""The lines under a picture in a Word document: caption, credit and notice, each to its field.

Our Word export (`docx_export`) writes one Caption paragraph under each photo: the caption, then
after line breaks the credit and copyright ("Foto: Ada Berg · © Hafenamt") and, for a symbol
image, the notice ("Symbolbild: Das Foto zeigt eine andere Fähre."). Documents typed by hand put
the same lines in paragraphs of their own under the picture. Read as one caption, they would join
into "Der Kai im RegenFoto: Ada Berg…", publish the credit twice and lose the notice that German
press practice asks for; so each line goes back where it came from:

    "Foto: Ada Berg", "Photo: Ada Berg"        -> credit "Ada Berg" (the page adds the label again)
    "Bild: Ada Berg", "Quelle: dpa"            -> credit as written (the page keeps such a label)
    "© Hafenamt" (also after " · ")            -> copyright "Hafenamt"
    "Symbolbild: Die Szene ist gestellt."      -> symbol image, notice "Die Szene ist gestellt."
    "Archivbild: Aufnahme von 2019"            -> symbol image, notice as written (its own label)
    "[Foto fehlt]", "[Photo missing]"          -> the export's mark for a photo still to be added
    any other line                             -> the caption (lines joined by a space)
"""

from __future__ import annotations

import re

from newsdesk.formats.html_labels import ENGLISH, GERMAN
from newsdesk.formats.markdown_escape import escape_markdown
from newsdesk.model.article import Image

_LABELS = (GERMAN, ENGLISH)
# The labels our pages put before a bare credit ("Foto: {}", "Photo: {}"): taken off on import.
_OWN_CREDIT_LABEL = re.compile(
    "^(?:" + "|".join(re.escape(lab.photo_credit.split("{}")[0]) for lab in _LABELS) + ")",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    r"^(?:(?:fotos?|photos?|bild(?:er)?|images?|quelle|source|grafik|graphic|credits?|"
    r"illustrations?|aufnahme)\s*:\s*\S|©|\(c\)\s*\S|copyright\b)",
    re.IGNORECASE,
)
_COPYRIGHT_PART = re.compile(r"^(?:©|\(c\))\s*", re.IGNORECASE)
_OWN_NOTICE_LABELS = (GERMAN.symbolic_image, ENGLISH.symbolic_image)
_NOTICE_LINE = re.compile(
    r"^(?P<label>symbolbild(?:er)?|symbolfoto|beispielbild|beispielfoto|archivbild|archivfoto|"
    r"illustrative (?:image|photo)|symbolic (?:image|photo)|archive (?:image|photo|picture)|"
    r"file (?:image|photo)|stock (?:image|photo))\s*(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE | re.S,
)
_MISSING_MARK = re.compile(
    r"^\[(?:" + "|".join(re.escape(lab.missing_photo) for lab in (GERMAN, ENGLISH)) + r")\]$",
    re.IGNORECASE,
)
NOTICE_MAX_CHARS = 300


def line_kind(line: str) -> str:
    """ "credit", "notice", "missing" or "caption": what one line under a picture says."""
    line = " ".join(line.split())
    if _MISSING_MARK.match(line):
        return "missing"
    if len(line) <= NOTICE_MAX_CHARS and _NOTICE_LINE.match(line):
        return "notice"
    if len(line) <= NOTICE_MAX_CHARS and _CREDIT_LINE.match(line):
        return "credit"
    return "caption"


def _take_credit(image: Image, line: str) -> bool:
    credits: list[str] = []
    copyrights: list[str] = []
    for part in (p.strip() for p in line.split(" · ")):
        if _COPYRIGHT_PART.match(part):
            copyrights.append(_COPYRIGHT_PART.sub("", part))
        elif part:
            credits.append(_OWN_CREDIT_LABEL.sub("", part, count=1).strip())
    if (credits and image.credit) or (copyrights and image.copyright):
        return False
    image.credit = image.credit or " · ".join(credits)
    image.copyright = image.copyright or " · ".join(copyrights)
    return True


def _take_notice(image: Image, line: str) -> bool:
    if image.symbolic or image.disclaimer:
        return False
    match = _NOTICE_LINE.match(line)
    assert match is not None  # line_kind said "notice"
    own = match["label"].lower() in (label.lower() for label in _OWN_NOTICE_LABELS)
    notice = (match["rest"] or "").strip() if own else line
    image.symbolic, image.disclaimer = True, escape_markdown(notice)
    return True


def take_lines(image: Image, lines: list[str] | tuple[str, ...]) -> bool:
    """Put the lines into the image's caption, credit, copyright and notice; False (and the
    image unchanged) when a field they name is already filled, so that the lines stay text."""
    lines = [" ".join(line.split()) for line in lines if line.strip()]
    kinds = [line_kind(line) for line in lines]
    if not lines or ("caption" in kinds and image.caption):
        return False
    before = (image.caption, image.credit, image.copyright, image.symbolic, image.disclaimer)
    caption: list[str] = []
    for line, kind in zip(lines, kinds, strict=True):
        taken = True
        if kind == "credit":
            taken = _take_credit(image, line)
        elif kind == "notice":
            taken = _take_notice(image, line)
        elif kind == "caption":
            caption.append(line)
        if not taken:
            image.caption, image.credit, image.copyright, image.symbolic, image.disclaimer = before
            return False
    if caption:
        image.caption = " ".join(caption)
    return True
