"""The main window's menus and their actions, with the shortcuts journalists know from elsewhere.

Actions that belong to a part of the window come from that part, so their shortcuts work where
they should: the section tree's actions (F2, Delete, Alt+arrows only while the tree has focus),
the editor's format actions, the find dialog's Ctrl+F / Ctrl+H, and Undo/Redo made by the one
ArticleState. This module only arranges them; the window owns what they do and hands over the
parts the menus need as `WindowParts` (not itself: the menus reach no further than these).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
)

from newsdesk import __version__
from newsdesk.gui.appearance import AppearanceMenu
from newsdesk.gui.editor.copy_article_action import CopyArticleAction
from newsdesk.gui.focus_mode import FocusMode
from newsdesk.gui.layouts.layout_menu import PageLayoutMenu
from newsdesk.gui.translations import language_menu

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from newsdesk.gui.article_state import ArticleState
    from newsdesk.gui.editor.find_actions import FindReplace
    from newsdesk.gui.editor.section_editor import SectionEditor
    from newsdesk.gui.editor.view_modes import ArticleViews
    from newsdesk.gui.files.article_files import ArticleFiles
    from newsdesk.gui.outline.section_tree import SectionTreeView
    from newsdesk.gui.preview.preview_pane import PreviewPane
    from newsdesk.gui.settings import Settings


def _export(files: ArticleFiles) -> None:
    """File > Export…; the exporters (and Pillow) load at the first export, not with the window."""
    from newsdesk.gui.files.export_formats import export

    export(files)


def _show_user_guide(window: QMainWindow) -> None:
    """Help > User Guide; the guide's window (and its HTML) loads when it is first opened."""
    from newsdesk.gui.dialogs.user_guide import show_user_guide

    show_user_guide(window)


def _show_revisions(files: ArticleFiles) -> None:
    """File > Revisions…; the dialog and its word diff load when it is first opened."""
    from newsdesk.gui.files.revisions import show_revisions

    show_revisions(files)


class WindowParts(NamedTuple):
    """What the menus need from the window: its parts, and the window's own few commands.

    `host` is the window as a place: the parent of every action and menu, the owner of the menu
    bar, the parent of the dialogs the menus open (and what `publish` and the publication
    settings, which read the window's files, are given).
    """

    host: QMainWindow
    files: ArticleFiles
    state: ArticleState
    finder: FindReplace
    outline: SectionTreeView
    editor: SectionEditor
    views: ArticleViews
    preview: PreviewPane
    settings: Settings
    open_with_dialog: Callable[[], object]
    set_typographic_quotes: Callable[[bool], object]
    edit_length_target: Callable[[], object]
    insert_photo: Callable[[], object]
    can_insert_photo: Callable[[], bool]
    format_actions: Callable[[], Sequence[QAction]]
    panels: Callable[[], Sequence[QDockWidget | QToolBar]]


