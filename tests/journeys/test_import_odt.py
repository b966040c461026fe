"""Journey: an OpenDocument text from a LibreOffice user comes in. File > Import… the .odt: the
window says what the import did (a tracked change accepted, a comment kept as a private note)
and offers the document's keywords; "Use" fills the tags; Save As… keeps the article with its
headline, sections and photo. A second .odt dropped on the editor is imported the same way.
English and German."""

from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel

from newsdesk.model.article import Article, Section
from newsdesk.store import create_project, open_project
from tests.formats.odt_fixtures import meta_xml, odt
from tests.journeys.harness import (
    answer,
    expect_dialog,
    fill_file_dialog,
    saved_info,
    trigger_menu,
    wait_until,
)

UI = {
    "en": {"file": "File", "import": "Import…", "use": "Use", "save_as": "Save As…"},
    "de": {
        "file": "Datei",
        "import": "Importieren …",
        "use": "Übernehmen",
        "save_as": "Speichern unter …",
    },
}
NOTES = {
    "en": ("Tracked insertions accepted: 1", "Comments kept as private notes: 1"),
    "de": (
        "Übernommene Einfügungen aus der Änderungsverfolgung: 1",
        "Kommentare als private Notizen übernommen: 1",
    ),
}
TEXT = {
    "en": ("Harbour crane comes down", "What comes next", "The old crane was taken apart."),
    "de": ("Hafenkran wird abgebaut", "Wie es weitergeht", "Der alte Kran wurde zerlegt."),
}


def _png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (120, 80), (200, 120, 40)).save(out, "PNG")
    return out.getvalue()


def _document(language: str) -> bytes:
    headline, heading, text = TEXT[language]
    body = f"""
    <text:tracked-changes><text:changed-region text:id="c1"><text:insertion><office:change-info>
    <dc:creator>Desk</dc:creator></office:change-info></text:insertion></text:changed-region>
    </text:tracked-changes>
    <text:p text:style-name="P1">{headline}</text:p>
    <text:p><text:change-start text:change-id="c1"/>{text}<text:change-end text:change-id="c1"/>
    <office:annotation><dc:creator>Ed</dc:creator><text:p>check the date</text:p>
    </office:annotation></text:p>
    <text:p><draw:frame><draw:image xlink:href="Pictures/crane.png"/><svg:desc>Crane</svg:desc>
    </draw:frame></text:p>
    <text:p text:style-name="Caption">Der Kran im Morgenlicht</text:p>
    <text:h text:outline-level="1">{heading}</text:h>
    <text:p>A new crane arrives in spring. Ein neuer Kran kommt im Frühjahr.</text:p>
    """
    return odt(body, pictures={"crane.png": _png()}, meta=meta_xml("", "", ("Hafen", "Kran")))


@pytest.mark.parametrize("language", ["en", "de"])
def test_import_an_odt_file_and_use_its_keywords(start_app, tmp_path, language):
    ui = UI[language]
    headline, heading, text = TEXT[language]
    source = tmp_path / "kran.odt"
    source.write_bytes(_document(language))
    story = tmp_path / "story.newsdesk"
    create_project(
        story, Article(headline="Older story", sections=[Section(markdown="Done.")])
    ).close()
    window = start_app(story, language=language)
    said: list[str] = []

    def read_then_use(dialog):
        said.extend(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        answer(ui["use"])(dialog)

    with expect_dialog(fill_file_dialog(source)), expect_dialog(read_then_use):
        trigger_menu(window, ui["file"], ui["import"])
    wait_until(lambda: window.headline_bar.headline.text() == headline, what="the headline")
    shown = "\n".join(said)
    assert NOTES[language][0] in shown and NOTES[language][1] in shown  # what the import did
    saved = tmp_path / "kran.newsdesk"
    with expect_dialog(fill_file_dialog(saved)):
        trigger_menu(window, ui["file"], ui["save_as"])
    info = saved_info(saved)
    assert info["headline"] == headline
    assert [section["heading"] for section in info["sections"]] == ["", heading]
    assert text in info["sections"][0]["markdown"]
    with open_project(saved, read_only=True) as project:  # `info` leaves private notes out
        kept = project.load()
    assert "<!-- check the date -->" in kept.sections[0].markdown  # the comment, kept private
    assert info["tags"] == ["Hafen", "Kran"]


def test_an_odt_dropped_on_the_editor_becomes_a_draft(start_app, tmp_path):
    story = tmp_path / "story.newsdesk"
    create_project(
        story, Article(headline="Older story", sections=[Section(markdown="Done.")])
    ).close()
    source = tmp_path / "kran.odt"
    source.write_bytes(_document("en"))
    window = start_app(story, language="en")
    target = window.editor.viewport()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    point = target.rect().center()
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    no_keys = Qt.KeyboardModifier.NoModifier
    with expect_dialog(answer("Use")):
        QApplication.sendEvent(target, QDragEnterEvent(point, copy, mime, left, no_keys))
        QApplication.sendEvent(target, QDropEvent(QPointF(point), copy, mime, left, no_keys))
    wait_until(lambda: window.headline_bar.headline.text() == TEXT["en"][0], what="the import")
