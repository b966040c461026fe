"""The interface language: German or English, following the system locale unless the user chose.

Translations live as Qt Linguist sources in resources/translations/newsdesk_<lang>.ts. `make`
compiles them to .qm with pyside6-lrelease (the usual, fastest path); .qm files are build output
and not in git. So that a fresh clone, an sdist install or a bundle without the build step still
speaks German, a missing or outdated .qm is replaced by reading the .ts source directly (it is
small XML). Both paths give the same strings; a test checks that lrelease accepts our sources and
that the two agree.

Qt's own dialogs (button texts like "Cancel") are translated by Qt's qtbase catalogue when present.

New strings (a test lists any the sources miss) are collected with

    .venv/bin/pyside6-lupdate $(find src/newsdesk/gui -name '*.py') -locations none -no-obsolete \
        -ts resources/translations/newsdesk_de.ts
    .venv/bin/pyside6-lupdate $(find src/newsdesk/gui -name '*.py') -locations none -no-obsolete \
        -pluralonly -ts resources/translations/newsdesk_en.ts

and translated in Qt Linguist (pyside6-linguist) or any editor. Strings outside a class use
`translate("Context", "literal")` so that lupdate can find them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from newsdesk import resource_path
from newsdesk.gui.settings import INTERFACE_LANGUAGES, Settings

translate = QCoreApplication.translate

LANGUAGES = INTERFACE_LANGUAGES


def translations_dir() -> Path:
    return Path(str(resource_path("translations")))


def effective_language(settings: Settings, system: QLocale | None = None) -> str:
    chosen = settings.interface_language
    if chosen:
        return chosen
    system = system or QLocale.system()
    return "de" if system.language() == QLocale.Language.German else "en"


class TsTranslator(QTranslator):
    """Serves translations straight from a Linguist .ts file (fallback when no .qm is built)."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Only without a compiled .qm: the XML parser is not loaded at every start.
        import xml.etree.ElementTree as ElementTree

        self._messages: dict[tuple[str, str, str], list[str]] = {}
        root = ElementTree.parse(path).getroot()
        self._language = root.get("language", "")
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                    continue
                forms = [f.text or "" for f in translation.iter("numerusform")]
                if not forms:
                    forms = [translation.text or ""]
                if not any(forms):
                    continue
                key = (name, message.findtext("source", ""), message.findtext("comment", ""))
                self._messages[key] = forms

    def isEmpty(self) -> bool:
        return not self._messages

    def language(self) -> str:
        return self._language

    def translate(self, context, source_text, disambiguation=None, n=-1):
        forms = self._messages.get((context or "", source_text or "", disambiguation or ""))
        if not forms:
            return None  # None (a null QString) lets Qt fall back to the source text
        # German and English share the rule: singular for exactly one, plural otherwise.
        return forms[0] if n == 1 or len(forms) == 1 else forms[1]


def load_translator(language: str, folder: Path | None = None) -> QTranslator | None:
    """Our translator for `language`: the compiled .qm if current, else the .ts source."""
    folder = folder or translations_dir()
    qm = folder / f"newsdesk_{language}.qm"
    ts = folder / f"newsdesk_{language}.ts"
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        translator = QTranslator()
        if translator.load(str(qm)):
            return translator
    if ts.exists():
        return TsTranslator(ts)
    return None


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's and our translators; keep the returned list alive as long as the app."""
    installed: list[QTranslator] = []
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    ours = load_translator(language)
    if ours is not None:
        ours.setParent(app)
        app.installTranslator(ours)
        installed.append(ours)
    return installed


def language_menu(parent: QWidget, settings: Settings) -> QMenu:
    """View > Language: system default, Deutsch, English. Applies at the next start."""
    menu = QMenu(translate("Language", "&Language"), parent)
    group = QActionGroup(menu)
    chosen = settings.interface_language
    # Language names stay in their own language, so a user lost in the wrong one finds theirs.
    for code, label in (
        ("", translate("Language", "System default")),
        ("de", "Deutsch"),
        ("en", "English"),
    ):
        action = QAction(label, menu)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        action.setObjectName(f"language_{code or 'system'}")
        group.addAction(action)
        menu.addAction(action)

    def choose(action: QAction) -> None:
        if action.data() == settings.interface_language:
            return
        settings.interface_language = action.data()
        settings.sync()
        QMessageBox.information(
            parent,
            translate("Language", "Language"),
            translate("Language", "The new language applies when you start Newsdesk again."),
        )

    group.triggered.connect(choose)
    return menu
