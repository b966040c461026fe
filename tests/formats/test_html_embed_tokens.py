"""The standalone page's photos go in last (html_figures.FigureRenderer.fill_embedded): the page
is the same as ever, and text that looks like a stand-in for a photo stays text."""

from __future__ import annotations

import base64
import re

from newsdesk.formats.html_export import render_page
from newsdesk.formats.html_figures import _EMBED_CLOSE, _EMBED_OPEN
from newsdesk.imaging import derive_web_sizes
from newsdesk.model.article import Section
from tests.formats.html_export_fixtures import german_article


def test_each_embedded_photo_is_its_960_and_no_stand_in_is_left():
    article = german_article()
    page = render_page(article).html
    assert _EMBED_OPEN not in page and _EMBED_CLOSE not in page
    embedded = re.findall(r'src="data:image/jpeg;base64,([A-Za-z0-9+/=]+)"', page)
    lead = article.lead_image
    assert lead is not None and lead.data
    (expected,) = derive_web_sizes(lead.data, (960,))
    assert base64.b64encode(expected.data).decode("ascii") in embedded


def test_a_stand_in_typed_into_the_text_stays_text():
    article = german_article()
    forged = f"Ein Zeichen {_EMBED_OPEN}0{_EMBED_CLOSE} und {_EMBED_OPEN}x-0{_EMBED_CLOSE} hier."
    article.sections.append(Section(heading="Zeichen", markdown=forged))
    page = render_page(article).html
    photos = len(re.findall(r"data:image/", page))
    assert photos == len(re.findall(r"data:image/", render_page(german_article()).html))
    assert f"{_EMBED_OPEN}0{_EMBED_CLOSE}" in page
