"""The metadata pane: every field round-trips into the article and the file, one undo step per
finished edit, refreshes push nothing, the headline bar stays in step, the slug follows the
headline until edited, counters and marks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat
from PySide6.QtTest import QTest

from newsdesk.formats.slug import effective_slug, slugify
from newsdesk.gui.details.details_pane import (
    PANE_FIELDS,
    WEB_HEADLINE_CHARS,
    MetadataPane,
    now_published,
    one_line,
    parse_tags,
)
from newsdesk.gui.editor.headline_bar import HeadlineBar
from newsdesk.model.article import Article, Section
from newsdesk.model.commands import ReplaceArticle, SetArticleField
from newsdesk.model.serialize import article_to_dict
from newsdesk.model.teaser_lengths import DESCRIPTION_MAX_CHARS, HEADLINE_MAX_CHARS
from newsdesk.store import create_project, open_project
from tests.gui.article_states import bridged_state


def make_article() -> Article:
    return Article(
        headline="Night ferry returns to the islands",
        subheadline="After a winter in the yard the Osprey sails again",
        kicker="Transport",
        byline="Maren Ott",
        dateline="Kirkwall",
        language="en",
        published="2026-03-02",
        description="The overnight service resumes on Monday with a refitted ship.",
        tags=["ferries", "islands"],
        sections=[Section(markdown="The first crossing left at ten.")],
    )


@pytest.fixture
def stack(state_for):
    return state_for(make_article())


@pytest.fixture
def pane(qtbot, stack):
    pane = MetadataPane(stack)
    qtbot.addWidget(pane)
    pane.resize(480, 640)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def type_into(pane: MetadataPane, name: str, text: str) -> None:
    """Replace a field's text as a user would, then finish the edit."""
    if name == "description":
        pane.description.selectAll()
        pane.description.insertPlainText(text)
        pane.description.editing_finished.emit()
    elif name == "language":
        pane.language.lineEdit().setText(text)
        pane.language.lineEdit().editingFinished.emit()
    elif name == "slug":
        pane.slug.setText(text)
        pane.slug.editingFinished.emit()
    else:
        pane.lines[name].setText(text)
        pane.lines[name].editingFinished.emit()


NEW_VALUES = {
    "headline": ("Osprey back on the night run", "Osprey back on the night run"),
    "subheadline": ("Refit finished early", "Refit finished early"),
    "kicker": ("Islands", "Islands"),
    "byline": ("Maren Ott and Jon Reid", "Maren Ott and Jon Reid"),
    "dateline": ("Stromness", "Stromness"),
    "published": (" 2026-03-02T21:30+00:00 ", "2026-03-02T21:30+00:00"),
    "language": ("en-GB", "en-GB"),
    "slug": ("Osprey Night Run!", "osprey-night-run"),
    "description": ("Back on the\nnight run.", "Back on the night run."),
    "tags": (
        "ferries, Orkney; , FERRIES,  night  service ",
        ["ferries", "Orkney", "night service"],
    ),
}


@pytest.mark.parametrize("name", PANE_FIELDS)
def test_each_field_commits_once_and_undoes(pane, stack, name):
    typed, stored = NEW_VALUES[name]
    before = article_to_dict(stack.article)
    type_into(pane, name, typed)
    assert getattr(stack.article, name) == stored
    assert stack.count() == 1
    type_into(pane, name, typed)  # finishing again without a change pushes nothing
    assert stack.count() == 1
    stack.undo()
    assert article_to_dict(stack.article) == before
    stack.redo()
    assert getattr(stack.article, name) == stored


def test_typing_commits_on_enter_not_per_keystroke(pane, stack, qtbot):
    edit = pane.lines["kicker"]
    edit.window().activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    QTest.keyClicks(edit, "Shipping")
    assert stack.article.kicker == "Transport"
    assert pane.has_pending()
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert stack.article.kicker == "Shipping"
    assert stack.count() == 1
    assert not pane.has_pending()


