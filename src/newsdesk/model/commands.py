"""Edit commands on an Article: every change the GUI makes is one of these, so it can be undone.

Each command is an object with `do(article)` and `undo(article)`; `undo` restores the article
exactly (compare `article_to_dict` before and after), and `do` may run again after `undo` (redo).
Commands run strictly in stack order: `undo` assumes the article is in the state `do` left it in.

After `do` has run, `command.changed` is a `Changes` summary of what it touched (in the spirit of
Anki's "operation changes"), so views refresh only what changed; `changed.reversed()` describes the
undo. `command.label` is short English text; the GUI translates it or passes its own label.

A command that cannot apply raises `EditRefusedError` (a NewsdeskError and a ValueError) from `do`
and leaves the article untouched; the GUI prevents most of these by disabling the action.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace

from newsdesk.errors import NewsdeskError
from newsdesk.model.article import ARTICLE_TEXT_FIELDS, SECTION_KINDS, Article, Section
from newsdesk.model.serialize import MAX_SECTION_DEPTH, MAX_SECTION_LABEL_CHARS

# Article fields SetArticleField may change: the text fields, and "tags", copied as a list.
ARTICLE_FIELDS: tuple[str, ...] = (*ARTICLE_TEXT_FIELDS, "tags")


class EditRefusedError(NewsdeskError, ValueError):
    """An edit that cannot apply: unknown section, a move into its own descendant, too deep, ..."""


@dataclass(frozen=True)
class Changes:
    """What a command changed, so each view refreshes only that.

    - `sections`: ids whose heading, kind or text changed (rows to repaint, counts to redo);
    - `markdown`: the subset of `sections` whose text was replaced by a command (not by typing):
      editors holding a document for these must reload it;
    - `fields`: article fields that changed (names from ARTICLE_FIELDS);
    - `added` / `removed`: section ids that appeared / disappeared, descendants included;
    - `structure`: the section tree changed shape (add, delete, move, re-nest);
    - `images`: ids of images that were added, removed, moved or changed in any field or photo;
    - `related`: the related-links list (heading or links) changed;
    - `everything`: the whole article was replaced; refresh all.
    """

    sections: frozenset[str] = frozenset()
    markdown: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()
    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    structure: bool = False
    images: frozenset[str] = frozenset()
    related: bool = False
    everything: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            sections=self.sections | other.sections,
            markdown=self.markdown | other.markdown,
            fields=self.fields | other.fields,
            added=self.added | other.added,
            removed=self.removed | other.removed,
            structure=self.structure or other.structure,
            images=self.images | other.images,
            related=self.related or other.related,
            everything=self.everything or other.everything,
        )

    def reversed(self) -> Changes:
        """The summary of undoing: what was added is removed again and the other way round."""
        return replace(self, added=self.removed, removed=self.added)

    def __bool__(self) -> bool:
        return bool(self.sections or self.fields or self.added or self.removed or self.images) or (
            self.structure or self.related or self.everything
        )


def _ids(section: Section) -> frozenset[str]:
    return frozenset(s.id for s in section.walk())


def _require_section(article: Article, section_id: str) -> Section:
    section = article.find_section(section_id)
    if section is None:
        raise EditRefusedError("This section no longer exists.", code="edit.section_gone")
    return section


def _siblings(article: Article, parent_id: str | None) -> list[Section]:
    """The list a section with this parent lives in: the article's top level or a child list."""
    if parent_id is None:
        return article.sections
    return _require_section(article, parent_id).children


def _locate(article: Article, section_id: str) -> tuple[str | None, int]:
    """(parent id or None for top level, index among siblings) of an existing section."""
    found = article.find_parent(section_id)
    if found is None:
        raise EditRefusedError("This section no longer exists.", code="edit.section_gone")
    parent, siblings = found
    index = next(n for n, s in enumerate(siblings) if s.id == section_id)
    return (parent.id if parent else None), index


def section_depth(article: Article, section_id: str | None) -> int:
    """1 for a top-level section, 2 for its children, ...; 0 for the article itself (None)."""
    depth = 0
    while section_id is not None:
        depth += 1
        section_id, _ = _locate(article, section_id)
    return depth


def subtree_height(section: Section) -> int:
    """1 for a section without children, 2 with children, ..."""
    return 1 + max((subtree_height(c) for c in section.children), default=0)


def _check_depth(article: Article, parent_id: str | None, section: Section) -> None:
    if section_depth(article, parent_id) + subtree_height(section) > MAX_SECTION_DEPTH:
        raise EditRefusedError(
            f"Sections cannot nest deeper than {MAX_SECTION_DEPTH} levels.",
            code="edit.too_deep",
            levels=MAX_SECTION_DEPTH,
        )


def _check_index(index: int, siblings: Sequence[Section]) -> None:
    if not 0 <= index <= len(siblings):
        raise EditRefusedError(
            "There is no such position among these sections.", code="edit.no_position"
        )


class EditCommand:
    """Base of all commands. Subclasses set `label` and implement do/undo and `changed`."""

    label: str = "Edit"

    def do(self, article: Article) -> None:
        raise NotImplementedError

    def undo(self, article: Article) -> None:
        raise NotImplementedError

    @property
    def changed(self) -> Changes:
        return self._changes

    _changes: Changes = Changes()


