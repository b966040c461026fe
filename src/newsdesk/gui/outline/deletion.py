"""What Delete does in the outline: no question asked, because it can be undone and the file has
recorded an automatic revision first (files/automatic_revisions.py); the status bar offers Undo.

The untitled lead is where every article begins and there is always one: Delete empties it
instead of removing it (also one undo step, also after an automatic revision).
"""

from __future__ import annotations

from newsdesk.model.article import Article
from newsdesk.model.commands import DeleteSection, EditCommand, EmptySection


def is_lead(article: Article, section_id: str) -> bool:
    """The untitled first section of the article (the lead)."""
    return bool(article.sections) and (
        article.sections[0].id == section_id and not article.sections[0].heading.strip()
    )


def deletion_command(article: Article, section_id: str) -> EditCommand | None:
    """The command Delete pushes for this section; None when there is nothing to delete (an
    empty lead, or a section that is not there)."""
    section = article.find_section(section_id)
    if section is None:
        return None
    if is_lead(article, section_id):
        return EmptySection(section_id) if section.markdown else None
    return DeleteSection(section_id)
