"""The bundled sample article: what `newsdesk` (and `make run`) opens on a fresh machine.

It is ordinary content in the `info --json` shape plus a photo, shipped in resources/sample/, and
read without the importers so that the sample never depends on import heuristics.
"""

from __future__ import annotations

import json

from newsdesk import resource_path
from newsdesk.imaging import inspect_image
from newsdesk.model import Article
from newsdesk.model.serialize import article_from_dict

SAMPLE_JSON = "sample.json"


def sample_article() -> Article:
    """A fresh copy of the sample article, photo included."""
    folder = resource_path("sample")
    data = json.loads(folder.joinpath(SAMPLE_JSON).read_text(encoding="utf-8"))
    article = article_from_dict(data)
    for image, source in zip(article.images, data["images"], strict=True):
        photo = folder.joinpath(source["path"]).read_bytes()
        info = inspect_image(photo)
        image.data, image.width, image.height = photo, info.width, info.height
        image.filename = source["path"]
    return article
