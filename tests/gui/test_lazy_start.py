"""Start time (issue 18): what the first window does not show is neither imported nor built before
its first paint, and the Photos and Related Links panes are built when their dock is first shown,
wired as if they had been there from the start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.sample import sample_article
from tests.gui.window_helpers import make_project, new_window

# `newsdesk FILE` with a report at the first paint: the modules loaded and the panes built by then.
FIRST_PAINT_REPORT = r"""
import json
import os
import sys
from pathlib import Path

from newsdesk.gui import app, main_window
from newsdesk.gui.first_paint import after_first_paint

defer = main_window.MainWindow.defer_secondary_work


def report_at_first_paint(window):
    def report():
        Path(sys.argv[2]).write_text(json.dumps({
            "modules": sorted(sys.modules),
            "built": {name: window.panes.is_built(name) for name in ("images", "related")},
            "title": window.windowTitle(),
        }))
        os._exit(0)  # the report is all this process is for; nothing was changed

    after_first_paint(window, report)  # first in line, before the work that waits for the paint
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
    assert state["built"] == {"images": False, "related": False}


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
    panes = window.panes
    assert not panes.is_built("images") and not panes.is_built("related")
    highlighters = len(window.spelling._field_highlighters)

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
