"""Blocks (html_import_markdown) into an Article: headline, subheadline, sections, photos, notes.

Shared by the Word and the web-page importers. The rules follow the plain-text importer where
they overlap: a heading beginning "Kommentar:", "Opinion:", ... makes an opinion section, and the
text before the first heading is the untitled lead.

    a "title" paragraph (Word's Title style), else the first h1,   -> headline
      else (Word only) a short first paragraph that is all bold
    a "subtitle" paragraph right after it (Word's Subtitle style)  -> subheadline
    h1 and h2                                                      -> sections
    h3, h4 (h5, h6 as h4)                                          -> subheadings in the section
    a picture before any text                                      -> the lead photo
    later pictures                                                 -> inline photos where they stand
    a "caption" paragraph next to a picture (or a table)           -> its caption ("Table: ...")
      its lines (or paragraphs right under the picture) "Foto: NAME",
      "© NAME", "Symbolbild: ..."                                   -> credit, copyright, notice
      (photo_caption_lines); a caption "[Foto fehlt]"              -> a photo still to be added
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.formats import photo_caption_lines, text_import
from newsdesk.formats.html_import_markdown import Block, MarkdownConverter, escape_text
from newsdesk.model.article import Article, Image, Section

HEADLINE_FROM_BOLD_MAX_CHARS = 160


@dataclass
class AssemblyRules:
    first_h1_is_headline: bool = True
    bold_line_is_headline: bool = False  # Word documents typed without styles


def _headline(blocks: list[Block], rules: AssemblyRules) -> tuple[str, str, list[Block], str]:
    """The headline and subheadline, the blocks without them, and where the headline came from
    ("title", "h1", "bold_line" or "")."""
    for n, block in enumerate(blocks):
        if block.kind == "paragraph" and "title" in block.classes:
            return (*_with_subtitle(block.plain, blocks, n), "title")
    if rules.first_h1_is_headline:
        for n, block in enumerate(blocks):
            if block.kind == "heading" and block.level == 1:
                return (*_with_subtitle(block.markdown, blocks, n), "h1")
            if block.kind in ("heading", "paragraph", "markdown"):
                break  # text or an h2 first: the document's h1s are sections
    if rules.bold_line_is_headline:
        first = next((n for n, b in enumerate(blocks) if b.kind in ("paragraph", "heading")), None)
        if first is not None:
            block = blocks[first]
            title_like = text_import.is_title_like(block.plain, HEADLINE_FROM_BOLD_MAX_CHARS)
            if block.kind == "paragraph" and block.only_bold and title_like:
                return (*_with_subtitle(block.plain, blocks, first), "bold_line")
    return "", "", blocks, ""


def _with_subtitle(headline: str, blocks: list[Block], at: int) -> tuple[str, str, list[Block]]:
    rest = blocks[:at] + blocks[at + 1 :]
    following = blocks[at + 1] if at + 1 < len(blocks) else None
    if following is not None and following.kind == "paragraph" and "subtitle" in following.classes:
        return headline, following.plain, blocks[:at] + blocks[at + 2 :]
    for n, block in enumerate(rest):  # a Subtitle paragraph elsewhere (above the title)
        if block.kind == "paragraph" and "subtitle" in block.classes:
            return headline, block.plain, rest[:n] + rest[n + 1 :]
    return headline, "", rest


class _Sections:
    """The sections being filled, with the footnote definitions each one needs at its end."""

    def __init__(self, converter: MarkdownConverter) -> None:
        self.converter = converter
        self.sections: list[Section] = [Section()]
        self.bodies: list[list[str]] = [[]]
        self.notes: list[list[str]] = [[]]

    def start(self, heading: str) -> None:
        self.sections.append(text_import.opinion_section(heading))
        self.bodies.append([])
        self.notes.append([])

    def add(self, markdown: str, notes: list[str]) -> None:
        self.bodies[-1].append(markdown)
        self.notes[-1].extend(label for label in notes if label not in self.notes[-1])

    @property
    def has_text(self) -> bool:
        return any(self.bodies[-1]) or len(self.sections) > 1

    def finish(self) -> list[Section]:
        for section, body, notes in zip(self.sections, self.bodies, self.notes, strict=True):
            definitions = [f"[^{n}]: {self.converter.note_markdown.get(n, '')}" for n in notes]
            if definitions:
                body.append("\n".join(definitions))
            section.markdown = "\n\n".join(part for part in body if part.strip())
        lead, *rest = self.sections
        return rest if rest and not lead.markdown else self.sections


def _join_drop_caps(blocks: list[Block]) -> list[Block]:
    """A drop cap is a paragraph of one letter in a frame: it belongs to the next paragraph."""
    out: list[Block] = []
    for block in blocks:
        before = out[-1] if out else None
        if (
            before is not None
            and before.kind == "paragraph"
            and len(before.plain) == 1
            and before.plain.isalpha()
            and block.kind == "paragraph"
            and block.plain[:1].isalpha()
        ):
            out[-1] = Block(
                "paragraph",
                before.plain + block.markdown,
                classes=block.classes,
                notes=block.notes,
                plain=before.plain + block.plain,
            )
            continue
        out.append(block)
    return out


def assemble(
    blocks: list[Block],
    converter: MarkdownConverter,
    images: dict[str, Image],
    rules: AssemblyRules,
) -> tuple[Article, str]:
    """An article from the blocks (`images` maps the ids the blocks name to their Images), and
    where its headline came from ("title", "h1", "bold_line" or "" for none)."""
    headline, subheadline, blocks, headline_from = _headline(_join_drop_caps(blocks), rules)
    article = Article(headline=headline, subheadline=subheadline)
    sections = _Sections(converter)
    placed: list[Image] = []
    above: Image | None = None  # the picture just placed, while only its caption lines follow
    for n, block in enumerate(blocks):
        after = blocks[n + 1] if n + 1 < len(blocks) else None
        if block.kind == "paragraph" and "caption" in block.classes and _is_missing(block):
            block = Block("image", _missing_photo(block, images))
        if block.kind == "heading" and block.level <= 2:
            sections.start(block.markdown)
        elif block.kind == "heading":
            sections.add("#" * min(block.level, 4) + " " + escape_text(block.markdown), block.notes)
        elif block.kind == "image":
            image = images[block.markdown]
            lead = not placed and not sections.has_text
            image.role = "lead" if lead else "inline"
            placed.append(image)
            if not lead:
                sections.add(f"![](image:{image.id})", [])
            above = image
            continue
        elif _under_picture_taken(block, above, after, images, sections):
            continue
        else:
            sections.add(block.markdown, block.notes)
        above = None
    article.sections = sections.finish()
    article.images = placed
    return article, headline_from


def _under_picture_taken(
    block: Block,
    above: Image | None,
    after: Block | None,
    images: dict[str, Image],
    sections: _Sections,
) -> bool:
    """A caption paragraph, or a credit or notice paragraph right under a picture, taken."""
    if "caption" in block.classes:
        return _caption_taken(block, above, after, images, sections)
    return above is not None and block.kind == "paragraph" and _credit_taken(block, above)


def _caption_taken(
    block: Block,
    above: Image | None,
    after: Block | None,
    images: dict[str, Image],
    sections: _Sections,
) -> bool:
    """Use a Caption paragraph for the picture (or table) beside it; False when there is none.
    Its lines go to caption, credit and notice (photo_caption_lines)."""
    following = images[after.markdown] if after is not None and after.kind == "image" else None
    for image in (above, following):
        if image is not None and photo_caption_lines.take_lines(image, _lines(block)):
            return True
    body = sections.bodies[-1]
    if above is None and body and body[-1].startswith("|"):
        body[-1] += "\nTable: " + escape_text(block.plain)
        return True
    return False


def _lines(block: Block) -> tuple[str, ...]:
    return block.lines or (block.plain,)


def _credit_taken(block: Block, image: Image) -> bool:
    """A paragraph of its own under the picture that is only its credit or notice lines."""
    lines = _lines(block)
    if any(photo_caption_lines.line_kind(line) not in ("credit", "notice") for line in lines):
        return False
    return photo_caption_lines.take_lines(image, lines)


def _is_missing(block: Block) -> bool:
    lines = _lines(block)
    return bool(lines) and photo_caption_lines.line_kind(lines[0]) == "missing"


def _missing_photo(block: Block, images: dict[str, Image]) -> str:
    """The export's caption of a photo still to be added: a missing-photo entry again."""
    image = Image()
    photo_caption_lines.take_lines(image, _lines(block)[1:])
    images[image.id] = image
    return image.id
