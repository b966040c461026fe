"""File > Update from Word: the desk's edits of a Word file Newsdesk exported, into the article.

    desk = read_desk_document(data, "story.docx")   checked like any Word file, refused in one line
    desk.changes                                    its tracked changes, for the journalist to judge
    update = plan_update(article, desk, {1: True, 2: False})   accept change 1, reject change 2
    update_command(update)                          (model.article_update) one undo step

How the parts are matched: the article is exported again and read back by the Word importer (the
"baseline"); the desk's file, with the tracked changes resolved as chosen, is read the same way.
Whatever reads the same in both was not touched by the desk and stays exactly as the article has
it. Differences are the desk's edits: the headline and subheadline; sections matched by their
heading line and order (renamed, retitled as opinion, text changed paragraph by paragraph in
`blocks`, added or removed); photo captions, credits and notices (`captions`); the related links
(`related`). The desk's Word comments arrive as private editor's notes where they are anchored.

A file that matches nothing of the article (another article's, or none of ours) is refused with
`import.not_this_article`; a damaged, encrypted, macro-laden or oversized file with the Word
importer's own one-line refusals. Nothing is changed by reading or planning.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections import Counter
from dataclasses import dataclass

from newsdesk.derived_cache import DerivedCache
from newsdesk.errors import ImportFormatError
from newsdesk.formats.docx_export import docx_bytes
from newsdesk.formats.docx_import import MAX_DOCX_BYTES, import_docx
from newsdesk.formats.docx_import_package import check_package
from newsdesk.formats.docx_update.captions import (
    caption_changes,
    exported_images,
    figures,
    pair_figures,
)
from newsdesk.formats.docx_update.field_comments import comment_texts, take_field_comments
from newsdesk.formats.docx_update.sections import note_in_lead, plan_sections
from newsdesk.formats.docx_update.tracked_changes import (
    DocumentXml,
    TrackedChange,
    read_document_xml,
    resolve,
    serialize,
    with_part,
)
from newsdesk.formats.html_labels import labels_for
from newsdesk.model.article import Article
from newsdesk.model.article_update import ArticleUpdate
from newsdesk.model.counts import plain_text

__all__ = ["DeskDocument", "TrackedChange", "plan_update", "read_desk_document"]

MAIN_PART = "word/document.xml"
MIN_SHARED_WORDS = 0.3  # below this share of the article's words, the file is another text


@dataclass
class DeskDocument:
    """The desk's Word file, checked, with its tracked changes listed."""

    data: bytes
    name: str
    xml: DocumentXml
    changes: list[TrackedChange]


def _main_part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
    if MAIN_PART in names:
        return MAIN_PART
    from newsdesk.formats.docx_import_package import _main_part as named_part

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return named_part(archive, names, name)


def read_desk_document(data: bytes, name: str) -> DeskDocument:
    """Check the file like any Word document and list its tracked changes."""
    if len(data) > MAX_DOCX_BYTES:
        raise ImportFormatError(
            f"{name} is larger than {MAX_DOCX_BYTES // (1024 * 1024)} MB; that is no article",
            code="import.too_large",
            name=name,
            limit_mb=MAX_DOCX_BYTES // (1024 * 1024),
        )
    check_package(data, name)  # passwords, damage, macros, zip bombs: one line each
    try:
        xml = read_document_xml(data, _main_part(data, name), name)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFormatError(
            f"{name} is damaged or not a Word document", code="import.docx_damaged", name=name
        ) from exc
    from newsdesk.formats.docx_update.tracked_changes import list_changes

    return DeskDocument(data, name, xml, list_changes(xml))


def resolved_document(desk: DeskDocument, accepted: dict[int, bool]) -> tuple[bytes, DocumentXml]:
    """The desk's file with its tracked changes settled as chosen, and its main part."""
    if not desk.changes:
        # A copy: what is read from it next (comments on the headline) is taken out of it.
        root = copy.deepcopy(desk.xml.root)
        return desk.data, DocumentXml(root, desk.xml.main_part, desk.xml.style_names)
    missing = [c.number for c in desk.changes if c.number not in accepted]
    if missing:
        raise ValueError(f"no decision for tracked change {missing[0]}")
    root = resolve(desk.xml, accepted)
    data = with_part(desk.data, desk.xml.main_part, serialize(root))
    return data, DocumentXml(root, desk.xml.main_part, desk.xml.style_names)


def _words(article: Article) -> Counter[str]:
    text = " ".join(
        [article.headline, article.subheadline]
        + [s.heading + " " + plain_text(s.markdown) for s in article.walk_sections()]
    )
    return Counter(word for word in text.lower().split() if len(word) >= 4)


def _shares_text(baseline: Article, desk: Article) -> bool:
    if baseline.headline.strip() and baseline.headline == desk.headline:
        return True  # the desk rewrote the text under the same headline
    ours, theirs = _words(baseline), _words(desk)
    if not ours:
        return bool(baseline.headline.strip()) and baseline.headline == desk.headline
    shared = sum((ours & theirs).values())
    return shared / sum(ours.values()) >= MIN_SHARED_WORDS


def plan_update(
    article: Article,
    desk: DeskDocument,
    accepted: dict[int, bool] | None = None,
    *,
    cache: DerivedCache | None = None,
) -> ArticleUpdate:
    """What the desk changed, as an ArticleUpdate (see the module docstring). `cache` keeps the
    photos' web sizes the baseline export makes (the project file's, as every export does)."""
    labels = labels_for(article.language)
    data, desk_xml = resolved_document(desk, accepted or {})
    comments = comment_texts(desk.data, desk.name)
    field_comments = take_field_comments(desk_xml)
    if field_comments:
        data = with_part(data, desk_xml.main_part, serialize(desk_xml.root))
    # The credit need not be written into the pictures: only the text is compared.
    baseline_data = docx_bytes(article, photo_credits=False, cache=cache)
    baseline = import_docx(baseline_data, "baseline.docx").article
    theirs = import_docx(data, desk.name).article
    if not _shares_text(baseline, theirs):
        raise ImportFormatError(
            f"{desk.name} was not made from this article; nothing was changed",
            code="import.not_this_article",
            name=desk.name,
        )
    update = ArticleUpdate()
    for name in ("headline", "subheadline"):
        if getattr(theirs, name) != getattr(baseline, name):
            update.fields[name] = getattr(theirs, name)
    plan_sections(article, baseline, theirs, labels, update)
    baseline_xml = read_document_xml(baseline_data, MAIN_PART, "baseline.docx")
    images = exported_images(article)
    before, after = figures(baseline_xml, labels), figures(desk_xml, labels)
    if len(before) == len(images):
        for b, d in pair_figures(before, after):
            image = images[b]
            values = caption_changes(image, before[b], after[d], labels)
            notes = [comments[key] for key in after[d].comments if key in comments]
            if notes:
                caption = values.get("caption", image.caption)
                values["caption"] = " ".join([caption, *(f"<!-- {n} -->" for n in notes)]).strip()
                update.notes_added += len(notes)
            if values and image.id not in update.images:
                update.images[image.id] = values
    notes = [comments[key] for key in field_comments if key in comments]
    if notes:
        note_in_lead(article, update, notes)
    return update
