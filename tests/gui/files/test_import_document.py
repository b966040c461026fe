"""File > Import… and dropping files on the window: Word, web pages and Markdown become a new
never-saved draft; the import's notes and the document's suggestions come in one message, and
nothing of the suggestions is filled in unless the journalist says "Use"."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from newsdesk.formats.import_notes import ImportResult
from newsdesk.gui.files.file_drops import dropped_document
from newsdesk.gui.files.import_document import (
    ImportReport,
    import_filter,
    offered_suggestions,
    split_tags,
)
from newsdesk.model.article import Article
from tests.gui import window_helpers
from tests.gui.window_helpers import close_window, english_article, make_project, new_window

answers = window_helpers.answers


def word_file(path: Path, *, title: str = "", author: str = "", keywords: str = "") -> Path:
    """A Word document as a desk receives it, properties set by the author's Word."""
    document = docx.Document()
    document.add_heading("Fähre nach Larsby fährt wieder", level=0)
    document.add_paragraph(
        "Der Gemeinderat hat am Dienstag die Rückkehr der Nachtfähre beschlossen."
    )
    document.add_heading("Was Jürgen Weiß dazu sagt", level=1)
    document.add_paragraph("„Endlich“, sagt der Fährmann. Die Straße zum Anleger wird erneuert.")
    document.core_properties.title = title
    document.core_properties.author = author
    document.core_properties.keywords = keywords
    document.core_properties.subject = ""
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def web_page(path: Path) -> Path:
    path.write_text(
        "<!doctype html><html lang=en><head><title>Harbour</title>"
        "<script>track()</script></head><body><nav>Home | News</nav><article>"
        "<h1>Harbour cranes stay in Kelby</h1><p>The port keeps its three cranes, "
        "the board said on Monday.</p><h2>What dockers say</h2><p>Relief, mostly.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def report_steps(monkeypatch):
    """Replace ImportReport.exec with `steps(dialog)`; records each report shown."""

    class Driver:
        def __init__(self) -> None:
            self.steps = None
            self.shown: list[ImportReport] = []

    driver = Driver()

    def fake_exec(dialog: ImportReport) -> int:
        driver.shown.append(dialog)
        assert driver.steps is not None, "an import report nobody expected"
        driver.steps(dialog)
        return dialog.result()

    monkeypatch.setattr(ImportReport, "exec", fake_exec)
    return driver


def choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def test_the_file_dialog_offers_word_web_pages_and_markdown():
    first = import_filter().split(";;")[0]
    for suffix in ("*.docx", "*.html", "*.htm", "*.md", "*.markdown", "*.txt", "*.json"):
        assert suffix in first


def test_word_import_opens_a_draft_and_offers_its_properties_without_filling_them(
    qtbot, tmp_path, monkeypatch, report_steps
):
    source = word_file(
        tmp_path / "fähre.docx", title="Fähre", author="Jörg Weiß", keywords="Fähre; Larsby, Rat"
    )
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk", english_article()))
    seen: dict[str, object] = {}

    def look_then_ignore(dialog: ImportReport) -> None:
        seen["boxes"] = {name: box.text() for name, box in dialog.boxes.items()}
        seen["filled"] = window.article.byline
        dialog.findChild(type(dialog.use_button), "import_ignore").click()

    report_steps.steps = look_then_ignore
    choose_file(monkeypatch, source)
    window.window_actions.import_file.trigger()
    assert window.session.is_draft
    assert window.article.headline == "Fähre nach Larsby fährt wieder"
    assert "Nachtfähre" in window.article.sections[0].markdown
    # Offered (byline and tags; the headline is not empty, so it is not offered) ...
    assert seen["boxes"] == {"byline": "Byline: Jörg Weiß", "tags": "Tags: Fähre; Larsby, Rat"}
    # ... and never filled silently, neither while asking nor after Ignore.
    assert seen["filled"] == "" and window.article.byline == "" and window.article.tags == []
    assert source.exists()  # the source file stays as it is
    close_window(window)


def test_use_fills_the_ticked_suggestions_as_one_undo_step(
    qtbot, tmp_path, monkeypatch, report_steps
):
    source = word_file(tmp_path / "ferry.docx", author="Jörg Weiß", keywords="Fähre; Larsby, Rat")

    def untick_tags_and_use(dialog: ImportReport) -> None:
        dialog.boxes["tags"].setChecked(False)
        dialog.use_button.click()

    report_steps.steps = untick_tags_and_use
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk", english_article()))
    choose_file(monkeypatch, source)
    window.window_actions.import_file.trigger()
    assert window.article.byline == "Jörg Weiß"
    assert window.article.tags == []
    window.window_actions.undo.trigger()
    assert window.article.byline == ""
    assert window.article.headline == "Fähre nach Larsby fährt wieder"  # the import stays
    close_window(window)


def test_keywords_become_tags_without_blanks_or_repeats():
    assert split_tags("Fähre; Larsby, , Rat;Fähre") == ["Fähre", "Larsby", "Rat"]


def test_only_empty_known_fields_are_offered():
    result = ImportResult(Article(headline="Kept"))
    result.suggestions = {"headline": "Template title", "byline": "  ", "slug": "x", "tags": "a"}
    assert offered_suggestions(result) == {"tags": "a"}


def test_the_notes_come_once_in_the_window_language(qtbot, tmp_path, monkeypatch, report_steps):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><h1>Kelby harbour</h1><p>Cranes stay.</p>"
        '<figure><img src="https://example.org/crane.jpg"><figcaption>A crane</figcaption>'
        "</figure></article></body></html>",
        encoding="utf-8",
    )
    texts: list[str] = []

    def read_and_close(dialog: ImportReport) -> None:
        texts.append(dialog.notes_label.text())
        dialog.reject()

    report_steps.steps = read_and_close
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk", english_article()))
    choose_file(monkeypatch, page)
    window.window_actions.import_file.trigger()
    assert len(report_steps.shown) == 1
    assert texts and "hotos still to be added" in texts[0]
    assert window.article.headline == "Kelby harbour"
    close_window(window)