class AddSection(EditCommand):
    """Insert a section: right after `after`, or at `index` under `parent` (None = top level).

    With neither `after` nor `index` the section is appended under `parent`. The inserted object is
    `self.section` (a new empty body section by default), so its id is known before `do`.
    """

    label = "Add section"

    def __init__(
        self,
        section: Section | None = None,
        *,
        after: str | None = None,
        parent: str | None = None,
        index: int | None = None,
    ) -> None:
        if after is not None and (parent is not None or index is not None):
            raise ValueError("give either `after` or `parent`/`index`, not both")
        self.section = section if section is not None else Section()
        self.after = after
        self.parent = parent
        self.index = index

    @property
    def section_id(self) -> str:
        return self.section.id

    def do(self, article: Article) -> None:
        if self.after is not None:
            parent_id, anchor = _locate(article, self.after)
            index = anchor + 1
        else:
            parent_id = self.parent
            index = self.index if self.index is not None else len(_siblings(article, parent_id))
        siblings = _siblings(article, parent_id)
        _check_index(index, siblings)
        if any(article.find_section(i) for i in _ids(self.section)):
            raise EditRefusedError(
                "This section is already part of the article.", code="edit.section_exists"
            )
        _check_depth(article, parent_id, self.section)
        siblings.insert(index, self.section)
        self._changes = Changes(added=_ids(self.section), structure=True)

    def undo(self, article: Article) -> None:
        found = article.find_parent(self.section.id)
        assert found is not None, "undo follows the do that added the section"
        found[1].remove(self.section)


class DeleteSection(EditCommand):
    """Remove a section with its children; undo puts the very same objects back in place."""

    label = "Delete section"

    def __init__(self, section_id: str) -> None:
        self.section_id = section_id

    def do(self, article: Article) -> None:
        self._parent_id, self._index = _locate(article, self.section_id)
        siblings = _siblings(article, self._parent_id)
        self._section = siblings.pop(self._index)
        self._changes = Changes(removed=_ids(self._section), structure=True)

    def undo(self, article: Article) -> None:
        _siblings(article, self._parent_id).insert(self._index, self._section)


class MoveSection(EditCommand):
    """Move a section (with its children) to `index` under `new_parent` (None = top level).

    `index` is the section's position in its new sibling list *after* the move, so moving within
    the same list never needs to correct for the gap the section leaves behind.
    """

    label = "Move section"

    def __init__(self, section_id: str, new_parent: str | None, index: int) -> None:
        self.section_id = section_id
        self.new_parent = new_parent
        self.index = index

    def do(self, article: Article) -> None:
        section = _require_section(article, self.section_id)
        if self.new_parent is not None:
            if self.new_parent in _ids(section):
                raise EditRefusedError(
                    "A section cannot be moved into itself.", code="edit.into_itself"
                )
            _require_section(article, self.new_parent)
        old_parent, old_index = _locate(article, self.section_id)
        target = _siblings(article, self.new_parent)
        size_after_removal = len(target) - (1 if old_parent == self.new_parent else 0)
        if not 0 <= self.index <= size_after_removal:
            raise EditRefusedError(
                "There is no such position among these sections.", code="edit.no_position"
            )
        if self.new_parent != old_parent:
            _check_depth(article, self.new_parent, section)
        self._old = (old_parent, old_index)
        _siblings(article, old_parent).pop(old_index)
        target.insert(self.index, section)
        self._changes = Changes(sections=frozenset({self.section_id}), structure=True)

    def undo(self, article: Article) -> None:
        old_parent, old_index = self._old
        section = _siblings(article, self.new_parent).pop(self.index)
        _siblings(article, old_parent).insert(old_index, section)


class _SetSectionAttribute(EditCommand):
    attribute = ""

    def __init__(self, section_id: str, value: str) -> None:
        self.section_id = section_id
        self.value = value

    def validate(self) -> None:
        """Refuse values this attribute cannot take."""

    def do(self, article: Article) -> None:
        self.validate()
        section = _require_section(article, self.section_id)
        self._old = getattr(section, self.attribute)
        setattr(section, self.attribute, self.value)
        ids = frozenset({self.section_id})
        text = ids if self.attribute == "markdown" else frozenset()
        self._changes = Changes(sections=ids, markdown=text)

    def undo(self, article: Article) -> None:
        setattr(_require_section(article, self.section_id), self.attribute, self._old)


class RenameSection(_SetSectionAttribute):
    label = "Rename section"
    attribute = "heading"


class SetSectionKind(_SetSectionAttribute):
    label = "Change section kind"
    attribute = "kind"

    def validate(self) -> None:
        if self.value not in SECTION_KINDS:
            raise EditRefusedError(
                f"A section is one of: {', '.join(SECTION_KINDS)}.", code="edit.section_kind"
            )


