"""Starting the window: QApplication, names for settings and data folders, translators, main().

`newsdesk` alone reopens the last article (on a fresh machine: the journalist's own copy of the
sample, so `make run` shows a real article at once); `newsdesk FILE.newsdesk` opens that file and
creates it when it does not exist yet; `newsdesk draft.md` (or .txt, .json) imports the draft into a
new, not yet saved article.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk import __version__, resource_path
from newsdesk.errors import NewsdeskError

# Qt's modules and the window's are imported by main(), after it has paused the garbage
# collector (see main); the `Qt` namespace alone makes some hundred enum classes.
if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

ORGANISATION = "Newsdesk"
APPLICATION = "Newsdesk"
DESKTOP_FILE = "io.github.newsdesk.Newsdesk"
PROJECT_SUFFIX = ".newsdesk"
ICON_NAMES = (f"{DESKTOP_FILE}.svg", "newsdesk.svg", "newsdesk.png")


def application_icon() -> QIcon | None:
    """The installed theme icon (hicolor, named after the desktop file), else a bundled one."""
    from PySide6.QtGui import QIcon

    themed = QIcon.fromTheme(DESKTOP_FILE)
    if not themed.isNull():
        return themed
    folder = Path(str(resource_path("icons")))
    for name in ICON_NAMES:
        if (folder / name).is_file():
            return QIcon(str(folder / name))
    return None


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names and translators; reuses one that exists (tests). The window's
    start gives it its icon after the first paint (`_run`)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from newsdesk.gui.preview.engine import prefer_software_rendering
    from newsdesk.gui.settings import Settings
    from newsdesk.gui.translations import effective_language, install_translators

    app = QApplication.instance()
    if app is None:
        # The preview draws in software unless the user asked for the GPU; only then does
        # Chromium need shared GL contexts, which must be asked for before the application
        # exists (and which load the GL stack right away).
        if not prefer_software_rendering():
            QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        app = QApplication([sys.argv[0] if sys.argv else "newsdesk", *(argv or [])])
    assert isinstance(app, QApplication), "the window needs a QApplication, not a core one"
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE)
    holder: Any = app  # an attribute of our own on the application object
    if not hasattr(holder, "_newsdesk_translators"):
        # Keep the translators referenced for the application's lifetime.
        holder._newsdesk_translators = install_translators(app, effective_language(Settings()))
    return app


def check_file_argument(path: Path) -> None:
    """Refuse, before any window opens, a FILE the window could only show an error for.

    Raises NewsdeskError, which the command line prints as one line with exit status 2.
    """
    suffix = path.suffix.lower()
    if suffix == PROJECT_SUFFIX:
        if path.exists() and not path.is_file():
            raise NewsdeskError(f"{path} is not a file")
        return  # a missing project file is created
    # Only for a draft: the importers (and Pillow with them) are not needed to open a project.
    from newsdesk.formats.importers import IMPORT_SUFFIXES

    if suffix not in IMPORT_SUFFIXES:
        known = ", ".join([PROJECT_SUFFIX, *IMPORT_SUFFIXES])
        raise NewsdeskError(f"{path}: Newsdesk opens {known} files")
    if not path.is_file():
        raise NewsdeskError(f"{path}: no such file")


def main(argv: list[str]) -> int:
    """Run the window; `argv` holds at most one FILE. Returns the process exit status.

    The garbage collector is paused from here until the window is on screen: the start makes
    a few hundred thousand objects (modules, classes, Qt's enums, the widgets) that live as long
    as the window, and the collector's passes over them while they are made (about 90 of them,
    ~13 ms before the first paint; docs/PERFORMANCE.md) find nothing to free. Once the window is
    shown, one collection clears what the start left behind and `gc.freeze` sets the rest
    aside, so that later collections (while the journalist types) do not walk them again.
    """
    gc.disable()
    try:
        if argv and argv[0].lower().endswith(PROJECT_SUFFIX):
            # The file's integrity check runs on another core while the window is made.
            from newsdesk.store.early_check import start_early_check

            start_early_check(argv[0])
        return _run(argv)
    finally:
        gc.enable()


def _set_application_icon() -> None:
    from PySide6.QtWidgets import QApplication

    icon = application_icon()
    if icon is not None:
        QApplication.setWindowIcon(icon)


def _collect_once_shown() -> None:
    gc.collect()
    gc.freeze()
    gc.enable()


def _run(argv: list[str]) -> int:
    from newsdesk.gui.first_paint import after_first_paint
    from newsdesk.gui.main_window import MainWindow
    from newsdesk.gui.termination import Termination

    if argv:
        check_file_argument(Path(argv[0]))
    app = create_application()
    # From before the article opens: a signal during a long open is honoured once it is on screen.
    termination = Termination(app)
    termination.install()
    window = MainWindow()
    window.defer_secondary_work()
    opened = window.open_from_command_line(Path(argv[0])) if argv else window.open_start_file()
    if not opened:
        window.close()
        return 1
    window.show()
    # The icon's file (an SVG: Qt loads its SVG plugin for it) is read once the window is on
    # screen; the desktop shows it from the next moment on.
    after_first_paint(window, _set_application_icon)
    after_first_paint(window, _collect_once_shown)
    # Offer never-saved articles once the window is on screen, so the question has a parent.
    after_first_paint(window, window.offer_unsaved_articles)
    termination.watch(window, window.files.flush)
    # Logging out: the session manager asks for the data first.
    app.commitDataRequest.connect(lambda _manager: window.files.flush())
    return app.exec()
