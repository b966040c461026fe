"""Journey: the editor is the page (issue 17 item 10). The journalist types paragraphs and sees
them spaced at once, renames a section in the heading above its text (the outline follows, one
Edit > Undo takes it back), closes the preview and reads a column of about 70 characters, centred;
the saved file has the heading. English and German."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDockWidget, QLineEdit

from newsdesk.gui.editor.markdown_bridge import PARAGRAPH_SPACING
from newsdesk.gui.editor.page_look import MEASURE_CHARACTERS
from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.journeys.harness import (
    click,
    press,
    saved_info,
    trigger_menu,
    type_text,
    wait_until,
)
from tests.journeys.journey_outline import click_row, row_texts, section_tree

UI = {
    "en": {
        "edit": "Edit",
        "redo_rename": "Redo Rename section",
        "undo_rename": "Undo Rename section",
        "view": "View",
        "preview": "Preview",
        "file": "File",
        "save": "Save",
        "old": "Harbour plans",
        "new": "Harbour plans approved",
        "text": "The council met at nine.\nThe vote was close and the chamber was full of people "
        "who had waited a long time for a decision about the harbour and its future.",
    },
    "de": {
        "edit": "Bearbeiten",
        "redo_rename": "Wiederholen: Abschnitt umbenennen",
        "undo_rename": "Rückgängig: Abschnitt umbenennen",
        "view": "Ansicht",
        "preview": "Vorschau",
        "file": "Datei",
        "save": "Speichern",
        "old": "Hafenpläne",
        "new": "Hafenpläne beschlossen",
        "text": "Der Rat tagte um neun.\nDie Abstimmung war knapp, und der Saal war voller Leute, "
        "die lange auf eine Entscheidung über den Hafen und seine Zukunft gewartet hatten.",
    },
}


def heading_field(window) -> QLineEdit:
    field = window.findChild(QLineEdit, "sectionHeadingEdit")
    assert field is not None and field.isVisible(), "no section heading above the text"
    return field


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_editor_shows_the_page(start_app, tmp_path, language):
    ui = UI[language]
    story = tmp_path / "hafen.newsdesk"
    article = Article(
        headline="Hafen",
        language=language,
        sections=[Section(markdown=""), Section(heading=ui["old"], markdown="")],
    )
    create_project(story, article).close()
    window = start_app(story, language=language)

    # The second section: its heading stands above its text, editable.
    click_row(section_tree(window), ui["old"])
    field = heading_field(window)
    wait_until(lambda: field.text() == ui["old"], what="the heading above the text")
    click(field)
    press("Ctrl+A")
    type_text(ui["new"])
    press("Return")  # the heading is taken, and the cursor goes on into the text
    assert window.focusWidget() is window.editor
    wait_until(lambda: ui["new"] in row_texts(section_tree(window)), what="the outline to follow")

    # Edit > Undo takes the heading back in one step, and Redo brings it again.
    trigger_menu(window, ui["edit"], ui["undo_rename"])
    wait_until(lambda: heading_field(window).text() == ui["old"], what="the heading's undo")
    assert ui["old"] in row_texts(section_tree(window))
    trigger_menu(window, ui["edit"], ui["redo_rename"])
    wait_until(lambda: heading_field(window).text() == ui["new"], what="the heading's redo")

    # Paragraphs typed are spaced at once, as on the page.
    click(window.editor)
    type_text(ui["text"])
    document = window.editor.document()
    layout = document.documentLayout()
    first, second = document.begin(), document.begin().next()
    gap = layout.blockBoundingRect(second).top() - layout.blockBoundingRect(first).bottom()
    assert gap >= PARAGRAPH_SPACING - 1

    # The preview closed, the window wide: a readable, centred column.
    preview = window.findChild(QDockWidget, "previewDock")
    assert preview.isVisible()
    trigger_menu(window, ui["view"], ui["preview"])
    wait_until(lambda: not preview.isVisible(), what="the preview to close")
    window.resize(1800, 900)
    click(window.editor)
    press("Ctrl+End")
    type_text(" " + ui["text"].replace("\n", " "))
    wait_until(lambda: window.editor.column_margin > 0, what="the column to centre")
    editor = window.editor
    assert abs(editor.viewport().geometry().center().x() - editor.rect().center().x()) <= 2
    lines = editor.document().lastBlock().layout()
    lengths = [lines.lineAt(n).textLength() for n in range(lines.lineCount() - 1)]
    assert lengths and max(lengths) <= 1.2 * MEASURE_CHARACTERS

    press("Ctrl+S")
    saved = saved_info(story)
    assert [s["heading"] for s in saved["sections"]][1] == ui["new"]