class SetSectionLabel(_SetSectionAttribute):
    """The label shown above an opinion section ("Kommentar"); empty: the language's default."""

    label = "Change opinion label"
    attribute = "label"

    def validate(self) -> None:
        if len(self.value) > MAX_SECTION_LABEL_CHARS or "\n" in self.value:
            raise EditRefusedError(
                f"A label is one line of at most {MAX_SECTION_LABEL_CHARS} characters.",
                code="edit.section_label",
                max_chars=MAX_SECTION_LABEL_CHARS,
            )


class SetSectionMarkdown(_SetSectionAttribute):
    """Replace a section's whole text (find/replace, restoring a revision of one section)."""

    label = "Replace section text"
    attribute = "markdown"


class EmptySection(SetSectionMarkdown):
    """Delete a section's text but keep the section: what Delete does to the untitled lead,
    which an article always has."""

    label = "Empty the lead"

    def __init__(self, section_id: str) -> None:
        super().__init__(section_id, "")


class SetArticleField(EditCommand):
    """Set one of ARTICLE_FIELDS (headline, subheadline, ..., tags)."""

    label = "Edit article details"

    def __init__(self, name: str, value: str | Iterable[str]) -> None:
        if name not in ARTICLE_FIELDS:
            raise ValueError(f"not an editable article field: {name}")
        self.name = name
        self.value = list(value) if name == "tags" else value
        if name != "tags" and not isinstance(value, str):
            raise ValueError(f"{name} must be text")

    def do(self, article: Article) -> None:
        self._old = getattr(article, self.name)
        new = list(self.value) if self.name == "tags" else self.value
        setattr(article, self.name, new)
        self._changes = Changes(fields=frozenset({self.name}))

    def undo(self, article: Article) -> None:
        setattr(article, self.name, self._old)


class ReplaceArticle(EditCommand):
    """Replace the whole article in place (restoring a revision), keeping the Article object.

    The GUI holds one Article object for the life of a window; this swaps its contents. Undo puts
    back the very same section, image and link objects that were there before.
    """

    label = "Restore revision"

    def __init__(self, replacement: Article, label: str | None = None) -> None:
        # A deep copy, so the article never shares objects with whoever passed the replacement.
        self._new = copy.deepcopy({f.name: getattr(replacement, f.name) for f in fields(Article)})
        if label is not None:
            self.label = label

    def do(self, article: Article) -> None:
        self._old = {f.name: getattr(article, f.name) for f in fields(Article)}
        for name, value in self._new.items():
            setattr(article, name, value)
        old_ids = {s.id for s in _walk(self._old["sections"])}
        new_ids = {s.id for s in article.walk_sections()}
        image_ids = {i.id for i in self._old["images"]} | {i.id for i in article.images}
        self._changes = Changes(
            sections=frozenset(new_ids),
            markdown=frozenset(new_ids),
            fields=frozenset(ARTICLE_FIELDS),
            added=frozenset(new_ids - old_ids),
            removed=frozenset(old_ids - new_ids),
            structure=True,
            images=frozenset(image_ids),
            related=True,
            everything=True,
        )

    def undo(self, article: Article) -> None:
        for name, value in self._old.items():
            setattr(article, name, value)


def _walk(sections: list[Section]):
    for section in sections:
        yield from section.walk()


class CompositeCommand(EditCommand):
    """Several commands as one undo step (replace all, ...). All apply or none does."""

    def __init__(self, commands: Iterable[EditCommand], label: str = "Edit") -> None:
        self.commands = list(commands)
        self.label = label

    def do(self, article: Article) -> None:
        done: list[EditCommand] = []
        try:
            for command in self.commands:
                command.do(article)
                done.append(command)
        except Exception:
            for command in reversed(done):
                command.undo(article)
            raise
        self._changes = Changes()
        for command in self.commands:
            self._changes = self._changes | command.changed

    def undo(self, article: Article) -> None:
        for command in reversed(self.commands):
            command.undo(article)


# Keyboard moves (Alt+Up/Down/Left/Right in the tree): each returns the command, or None when the
# move is impossible (first/last sibling, no previous sibling to nest under, already top level).


def move_up(article: Article, section_id: str) -> MoveSection | None:
    parent, index = _locate(article, section_id)
    return MoveSection(section_id, parent, index - 1) if index > 0 else None


def move_down(article: Article, section_id: str) -> MoveSection | None:
    parent, index = _locate(article, section_id)
    last = len(_siblings(article, parent)) - 1
    return MoveSection(section_id, parent, index + 1) if index < last else None


def indent(article: Article, section_id: str) -> MoveSection | None:
    """Make the section the last child of its previous sibling."""
    parent, index = _locate(article, section_id)
    if index == 0:
        return None
    previous = _siblings(article, parent)[index - 1]
    section = _siblings(article, parent)[index]
    if section_depth(article, previous.id) + subtree_height(section) > MAX_SECTION_DEPTH:
        return None
    return MoveSection(section_id, previous.id, len(previous.children))


def outdent(article: Article, section_id: str) -> MoveSection | None:
    """Make the section the next sibling of its parent."""
    parent, _ = _locate(article, section_id)
    if parent is None:
        return None
    grandparent, parent_index = _locate(article, parent)
    return MoveSection(section_id, grandparent, parent_index + 1)
