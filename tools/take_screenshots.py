"""Takes the user guide's screenshots of the real Newsdesk window: docs/screenshots/*.png.

    .venv/bin/python tools/take_screenshots.py [--out DIR] [--only NAME ...] [--xvfb]
    make screenshots                      (the same, always on a private Xvfb screen)

What it needs besides Newsdesk's own dependencies (Debian/Ubuntu packages): `xvfb` for a private
X screen when there is no DISPLAY (or with --xvfb), `imagemagick`, whose `import` grabs the
screen, and `poppler-utils`, whose `pdftoppm` turns the printed proof's first page into a picture.
The X11 libraries the README lists for the window are needed too.

It runs in two parts so that nothing of the user's desktop leaks into the pictures:
- the outer part makes a throw-away home folder (HOME and the XDG folders inside it, so settings,
  recent files and autosaves start empty and are deleted afterwards), starts `Xvfb` with a fixed
  1600x1000 screen unless a display is to be used, and runs this script again with `--inside`
  in that environment (Qt WebEngine's sandbox is switched off only there: it refuses to start as
  root, as in a container);
- the inner part starts the real window (`newsdesk.gui.app.create_application`, `MainWindow`),
  opens a copy of the bundled sample article, and drives it the way a journalist would: typing
  with QTest key clicks, clicking findings and the photo, pasting a web address, choosing tabs and
  preview widths. It waits for the preview to show the text it expects before each picture, and
  grabs the screen with `import -window root`, cropped to the window or the part being shown.

The pictures are written as PNG; a picture over MAX_BYTES is reduced to a palette (screenshots of
a user interface have few colours, so that loses nothing one can see).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCREEN = (1600, 1000)
MAX_BYTES = 300_000
PREVIEW_WIDTH = 560  # the preview dock, about as wide as on a first start
WAIT_S = 30.0  # for the preview's first page (Chromium starts) and every later one
SHOTS = (
    "main-window",
    "photo",
    "photo-notices",
    "related-links",
    "details",
    "preview",
    "social-card",
    "search-result",
    "export",
    "check",
    "check-navigate",
    "export-errors",
    "spelling",
    "publication-settings",
    "social-card-publication",
    "printed-proof",
    "layout-broadsheet",
    "layout-tabloid",
    "layout-magazine",
)
# Variables of a desktop session that would change how Qt looks or scales.
_DESKTOP_VARIABLES = (
    "QT_QPA_PLATFORMTHEME",
    "QT_STYLE_OVERRIDE",
    "QT_SCALE_FACTOR",
    "QT_SCREEN_SCALE_FACTORS",
    "QT_AUTO_SCREEN_SCALE_FACTOR",
    "QT_ENABLE_HIGHDPI_SCALING",
    "QT_FONT_DPI",
    "XDG_CURRENT_DESKTOP",
    "DESKTOP_SESSION",
    "WAYLAND_DISPLAY",
    "NEWSDESK_PREVIEW",
)


# --- outer part: private home, X server, the inner run --------------------------------------------
def _free_display() -> int:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    raise SystemExit("no free X display number between :90 and :199")


def _start_xvfb() -> tuple[subprocess.Popen, str]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("Xvfb is not installed (Debian/Ubuntu: apt-get install xvfb)")
    number = _free_display()
    width, height = SCREEN
    server = subprocess.Popen(
        [
            xvfb,
            f":{number}",
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-dpi",
            "96",
            "-nolisten",
            "tcp",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not socket.exists():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            raise SystemExit(f"Xvfb did not start on :{number}")
        time.sleep(0.05)
    return server, f":{number}"


def _private_environment(home: Path, display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _DESKTOP_VARIABLES}
    folders = {
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_RUNTIME_DIR": home.parent / "runtime",
    }
    for folder in (*folders.values(), home / "Documents"):
        folder.mkdir(parents=True, exist_ok=True)
    folders["XDG_RUNTIME_DIR"].chmod(0o700)
    env.update({name: str(folder) for name, folder in folders.items()})
    env.update(
        HOME=str(home),
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        LANGUAGE="en",
        # Chromium refuses its sandbox as root (containers, CI); only this run goes without it.
        QTWEBENGINE_DISABLE_SANDBOX="1",
    )
    return env


def outer(args: argparse.Namespace) -> int:
    if shutil.which("import") is None:
        raise SystemExit(
            "ImageMagick's `import` is missing (Debian/Ubuntu: apt-get install imagemagick)"
        )
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    server = None
    display = os.environ.get("DISPLAY", "")
    if args.xvfb or not display:
        server, display = _start_xvfb()
    root = Path(tempfile.mkdtemp(prefix="newsdesk-screenshots-"))
    try:
        env = _private_environment(root / "home", display)
        command = [sys.executable, str(Path(__file__).resolve()), "--inside", "--out", str(out)]
        if args.only:
            command += ["--only", *args.only]
        return subprocess.run(command, env=env, cwd=str(root)).returncode
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(5)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(root, ignore_errors=True)


# --- inner part: the window, driven ---------------------------------------------------------------
class Shooter:
    """The window, and how to wait for it and photograph it."""

    def __init__(self, out: Path, only: set[str]) -> None:
        from PySide6.QtWidgets import QApplication

        from newsdesk.gui.app import create_application
        from newsdesk.gui.main_window import MainWindow

        self.out = out
        self.only = only
        self.app = create_application()
        self.app.setStyle("Fusion")  # the same look on every machine
        self.app.setPalette(self.app.style().standardPalette())
        self.window = MainWindow()
        self.window.setGeometry(0, 0, *SCREEN)
        self.window.show()
        self.window.activateWindow()
        self.wait_until(lambda: QApplication.activeWindow() is self.window, timeout=5, strict=False)
        self.panes = self.window.panes
        self.preview = self.panes.preview
        if self.preview.is_simplified:
            # The guide shows the real preview; a fallback picture would mislead its readers.
            raise SystemExit(f"the preview is the simplified one: {self.preview.view.notice}")
        self.written: list[Path] = []

    # --- waiting ---------------------------------------------------------------------------------

    def settle(self, seconds: float = 0.3) -> None:
        """Let Qt and Chromium paint: process events for a while."""
        from PySide6.QtWidgets import QApplication

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)

    def wait_until(
        self, predicate: Callable[[], bool], timeout: float = WAIT_S, *, strict: bool = True
    ) -> bool:
        from PySide6.QtWidgets import QApplication

        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                if strict:
                    raise TimeoutError("the window did not get there in time")
                return False
            QApplication.processEvents()
            time.sleep(0.01)
        return True

    def page_text(self) -> str:
        box: list[str] = []
        self.preview.page_text(box.append)
        self.wait_until(lambda: bool(box))
        return box[0] or ""

    def wait_for_page(self, *texts: str) -> None:
        """Render now and wait until the preview's page shows every one of `texts`."""
        self.preview.refresh_now()
        self.wait_until(lambda: all(text in self.page_text() for text in texts))
        self.settle(0.8)  # the page is there; give Chromium a moment to paint it

    # --- layout ----------------------------------------------------------------------------------

    def left_column(self, width: int, tree_height: int, preview: int = PREVIEW_WIDTH) -> None:
        """The outline's and the tabs' column `width` wide, the outline `tree_height` high,
        the preview `preview` wide; the editor takes the rest."""
        from PySide6.QtCore import Qt

        window, panes = self.window, self.panes
        window.resizeDocks(
            [window.sections_dock, panes.preview_dock],
            [width, preview],
            Qt.Orientation.Horizontal,
        )
        window.resizeDocks(
            [window.sections_dock, panes.details_dock],
            [tree_height, SCREEN[1] - tree_height],
            Qt.Orientation.Vertical,
        )
        self.settle(0.2)

    def raise_dock(self, dock) -> None:
        dock.show()
        dock.raise_()
        self.settle(0.2)

    # --- pictures --------------------------------------------------------------------------------

    def wanted(self, name: str) -> bool:
        return not self.only or name in self.only

    def rect_of(self, widget, margin: int = 0):
        """The widget's rectangle on the screen, grown by `margin`, kept on the screen."""
        from PySide6.QtCore import QRect

        top_left = widget.mapToGlobal(widget.rect().topLeft())
        rect = QRect(top_left, widget.size()).adjusted(-margin, -margin, margin, margin)
        return rect.intersected(QRect(0, 0, *SCREEN))

    def left_column_rect(self):
        """The left column on the screen: the outline, the tabbed panes and their tab bar."""
        top = self.rect_of(self.window.sections_dock)
        bottom = self.rect_of(self.window.statusBar()).top() - 1
        top.setBottom(bottom)
        return top

    def shoot(self, name: str, rect=None) -> None:
        """Grab the screen (or `rect` of it) into OUT/name.png."""
        if not self.wanted(name):
            return
        from PySide6.QtCore import QRect

        self.settle(0.4)
        rect = rect or QRect(0, 0, *SCREEN)
        target = self.out / f"{name}.png"
        geometry = f"{rect.width()}x{rect.height()}+{rect.x()}+{rect.y()}"
        subprocess.run(
            ["import", "-window", "root", "-crop", geometry, "+repage", str(target)],
            check=True,
        )
        _keep_small(target)
        self.written.append(target)
        print(
            f"{target.relative_to(REPO) if target.is_relative_to(REPO) else target}: "
            f"{rect.width()}x{rect.height()}, {target.stat().st_size // 1024} KB"
        )


