"""The window's panes in their docks: a preflight finding or a tree row leads to what it names."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from newsdesk.gui.main_window import MainWindow
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section


def problem_article() -> Article:
    return Article(
        headline="Harbour lights switched to LED",
        language="en",
        sections=[
            Section(markdown="The quay lamps now use a tenth of the power.", id="lead"),
            Section(heading="Costs", markdown="", id="costs"),
        ],
        images=[Image(role="lead", caption="A lamp on the quay", credit="", id="lamp")],
        related=RelatedLinks(
            "Read more", [RelatedLink("Street lights elsewhere", ""), RelatedLink("Old", "x")]
        ),
    )


@pytest.fixture
def window(qtbot, tmp_path):
    window = MainWindow(data_dir=tmp_path / "data")
    qtbot.addWidget(window)
    window.article_state.set_article(problem_article())
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def focused(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=3000)


def test_a_photo_finding_opens_the_photo_with_the_cursor_in_the_field_to_fix(window, qtbot):
    panes = window.panes
    panes.details_dock.raise_()
    panes.go_to("image:lamp", "credit-missing")
    assert panes.images.current_image_id() == "lamp"
    assert not panes.photos_dock.visibleRegion().isEmpty()
    focused(qtbot, panes.images.fields.widget_for("credit"))


def test_a_related_link_finding_selects_the_link(window):
    panes = window.panes
    panes.go_to("related:1", "related-url-invalid")
    assert panes.related.selected_row() == 1
    assert not panes.links_dock.visibleRegion().isEmpty()


def test_a_details_finding_puts_the_cursor_in_the_field(window, qtbot):
    panes = window.panes
    panes.go_to("description", "description-missing")
    assert not panes.details_dock.visibleRegion().isEmpty()
    focused(qtbot, panes.metadata.description)


def test_a_section_finding_shows_the_section_in_the_editor(window, qtbot):
    window.panes.go_to("section:costs", "section-empty")
    assert window.current_section_id == "costs"
    assert window.tree_view.current_section_id() == "costs"
    window.panes.go_to("sections", "no-text")
    assert window.current_section_id == "lead"


def test_clicking_a_finding_in_the_check_panel_navigates(window, qtbot):
    panes = window.panes
    panes.check_dock.raise_()
    panel = panes.preflight
    panel.refresh_now()
    rows = [panel.list.item(i) for i in range(panel.list.count())]
    credit = next(item for item in rows if "credit" in item.text().lower())
    panel.list.itemClicked.emit(credit)
    assert panes.images.current_image_id() == "lamp"
    focused(qtbot, panes.images.fields.widget_for("credit"))


def test_tree_rows_for_photos_and_links_raise_their_tabs(window):
    panes = window.panes
    panes.show_tree_node("links")
    assert not panes.links_dock.visibleRegion().isEmpty()
    panes.show_tree_node("image:lamp")
    assert not panes.photos_dock.visibleRegion().isEmpty()
    assert panes.images.current_image_id() == "lamp"
    panes.show_tree_node("root")
    assert not panes.details_dock.visibleRegion().isEmpty()


def test_insert_photo_opens_the_new_photo_ready_for_its_caption(
    window, qtbot, tmp_path, monkeypatch
):
    from PIL import Image as PILImage

    from newsdesk.gui.editor import inline_images

    path = tmp_path / "quay.jpg"
    PILImage.new("RGB", (320, 200), (40, 90, 140)).save(path, quality=85)
    monkeypatch.setattr(inline_images, "choose_photo_file", lambda *_args: path)
    from newsdesk.store import create_project

    create_project(tmp_path / "lights.newsdesk", problem_article()).close()
    assert window.open_path(tmp_path / "lights.newsdesk")  # editable: a file of its own
    window.go_to_section("lead")
    window.window_actions.insert_photo.trigger()
    added = [image for image in window.article.images if image.filename == "quay.jpg"]
    assert len(added) == 1 and added[0].role == "inline"
    window.article_state.flush_text()
    assert f"![](image:{added[0].id})" in window.article.find_section("lead").markdown
    panes = window.panes
    assert panes.images.current_image_id() == added[0].id
    assert not panes.photos_dock.visibleRegion().isEmpty()
    focused(qtbot, panes.images.fields.widget_for("caption"))
    window.article_state.undo()  # one step takes the photo and its place in the text away
    assert all(image.filename != "quay.jpg" for image in window.article.images)
