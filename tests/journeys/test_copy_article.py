"""Journey: copy the article out for the CMS. The journalist types a last sentence, presses
Ctrl+Shift+C in the editor (and once more through Edit > Copy Article), and the clipboard holds
the whole article as formatted text, agency text and Markdown, with the photo's caption and credit
and without the private note; the status bar says so. English and German."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from newsdesk.model.article import Article, Image, Section
from newsdesk.store import create_project
from tests.journeys.harness import click, press, trigger_menu, type_text, wait_until

UI = {
    "en": {
        "edit": "Edit",
        "copy_article": "Copy Article",
        "said": "Article copied",
        "credit": "Photo: Lea Wolf",
        "typed": " The last word.",
    },
    "de": {
        "edit": "Bearbeiten",
        "copy_article": "Artikel kopieren",
        "said": "Artikel kopiert",
        "credit": "Foto: Lea Wolf",
        "typed": " Das letzte Wort.",
    },
}


def clipboard_formats() -> dict[str, str]:
    mime = QGuiApplication.clipboard().mimeData()
    return {
        "html": mime.html(),
        "plain": mime.text(),
        "markdown": bytes(mime.data("text/markdown").data()).decode("utf-8"),
    }


@pytest.mark.parametrize("language", ["en", "de"])
def test_copy_article_for_the_cms(start_app, tmp_path, language):
    ui = UI[language]
    photo = Image(role="inline", caption="Ferry at the pier, Großenbrode", credit="Lea Wolf")
    story = tmp_path / "faehre.newsdesk"
    article = Article(
        headline="Ferry runs again",
        language=language,
        sections=[
            Section(markdown="The ferry runs. <!-- check with the harbour office -->\n"),
            Section(heading="Timetable", markdown=f"Hourly.\n\n![](image:{photo.id})\n"),
        ],
        images=[photo],
    )
    create_project(story, article).close()
    window = start_app(story, language=language)
    QGuiApplication.clipboard().clear()

    click(window.editor)
    press("Ctrl+End")
    type_text(ui["typed"])
    press("Ctrl+Shift+C")
    wait_until(lambda: clipboard_formats()["plain"], what="the article on the clipboard")
    copied = clipboard_formats()
    for text in (copied["html"], copied["plain"], copied["markdown"]):
        assert "Ferry runs again" in text and "Timetable" in text
        assert ui["typed"].strip() in text  # what was just typed goes along
        assert "harbour office" not in text  # the private note stays in the file
    assert "<h1>Ferry runs again</h1>" in copied["html"]
    assert "Ferry at the pier, Großenbrode" in copied["html"] and ui["credit"] in copied["html"]
    assert "<< photo by Lea Wolf >>" in copied["plain"]
    assert copied["markdown"].lstrip().startswith("---")
    assert ui["said"] in window.statusBar().currentMessage()

    QGuiApplication.clipboard().clear()
    trigger_menu(window, ui["edit"], ui["copy_article"])
    wait_until(lambda: "Ferry runs again" in clipboard_formats()["plain"], what="the menu's copy")