def _keep_small(path: Path) -> None:
    """A picture over MAX_BYTES is written again with a palette of 256 colours."""
    if path.stat().st_size <= MAX_BYTES:
        return
    from PIL import Image

    with Image.open(path) as picture:
        reduced = picture.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT, dither=0)
    reduced.save(path, optimize=True)


# --- the articles ---------------------------------------------------------------------------------
def make_articles(folder: Path) -> tuple[Path, Path]:
    """A copy of the sample article, and a second copy with problems for the Check tab."""
    from newsdesk.model.article import RelatedLink
    from newsdesk.sample import sample_article
    from newsdesk.store import create_project

    clean = folder / "night-ferry.newsdesk"
    create_project(clean, sample_article()).close()

    article = sample_article()
    photo = article.images[0]
    photo.alt = ""  # forgotten alt text
    photo.credit = ""  # and credit
    article.description = ""
    article.related.links.insert(2, RelatedLink(title="Council minutes of 26 November", url=""))
    draft = folder / "night-ferry-draft.newsdesk"
    create_project(draft, article).close()
    return clean, draft


# --- the daily workflow, shot by shot -------------------------------------------------------------
def write(shot: Shooter) -> None:
    """Typing in a section, a phrase made bold, the preview following at the pane's width."""
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    window = shot.window
    shot.left_column(340, 330, preview=620)
    shot.raise_dock(shot.panes.details_dock)
    shot.preview.set_preset("fit")
    window.go_to_section("funding")
    editor = window.editor
    # Make "about 410,000 euros a year" bold, as with the mouse and Ctrl+B.
    cursor = editor.document().find("about 410,000 euros a year")
    editor.setTextCursor(cursor)
    window.editor.bold_action.trigger()
    # Go on typing at the end of the section's first paragraph.
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    QTest.keyClicks(editor, " Fares for the late boat will match the daytime ones.")
    shot.wait_for_page("match the daytime ones")
    window.update_counts()
    shot.shoot("main-window")


