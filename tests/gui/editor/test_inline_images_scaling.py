"""Inline photos in a long article: a thumbnail that arrives makes the editor's picture of that
photo alone (make bench, part scaling: with 80 photos, remaking every picture at each thumbnail
held a 400,000-word article's window for a minute)."""

from __future__ import annotations

import io

from PIL import Image as PILImage
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from newsdesk.gui.editor import inline_images
from newsdesk.gui.editor.inline_images import IMAGE_PREFIX, InlineImages
from newsdesk.gui.photos.thumbnails import Thumbnailer
from newsdesk.model.article import Article, Image, Section


def jpeg(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (160, 90), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def photos_article(count: int) -> Article:
    images = [
        Image(role="inline", data=jpeg((30 + n * 40, 90, 200 - n * 30)), width=160, height=90)
        for n in range(count)
    ]
    references = "\n\n".join(f"![](image:{image.id})" for image in images)
    return Article(
        headline="Harbour cranes, one by one",
        sections=[Section(id="lead", markdown=f"Each crane has a name.\n\n{references}")],
        images=images,
    )


def test_a_thumbnail_that_arrives_remakes_only_its_photo(qtbot, state_for, monkeypatch):
    article = photos_article(4)
    state = state_for(article)
    thumbnailer = Thumbnailer()
    keeper = InlineImages(state, thumbnailer=thumbnailer)
    document = state.document("lead")
    keeper.prepare(document)  # asks the thumbnailer for each photo
    made: list[str] = []
    real = inline_images.editor_figure
    monkeypatch.setattr(
        inline_images,
        "editor_figure",
        lambda image, *rest: made.append(image.id if image else "") or real(image, *rest),
    )
    first = article.images[0]
    keeper._thumbnail_ready(first.digest)  # what the thumbnailer's ready signal calls
    assert made == [first.id]
    url = QUrl(IMAGE_PREFIX + first.id)
    picture = document.resource(QTextDocument.ResourceType.ImageResource, url)
    assert isinstance(picture, QImage) and not picture.isNull()
    made.clear()
    keeper.refresh()  # a change of the photos themselves still remakes them all
    assert sorted(made) == sorted(image.id for image in article.images)
    thumbnailer.wait()
    keeper.deleteLater()
