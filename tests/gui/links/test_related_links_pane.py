"""The related-links pane: heading and presets, in-place edits, URL marks, paste and drop rules,
reordering by drag and keys, one undo step per edit, and the links reaching the saved file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.links.related_links_model import (
    PROBLEM_ROLE,
    TITLE_COLUMN,
    URL_COLUMN,
    URL_PROBLEM_TEXTS,
    command_label,
    move_target,
)
from newsdesk.gui.links.related_links_pane import HEADING_PRESETS, RelatedLinksPane, heading_presets
from newsdesk.gui.translations import install_translators
from newsdesk.model.article import Article, RelatedLink, RelatedLinks
from newsdesk.model.commands import SetArticleField
from newsdesk.model.related_commands import (
    PROBLEM_EMPTY,
    PROBLEM_SCHEME,
    URL_PROBLEMS,
    AddRelatedLink,
    MoveRelatedLink,
    SetRelatedLink,
)
from newsdesk.model.serialize import article_to_dict
from newsdesk.store import create_project, open_project

EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def make_article() -> Article:
    return Article(
        headline="Die Kaimauer am Nordhafen wird erneuert",
        language="de",
        related=RelatedLinks(
            heading="Lesen Sie auch",
            links=[
                RelatedLink("Fährbetrieb eingestellt", "https://zeitung.example/faehre"),
                RelatedLink("Werft sucht Personal", "ftp://zeitung.example/werft"),
                RelatedLink("Hafenfest abgesagt", ""),
            ],
        ),
    )


@pytest.fixture
def stack(state_for):
    return state_for(make_article())


@pytest.fixture
def pane(qtbot, stack):
    pane = RelatedLinksPane(stack)
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def titles(stack: ArticleState) -> list[str]:
    return [link.title for link in stack.article.related.links]


def focus(widget, qtbot) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


# --- heading ----------------------------------------------------------------------------------


def test_the_heading_commits_when_finished_as_one_undo_step(pane, stack, qtbot):
    assert pane.heading.currentText() == "Lesen Sie auch"
    focus(pane.heading, qtbot)
    pane.heading.lineEdit().selectAll()
    QTest.keyClicks(pane.heading.lineEdit(), "Weiterlesen")
    assert stack.article.related.heading == "Lesen Sie auch"  # not per keystroke
    assert pane.has_pending()
    QTest.keyClick(pane.heading.lineEdit(), Qt.Key.Key_Return)
    assert stack.article.related.heading == "Weiterlesen"
    assert stack.count() == 1
    stack.undo()
    assert stack.article.related.heading == "Lesen Sie auch"
    assert pane.heading.currentText() == "Lesen Sie auch"
    stack.redo()
    assert pane.heading.currentText() == "Weiterlesen"


def test_presets_follow_the_article_language_and_picking_one_commits(pane, stack):
    items = [pane.heading.itemText(i) for i in range(pane.heading.count())]
    assert items == list(HEADING_PRESETS["de"])
    stack.push_command(SetArticleField("language", "en-GB"))
    items = [pane.heading.itemText(i) for i in range(pane.heading.count())]
    assert items == ["Read more", "You might also like", "Related"]
    assert pane.heading.currentText() == "Lesen Sie auch"  # the article's text stays
    pane.heading.setCurrentIndex(1)
    pane.heading.activated.emit(1)
    assert stack.article.related.heading == "You might also like"
    assert stack.count() == 2


def test_heading_presets_for_languages():
    assert heading_presets("de-AT")[0] == "Lesen Sie auch"
    assert heading_presets("en")[0] == "Read more"
    assert heading_presets("fr") == HEADING_PRESETS["en"]


# --- the list ---------------------------------------------------------------------------------


def test_rows_show_titles_and_urls_with_problems_marked(pane):
    model = pane.model
    assert model.rowCount() == 3
    assert model.index(0, TITLE_COLUMN).data(DISPLAY) == "Fährbetrieb eingestellt"
    fine, wrong, missing = (model.index(row, URL_COLUMN) for row in range(3))
    assert fine.data(PROBLEM_ROLE) is None
    assert fine.data(Qt.ItemDataRole.DecorationRole) is None
    assert wrong.data(PROBLEM_ROLE) == PROBLEM_SCHEME
    assert wrong.data(TOOLTIP) == "only http and https links"
    assert wrong.data(Qt.ItemDataRole.DecorationRole) is not None
    assert wrong.data(Qt.ItemDataRole.ForegroundRole).color().red() > 150
    assert missing.data(PROBLEM_ROLE) == PROBLEM_EMPTY
    assert missing.data(EDIT) == ""
    assert missing.data(DISPLAY) == "(no URL yet)"
    assert missing.data(Qt.ItemDataRole.DecorationRole) is not None


def test_the_selected_links_problem_is_spelled_out_under_the_list(pane):
    pane.select_link(1)
    assert pane.problem.isVisible()
    assert pane.problem.text() == "Link 2: only http and https links"
    pane.select_link(0)
    assert not pane.problem.isVisible()


def test_every_url_problem_has_a_translatable_text():
    assert tuple(URL_PROBLEM_TEXTS) == URL_PROBLEMS


def test_problems_speak_the_interface_language(pane, qapp):
    installed = install_translators(qapp, "de")
    try:
        assert pane.model.index(1, URL_COLUMN).data(TOOLTIP) == "nur http- und https-Links"
        assert pane.model.index(2, URL_COLUMN).data(DISPLAY) == "(noch keine URL)"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_editing_in_place_pushes_one_command_per_cell(pane, stack, qtbot):
    focus(pane.view, qtbot)
    pane.select_link(2)
    pane.view.setCurrentIndex(pane.model.index(2, URL_COLUMN))
    QTest.keyClick(pane.view, Qt.Key.Key_F2)
    assert pane.view.state() == QAbstractItemView.State.EditingState
    (editor,) = pane.view.findChildren(QLineEdit)
    QTest.keyClicks(editor, "https://zeitung.example/hafenfest")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stack.article.related.links[2].url != "")
    assert stack.article.related.links[2].url == "https://zeitung.example/hafenfest"
    assert stack.count() == 1
    assert pane.model.index(2, URL_COLUMN).data(PROBLEM_ROLE) is None
    assert stack.undoText() == command_label(SetRelatedLink(2, "", ""))
    stack.undo()
    assert stack.article.related.links[2].url == ""


def test_an_address_typed_without_https_is_completed_and_shown(pane, stack, qtbot):
    """Issue 17, defect 8: the list refused "council.example.org/minutes"; now it completes it
    by the same rule as Ctrl+K and shows the completed address in the cell."""
    focus(pane.view, qtbot)
    pane.select_link(2)
    pane.view.setCurrentIndex(pane.model.index(2, URL_COLUMN))
    QTest.keyClick(pane.view, Qt.Key.Key_F2)
    (editor,) = pane.view.findChildren(QLineEdit)
    QTest.keyClicks(editor, "council.example.org/minutes")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stack.article.related.links[2].url != "")
    assert stack.article.related.links[2].url == "https://council.example.org/minutes"
    assert pane.model.index(2, URL_COLUMN).data(PROBLEM_ROLE) is None
    assert "https://council.example.org/minutes" in pane.model.index(2, URL_COLUMN).data(DISPLAY)


def test_unchanged_cells_push_nothing(pane, stack):
    assert not pane.model.setData(pane.model.index(0, TITLE_COLUMN), "Fährbetrieb eingestellt")
    assert not pane.model.setData(pane.model.index(0, URL_COLUMN), None)
    assert stack.count() == 0


def test_add_remove_and_undo_keep_the_very_same_link(pane, stack):
    pane.select_link(0)
    pane.new_link.setText("Neue Kräne für den Hafen")
    pane.new_link.returnPressed.emit()
    assert titles(stack)[1] == "Neue Kräne für den Hafen"
    assert pane.selected_row() == 1
    assert pane.new_link.text() == ""
    removed = stack.article.related.links[1]
    pane.remove_selected()
    assert "Neue Kräne für den Hafen" not in titles(stack)
    assert pane.selected_row() == 1
    stack.undo()
    assert stack.article.related.links[1] is removed
    stack.undo()
    assert article_to_dict(stack.article) == article_to_dict(make_article())


def test_a_refused_edit_is_shown_not_swallowed(pane, stack, monkeypatch):
    from newsdesk.gui.links import related_links_pane

    shown = []
    monkeypatch.setattr(
        related_links_pane, "show_error", lambda parent, error: shown.append((parent, error.code))
    )
    existing = stack.article.related.links[0]
    before = titles(stack)
    assert not pane.model.push(AddRelatedLink(existing, 1))
    assert shown == [(pane, "edit.link_exists")]
    assert titles(stack) == before


# --- paste and drop ---------------------------------------------------------------------------


def test_pasting_a_url_into_the_new_link_field_adds_the_link_at_once(pane, stack):
    QGuiApplication.clipboard().setText(
        "https://zeitung.example/lokales/neue-kraene-fuer-den-hafen-123.html"
    )
    pane.new_link.paste()
    link = stack.article.related.links[-1]
    assert link.url == "https://zeitung.example/lokales/neue-kraene-fuer-den-hafen-123.html"
    assert link.title == "Neue kraene fuer den hafen"
    assert pane.new_link.text() == ""
    assert pane.selected_row() == 3
    assert stack.count() == 1


def test_typing_a_title_adds_nothing_until_enter(pane, stack, qtbot):
    focus(pane.new_link, qtbot)
    QTest.keyClicks(pane.new_link, "www.example.org")  # typed letter by letter, not pasted
    assert stack.count() == 0
    QTest.keyClick(pane.new_link, Qt.Key.Key_Return)
    assert stack.article.related.links[-1].url == "https://www.example.org"


def test_a_url_given_as_title_becomes_the_address(pane, stack):
    model = pane.model
    assert model.setData(model.index(2, TITLE_COLUMN), "https://zeitung.example/hafenfest-2025")
    assert stack.article.related.links[2] == RelatedLink(
        "Hafenfest abgesagt", "https://zeitung.example/hafenfest-2025"
    )
    # A link that has an address already keeps it; the pasted one becomes a new link after it.
    assert model.setData(model.index(0, TITLE_COLUMN), "https://zeitung.example/kraene")
    assert titles(stack)[:2] == ["Fährbetrieb eingestellt", "Kraene"]
    assert stack.count() == 2


def test_ctrl_v_on_the_list_adds_a_link(pane, stack, qtbot):
    focus(pane.view, qtbot)
    pane.select_link(0)
    QGuiApplication.clipboard().setText("https://zeitung.example/wetter/sturmflut")
    QTest.keySequence(pane.view, "Ctrl+V")
    assert stack.article.related.links[1] == RelatedLink(
        "Sturmflut", "https://zeitung.example/wetter/sturmflut"
    )
    QGuiApplication.clipboard().setText("kein Link")
    pane.paste()
    assert stack.count() == 1


def test_dropping_an_address_from_a_browser_adds_a_link_there(pane, stack):
    data = QMimeData()
    data.setUrls([QUrl("https://zeitung.example/politik/rat-beschliesst-sanierung")])
    assert pane.model.canDropMimeData(data, Qt.DropAction.CopyAction, 1, 0, QModelIndex())
    assert pane.model.dropMimeData(data, Qt.DropAction.CopyAction, 1, 0, QModelIndex())
    assert stack.article.related.links[1].title == "Rat beschliesst sanierung"
    text = QMimeData()
    text.setText("nur Text")
    assert not pane.model.canDropMimeData(text, Qt.DropAction.CopyAction, 1, 0, QModelIndex())


# --- reordering -------------------------------------------------------------------------------


def test_dragging_a_row_moves_it_as_one_undo_step(pane, stack):
    model = pane.model
    data = model.mimeData([model.index(0, TITLE_COLUMN), model.index(0, URL_COLUMN)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert titles(stack) == [
        "Werft sucht Personal",
        "Hafenfest abgesagt",
        "Fährbetrieb eingestellt",
    ]
    assert stack.count() == 1
    assert pane.selected_row() == 2
    # The view then asks to remove the dragged rows; that must not remove anything.
    assert not model.removeRows(0, 1)
    assert len(stack.article.related.links) == 3
    stack.undo()
    assert titles(stack) == titles_of(make_article())


def test_a_drop_on_the_view_lands_between_rows(pane, stack):
    view = pane.view
    data = pane.model.mimeData([pane.model.index(0, TITLE_COLUMN)])
    last = view.visualRect(pane.model.index(2, TITLE_COLUMN))
    point = QPointF(last.center().x(), last.bottom() - 1)  # the lower edge of the last row
    drop = QDropEvent(
        point,
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(drop)  # what Qt calls when the drag ends over the list
    assert titles(stack)[-1] == "Fährbetrieb eingestellt"
    assert len(titles(stack)) == 3
    assert stack.count() == 1


def titles_of(article: Article) -> list[str]:
    return [link.title for link in article.related.links]


def test_dropping_a_row_onto_another_puts_it_before_that_one(pane, stack):
    model = pane.model
    data = model.mimeData([model.index(2, TITLE_COLUMN)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(0, 1))
    assert titles(stack)[0] == "Hafenfest abgesagt"
    same = model.mimeData([model.index(0, TITLE_COLUMN)])
    assert not model.canDropMimeData(same, Qt.DropAction.MoveAction, 1, 0, QModelIndex())


def test_move_rows_uses_qts_destination_meaning(pane, stack):
    model = pane.model
    assert model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    assert titles(stack)[0] == "Hafenfest abgesagt"
    assert not model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 1)  # no change
    assert not model.moveRows(QModelIndex(), 0, 2, QModelIndex(), 3)  # one row at a time
    assert stack.count() == 1
    assert move_target(0, 3) == 2 and move_target(2, 0) == 0


def test_alt_arrows_move_the_selected_link(pane, stack, qtbot):
    focus(pane.view, qtbot)
    pane.select_link(0)
    QTest.keyClick(pane.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles(stack)[1] == "Fährbetrieb eingestellt"
    assert pane.selected_row() == 1
    QTest.keyClick(pane.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(pane.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # already last
    assert titles(stack)[2] == "Fährbetrieb eingestellt"
    assert not pane.down_button.isEnabled()
    QTest.keyClick(pane.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles(stack)[1] == "Fährbetrieb eingestellt"
    assert stack.count() == 3
    QTest.keyClick(pane.view, Qt.Key.Key_Delete)
    assert "Fährbetrieb eingestellt" not in titles(stack)


# --- refresh, navigation, read-only -----------------------------------------------------------


def test_a_refresh_keeps_the_selection_and_pushes_nothing(pane, stack):
    pane.select_link(2)
    stack.push_command(MoveRelatedLink(0, 1))  # from elsewhere (another view, a script)
    assert pane.selected_row() == 2
    stack.undo()
    assert pane.selected_row() == 2
    stack.push_command(AddRelatedLink(RelatedLink("Vorn", ""), 0))
    stack.undo()
    assert pane.selected_row() == 2
    assert stack.count() == 1


def test_navigation_for_preflight_findings(pane, qtbot):
    pane.select_link(1)
    qtbot.waitUntil(pane.view.hasFocus)
    assert pane.selected_row() == 1
    pane.focus_heading()
    qtbot.waitUntil(pane.heading.lineEdit().hasFocus)
    assert pane.heading.lineEdit().selectedText() == "Lesen Sie auch"


def test_read_only_refuses_every_edit(pane, stack):
    pane.set_read_only(True)
    model = pane.model
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, TITLE_COLUMN), "Anders")
    pane.new_link.setText("Neu")
    pane.new_link.returnPressed.emit()
    pane.select_link(0)
    pane.move_selected(1)
    pane.remove_selected()
    assert not pane.remove_button.isEnabled()
    assert pane.view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert stack.count() == 0
    pane.set_read_only(False)
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_the_edited_list_reaches_the_saved_file(pane, stack, tmp_path):
    model = pane.model
    model.setData(model.index(1, URL_COLUMN), "https://zeitung.example/werft")
    model.moveRows(QModelIndex(), 1, 1, QModelIndex(), 0)
    pane.heading.lineEdit().setText("Mehr zum Thema")
    pane.commit()
    project = create_project(tmp_path / "hafen.newsdesk", stack.article)
    project.close()
    with open_project(tmp_path / "hafen.newsdesk") as reopened:
        saved = reopened.load()
    assert saved.related == stack.article.related
    assert saved.related.heading == "Mehr zum Thema"
    assert saved.related.links[0] == RelatedLink(
        "Werft sucht Personal", "https://zeitung.example/werft"
    )
