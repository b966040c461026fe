"""Start time (issue 18): what the first window does not show is neither imported nor built before
its first paint, and the Photos, Related Links and Check panes are built when their dock is first
shown, the find dialog at the first Ctrl+F, the whole-article view at the first switch to it and
focus mode's options at their first use, each wired as if it had been there from the start."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from newsdesk.gui.first_paint import window_painted
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.sample import sample_article
from tests.gui.window_helpers import make_project, new_window

# `newsdesk FILE` with a report at the first paint: the modules loaded and the panes built by then.
FIRST_PAINT_REPORT = r"""
import gc
import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from newsdesk.gui import app, main_window
from newsdesk.gui.first_paint import after_first_paint

defer = main_window.MainWindow.defer_secondary_work


class ModulesAtPaint(QObject):
    # What is imported when the window is painted, before any work that waits for the paint.

    modules = None

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.modules is None:
            self.modules = sorted(sys.modules)
        return False


def report_at_first_paint(window):
    at_paint = ModulesAtPaint(window)
    window.installEventFilter(at_paint)

    def report():
        state = {
            "modules": at_paint.modules,
            "built": {
                name: window.panes.is_built(name) for name in ("images", "related", "check")
            },
            "find dialog": window.finder.is_built(),
            "title": window.windowTitle(),
            "collector paused": not gc.isenabled(),
            "icon at paint": not QApplication.windowIcon().isNull(),
        }

        def finish():  # after the rest of the work that waits for the paint
            state["icon after"] = not QApplication.windowIcon().isNull()
            Path(sys.argv[2]).write_text(json.dumps(state))
            os._exit(0)  # the report is all this process is for; nothing was changed

        QTimer.singleShot(0, finish)

    after_first_paint(window, report)
    defer(window)