def test_commit_pushes_every_pending_field(pane, stack):
    pane.lines["byline"].setText("Jon Reid")
    pane.description.setPlainText("A shorter teaser.")
    pane.commit()
    assert stack.article.byline == "Jon Reid"
    assert stack.article.description == "A shorter teaser."
    assert stack.count() == 2


@pytest.mark.parametrize(
    ("name", "typed", "stored"),
    [
        ("slug", "nacht-", "nacht"),
        ("tags", "ferries, orkney, ", ["ferries", "orkney"]),
        ("published", "2026-03-02 ", "2026-03-02"),
        ("description", "The ferry ", "The ferry"),
    ],
)
def test_an_autosave_while_typing_keeps_the_text_being_typed(
    pane, stack, qtbot, name, typed, stored
):
    widget = {"slug": pane.slug, "description": pane.description}.get(name) or pane.lines[name]
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    widget.selectAll()
    QTest.keyClicks(widget, typed)
    pane.commit()  # what the window's autosave does before writing
    assert getattr(stack.article, name) == stored
    text = widget.toPlainText() if name == "description" else widget.text()
    assert text == typed
    if name != "description":
        QTest.keyClick(widget, Qt.Key.Key_Return)  # finishing shows the stored value
        assert widget.text() == (", ".join(stored) if name == "tags" else stored)


def test_a_refresh_shows_the_article_and_pushes_nothing(pane, stack):
    stack.push_command(SetArticleField("dateline", "Lerwick"))
    stack.push_command(SetArticleField("tags", ["ferries", "Shetland"]))
    stack.push_command(SetArticleField("description", "Changed elsewhere."))
    assert pane.lines["dateline"].text() == "Lerwick"
    assert pane.lines["tags"].text() == "ferries, Shetland"
    assert pane.description.toPlainText() == "Changed elsewhere."
    replacement = Article(headline="Another story", language="de", published="morgen")
    stack.push_command(ReplaceArticle(replacement))
    assert pane.lines["headline"].text() == "Another story"
    assert pane.language.currentText() == "de"
    assert pane.lines["kicker"].text() == ""
    assert stack.count() == 4
    assert not pane.has_pending()


def test_the_headline_bar_and_the_pane_follow_each_other(pane, stack, qtbot):
    bar = HeadlineBar(stack)
    qtbot.addWidget(bar)
    bar.set_article(stack.article)
    stack.article_changed.connect(lambda _changes: bar.refresh())  # as the window wires it
    type_into(pane, "headline", "Osprey sails again")
    assert bar.headline.text() == "Osprey sails again"
    bar.subheadline.setText("First crossing on Monday")
    bar.commit()
    assert pane.lines["subheadline"].text() == "First crossing on Monday"
    bar.headline.setText("The Osprey is back")
    bar.commit()
    assert pane.lines["headline"].text() == "The Osprey is back"
    assert pane.slug.text() == "the-osprey-is-back"  # the slug follows any headline edit
    stack.undo()
    assert pane.lines["headline"].text() == "Osprey sails again"
    assert bar.headline.text() == "Osprey sails again"
    assert stack.count() == 3


# --- slug -------------------------------------------------------------------------------------


def test_the_slug_follows_the_headline_until_edited(pane, stack):
    assert stack.article.slug == ""
    assert pane.slug.text() == "night-ferry-returns-to-the-islands"
    assert pane.follow_headline.isChecked()
    type_into(pane, "headline", "Fähre fährt wieder")
    assert stack.article.slug == ""
    assert pane.slug.text() == "faehre-faehrt-wieder" == effective_slug(stack.article)
    # Finishing the slug field unchanged keeps it following.
    type_into(pane, "slug", "faehre-faehrt-wieder")
    assert stack.count() == 1
    type_into(pane, "slug", "Nachtfähre")
    assert stack.article.slug == "nachtfaehre"
    assert not pane.follow_headline.isChecked()
    type_into(pane, "headline", "Die Nachtfähre ist zurück")
    assert pane.slug.text() == "nachtfaehre" == effective_slug(stack.article)
    type_into(pane, "slug", "")  # clearing it follows the headline again
    assert stack.article.slug == ""
    assert pane.slug.text() == "die-nachtfaehre-ist-zurueck"
    assert pane.follow_headline.isChecked()
    assert stack.count() == 4


