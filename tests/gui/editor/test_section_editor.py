"""The section editor: formatting actions, list nesting, links, clean paste, typographic quotes."""

from __future__ import annotations

from typing import ClassVar

import pytest
from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QFont, QKeyEvent, QTextCursor, QUndoCommand, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from newsdesk.gui.editor.link_dialog import LinkChoice, LinkDialog
from newsdesk.gui.editor.section_editor import (
    MARKDOWN_MIME_TYPE,
    SectionEditor,
    new_section_document,
)
from newsdesk.gui.editor.typography import typographic_quote
from newsdesk.model.web_addresses import normalized_link_url

MoveOperation = QTextCursor.MoveOperation
KeepAnchor = QTextCursor.MoveMode.KeepAnchor


@pytest.fixture
def editor(qtbot):
    widget = SectionEditor()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def shown(editor, qtbot):
    """The editor in an active window with focus, for shortcuts and typing."""
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    return editor


def select(editor: SectionEditor, text: str, occurrence: int = 0) -> None:
    """Select the occurrence of `text` in the document."""
    cursor = editor.textCursor()
    cursor.setPosition(0)
    for _ in range(occurrence + 1):
        cursor = editor.document().find(text, cursor)
    assert not cursor.isNull(), text
    editor.setTextCursor(cursor)


def place(editor: SectionEditor, text: str, offset: int = 0) -> None:
    """Put the cursor at the start of `text` plus `offset`, without a selection."""
    select(editor, text)
    cursor = editor.textCursor()
    cursor.setPosition(cursor.selectionStart() + offset)
    editor.setTextCursor(cursor)