main_window.MainWindow.defer_secondary_work = report_at_first_paint
sys.exit(app.main([sys.argv[1]]))
"""

# Each is loaded at first use: a menu, a dialog, a paste, a pane's first show, the web view.
NOT_BEFORE_FIRST_PAINT = (
    "mammoth",  # the Word importer
    "docx",  # the Word exporter
    "yaml",  # Markdown front matter (importers)
    "PIL",  # photos are decoded by the thumbnailer after the paint
    "PySide6.QtWebEngineCore",  # the preview's web view comes after the paint
    "PySide6.QtPrintSupport",
    "newsdesk.formats.importers",
    "newsdesk.formats.importing",
    "newsdesk.formats.markdown_export",
    "newsdesk.formats.agency_text",
    "newsdesk.formats.exporters",
    "newsdesk.gui.files.export_formats",
    "newsdesk.gui.files.revisions_dialog",
    "newsdesk.gui.printing",
    "newsdesk.publish",
    "newsdesk.gui.photos.photo_pane",
    "newsdesk.gui.links.related_links_pane",
    "newsdesk.gui.check.check_panel",  # the Check pane, with the check's messages
    "newsdesk.gui.check.finding_messages",
    "newsdesk.gui.editor.find_replace_dialog",  # the find dialog and the article search
    "newsdesk.gui.editor.whole_article",  # the whole-article view and its selections
    "newsdesk.gui.editor.cross_selection",
    "newsdesk.gui.focus_comfort",  # focus mode's typewriter scrolling and dimming
    "newsdesk.gui.files.drafts_dialog",  # never-saved articles are offered after the paint
    "markdown",  # the first section is plain prose (formats.plain_prose): no Python-Markdown
    "newsdesk.formats.markdown_dialect",
    "nh3",  # nor the sanitiser,
    "html.parser",  # nor the page's HTML to read it back (markdown_blocks.markdown_to_blocks)
    "newsdesk.formats.markdown_blocks_html",
    "newsdesk.model.preflight",  # the check runs after the paint; the Details pane counts alone
    "newsdesk.spelling",  # the checker, its marks and menus start after the paint
    "newsdesk.gui.spelling.context_menu",
    "newsdesk.gui.spelling.spelling_places",
    "newsdesk.model.spelling_check",
    "newsdesk.gui.preview.social_previews",  # the link card and search result tabs, first shown
    "newsdesk.gui.preview.head_data",
    "hashlib",  # OpenSSL: no digest is needed to open and show an article
    "newsdesk.formats.markdown_writer",  # Markdown is written at the first save,
    "newsdesk.formats.typography",  # the page's typography applied at the first word typed
    "newsdesk.model.counts",  # counted after the paint (the outline's counts are held)
    "secrets",
)


def test_the_first_paint_comes_before_what_the_window_does_not_show(tmp_path: Path):
    project = make_project(tmp_path / "harbour.newsdesk", sample_article())
    report = tmp_path / "first-paint.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_DISABLE_SANDBOX": "1",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_REPORT, str(project), str(report)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and report.is_file(), (done.stdout + done.stderr)[-2000:]
    state = json.loads(report.read_text(encoding="utf-8"))
    assert state["title"].startswith("harbour.newsdesk")  # the article's window was painted
    loaded = set(state["modules"])
    assert "newsdesk.gui.main_window" in loaded
    assert sorted(loaded.intersection(NOT_BEFORE_FIRST_PAINT)) == []
    assert state["built"] == {"images": False, "related": False, "check": False}
    assert state["find dialog"] is False
    # app.main pauses the garbage collector until the window is on screen (docs/PERFORMANCE.md)
    assert state["collector paused"] is True
    # The application's icon (an SVG, with Qt's SVG plugin) is read right after the paint.
    assert state["icon at paint"] is False and state["icon after"] is True


def test_the_collector_runs_again_once_the_window_is_shown(qtbot, tmp_path, monkeypatch):
    """The pause ends after the first paint, with the start's objects frozen, and also when
    the window does not open."""
    from newsdesk.gui import app

    monkeypatch.setattr(gc, "freeze", lambda: None)  # the test process's objects stay as they are
    shown = []

    def run_without_exec(argv):
        assert not gc.isenabled()
        shown.append(argv)
        return 3

    monkeypatch.setattr(app, "_run", run_without_exec)
    assert app.main(["x.newsdesk"]) == 3 and shown == [["x.newsdesk"]]
    assert gc.isenabled()
    gc.disable()
    app._collect_once_shown()
    assert gc.isenabled()


def harbour_article() -> Article:
    return Article(
        headline="Night ferry gets a second crew",
        language="en",
        sections=[Section(markdown="The late crossing now has two crews on board.", id="lead")],
        images=[Image(role="lead", caption="The ferry at the pier", credit="Port office", id="p")],
        related=RelatedLinks("Read more", [RelatedLink("Timetable", "https://example.org/t")]),
    )


def test_the_photos_pane_is_built_when_its_tab_is_first_shown(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    assert window.open_path(make_project(tmp_path / "ferry.newsdesk", harbour_article()))
    # As for anyone who clicks: the window is on screen and its deferred start has run (exposed
    # is not enough; the work after the paint waits for the next turn of the event loop).
    qtbot.waitUntil(lambda: window_painted(window))
    panes = window.panes
    assert not panes.is_built("images") and not panes.is_built("related")
    highlighters = len(window.spelling._field_highlighters)
    assert highlighters > 0  # the Details pane's description is checked from the start

    panes.photos_dock.raise_()  # what a click on its tab does
    qtbot.waitUntil(lambda: panes.is_built("images"))
    images = panes.photos_dock.widget()
    assert images is panes.images and images.isVisible()
    assert images.current_image_id() == "p"  # it shows the article it was built for
    # Wired as the other panes: its caption is spell-checked, typing in it is a pending change.
    assert len(window.spelling._field_highlighters) == highlighters + 1
    assert not window.files.autosave.pending
    images.edited.emit()
    assert window.files.autosave.pending
    assert not panes.is_built("related")  # still behind its tab


def test_a_pane_built_later_takes_the_read_only_state_and_saves_its_fields(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    window.article_state.set_article(harbour_article())
    panes = window.panes
    panes.set_read_only(True)
    panes.links_dock.raise_()
    qtbot.waitUntil(lambda: panes.is_built("related"))
    assert panes.related.new_link.isReadOnly()
    panes.set_read_only(False)
    assert not panes.related.new_link.isReadOnly()
    assert panes.links_dock.widget() is panes.related
    # Asking for a pane that was never shown builds it at once, with the article in it.
    assert panes.images.fields.caption_edit.toPlainText() == "The ferry at the pier"
    panes.commit()  # both built panes commit before a save, nothing pending: no change
    assert window.article.images[0].caption == "The ferry at the pier"


def test_pyside_learns_whether_a_module_uses_it_without_reading_its_source(tmp_path, monkeypatch):
    import linecache

    import newsdesk.gui  # noqa: F401  (installs the answer: gui/qt_workarounds.py)

    feature = sys.modules["PySide6.support.feature"]
    (tmp_path / "uses_qt_here.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain_here.py").write_text("import json\nVALUE = json.dumps(1)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    exec("import uses_qt_here, plain_here", {})  # through the import statement, as the app does
    # The same answer as PySide6's own reading of the source: 0 uses PySide6, -1 does not.
    assert feature.pyside_feature_dict["uses_qt_here"] == 0
    assert feature.pyside_feature_dict["plain_here"] == -1
    assert not any(name.endswith(("uses_qt_here.py", "plain_here.py")) for name in linecache.cache)


def test_the_check_pane_is_built_on_first_show_with_what_came_before_it(qtbot, tmp_path):
    from newsdesk.gui.first_paint import window_painted
    from newsdesk.model.preflight import Finding

    window = new_window(qtbot, tmp_path, show=False)
    window.defer_secondary_work()  # as at start: the check waits for the first paint
    panes = window.panes
    hidden_label = Finding("warning", "layout-label-hidden", "the credit is hidden", "images")
    panes.set_layout_findings([hidden_label])  # the layout check measured before the pane came
    panes.recheck()  # the spelling's word lists changed: nothing to check yet
    assert window.open_path(make_project(tmp_path / "ferry.newsdesk", harbour_article()))
    panes.check_dock.raise_()  # its tab in front, as a remembered layout may have it
    assert not panes.is_built("check")
    window.show()  # the dock is shown with the window: its pane is built for the first paint
    assert panes.is_built("check")
    check = panes.preflight
    assert check is panes.check_dock.widget()
    checked: list[bool] = []
    check.refreshed.connect(lambda: checked.append(window_painted(window)))
    qtbot.waitUntil(lambda: bool(checked))
    assert checked == [True]  # held until the window is on screen, as a pane built with it
    codes = [finding.code for finding in check.findings()]
    assert "layout-label-hidden" in codes  # what LabelWatch measured reached the pane
    assert check.list.count() == len(codes)
    # Wired as before: a finding leads to what it names, the spelling is its source.
    assert check.spelling_source() is window.spelling.service.active
    assert not panes.is_built("related")
    check.finding_activated.emit("related", "")  # a click on a finding about the related links
    qtbot.waitUntil(lambda: panes.is_built("related") and panes.related.isVisible())


def test_the_find_dialog_comes_at_the_first_ctrl_f_and_finds_in_the_text(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = new_window(qtbot, tmp_path)
    assert window.open_path(make_project(tmp_path / "ferry.newsdesk", harbour_article()))
    assert not window.finder.is_built()
    QTest.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.finder.is_built() and window.finder.dialog.isVisible())
    dialog = window.finder.dialog
    assert dialog.windowTitle() == "Find"
    dialog.find_edit.setText("crews")
    window.window_actions.find_next.trigger()  # F3: the window's action, the dialog's search
    cursor = window.editor.textCursor()
    assert cursor.selectedText() == "crews"
    window.window_actions.replace.trigger()
    assert dialog.windowTitle() == "Find and Replace" and dialog.replace_edit.isVisible()
    assert window.finder.dialog is dialog  # one dialog, made once


def test_the_whole_view_is_made_at_the_first_switch_in_the_window_s_read_only_state(
    qtbot, tmp_path
):
    window = new_window(qtbot, tmp_path)
    assert window.open_path(make_project(tmp_path / "ferry.newsdesk", harbour_article()))
    views = window.views
    assert views._whole_view is None and not views.is_whole
    views.set_read_only(True)
    views.whole_action.trigger()  # View > Whole Article
    assert views._whole_view is not None and views.whole_view.isVisible()
    assert views.whole_view.hosted_section == "lead"
    slot = views.whole_view.slot("lead")
    assert slot is not None and slot.heading.edit.isReadOnly()
    views.single_action.trigger()
    assert not views.whole_view.isVisible() and window.editor.isVisible()


def test_a_remembered_whole_view_is_made_at_start(qtbot, tmp_path):
    first = new_window(qtbot, tmp_path)
    first.views.whole_action.trigger()
    assert first.close()
    again = new_window(qtbot, tmp_path)
    assert again.views._whole_view is not None and again.views.whole_view.isVisible()
    assert again.close()


def test_focus_options_are_made_when_the_focus_menu_first_opens(qtbot, tmp_path):
    window = new_window(qtbot, tmp_path)
    focus = window.window_actions.focus_mode
    assert focus._comfort is None and window.views._whole_view is None
    assert [action.objectName() for action in focus.menu.actions()] == ["action_focus"]
    focus.menu.aboutToShow.emit()  # what opening View > Focus does
    names = [action.objectName() for action in focus.menu.actions()]
    assert names == ["action_focus", "", "action_typewriter_scrolling", "action_dim_paragraphs"]
    focus.menu.aboutToShow.emit()
    assert len(focus.menu.actions()) == 4  # made once
    assert window.views._whole_view is not None and not window.views.whole_view.isVisible()