def test_the_follow_box_pins_and_releases_the_slug(pane, stack):
    pane.follow_headline.click()  # untick: keep the slug the headline gives now
    assert stack.article.slug == "night-ferry-returns-to-the-islands"
    assert not pane.follow_headline.isChecked()
    type_into(pane, "headline", "Osprey returns")
    assert pane.slug.text() == "night-ferry-returns-to-the-islands"
    pane.follow_headline.click()
    assert stack.article.slug == ""
    assert pane.slug.text() == "osprey-returns"
    stack.undo()
    assert pane.slug.text() == "night-ferry-returns-to-the-islands"
    assert not pane.follow_headline.isChecked()
    assert stack.count() == 3


def test_an_imported_slug_is_kept(qtbot):
    article = make_article()
    article.slug = slugify(article.headline)  # what the importers store
    stack = bridged_state(article)
    pane = MetadataPane(stack)
    qtbot.addWidget(pane)
    assert not pane.follow_headline.isChecked()
    type_into(pane, "headline", "Osprey returns")
    assert stack.article.slug == "night-ferry-returns-to-the-islands"


# --- counters and marks -----------------------------------------------------------------------


def test_the_headline_counter_warns_when_long(pane):
    headline = pane.lines["headline"]
    counter = pane.headline_counter
    headline.setText("x" * WEB_HEADLINE_CHARS)
    assert counter.text() == f"{WEB_HEADLINE_CHARS} / {WEB_HEADLINE_CHARS} characters"
    assert counter.property("state") == ""
    headline.setText("x" * (WEB_HEADLINE_CHARS + 1))
    assert counter.property("state") != ""
    assert "teasers" in counter.toolTip()
    long_state = counter.property("state")
    headline.setText("x" * (HEADLINE_MAX_CHARS + 1))
    assert counter.property("state") not in ("", long_state)
    assert str(HEADLINE_MAX_CHARS) in counter.toolTip()


def test_the_description_counter_counts_to_160(pane):
    pane.description.setPlainText("y" * DESCRIPTION_MAX_CHARS)
    assert pane.description_counter.text() == "160 / 160 characters"
    assert pane.description_counter.toolTip() == ""
    pane.description.setPlainText("y" * (DESCRIPTION_MAX_CHARS + 1))
    assert pane.description_counter.text() == "161 / 160 characters"
    assert "160" in pane.description_counter.toolTip()


def _gap_below(field, counter) -> int:
    """Pixels between the bottom of a field and the top of its counter, in the pane's form."""
    below = field.mapTo(counter.parentWidget(), field.rect().bottomLeft()).y()
    return counter.geometry().top() - below


def test_a_tall_pane_keeps_the_form_compact_at_the_top(pane, qtbot):
    """Spare height goes below the form, not into bands around the counters."""
    pane.resize(340, 1400)
    qtbot.waitUntil(lambda: pane.lines["tags"].isVisible())
    for field, counter in (
        (pane.lines["headline"], pane.headline_counter),
        (pane.description, pane.description_counter),
    ):
        assert counter.height() == counter.sizeHint().height()
        assert 0 <= _gap_below(field, counter) <= 12
    tags = pane.lines["tags"]
    tags_bottom = tags.mapTo(pane, tags.rect().bottomLeft()).y()
    assert tags_bottom < 700  # the whole form fits in the top half


def test_the_slug_is_readable_at_the_default_width(pane, qtbot, stack):
    """At the default column width (~340 px) a long slug is not cut by the "Follow" box."""
    stack.push_command(SetArticleField("headline", "Harbour council backs a night ferry"))
    pane.resize(340, 700)
    qtbot.wait(10)
    slug = pane.slug
    text_width = slug.fontMetrics().horizontalAdvance(slug.text())
    assert slug.text() == "harbour-council-backs-a-night-ferry"
    assert slug.contentsRect().width() > text_width + 8  # with the frame's text margins
    box = pane.follow_headline.geometry()
    assert box.top() >= slug.geometry().bottom()  # the box is below the field, not beside it