def spelling(shot: Shooter) -> None:
    """A misspelt word typed in the text, marked, and its context menu open on it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent, QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMenu

    window = shot.window
    editor = window.editor
    typo = "untill"
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    QTest.keyClicks(editor, f" The late boat runs {typo} March.")
    shot.wait_until(lambda: window.spelling.service.started)
    shot.settle(0.8)  # the marks are drawn on the next turns of the event loop
    found = editor.document().find(typo)
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 2)
    point = editor.cursorRect(cursor).center()

    def photograph() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(100, photograph)
            return
        shot.settle(0.5)
        rect = shot.rect_of(editor)
        rect.setRight(menu.geometry().right() + 8)
        rect.setBottom(menu.geometry().bottom() + 8)
        shot.shoot("spelling", rect)
        menu.close()

    QTimer.singleShot(200, photograph)
    viewport = editor.viewport()
    # The click on the word; the menu opens just below it, so the marked word stays in sight.
    below = viewport.mapToGlobal(point)
    below.setY(below.y() + editor.cursorRect(cursor).height())
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, below)
    QApplication.sendEvent(viewport, event)  # returns when the menu closes
    for _step in range(5):  # the sentence is not part of the other pictures
        if typo not in editor.toPlainText():
            break
        window.article_state.undo()


def photo(shot: Shooter) -> None:
    """The Photos tab: the photo cropped to 4:3 with a focal point, and its fields filled in."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QScrollArea

    window, pane = shot.window, shot.panes.images
    shot.left_column(395, 172)
    shot.preview.set_preset("fit")
    window.panes.show_tree_node("image:lead-photo")
    shot.settle(0.3)
    # 4:3 on a 16:10 photo: the parts the crop leaves out are shaded at both sides.
    pane.set_crop("4:3")
    shot.settle(0.3)
    # The focal point, chosen with a click on the ferry.
    spot = pane.photo_view.position_of(0.62, 0.55).toPoint()
    QTest.mouseClick(
        pane.photo_view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(spot)
    )
    # The caption, as typed: one command when the field is left.
    caption = pane.fields.caption_edit
    caption.setFocus()
    caption.selectAll()
    QTest.keyClicks(caption, "The last ferry of the day leaves Larsby harbour at dusk.")
    pane.fields.commit_field("caption")
    pane.fields.alt_edit.setFocus()
    # Show the start of a long text, as after clicking into it.
    pane.fields.alt_edit.setCursorPosition(0)
    pane.fields.disclaimer_edit.moveCursor(QTextCursor.MoveOperation.Start)
    # Scroll the pane so that every field down to the notice is in view.
    pane.findChild(QScrollArea).ensureWidgetVisible(pane.fields.disclaimer_edit, 0, 12)
    shot.preview.view.scroll_to_y(0)
    shot.wait_for_page("The last ferry of the day")
    shot.preview.view.scroll_to_y(0)
    shot.settle(0.5)
    shot.shoot("photo")

    menu = pane.fields.presets_menu
    button = pane.fields.presets_button
    menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
    shot.settle(0.5)
    area = shot.rect_of(pane.fields).united(shot.rect_of(menu, 8))
    shot.shoot("photo-notices", area.adjusted(-8, -8, 8, 8))
    menu.hide()


