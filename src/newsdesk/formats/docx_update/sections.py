"""Sections and related links: the baseline's and the desk's readings matched to the article.

The article's sections (in reading order, nested ones after their parent) are found in the
baseline by their heading line ("Kommentar: ..." for an opinion section, as the export writes it);
the desk's sections are matched to the baseline's by heading line and order (difflib), so a
renamed section is still the same section when its neighbours are. A desk section with no partner
is new (placed after the section before it); a baseline section with no partner was removed by the
desk (a section with kept subsections, and the untitled lead, are emptied instead of deleted).
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from newsdesk.formats.docx_update.blocks import merge_section, remap_images, split_blocks
from newsdesk.formats.docx_update.captions import exported_images
from newsdesk.formats.docx_update.related import exported_links, merged_links
from newsdesk.formats.html_labels import PageLabels
from newsdesk.formats.text_import import opinion_heading_line
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.article_update import AddedSection, ArticleUpdate, SectionUpdate
from newsdesk.model.markdown_notes import private_notes


def _pair_images(ours: Sequence[Image], theirs: Sequence[Image]) -> dict[str, str]:
    """Their image ids -> ours: by order when both hold as many, otherwise by alt text."""
    if len(ours) == len(theirs):
        return {t.id: o.id for o, t in zip(ours, theirs, strict=True)}
    pairs: dict[str, str] = {}
    matcher = SequenceMatcher(None, [o.alt for o in ours], [t.alt for t in theirs], False)
    for op, o0, o1, t0, t1 in matcher.get_opcodes():
        if op == "equal":
            for o, t in zip(range(o0, o1), range(t0, t1), strict=True):
                pairs[theirs[t].id] = ours[o].id
    return pairs


SAME_HEADING, SAME_TEXT = 0.6, 0.5  # how close a renamed or rewritten section stays


def _same_section(base: Section, desk: Section) -> bool:
    headings = SequenceMatcher(None, base.heading.lower(), desk.heading.lower(), False)
    if headings.ratio() >= SAME_HEADING:
        return True
    words = SequenceMatcher(None, base.markdown.split(), desk.markdown.split(), False)
    return words.ratio() >= SAME_TEXT


def _lines(sections: Sequence[Section], labels: PageLabels) -> list[str]:
    return [" ".join(opinion_heading_line(s, labels.opinion).split()) for s in sections]


def _take_related(
    article: Article, base: list[Section], desk: list[Section], labels: PageLabels
) -> tuple[Section | None, Section | None]:
    """The related-links section of both readings, taken out of their lists."""
    heading = article.related.heading.strip() or labels.related
    if not exported_links(article) or not base or base[-1].heading.strip() != heading:
        return None, None
    base_related = base.pop()
    at = next((n for n in range(len(desk) - 1, -1, -1) if desk[n].heading.strip() == heading), None)
    if at is None and desk and desk[-1].heading and _only_list_items(desk[-1].markdown):
        at = len(desk) - 1  # the desk renamed the list's heading
    return base_related, (desk.pop(at) if at is not None else None)


def _only_list_items(markdown: str) -> bool:
    lines = [line for line in markdown.split("\n") if line.strip()]
    return bool(lines) and all(line.lstrip().startswith(("- ", "* ", "+ ")) for line in lines)


def _new_section(section: Section, desk_images: dict[str, str]) -> tuple[Section, int]:
    kept, left_out = [], 0
    for block in split_blocks(section.markdown):
        remapped = remap_images(block, desk_images)
        if remapped is None:
            left_out += 1
        else:
            kept.append(remapped)
    kind = section.kind if section.kind in ("body", "opinion") else "body"
    made = Section(heading=section.heading, kind=kind, label=section.label)
    made.markdown = "\n\n".join(kept)
    return made, left_out


def _heading_change(mine: Section, base: Section, desk: Section, update: SectionUpdate, labels):
    line = opinion_heading_line
    if line(desk, labels.opinion) == line(base, labels.opinion):
        return
    # A heading that carries its opinion prefix itself ("Kommentar: ...") keeps carrying it.
    carries_prefix = mine.kind == "opinion" and mine.heading.strip() == line(mine, labels.opinion)
    heading = (
        line(desk, labels.opinion) if carries_prefix and desk.kind == "opinion" else desk.heading
    )
    if heading != mine.heading:
        update.heading = heading
    if desk.kind != base.kind and desk.kind in ("body", "opinion") and desk.kind != mine.kind:
        update.kind = desk.kind
    if desk.label != base.label and not carries_prefix and desk.label != mine.label:
        update.label = desk.label


def _partners(
    base: list[Section], desk: list[Section], labels: PageLabels
) -> tuple[dict[int, int], list[int]]:
    """The desk's sections matched to the baseline's: desk index -> baseline index, and the
    baseline sections the desk removed."""
    partner: dict[int, int] = {}  # desk index -> baseline index
    removed: list[int] = []
    matcher = SequenceMatcher(None, _lines(base, labels), _lines(desk, labels), autojunk=False)
    for op, b0, b1, d0, d1 in matcher.get_opcodes():
        if op == "equal":
            partner.update(zip(range(d0, d1), range(b0, b1), strict=True))
            continue
        # Headings that differ: still the same section when its heading or its text stayed
        # close (renamed, or retitled and edited); otherwise one section removed, one added.
        b = b0
        for d in range(d0, d1):
            if b < b1 and _same_section(base[b], desk[d]):
                partner[d] = b
                b += 1
            elif b < b1 and b1 - b > d1 - d:
                removed.append(b)
                b += 1
                if b < b1 and _same_section(base[b], desk[d]):
                    partner[d] = b
                    b += 1
        removed.extend(range(b, b1))
    return partner, removed


def plan_sections(
    article: Article,
    baseline: Article,
    desk_article: Article,
    labels: PageLabels,
    update: ArticleUpdate,
) -> None:
    """Fill `update` with the sections' and related links' changes."""
    pictures = [image for image in exported_images(article) if image.has_photo]
    base_images = _pair_images(pictures, baseline.images)
    desk_images = {
        theirs: base_images[base]
        for theirs, base in _pair_images(baseline.images, desk_article.images).items()
        if base in base_images
    }
    mine = list(article.walk_sections())
    base = list(baseline.walk_sections())
    desk = list(desk_article.walk_sections())
    base_related, desk_related = _take_related(article, base, desk, labels)
    if base_related is not None and desk_related is not None:
        update.related = merged_links(article, base_related.markdown, desk_related.markdown)
        if desk_related.heading.strip() != base_related.heading.strip():
            update.related_heading = desk_related.heading.strip()
    mine_of: dict[int, Section] = {}
    finder = SequenceMatcher(None, _lines(mine, labels), _lines(base, labels), autojunk=False)
    for op, m0, m1, b0, b1 in finder.get_opcodes():
        if op == "equal":
            mine_of.update(zip(range(b0, b1), mine[m0:m1], strict=True))
    partner, removed = _partners(base, desk, labels)
    after: str | None = None
    lead = _unmatched_lead(article, mine_of)
    for d, section in enumerate(desk):
        if d not in partner and lead is not None and after is None and not section.heading:
            # Text the desk wrote above the first heading of an article whose lead was empty.
            made, left_out = _new_section(section, desk_images)
            update.sections.append(SectionUpdate(lead.id, markdown=_joined(lead, made.markdown)))
            update.pictures_left_out += left_out
            update.notes_added += len(private_notes(made.markdown))
            after = lead.id
            continue
        if d not in partner:
            made, left_out = _new_section(section, desk_images)
            update.added.append(AddedSection(made, after))
            update.pictures_left_out += left_out
            update.notes_added += len(private_notes(made.markdown))
            after = made.id
            continue
        b = partner[d]
        own = mine_of.get(b)
        if own is None:
            continue  # a part of the baseline the article has no section for
        after = own.id
        change = SectionUpdate(own.id)
        _heading_change(own, base[b], section, change, labels)
        merged = merge_section(
            own.markdown, base[b].markdown, section.markdown, base_images, desk_images
        )
        if merged is not None:
            update.pictures_left_out += merged.pictures_left_out
            if merged.markdown != own.markdown:
                change.markdown = merged.markdown
                added_notes = len(private_notes(merged.markdown)) - len(private_notes(own.markdown))
                update.notes_added += max(added_notes, 0)
        if any(v is not None for v in (change.heading, change.kind, change.label, change.markdown)):
            update.sections.append(change)
    _plan_removals(article, [mine_of[b] for b in removed if b in mine_of], update)


def _unmatched_lead(article: Article, mine_of: dict[int, Section]) -> Section | None:
    """The untitled lead when the export wrote nothing of it (it is empty or only notes)."""
    if not article.sections or article.sections[0].heading:
        return None
    lead = article.sections[0]
    return None if any(s is lead for s in mine_of.values()) else lead


def _joined(section: Section, markdown: str) -> str:
    return f"{section.markdown.rstrip()}\n\n{markdown}" if section.markdown.strip() else markdown


def note_in_lead(article: Article, update: ArticleUpdate, notes: list[str]) -> None:
    """Notes (the desk's comments on the headline) at the top of the article's first section."""
    if not article.sections:
        return
    first = article.sections[0]
    change = next((c for c in update.sections if c.section_id == first.id), None)
    if change is None:
        change = SectionUpdate(first.id)
        update.sections.append(change)
    text = change.markdown if change.markdown is not None else first.markdown
    marks = " ".join(f"<!-- {note} -->" for note in notes)
    change.markdown = f"{marks}\n\n{text}" if text.strip() else marks
    update.notes_added += len(notes)


def _plan_removals(article: Article, gone: list[Section], update: ArticleUpdate) -> None:
    """Delete what the desk removed: whole subtrees only, the lead is emptied instead."""
    gone_ids = {s.id for s in gone}
    lead = article.sections[0] if article.sections and not article.sections[0].heading else None
    for section in gone:
        if section is lead:
            update.sections.append(SectionUpdate(section.id, markdown=""))
            continue
        if not all(s.id in gone_ids for s in section.walk()):
            update.sections.append(SectionUpdate(section.id, markdown=""))
            continue
        found = article.find_parent(section.id)
        parent = found[0] if found else None
        if (
            parent is not None
            and parent.id in gone_ids
            and all(s.id in gone_ids for s in parent.walk())
        ):
            continue  # deleted with its parent
        update.removed.append(section.id)
