"""The preview makes its photos' sizes on worker threads: the GUI thread never decodes a photo,
typing is handled while photos are made, the page shows each photo once it is made, a damaged
photo stays a marked frame, and quitting with photos waiting does not hang."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Iterator

import pytest
from PIL import Image as PILImage
from PySide6.QtCore import QEvent
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

import newsdesk.formats.html_figures as html_figures
import newsdesk.imaging as imaging
from newsdesk.derived_cache import MemoryCache
from newsdesk.errors import ImageError
from newsdesk.formats.html_figures import PREVIEW_WIDTHS
from newsdesk.gui.preview import PreviewPane
from newsdesk.gui.preview.photo_preparer import MAX_IN_FLIGHT, PhotoPreparer
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.image_commands import new_image_from_bytes
from tests.gui.article_states import bridged_state
from tests.gui.preview.child_process import run_offscreen

WAIT_MS = 15_000


def _photo(shade: int, size: tuple[int, int] = (1600, 1067)) -> bytes:
    picture = PILImage.new("RGB", size, (shade, 120, 255 - shade))
    picture.paste((240, 200, 30), (0, 0, size[0] // 4, size[1]))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _harbour_article(photos: int = 3) -> Article:
    images = []
    for number in range(photos):
        image = new_image_from_bytes(_photo(40 * number), f"harbour-{number}.jpg", "inline")
        image.caption = f"The new quay, seen from berth {number + 1}"
        images.append(image)
    body = "The harbour board opened the rebuilt quay on Monday morning.\n\n" + "\n\n".join(
        f"![](image:{image.id})" for image in images
    )
    return Article(
        headline="Rebuilt quay opens to ferries",
        language="en",
        sections=[Section(id="lead", markdown=body)],
        images=images,
    )


class _DeriveRecorder:
    """Stands in for derive_web_sizes: records the calling thread, can hold the workers back."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.go_on = threading.Event()
        self.go_on.set()
        self._real = imaging.derive_web_sizes

    def __call__(self, *args, **kwargs):
        self.threads.append(threading.current_thread())
        self.go_on.wait(timeout=10)
        return self._real(*args, **kwargs)

    @property
    def on_gui_thread(self) -> int:
        return sum(1 for thread in self.threads if thread is threading.main_thread())


@pytest.fixture
def derive(monkeypatch) -> _DeriveRecorder:
    recorder = _DeriveRecorder()
    # The worker looks it up in imaging; the render's own path (web_sizes) in html_figures.
    monkeypatch.setattr(imaging, "derive_web_sizes", recorder)
    monkeypatch.setattr(html_figures, "derive_web_sizes", recorder)
    return recorder


def _dispose(widget) -> None:
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def shown_pane(qtbot) -> Iterator[tuple[PreviewPane, list[str]]]:
    stack = bridged_state(_harbour_article())
    pane = PreviewPane(stack, image_cache=MemoryCache())
    shown: list[str] = []
    pane.page_shown.connect(shown.append)
    pane.resize(900, 600)
    pane.show()
    yield pane, shown
    pane.photo_preparer.wait()
    _dispose(pane)


def _photos_on_page(pane: PreviewPane) -> int:
    return pane.page_html.count('src="preview-images/')


def test_the_page_shows_each_photo_once_it_is_made_off_the_gui_thread(qtbot, derive, shown_pane):
    pane, shown = shown_pane
    qtbot.waitUntil(lambda: _photos_on_page(pane) == 3, timeout=WAIT_MS)
    assert len(derive.threads) == 3
    assert derive.on_gui_thread == 0
    assert 'class="missing-photo"' not in pane.page_html
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)  # and the view showed it


def test_typing_reaches_the_page_while_the_photos_are_still_being_made(qtbot, derive, shown_pane):
    pane, _shown = shown_pane
    derive.go_on.clear()  # the workers hold every photo until the text has been shown
    try:
        qtbot.waitUntil(lambda: "missing-photo" in pane.page_html, timeout=WAIT_MS)
        cursor = QTextCursor(pane._stack.document("lead"))
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(" Ferries berth at the new quay from Tuesday.")
        pane.refresh_now()  # returns at once: nothing waits for a photo
        assert "Ferries berth at the new quay" in pane.page_html
        assert pane.photo_preparer.waiting > 0
        assert _photos_on_page(pane) == 0
    finally:
        derive.go_on.set()
    assert derive.on_gui_thread == 0