def _action(
    window: QMainWindow,
    name: str,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(QKeySequence.keyBindings(shortcut))
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work even while a menu bar is hidden
    return action


def _publish_module(name: str):
    """gui/publish's modules, imported when first used (the window starts without them)."""
    import importlib

    return importlib.import_module(f"newsdesk.gui.publish.{name}")


def _print(files) -> bool:
    # Imported when first used: the web engine's printing is not needed to show the window.
    from newsdesk.gui.printing.print_article import print_from_window

    return print_from_window(files)


def _update_from_word(files) -> bool:
    # Imported when first used: the Word reader and writer are not needed to show the window.
    from newsdesk.gui.files.update_from_word import update_from_word

    return update_from_word(files)


def _focused_call(method: str) -> None:
    """Cut/copy/paste act on whatever text field has the focus (editor, headline, tree editor)."""
    widget = QApplication.focusWidget()
    if widget is not None and callable(getattr(widget, method, None)):
        getattr(widget, method)()


class WindowActions:
    """Creates every action and menu of the window `parts` come from (see the module docstring)."""

    def __init__(self, parts: WindowParts) -> None:
        self.parts = parts
        window = parts.host
        files = parts.files
        self.new = _action(
            window,
            "action_new",
            translate("WindowActions", "&New"),
            files.new_article,
            QKeySequence.StandardKey.New,
        )
        self.open = _action(
            window,
            "action_open",
            translate("WindowActions", "&Open…"),
            parts.open_with_dialog,
            QKeySequence.StandardKey.Open,
        )
        self.recent_menu = QMenu(translate("WindowActions", "Open &Recent"), window)
        self.recent_menu.setObjectName("menu_recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.save = _action(
            window,
            "action_save",
            translate("WindowActions", "&Save"),
            files.save,
            QKeySequence.StandardKey.Save,
        )
        self.save_as = _action(
            window,
            "action_save_as",
            translate("WindowActions", "Save &As…"),
            files.save_as,
            "Ctrl+Shift+S",
        )
        self.import_file = _action(
            window, "action_import", translate("WindowActions", "&Import…"), files.import_file
        )
        self.update_from_word = _action(
            window,
            "action_update_from_word",
            translate("WindowActions", "&Update from Word…"),
            lambda: _update_from_word(files),
        )
        self.export_html = _action(
            window,
            "action_export_html",
            translate("WindowActions", "&Export…"),
            lambda: _export(files),
            "Ctrl+E",
        )
        self.print = _action(
            window,
            "action_print",
            translate("WindowActions", "&Print…"),
            lambda: _print(files),
            QKeySequence.StandardKey.Print,
        )
        self.publication_settings = _action(
            window,
            "action_publication_settings",
            translate("WindowActions", "Publication Se&ttings…"),
            lambda: _publish_module("profiles_dialog").edit_publication_settings(window),
        )
        self.publish = _action(
            window,
            "action_publish",
            translate("WindowActions", "Pu&blish…"),
            lambda: _publish_module("publish_dialog").publish_from_window(window),
        )
        self.revisions = _action(
            window,
            "action_revisions",
            translate("WindowActions", "Re&visions…"),
            lambda: _show_revisions(files),
        )
        # Ctrl+Q everywhere (Qt's StandardKey.Quit is empty on Windows).
        self.quit = _action(
            window, "action_quit", translate("WindowActions", "&Quit"), window.close, "Ctrl+Q"
        )
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        stack = parts.state
        self.undo = stack.createUndoAction(window, translate("WindowActions", "&Undo"))
        self.undo.setObjectName("action_undo")
        self.undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.redo = stack.createRedoAction(window, translate("WindowActions", "&Redo"))
        self.redo.setObjectName("action_redo")
        self.redo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        for action in (self.undo, self.redo):
            window.addAction(action)
        self.cut = _action(
            window,
            "action_cut",
            translate("WindowActions", "Cu&t"),
            lambda: _focused_call("cut"),
            QKeySequence.StandardKey.Cut,
        )
        self.copy = _action(
            window,
            "action_copy",
            translate("WindowActions", "&Copy"),
            lambda: _focused_call("copy"),
            QKeySequence.StandardKey.Copy,
        )
        self.paste = _action(
            window,
            "action_paste",
            translate("WindowActions", "&Paste"),
            lambda: _focused_call("paste"),
            QKeySequence.StandardKey.Paste,
        )
        # The text widgets handle these keys themselves; the menu entries are for the mouse.
        for action in (self.cut, self.copy, self.paste):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        finder = parts.finder
        self.find = finder.find_action
        self.find.setObjectName("action_find")
        self.replace = finder.replace_action
        self.replace.setObjectName("action_replace")
        self.find_next = finder.find_next_action
        for action in (self.find, self.replace, self.find_next):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)

        self.typographic_quotes = _action(
            window,
            "action_typographic_quotes",
            translate("WindowActions", "T&ypographic Quotes"),
            lambda: parts.set_typographic_quotes(self.typographic_quotes.isChecked()),
        )
        self.typographic_quotes.setCheckable(True)
        self.typographic_quotes.setChecked(parts.editor.typographic_quotes)
        self.length_target = _action(
            window,
            "action_length_target",
            translate("WindowActions", "Length &Target…"),
            parts.edit_length_target,
        )
        self.show_notes = _action(
            window,
            "action_show_notes",
            translate("WindowActions", "Show Editor's &Notes in the Preview"),
            lambda: self._show_notes(self.show_notes.isChecked()),
        )
        self.show_notes.setCheckable(True)
        if parts.settings.preview_shows_notes:
            self.show_notes.setChecked(True)
            parts.preview.show_notes = True
        self.insert_photo = _action(
            window,
            "action_insert_photo",
            translate("WindowActions", "&Photo…"),
            parts.insert_photo,
            "Ctrl+Shift+I",
        )
        self.user_guide = _action(
            window,
            "action_user_guide",
            translate("WindowActions", "&User Guide"),
            lambda: _show_user_guide(window),
            QKeySequence.StandardKey.HelpContents,  # F1
        )
        self.about = _action(
            window, "action_about", translate("WindowActions", "&About Newsdesk"), self._about
        )
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self._build_menus()

    def _build_menus(self) -> None:
        parts = self.parts
        window = parts.host
        bar = window.menuBar()
        file_menu = bar.addMenu(translate("WindowActions", "&File"))
        file_menu.setObjectName("menu_file")
        file_menu.addActions([self.new, self.open])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        file_menu.addActions(
            [self.import_file, self.update_from_word, self.export_html, self.print]
        )
        file_menu.addSeparator()
        file_menu.addActions([self.publication_settings, self.publish])
        file_menu.addSeparator()
        file_menu.addAction(self.revisions)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit_menu = bar.addMenu(translate("WindowActions", "&Edit"))
        edit_menu.setObjectName("menu_edit")
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        self.copy_article = CopyArticleAction(window, parts.state)
        edit_menu.addActions([self.cut, self.copy, self.copy_article, self.paste])
        edit_menu.addAction(parts.views.select_all_action)
        edit_menu.addSeparator()
        edit_menu.addActions([self.find, self.find_next, self.replace])

        format_menu = bar.addMenu(translate("WindowActions", "F&ormat"))
        format_menu.setObjectName("menu_format")
        format_menu.addActions(list(parts.format_actions()))
        format_menu.addSeparator()
        format_menu.addAction(self.typographic_quotes)

        insert_menu = bar.addMenu(translate("WindowActions", "&Insert"))
        insert_menu.setObjectName("menu_insert")
        insert_menu.addAction(self.insert_photo)
        insert_menu.aboutToShow.connect(
            lambda: self.insert_photo.setEnabled(parts.can_insert_photo())
        )
        # Tables, editor's notes and source notes (issue 14): the editor's own actions.
        constructs = parts.editor.construct_actions
        insert_menu.addActions(constructs.insert_actions())
        table_menu = bar.addMenu(translate("WindowActions", "&Table"))
        table_menu.setObjectName("menu_table")
        table_menu.addActions(constructs.table_actions())
        table_menu.aboutToShow.connect(constructs.update)

        tree = parts.outline
        section_menu = bar.addMenu(translate("WindowActions", "&Section"))
        section_menu.setObjectName("menu_section")
        section_menu.addActions([tree.add_after_action, tree.add_child_action])
        section_menu.addSeparator()
        section_menu.addAction(tree.rename_action)
        section_menu.addMenu(tree.kind_menu)
        section_menu.addAction(tree.label_action)
        section_menu.addSeparator()
        section_menu.addActions(
            [tree.move_up_action, tree.move_down_action, tree.indent_action, tree.outdent_action]
        )
        section_menu.addSeparator()
        section_menu.addAction(tree.delete_action)
        self.section_menu = section_menu

        view_menu = bar.addMenu(translate("WindowActions", "&View"))
        view_menu.setObjectName("menu_view")
        view_menu.addActions(parts.views.actions())
        self.focus_mode = FocusMode(window, parts.editor, parts.views, parts.settings)
        view_menu.addMenu(self.focus_mode.menu)
        self.appearance = AppearanceMenu(window, parts.settings)
        view_menu.addMenu(self.appearance.menu)
        self.page_layout = PageLayoutMenu(window, parts.state)
        view_menu.addMenu(self.page_layout.menu)
        view_menu.addSeparator()
        for widget in parts.panels():
            view_menu.addAction(widget.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self.show_notes)
        view_menu.addAction(self.length_target)
        view_menu.addSeparator()
        self.language_menu = language_menu(window, parts.settings)
        view_menu.addMenu(self.language_menu)

        help_menu = bar.addMenu(translate("WindowActions", "&Help"))
        help_menu.setObjectName("menu_help")
        help_menu.addAction(self.user_guide)
        help_menu.addAction(self.about)

    def _show_notes(self, shown: bool) -> None:
        """Private notes in the preview, highlighted (never in any export)."""
        preview = self.parts.preview
        preview.show_notes = shown
        self.parts.settings.preview_shows_notes = shown
        preview.refresh_now()

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.parts.files
        recent = [p for p in files.recent_files() if p.exists()]
        for number, path in enumerate(recent, start=1):
            label = f"&{number} {path.name}" if number < 10 else path.name
            action = menu.addAction(label)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: files.open_path(p))
        if not recent:
            empty = menu.addAction(translate("WindowActions", "No recent articles"))
            empty.setEnabled(False)
        menu.addSeparator()
        menu.addAction(translate("WindowActions", "&Clear List"), files.clear_recent)

    def _about(self) -> None:
        QMessageBox.about(
            self.parts.host,
            translate("WindowActions", "About Newsdesk"),
            translate(
                "WindowActions",
                "<h3>Newsdesk %1</h3><p>A desktop article editor for journalists: write offline, "
                "keep one safe file, export a finished web page.</p>",
            ).replace("%1", __version__),
        )

    def set_read_only(self, read_only: bool, *, can_save: bool = True) -> None:
        """Switch the window's own editing actions (the outline switches its own)."""
        self.save.setEnabled(can_save)
        self.page_layout.set_read_only(read_only)
        for action in (
            self.replace,
            self.update_from_word,
            self.insert_photo,
            self.publish,  # a publish keeps the post's record in the file: it must be writable
            *self.parts.format_actions(),
            *self.parts.editor.construct_actions.insert_actions(),
        ):
            action.setEnabled(not read_only)
