"""Delete in the outline: no question, the lead empties instead of going, and the window's status
bar offers Undo (the automatic revision before it is tested in tests/gui/files)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from newsdesk.gui.outline.section_tree import SectionTreeView
from newsdesk.model.article import Article, Section
from tests.gui.window_helpers import close_window, german_article, make_project, new_window


def _article() -> Article:
    return Article(
        headline="Freibad öffnet früher",
        sections=[
            Section(id="lead", markdown="Schon ab Mai darf geschwommen werden."),
            Section(id="preise", heading="Preise", markdown="Vier Euro für Erwachsene."),
        ],
    )


def _view(qtbot, state_for):
    stack = state_for(_article())
    view = SectionTreeView(stack)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view, stack


def test_delete_on_the_lead_empties_it_and_undo_brings_the_text_back(qtbot, state_for):
    view, stack = _view(qtbot, state_for)
    deleted = []
    view.deleted.connect(deleted.append)
    view.select_section("lead")
    view.delete_action.trigger()
    assert deleted == ["The lead was emptied."]
    stack.flush_text()
    assert [s.id for s in stack.article.sections] == ["lead", "preise"]
    assert stack.article.sections[0].markdown == ""
    assert deleted == ["The lead was emptied."]
    stack.undo()
    stack.flush_text()
    assert stack.article.sections[0].markdown == "Schon ab Mai darf geschwommen werden."


def test_delete_on_an_empty_lead_does_nothing(qtbot, state_for):
    view, stack = _view(qtbot, state_for)
    view.select_section("lead")
    view.delete_current()
    steps = stack.count()
    view.delete_current()
    assert stack.count() == steps
    assert [s.id for s in stack.article.sections] == ["lead", "preise"]


def test_delete_asks_nothing_and_the_status_bar_offers_undo(qtbot, tmp_path):
    story = make_project(tmp_path / "story.newsdesk", german_article())
    window = new_window(qtbot, tmp_path)
    window.open_path(story)
    window.tree_view.select_section(window.article.sections[1].id)
    window.tree_view.setFocus()
    QTest.keyClick(window.tree_view, Qt.Key.Key_Delete)  # a message box would fail the test
    assert len(window.article.sections) == 1
    offer = window.undo_offer
    assert offer.offered and offer.label.text() == "Section “Mehr Personal” deleted."
    offer.button.click()
    assert [s.heading for s in window.article.sections] == ["", "Mehr Personal"]
    assert not offer.offered
    close_window(window)


def test_the_undo_offer_goes_at_the_next_edit(qtbot, tmp_path):
    story = make_project(tmp_path / "story.newsdesk", german_article())
    window = new_window(qtbot, tmp_path)
    window.open_path(story)
    window.tree_view.select_section(window.article.sections[1].id)
    window.tree_view.delete_current()
    assert window.undo_offer.offered
    window.show_section(window.article.sections[0].id)
    QTest.keyClicks(window.editor, "Neu: ")
    assert not window.undo_offer.offered
    # Clicking Undo now would undo the typing, not the delete: the offer is gone with it.
    close_window(window)
