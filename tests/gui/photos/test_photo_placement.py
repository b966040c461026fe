"""Photos › Add… with a lead photo already there: the new photo goes in the text at the editor's
cursor, in one undo step with the adding; the check reports any photo no section places."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from newsdesk.model.article import Image
from newsdesk.model.preflight import preflight
from tests.gui.photos.test_photo_pane import photo_bytes, write_photo
from tests.gui.window_helpers import (
    close_window,
    english_article,
    make_project,
    new_window,
    read_article,
)


def test_a_second_photo_is_placed_at_the_cursor_and_undone_in_one_step(qtbot, tmp_path):
    article = english_article()
    article.images.append(Image(data=photo_bytes(), width=80, height=60, caption="Lead"))
    story = make_project(tmp_path / "story.newsdesk", article)
    window = new_window(qtbot, tmp_path)
    window.open_path(story)
    section = window.article.sections[1]
    window.tree_view.select_section(section.id)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    pane = window.panes.images
    pane.choose_file = lambda: write_photo(tmp_path, "quay.jpg", colour=(200, 40, 40))
    pane.add_button.click()

    image = window.article.images[-1]
    assert image.role == "inline" and image.filename == "quay.jpg"
    window.files.flush()
    stored = read_article(story)
    assert stored.sections[1].markdown.rstrip().endswith(f"![](image:{image.id})")
    assert not [f for f in preflight(stored) if f.code == "image-unplaced"]

    window.window_actions.undo.trigger()  # one step takes the photo and its place away
    window.files.flush()
    stored = read_article(story)
    assert len(stored.images) == 1
    assert "image:" not in stored.sections[1].markdown
    close_window(window)


def _answer_placement(choice: str | None, seen: list) -> None:
    """Choose `choice` in the placement question and press OK (None: Cancel)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog

    def answer():
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog)]
        dialog = next((w for w in shown if w.isVisible()), None)
        if dialog is None:  # not asked yet (the photo is still being read)
            QTimer.singleShot(20, answer)
            return
        combo = dialog.findChild(QComboBox)
        seen.append([combo.itemText(n) for n in range(combo.count())])
        if choice is None:
            dialog.reject()
        else:
            combo.setCurrentIndex(combo.findText(choice))
            dialog.accept()

    QTimer.singleShot(0, answer)


def test_without_a_cursor_to_place_it_at_the_user_is_asked_where(qtbot, tmp_path):
    article = english_article()
    article.images.append(Image(data=photo_bytes(), width=80, height=60, caption="Lead"))
    story = make_project(tmp_path / "story.newsdesk", article)
    window = new_window(qtbot, tmp_path)
    window.open_path(story)
    # An editor showing no section of the article cannot take the photo at its cursor.
    window.editor.setDocument(QTextDocument(window.editor))
    pane = window.panes.images
    pane.choose_file = lambda: write_photo(tmp_path, "quay.jpg", colour=(200, 40, 40))
    seen: list = []
    _answer_placement("What changes", seen)
    pane.add_button.click()
    assert seen[0][:3] == ["Lead", "What changes", "Commentary: About time"]
    assert seen[0][-1] == "Not now (the check lists it)"
    image = window.article.images[-1]
    assert window.article.sections[1].markdown.endswith(f"\n\n![](image:{image.id})\n")
    assert not [f for f in preflight(window.article) if f.code == "image-unplaced"]
    window.window_actions.undo.trigger()  # adding and placing are one step
    assert len(window.article.images) == 1 and "image:" not in window.article.sections[1].markdown

    _answer_placement(None, seen)  # not now: the photo stays unplaced, and the check says so
    pane.add_button.click()
    assert [f.code for f in preflight(window.article)].count("image-unplaced") == 1
    close_window(window)
