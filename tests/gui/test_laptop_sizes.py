"""The German window at common laptop sizes: every label whole, nothing scrolled sideways.

Issue 17, defect 6: at 1366 x 768 and 1280 x 800 the dock tabs read "Anga…", "Fo…", "Prüf…",
the Photos pane's crop row made a horizontal scroll bar, and the preview's "Suchergebnis" tab hid
behind scroll arrows; the window itself opened at 1440 x 900, taller than such a screen.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractScrollArea, QTabBar

from newsdesk.gui.main_window import first_window_size
from newsdesk.gui.translations import install_translators
from tests.gui.window_helpers import close_window, german_article, make_project, new_window

LAPTOPS = [QSize(1366, 768), QSize(1280, 800)]


@pytest.fixture
def german(qapp):
    installed = install_translators(qapp, "de")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize("screen", LAPTOPS, ids=lambda size: f"{size.width()}x{size.height()}")
def test_a_first_start_fits_the_screen(screen):
    size = first_window_size(screen)
    assert size.width() <= screen.width() and size.height() <= screen.height()
    assert first_window_size(QSize(2560, 1440)) == QSize(1440, 900)


def _visible_tab_bars(window) -> list[QTabBar]:
    return [bar for bar in window.findChildren(QTabBar) if bar.isVisible() and bar.count() > 1]


@pytest.mark.parametrize("screen", LAPTOPS, ids=lambda size: f"{size.width()}x{size.height()}")
def test_german_labels_are_whole_at_laptop_sizes(qtbot, tmp_path, german, screen):
    story = make_project(tmp_path / "story.newsdesk", german_article())
    window = new_window(qtbot, tmp_path)
    assert window.open_path(story)
    window.resize(screen)
    qtbot.waitUntil(lambda: window.size() == screen)

    for dock in (window.panes.details_dock, window.panes.photos_dock, window.panes.links_dock):
        dock.raise_()
        qtbot.wait(50)
        bars = _visible_tab_bars(window)
        assert bars, "the tabbed panes and the preview show their tabs"
        for bar in bars:
            for index in range(bar.count()):
                shown, wanted = bar.tabRect(index).width(), bar.tabSizeHint(index).width()
                assert shown >= wanted, f"tab {bar.tabText(index)!r} is cut: {shown} < {wanted}"
                assert bar.tabRect(index).right() <= bar.width(), bar.tabText(index)
        sideways = [
            area.objectName() or type(area).__name__
            for area in window.findChildren(QAbstractScrollArea)
            if area.isVisible()
            and area.horizontalScrollBar().isVisible()
            and area.parent() is not window.centralWidget()
        ]
        assert sideways == [], f"scrolled sideways with {dock.objectName()} in front"
    assert window.panes.preview.preset_bar.isVisible()
    close_window(window)