def related_links(shot: Shooter) -> None:
    """The Related Links tab, a web address pasted into the "Add a link" field."""
    from PySide6.QtGui import QGuiApplication, QKeySequence
    from PySide6.QtTest import QTest

    pane = shot.panes.related
    shot.left_column(440, 260)
    shot.preview.set_preset("fit")
    shot.raise_dock(shot.panes.links_dock)
    QGuiApplication.clipboard().setText("https://example.org/news/ferry-fares-compared")
    pane.new_link.setFocus()
    QTest.keySequence(pane.new_link, QKeySequence(QKeySequence.StandardKey.Paste))
    shot.settle(0.3)
    shot.preview.view.scroll_to_element("related-heading")
    shot.wait_for_page("Ferry fares compared")
    shot.preview.view.scroll_to_element("related-heading")
    shot.settle(0.5)
    shot.shoot("related-links")


def details(shot: Shooter) -> None:
    """The Details tab with every field of the sample filled in."""
    shot.left_column(440, 300)
    shot.raise_dock(shot.panes.details_dock)
    shot.window.editor.setFocus()
    shot.settle(0.3)
    shot.shoot("details", shot.left_column_rect())


def preview(shot: Shooter) -> None:
    """The preview at the pane's width (Fit), then the social card and the search result."""
    pane = shot.preview
    shot.left_column(340, 330)
    shot.raise_dock(shot.panes.details_dock)
    shot.window.go_to_section("lead")
    pane.tabs.setCurrentIndex(0)
    pane.set_preset("fit")
    pane.view.scroll_to_y(0)
    shot.wait_for_page("night ferry")
    pane.view.scroll_to_y(0)
    shot.settle(0.5)
    shot.shoot("preview")
    for index, name, card in (
        (1, "social-card", pane.social_card),
        (2, "search-result", pane.search_snippet),
    ):
        pane.tabs.setCurrentIndex(index)
        shot.settle(0.8)
        # The dock down to a little below the card: the rest of the tab is empty.
        area = shot.rect_of(shot.panes.preview_dock)
        bottom = card.mapToGlobal(card.childrenRect().bottomLeft()).y() + 24
        area.setBottom(min(area.bottom(), bottom))
        shot.shoot(name, area)
    pane.tabs.setCurrentIndex(0)


