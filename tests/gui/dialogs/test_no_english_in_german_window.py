"""The German window shows no English: every menu, dock, tab and dialog a user reaches.

The app is started as `newsdesk FILE` in German on a German article with a photo, related links
and check findings. The test opens every menu of the menu bar, clicks every tab, shows every dock,
and opens every dialog reachable without a file chooser; on each screen it reads what a user
reads (labels, buttons, tabs, titles, menu entries, list entries, tooltips, placeholders) and
fails on English.

English is recognised two ways: a text that is one of the English sources our translations
replace (resources/translations/newsdesk_de.ts: a string shown untranslated), and a text with
an English word that no German translation uses (a string never marked for translation, or an
English error the core raised). The article's own text, typed by the journalist, is not read.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from newsdesk.gui.translations import translations_dir
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.store import create_project
from tests.journeys.harness import (
    click,
    close_menus,
    expect_dialog,
    open_menu,
    settle,
    trigger_menu,
    visible_dialog,
    visible_text,
    wait_until,
)

# Names that are the same in German (and language names, which stay in their own language).
PROPER_NAMES = {"Newsdesk", "English", "Deutsch", "Desktop", "Tablet", "Link", "Slug", "WordPress"}

# Common English words of an interface; a word some German translation uses is not counted.
_WORDS = """
    the and of with your this is are not to for from save saved open edit view help photo photos
    section sections words characters read add delete remove new none show hide insert check
    preview related caption credit headline article unsaved untitled search replace find cancel
    close yes language spelling settings choose missing error warning page image images file
    files cannot could should must there here next previous lead body opinion box crop rotate