def test_a_damaged_photo_stays_a_marked_frame_and_is_tried_once(qtbot, derive):
    good = new_image_from_bytes(_photo(90), "pier.jpg", "lead")
    broken = Image(id="torn", role="inline", data=_photo(10)[:600], width=1600, height=1067)
    cache = MemoryCache()
    preparer = PhotoPreparer(cache, PREVIEW_WIDTHS)
    with qtbot.waitSignals([preparer.ready, preparer.ready], timeout=WAIT_MS):
        assert not preparer.is_ready(good)
        assert not preparer.is_ready(broken)
    assert preparer.is_ready(good)
    assert preparer.is_ready(broken) is None  # could not be made: not tried again
    assert preparer.failed(broken) and not preparer.failed(good)
    assert len(derive.threads) == 2 and derive.on_gui_thread == 0
    qtbot.wait(50)
    assert len(derive.threads) == 2  # the damaged one is not queued again
    assert preparer.waiting == 0
    preparer.wait()


def test_a_damaged_photo_in_the_page_is_a_marked_frame(qtbot, derive):
    article = _harbour_article(photos=1)
    article.images.append(Image(id="torn", role="inline", data=b"\xff\xd8 not a photo"))
    article.images[-1].width, article.images[-1].height = 800, 600
    article.sections[0].markdown += "\n\n![](image:torn)"
    pane = PreviewPane(bridged_state(article), image_cache=MemoryCache())
    pane.resize(900, 600)
    pane.show()
    try:
        qtbot.waitUntil(
            lambda: _photos_on_page(pane) == 1 and pane.photo_preparer.waiting == 0,
            timeout=WAIT_MS,
        )
        pane.refresh_now()
        assert pane.page_html.count('class="missing-photo"') == 1
        assert "Preparing the photo" not in pane.page_html  # tried and failed: not "preparing"
        assert derive.on_gui_thread == 0
    finally:
        pane.photo_preparer.wait()
        _dispose(pane)


def test_quitting_with_photos_waiting_waits_for_those_in_flight_only(qtbot, monkeypatch):
    started: list[float] = []

    def slow(*_args, **_kwargs):
        started.append(time.monotonic())
        time.sleep(0.3)
        raise ImageError("slow fixture photo")

    monkeypatch.setattr(imaging, "derive_web_sizes", slow)
    preparer = PhotoPreparer(MemoryCache(), PREVIEW_WIDTHS)
    images = [new_image_from_bytes(_photo(20 * n, (64, 48)), f"p{n}.jpg") for n in range(8)]
    for image in images:
        preparer.is_ready(image)
    qtbot.waitUntil(lambda: len(started) == MAX_IN_FLIGHT, timeout=WAIT_MS)
    before = time.monotonic()
    assert preparer.wait(5000)
    assert time.monotonic() - before < 2.0
    assert len(started) == MAX_IN_FLIGHT  # the six waiting were dropped, not made
    assert not preparer.is_ready(images[-1])  # nothing is queued after quitting
    qtbot.wait(50)
    assert len(started) == MAX_IN_FLIGHT


def test_a_preparer_deleted_while_a_photo_is_made_does_not_crash(qtbot, derive):
    derive.go_on.clear()
    preparer = PhotoPreparer(MemoryCache(), PREVIEW_WIDTHS)
    preparer.is_ready(new_image_from_bytes(_photo(70), "gull.jpg"))
    qtbot.waitUntil(lambda: len(derive.threads) == 1, timeout=WAIT_MS)
    threading.Timer(0.2, derive.go_on.set).start()  # the photo finishes as the object goes
    preparer.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # its pool waits for it
    qtbot.wait(100)  # the queued result, if any, finds no receiver
    assert derive.on_gui_thread == 0


_QUIT_WHILE_MAKING = """
import io, sys, time
from PIL import Image as PILImage
from newsdesk.gui.preview import PreviewPane, register_preview_scheme

register_preview_scheme()

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from newsdesk.derived_cache import MemoryCache
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.editor.markdown_bridge import document_to_markdown
from newsdesk.gui.editor.section_editor import new_section_document
from newsdesk.model.article import Article, Section
from newsdesk.model.image_commands import new_image_from_bytes


def photo(shade):
    buffer = io.BytesIO()
    PILImage.new("RGB", (2400, 1600), (shade, 90, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


app = QApplication(sys.argv)
images = [new_image_from_bytes(photo(30 * n), f"dock-{n}.jpg", "inline") for n in range(8)]
body = "Cranes at the dock.\\n\\n" + "\\n\\n".join(f"![](image:{i.id})" for i in images)
state = ArticleState(
    Article(headline="Dock", sections=[Section(markdown=body)], images=images),
    document_factory=new_section_document,
    to_markdown=document_to_markdown,
)
pane = PreviewPane(state, image_cache=MemoryCache())
pane.show()


def quit_when_busy():
    if pane.photo_preparer.waiting > 1:
        print("quitting with", pane.photo_preparer.waiting, "photos waiting", flush=True)
        app.quit()
    else:
        QTimer.singleShot(5, quit_when_busy)


QTimer.singleShot(0, quit_when_busy)
app.exec()
print("left the event loop", flush=True)
"""


