"""Journeys: a journalist's way in and out of the window (English and German).

- File > Import… a Word file: a new never-saved draft; the document's properties are offered and
  "Use" fills them; Save As… keeps the imported article.
- A web page dropped on the editor: imported the same way.
- File > Export… in every format, the format chosen by the typed file name's suffix.
- File > Print… through the print dialog, printing to a PDF file.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pypdf
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPushButton

from newsdesk.model.article import Article, Image, Section
from newsdesk.store import create_project
from tests.journeys.harness import (
    answer,
    click,
    expect_dialog,
    fill_file_dialog,
    saved_info,
    settle,
    trigger_menu,
    type_text,
    wait_until,
)

UI = {
    "en": {
        "file": "File",
        "import": "Import…",
        "use": "Use",
        "save_as": "Save As…",
        "export": "Export…",
        "export_button": "Export",
        "print": "Print…",
    },
    "de": {
        "file": "Datei",
        "import": "Importieren …",
        "use": "Übernehmen",
        "save_as": "Speichern unter …",
        "export": "Exportieren …",
        "export_button": "Exportieren",
        "print": "Drucken …",
    },
}
TEXT = {
    "en": ("Night ferry to Larsby returns", "The council voted 14 to 3 for the night ferry."),
    "de": ("Nachtfähre nach Larsby kehrt zurück", "Der Rat stimmte mit 14 zu 3 für die Fähre."),
}


def word_file(path, headline: str, text: str, author: str):
    document = docx.Document()
    document.add_heading(headline, level=0)
    document.add_paragraph(text)
    document.core_properties.author = author
    document.core_properties.keywords = "Fähre; Larsby"
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def finished_story(path, language: str):
    headline, text = TEXT[language]
    photo = io.BytesIO()
    from PIL import Image as PillowImage

    PillowImage.new("RGB", (80, 60), (20, 80, 140)).save(photo, "JPEG")
    article = Article(
        headline=headline,
        description="Teaser",
        byline="Jörg Weiß",
        slug="ferry",
        language=language,
        sections=[Section(markdown=text)],
        images=[
            Image(
                role="lead",
                data=photo.getvalue(),
                filename="ferry.jpg",
                caption="Die Fähre am Anleger",
                alt="Eine Fähre",
                credit="Jörg Weiß",
            )
        ],
    )
    create_project(path, article).close()
    return path


@pytest.mark.parametrize("language", ["en", "de"])
def test_import_a_word_file_and_use_its_suggestions(start_app, tmp_path, language):
    ui = UI[language]
    headline, text = TEXT[language]
    story = finished_story(tmp_path / "story.newsdesk", language)
    source = word_file(tmp_path / "freelancer.docx", headline, text, "Dörte Groß")
    window = start_app(story, language=language)
    offered: list[str] = []

    def read_then_use(dialog):
        offered.extend(box.text() for box in dialog.findChildren(QCheckBox) if box.isVisible())
        answer(ui["use"])(dialog)

    with expect_dialog(fill_file_dialog(source)), expect_dialog(read_then_use):
        trigger_menu(window, ui["file"], ui["import"])
    byline = {"en": "Byline", "de": "Autorenzeile"}[language]
    assert f"{byline}: Dörte Groß" in offered  # offered, with the field it would fill
    wait_until(lambda: window.headline_bar.headline.text() == headline)
    saved = tmp_path / "imported.newsdesk"
    with expect_dialog(fill_file_dialog(saved)):
        trigger_menu(window, ui["file"], ui["save_as"])
    info = saved_info(saved)
    assert info["headline"] == headline
    assert info["byline"] == "Dörte Groß"
    assert info["tags"] == ["Fähre", "Larsby"]
    assert saved_info(story)["byline"] == "Jörg Weiß"  # the open article was left as it was


def test_a_web_page_dropped_on_the_editor_becomes_a_draft(start_app, tmp_path):
    story = finished_story(tmp_path / "story.newsdesk", "en")
    page = tmp_path / "agency.html"
    page.write_text(
        "<html><body><nav>Home</nav><article><h1>Harbour cranes stay in Kelby</h1>"
        "<p>The port keeps all three cranes.</p></article></body></html>",
        encoding="utf-8",
    )
    window = start_app(story, language="en")
    target = window.editor.viewport()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page))])
    point = target.rect().center()
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    no_keys = Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(target, QDragEnterEvent(point, copy, mime, left, no_keys))
    QApplication.sendEvent(target, QDropEvent(QPointF(point), copy, mime, left, no_keys))
    wait_until(lambda: window.headline_bar.headline.text() == "Harbour cranes stay in Kelby")
    assert "Harbour cranes" in window.windowTitle() or window.isVisible()


def fill_export(target):
    """Type the file name (its suffix chooses the format) and press Export."""

    def handle(dialog):
        edit = dialog.findChild(QLineEdit, "export_target")
        click(edit)
        edit.selectAll()
        type_text(str(target), edit)
        opener = dialog.findChild(QCheckBox, "export_open")
        if opener.isVisible() and opener.isChecked():
            click(opener)
        handle.format = dialog.findChild(QComboBox, "export_format").currentText()
        click(dialog.findChild(QPushButton, "export_accept"))

    return handle


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("suffix", [".docx", ".md", ".txt", ".pdf"])
def test_export_in_every_format(start_app, tmp_path, language, suffix):
    ui = UI[language]
    headline, text = TEXT[language]
    window = start_app(finished_story(tmp_path / "story.newsdesk", language), language=language)
    target = tmp_path / "out" / f"ferry{suffix}"
    target.parent.mkdir()
    handler = fill_export(target)
    with expect_dialog(handler):
        trigger_menu(window, ui["file"], ui["export"])
    assert suffix in handler.format  # the list followed the typed name
    data = target.read_bytes()
    if suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            assert headline in package.read("word/document.xml").decode("utf-8")
    elif suffix == ".pdf":
        assert data.startswith(b"%PDF")
    else:
        assert headline in data.decode("utf-8") and text.split()[1] in data.decode("utf-8")
    if suffix == ".md":
        assert len(list((target.parent / "ferry_files").iterdir())) == 1  # the photo beside it


@pytest.mark.parametrize("language", ["en", "de"])
def test_print_through_the_print_dialog(start_app, tmp_path, language):
    ui = UI[language]
    window = start_app(finished_story(tmp_path / "story.newsdesk", language), language=language)
    printed = tmp_path / "printed.pdf"

    def print_to_file(dialog):
        # With no printer installed, Qt's dialog offers "Print to File (PDF)" and a file name.
        name = next(e for e in dialog.findChildren(QLineEdit) if e.isVisible() and e.isEnabled())
        name.selectAll()
        type_text(str(printed), name)
        buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.isDefault()]
        click(buttons[0])

    with expect_dialog(print_to_file):
        trigger_menu(window, ui["file"], ui["print"])
    wait_until(lambda: printed.exists() and printed.stat().st_size > 0, 30)
    settle()
    pages = pypdf.PdfReader(io.BytesIO(printed.read_bytes())).pages
    assert len(pages) >= 1
