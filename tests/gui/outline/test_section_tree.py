"""The section tree: rows, looks, rename, add, delete, kind, drag and drop, keyboard moves, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.outline.section_tree import SectionTreeView
from newsdesk.gui.outline.section_tree_model import (
    KEY_ROLE,
    MIME_TYPE,
    NODE_ROLE,
    SECTION_KIND_ROLE,
    SectionTreeModel,
)
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.model.commands import SetSectionMarkdown
from newsdesk.model.serialize import article_to_dict

DISPLAY = Qt.ItemDataRole.DisplayRole


def plain_document(markdown: str) -> QTextDocument:
    document = QTextDocument()
    document.setPlainText(markdown)
    return document


def make_article() -> Article:
    return Article(
        headline="Night trains return to the coast",
        sections=[
            Section(id="lead", markdown="The first sleeper left at ten past nine."),
            Section(
                id="route",
                heading="The route",
                markdown="Six stops along the shore.",
                children=[
                    Section(id="fares", heading="Fares", kind="box", markdown="- Adult: 39"),
                    Section(id="tips", heading="Tips", markdown="Book early."),
                ],
            ),
            Section(id="crew", heading="The crew", markdown="Twelve people work each night."),
            Section(
                id="view",
                heading="Opinion: About time",
                kind="opinion",
                markdown="Rail should win this.",
            ),
        ],
        images=[Image(id="photo", caption="The train at dawn", filename="dawn.jpg")],
        related=RelatedLinks("Read more", [RelatedLink("Timetable", "https://rail.example")]),
    )


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[2] if len(args) > 2 else args}")

    monkeypatch.setattr(QMessageBox, "critical", fail)
    monkeypatch.setattr(QMessageBox, "warning", fail)


@pytest.fixture
def stack(state_for):
    return state_for(make_article(), document_factory=plain_document)


@pytest.fixture
def view(qtbot, stack):
    view = SectionTreeView(stack)
    qtbot.addWidget(view)
    view.resize(400, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def outline(model: SectionTreeModel, parent: QModelIndex | None = None, depth: int = 0) -> list:
    """(depth, key, title) for every row, depth first."""
    parent = parent or QModelIndex()
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append((depth, index.data(KEY_ROLE), index.data(DISPLAY)))
        rows += outline(model, index, depth + 1)
    return rows


def section_ids(stack: ArticleState) -> list[str]:
    return [s.id for s in stack.article.walk_sections()]


def test_rows_show_the_article_sections_images_and_links(view):
    model = view.tree_model
    assert outline(model) == [
        (0, "root", "Night trains return to the coast"),
        (1, "lead", "Lead"),
        (1, "route", "The route"),
        (2, "fares", "Fares"),
        (2, "tips", "Tips"),
        (1, "crew", "The crew"),
        (1, "view", "Opinion: About time"),
        (1, "images", "Photos"),
        (2, "image:photo", "The train at dawn"),
        (1, "links", "Related links (1)"),
    ]
    crew = model.index_for_key("crew", 1)
    assert crew.data(DISPLAY) == 7  # heading and text, as section_counts has it
    assert model.index_for_key("root", 1).data(DISPLAY) > 20
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Words"
    assert model.index_for_key("images").data(NODE_ROLE) == "images"
    assert all(view.isExpanded(model.index_for_key(k)) for k in ("root", "route", "images"))


def test_opinion_and_box_sections_look_different(view):
    model = view.tree_model
    opinion, box, body = (model.index_for_key(k) for k in ("view", "fares", "crew"))
    assert opinion.data(SECTION_KIND_ROLE) == "opinion"
    assert opinion.data(Qt.ItemDataRole.FontRole).italic()
    assert not body.data(Qt.ItemDataRole.FontRole).italic()
    assert opinion.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert body.data(Qt.ItemDataRole.ForegroundRole) is None
    assert "(Opinion)" in opinion.data(Qt.ItemDataRole.ToolTipRole)
    assert "(Box)" in box.data(Qt.ItemDataRole.ToolTipRole)
    assert box.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert not opinion.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert body.data(Qt.ItemDataRole.DecorationRole) is None


def test_rename_goes_through_the_undo_stack(view, stack, qtbot):
    model = view.tree_model
    index = model.index_for_key("crew")
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert index.data(Qt.ItemDataRole.EditRole) == "The crew"
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(index, "  The night\ncrew ")
    assert stack.article.find_section("crew").heading == "The night crew"
    assert model.index_for_key("crew").data(DISPLAY) == "The night crew"
    assert not model.setData(model.index_for_key("crew"), "The night crew")  # unchanged
    assert stack.count() == 1
    stack.undo()
    assert model.index_for_key("crew").data(DISPLAY) == "The crew"


def focus(view: SectionTreeView, qtbot) -> None:
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)


def test_f2_edits_the_heading_in_place(view, stack, qtbot):
    focus(view, qtbot)
    view.select_section("tips")
    QTest.keyClick(view, Qt.Key.Key_F2)
    assert view.state() == QAbstractItemView.State.EditingState
    (editor,) = view.findChildren(QLineEdit)
    assert editor.text() == "Tips"
    editor.selectAll()
    QTest.keyClicks(editor, "Good to know")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: stack.article.find_section("tips").heading == "Good to know")
    assert stack.count() == 1


def test_renaming_the_article_row_edits_the_headline(view, stack):
    model = view.tree_model
    assert model.setData(model.index_for_key("root"), "Sleepers are back")
    assert stack.article.headline == "Sleepers are back"
    assert model.index_for_key("root").data(DISPLAY) == "Sleepers are back"
    assert not model.flags(model.index_for_key("images")) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index_for_key("links"), "x")


def test_add_section_after_the_current_one_and_undo(view, stack):
    view.select_section("lead")
    new_id = view.add_section_after()
    assert section_ids(stack) == ["lead", new_id, "route", "fares", "tips", "crew", "view"]
    assert stack.article.find_section(new_id).heading == "New section"
    assert view.current_section_id() == new_id
    assert view.tree_model.index_for_key(new_id).data(DISPLAY) == "New section"
    stack.undo()
    assert new_id not in section_ids(stack)
    assert view.current_section_id() is not None
    stack.redo()
    assert section_ids(stack)[1] == new_id


def test_add_child_section(view, stack):
    view.select_section("route")
    new_id = view.add_child_section()
    assert [c.id for c in stack.article.find_section("route").children] == ["fares", "tips", new_id]
    assert view.isExpanded(view.tree_model.index_for_key("route"))
    assert view.current_section_id() == new_id


def test_add_with_the_article_row_current_appends_at_the_end(view, stack):
    view.setCurrentIndex(view.tree_model.index_for_key("root"))
    new_id = view.add_section_after()
    assert stack.article.sections[-1].id == new_id


def test_delete_and_undo_restore_text_children_and_selection(view, stack):
    before = article_to_dict(stack.article)
    view.select_section("route")
    view.delete_action.trigger()
    assert section_ids(stack) == ["lead", "crew", "view"]
    assert view.current_section_id() == "crew"  # the neighbour that took its place
    stack.undo()
    assert article_to_dict(stack.article) == before
    assert view.current_section_id() == "route"
    assert view.tree_model.index_for_key("fares").isValid()


def test_deleting_the_last_section_selects_the_one_before(view, stack):
    view.select_section("view")
    view.delete_current()
    assert view.current_section_id() == "crew"


def test_kind_submenu_changes_the_kind(view, stack):
    view.select_section("crew")
    assert view.kind_actions["body"].isChecked()
    view.kind_actions["opinion"].trigger()
    assert stack.article.find_section("crew").kind == "opinion"
    assert view.tree_model.index_for_key("crew").data(Qt.ItemDataRole.FontRole).italic()
    assert view.kind_actions["opinion"].isChecked()
    stack.undo()
    assert stack.article.find_section("crew").kind == "body"


def test_context_menu_lists_the_actions(view):
    view.select_section("crew")
    menu = view.context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["Add Section After", "Add Child Section"]
    assert "Kind" in texts and "Delete Section" in texts
    assert view.delete_action.isEnabled()
    view.setCurrentIndex(view.tree_model.index_for_key("images"))
    view.context_menu()
    assert not view.delete_action.isEnabled()
    assert not view.kind_menu.isEnabled()


def test_actions_are_disabled_where_they_cannot_apply(view):
    view.select_section("lead")
    assert not view.move_up_action.isEnabled()
    assert not view.indent_action.isEnabled()
    assert not view.outdent_action.isEnabled()
    assert view.move_down_action.isEnabled()
    view.select_section("tips")
    assert view.outdent_action.isEnabled()
    assert view.indent_action.isEnabled()
    assert not view.move_down_action.isEnabled()


# --- drag and drop ---------------------------------------------------------------------------


def drag(model: SectionTreeModel, key: str) -> QMimeData:
    data = model.mimeData([model.index_for_key(key), model.index_for_key(key, 1)])
    assert data.hasFormat(MIME_TYPE)
    return data


def test_drop_reorders_among_siblings(view, stack):
    model = view.tree_model
    root = model.index_for_key("root")
    move = Qt.DropAction.MoveAction
    assert model.dropMimeData(drag(model, "view"), move, 0, 0, root)
    assert [s.id for s in stack.article.sections] == ["view", "lead", "route", "crew"]
    # dropping lead just before "crew" (row 3 counts lead itself, which leaves its place)
    assert model.dropMimeData(drag(model, "lead"), move, 3, 0, root)
    assert [s.id for s in stack.article.sections] == ["view", "route", "lead", "crew"]
    stack.undo()
    stack.undo()
    assert [s.id for s in stack.article.sections] == ["lead", "route", "crew", "view"]


def test_drop_renests_under_another_section(view, stack):
    model = view.tree_model
    move = Qt.DropAction.MoveAction
    assert model.dropMimeData(drag(model, "crew"), move, -1, 0, model.index_for_key("route"))
    assert [c.id for c in stack.article.find_section("route").children] == ["fares", "tips", "crew"]
    assert model.dropMimeData(drag(model, "fares"), move, 1, 0, model.index_for_key("root"))
    assert [s.id for s in stack.article.sections] == ["lead", "fares", "route", "view"]
    assert view.current_section_id() is None or view.current_section_id() in section_ids(stack)
    stack.undo()
    stack.undo()
    assert article_to_dict(stack.article) == article_to_dict(make_article())


def test_drop_below_the_fixed_rows_appends_to_the_sections(view, stack):
    model = view.tree_model
    root = model.index_for_key("root")
    assert model.dropMimeData(drag(model, "lead"), Qt.DropAction.MoveAction, 6, 0, root)
    assert [s.id for s in stack.article.sections] == ["route", "crew", "view", "lead"]


def test_refused_drops(view, stack):
    model = view.tree_model
    move = Qt.DropAction.MoveAction
    before = article_to_dict(stack.article)
    refused = [
        (drag(model, "route"), 0, model.index_for_key("fares")),  # into its own child
        (drag(model, "route"), -1, model.index_for_key("route")),  # onto itself
        (drag(model, "crew"), 0, model.index_for_key("images")),  # onto a fixed row
        (drag(model, "crew"), -1, model.index_for_key("image:photo")),
        (drag(model, "crew"), -1, model.index_for_key("links")),
        (drag(model, "crew"), 0, QModelIndex()),  # beside the article row
        (drag(model, "crew"), 2, model.index_for_key("root")),  # where it already is
    ]
    for data, row, parent in refused:
        assert not model.canDropMimeData(data, move, row, 0, parent)
        assert not model.dropMimeData(data, move, row, 0, parent)
    root = model.index_for_key("root")
    assert not model.canDropMimeData(drag(model, "crew"), Qt.DropAction.CopyAction, 0, 0, root)
    assert model.canDropMimeData(drag(model, "crew"), move, 0, 0, root)
    foreign = QMimeData()
    foreign.setText("crew")
    assert not model.canDropMimeData(foreign, move, 0, 0, model.index_for_key("root"))
    assert article_to_dict(stack.article) == before
    assert stack.count() == 0


def test_only_sections_can_be_dragged(view):
    model = view.tree_model
    assert model.flags(model.index_for_key("crew")) & Qt.ItemFlag.ItemIsDragEnabled
    for key in ("root", "images", "image:photo", "links"):
        assert not model.flags(model.index_for_key(key)) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.mimeData([model.index_for_key("images")]) is None


# --- keyboard ---------------------------------------------------------------------------------


def press(view: SectionTreeView, key: Qt.Key) -> None:
    QTest.keyClick(view, key, Qt.KeyboardModifier.AltModifier)


def test_alt_arrows_move_and_renest(view, stack, qtbot):
    focus(view, qtbot)
    view.select_section("crew")
    press(view, Qt.Key.Key_Up)
    assert [s.id for s in stack.article.sections] == ["lead", "crew", "route", "view"]
    assert view.current_section_id() == "crew"
    press(view, Qt.Key.Key_Down)
    press(view, Qt.Key.Key_Right)  # into "route", after its children
    assert [c.id for c in stack.article.find_section("route").children] == ["fares", "tips", "crew"]
    assert view.current_section_id() == "crew"
    press(view, Qt.Key.Key_Left)  # out again, right after "route"
    assert [s.id for s in stack.article.sections] == ["lead", "route", "crew", "view"]
    press(view, Qt.Key.Key_Left)  # already at the top level: nothing happens
    assert stack.count() == 4
    for _ in range(4):
        stack.undo()
    assert article_to_dict(stack.article) == article_to_dict(make_article())


def test_expanded_rows_survive_structure_changes(view, stack):
    model = view.tree_model
    view.collapse(model.index_for_key("images"))
    view.select_section("fares")
    view.delete_current()
    assert view.isExpanded(model.index_for_key("route"))
    assert not view.isExpanded(model.index_for_key("images"))
    assert view.current_section_id() == "tips"


# --- signals and refresh ----------------------------------------------------------------------


def test_selection_signals(view, qtbot):
    with qtbot.waitSignal(view.section_selected) as blocker:
        view.select_section("crew")
    assert blocker.args == ["crew"]
    with qtbot.waitSignal(view.node_selected) as blocker:
        view.setCurrentIndex(view.tree_model.index_for_key("image:photo"))
    assert blocker.args == ["image:photo"]
    assert not view.select_section("missing")


def test_a_move_does_not_announce_the_same_section_again(view, stack, qtbot):
    view.select_section("crew")
    with qtbot.assertNotEmitted(view.section_selected):
        view.move_current_up()
    assert view.current_section_id() == "crew"


def test_text_changes_repaint_counts_without_a_reset(view, stack, qtbot):
    model = view.tree_model
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged):
        stack.push_command(SetSectionMarkdown("crew", "One two three four five six seven"))
    assert model.index_for_key("crew", 1).data(DISPLAY) == 9  # heading words count too
    assert resets == []


def test_font_role_is_a_qfont(view):
    assert isinstance(view.tree_model.index_for_key("root").data(Qt.ItemDataRole.FontRole), QFont)


def test_photo_and_related_link_edits_show_in_their_rows(view, stack):
    from newsdesk.model.image_commands import AddImage, SetImageFields
    from newsdesk.model.related_commands import AddRelatedLink

    model = view.tree_model
    repainted = []
    model.dataChanged.connect(lambda first, _last: repainted.append(model.key(first)))
    stack.push_command(AddRelatedLink(RelatedLink("Fares explained", "https://example.org/f")))
    assert repainted == ["links"]  # the view redraws the row's count
    assert str(len(stack.article.related.links)) in model.data(model.index_for_key("links"))

    added = AddImage(Image(role="inline", caption="Quay at noon"))
    stack.push_command(added)
    row = model.index_for_key(f"image:{added.image_id}")
    assert row.isValid() and model.data(row) == "Quay at noon"
    stack.push_command(SetImageFields(added.image_id, caption="Quay at dawn"))
    assert repainted[-1] == f"image:{added.image_id}"
    assert model.data(model.index_for_key(f"image:{added.image_id}")) == "Quay at dawn"
    stack.undo()
    stack.undo()
    assert not model.index_for_key(f"image:{added.image_id}").isValid()