def test_a_refused_document_says_so_and_keeps_the_open_article(
    qtbot, tmp_path, monkeypatch, answers
):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a Word file")
    story = make_project(tmp_path / "story.newsdesk", english_article())
    window = new_window(qtbot, tmp_path)
    window.open_path(story)
    choose_file(monkeypatch, broken)
    window.window_actions.import_file.trigger()
    assert answers.errors and "broken.docx" in answers.errors[0]
    assert window.session.path == story
    close_window(window)


def drop_on(widget, path: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPointF(widget.rect().center())
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, drop)
    return drop


def test_a_web_page_dropped_on_the_editor_is_imported(qtbot, tmp_path, report_steps):
    page = web_page(tmp_path / "kelby.html")
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk", english_article()))
    drop = drop_on(window.editor.viewport(), page)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: window.article.headline == "Harbour cranes stay in Kelby")
    assert window.session.is_draft
    body = "\n".join(s.markdown for s in window.article.walk_sections())
    assert "track()" not in body and "Home | News" not in body
    close_window(window)


def test_an_article_dropped_on_the_window_opens(qtbot, tmp_path):
    other = make_project(tmp_path / "other.newsdesk", Article(headline="Zweiter Artikel"))
    window = new_window(qtbot, tmp_path)
    window.open_path(make_project(tmp_path / "story.newsdesk", english_article()))
    drop_on(window.editor.viewport(), other)
    qtbot.waitUntil(lambda: window.session.path == other)
    assert window.article.headline == "Zweiter Artikel"
    close_window(window)


def test_photos_and_several_files_are_left_to_the_panes(tmp_path):
    def mime(*names: str) -> QMimeData:
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(tmp_path / name)) for name in names])
        return data

    assert dropped_document(mime("bus.jpg")) is None
    assert dropped_document(mime("a.docx", "b.docx")) is None
    assert dropped_document(mime("Story.DOCX")) == tmp_path / "Story.DOCX"
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/page.html")])
    assert dropped_document(web) is None
