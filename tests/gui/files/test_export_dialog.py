"""File > Export through the export dialog: form, target, remembered choices, preflight
warning, opening the page afterwards; and export_html with a given target (no dialog)."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image as PillowImage
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from newsdesk.gui.files import export_formats
from newsdesk.gui.files.article_files import ArticleFiles
from newsdesk.gui.files.export import export_html, preflight_errors
from newsdesk.gui.files.export_dialog import (
    ExportDialog,
    default_target,
    errors_summary,
)
from newsdesk.gui.settings import Settings
from newsdesk.gui.translations import TsTranslator, translations_dir
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from tests.gui import window_helpers
from tests.gui.article_states import bridged_state
from tests.gui.window_helpers import make_project

answers = window_helpers.answers
save_dialog = window_helpers.save_dialog


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 48), (30, 90, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


def ready_article() -> Article:
    """No preflight errors: headline, text, a photo with alt text and credit."""
    return Article(
        headline="Night buses return to the old town",
        description="Three lines run again after midnight from Friday.",
        byline="Jonas Wirth",
        slug="night-buses-return",
        language="en",
        sections=[Section(markdown="The city brings back three night bus lines on Friday.")],
        images=[
            Image(
                role="lead",
                data=_jpeg(),
                filename="bus.jpg",
                caption="A night bus at the town hall stop",
                alt="A lit bus waiting at an empty stop",
                credit="Jonas Wirth",
            )
        ],
    )


def faulty_article() -> Article:
    """Seven preflight errors: no headline, a photo without alt/credit, broken related URLs."""
    article = ready_article()
    article.headline = ""
    article.slug = ""
    article.images[0].alt = ""
    article.images[0].credit = ""
    article.related = RelatedLinks(
        heading="More",
        links=[RelatedLink(f"Link {n}", f"nowhere-{n}") for n in range(1, 5)],
    )
    return article


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def files(qtbot, tmp_path, settings):
    """An ArticleFiles with `ready_article` open from tmp_path/story.newsdesk."""
    window = QWidget()
    qtbot.addWidget(window)
    stack = bridged_state(Article(sections=[Section()]))
    article_files = ArticleFiles(window, stack, settings=settings, data_dir=tmp_path / "data")
    assert article_files.open_path(make_project(tmp_path / "story.newsdesk", ready_article()))
    yield article_files
    article_files.close()


@pytest.fixture
def dialog_steps(monkeypatch):
    """Replace ExportDialog.exec: run the queued `steps(dialog)`, return what the dialog ended as.

    Records each dialog shown, so a test can assert on what the journalist saw.
    """

    class Driver:
        def __init__(self) -> None:
            self.steps = None
            self.shown: list[ExportDialog] = []

    driver = Driver()

    def fake_exec(dialog: ExportDialog) -> int:
        driver.shown.append(dialog)
        assert driver.steps is not None, "an export dialog nobody expected"
        driver.steps(dialog)
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    return driver


def choose(target: Path, mode: str = "embed", open_afterwards: bool = False):
    """Steps that fill the dialog as given and press Export."""

    def steps(dialog: ExportDialog) -> None:
        (dialog.folder_radio if mode == "folder" else dialog.embed_radio).setChecked(True)
        dialog.target_edit.setText(str(target))
        dialog.open_check.setChecked(open_afterwards)
        dialog.export_button.click()

    return steps


class _ImageSources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.sources.append(dict(attrs).get("src", ""))


def image_sources(page: Path) -> list[str]:
    parser = _ImageSources()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.sources


# --- writing ----------------------------------------------------------------------------------


def test_standalone_export_puts_the_images_inside_the_page(files, tmp_path, dialog_steps):
    target = tmp_path / "out" / "buses.html"
    target.parent.mkdir()
    dialog_steps.steps = choose(target, "embed")
    messages = []
    files.message.connect(messages.append)
    assert export_html(files)
    sources = image_sources(target)
    assert sources and all(src.startswith("data:image/") for src in sources)
    assert not (target.parent / "buses_files").exists()
    assert messages == ["Exported “buses.html”"]


def test_folder_export_writes_the_images_next_to_the_page(files, tmp_path, dialog_steps):
    target = tmp_path / "buses"  # the suffix is added
    dialog_steps.steps = choose(target, "folder")
    assert export_html(files)
    page = tmp_path / "buses.html"
    sources = image_sources(page)
    assert sources and all(src.startswith("buses_files/") for src in sources)
    for src in sources:
        assert (tmp_path / src).is_file()


def test_the_dialog_remembers_folder_mode_and_browser_choice(
    files, tmp_path, settings, dialog_steps
):
    out = tmp_path / "exports"
    out.mkdir()
    dialog_steps.steps = choose(out / "first.html", "folder", open_afterwards=True)
    opened = []
    assert export_html(files, opener=opened.append)
    assert settings.export_folder == str(out)
    assert settings.export_mode == "folder"

    def look(dialog: ExportDialog) -> None:
        dialog.reject()

    dialog_steps.steps = look
    assert not export_html(files, opener=opened.append)
    again = dialog_steps.shown[-1]
    assert again.folder_radio.isChecked()
    assert again.open_check.isChecked()
    # The last folder and the article's slug.
    assert again.target() == out / "night-buses-return.html"


def test_default_target_falls_back_when_the_folder_is_gone(tmp_path, settings):
    suggested = tmp_path / "drafts" / "story.html"
    settings.export_folder = str(tmp_path / "removed")
    assert default_target(settings, suggested, "") == suggested
    assert default_target(settings, suggested, "a/b") == tmp_path / "drafts" / "a-b.html"
    settings.export_folder = str(tmp_path)
    assert default_target(settings, suggested, "vote") == tmp_path / "vote.html"


def test_cancel_writes_nothing(files, tmp_path, dialog_steps):
    dialog_steps.steps = lambda dialog: dialog.buttons.rejected.emit()
    assert not export_html(files)
    assert list(tmp_path.glob("*.html")) == []


def test_the_opener_gets_the_page_only_when_asked(files, tmp_path, dialog_steps):
    opened = []
    dialog_steps.steps = choose(tmp_path / "quiet.html", open_afterwards=False)
    assert export_html(files, opener=opened.append)
    assert opened == []
    dialog_steps.steps = choose(tmp_path / "shown.html", open_afterwards=True)
    assert export_html(files, opener=lambda path: opened.append(path) or True)
    assert opened == [tmp_path / "shown.html"]


def test_a_browser_that_does_not_open_is_said_in_the_status(files, tmp_path, dialog_steps):
    messages = []
    files.message.connect(messages.append)
    dialog_steps.steps = choose(tmp_path / "page.html", open_afterwards=True)
    assert export_html(files, opener=lambda path: False)
    assert messages[-1] == "Exported “page.html”; no browser could open it"


# --- the target -------------------------------------------------------------------------------


def test_a_missing_folder_is_said_in_the_dialog(files, tmp_path, dialog_steps):
    def steps(dialog: ExportDialog) -> None:
        choose(tmp_path / "nowhere" / "page.html")(dialog)
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.problem_label.isVisibleTo(dialog)
        assert "nowhere" in dialog.problem_label.text()
        dialog.reject()

    dialog_steps.steps = steps
    assert not export_html(files)


def test_an_existing_file_is_replaced_only_when_confirmed(files, tmp_path, dialog_steps, answers):
    target = tmp_path / "page.html"
    target.write_text("older page", encoding="utf-8")
    answers.answer("cancel")

    def keep_then_leave(dialog: ExportDialog) -> None:
        choose(target)(dialog)
        assert dialog.result() != QDialog.DialogCode.Accepted  # still open after "cancel"
        dialog.reject()

    dialog_steps.steps = keep_then_leave
    assert not export_html(files)
    assert target.read_text(encoding="utf-8") == "older page"
    assert answers.asked == [("Export", "“page.html” already exists. Replace it?")]
    answers.answer("replace")
    dialog_steps.steps = choose(target)
    assert export_html(files)
    assert "Night buses return" in target.read_text(encoding="utf-8")


def test_browse_sets_the_target_and_its_overwrite_question_counts(
    files, tmp_path, dialog_steps, save_dialog
):
    target = tmp_path / "chosen.html"
    target.write_text("older page", encoding="utf-8")
    save_dialog.path = target

    def steps(dialog: ExportDialog) -> None:
        dialog.browse_button.click()
        assert dialog.target() == target
        dialog.export_button.click()  # the file dialog asked already: no second question

    dialog_steps.steps = steps
    assert export_html(files)
    assert save_dialog.calls == 1
    assert "Night buses return" in target.read_text(encoding="utf-8")


# --- preflight errors -------------------------------------------------------------------------


def test_errors_are_listed_and_export_anyway_writes(files, tmp_path, dialog_steps):
    files.article.headline = ""
    files.article.images[0].credit = ""

    def steps(dialog: ExportDialog) -> None:
        assert dialog.errors_box.isVisibleTo(dialog)
        text = dialog.errors_label.text()
        assert "The article has no headline" in text
        assert "Lead image “bus.jpg”: no credit" in text
        assert dialog.export_button.text() == "Export Anyway"
        choose(tmp_path / "anyway.html")(dialog)

    dialog_steps.steps = steps
    assert export_html(files)
    assert (tmp_path / "anyway.html").is_file()


def test_errors_then_cancel_writes_nothing(files, tmp_path, dialog_steps):
    files.article.headline = ""

    def steps(dialog: ExportDialog) -> None:
        assert "The article has no headline" in dialog.errors_label.text()
        dialog.reject()

    dialog_steps.steps = steps
    assert not export_html(files)
    assert list(tmp_path.glob("*.html")) == []


def test_without_errors_there_is_no_warning(files, dialog_steps):
    dialog_steps.steps = lambda dialog: dialog.reject()
    export_html(files)
    dialog = dialog_steps.shown[0]
    assert not dialog.errors_box.isVisibleTo(dialog)
    assert dialog.export_button.text() == "Export"


def test_many_errors_show_the_first_few_and_how_many_more(settings, tmp_path, qapp):
    english = TsTranslator(translations_dir() / "newsdesk_en.ts")
    qapp.installTranslator(english)
    try:
        errors = preflight_errors(faulty_article())
        assert len(errors) == 7
        dialog = ExportDialog(settings, tmp_path / "story.html", errors=errors)
        text = dialog.errors_label.text()
        # "check", as the tab with the findings is called
        assert text.startswith("The check found 7 errors readers would notice:")
        assert all(f"• {error}" in text for error in errors[:5])
        assert errors[5] not in text and errors[6] not in text
        assert text.endswith("and 2 more")
        dialog.deleteLater()
    finally:
        qapp.removeTranslator(english)
    assert errors_summary(["one"]) == "• one"


def test_the_german_warning_names_the_check_as_the_tab_does(settings, tmp_path, qapp):
    german = TsTranslator(translations_dir() / "newsdesk_de.ts")
    qapp.installTranslator(german)
    try:
        tab = QCoreApplication.translate("SidePanes", "Check")
        errors = preflight_errors(faulty_article())
        dialog = ExportDialog(settings, tmp_path / "story.html", errors=errors)
        text = dialog.errors_label.text()
        dialog.deleteLater()
    finally:
        qapp.removeTranslator(german)
    assert tab == "Prüfung"
    assert text.startswith("Die Prüfung hat 7 Fehler gefunden, die Leser bemerken würden:")


def test_typed_text_reaches_the_preflight_before_the_dialog(files, dialog_steps):
    from PySide6.QtGui import QTextCursor

    files.article.sections[0].markdown = ""
    files.stack.document(files.article.sections[0].id)  # the editor's document, still empty
    seen = []
    dialog_steps.steps = lambda dialog: (seen.append(dialog.errors_label.text()), dialog.reject())
    export_html(files)
    assert "The article has no text yet" in seen[0]
    QTextCursor(files.stack.document(files.article.sections[0].id)).insertText("Now typed.")
    export_html(files)
    assert "no text" not in seen[1]


# --- no dialog --------------------------------------------------------------------------------


def test_a_given_target_asks_nothing(files, tmp_path, dialog_steps):
    files.article.headline = ""  # errors do not stop a caller that named the file
    assert export_html(files, tmp_path / "direct.html", assets="folder")
    assert dialog_steps.shown == []
    assert (tmp_path / "direct_files").is_dir()


def test_the_real_dialog_runs_modally_and_exports(files, tmp_path, monkeypatch):
    def press_export() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        dialog.target_edit.setText(str(tmp_path / "modal.html"))
        dialog.export_button.click()

    QTimer.singleShot(0, press_export)
    assert export_html(files)
    assert (tmp_path / "modal.html").is_file()
    assert files.settings.open_export_in_browser is False


def test_a_never_saved_article_is_suggested_under_its_headlines_slug(qtbot, tmp_path):
    from newsdesk.gui.main_window import MainWindow
    from newsdesk.model.article import Article, Section

    window = MainWindow(data_dir=tmp_path / "data")
    qtbot.addWidget(window)
    window.article_state.set_article(
        Article(headline="Fähre fährt wieder", sections=[Section(markdown="Ab Montag.")])
    )
    assert window.article.slug == ""  # follows the headline
    assert window.files.suggested_path().name == "faehre-faehrt-wieder.newsdesk"


# --- every format -----------------------------------------------------------------------------


def choose_format(target: Path, fmt: str, credits: bool = True):
    """Steps that choose the format in the list, type the file and press Export."""

    def steps(dialog: ExportDialog) -> None:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
        dialog.target_edit.setText(str(target))
        dialog.credits_check.setChecked(credits)
        dialog.export_button.click()

    return steps


def test_word_export_writes_a_docx_through_the_core_writer(files, tmp_path, dialog_steps):
    import zipfile

    dialog_steps.steps = choose_format(tmp_path / "buses", "docx")
    assert export_formats.export(files)
    target = tmp_path / "buses.docx"  # the format's suffix is added
    with zipfile.ZipFile(target) as package:
        body = package.read("word/document.xml").decode("utf-8")
        pictures = [n for n in package.namelist() if n.startswith("word/media/")]
    assert "Night buses return to the old town" in body
    assert len(pictures) == 1


def test_markdown_export_puts_the_photos_in_a_folder_beside_it(files, tmp_path, dialog_steps):
    dialog_steps.steps = choose_format(tmp_path / "buses.md", "md")
    assert export_formats.export(files)
    text = (tmp_path / "buses.md").read_text(encoding="utf-8")
    assert text.startswith("---\n") and "Night buses return to the old town" in text
    assert [p.suffix for p in (tmp_path / "buses_files").iterdir()] == [".jpg"]


def test_photo_credits_follow_the_option(files, tmp_path, dialog_steps, settings):
    with_credits, without = tmp_path / "with.md", tmp_path / "without.md"
    dialog_steps.steps = choose_format(with_credits, "md", credits=True)
    assert export_formats.export(files)
    dialog_steps.steps = choose_format(without, "md", credits=False)
    assert export_formats.export(files)
    credited = next((tmp_path / "with_files").iterdir()).read_bytes()
    plain = next((tmp_path / "without_files").iterdir()).read_bytes()
    assert b"Jonas Wirth" in credited and b"Jonas Wirth" not in plain
    assert settings.export_photo_credits is False  # remembered for the next export


def test_agency_text_export(files, tmp_path, dialog_steps):
    dialog_steps.steps = choose_format(tmp_path / "buses.txt", "txt")
    assert export_formats.export(files)
    text = (tmp_path / "buses.txt").read_text(encoding="utf-8")
    assert text.startswith("Night buses return to the old town")
    assert "<< photo by Jonas Wirth >>" in text or "Jonas Wirth" in text


def test_pdf_export_writes_the_proof(files, tmp_path, dialog_steps):
    dialog_steps.steps = choose_format(tmp_path / "proof.pdf", "pdf")
    assert export_formats.export(files)
    assert (tmp_path / "proof.pdf").read_bytes().startswith(b"%PDF")


def test_a_typed_suffix_chooses_the_format_and_a_chosen_format_the_suffix(settings, tmp_path, qapp):
    dialog = ExportDialog(settings, tmp_path / "story.html", slug="vote")
    assert dialog.format == "html" and dialog.target() == tmp_path / "vote.html"
    dialog.target_edit.setText(str(tmp_path / "proof.pdf"))
    assert dialog.format == "pdf"
    assert not dialog.embed_radio.isVisibleTo(dialog)  # the page's form is no PDF question
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("docx"))
    assert dialog.target() == tmp_path / "proof.docx"
    assert dialog.credits_check.isVisibleTo(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("txt"))
    assert dialog.target_edit.text() == str(tmp_path / "proof.txt")
    assert not dialog.credits_check.isVisibleTo(dialog)  # agency text carries no photo files
    dialog.deleteLater()


def test_the_format_is_remembered(files, tmp_path, dialog_steps, settings):
    dialog_steps.steps = choose_format(tmp_path / "a.docx", "docx")
    assert export_formats.export(files)
    assert settings.export_format == "docx"

    def look(dialog: ExportDialog) -> None:
        dialog.reject()

    dialog_steps.steps = look
    assert not export_formats.export(files)
    again = dialog_steps.shown[-1]
    assert again.format == "docx" and again.target() == tmp_path / "night-buses-return.docx"


def test_an_existing_word_file_is_kept_unless_replacing_is_confirmed(
    files, tmp_path, dialog_steps, answers
):
    target = tmp_path / "buses.docx"
    target.write_bytes(b"older")
    answers.answer("cancel")

    def keep_then_leave(dialog: ExportDialog) -> None:
        choose_format(target, "docx")(dialog)
        dialog.reject()

    dialog_steps.steps = keep_then_leave
    assert not export_formats.export(files)
    assert target.read_bytes() == b"older"
    assert answers.asked == [("Export", "“buses.docx” already exists. Replace it?")]


def test_the_page_s_photos_follow_the_credit_option_too(files, tmp_path, dialog_steps):
    def folder_export(name: str, credits: bool):
        def steps(dialog: ExportDialog) -> None:
            dialog.folder_radio.setChecked(True)
            choose_format(tmp_path / name, "html", credits=credits)(dialog)

        return steps

    dialog_steps.steps = folder_export("plain.html", credits=False)
    assert export_formats.export(files)
    dialog_steps.steps = folder_export("credited.html", credits=True)
    assert export_formats.export(files)
    plain = [p.read_bytes() for p in (tmp_path / "plain_files").iterdir()]
    credited = {p.name: p.read_bytes() for p in (tmp_path / "credited_files").iterdir()}
    assert plain and credited
    assert all(b"Jonas Wirth" not in data for data in plain)
    assert [name for name, data in credited.items() if b"Jonas Wirth" not in data] == []


def test_export_html_without_a_target_writes_the_format_the_dialog_chose(
    files, tmp_path, dialog_steps
):
    dialog_steps.steps = choose_format(tmp_path / "buses.txt", "txt")
    assert export_html(files)
    assert (tmp_path / "buses.txt").read_text(encoding="utf-8").startswith("Night buses")
