"""An update of the article from outside (the desk's Word file), applied as one undo step.

File > Update from Word reads the desk's document and works out what changed
(`formats.docx_update`); what it found is an `ArticleUpdate`: new values for article fields,
sections whose heading, kind, label or text changed, sections the desk added or removed, new
caption, credit and disclaimer texts for photos, and the related links. `update_command` turns it
into one CompositeCommand ("Update from Word"), so one Ctrl+Z restores everything and an automatic
revision is recorded before it.

What an update never touches: the photos themselves (bytes, crop, rotation, focal point), the
article's properties (spelling ignore lists, publish ids and records, the publication), the ids of
the sections it keeps, and every field it has no new value for.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from newsdesk.model.article import Article, RelatedLink, Section
from newsdesk.model.commands import (
    AddSection,
    Changes,
    CompositeCommand,
    DeleteSection,
    EditCommand,
    RenameSection,
    SetArticleField,
    SetSectionKind,
    SetSectionLabel,
    SetSectionMarkdown,
)
from newsdesk.model.image_commands import SetImageFields
from newsdesk.model.related_commands import SetRelatedHeading

UPDATE_LABEL = "Update from Word"


@dataclass
class SectionUpdate:
    """New values for one kept section; None: unchanged."""

    section_id: str
    heading: str | None = None
    kind: str | None = None
    label: str | None = None
    markdown: str | None = None


@dataclass
class AddedSection:
    """A section the desk added: placed after `after` (a section id), or first when None."""

    section: Section
    after: str | None = None


@dataclass
class ArticleUpdate:
    """What the desk changed (see the module docstring). Empty when nothing did."""

    fields: dict[str, str] = field(default_factory=dict)
    sections: list[SectionUpdate] = field(default_factory=list)
    added: list[AddedSection] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # section ids
    images: dict[str, dict[str, Any]] = field(default_factory=dict)  # image id -> field values
    related: list[RelatedLink] | None = None
    related_heading: str | None = None
    notes_added: int = 0  # the desk's comments that became private notes
    pictures_left_out: int = 0  # pictures the desk added, which an update does not take

    def is_empty(self) -> bool:
        return not (
            self.fields
            or self.sections
            or self.added
            or self.removed
            or self.images
            or self.related is not None
            or self.related_heading is not None
        )


class ReplaceRelatedLinks(EditCommand):
    """Put a new list of related links in place; undo brings back the very same link objects."""

    label = "Edit related link"

    def __init__(self, links: list[RelatedLink]) -> None:
        self.links = [copy.copy(link) for link in links]

    def do(self, article: Article) -> None:
        self._old = article.related.links
        article.related.links = list(self.links)
        self._changes = Changes(related=True)

    def undo(self, article: Article) -> None:
        article.related.links = self._old


def update_command(update: ArticleUpdate, label: str = UPDATE_LABEL) -> CompositeCommand:
    """The update as one undo step; `do` refuses (EditRefusedError) when the article changed
    underneath it (a section gone), and then nothing is changed."""
    commands: list[EditCommand] = [
        SetArticleField(name, value) for name, value in update.fields.items()
    ]
    for change in update.sections:
        if change.heading is not None:
            commands.append(RenameSection(change.section_id, change.heading))
        if change.kind is not None:
            commands.append(SetSectionKind(change.section_id, change.kind))
        if change.label is not None:
            commands.append(SetSectionLabel(change.section_id, change.label))
        if change.markdown is not None:
            commands.append(SetSectionMarkdown(change.section_id, change.markdown))
    # Added sections first, in reading order, each after the one before it: an added section may
    # follow another added one.
    for added in update.added:
        if added.after is None:
            commands.append(AddSection(added.section, parent=None, index=0))
        else:
            commands.append(AddSection(added.section, after=added.after))
    commands.extend(DeleteSection(section_id) for section_id in update.removed)
    for image_id, values in update.images.items():
        commands.append(SetImageFields(image_id, label=UPDATE_LABEL, **values))
    if update.related is not None:
        commands.append(ReplaceRelatedLinks(update.related))
    if update.related_heading is not None:
        commands.append(SetRelatedHeading(update.related_heading))
    return CompositeCommand(commands, label)
