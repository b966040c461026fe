"""Edit > Copy Article: what each pasting program receives, read back from the clipboard."""

from __future__ import annotations

import html5lib
from PySide6.QtGui import QGuiApplication

from newsdesk.formats.text_import import import_plain_text
from newsdesk.gui.editor.copy_article import MARKDOWN_MIME, copied_article
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from tests.gui.window_helpers import close_window, make_project, new_window

NS = "{http://www.w3.org/1999/xhtml}"


def article() -> Article:
    photo = Image(role="inline", caption="Die Fähre legt an", credit="Jörg Weiß")
    return Article(
        headline="Fähre fährt wieder",
        subheadline="Nach drei Wochen Pause",
        language="de",
        sections=[
            Section(markdown="Die **Fähre** nach Großenbrode fährt. <!-- Quelle prüfen -->\n"),
            Section(
                heading="Was sich ändert",
                markdown=f"- Stündlich\n- Bis Mitternacht\n\n![](image:{photo.id})\n",
            ),
            Section(heading="Zu spät", kind="opinion", label="Kommentar", markdown="Endlich.\n"),
        ],
        images=[photo],
        related=RelatedLinks(links=[RelatedLink("Fahrplan", "https://example.org/fahrplan")]),
    )


def test_the_html_is_plain_semantic_markup_without_private_notes():
    copied = copied_article(article())
    tree = html5lib.parse(copied.html)
    body = tree.find(f"{NS}body")
    tags = [element.tag.removeprefix(NS) for element in body]
    assert tags[0] == "h1" and "h2" in tags and "ul" in tags
    assert not any(element.get("style") or element.get("class") for element in tree.iter())
    assert tree.find(f".//{NS}script") is None and tree.find(f".//{NS}img") is None
    text = "".join(body.itertext())
    assert "Quelle prüfen" not in copied.html and "Quelle prüfen" not in copied.plain
    assert "Quelle prüfen" not in copied.markdown
    assert "Die Fähre legt an" in text and "Foto: Jörg Weiß" in text  # the photo as words
    assert "KOMMENTAR" in text
    links = [a.get("href") for a in tree.iter(f"{NS}a")]
    assert links == ["https://example.org/fahrplan"]


def test_the_plain_text_is_agency_text_that_imports_back():
    copied = copied_article(article())
    assert copied.plain.startswith("Fähre fährt wieder\n\nNach drei Wochen Pause\n")
    back = import_plain_text(copied.plain)
    assert back.headline == "Fähre fährt wieder"
    assert "\n\nWas sich ändert\n\n" in copied.plain
    assert ("Zu spät", "opinion") in [(s.heading, s.kind) for s in back.sections]
    assert "<< photo by Jörg Weiß >>" in copied.plain


def test_copy_article_puts_three_formats_on_the_clipboard(qtbot, tmp_path):
    path = make_project(tmp_path / "faehre.newsdesk", article())
    window = new_window(qtbot, tmp_path)
    assert window.open_path(path)
    window.window_actions.copy_article.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert {"text/html", "text/plain", MARKDOWN_MIME} <= set(mime.formats())
    assert "<h1>Fähre fährt wieder</h1>" in mime.html()
    assert mime.text().startswith("Fähre fährt wieder")
    markdown = bytes(mime.data(MARKDOWN_MIME).data()).decode("utf-8")
    assert "# Fähre fährt wieder" in markdown and "Quelle" not in markdown
    assert "copied" in window.statusBar().currentMessage()
    close_window(window)