"""
ENGLISH_WORDS = set(_WORDS.split())

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")  # "de", "en-GB": codes, not English

GERMAN_TS = translations_dir() / "newsdesk_de.ts"


def _translations() -> list[tuple[str, str]]:
    root = ElementTree.parse(GERMAN_TS).getroot()
    pairs = []
    for message in root.iter("message"):
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for form in forms:
            pairs.append((message.findtext("source") or "", form))
    return pairs


def _normal(text: str) -> str:
    return " ".join(visible_text(text).split()).rstrip(":").strip()


def _pattern(source: str) -> re.Pattern[str]:
    """A source as it shows on screen: %1, %n and {name} stand for anything."""
    parts = re.split(r"%\d|%n|%L\d|\{\w+\}", _normal(source))
    return re.compile(".+".join(re.escape(part) for part in parts), re.DOTALL)


def _english_detector() -> Callable[[str], str | None]:
    pairs = _translations()
    german = {_normal(translation) for _, translation in pairs}
    german_words = {w.lower() for _, t in pairs for w in re.findall(r"[A-Za-zÄÖÜäöüß]+", t)}
    replaced = [
        _pattern(source)
        for source, translation in pairs
        if _normal(source)
        and _normal(source) != _normal(translation)
        and _normal(source) not in german
        and _normal(source) not in PROPER_NAMES
        and re.search(r"[A-Za-z]{2}", source)
    ]
    words = ENGLISH_WORDS - german_words

    def english(text: str) -> str | None:
        shown = _normal(text)
        if not shown or shown in german or shown in PROPER_NAMES or LANGUAGE_TAG.match(shown):
            return None
        for pattern in replaced:
            if pattern.fullmatch(shown):
                return f"untranslated source {pattern.pattern!r}"
        without_addresses = re.sub(r"\S+://\S+|\S+@\S+|\S+\.\w{2,4}\b", " ", shown)
        found = [w for w in re.findall(r"[A-Za-z]+", without_addresses) if w.lower() in words]
        return f"English words {found}" if found else None

    return english


# --- what a user reads ---------------------------------------------------------------------------


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text) if "<" in text else text


def _texts_of(widget: QWidget) -> Iterable[tuple[str, str]]:
    """(where, text) for what `widget` shows: its own texts and its tooltip."""
    name = f"{type(widget).__name__} {widget.objectName()!r}"
    if widget.toolTip():
        yield name + " tooltip", _plain(widget.toolTip())
    if widget.isWindow() and widget.windowTitle():
        yield name + " title", widget.windowTitle()
    if isinstance(widget, QLabel):
        yield name, _plain(widget.text())
    elif isinstance(widget, QAbstractButton):
        yield name, widget.text()
    elif isinstance(widget, QGroupBox):
        yield name, widget.title()
    elif isinstance(widget, QDockWidget):
        yield name, widget.windowTitle()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield name, widget.tabText(index)
            yield name + " tooltip", widget.tabToolTip(index)
    elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        yield name + " placeholder", widget.placeholderText()  # the text itself is the article's
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield name, widget.itemText(index)
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _item_texts(name, widget)


def _item_texts(name: str, view: QAbstractItemView) -> Iterable[tuple[str, str]]:
    model = view.model()
    pending = [view.rootIndex()]
    while pending:
        parent = pending.pop()
        for row in range(min(model.rowCount(parent), 200)):
            index = model.index(row, 0, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield name + " item", _plain(value)
            pending.append(index)
    header_view = getattr(view, "header", None)
    if header_view is not None and not header_view().isHidden():
        for section in range(header_view().count()):
            header = model.headerData(section, Qt.Orientation.Horizontal)
            if isinstance(header, str):
                yield name + " header", header


def _menu_texts(menu: QMenu, where: str) -> Iterable[tuple[str, str]]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield f"{where} > {visible_text(action.text())}", action.text()
        if action.toolTip() and action.toolTip() != visible_text(action.text()):
            yield f"{where} > {visible_text(action.text())} tooltip", action.toolTip()
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), f"{where} > {visible_text(action.text())}")


def _on_screen(top: QWidget | None = None) -> list[tuple[str, str]]:
    tops = [top] if top is not None else QApplication.topLevelWidgets()
    found = []
    for window in tops:
        if not window.isVisible() or isinstance(window, QFileDialog | QMenu):
            continue
        for widget in [window, *window.findChildren(QWidget)]:
            if widget.isVisible():
                found.extend(_texts_of(widget))
    return found


class Reader:
    """Collects what the user read, screen after screen; `english()` lists what was English."""

    def __init__(self) -> None:
        self.read: list[tuple[str, str, str]] = []  # (screen, where, text)
        self._english = _english_detector()

    def look(self, screen: str, top: QWidget | None = None) -> None:
        settle(80)
        self.read.extend((screen, where, text) for where, text in _on_screen(top))

    def add(self, screen: str, texts: Iterable[tuple[str, str]]) -> None:
        self.read.extend((screen, where, text) for where, text in texts)

    def english(self) -> list[str]:
        found = []
        for screen, where, text in self.read:
            why = self._english(text)
            if why:
                found.append(f"{screen}: {where}: {text!r} ({why})")
        return sorted(set(found))


def make_jpeg(width: int, height: int) -> bytes:
    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 110, 160)).save(out, "JPEG")
    return out.getvalue()


# --- the errand -----------------------------------------------------------------------------------


@pytest.fixture
def german_story(tmp_path) -> Path:
    path = tmp_path / "faehre.newsdesk"
    photo = Image(
        data=make_jpeg(640, 400),
        filename="faehre.jpg",
        role="lead",
        caption="Die neue Fähre legt in Süderoog an.",
        alt="Eine weiße Fähre am Anleger, Fahrgäste gehen an Bord.",
        credit="Jörg Weiß",
    )
    article = Article(
        headline="Fähre fährt künftig bis Mitternacht",
        subheadline="Gemeinderat beschließt längeren Fahrplan",
        byline="Von Grete Müller",
        language="de",
        sections=[
            Section(markdown="Die Gemeinde verlängert den Fahrplan der Fähre ab März."),
            Section(heading="Was sich ändert", markdown="Zwei späte Überfahrten kommen hinzu."),
            Section(heading="Leere Zwischenüberschrift", markdown=""),
        ],
        images=[photo],
        related=RelatedLinks(
            links=[
                RelatedLink("Fahrplan der Fähre", "https://example.org/fahrplan"),
                RelatedLink("Ohne Adresse", ""),
            ]
        ),
    )
    create_project(path, article).close()
    return path


def _close(dialog: QWidget) -> None:
    if isinstance(dialog, QMessageBox):
        button = dialog.escapeButton() or dialog.defaultButton() or dialog.buttons()[-1]
        click(button)
    elif isinstance(dialog, QDialog):
        dialog.reject()
    else:
        dialog.close()


def _read_modal(reader: Reader, screen: str) -> Callable[[QWidget], None]:
    def handle(dialog: QWidget) -> None:
        if isinstance(dialog, QFileDialog):  # a file chooser: Qt's own, and out of scope here
            dialog.reject()
            return
        reader.look(screen, dialog)
        _close(dialog)

    return handle


# Dialogs that block (exec), by their menu entry's objectName; the test finds the entry's visible
# text in the menu bar and clicks it there (the wording may change, the entry stays).
MODAL = [
    "action_revisions",
    "action_export_html",
    "action_publication_settings",
    "action_publish",
    "action_length_target",
    "action_about",
    "language_en",  # the notice that the language applies at the next start
]
# Windows and dialogs that stay open beside the article.
MODELESS = ["action_find", "action_replace", "action_next_spelling_mistake", "action_user_guide"]


def menu_path(window: QWidget, name: str) -> list[str]:
    """The visible texts that lead through the menu bar to the entry called `name`."""

    def search(menu: QMenu, path: list[str]) -> list[str] | None:
        for action in menu.actions():
            here = [*path, visible_text(action.text())]
            if action.objectName() == name:
                return here
            if action.menu() is not None:
                found = search(action.menu(), here)
                if found:
                    return found
        return None

    for top in window.menuBar().actions():
        found = search(top.menu(), [visible_text(top.text())])
        if found:
            return found
    pytest.fail(f"no menu entry {name!r}")


def test_the_german_window_shows_no_english(start_app, german_story):
    reader = Reader()
    window = start_app(german_story, language="de")
    wait_until(lambda: window.findChild(QDockWidget, "checkDock") is not None)
    settle(600)  # the check, the counts and the preview fill in
    reader.look("start")

    for menu_action in window.menuBar().actions():
        title = visible_text(menu_action.text())
        menu = open_menu(window, title)
        reader.look(f"menu {title}")
        reader.add(f"menu {title}", _menu_texts(menu, title))
        close_menus()

    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            if bar.isVisible() and bar.isTabEnabled(index):
                click(bar, bar.tabRect(index).center())
                reader.look(f"tab {bar.tabText(index)}")

    for dock in window.findChildren(QDockWidget):
        reader.add("docks", [("dock title", dock.windowTitle())])

    click(window.editor)
    for name in MODAL:
        path = menu_path(window, name)
        with expect_dialog(_read_modal(reader, " > ".join(path))):
            trigger_menu(window, *path)

    for name in MODELESS:
        path = menu_path(window, name)
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        trigger_menu(window, *path)
        wait_until(
            lambda before=before: (
                [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before]
                or visible_dialog()
            ),
            what=" > ".join(path),
        )
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
        for top in shown:
            reader.look(" > ".join(path), top)
            top.close()
        settle()

    assert len(reader.read) > 300, "the walk read too little to prove anything"
    assert reader.english() == []


def test_the_detector_finds_english_it_should(qapp):
    """The detector itself: a string left untranslated and an English core message are found,
    German texts and proper names are not."""
    english = _english_detector()
    assert english("&Quit")  # a source the German replaces
    assert english("Saved “bericht.newsdesk”")  # a source with a placeholder
    assert english("notes.jpg: this is not a JPEG, PNG or WebP image")  # core English
    assert english("Fähre fährt künftig bis Mitternacht") is None
    assert english("„notiz.txt“ ist kein Newsdesk-Artikel.") is None
    assert english("Newsdesk") is None and english("Desktop") is None
    assert english("https://example.org/fahrplan") is None
    assert english("en-GB") is None