def test_quitting_the_application_while_photos_are_made_neither_hangs_nor_crashes(tmp_path):
    script = tmp_path / "quit_while_making.py"
    script.write_text(_QUIT_WHILE_MAKING, encoding="utf-8")
    started = time.monotonic()
    done = run_offscreen([str(script)], tmp_path, timeout=60)
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
    assert "quitting with" in done.stdout and "left the event loop" in done.stdout
    assert "Traceback" not in done.stderr
    assert time.monotonic() - started < 30


_DELETE_WHILE_MAKING = (
    _QUIT_WHILE_MAKING.split("def quit_when_busy")[0]
    # Photos whose decoding takes long enough that the deletion meets one in Pillow's hands.
    .replace(
        'PILImage.new("RGB", (2400, 1600), (shade, 90, 160))',
        'PILImage.frombytes("RGB", (3000, 2000), random.Random(shade).randbytes(18_000_000))',
    )
    .replace("import io, sys, time", "import io, random, sys, time")
    + """
from PySide6.QtCore import QEvent
from PySide6.QtTest import QTest


def delete_when_busy():
    if pane.photo_preparer.waiting > 1:
        print("deleting with", pane.photo_preparer.waiting, "photos waiting", flush=True)
        pane.close()
        pane.deleteLater()  # as a window closing deletes its panes, inside the event loop
        QTest.qWait(300)
        print("deleted", flush=True)
        app.quit()
    else:
        QTimer.singleShot(5, delete_when_busy)


QTimer.singleShot(0, delete_when_busy)
app.exec()
print("left the event loop", flush=True)
"""
)


def test_a_pane_deleted_while_a_photo_is_made_does_not_deadlock(tmp_path):
    """A fresh-clone run hung once as a journey's window closed: deleting the pane deleted the
    preparer's QThreadPool, whose destructor waited for the photo with the GIL held while the
    photo's Pillow call waited for the GIL. The pool is now Python's. This guards the path (the
    pane deleted inside the event loop with a photo in Pillow's hands); the race itself is too
    narrow to come up here on demand."""
    script = tmp_path / "delete_while_making.py"
    script.write_text(_DELETE_WHILE_MAKING, encoding="utf-8")
    for _ in range(3):  # the window is narrow: a few tries make the race likely
        done = run_offscreen([str(script)], tmp_path, timeout=60)
        assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
        assert "deleted" in done.stdout and "left the event loop" in done.stdout


def test_photos_waiting_are_dropped_when_another_article_is_shown(qtbot, derive):
    derive.go_on.clear()
    try:
        preparer = PhotoPreparer(MemoryCache(), PREVIEW_WIDTHS)
        images = [new_image_from_bytes(_photo(30 * n, (320, 240)), f"m{n}.jpg") for n in range(4)]
        for image in images:
            preparer.is_ready(image)
        qtbot.waitUntil(lambda: len(derive.threads) == MAX_IN_FLIGHT, timeout=WAIT_MS)
        preparer.drop_waiting()
        assert preparer.waiting == MAX_IN_FLIGHT  # those being made
    finally:
        derive.go_on.set()
    qtbot.waitUntil(lambda: preparer.waiting == 0, timeout=WAIT_MS)
    assert preparer.is_ready(images[0])
    assert len(derive.threads) == MAX_IN_FLIGHT  # those waiting were never made
    assert not preparer.is_ready(images[-1])  # asked again, it is queued anew
    qtbot.waitUntil(lambda: preparer.is_ready(images[-1]), timeout=WAIT_MS)
    preparer.wait()


def test_a_preparer_gone_while_its_photo_is_made_is_left_alone(qtbot, derive):
    """A window or pane closes while a photo of its preview is being made. The worker ends after
    the preparer is destroyed; its result goes through the program-wide relay, not through the
    destroyed object (emitting on an object the GUI thread was destroying crashed a fresh clone's
    test run), and reaches no other preparer. The next preparer works as before."""
    photo = new_image_from_bytes(_photo(70), "quay.jpg", "lead")
    derive.go_on.clear()  # hold the worker inside the making
    gone = PhotoPreparer(MemoryCache(), PREVIEW_WIDTHS)
    assert not gone.is_ready(photo)
    qtbot.waitUntil(lambda: len(derive.threads) == 1, timeout=WAIT_MS)
    pool = gone._pool
    gone.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    other = PhotoPreparer(MemoryCache(), PREVIEW_WIDTHS)
    readies: list[str] = []
    other.ready.connect(lambda: readies.append("ready"))
    derive.go_on.set()
    pool.shutdown(wait=True)  # the worker has emitted its result by now
    qtbot.wait(50)  # and it was delivered (to no one)
    assert readies == [] and other.waiting == 0
    with qtbot.waitSignal(other.ready, timeout=WAIT_MS):
        assert not other.is_ready(photo)
    assert other.is_ready(photo)
    other.wait()
