"""The user's settings as one typed object: what the window remembers between starts.

Every part of the window that remembers something reads and writes it here, through a named,
typed property, instead of a `QSettings()` made in a corner with a key of its own. The window makes
one `Settings` (over the application's QSettings) and passes it to whatever needs it; tests make one
over an INI file in their own folder. QSettings reads values back as strings from INI files and as
native types elsewhere, so every value is parsed here, once, by the helpers at the bottom.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

INTERFACE_LANGUAGES = ("de", "en")
EXPORT_MODES = ("embed", "folder")
MAX_RECENT_FILES = 10


class Settings:
    """Typed access to the user's settings (see the module docstring)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    @property
    def store(self) -> QSettings:
        """The QSettings underneath (for Qt APIs that take one, and for tests)."""
        return self._store

    def sync(self) -> None:
        """Write pending changes to disk now (before a quit or a restart is asked for)."""
        self._store.sync()

    # Window layout
    @property
    def window_geometry(self) -> QByteArray | None:
        return _bytes(self._store.value("window/geometry"))

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return _bytes(self._store.value("window/state"))

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    # Writing
    @property
    def typographic_quotes(self) -> bool:
        return _bool(self._store.value("editor/typographic_quotes"), default=True)

    @typographic_quotes.setter
    def typographic_quotes(self, enabled: bool) -> None:
        self._store.setValue("editor/typographic_quotes", enabled)

    # Spelling (gui/spelling/)
    @property
    def check_spelling(self) -> bool:
        """View > Check Spelling: marks in the text and the check's spelling hints."""
        return _bool(self._store.value("spelling/check"), default=True)

    @check_spelling.setter
    def check_spelling(self, enabled: bool) -> None:
        self._store.setValue("spelling/check", enabled)

    @property
    def newsroom_word_list(self) -> str:
        """The newsroom's shared word list (a path, often on a shared drive; "" for none)."""
        return _text(self._store.value("spelling/newsroom_list"))

    @newsroom_word_list.setter
    def newsroom_word_list(self, path: str) -> None:
        self._store.setValue("spelling/newsroom_list", path)

    # View > Whole Article / Single Section (gui/editor/view_modes.py)
    @property
    def whole_article_view(self) -> bool:
        return _bool(self._store.value("view/whole_article"), default=False)

    @whole_article_view.setter
    def whole_article_view(self, enabled: bool) -> None:
        self._store.setValue("view/whole_article", enabled)

    # View > Focus > Typewriter Scrolling / Dim Other Paragraphs (gui/focus_comfort.py)
    @property
    def typewriter_scrolling(self) -> bool:
        return _bool(self._store.value("view/typewriter_scrolling"), default=False)

    @typewriter_scrolling.setter
    def typewriter_scrolling(self, enabled: bool) -> None:
        self._store.setValue("view/typewriter_scrolling", enabled)

    @property
    def dim_other_paragraphs(self) -> bool:
        return _bool(self._store.value("view/dim_other_paragraphs"), default=False)

    @dim_other_paragraphs.setter
    def dim_other_paragraphs(self, enabled: bool) -> None:
        self._store.setValue("view/dim_other_paragraphs", enabled)

    # Preview > Dark Style: the page's own prefers-color-scheme: dark rules (gui/preview/)
    @property
    def preview_dark_style(self) -> bool:
        return _bool(self._store.value("preview/dark_style"), default=False)

    @preview_dark_style.setter
    def preview_dark_style(self, enabled: bool) -> None:
        self._store.setValue("preview/dark_style", enabled)

    # View > Appearance: "system" (follow the desktop), "light" or "dark" (gui/appearance.py)
    @property
    def appearance(self) -> str:
        value = _text(self._store.value("view/appearance"))
        return value if value in ("system", "light", "dark") else "system"

    @appearance.setter
    def appearance(self, value: str) -> None:
        self._store.setValue("view/appearance", value)

    # Interface language: "de", "en", or "" for the system's language
    @property
    def interface_language(self) -> str:
        value = _text(self._store.value("interface/language"))
        return value if value in INTERFACE_LANGUAGES else ""

    @interface_language.setter
    def interface_language(self, code: str) -> None:
        self._store.setValue("interface/language", code if code in INTERFACE_LANGUAGES else "")

    # Files
    @property
    def recent_files(self) -> list[str]:
        value = self._store.value("files/recent", [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a plain string
            value = [value]
        if not isinstance(value, list | tuple):
            return []
        return [str(path) for path in value if path]

    @recent_files.setter
    def recent_files(self, paths: list[str]) -> None:
        if paths:
            self._store.setValue("files/recent", [str(p) for p in paths[:MAX_RECENT_FILES]])
        else:
            self._store.remove("files/recent")

    @property
    def last_file(self) -> str:
        return _text(self._store.value("files/last"))

    @last_file.setter
    def last_file(self, path: str) -> None:
        self._store.setValue("files/last", path)

    @property
    def last_photo_folder(self) -> str:
        return _text(self._store.value("images/last_folder"))

    @last_photo_folder.setter
    def last_photo_folder(self, folder: str) -> None:
        self._store.setValue("images/last_folder", folder)

    # Export
    @property
    def export_folder(self) -> str:
        return _text(self._store.value("export/folder"))

    @export_folder.setter
    def export_folder(self, folder: str) -> None:
        self._store.setValue("export/folder", folder)

    @property
    def export_mode(self) -> str:
        """How photos travel with an exported page: "embed" (one file) or "folder"."""
        value = _text(self._store.value("export/mode"))
        return value if value in EXPORT_MODES else "embed"

    @export_mode.setter
    def export_mode(self, mode: str) -> None:
        self._store.setValue("export/mode", mode if mode in EXPORT_MODES else "embed")

    @property
    def open_export_in_browser(self) -> bool:
        return _bool(self._store.value("export/open_in_browser"), default=False)

    @open_export_in_browser.setter
    def open_export_in_browser(self, enabled: bool) -> None:
        self._store.setValue("export/open_in_browser", enabled)

    @property
    def export_format(self) -> str:
        """The last File > Export format: "html", "pdf", "docx", "md" or "txt"."""
        value = _text(self._store.value("export/format"))
        return value if value in ("html", "pdf", "docx", "md", "txt") else "html"

    @export_format.setter
    def export_format(self, fmt: str) -> None:
        self._store.setValue("export/format", fmt)

    @property
    def export_photo_credits(self) -> bool:
        """Exported photos carry their credit (IPTC/XMP); on unless the journalist said no."""
        return _bool(self._store.value("export/photo_credits"), default=True)

    @export_photo_credits.setter
    def export_photo_credits(self, enabled: bool) -> None:
        self._store.setValue("export/photo_credits", enabled)

    @property
    def export_line_width(self) -> int:
        """The agency text's line width: 60, 72 or 80 characters, or 0 (no wrapping)."""
        value = _text(self._store.value("export/line_width"))
        return int(value) if value in ("60", "72", "80") else 0

    @export_line_width.setter
    def export_line_width(self, width: int) -> None:
        self._store.setValue("export/line_width", str(width if width in (60, 72, 80) else 0))

    @property
    def export_paper(self) -> str:
        """The PDF proof's paper: "a4", "letter" or "" (the system's)."""
        value = _text(self._store.value("export/paper"))
        return value if value in ("a4", "letter") else ""

    @export_paper.setter
    def export_paper(self, paper: str) -> None:
        self._store.setValue("export/paper", paper if paper in ("a4", "letter") else "")

    @property
    def export_strict(self) -> bool:
        """Refuse to export while the check finds errors (as `newsdesk export --strict`)."""
        return _bool(self._store.value("export/strict"), default=False)

    @export_strict.setter
    def export_strict(self, enabled: bool) -> None:
        self._store.setValue("export/strict", enabled)

    # Preview
    @property
    def preview_preset(self) -> str:
        """The preview width last chosen (a preset name; the pane checks that it knows it)."""
        return _text(self._store.value("preview/preset"))

    @preview_preset.setter
    def preview_preset(self, name: str) -> None:
        self._store.setValue("preview/preset", name)

    @property
    def preview_shows_notes(self) -> bool:
        """View > Show Editor's Notes in the Preview (never exported): off unless chosen."""
        return _bool(self._store.value("preview/show_notes"), default=False)

    @preview_shows_notes.setter
    def preview_shows_notes(self, shown: bool) -> None:
        self._store.setValue("preview/show_notes", shown)

    # Length targets, one per project file
    def length_target(self, path: str) -> str:
        """The raw "unit:value" target stored for a project file ("" when none)."""
        return _text(self._store.value(_length_target_key(path)))

    def set_length_target(self, path: str, raw: str) -> None:
        if raw:
            self._store.setValue(_length_target_key(path), raw)
        else:
            self._store.remove(_length_target_key(path))


def _length_target_key(path: str) -> str:
    # A path holds slashes, which QSettings reads as groups; a digest is a flat, stable key.
    import hashlib  # here: the window's start needs none (OpenSSL's import is ~3 ms)

    return "length_targets/" + hashlib.sha256(path.encode("utf-8")).hexdigest()[:32]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _bool(value: object, *, default: bool) -> bool:
    """INI files give booleans back as "true"/"false"; the native formats as bools."""
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    return str(value).strip().lower() in ("true", "1", "yes", "on")


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray):
        return value
    if isinstance(value, (bytes, bytearray)):
        return QByteArray(bytes(value))
    return None
