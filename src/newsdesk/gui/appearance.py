"""View > Appearance: follow the system's light or dark setting, or force Light or Dark.

"System" follows Qt's colour scheme (QStyleHints.colorScheme, updated when the desktop switches);
Light and Dark set the application palette whatever the desktop says. The dark palette is ours
(Fusion's colours are light only), with every pair a pane draws checked for WCAG AA contrast
(4.5:1 for text; `contrast` and the tests). The preview is not themed: it shows the light page,
as most readers see it, and its own Dark button shows the page's dark style
(preview/color_scheme.py). The opinion and box marks (the outline's rows, the section heading's
label) ask `mark_colour` and `mark_tint` for colours readable on the current background.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from newsdesk.gui.settings import Settings

APPEARANCES = ("system", "light", "dark")
AA_TEXT = 4.5

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.ToolTipBase: "#3a3a3a",
    QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#a0a0a0",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Light: "#4a4a4a",
    QPalette.ColorRole.Midlight: "#3e3e3e",
    QPalette.ColorRole.Mid: "#6a6a6a",
    QPalette.ColorRole.Dark: "#151515",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#2f65ca",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
}
_DARK_DISABLED_TEXT = "#8c8c8c"

# The opinion and box marks (the outline's rows, the section heading's label): a colour for light
# grounds and a lighter one for dark grounds. A box row also gets a faint tint of its colour.
_MARKS = {"opinion": ("#a3461a", "#f0a27a"), "box": ("#2f6690", "#8cc4ee")}
_MARK_TINTS = {"box": ((47, 102, 144, 28), (140, 196, 238, 30))}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED_TEXT))
    return palette


def light_palette() -> QPalette:
    return QApplication.style().standardPalette()


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(foreground: QColor, background: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def mark_colour(kind: str, palette: QPalette | None = None) -> QColor:
    """The opinion or box mark's colour, readable on the palette's background."""
    light, dark = _MARKS[kind]
    return QColor(dark if is_dark(palette) else light)


def mark_tint(kind: str, palette: QPalette | None = None) -> QColor | None:
    """The faint row background of a box (None for kinds without one), for the palette's ground."""
    tints = _MARK_TINTS.get(kind)
    if tints is None:
        return None
    return QColor(*tints[1 if is_dark(palette) else 0])


def over(tint: QColor, ground: QColor) -> QColor:
    """The opaque colour a translucent `tint` makes painted on `ground` (for contrast checks)."""
    alpha = tint.alphaF()
    return QColor.fromRgbF(
        tint.redF() * alpha + ground.redF() * (1 - alpha),
        tint.greenF() * alpha + ground.greenF() * (1 - alpha),
        tint.blueF() * alpha + ground.blueF() * (1 - alpha),
    )


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_appearance(appearance: str) -> None:
    """Set the application's palette for the appearance ("system", "light", "dark")."""
    dark = appearance == "dark" or (appearance == "system" and system_is_dark())
    QApplication.setPalette(dark_palette() if dark else light_palette())


class AppearanceMenu(QObject):
    """View > Appearance: System / Light / Dark, remembered in the settings."""

    def __init__(self, window: QWidget, settings: Settings) -> None:
        super().__init__(window)
        self._settings = settings
        self.menu = QMenu(self.tr("&Appearance"), window)
        self.menu.setObjectName("menu_appearance")
        group = QActionGroup(self)
        texts = {
            "system": self.tr("Follow the &System"),
            "light": self.tr("&Light"),
            "dark": self.tr("&Dark"),
        }
        self.actions: dict[str, QAction] = {}
        for name in APPEARANCES:
            action = QAction(texts[name], self.menu)
            action.setObjectName(f"action_appearance_{name}")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, n=name: self.choose(n))
            group.addAction(action)
            self.menu.addAction(action)
            self.actions[name] = action
        current = settings.appearance
        self.actions[current].setChecked(True)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        if current != "system":
            apply_appearance(current)

    def choose(self, appearance: str) -> None:
        self._settings.appearance = appearance
        self.actions[appearance].setChecked(True)
        apply_appearance(appearance)

    def _system_changed(self, _scheme) -> None:
        if self._settings.appearance == "system":
            apply_appearance("system")
