"""The window as `newsdesk FILE` starts it, in a process of its own: Qt WebEngine is loaded and the
preview's URL scheme registered only after the first paint, and the preview still shows the page
with its photo served from the scheme."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from newsdesk.sample import sample_article
from tests.gui.window_helpers import make_project

START = r"""
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from newsdesk.gui.app import create_application
from newsdesk.gui.main_window import MainWindow

loaded_early = "PySide6.QtWebEngineCore" in sys.modules
app = create_application()
window = MainWindow()
window.defer_secondary_work()
assert window.open_path(Path(sys.argv[1]))
window.show()
loaded_before_paint = "PySide6.QtWebEngineCore" in sys.modules
pane = window.panes.preview


def check(text):
    from PySide6.QtWebEngineCore import QWebEngineUrlScheme

    scheme = QWebEngineUrlScheme.schemeByName(b"newsdesk-preview").name().data()
    photos = sum(pane.view.handler.requested.values())
    headline = window.article.headline in text
    print(f"early={loaded_early} before_paint={loaded_before_paint} scheme={scheme.decode()} "
          f"simplified={pane.is_simplified} photos={photos} headline={headline}", flush=True)
    if photos == 0:
        QTimer.singleShot(200, lambda: pane.page_text(check))  # the photo may still be on its way
        return
    app.exit(0)


pane.page_shown.connect(lambda _how: pane.page_text(check))
QTimer.singleShot(90_000, lambda: app.exit(4))
sys.exit(app.exec())
"""


def test_the_preview_starts_after_the_first_paint_and_shows_the_page(tmp_path: Path):
    path = make_project(tmp_path / "sample.newsdesk", sample_article())
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_DISABLE_SANDBOX": "1",  # tests may run as root
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop("NEWSDESK_PREVIEW", None)
    done = subprocess.run(
        [sys.executable, "-c", START, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("early=False before_paint=False scheme=newsdesk-preview"), last
    assert "simplified=False" in last and "headline=True" in last