def house_layouts(shot: Shooter) -> None:
    """The preview in each built-in house layout (View > Page Layout), then back to none."""
    from PySide6.QtGui import QAction

    pane = shot.preview
    shot.left_column(300, 330, preview=760)
    pane.tabs.setCurrentIndex(0)
    pane.set_preset("fit")
    for name in ("broadsheet", "tabloid", "magazine"):
        shot.window.findChild(QAction, f"layout_{name}").trigger()
        shot.wait_until(lambda n=name: f"/* House layout: {n} */" in pane.page_html)
        shot.wait_for_page("night ferry")
        pane.view.scroll_to_y(0)
        shot.settle(0.8)
        shot.shoot(f"layout-{name}", shot.rect_of(shot.panes.preview_dock))
    shot.window.findChild(QAction, "layout_publication").trigger()
    shot.wait_until(lambda: "/* House layout:" not in pane.page_html)


def export_dialog(shot: Shooter, name: str) -> None:
    """File > Export HTML…, as the window asks it (shown, not run, so it can be photographed)."""
    from newsdesk.gui.files.export import preflight_errors
    from newsdesk.gui.files.export_dialog import ExportDialog

    files = shot.window.files
    files.bring_up_to_date()
    dialog = ExportDialog(
        files.settings,
        files.suggested_path().with_suffix(".html"),
        slug=files.article.slug,
        errors=preflight_errors(files.article),
        parent=shot.window,
    )
    # As a journalist would type it: the page goes to Documents in the home folder.
    dialog.target_edit.setText(f"~/Documents/{files.article.slug}.html")
    dialog.open_check.setChecked(True)
    dialog.show()
    shot.settle(0.5)
    shot.shoot(name, shot.rect_of(dialog, 6))
    dialog.reject()
    dialog.deleteLater()


def publication(shot: Shooter) -> None:
    """File > Publication Settings… with the paper's profile filled in and chosen for the article;
    then the link card as the page now gives it (the site's host, the image's absolute address
    in the export) and the printed proof's first page (the PDF the export writes)."""
    from newsdesk.gui.publish.page_profile import forget_cached
    from newsdesk.gui.publish.profiles_dialog import PublicationSettingsDialog
    from newsdesk.model.publication_commands import SetArticlePublication
    from newsdesk.publication import PublicationProfile, Publications, save_publications

    gazette = PublicationProfile(
        name="Harbour Gazette",
        site_name="The Harbour Gazette",
        base_url="https://harbourgazette.example/news",
        publisher_name="Harbour Gazette Media",
        publisher_logo_url="https://harbourgazette.example/logo.png",
        author_url="https://harbourgazette.example/staff/jonas-weller",
        twitter_handle="@harbourgazette",
        language="en-GB",
    )
    weekly = PublicationProfile(
        name="Islands Weekly", site_name="Islands Weekly", base_url="https://islands.example"
    )
    window = shot.window
    dialog = PublicationSettingsDialog(Publications([gazette, weekly]), "", parent=window)
    dialog.choice.setCurrentIndex(dialog.choice.findData(gazette.name))
    dialog.show()
    shot.settle(0.5)
    shot.shoot("publication-settings", shot.rect_of(dialog, 6))
    publications = dialog.publications
    dialog.reject()
    dialog.deleteLater()
    # What Save does (profiles_dialog.edit_publication_settings): the profiles written, the choice
    # one undoable edit of the article.
    save_publications(publications)
    forget_cached()
    window.article_state.push_command(SetArticlePublication(gazette.name))

    pane = shot.preview
    shot.left_column(340, 330)
    pane.tabs.setCurrentIndex(1)
    shot.wait_until(lambda: pane.social_card.host.text() == "HARBOURGAZETTE.EXAMPLE")
    shot.settle(0.8)
    card = pane.social_card
    area = shot.rect_of(shot.panes.preview_dock)
    bottom = card.mapToGlobal(card.childrenRect().bottomLeft()).y() + 24
    area.setBottom(min(area.bottom(), bottom))
    shot.shoot("social-card-publication", area)
    pane.tabs.setCurrentIndex(0)
    if shot.wanted("printed-proof"):
        printed_proof(shot, gazette)


