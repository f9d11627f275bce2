"""Light and dark: the colours the chart and the cards paint themselves, and View › Theme.

Qt's widgets take their colours from the application's palette. Where the platform can switch it
(`QStyleHints.setColorScheme`: Windows, macOS, GNOME and KDE), the palette comes from the platform;
elsewhere, Fusion's own light palette or the dark one below. The chart, which paints its own
background, follows the palette: whatever changed it, the system or the menu, it reads the same.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget

from widgets.actions import describe
from widgets.choice_menu import ChoiceMenu

SCHEMES = {"system": Qt.ColorScheme.Unknown, "light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
"""What View › Theme offers; "system" follows the system's scheme as it changes."""


class Colours(NamedTuple):
    """What the chart and the cards paint on their own, for one scheme."""

    plot: str
    text: str
    legend: QColor
    border: str
    crosshair: str
    card: str
    title: str
    ready: str
    ready_border: str
    alarm: str
    """The background of a sensor in alarm: dark text reads on the light one, light text on the dark."""


LIGHT = Colours(
    "white", "#4a4a4a", QColor(255, 255, 255, 220), "#c9d6e3", "#888888", "#f5f8fb", "#1f3b57", "#eaf4ea", "#b9dbbb", "#f8d0cc"
)
DARK = Colours(
    "#1b1e22", "#c8ccd2", QColor(27, 30, 34, 220), "#44505e", "#9aa0a8", "#262c33", "#a9c8ea", "#23352a", "#3d6447", "#6b2a2a"
)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colours() -> Colours:
    return DARK if is_dark() else LIGHT


def restyle_card(card: QWidget, title: QLabel | None = None, ready: bool = False) -> None:
    """A card over an empty chart or table (green for `ready`) in the scheme's colours. Set only when
    they changed: a style sheet set anew changes the palette, which would call this again."""
    scheme = colours()
    background, border = (scheme.ready, scheme.ready_border) if ready else (scheme.card, scheme.border)
    radius = 6 if ready else 8
    style = f"#{card.objectName()} {{ background: {background}; border: 1px solid {border}; border-radius: {radius}px; }}"
    if card.styleSheet() != style:
        card.setStyleSheet(style)
    if title is not None and title.styleSheet() != (style := f"font-size: 16px; font-weight: 600; color: {scheme.title};"):
        title.setStyleSheet(style)


def big_figure(label: QLabel, monospace: bool = False) -> None:
    """A large figure (a time, a temperature) in the palette's text colour, which follows the theme. Not
    by a style sheet: a label given one keeps the palette it had then, and its own colour would vanish
    in light or in dark."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont) if monospace else QFont(label.font())
    font.setPixelSize(26)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)


def apply_scheme(choice: str) -> None:
    """Ask the platform for the scheme `choice` ("system", "light" or "dark"); when the palette it
    gives is not of that scheme (the platform cannot switch), set Fusion's light one or `dark_palette`."""
    app = QApplication.instance()
    hints = QGuiApplication.styleHints()
    hints.setColorScheme(SCHEMES.get(choice, Qt.ColorScheme.Unknown))
    dark = hints.colorScheme() == Qt.ColorScheme.Dark if choice not in ("light", "dark") else choice == "dark"
    if is_dark(app.palette()) != dark:
        app.setPalette(dark_palette() if dark else app.style().standardPalette())


_DARK_ROLES = """
Window #2b2f34  WindowText #e6e8eb  Base #1f2226  AlternateBase #2b2f34  ToolTipBase #2b2f34  ToolTipText #e6e8eb
PlaceholderText #8c939b  Text #e6e8eb  Button #33383e  ButtonText #e6e8eb  BrightText #ff6b6b  Light #454b52
Midlight #3b4047  Mid #2a2e33  Dark #1a1d20  Shadow #0d0e10  Highlight #3d7fc4  HighlightedText #ffffff
Link #7fb4ef  LinkVisited #b49af0
""".split()
"""Each colour role of the dark palette, then its colour."""
_DARK_DISABLED = "#80868d"
"""Greyed text, of a disabled field or button."""


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in zip(_DARK_ROLES[0::2], _DARK_ROLES[1::2], strict=True):
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    return palette


class ThemeMenu(ChoiceMenu):
    """Its choices: "system", "light" or "dark"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("&Theme"))
        self.setObjectName("themeMenu")
        describe(self.menuAction(), self.tr("Light or dark windows, or as the desktop has them"))
        self.add_choices([("system", self.tr("System")), ("light", self.tr("Light")), ("dark", self.tr("Dark"))])


def add_theme_menu(view_menu: QMenu) -> ThemeMenu:
    """View › Theme, for a window's View menu; the application saves and applies the choice."""
    menu = ThemeMenu(view_menu.parentWidget())
    view_menu.addMenu(menu)
    return menu
