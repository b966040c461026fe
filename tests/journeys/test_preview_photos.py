"""Journey: the journalist opens a story with photos the preview has never sized and starts
typing at once. The keys reach the editor and the page while the photos are still being made
(each a marked frame until then), the photos appear on the page once made, the GUI thread never
decodes one, and the made sizes are kept in the story's file for the next start."""

from __future__ import annotations

import io
import threading

import pytest
from PIL import Image as PILImage
from PySide6.QtWidgets import QWidget

import newsdesk.formats.html_figures as html_figures
import newsdesk.imaging as imaging
from newsdesk.derived_cache import ProjectCache
from newsdesk.formats.html_figures import PREVIEW_WIDTHS
from newsdesk.model.article import Article, Section
from newsdesk.model.image_commands import new_image_from_bytes
from newsdesk.store import create_project, open_project
from tests.journeys.harness import click, press, type_text, wait_until

TEXT = {
    "en": {
        "body": "The harbour board opened the rebuilt quay on Monday.",
        "typed": " Ferries berth there from Tuesday.",
    },
    "de": {
        "body": "Die Hafenverwaltung hat den erneuerten Kai am Montag eröffnet.",
        "typed": " Fähren legen dort ab Dienstag an.",
    },
}
PHOTOS = 3


def _photo(shade: int) -> bytes:
    picture = PILImage.new("RGB", (1600, 1067), (shade, 110, 200 - shade))
    picture.paste((230, 190, 40), (0, 0, 400, 1067))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


class _HeldDerive:
    """derive_web_sizes that records its thread and waits until the test lets the photos go."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.go_on = threading.Event()
        self._real = imaging.derive_web_sizes

    def __call__(self, *args, **kwargs):
        self.threads.append(threading.current_thread())
        self.go_on.wait(timeout=10)
        return self._real(*args, **kwargs)


@pytest.mark.parametrize("language", ["en", "de"])
def test_typing_while_the_photos_are_made_then_the_photos_appear(
    start_app, tmp_path, monkeypatch, language
):
    text = TEXT[language]
    images = [
        new_image_from_bytes(_photo(50 * number), f"quay-{number}.jpg", "inline")
        for number in range(PHOTOS)
    ]
    figures = "\n\n".join(f"![](image:{image.id})" for image in images)
    story = tmp_path / "kai.newsdesk"
    article = Article(
        headline="Kai eröffnet" if language == "de" else "Quay opens",
        language=language,
        sections=[Section(markdown=f"{text['body']}\n\n{figures}")],
        images=images,
    )
    create_project(story, article).close()
    derive = _HeldDerive()
    monkeypatch.setattr(imaging, "derive_web_sizes", derive)
    monkeypatch.setattr(html_figures, "derive_web_sizes", derive)

    window = start_app(story, language=language)
    pane = window.findChild(QWidget, "preview_pane")
    try:
        wait_until(lambda: pane.page_html, what="the preview's first page")
        assert pane.page_html.count('class="missing-photo"') == PHOTOS  # being made
        # Said as what it is, in the article's language: prepared, not missing.
        preparing = "Foto wird vorbereitet" if language == "de" else "Preparing the photo"
        missing = "Foto fehlt" if language == "de" else "Photo missing"
        assert pane.page_html.count(preparing) == PHOTOS and missing not in pane.page_html
        click(window.editor)
        press("Ctrl+End")
        type_text(text["typed"])
        wait_until(lambda: text["typed"].strip() in pane.page_html, what="the typed words")
        assert 'src="preview-images/' not in pane.page_html  # the photos are still held
    finally:
        derive.go_on.set()
    wait_until(
        lambda: pane.page_html.count('src="preview-images/') == PHOTOS,
        timeout=15,
        what="the photos on the page",
    )
    assert 'class="missing-photo"' not in pane.page_html
    assert derive.threads and all(t is not threading.main_thread() for t in derive.threads)
    press("Ctrl+S")
    window.close()

    project = open_project(story, read_only=True)
    try:
        saved = project.load()
        assert text["typed"].strip() in saved.sections[0].markdown
        for image in saved.images:  # made in this session, kept for the next start
            kept = imaging.cached_web_sizes(
                image.digest or "",
                (image.width, image.height),
                PREVIEW_WIDTHS,
                ProjectCache(project),
            )
            assert kept is not None
    finally:
        project.close()
