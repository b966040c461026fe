"""View > Page Layout: Standard, the three built-in house layouts, or the journalist's own
stylesheet (a CSS file, checked and kept in the article), or none of the article's own (the
publication's layout applies). The choice is one undoable edit (model/layout_commands.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from newsdesk.errors import LayoutError, NewsdeskError
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.first_paint import after_first_paint, window_painted
from newsdesk.gui.translatable import QT_TRANSLATE_NOOP
from newsdesk.layout_names import BUILT_IN_LAYOUTS, CUSTOM, LAYOUT_PROPERTY
from newsdesk.model.commands import Changes

if TYPE_CHECKING:
    from newsdesk.house_layouts import Layout

translate = QCoreApplication.translate
PUBLICATION = "publication"  # the entry for "no choice of the article's own"
TITLES = {
    "standard": QT_TRANSLATE_NOOP("PageLayout", "&Standard"),
    "broadsheet": QT_TRANSLATE_NOOP("PageLayout", "&Broadsheet (serif)"),
    "tabloid": QT_TRANSLATE_NOOP("PageLayout", "&Tabloid (bold)"),
    "magazine": QT_TRANSLATE_NOOP("PageLayout", "&Magazine (calm)"),
}


class PageLayoutMenu:
    """The submenu and its checkable entries, kept in step with the article's choice."""

    def __init__(self, parent: QWidget, state: ArticleState) -> None:
        self.parent = parent
        self.state = state
        self.menu = QMenu(translate("PageLayout", "Page &Layout"), parent)
        self.menu.setObjectName("menu_page_layout")
        self.group = QActionGroup(parent)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        self._add(PUBLICATION, translate("PageLayout", "As the &Publication Sets It"))
        self.menu.addSeparator()
        for name in BUILT_IN_LAYOUTS:
            self._add(name, translate("PageLayout", TITLES[name]))
        self.menu.addSeparator()
        self._add(CUSTOM, translate("PageLayout", "&Your Stylesheet…"))
        self.menu.aboutToShow.connect(self.update_checks)
        state.article_changed.connect(self._article_changed)
        # The checks read the article's choice (house_layouts, its rules and stylesheets): once
        # the window is on screen, and after that at every change of the choice.
        after_first_paint(parent, self.update_checks)

    def _add(self, name: str, text: str) -> None:
        action = QAction(text, self.parent)
        action.setObjectName(f"layout_{name}")
        action.setCheckable(True)
        action.triggered.connect(lambda _checked=False, n=name: self.choose(n))
        self.group.addAction(action)
        self.menu.addAction(action)
        self.actions[name] = action

    def _article_changed(self, changes: Changes) -> None:
        if (changes.everything or LAYOUT_PROPERTY in changes.fields) and window_painted(
            self.parent
        ):
            self.update_checks()

    def update_checks(self) -> None:
        from newsdesk.house_layouts import Layout, article_layout

        try:
            chosen = article_layout(self.state.article)
        except LayoutError:
            chosen = Layout(CUSTOM)
        name = PUBLICATION if chosen is None else chosen.name
        self.actions[name].setChecked(True)
        custom = self.actions[CUSTOM]
        if chosen is not None and chosen.name == CUSTOM and chosen.file_name:
            custom.setText(
                translate("PageLayout", "&Your Stylesheet: %1…").replace("%1", chosen.file_name)
            )
        else:
            custom.setText(translate("PageLayout", "&Your Stylesheet…"))

    def set_read_only(self, read_only: bool) -> None:
        self.menu.setEnabled(not read_only)

    def choose(self, name: str) -> None:
        from newsdesk.gui.dialogs.errors import push_or_report, show_error
        from newsdesk.house_layouts import built_in_layout
        from newsdesk.model.layout_commands import SetArticleLayout

        try:
            if name == PUBLICATION:
                layout: Layout | None = None
            elif name == CUSTOM:
                picked = self._pick_stylesheet()
                if picked is None:
                    self.update_checks()
                    return
                layout = picked
            else:
                layout = built_in_layout(name)
        except NewsdeskError as exc:
            self.update_checks()
            show_error(self.parent, exc)
            return
        push_or_report(
            self.state,
            SetArticleLayout(layout),
            translate("PageLayout", "Choose page layout"),
            self.parent,
        )
        self.update_checks()

    def _pick_stylesheet(self) -> Layout | None:
        from newsdesk.house_layouts import read_stylesheet

        path, _filter = QFileDialog.getOpenFileName(
            self.parent,
            translate("PageLayout", "Your Stylesheet"),
            "",
            translate("PageLayout", "Stylesheets (*.css)"),
        )
        if not path:
            return None
        return read_stylesheet(Path(path))
