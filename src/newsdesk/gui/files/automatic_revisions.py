"""Revisions Newsdesk records by itself, so that no deletion is final once the window closes.

The undo history ends with the file; a revision does not. Before every command that throws text
away (deleting a section, removing a photo, Replace All) the file records the article as it still
is, marked automatic, and at least every 10 minutes of editing autosave records one too. A restore
of a revision records the state it replaces the same way (files/revisions.py). The store skips an
automatic revision that would repeat the newest one and thins old ones out
(store/revision_thinning.py), so a week of editing keeps the file small (`make bench`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from newsdesk.gui.translatable import QT_TRANSLATE_NOOP
from newsdesk.model.commands import DeleteSection, EditCommand, EmptySection
from newsdesk.model.image_commands import RemoveImage

if TYPE_CHECKING:
    from newsdesk.gui.files.article_files import ArticleFiles

CONTEXT = "AutomaticRevisions"
EDITING_INTERVAL = 600.0  # seconds of editing between two automatic revisions at most

# The model command's English label -> the revision's label (before that command).
RECORDED_BEFORE: dict[str, str] = {
    DeleteSection.label: QT_TRANSLATE_NOOP("AutomaticRevisions", "Before deleting a section"),
    EmptySection.label: QT_TRANSLATE_NOOP("AutomaticRevisions", "Before emptying the lead"),
    RemoveImage.label: QT_TRANSLATE_NOOP("AutomaticRevisions", "Before removing a photo"),
    "Replace all": QT_TRANSLATE_NOOP("AutomaticRevisions", "Before Replace All"),
}
EVERY_TEN_MINUTES = QT_TRANSLATE_NOOP("AutomaticRevisions", "While editing")


def revision_label_before(command: EditCommand) -> str | None:
    """The label of the automatic revision `command` calls for, translated; None: none."""
    from newsdesk.model.find_replace import ReplaceAllCommand  # not needed before the first edit

    if isinstance(command, ReplaceAllCommand):
        return QCoreApplication.translate(CONTEXT, RECORDED_BEFORE["Replace all"])
    # A composite command (removing a photo also takes it out of the text) carries the label of
    # the deletion it makes: the model's stable English text.
    label = RECORDED_BEFORE.get(command.label)
    return None if label is None else QCoreApplication.translate(CONTEXT, label)


def editing_label() -> str:
    return QCoreApplication.translate(CONTEXT, EVERY_TEN_MINUTES)


class AutomaticRevisions(QObject):
    """Records a revision before each destructive command of the window's article state."""

    def __init__(self, files: ArticleFiles) -> None:
        super().__init__(files)
        self._files = files
        files.stack.about_to_apply.connect(self._before_command)

    def _before_command(self, command: EditCommand) -> None:
        label = revision_label_before(command)
        if label is not None:
            self._files.record_automatic_revision(label)
