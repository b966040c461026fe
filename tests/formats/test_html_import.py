"""Web-page import: a saved news page with its `_files` folder, and our own export read back."""

from __future__ import annotations

import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from newsdesk.formats.html_export import render_page
from newsdesk.formats.html_import import import_html
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section


def _png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 40, 40)).save(out, "PNG")
    return out.getvalue()


_PNG = _png()
SAVED_PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Fähre kommt | Inselbote</title>
<meta property="og:title" content="Nachtfähre kommt">
<meta property="og:description" content="Der Rat stimmt für ein Probejahr.">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Nachtfähre für Süderoog kommt","author":{"@type":"Person","name":"Jörg Weiß"},
 "datePublished":"2026-11-27","keywords":["Fähre","Inseln"]}</script>
<script>document.write("tracking")</script><style>p{color:red}</style></head>
<body><nav><a href="/">Startseite</a> Menü</nav>
<article><h1>Nachtfähre für Süderoog kommt</h1>
<figure><img src="seite_files/faehre.png" alt="Die Fähre am Anleger">
<figcaption>Die Fähre in Holmvik. <span class="credit">Foto: Anna Groß</span></figcaption></figure>
<p>Der Rat hat <strong>mit großer Mehrheit</strong> für die Fähre gestimmt.<!-- intern --></p>
<form><input name="q"><button>Suchen</button></form>
<iframe src="https://ads.example/x"></iframe>
<img src="https://tracker.example/pixel.gif" width="1" height="1">
<h2>Kommentar: Kein Luxus</h2><p>Für die Inseln ist das Boot eine Bedingung.</p>
<figure><img src="https://cdn.example/hafen.jpg" alt="Der Hafen">
<figcaption>Hafen bei Nacht</figcaption></figure>
<div class="share-buttons">Teilen auf Facebook</div></article>
<footer>Impressum</footer></body></html>"""


def test_a_saved_page_brings_its_article_and_photos_and_nothing_of_the_site(tmp_path):
    (tmp_path / "seite_files").mkdir()
    (tmp_path / "seite_files" / "faehre.png").write_bytes(_png())
    result = import_html(SAVED_PAGE.encode(), tmp_path, "seite.html")
    article = result.article
    assert article.headline == "Nachtfähre für Süderoog kommt"
    assert article.byline == "Jörg Weiß" and article.published == "2026-11-27"
    assert article.description == "Der Rat stimmt für ein Probejahr."
    assert article.tags == ["Fähre", "Inseln"] and article.language == "de"
    lead, opinion = article.sections
    assert lead.markdown == "Der Rat hat **mit großer Mehrheit** für die Fähre gestimmt."
    # The prefix word sets the kind and the label shown; the heading keeps the rest (issue 17.14).
    assert opinion.kind == "opinion" and opinion.label == "Kommentar"
    assert opinion.heading == "Kein Luxus"
    photo, remote = article.images
    assert photo.role == "lead" and photo.has_photo and photo.alt == "Die Fähre am Anleger"
    assert photo.caption == "Die Fähre in Holmvik." and photo.credit == "Foto: Anna Groß"
    assert (
        not remote.has_photo and remote.caption == "Hafen bei Nacht" and remote.alt == "Der Hafen"
    )
    assert f"![](image:{remote.id})" in opinion.markdown
    text = "\n".join(s.markdown for s in article.sections)
    for never in ("tracking", "color", "Startseite", "Suchen", "intern", "Teilen", "Impressum"):
        assert never not in text
    assert [n.code for n in result.notes] == ["import.photos_missing"]


def test_a_picture_path_that_climbs_out_of_the_page_folder_is_not_read(tmp_path):
    (tmp_path / "secret.png").write_bytes(_png())
    page = tmp_path / "page"
    page.mkdir()
    html = '<article><h1>T</h1><p>Text.</p><img src="../secret.png" alt="x"></article>'
    result = import_html(html.encode(), page, "p.html")
    assert [image.has_photo for image in result.article.images] == [False]


_WORDS = st.sampled_from(
    ["Fähre", "Insel", "Rat", "Straße", "ferry", "council", "vote", "Jörg", "Süderoog", "night"]
)
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=8).map(lambda w: " ".join(w) + ".")


@st.composite
def _paragraph(draw) -> str:
    words = draw(_SENTENCE)
    style = draw(st.sampled_from(["plain", "bold", "italic", "link"]))
    if style == "bold":
        return f"**{words[:-1]}** {words}"
    if style == "italic":
        return f"{words} *{words[:-1]}*"
    if style == "link":
        return f"[{words[:-1]}](https://example.org/a) {words}"
    return words


@st.composite
def _body(draw) -> str:
    blocks = draw(st.lists(_paragraph(), min_size=1, max_size=3))
    if draw(st.booleans()):
        blocks.append(
            "\n".join(f"- {item}" for item in draw(st.lists(_SENTENCE, min_size=1, max_size=3)))
        )
    if draw(st.booleans()):
        blocks.append("> " + draw(_SENTENCE))
    if draw(st.booleans()):
        blocks.append("### " + draw(_SENTENCE)[:-1])
        blocks.append(draw(_paragraph()))
    return "\n\n".join(blocks)


@st.composite
def _articles(draw) -> Article:
    title = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)
    sections = [Section(markdown=draw(_body()))]
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["body", "opinion", "box"]))
        heading = draw(title)
        heading = f"Kommentar: {heading}" if kind == "opinion" else heading
        children = (
            [Section(heading=draw(title), markdown=draw(_body()))] if draw(st.booleans()) else []
        )
        sections.append(
            Section(heading=heading, kind=kind, markdown=draw(_body()), children=children)
        )
    images = []
    if draw(st.booleans()):
        images.append(
            Image(
                role="lead",
                data=_PNG,
                width=40,
                height=30,
                caption=draw(_SENTENCE),
                alt=draw(_SENTENCE),
                credit=draw(title),
                symbolic=draw(st.booleans()),
                disclaimer="Symbolbild: " + draw(_SENTENCE),
            )
        )
    links = [
        RelatedLink(title=draw(title), url=f"https://example.org/{n}")
        for n in range(draw(st.integers(0, 3)))
    ]
    # Without links the page has no related list, so no heading either.
    related = RelatedLinks(heading=draw(title) if links else "", links=links)
    return Article(
        headline=draw(title), subheadline=draw(title), kicker=draw(title), byline=draw(title),
        dateline=draw(title), language=draw(st.sampled_from(["de", "en"])), published="2026-11-27",
        description=draw(_SENTENCE), tags=draw(st.lists(_WORDS, max_size=3, unique=True)),
        sections=sections, images=images, related=related,
    )  # fmt: skip


def _comparable(page: str) -> str:
    return re.sub(r'data:image/[^"\s]+', "DATA", page)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_articles())
def test_our_own_export_imports_back_to_the_same_article(article):
    """The round-trip fixed point: export, import, export gives the same page, and the article's
    parts come back as they were (the slug is not on the page: it follows the headline)."""
    page = render_page(article, assets="embed").html
    back = import_html(page.encode(), None, "export.html").article
    assert _comparable(render_page(back, assets="embed").html) == _comparable(page)
    for name in ("headline", "subheadline", "kicker", "byline", "dateline", "language",
                 "published", "description", "tags", "related"):  # fmt: skip
        assert getattr(back, name) == getattr(article, name), name
    assert [(s.id, s.heading, s.kind, s.markdown) for s in back.walk_sections()] == [
        (s.id, s.heading, s.kind, s.markdown) for s in article.walk_sections()
    ]
    assert [
        (i.role, i.caption, i.alt, i.credit, i.symbolic, i.disclaimer) for i in back.images
    ] == [(i.role, i.caption, i.alt, i.credit, i.symbolic, i.disclaimer) for i in article.images]
