"""Markdown import: a draft written in any Markdown editor, with its photos beside it.

    ---                          optional front matter: title, subtitle, author, date, lang,
    lang: de                     slug, description, kicker, dateline, tags
    ---
    # Headline
    *Subheadline*                (or a short line without sentence-ending punctuation; a short
                                 line alone above the headline is the kicker)
    Lead paragraphs ...
    ![Alt text](photo.jpg "Caption")      the first image is the lead image
    ## Section heading          (## Kommentar: ... / ## Opinion: ... -> an opinion section)
    Text with *emphasis*, [links](https://...), lists, > quotes, ### subheadings ...
    ![Alt](detail.png "Caption")          later images: inline, placed where they stand
    ## Lesen Sie auch            a closing section holding only a list of links -> related links
    - [Title](https://...)

Images are read relative to the Markdown file and must be JPEG, PNG or WebP files that decode;
a missing or broken one refuses the whole import. A `<< photo by NAME >>` line, as in plain text,
credits the image before it (or announces a lead photo that is still missing), and a notice line
after it becomes that image's disclaimer.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from newsdesk.errors import ImageError, ImportFormatError, NewsdeskError
from newsdesk.formats import text_import
from newsdesk.formats.language import detect_language
from newsdesk.formats.markdown_front_matter import read_front_matter
from newsdesk.formats.markdown_normalise import (
    escape_hashtag_lines,
    fences_to_indented_code,
    inline_reference_links,
    is_list_item,
    normalise_lists,
    take_reference_definitions,
    trailing_space_breaks,
)
from newsdesk.formats.source_files import load_image_file
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.model.counts import plain_text

_ATX = re.compile(r"^ {0,3}(?P<level>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?P<rule>=+|-+)[ \t]*$")
_IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\(\s*(?P<src><[^>\n]*>|[^\s)]+)"
    r"(?:\s+(?:\"(?P<t1>[^\"]*)\"|'(?P<t2>[^']*)'))?\s*\)"
)
_EMPTY_LINK = re.compile(r"\[\s*\]\([^)]*\)")
_ITALIC_LINE = re.compile(r"^(?:\*(?!\*)(?P<a>.+)(?<!\*)\*|_(?!_)(?P<b>.+)(?<!_)_)$")
_BLOCK_SYNTAX = re.compile(r"^(?:[-*+>|!]|\d+[.)]|<<|#|    )")
_FRONT_MATTER_KEYS = {
    "title": "headline", "headline": "headline", "subtitle": "subheadline",
    "subheadline": "subheadline", "author": "byline", "byline": "byline", "date": "published",
    "published": "published", "lang": "language", "language": "language", "slug": "slug",
    "description": "description", "summary": "description", "kicker": "kicker",
    "dateline": "dateline", "tags": "tags", "keywords": "tags", "related": "related",
}  # fmt: skip
KICKER_MAX_CHARS = 60
RELATED_PHRASES = (
    "lesen sie", "mehr zum thema", "auch interessant", "interessieren", "lesen wollen",
    "weiterführend", "weitere artikel", "verwandte", "weiterlesen", "related", "read more",
    "also read", "read also", "further reading", "might also like", "may also like", "see also",
    "more on this", "links",
)  # fmt: skip
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~])")
_INLINE_MARKUP = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*"), r"\1"),
    (re.compile(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?!\w)"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
)


def plain_inline(text: str) -> str:
    """A heading or title without its Markdown: emphasis, code and links reduced to their text."""
    # Escaped characters are literal text: hide them from the patterns, then put them back.
    escaped: list[str] = []

    def hide(match: re.Match[str]) -> str:
        escaped.append(match[1])
        return f"\ue000{len(escaped) - 1}\ue001"

    text = _ESCAPED.sub(hide, text)
    for pattern, replacement in _INLINE_MARKUP:
        text = pattern.sub(replacement, text)
    text = re.sub("\ue000(\\d+)\ue001", lambda m: escaped[int(m[1])], text)
    return " ".join(text.split())


def _front_matter(lines: list[str]) -> tuple[dict[str, object], list[str]]:
    """A leading `---` ... `---` block of `key: value` lines (YAML's simple subset)."""
    if not lines or lines[0].strip() != "---":
        return {}, lines
    end = next((n for n, line in enumerate(lines[1:100], 1) if line.strip() in ("---", "...")), 0)
    if not end:
        return {}, lines
    fields: dict[str, object] = {}
    last_key = ""
    for line in lines[1:end]:
        item = re.match(r"^\s+-\s+(.*)$", line)
        if item and last_key == "tags":
            tags = fields.setdefault("tags", [])
            if isinstance(tags, list):
                tags.append(_scalar(item[1].strip()))
            continue
        match = re.match(r"^([A-Za-z_]+)\s*:\s*(.*)$", line)
        if not match or match[1].lower() not in _FRONT_MATTER_KEYS:
            last_key = ""
            continue
        last_key, value = _FRONT_MATTER_KEYS[match[1].lower()], match[2].strip()
        if last_key == "tags":
            value = value.strip("[]")
            fields["tags"] = [t.strip().strip("\"'") for t in value.split(",") if t.strip()]
        else:
            fields[last_key] = _scalar(value)
    return fields, lines[end + 1 :]


def _scalar(value: str) -> str:
    """A YAML scalar of one line: "double quoted" (with escapes), 'single quoted', or plain."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        with contextlib.suppress(ValueError):
            return str(json.loads(value))  # JSON strings are YAML double-quoted scalars
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value.strip("\"'")


def _setext_to_atx(lines: list[str], code: set[int]) -> list[str]:
    out = list(lines)
    for n in range(1, len(out)):
        rule = _SETEXT.match(out[n])
        above = out[n - 1]
        if not rule or n in code or n - 1 in code or not above.strip():
            continue
        if _ATX.match(above) or is_list_item(above) or above.lstrip().startswith(">"):
            continue
        if n >= 2 and out[n - 2].strip():
            continue  # the last line of a longer paragraph: Python-Markdown reads that alike
        out[n - 1] = ("# " if rule["rule"][0] == "=" else "## ") + above.strip()
        out[n] = ""
    return out


@dataclass
class _Draft:
    """The article being assembled while the lines are read."""

    base_dir: Path | None
    images_from: Path | None = None  # where root-relative paths ("/images/a.png") are
    # Pictures found but refused (not an accepted image, too large, a decompression bomb): the
    # import goes on without them, and the caller tells the journalist which and why.
    refused: list[tuple[str, NewsdeskError]] | None = None
    text_seen: bool = False  # a paragraph came before: later images are inline, not the lead
    title: str = ""  # the front matter's title
    headline: str | None = None
    headline_at: int = 0  # how many lead lines came before the headline
    sections: list[Section] = field(default_factory=lambda: [Section()])
    bodies: list[list[str]] = field(default_factory=lambda: [[]])
    images: list[Image] = field(default_factory=list)

    def load_image(self, match: re.Match[str]) -> Image:
        source = unquote(match["src"].strip("<>"))
        image = Image(
            role="inline" if self.images or self.text_seen else "lead",
            alt=plain_inline(match["alt"]),
            caption=match["t1"] or match["t2"] or "",
        )
        if source.startswith("/") and self.images_from is not None:
            source = str(self.images_from / source.lstrip("/"))
        # A remote, root-relative or missing picture does not refuse the import: it becomes a
        # missing photo with its alt text and title, which the check reports.
        if self.base_dir is not None or Path(source).is_absolute():
            try:
                loaded = load_image_file(source, self.base_dir or Path("/"))
            except (ImageError, ImportFormatError) as refusal:
                loaded = None
                # Only a picture that is there is refused; one still to come is just missing.
                if self.refused is not None and _exists(self.base_dir or Path("/"), source):
                    self.refused.append((Path(source).name, refusal))
            if loaded is not None:
                image.data, image.filename = loaded.data, loaded.filename
                image.width, image.height = loaded.info.width, loaded.info.height
        self.images.append(image)
        return image

    def credit(self, marker: re.Match[str]) -> Image:
        """Apply a `<< photo by NAME >>` line: credit the last uncredited image, or a new lead."""
        uncredited = [i for i in self.images if not i.credit]
        if uncredited:
            image = uncredited[-1]
        else:
            image = Image(role="inline" if self.images else "lead")
            self.images.append(image)
        image.credit = marker["name"]
        return image


def _body_line(draft: _Draft, line: str, lines: list[str], n: int) -> tuple[list[str], int]:
    """The Markdown lines that replace source line n, and how many source lines it used."""
    marker = text_import.PHOTO_MARKER.match(line.strip())
    if marker:
        image = draft.credit(marker)
        following = lines[n + 1].strip() if n + 1 < len(lines) else ""
        if following and text_import.reads_as_notice(following, None):
            image.disclaimer, image.symbolic = following, True
            return [], 2
        return [], 1
    images = list(_IMAGE.finditer(line))
    if not images:
        draft.text_seen = draft.text_seen or _is_body_text(draft, line)
        return [line], 1
    references = []
    for match in images:
        image = draft.load_image(match)
        if image.role == "inline":
            references.append(f"![](image:{image.id})")
    rest = _EMPTY_LINK.sub("", _IMAGE.sub("", line)).rstrip()
    rest = re.sub(r"(?<=\S)  +(?=\S)", " ", rest)  # the space on either side of a removed image
    stays = [rest] if rest.strip() and rest.strip() not in ("-", "*", "+", ">") else []
    # Each inline image stands alone as a paragraph, where our dialect places its figure.
    return stays + [part for ref in references for part in ("", ref, "")], 1


def _exists(base_dir: Path, source: str) -> bool:
    try:
        return "://" not in source and (base_dir / source).exists()
    except (OSError, ValueError):  # a name too long, a NUL: nothing that is there
        return False


def _is_body_text(draft: _Draft, line: str) -> bool:
    """Whether a text line is a paragraph of the article (after which pictures are inline), not
    a line of the title block: a kicker above the headline, an italic subheadline right below."""
    if not line.strip():
        return False
    in_title_block = len(draft.sections) == 1 and not draft.text_seen
    if in_title_block and draft.headline is None:
        return False  # above the headline: a kicker, or the lead once no headline comes
    return not (in_title_block and _ITALIC_LINE.match(line.strip()))


def _split(draft: _Draft, lines: list[str], code: set[int]) -> None:
    n = 0
    while n < len(lines):
        line = lines[n]
        heading = None if n in code else _ATX.match(line)
        if heading and len(heading["level"]) <= 2:
            text = plain_inline(heading["text"] or "")
            # A front matter title is the headline; a different "# ..." below it heads a section.
            same_title = not draft.title or text == draft.title
            if heading["level"] == "#" and draft.headline is None and same_title:
                draft.headline, draft.headline_at = text, len(draft.bodies[0])
            else:
                draft.sections.append(text_import.opinion_section(text))
                draft.bodies.append([])
            n += 1
            continue
        if n in code:
            draft.bodies[-1].append(line)
            n += 1
            continue
        replacement, used = _body_line(draft, line, lines, n)
        draft.bodies[-1].extend(replacement)
        n += used


def _alone_title_line(body: list[str], max_chars: int) -> tuple[str, list[str]]:
    """The first line if it is alone in its paragraph and reads as a title, and the rest."""
    start = next((n for n, line in enumerate(body) if line.strip()), None)
    if start is None or (start + 1 < len(body) and body[start + 1].strip()):
        return "", body
    line = body[start].strip()
    italic = _ITALIC_LINE.match(line)
    if italic:
        return plain_inline(italic["a"] or italic["b"]), body[start + 1 :]
    if _BLOCK_SYNTAX.match(body[start]) or not text_import.is_title_like(line, max_chars):
        return "", body
    return plain_inline(line), body[start + 1 :]


def _take_kicker_and_subheadline(draft: _Draft, fields: dict[str, object]) -> tuple[str, str]:
    """A lone short line above the `#` headline is the kicker; one right below it, the subheadline.

    Anything else above the headline stays at the top of the lead; front matter takes precedence.
    """
    above, below = draft.bodies[0][: draft.headline_at], draft.bodies[0][draft.headline_at :]
    kicker, rest = _alone_title_line(above, KICKER_MAX_CHARS)
    if fields.get("kicker") or (kicker and any(line.strip() for line in rest)):
        kicker, rest = "", above
    subheadline = ""
    if "subheadline" not in fields:  # `subtitle: ""` says there is none
        subheadline, below = _alone_title_line(below, text_import.SUBHEADLINE_MAX_CHARS)
    draft.bodies[0] = [*rest, "", *below]
    return kicker, subheadline


def _related_links(
    heading: str, body: list[str], is_last: bool, named_in_front_matter: str = ""
) -> RelatedLinks | None:
    """The links, if this section is the closing list of further reading."""
    lines = [line for line in body if line.strip()]
    if not is_last or not lines or not all(re.match(r"^[-*+]\s+\S", line) for line in lines):
        return None
    links = [text_import.parse_link_item(line.strip()[1:].strip()) for line in lines]
    named = any(phrase in heading.casefold() for phrase in RELATED_PHRASES) or (
        bool(named_in_front_matter) and heading == named_in_front_matter  # `related: HEADING`
    )
    if not named and not all(link.url for link in links):
        return None
    links = [RelatedLink(title=plain_inline(link.title), url=link.url) for link in links]
    return RelatedLinks(heading=heading.rstrip(" !:.;"), links=links)


def _tidy(lines: list[str]) -> str:
    """Join body lines, with at most one blank line in a row and none at either end."""
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def import_markdown(
    text: str,
    base_dir: Path | None = None,
    images_from: Path | None = None,
    refused: list[tuple[str, NewsdeskError]] | None = None,
) -> Article:
    """Build an Article from decoded Markdown; images are read relative to `base_dir`, and
    root-relative ones ("/images/a.png") from `images_from` when given. A picture that is found
    but refused becomes a missing photo, and `(file name, error)` is added to `refused`."""
    fields, lines = _front_matter(text.replace("\x00", "").split("\n"))
    # YAML and TOML front matter as blogs write it (markdown_front_matter); its fields win.
    real = read_front_matter(text.replace("\x00", "").split("\n"))
    if real is not None:
        lead_image = real[0].pop("image", "")
        fields, lines = {**fields, **real[0]}, real[1]
        if lead_image and not any(_IMAGE.search(line) for line in lines[:5]):
            lines = [f"![]({lead_image})", "", *lines]
    lines, definitions = take_reference_definitions(lines)
    lines = [inline_reference_links(line, definitions) for line in lines]
    lines, code = fences_to_indented_code(lines)
    lines = _setext_to_atx(lines, code)
    lines, code = normalise_lists(lines, code)
    lines = escape_hashtag_lines(lines, code)
    lines = trailing_space_breaks(lines, code)
    title = str(fields.get("headline", ""))
    draft = _Draft(base_dir=base_dir, images_from=images_from, title=title, refused=refused)
    _split(draft, lines, code)
    article = Article(headline=draft.headline or str(fields.get("headline", "")))
    for name in ("kicker", "byline", "dateline", "published", "description", "slug", "language"):
        setattr(article, name, str(fields.get(name, "")))
    article.subheadline = str(fields.get("subheadline", ""))
    if draft.headline is not None:
        kicker, subheadline = _take_kicker_and_subheadline(draft, fields)
        article.kicker = article.kicker or kicker
        article.subheadline = article.subheadline or subheadline
    article.tags = list(fields.get("tags", []))  # type: ignore[call-overload]
    related = _related_links(
        draft.sections[-1].heading,
        draft.bodies[-1],
        len(draft.sections) > 1,
        str(fields.get("related", "")),
    )
    if related is not None:
        article.related = related
        del draft.sections[-1], draft.bodies[-1]
    for section, body in zip(draft.sections, draft.bodies, strict=True):
        section.markdown = _tidy(body)
    lead, *rest = draft.sections
    article.sections = rest if rest and not lead.markdown else draft.sections
    article.images = draft.images
    if not article.headline and not article.sections[0].markdown and len(article.sections) == 1:
        raise ImportFormatError(
            "the Markdown file is empty; there is nothing to import", code="import.markdown_empty"
        )
    article.language = article.language or detect_language(
        "\n".join([article.headline] + [plain_text(s.markdown) for s in article.sections])
    )
    return article
