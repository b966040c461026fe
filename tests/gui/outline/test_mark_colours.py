"""The outline's opinion and box rows read at AA contrast in Light and in Dark (issue 18): their
colours follow the palette, and a switch of appearance repaints them in the other set."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from newsdesk.gui.appearance import AA_TEXT, apply_appearance, contrast, light_palette, over
from newsdesk.gui.outline.section_tree import SectionTreeView
from newsdesk.model.article import Article, Section

BASE = QPalette.ColorRole.Base


@pytest.fixture(autouse=True)
def light_again(qapp):
    yield
    QApplication.setPalette(light_palette())


def _tree(qtbot, state_for) -> SectionTreeView:
    article = Article(
        headline="Harbour ferry stays",
        sections=[
            Section(id="lead", markdown="The council voted on Tuesday."),
            Section(id="comment", heading="About time", kind="opinion", markdown="Finally."),
            Section(id="facts", heading="Figures", kind="box", markdown="Three million euros."),
        ],
    )
    view = SectionTreeView(state_for(article))
    qtbot.addWidget(view)
    view.resize(360, 240)
    view.show()
    qtbot.waitExposed(view)
    return view


def _row_colours(view: SectionTreeView, key: str) -> tuple[QColor, QColor]:
    """The row's text colour and the colour its background is painted in (read off the screen)."""
    model = view.model()
    index = model.index_for_key(key)
    foreground = QColor(model.data(index, Qt.ItemDataRole.ForegroundRole))
    rect = view.visualRect(index)
    image = view.viewport().grab().toImage()
    painted = image.pixelColor(rect.right() - 2, rect.center().y())
    return foreground, painted


@pytest.mark.parametrize("appearance", ["light", "dark"])
def test_opinion_and_box_rows_read_at_aa_contrast(qtbot, state_for, appearance):
    view = _tree(qtbot, state_for)
    view.clearSelection()
    apply_appearance(appearance)
    dark = appearance == "dark"
    qtbot.waitUntil(lambda: (view.palette().color(BASE).lightnessF() < 0.5) == dark)
    for key in ("comment", "facts"):
        foreground, painted = _row_colours(view, key)
        assert contrast(foreground, painted) >= AA_TEXT, (appearance, key, foreground.name())
    # The box's tint is computed, not only sampled: its mix with the ground reads too.
    box = view.model().index_for_key("facts")
    tint = QColor(view.model().data(box, Qt.ItemDataRole.BackgroundRole))
    text = QColor(view.model().data(box, Qt.ItemDataRole.ForegroundRole))
    assert contrast(text, over(tint, view.palette().color(BASE))) >= AA_TEXT


def test_switching_to_dark_changes_the_mark_colours(qtbot, state_for):
    view = _tree(qtbot, state_for)
    apply_appearance("light")
    light_opinion, _ = _row_colours(view, "comment")
    apply_appearance("dark")
    qtbot.waitUntil(lambda: view.palette().color(BASE).lightnessF() < 0.5)
    dark_opinion, painted = _row_colours(view, "comment")
    assert dark_opinion.lightnessF() > light_opinion.lightnessF()
    assert painted.lightnessF() < 0.5  # the row is painted on the dark ground