def test_the_publish_date_is_checked_and_can_be_set_to_now_or_cleared(pane, stack):
    published = pane.lines["published"]
    assert published.property("problem") == ""
    type_into(pane, "published", "next Tuesday")
    assert published.property("problem")  # marked; stored, and the preflight flags it too
    assert stack.article.published == "next Tuesday"
    pane.now_button.click()
    assert published.property("problem") == ""
    assert stack.article.published[:4].isdigit() and "T" in stack.article.published
    type_into(pane, "published", "")
    assert stack.article.published == ""
    assert published.property("problem") == ""
    assert "not set" in published.placeholderText()
    assert stack.count() == 3
    stack.undo()
    assert published.text() == stack.article.published != ""


def test_language_marks_what_is_not_a_tag_and_offers_de_and_en(pane, stack):
    assert [pane.language.itemText(i) for i in range(pane.language.count())] == ["de", "en"]
    pane.language.setCurrentIndex(0)
    pane.language.activated.emit(0)
    assert stack.article.language == "de"
    type_into(pane, "language", "deutsch!")
    assert pane.language.lineEdit().property("problem")
    type_into(pane, "language", "de-AT")
    assert not pane.language.lineEdit().property("problem")


def test_helpers():
    assert parse_tags("a, b;c,, A ,\n d  e ") == ["a", "b", "c", "d e"]
    assert parse_tags("") == []
    assert one_line("  one\r\n two \n") == "one two"
    assert "T" in now_published() and now_published()[16] in "+-Z"


# --- navigation, read-only, the file ----------------------------------------------------------


def test_focus_field_for_preflight_findings(pane, qtbot):
    pane.window().activateWindow()
    for name, widget in (
        ("description", pane.description),
        ("language", pane.language.lineEdit()),
        ("slug", pane.slug),
        ("byline", pane.lines["byline"]),
    ):
        assert pane.focus_field(name)
        qtbot.waitUntil(widget.hasFocus)
    assert not pane.focus_field("image:abc")


def test_read_only_pushes_nothing(pane, stack):
    pane.set_read_only(True)
    for name in PANE_FIELDS:
        type_into(pane, name, NEW_VALUES[name][0])
    pane.follow_headline.click()
    pane.now_button.click()
    pane.commit()
    assert stack.count() == 0
    assert pane.lines["headline"].isReadOnly()


def test_every_field_reaches_the_saved_file(pane, stack, tmp_path):
    for name in PANE_FIELDS:
        type_into(pane, name, NEW_VALUES[name][0])
    assert stack.count() == len(PANE_FIELDS)
    create_project(tmp_path / "ferry.newsdesk", stack.article).close()
    with open_project(tmp_path / "ferry.newsdesk") as project:
        saved = project.load()
    for name in PANE_FIELDS:
        assert getattr(saved, name) == NEW_VALUES[name][1], name
    # A following slug is stored as such and still follows after opening.
    type_into(pane, "slug", "")
    create_project(tmp_path / "ferry2.newsdesk", stack.article).close()
    with open_project(tmp_path / "ferry2.newsdesk") as project:
        reopened = project.load()
    assert reopened.slug == ""
    assert effective_slug(reopened) == "osprey-back-on-the-night-run"


class _FirstWordMarked(QSyntaxHighlighter):
    """Marks the first word, as the spelling marks do: only the look of the text changes."""

    def highlightBlock(self, text: str) -> None:
        marked = QTextCharFormat()
        marked.setFontUnderline(True)
        self.setFormat(0, max(1, text.find(" ")), marked)


def test_marks_in_the_description_are_no_edit_and_typing_is(pane, qtbot):
    """Spelling marks made the description's textChanged fire: the window took that for an edit,
    marked the file modified and saved it, right after the start."""
    edits = []
    pane.edited.connect(lambda: edits.append("edited"))
    marks = _FirstWordMarked(pane.description.document())
    marks.rehighlight()
    assert edits == []
    pane.description.setFocus()
    qtbot.keyClick(pane.description, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(pane.description, " Tickets")
    assert edits  # typing is an edit
