"""Finding things in the window as a user sees them, for the journeys on sections and revisions:
a row of the section tree by its visible text, a row of a list in a dialog, the status bar's
words. Only finding: the journeys click and type on what these return."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QStatusBar, QTreeView, QWidget

from tests.journeys.harness import click


def _rows(view: QAbstractItemView, parent: QModelIndex | None = None) -> list[QModelIndex]:
    model = view.model()
    parent = parent or QModelIndex()
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        found.append(index)
        found.extend(_rows(view, index))
    return found


def row_texts(view: QAbstractItemView) -> list[str]:
    """The first column's text of every row, depth first (what the user reads in the tree)."""
    return [str(index.data(Qt.ItemDataRole.DisplayRole) or "") for index in _rows(view)]


def click_row(view: QAbstractItemView, text: str) -> None:
    """Click the row whose first column reads `text`."""
    index = next((i for i in _rows(view) if i.data(Qt.ItemDataRole.DisplayRole) == text), None)
    assert index is not None, f"no row {text!r}: {row_texts(view)}"
    view.scrollTo(index)
    click(view.viewport(), view.visualRect(index).center())


def section_tree(window: QWidget) -> QTreeView:
    tree = window.findChild(QTreeView, "sectionTree")
    assert tree is not None and tree.isVisible(), "the section tree is not on screen"
    return tree


def status_texts(window: QWidget) -> list[str]:
    """What the status bar shows: its message and its visible labels."""
    bar = window.findChild(QStatusBar)
    texts = [bar.currentMessage()] if bar.currentMessage() else []
    return texts + [label.text() for label in bar.findChildren(QLabel) if label.isVisible()]