def printed_proof(shot: Shooter, profile) -> None:
    """The PDF proof of the open article, its first page as a picture (pdftoppm)."""
    from newsdesk.formats.exporters import ExportOptions
    from newsdesk.gui.printing import export_pdf

    files = shot.window.files
    files.bring_up_to_date()
    with tempfile.TemporaryDirectory() as folder:
        proof = Path(folder) / "proof.pdf"
        export_pdf(files.article, proof, ExportOptions(paper="a4", profile=profile))
        target = shot.out / "printed-proof"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(proof),
             str(target)],
            check=True,
        )  # fmt: skip
    picture = target.with_suffix(".png")
    _keep_small(picture)
    shot.written.append(picture)
    print(f"{picture.name}: {picture.stat().st_size // 1024} KB")


def check(shot: Shooter, draft: Path) -> None:
    """The copy with problems: its findings in the Check tab, then one click on a finding."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window, panel = shot.window, shot.panes.preflight
    if not window.open_path(draft):
        raise RuntimeError(f"could not open {draft}")
    shot.left_column(440, 260)
    shot.preview.set_preset("fit")
    shot.raise_dock(shot.panes.check_dock)
    panel.refresh_now()
    shot.wait_for_page("Council minutes")
    shot.shoot("check", shot.left_column_rect())

    items = [panel.list.item(row) for row in range(panel.list.count())]
    wanted = next(i for i in items if i.data(Qt.ItemDataRole.UserRole) == "related:2")
    rect = panel.list.visualItemRect(wanted)
    QTest.mouseClick(
        panel.list.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )
    shot.settle(0.3)
    shot.preview.view.scroll_to_element("related-heading")
    shot.settle(0.6)
    shot.shoot("check-navigate")


def inside(args: argparse.Namespace) -> int:
    out = Path(args.out)
    shot = Shooter(out, set(args.only or ()))
    clean, draft = make_articles(Path(os.environ["HOME"]) / "Documents")
    if not shot.window.open_path(clean):
        raise RuntimeError(f"could not open {clean}")
    shot.wait_for_page("Harbour council backs a night ferry")
    write(shot)
    if shot.wanted("spelling"):
        spelling(shot)
    photo(shot)
    related_links(shot)
    details(shot)
    preview(shot)
    if any(shot.wanted(f"layout-{name}") for name in ("broadsheet", "tabloid", "magazine")):
        house_layouts(shot)
    export_dialog(shot, "export")
    publication(shot)
    check(shot, draft)
    export_dialog(shot, "export-errors")
    shot.window.close()
    shot.settle(0.2)
    print(f"{len(shot.written)} screenshots in {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        default=str(REPO / "docs" / "screenshots"),
        help="where the PNG files go (default: docs/screenshots)",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=SHOTS,
        metavar="NAME",
        help=f"take only these: {', '.join(SHOTS)}",
    )
    parser.add_argument(
        "--xvfb", action="store_true", help="use a private Xvfb screen even when DISPLAY is set"
    )
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    return inside(args) if args.inside else outer(args)


if __name__ == "__main__":
    sys.exit(main())
