"""Plain-text import: the shape in which drafts arrive from mail, chat and simple editors.

    Headline
    Subheadline (short, no sentence-ending punctuation; optional)
    Von NAME / By NAME          (optional byline, above or below the subheadline)
    Lead paragraph(s)
    Heading (short line without sentence-ending punctuation, followed by a paragraph or a list)
    Paragraph(s)
    - List item                 ("-", "*", "•", "–" or "1." in a run; indented deeper: nested;
    - List item                  see text_lists)
    Editorial: Heading          (Kommentar:, Meinung:, Commentary:, Opinion: ... -> an opinion
                                 section labelled "Editorial", headed "Heading")
    Paragraph(s)
    << photo by NAME >>         (the lead photo's credit; the photo file itself is still missing)
    Disclaimer line             (when it reads as a notice about the picture -> symbolic image)
    Closing line !              (its text, trailing punctuation stripped, heads the related links)
    - Link title https://...    (or "- [Link title](https://...)" or "- Link title")

Paragraphs are one line each, or blank-line separated blocks of hard-wrapped lines (detected from
the line lengths, see `_units`). Section bodies are Markdown in our dialect, so every character that
Markdown would read as syntax is escaped: the journalist's text renders exactly as typed. A run of
list lines inside a section is a list there; a closing run of "- " lines after a closing line (or
with a web address in every item) is the related links.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from newsdesk.errors import ImportFormatError
from newsdesk.formats.language import detect_language
from newsdesk.formats.markdown_escape import escape_markdown
from newsdesk.formats.text_lists import LIST_LINE, indentation, list_indices, list_markdown
from newsdesk.formats.text_lists import is_bullet_line as _is_list_line
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section

SUBHEADLINE_MAX_CHARS = 160
HEADING_MAX_CHARS = 100
HEADING_MAX_WORDS = 16
CLOSING_LINE_MAX_CHARS = 80
DISCLAIMER_MAX_CHARS = 300
# A line of a hard-wrapped paragraph fills at least this share of the wrap width.
_FULL_LINE_SHARE = 0.7
_MAX_WRAP_WIDTH = 100

OPINION_PREFIXES = (
    "Editorial", "Kommentar", "Meinung", "Commentary", "Opinion",
    "Leitartikel", "Gastkommentar", "Kolumne", "Column", "Op-Ed",
)  # fmt: skip
_OPINION = re.compile(rf"^(?:{'|'.join(OPINION_PREFIXES)})\s*(?::|$)", re.IGNORECASE)
_OPINION_HEADING = re.compile(
    rf"^(?P<label>{'|'.join(OPINION_PREFIXES)})\s*(?::\s*(?P<rest>.*)|$)", re.IGNORECASE | re.S
)

_ITEM = re.compile(r"^[-*•]\s+(?P<text>\S.*)$")
PHOTO_MARKER = re.compile(
    r"^<<\s*(?:photo|foto|bild|image|picture)(?:\s+credit)?\s*(?:\bby\b|\bvon\b|:)?\s*"
    r"(?P<name>.*?)\s*>>$",
    re.IGNORECASE,
)
# A line after the photo marker that talks about the picture: "Symbolbild", "Das Foto dient nur
# zur Veranschaulichung", "Image for illustration only", "Archive photo", "AI-generated" ...
_NOTICE = re.compile(
    r"\b(?:symbol|archiv|beispiel|stock|agentur|titel|file\s)?(?:bild|foto|photo|image|picture)"
    r"(?!ung)|abbildung|aufnahme|abgebildet|dargestellt|darstellung|illustr|veranschaulich"
    r"|symbolisch|symbolic|generiert|generated|montage|depict|does not show|zeigt nicht"
    r"|nicht die tatsächlich",
    re.IGNORECASE,
)
# "Von Anna Berg", "By Sam Okafor and Priya Nair": a name, not a subheadline.
_BYLINE = re.compile(
    r"^(?:Von|By)\s+[A-ZÄÖÜ][\w'.-]*(?:\s+(?:und|and|&|[A-ZÄÖÜ][\w'.-]*|von|van|de)){0,6}$"
)
_CLOSERS = "\"'“”„‚‘’»«›‹)] "
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'“”»«)]*\s+\S")
_URL = re.compile(r"<?(?P<url>(?:https?://|www\.)[^\s<>]+?)>?(?=[.,;]?(?:\s|$))")
_MARKDOWN_LINK = re.compile(r"^\[(?P<title>[^\]]*)\]\(\s*<?(?P<url>[^)\s>]*)>?(?:\s+\"[^\"]*\")?\)")


def opinion_kind(heading: str) -> str:
    """ "opinion" for a heading with an opinion prefix ("Kommentar: ..."), else "body"."""
    return "opinion" if _OPINION.match(heading.strip()) else "body"


def opinion_section(heading: str) -> Section:
    """A section for an imported heading: an opinion prefix sets the kind and the label shown
    above it, the heading keeps the rest. "Kommentar: Mut zur Lücke" is an opinion section
    labelled "Kommentar" and headed "Mut zur Lücke" (so the page does not read "MEINUNG /
    Kommentar: ..."); a heading without a prefix is a body section headed as it is."""
    match = _OPINION_HEADING.match(heading.strip())
    if match is None:
        return Section(heading=heading)
    written = match.group("label").lower()
    label = next(prefix for prefix in OPINION_PREFIXES if prefix.lower() == written)
    return Section(heading=(match.group("rest") or "").strip(), kind="opinion", label=label)


def opinion_heading_line(section: Section, default_label: str) -> str:
    """The heading line a text writer gives an opinion section, which `opinion_section` reads
    back: "Kommentar: Mut zur Lücke" (the default label when the section has none). Other
    sections, and an opinion heading that already carries a prefix, are written as they are."""
    heading = section.heading.strip()
    if section.kind != "opinion" or _OPINION.match(heading):
        return heading
    label = section.label.strip() or default_label
    return f"{label}: {heading}" if heading else label


def is_title_like(line: str, max_chars: int) -> bool:
    """A short line that is not a sentence: no final ".", ":", ";" or ",", one question at most."""
    if not line or len(line) > max_chars or len(line.split()) > HEADING_MAX_WORDS:
        return False
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in ".…:;,":
        return False
    if core[-1] in "?!":
        # "Wie geht es weiter?" heads a section; two sentences in one line are a paragraph.
        return not _SENTENCE_BREAK.search(core)
    return True


def parse_link_item(text: str) -> RelatedLink:
    """A related-links item: "Title", "Title https://...", "[Title](https://...)"."""
    text = text.strip()
    link = _MARKDOWN_LINK.match(text)
    if link:
        rest = text[link.end() :].strip(" .,;")
        title = link["title"].strip() or link["url"]
        return RelatedLink(title=f"{title} {rest}".strip(), url=link["url"])
    found = _URL.search(text)
    if not found:
        return RelatedLink(title=text)
    url = found["url"].rstrip(".,;)")
    if url.startswith("www."):
        url = "https://" + url
    before = text[: found.start()].rstrip(" -–—:|(<")
    after = text[found.end() :].strip(" .,;)>")
    title = " ".join(p for p in (before, after) if p) or url
    return RelatedLink(title=title, url=url)


def _is_item(line: str) -> bool:
    return bool(_ITEM.match(line))


def _item_text(line: str) -> str:
    """The text of a list item line (the line itself if it is none)."""
    match = _ITEM.match(line)
    return match["text"] if match else line


def _units(text: str) -> list[str]:
    """The text's paragraphs, headings and list items, one string each.

    One line per paragraph is the common shape. A hard-wrapped text (blank lines between blocks,
    no line longer than ~100 characters) is recognised by lines that fill the wrap width: such a
    "full" line continues into the next one. A short line (a heading, a paragraph's last line)
    ends its unit, so "Heading\\nParagraph..." still splits right.
    """
    raw_lines = text.split("\n")
    lines = [line.strip() for line in raw_lines]
    width = max((len(line) for line in lines), default=0)
    full = _FULL_LINE_SHARE * width

    def continues(line: str, following: str) -> bool:
        return (
            bool(line and following)
            and len(line) >= full
            and not _is_item(following)
            and not PHOTO_MARKER.match(line)
            and not PHOTO_MARKER.match(following)
        )

    blocks = sum(1 for n, line in enumerate(lines) if line and (n == 0 or not lines[n - 1]))
    wraps = sum(continues(a, b) for a, b in itertools.pairwise(lines))
    wrapped = width <= _MAX_WRAP_WIDTH and blocks >= 2 and wraps >= 1
    units: list[str] = []
    joining = False
    for n, line in enumerate(lines):
        if not line:
            joining = False
            continue
        if joining:
            units[-1] = f"{units[-1]} {line}"
        else:
            units.append(indentation(raw_lines[n]) + line)  # a nested list item keeps its indent
        following = lines[n + 1] if n + 1 < len(lines) else ""
        # The next item of a list begins a unit; "1. Mai" or "– so" after a paragraph's full
        # line is where the wrap fell.
        next_item = bool(LIST_LINE.match(units[-1]) and LIST_LINE.match(following))
        joining = wrapped and continues(line, following) and not next_item
    return units


def reads_as_notice(line: str, following: str | None) -> bool:
    """Whether the line after a photo marker is a notice about the picture (its disclaimer).

    It must mention the picture ("Symbolbild", "Foto", "image", "illustration", "dient zur
    Veranschaulichung", "AI-generated" ...), be at most a few sentences long, and not be the line
    heading a list (`following` is the line after it, if any).
    """
    if _is_item(line) or PHOTO_MARKER.match(line) or len(line) > DISCLAIMER_MAX_CHARS:
        return False
    if following is not None and _is_item(following) and not line.rstrip(_CLOSERS).endswith("."):
        return False  # a closing line heading the related links, not a note on the picture
    return bool(_NOTICE.search(line))


@dataclass
class _Photo:
    credit: str
    disclaimer: str


# Where a photo marker stood (decoded text never holds NUL): later photos are placed there, and
# a link list right after the lead photo's block closes the article even without a heading.
_PHOTO_SLOT = "\x00photo"


def _take_photos(units: list[str]) -> tuple[list[str], list[_Photo]]:
    """Remove photo markers and their disclaimers; later photos leave a slot in the flow."""
    rest: list[str] = []
    photos: list[_Photo] = []
    n = 0
    while n < len(units):
        marker = PHOTO_MARKER.match(units[n])
        if not marker:
            rest.append(units[n])
            n += 1
            continue
        following = units[n + 1] if n + 1 < len(units) else None
        after = units[n + 2] if n + 2 < len(units) else None
        disclaimer = following if following and reads_as_notice(following, after) else ""
        photos.append(_Photo(credit=marker["name"], disclaimer=disclaimer))
        rest.append(_PHOTO_SLOT)
        n += 2 if disclaimer else 1
    return rest, photos


def _take_related(units: list[str]) -> tuple[list[str], RelatedLinks]:
    """Split off the closing list of links, with the line that heads it."""
    start = len(units)
    while start > 0 and _is_item(units[start - 1]):
        start -= 1
    if start == len(units):
        return units, RelatedLinks()
    links = [parse_link_item(_item_text(u)) for u in units[start:]]
    closing = units[start - 1] if start > 0 else ""
    if closing and closing != _PHOTO_SLOT and _closes_article(closing):
        heading = closing.rstrip(" !:.;-–—…")
        return units[: start - 1], RelatedLinks(heading=heading, links=links)
    if closing == _PHOTO_SLOT or all(link.url for link in links):
        return units[:start], RelatedLinks(links=links)
    return units, RelatedLinks()


def _closes_article(line: str) -> bool:
    core = line.rstrip(" !:")
    return 0 < len(line) <= CLOSING_LINE_MAX_CHARS and not core.endswith((".", "…", ";", ","))


class _SectionWriter:
    """Collects Markdown paragraphs into sections as headings and paragraphs come along."""

    def __init__(self) -> None:
        self.sections: list[Section] = [Section()]
        self.blocks: list[str] = []
        self.items: list[str] = []  # the lines of the list being read

    def _flush(self) -> None:
        self.end_list()
        self.sections[-1].markdown = "\n\n".join(self.blocks)
        self.blocks = []

    def heading(self, text: str) -> None:
        self._flush()
        self.sections.append(opinion_section(text))

    def paragraph(self, text: str) -> None:
        self.blocks.append(escape_markdown(text))

    def list_item(self, line: str) -> None:
        self.items.append(line)

    def image_reference(self, image_id: str) -> None:
        self.blocks.append(f"![](image:{image_id})")

    def end_list(self) -> None:
        if self.items:
            self.blocks.append(list_markdown(self.items))
            self.items = []

    def finish(self) -> list[Section]:
        self._flush()
        lead, *rest = self.sections
        # An article that opens with a heading has no lead; keep one (empty) section at least.
        return rest if rest and not lead.markdown else self.sections


def import_plain_text(text: str) -> Article:
    """Build an Article from decoded plain text in the shape described in the module docstring."""
    units = _units(text.replace("\x00", ""))
    if not units:
        raise ImportFormatError(
            "the text is empty; there is nothing to import", code="import.text_empty"
        )
    article = Article(headline=units[0])
    body = units[1:]
    # Up to two short lines under the headline: a byline ("Von ...", "By ...") and a subheadline.
    for _ in range(2):
        if body and _BYLINE.match(body[0]) and not article.byline:
            article.byline, body = body[0].split(None, 1)[1], body[1:]
        elif body and is_title_like(body[0], SUBHEADLINE_MAX_CHARS) and not _is_special(body[0]):
            if article.subheadline:
                break
            article.subheadline, body = body[0], body[1:]
    body, photos = _take_photos(body)
    body, article.related = _take_related(body)
    images = [
        Image(
            role="lead" if n == 0 else "inline",
            credit=photo.credit,
            disclaimer=escape_markdown(photo.disclaimer),
            symbolic=bool(photo.disclaimer),
        )
        for n, photo in enumerate(photos)
    ]
    placed = iter(images)
    writer = _SectionWriter()
    items = list_indices(body)
    for n, unit in enumerate(body):
        after = next((m for m in range(n + 1, len(body)) if body[m] != _PHOTO_SLOT), None)
        following = body[after] if after is not None else None
        if n in items:
            writer.list_item(unit)
            continue
        writer.end_list()
        if unit == _PHOTO_SLOT:
            image = next(placed)
            if image.role == "inline":  # the lead image has its own place above the text
                writer.image_reference(image.id)
        elif _starts_section(unit, following, after in items):
            writer.heading(unit)
        else:
            writer.paragraph(unit)
    article.sections = writer.finish()
    article.images = images
    article.language = detect_language(text)
    return article


def _is_special(unit: str) -> bool:
    return (
        _is_item(unit)
        or _is_list_line(unit)
        or bool(PHOTO_MARKER.match(unit))
        or bool(_OPINION.match(unit))
    )


def _starts_section(unit: str, following: str | None, list_follows: bool) -> bool:
    """A heading: title-like and followed by a paragraph or a list, not by another title."""
    if following is None or _is_item(unit) or _is_list_line(unit):
        return False
    if not is_title_like(unit, HEADING_MAX_CHARS):
        return False
    if list_follows or _is_item(following) or _is_list_line(following):
        return True
    return not is_title_like(following, HEADING_MAX_CHARS)