def type_text(widget, text: str) -> None:
    """Type any text (QTest.keyClicks knows only ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_at_end(editor: SectionEditor, text: str) -> None:
    editor.moveCursor(MoveOperation.End)
    QTest.keyClicks(editor, text)


# -- inline formatting -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("bold_action", "The **quick** fox.\n"),
        ("italic_action", "The *quick* fox.\n"),
        ("strikethrough_action", "The ~~quick~~ fox.\n"),
    ],
)
def test_inline_actions_format_the_selection(editor, action, expected):
    editor.set_markdown("The quick fox.")
    select(editor, "quick")
    getattr(editor, action).trigger()
    assert editor.markdown() == expected
    assert getattr(editor, action).isChecked()
    getattr(editor, action).trigger()
    assert editor.markdown() == "The quick fox.\n"


def test_shortcuts_format_what_is_typed_next(shown):
    QTest.keyClicks(shown, "Plain ")
    QTest.keyClick(shown, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(shown, "bold")
    QTest.keyClick(shown, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(shown, " and ")
    QTest.keyClick(shown, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(shown, "italic")
    assert shown.markdown() == "Plain **bold** and *italic*\n"


def test_combined_marks_nest_in_the_markdown(editor):
    editor.set_markdown("one two three")
    select(editor, "one two three")
    editor.italic_action.trigger()
    select(editor, "two")
    editor.bold_action.trigger()
    editor.strikethrough_action.trigger()
    assert editor.markdown() == "*one ~~**two**~~ three*\n"


def test_clear_formatting_removes_marks_and_links(editor):
    editor.set_markdown("***[all](https://example.org/)*** ~~of it~~")
    editor.selectAll()
    editor.clear_formatting_action.trigger()
    assert editor.markdown() == "all of it\n"


def test_the_action_states_follow_the_cursor(editor):
    editor.set_markdown("plain **bold**\n\n### Heading\n\n> - quoted item")
    place(editor, "bold", 2)
    assert editor.bold_action.isChecked() and editor.paragraph_action.isChecked()
    place(editor, "Heading", 2)
    assert editor.heading3_action.isChecked()
    assert not editor.bold_action.isEnabled()  # a subheading is bold anyway
    place(editor, "quoted", 2)
    assert editor.bullet_list_action.isChecked() and editor.quote_action.isChecked()
    assert not editor.indent_action.isEnabled() and editor.outdent_action.isEnabled()


# -- paragraphs: subheadings, lists, quotes --------------------------------------------------------


def test_subheading_actions(editor):
    editor.set_markdown("Title\n\nBody text.")
    place(editor, "Title")
    editor.heading3_action.trigger()
    assert editor.markdown() == "### Title\n\nBody text.\n"
    editor.heading4_action.trigger()
    assert editor.markdown() == "#### Title\n\nBody text.\n"
    editor.paragraph_action.trigger()
    assert editor.markdown() == "Title\n\nBody text.\n"
    assert editor.textCursor().charFormat().fontWeight() == QFont.Weight.Normal


def test_enter_after_a_subheading_starts_body_text(shown):
    shown.set_markdown("### Heading")
    type_at_end(shown, "")
    QTest.keyClick(shown, Qt.Key.Key_Return)
    QTest.keyClicks(shown, "Body")
    assert shown.markdown() == "### Heading\n\nBody\n"
    assert shown.textCursor().charFormat().fontWeight() == QFont.Weight.Normal


def test_list_actions_toggle_and_switch_kind(editor):
    editor.set_markdown("one\n\ntwo\n\nafter")
    select(editor, "one")
    cursor = editor.textCursor()
    cursor.movePosition(MoveOperation.Down, KeepAnchor)
    editor.setTextCursor(cursor)
    editor.bullet_list_action.trigger()
    assert editor.markdown() == "- one\n- two\n\nafter\n"
    editor.numbered_list_action.trigger()
    assert editor.markdown() == "1. one\n1. two\n\nafter\n"
    editor.numbered_list_action.trigger()
    assert editor.markdown() == "one\n\ntwo\n\nafter\n"


def test_a_subheading_made_a_list_item_loses_its_heading(editor):
    editor.set_markdown("### Heading")
    editor.bullet_list_action.trigger()
    assert editor.markdown() == "- Heading\n"


def test_tab_and_shift_tab_nest_list_items(shown):
    shown.set_markdown("- one\n- two\n- three")
    place(shown, "two")
    QTest.keyClick(shown, Qt.Key.Key_Tab)
    assert shown.markdown() == "- one\n    - two\n- three\n"
    place(shown, "three", 2)
    QTest.keyClick(shown, Qt.Key.Key_Tab)
    assert shown.markdown() == "- one\n    - two\n    - three\n"
    third = shown.document().findBlockByNumber(2)
    assert third.textList().itemNumber(third) == 1  # it joined the list of "two"
    QTest.keyClick(shown, Qt.Key.Key_Tab)
    assert shown.markdown() == "- one\n    - two\n        - three\n"
    QTest.keyClick(shown, Qt.Key.Key_Tab)  # two levels below "two": not possible
    assert shown.markdown() == "- one\n    - two\n        - three\n"
    QTest.keyClick(shown, Qt.Key.Key_Backtab)
    QTest.keyClick(shown, Qt.Key.Key_Backtab)
    assert shown.markdown() == "- one\n    - two\n- three\n"
    QTest.keyClick(shown, Qt.Key.Key_Backtab)
    assert shown.markdown() == "- one\n    - two\n\nthree\n"
    assert shown.textCursor().block().text() == "three"  # the cursor stayed in its paragraph


def test_the_first_item_cannot_be_indented(shown):
    shown.set_markdown("1. first\n1. second")
    place(shown, "first")
    QTest.keyClick(shown, Qt.Key.Key_Tab)
    assert shown.markdown() == "1. first\n1. second\n"


def test_indent_and_outdent_actions(editor):
    editor.set_markdown("1. one\n1. two")
    place(editor, "two")
    editor.indent_action.trigger()
    assert editor.markdown() == "1. one\n    1. two\n"
    editor.outdent_action.trigger()
    assert editor.markdown() == "1. one\n1. two\n"


def test_numbered_lists_joined_by_deleting_a_paragraph_number_on(shown):
    shown.set_markdown("1. one\n1. two\n\nbetween\n\n1. three")
    third = shown.document().findBlockByNumber(3)
    assert third.textList().itemNumber(third) == 0  # a list of its own: "1."
    select(shown, "between")
    QTest.keyClick(shown, Qt.Key.Key_Backspace)  # empties the paragraph
    QTest.keyClick(shown, Qt.Key.Key_Backspace)  # and removes it
    assert shown.markdown() == "1. one\n1. two\n1. three\n"
    third = shown.document().findBlockByNumber(2)
    assert third.textList().itemNumber(third) == 2  # shown as "3.", as the export numbers it
    shown.document().undo()
    shown.document().undo()
    assert shown.markdown() == "1. one\n1. two\n\nbetween\n\n1. three\n"
    third = shown.document().findBlockByNumber(3)
    assert third.textList().itemNumber(third) == 0


def test_lists_either_side_of_an_empty_paragraph_are_one(editor):
    editor.set_markdown("1. one\n\nnot empty yet\n\n1. two")
    select(editor, "not empty yet")
    editor.textCursor().removeSelectedText()
    editor.numbered_list_action.trigger()  # any list edit puts the numbering right
    editor.numbered_list_action.trigger()
    assert editor.markdown() == "1. one\n1. two\n"
    second = editor.document().findBlockByNumber(2)
    assert second.textList().itemNumber(second) == 1  # "2.", as exported


def test_quote_action_quotes_paragraphs_and_lists(editor):
    editor.set_markdown("Said:\n\n- one\n- two")
    editor.selectAll()
    editor.quote_action.trigger()
    assert editor.markdown() == "> Said:\n>\n> - one\n> - two\n"
    place(editor, "one")
    editor.quote_action.trigger()
    assert editor.markdown() == "> Said:\n\n- one\n\n> - two\n"


def test_shift_enter_is_a_hard_line_break(shown):
    QTest.keyClicks(shown, "first")
    QTest.keyClick(shown, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(shown, "second")
    assert shown.markdown() == "first\\\nsecond\n"  # one paragraph, two lines (issue 14)


# -- links -----------------------------------------------------------------------------------------


@pytest.fixture
def link_dialog(monkeypatch):
    """Answers the link dialog with `answer` and records what it was asked."""

    class Fake:
        answer: LinkChoice | None = None
        asked: ClassVar[list[tuple[str, str, bool]]] = []

    def ask(parent, text="", url="", editing=False):
        Fake.asked.append((text, url, editing))
        return Fake.answer

    monkeypatch.setattr(LinkDialog, "ask", staticmethod(ask))
    return Fake


def test_insert_a_link_on_the_selection(editor, link_dialog):
    editor.set_markdown("Read the report today.")
    select(editor, "the report")
    link_dialog.answer = LinkChoice("the report", "https://example.org/report")
    editor.link_action.trigger()
    assert link_dialog.asked == [("the report", "", False)]
    assert editor.markdown() == "Read [the report](https://example.org/report) today.\n"


def test_insert_a_link_without_a_selection_inserts_its_text(editor, link_dialog):
    editor.set_markdown("See")
    editor.moveCursor(MoveOperation.End)
    editor.insertPlainText(" ")
    link_dialog.answer = LinkChoice("", "mailto:desk@example.org")
    editor.link_action.trigger()
    assert editor.markdown() == "See [mailto:desk@example.org](mailto:desk@example.org)\n"


def test_edit_the_link_at_the_cursor(editor, link_dialog):
    editor.set_markdown("A [**bold** link](https://old.example.org/) here.")
    place(editor, "link", 2)
    link_dialog.answer = LinkChoice("bold link", "https://new.example.org/")
    editor.link_action.trigger()
    assert link_dialog.asked == [("bold link", "https://old.example.org/", True)]
    assert editor.markdown() == "A [**bold** link](https://new.example.org/) here.\n"


def test_change_the_text_of_a_link(editor, link_dialog):
    editor.set_markdown("A [link](https://example.org/) here.")
    place(editor, "link")
    link_dialog.answer = LinkChoice("better words", "https://example.org/")
    editor.link_action.trigger()
    assert editor.markdown() == "A [better words](https://example.org/) here.\n"


def test_remove_a_link(editor, link_dialog):
    editor.set_markdown("A *[link](https://example.org/)* here.")
    place(editor, "link", 4)  # at its end still counts as in the link
    link_dialog.answer = LinkChoice(remove=True)
    editor.link_action.trigger()
    assert editor.markdown() == "A *link* here.\n"


def test_a_cancelled_link_dialog_changes_nothing(editor, link_dialog):
    editor.set_markdown("Unchanged text.")
    select(editor, "text")
    link_dialog.answer = None
    editor.link_action.trigger()
    assert editor.markdown() == "Unchanged text.\n"


def test_ctrl_k_opens_the_link_dialog(shown, link_dialog):
    shown.set_markdown("word")
    shown.selectAll()
    link_dialog.answer = LinkChoice("word", "https://example.org/")
    QTest.keyClick(shown, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert shown.markdown() == "[word](https://example.org/)\n"


def test_typing_after_a_link_does_not_extend_it(shown):
    shown.set_markdown("[link](https://example.org/) and more")
    place(shown, "link", 4)
    QTest.keyClicks(shown, "s")
    assert shown.markdown() == "[link](https://example.org/)s and more\n"
    place(shown, "link", 2)
    QTest.keyClicks(shown, "-")
    assert shown.markdown() == "[li-nk](https://example.org/)s and more\n"


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
        ("example.org/path", "https://example.org/path"),
        ("www.example.co.uk", "https://www.example.co.uk"),
        ("desk@example.org", "mailto:desk@example.org"),
        ("mailto:desk@example.org?subject=Hi", "mailto:desk@example.org?subject=Hi"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("ftp://example.org", None),
        ("/relative/path", None),
        ("two words", None),
        ("https://", None),
        ("", None),
    ],
)
def test_only_web_and_mail_addresses_are_links(typed, url):
    assert normalized_link_url(typed) == url


def test_the_link_dialog_accepts_only_valid_addresses(qtbot):
    dialog = LinkDialog(None, "text", "", editing=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.url_edit.setText("javascript:alert(1)")
    assert not ok.isEnabled() and dialog.problem_label.text()
    dialog.url_edit.setText("example.org")
    assert ok.isEnabled() and not dialog.problem_label.text()
    assert "https://example.org" in dialog.completion_label.text()  # completed, and shown
    assert dialog.choice() == LinkChoice("text", "https://example.org")
    dialog.url_edit.setText("https://example.org/already-whole")
    assert not dialog.completion_label.text()
    dialog.remove_button.click()
    assert dialog.choice() == LinkChoice(remove=True)


# -- paste -----------------------------------------------------------------------------------------


def paste_html(editor: SectionEditor, html: str) -> None:
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("the plain-text version must not be used")
    editor.insertFromMimeData(mime)


MESSY_WEB_PAGE = """
<html><head><style>p { color: red } .x { font-size: 30px }</style>
<script>document.write('tracking')</script></head>
<body style="font-family: Comic Sans MS; background: yellow">
<h1 class="x" style="color: #c00">Big <span style="font-size:40px">Title</span></h1>
<p><font face="Arial" color="blue" size="5">Fonts and colours</font> go,
<span style="font-weight: 700">bold</span> and <span style="font-style: italic">italic</span>
and <s>struck</s> stay.<script>alert('x')</script></p>
<p>A <a href="https://example.org/page" style="color: green">link</a>,
a <a href="javascript:alert(1)">script link</a>, a <a href="/relative">relative one</a>.
<img src="https://tracker.example.org/pixel.gif" width="1" height="1">
<img src="data:image/png;base64,iVBORw0KGgo="></p>
<ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul>
<blockquote><p>Quoted <em>words</em>.</p></blockquote>
<table><tr><td>cell text</td></tr></table>
</body></html>
"""


def test_paste_from_a_web_page_keeps_only_what_the_article_supports(editor):
    paste_html(editor, MESSY_WEB_PAGE)
    assert editor.markdown() == (
        "### Big Title\n\n"
        "Fonts and colours go, **bold** and *italic* and ~~struck~~ stay.\n\n"
        "A [link](https://example.org/page), a script link, a relative one.\n\n"
        "- one\n    - nested\n- two\n\n"
        "> Quoted *words*.\n\n"
        "| cell text |\n| --- |\n|  |\n"  # a pasted table stays a table (issue 14)
    )
    html = editor.document().toHtml()
    for gone in ("Comic Sans", "Arial", "tracker", "data:image", "alert", "tracking", "yellow"):
        assert gone not in html


WORD_HTML = """
<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {margin:0cm; font-size:12.0pt; font-family:"Calibri",serif;} --></style>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
</head><body lang=DE>
<p class=MsoNormal><b><span style='font-size:14.0pt;color:#2F5496'>Gemeinderat
tagt</span></b><o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal><span style='font-family:"Times New Roman"'>Der Rat hat am Montag
<i>einstimmig</i> beschlossen.</span><o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>
<![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;&nbsp;</span></span>
<![endif]>Erstens<o:p></o:p></p>
</body></html>
"""


def test_paste_from_a_word_processor_drops_its_styling(editor):
    paste_html(editor, WORD_HTML)
    assert editor.markdown() == (
        "**Gemeinderat tagt**\n\nDer Rat hat am Montag *einstimmig* beschlossen.\n\n"
        "- Erstens\n"  # Word's list paragraph is a list item; its "·" marker is dropped
    )


def test_google_docs_wrapper_does_not_make_everything_bold(editor):
    paste_html(
        editor,
        '<b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr">'
        '<span style="font-weight:700">Lead</span><span style="font-weight:400"> text</span>'
        "</p></b>",
    )
    assert editor.markdown() == "**Lead** text\n"


def test_pasted_markdown_characters_stay_text(editor):
    mime = QMimeData()
    mime.setText("*not emphasis* # and [no](link)\nsecond line")
    editor.insertFromMimeData(mime)
    assert editor.markdown() == "\\*not emphasis\\* # and \\[no\\](link)\n\nsecond line\n"


def test_paste_inside_a_paragraph_joins_it(editor):
    editor.set_markdown("Before after.")
    place(editor, "after")
    paste_html(editor, "<p><b>bold</b> </p>")
    assert editor.markdown() == "Before **bold** after.\n"


def test_paste_into_a_subheading_takes_its_font(editor):
    editor.set_markdown("### Heading")
    place(editor, "ing")
    paste_html(editor, "<i>it</i>")
    assert editor.markdown() == "### Head*it*ing\n"
    block = editor.document().begin()
    fragment = block.begin()
    assert all(f.fontWeight() == QFont.Weight.Bold for f in [fragment.fragment().charFormat()])


def test_copy_and_paste_within_the_article_is_exact(editor, qtbot):
    source = "> - **[a](https://example.org/)** b\n>     1. ~~c~~\n"
    editor.set_markdown(source)
    editor.selectAll()
    mime = editor.createMimeDataFromSelection()
    assert bytes(mime.data(MARKDOWN_MIME_TYPE).data()).decode() == source
    other = SectionEditor()
    qtbot.addWidget(other)
    other.insertFromMimeData(mime)
    assert other.markdown() == source


# -- typographic quotes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("de", "Er sagte \"Hallo\" und 'tschüss'.", "Er sagte „Hallo“ und ‚tschüss‘."),
        ("de-DE", 'Wie geht\'s? ("gut")', "Wie geht’s? („gut“)"),
        ("de-CH", '"Grüezi"', "«Grüezi»"),
        ("en", "She said \"hello\" and 'bye'.", "She said “hello” and ‘bye’."),
        ("en-GB", 'It\'s "fine".', "It’s “fine”."),
        ("fr", '"texte"', '"texte"'),
    ],
)
def test_typographic_quotes_as_you_type(shown, language, typed, expected):
    shown.typographic_quotes = True
    shown.language = language
    type_text(shown, typed)
    assert shown.toPlainText() == expected


def test_straight_quotes_without_the_option(shown):
    QTest.keyClicks(shown, "\"plain\" 'quotes'")
    assert shown.toPlainText() == "\"plain\" 'quotes'"


def test_quote_choice_by_context():
    assert typographic_quote('"', "", "de") == "„"
    assert typographic_quote('"', "Wort", "de") == "“"
    assert typographic_quote("'", "Rock ", "en") == "‘"
    assert typographic_quote("'", "rock", "en") == "’"
    assert typographic_quote("'", "er sagte ‚ja", "de") == "‘"
    assert typographic_quote("'", "Ku", "de") == "’"  # an apostrophe, as in Ku’damm
    assert typographic_quote('"', "x", "nl") is None


# -- documents and undo ----------------------------------------------------------------------------


def test_new_section_document_holds_the_markdown_with_no_undo_history():
    document = new_section_document("Some *text*.\n")
    assert document.defaultFont().pointSizeF() >= 11
    assert not document.isUndoAvailable() and not document.isModified()
    editor = SectionEditor()
    editor.set_document(document)
    assert editor.document() is document
    assert editor.markdown() == "Some *text*.\n"
    editor.deleteLater()


def test_set_markdown_is_not_an_undoable_edit(editor):
    editor.set_markdown("Loaded.")
    assert not editor.document().isUndoAvailable()


def test_each_action_is_one_undo_step(editor):
    editor.set_markdown("one\n\ntwo")
    editor.selectAll()
    editor.numbered_list_action.trigger()
    editor.document().undo()
    assert editor.markdown() == "one\n\ntwo\n"


class _Recorded(QUndoCommand):
    def __init__(self, log: list[str]) -> None:
        super().__init__("recorded")
        self.log = log

    def undo(self) -> None:
        self.log.append("undo")

    def redo(self) -> None:
        self.log.append("redo")


def test_undo_keys_go_to_the_window_history(shown):
    stack = QUndoStack(shown)
    log: list[str] = []
    stack.push(_Recorded(log))
    shown.set_undo_stack(stack)
    QTest.keyClicks(shown, "typed")
    QTest.keyClick(shown, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(
        shown, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert log == ["redo", "undo", "redo"]
    assert shown.toPlainText() == "typed"  # the document's own undo was not used


def test_the_toolbar_holds_the_actions(editor, qtbot):
    toolbar = editor.format_toolbar()
    qtbot.addWidget(toolbar)
    actions = [a for a in toolbar.actions() if not a.isSeparator()]
    assert editor.bold_action in actions and editor.link_action in actions
    assert len(actions) == 15  # with subscript and superscript (issue 14)
    assert editor.bold_action.shortcut().toString() == "Ctrl+B"
    assert editor.link_action.shortcut().toString() == "Ctrl+K"


def _paste_fixture(name: str) -> str:
    from pathlib import Path

    return (Path(__file__).parents[2] / "formats" / "paste_fixtures" / name).read_text("utf-8")


def test_paste_from_word_keeps_subheadings_lists_quotes_and_tables(editor):
    paste_html(editor, _paste_fixture("word.html"))
    markdown = editor.markdown()
    assert markdown.startswith("### Nachtfähre nach Larsby\n\n### Was der Rat beschloss\n\n")
    assert "- Abfahrt um 23 Uhr\n    - auch sonntags\n- Rückfahrt um 5 Uhr" in markdown
    assert "> *„Endlich fährt sie wieder“, sagt Jürgen Weiß.*" in markdown
    assert "| 23:00 | Kelby Süd |" in markdown


def test_paste_from_google_docs_is_not_all_bold(editor):
    paste_html(editor, _paste_fixture("google_docs.html"))
    markdown = editor.markdown()
    assert "keep **all three** *cranes* ~~two~~" in markdown
    assert "1. Crane one\n1. Crane two" in markdown  # the editor numbers every item 1.


def test_a_clipboard_nested_past_the_bounds_pastes_its_plain_text(editor):
    mime = QMimeData()
    mime.setHtml("<div>" * 5000 + "Tiefe")
    mime.setText("Tiefe")
    editor.insertFromMimeData(mime)
    assert editor.markdown() == "Tiefe\n"
