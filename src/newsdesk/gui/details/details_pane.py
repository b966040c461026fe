"""The metadata pane: headline, subheadline, kicker, byline, dateline, publish date, language, slug,
description and tags, each committed as one SetArticleField command when its edit is finished.

A field commits when it is left or Enter is pressed (never per keystroke), and `commit()` pushes
whatever is still pending (the window calls it before saving). A refresh from `article_changed`
(for the fields it names, or everything) shows the article's values and pushes nothing back. The
headline bar above the editor edits headline and subheadline too; both views follow each other
through `article_changed`, and every field keeps the rule of `widgets.field_binder` (commit on
finish, refresh with signals blocked, edits pushed through `push_edit`, which shows a refusal).

Counters: the headline's length against WEB_HEADLINE_CHARS (a web headline longer than that is
cut in teasers and social cards; above HEADLINE_MAX_CHARS it is a warning in the check
too), the description's against DESCRIPTION_MAX_CHARS (all three: model/teaser_lengths.py).

The slug follows the headline while the article's `slug` is empty: that empty value is the
"follow headline" state, stored as such in the file, and `effective_slug()` is the slug it stands
for (`slugify(headline)`). Editing the slug field pins the slug (normalised by `slugify`); clearing
it, or ticking "Follow headline", makes it follow again; unticking pins the current one (say,
once the article is published and its address must not change with a corrected headline). The
exporter and the JSON-LD do not use the slug; whoever needs one (a default file name) should ask
`effective_slug()`.

The publish date is an ISO 8601 date or date-time ("2026-11-29", "2026-11-29T14:30+01:00"), empty
while not set; the field marks text the exporter could not read as a date (the exporter's own
parser decides). Tags are typed comma-separated and stored as a list, blanks and repeats dropped.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.formats.html_labels import html_lang, parse_published
from newsdesk.formats.slug import effective_slug, slugify
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.widgets.field_binder import BoundText, combo_line_edit, push_edit
from newsdesk.gui.widgets.wrapping_line_edit import WrappingLineEdit
from newsdesk.model.commands import Changes, SetArticleField
from newsdesk.model.teaser_lengths import (
    DESCRIPTION_MAX_CHARS,
    HEADLINE_MAX_CHARS,
    WEB_HEADLINE_CHARS,
)
from newsdesk.publication import PUBLICATION_PROPERTY

LANGUAGES = ("de", "en")
WARNING_COLOUR = "#a15c00"
PROBLEM_COLOUR = "#b3261e"
# The fields in the order the pane shows them; the line-edit ones are plain text fields.
LINE_FIELDS = ("headline", "subheadline", "kicker", "byline", "dateline", "published", "tags")
PANE_FIELDS = (*LINE_FIELDS[:-1], "language", "slug", "description", "tags")

_TAG_SEPARATORS = re.compile(r"[,;\n]")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def parse_tags(text: str) -> list[str]:
    """Tags from "Hafen, Sanierung; Nordstadt": trimmed, blanks and case-insensitive repeats
    dropped, order kept."""
    tags: list[str] = []
    seen: set[str] = set()
    for part in _TAG_SEPARATORS.split(text):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tags


def format_tags(tags: list[str]) -> str:
    return ", ".join(tags)


def one_line(text: str) -> str:
    """The description is one line on the page and in meta tags: line breaks become spaces."""
    return _LINE_BREAKS.sub(" ", text).strip()


def now_published() -> str:
    """The current local time as the publish date, to the minute, with the UTC offset."""
    return datetime.now().astimezone().replace(second=0, microsecond=0).isoformat("T", "minutes")


class MetadataPane(QWidget):
    """The article's details as a form (see the module docstring)."""

    edited = Signal()  # typing started in a field; autosave may want to know a change is coming

    def __init__(self, stack: ArticleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataPane")
        self._stack = stack
        self._read_only = False
        self.lines: dict[str, QLineEdit] = {}
        self._fields: dict[str, BoundText] = {}
        for name in LINE_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"metadata_{name}")
            self._fields[name] = BoundText(edit, partial(self.commit_field, name))
            edit.textEdited.connect(lambda _text: self.edited.emit())
            self.lines[name] = edit
        self.lines["headline"].textChanged.connect(self._update_headline_counter)
        self.lines["published"].textChanged.connect(self._mark_published)
        self.lines["published"].setPlaceholderText(
            self.tr("not set (2026-11-29 or 2026-11-29T14:30)")
        )
        self.lines["tags"].setPlaceholderText(
            self.tr("Comma-separated, e.g. harbour, city council")
        )
        self.lines["dateline"].setPlaceholderText(self.tr("Place of the report"))
        self.headline_counter = QLabel(self)
        self.headline_counter.setObjectName("metadata_headline_counter")

        self.now_button = QToolButton(self)
        self.now_button.setText(self.tr("Now"))
        self.now_button.setToolTip(self.tr("Set the publish date to the current date and time"))
        self.now_button.clicked.connect(self.set_published_now)

        self.language = QComboBox(self)
        self.language.setObjectName("metadata_language")
        self.language.setEditable(True)
        self.language.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.language.addItems(list(LANGUAGES))
        self.language.setToolTip(self.tr("A language tag like de, en or de-AT"))
        self._language_line = combo_line_edit(self.language)
        self._fields["language"] = BoundText(
            self._language_line, lambda: self.commit_field("language")
        )
        self._language_line.textEdited.connect(lambda _text: self.edited.emit())
        self._language_line.textChanged.connect(self._mark_language)
        self.language.activated.connect(lambda _index: self.commit_field("language"))

        self.slug = QLineEdit(self)
        self.slug.setObjectName("metadata_slug")
        self._fields["slug"] = BoundText(self.slug, lambda: self.commit_field("slug"))
        self.slug.textEdited.connect(lambda _text: self.edited.emit())
        self.follow_headline = QCheckBox(self.tr("Follow headline"), self)
        self.follow_headline.setObjectName("metadata_slug_follows")
        self.follow_headline.setToolTip(
            self.tr("Make the slug from the headline; untick to keep it when the headline changes")
        )
        self.follow_headline.clicked.connect(self._follow_clicked)

        self.description = WrappingLineEdit(self)
        self.description.setObjectName("metadata_description")
        self.description.setPlaceholderText(self.tr("Teaser for search results and social cards"))
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self._fields["description"] = BoundText(
            self.description, lambda: self.commit_field("description")
        )
        self.description.textChanged.connect(self._update_description_counter)
        self.description.textChanged.connect(self._description_typed)
        self.description_counter = QLabel(self)
        self.description_counter.setObjectName("metadata_description_counter")

        self._build_layout()
        stack.article_changed.connect(self._article_changed)
        self.refresh()

    def _description_typed(self) -> None:
        # textChanged also comes when only the look changes (the spelling marks, Qt counts a
        # highlighter's formats as a change of the contents): that is no edit to save.
        if self._fields["description"].is_unfinished():
            self.edited.emit()

    def _build_layout(self) -> None:
        form = QFormLayout()
        lines = self.lines
        form.addRow(self.tr("Headline"), lines["headline"])
        form.addRow("", self.headline_counter)
        form.addRow(self.tr("Subheadline"), lines["subheadline"])
        form.addRow(self.tr("Kicker"), lines["kicker"])
        form.addRow(self.tr("Byline"), lines["byline"])
        form.addRow(self.tr("Dateline"), lines["dateline"])
        published = QHBoxLayout()
        published.addWidget(lines["published"], 1)
        published.addWidget(self.now_button)
        form.addRow(self.tr("Publish date"), published)
        form.addRow(self.tr("Language"), self.language)
        # The slug gets the whole row (a long one stays readable in a narrow column), the box
        # sits directly under it.
        form.addRow(self.tr("Slug"), self.slug)
        form.addRow("", self.follow_headline)
        form.addRow(self.tr("Description"), self.description)
        form.addRow("", self.description_counter)
        form.addRow(self.tr("Tags"), lines["tags"])
        for counter in (self.headline_counter, self.description_counter):
            # A label may grow by default: in a tall panel the form would hand it the spare height.
            counter.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addLayout(form)
        column.addStretch(1)  # spare height goes below the form, which stays compact at the top
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # --- for the window ---------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for edit in (*self.lines.values(), self.slug):
            edit.setReadOnly(read_only)
        self.description.setReadOnly(read_only)
        self.language.setEnabled(not read_only)  # a read-only combo would still pick items
        self.follow_headline.setEnabled(not read_only)
        self.now_button.setEnabled(not read_only)

    def focus_field(self, name: str) -> bool:
        """Put the cursor into the field a preflight finding names ("headline", "description",
        "published", ...); False for a name this pane does not show."""
        if name == "description":
            self.description.setFocus(Qt.FocusReason.OtherFocusReason)
            self.description.selectAll()
            return True
        widget = {"language": self._language_line, "slug": self.slug}.get(name)
        widget = widget or self.lines.get(name)
        if widget is None:
            return False
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        widget.selectAll()
        return True

    def has_pending(self) -> bool:
        """True while some field holds text that is not in the article yet."""
        return any(self._pending_value(name) is not None for name in PANE_FIELDS)

    def commit(self) -> None:
        """Push every field whose text differs from the article (the window calls this before
        saving, so a field still being typed in is saved too)."""
        for name in PANE_FIELDS:
            self.commit_field(name, finished=False)

    # --- committing ---------------------------------------------------------------------------

    def _labels(self) -> dict[str, str]:
        return {
            "headline": self.tr("Edit headline"),
            "subheadline": self.tr("Edit subheadline"),
            "kicker": self.tr("Edit kicker"),
            "byline": self.tr("Edit byline"),
            "dateline": self.tr("Edit dateline"),
            "published": self.tr("Edit publish date"),
            "language": self.tr("Change language"),
            "slug": self.tr("Edit slug"),
            "description": self.tr("Edit description"),
            "tags": self.tr("Edit tags"),
        }

    def _pending_value(self, name: str) -> str | list[str] | None:
        """The value the field asks for when it differs from the article, else None."""
        article = self._stack.article
        if name == "tags":
            tags = parse_tags(self.lines["tags"].text())
            return tags if tags != article.tags else None
        if name == "description":
            value = one_line(self.description.toPlainText())
        elif name == "language":
            value = self.language.currentText().strip()
        elif name == "slug":
            return self._pending_slug()
        elif name == "published":
            value = self.lines["published"].text().strip()
        else:
            value = self.lines[name].text()
        return value if value != getattr(article, name) else None

    def _pending_slug(self) -> str | None:
        """Typing the slug made from the headline, or nothing, leaves the slug following."""
        article = self._stack.article
        text = self.slug.text()
        if article.slug == "" and text == slugify(article.headline):
            return None
        value = slugify(text)
        return value if value != article.slug else None

    def commit_field(self, name: str, *, finished: bool = True) -> None:
        """Push one SetArticleField for the field when its text differs from the article.

        `finished`: the journalist finished the edit, so the field now shows the value as stored
        ("a, ,b" -> "a, b"); a commit while they may still be typing (autosave) leaves the text.
        """
        if self._read_only:
            return
        value = self._pending_value(name)
        if value is not None:
            push_edit(self._stack, SetArticleField(name, value), self._labels()[name], self)
        if finished:
            self._show(name, force=True)

    def set_published_now(self) -> None:
        if not self._read_only:
            self.lines["published"].setText(now_published())
            self.commit_field("published")

    def _follow_clicked(self, checked: bool) -> None:
        article = self._stack.article
        if self._read_only:
            return
        # Following is the empty slug; unticking keeps the slug the headline gives right now.
        value = "" if checked else slugify(article.headline)
        if value != article.slug:
            push_edit(self._stack, SetArticleField("slug", value), self._labels()["slug"], self)
        self._show("slug", force=True)

    # --- refreshing ---------------------------------------------------------------------------

    def _article_changed(self, changes: Changes) -> None:
        if changes.everything:
            self.refresh()
            return
        names = set(changes.fields)
        if "headline" in names:
            names.add("slug")  # a following slug changes with the headline
        if PUBLICATION_PROPERTY in names:
            names.add("language")  # the default an empty language stands for
        for name in PANE_FIELDS:
            if name in names:
                self._show(name)

    def refresh(self) -> None:
        """Show every field's value from the article."""
        for name in PANE_FIELDS:
            self._show(name)

    def _being_typed(self, name: str) -> bool:
        """The field has the focus and its text already means the stored value ("harbour, " for
        the tag "harbour"): rewriting it would move the cursor and eat what is being typed."""
        widget = {"description": self.description, "language": self._language_line}.get(
            name, self.slug if name == "slug" else self.lines.get(name)
        )
        return widget is not None and widget.hasFocus() and self._pending_value(name) is None

    def _show(self, name: str, *, force: bool = False) -> None:
        """Show the article's value of one field; not over text being typed that means it."""
        article = self._stack.article
        keep_text = not force and self._being_typed(name)
        if name == "description":
            if not keep_text:
                self._fields["description"].show(article.description)
            self._update_description_counter()
            return
        if name == "slug":
            following = article.slug == ""
            if not keep_text:
                self._fields["slug"].show(effective_slug(article))
            self.slug.setPlaceholderText(self.tr("made from the headline") if following else "")
            self.follow_headline.setChecked(following)
            return
        if name == "language":
            if not keep_text:
                self._fields["language"].show(article.language)
            self._mark_language()
            return
        value = format_tags(article.tags) if name == "tags" else getattr(article, name)
        if not keep_text:
            self._fields[name].show(value)
        if name == "headline":
            self._update_headline_counter()
        elif name == "published":
            self._mark_published()

    # --- counters and marks -------------------------------------------------------------------

    def _update_headline_counter(self) -> None:
        length = len(self.lines["headline"].text().strip())
        text = self.tr("%1 / %2 characters").replace("%1", str(length))
        self.headline_counter.setText(text.replace("%2", str(WEB_HEADLINE_CHARS)))
        if length > HEADLINE_MAX_CHARS:
            colour = PROBLEM_COLOUR
            tip = self.tr("Too long: search results show about %1 characters")
            tip = tip.replace("%1", str(HEADLINE_MAX_CHARS))
        elif length > WEB_HEADLINE_CHARS:
            colour = WARNING_COLOUR
            tip = self.tr("Long for a web headline: teasers and social cards cut it")
        else:
            colour, tip = "", ""
        self.headline_counter.setStyleSheet(f"color: {colour};" if colour else "")
        self.headline_counter.setToolTip(tip)
        self.headline_counter.setProperty("state", colour)

    def _update_description_counter(self) -> None:
        length = len(one_line(self.description.toPlainText()))
        text = self.tr("%1 / %2 characters").replace("%1", str(length))
        self.description_counter.setText(text.replace("%2", str(DESCRIPTION_MAX_CHARS)))
        too_long = length > DESCRIPTION_MAX_CHARS
        self.description_counter.setStyleSheet(f"color: {PROBLEM_COLOUR};" if too_long else "")
        self.description_counter.setToolTip(
            self.tr("Search results cut the description after about %1 characters").replace(
                "%1", str(DESCRIPTION_MAX_CHARS)
            )
            if too_long
            else ""
        )

    def _mark(self, edit: QLineEdit, problem: str) -> None:
        edit.setStyleSheet(f"border: 1px solid {PROBLEM_COLOUR};" if problem else "")
        edit.setToolTip(problem)
        edit.setProperty("problem", problem)

    def _mark_published(self) -> None:
        text = self.lines["published"].text()
        readable = not text.strip() or parse_published(text) is not None
        problem = "" if readable else self.tr("Not a date like 2026-11-29 or 2026-11-29T14:30")
        self._mark(self.lines["published"], problem)

    def _mark_language(self) -> None:
        from newsdesk.gui.publish.page_profile import page_profile

        text = self.language.currentText().strip()
        # Left empty, the article is in its publication's default language (as the page is).
        profile = page_profile(self._stack.article)
        default = profile.language.strip() if profile is not None else ""
        self._language_line.setPlaceholderText(
            self.tr("%1 (the publication's)").replace("%1", default) if default else ""
        )
        readable = html_lang(text or default) != "und"
        problem = "" if readable else self.tr("Not a language tag like de or en-GB")
        self._mark(self._language_line, problem)
