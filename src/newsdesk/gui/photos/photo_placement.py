"""Where a photo added for the text goes: at the editor's cursor, or where the journalist says.

Photos › Add… with a lead photo already there adds a photo "in the text"; one that no section
places would only be shown after the last section, without its place in the story (issue 17,
item 7). So it goes where the editor's cursor is; when the editor shows no section it can place it
in, the journalist is asked which section it belongs to (at its end), or may leave it for now, and
the check then lists it as unplaced.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QTextEdit, QWidget

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.dialogs.errors import push_or_report
from newsdesk.gui.editor.inline_images import place_photo_at_cursor
from newsdesk.model.article import Article
from newsdesk.model.commands import SetSectionMarkdown

translate = QCoreApplication.translate


def section_choices(article: Article) -> list[tuple[str, str]]:
    """(what the list shows, section id) for every section, in reading order."""
    choices = []
    for number, section in enumerate(article.walk_sections(), start=1):
        name = section.heading.strip() or (
            translate("PhotoPlacement", "Lead")
            if number == 1
            else translate("PhotoPlacement", "Section %1").replace("%1", str(number))
        )
        choices.append((name, section.id))
    return choices


def with_photo_at_end(markdown: str, image_id: str) -> str:
    """The section's text with the photo as a paragraph of its own at the end."""
    text = markdown.rstrip("\n")
    return (text + "\n\n" if text else "") + f"![](image:{image_id})\n"


def place_photo(
    stack: ArticleState, editor: QTextEdit, parent: QWidget | None, image_id: str
) -> bool:
    """Place the photo at the editor's cursor, else in the section the journalist chooses;
    False when it stays unplaced (the journalist chose not to place it now)."""
    if place_photo_at_cursor(stack, editor, image_id):
        return True
    choices = section_choices(stack.article)
    if not choices:
        return False
    later = translate("PhotoPlacement", "Not now (the check lists it)")
    names = [name for name, _id in choices] + [later]
    name, accepted = QInputDialog.getItem(
        parent,
        translate("PhotoPlacement", "Place the Photo"),
        translate("PhotoPlacement", "The photo goes at the end of this section:"),
        names,
        0,
        False,
    )
    if not accepted or name == later:
        return False
    section_id = choices[names.index(name)][1]
    section = stack.article.find_section(section_id)
    if section is None:  # the choices were the article's sections a moment ago
        return False
    command = SetSectionMarkdown(section_id, with_photo_at_end(section.markdown, image_id))
    return push_or_report(stack, command, translate("PhotoPlacement", "Place photo"), parent)
