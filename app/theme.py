"""The windows' theme: the system's scheme unless the user chose light or dark in View › Theme.

Unlike the language, a theme applies at once, to every window of the process, and the saved choice
is applied when the application starts (`make_application`).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

from widgets.theme import SCHEMES, ThemeMenu, apply_scheme

SETTING = "theme"
_followed: list[QSettings] = []
"""The settings `follow_theme` reads when the system's scheme changes: the latest, connected once."""


def saved_theme(store: QSettings) -> str:
    """The saved choice: "system" (the default, and for anything this version does not know), "light" or "dark"."""
    choice = store.value(SETTING, "system", type=str)
    return choice if choice in SCHEMES else "system"


def follow_theme(store: QSettings) -> None:
    """Apply the saved choice now, and again whenever the system's scheme changes (it matters only
    while the choice is "system", but a light or dark choice is applied again harmlessly)."""
    apply_scheme(saved_theme(store))
    if not _followed:
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _: apply_scheme(saved_theme(_followed[-1])))
    _followed[:] = [store]


def offer_themes(menu: ThemeMenu, store: QSettings) -> None:
    """The menu ticks the saved choice (the other window may have changed it), saves and applies a new one."""
    menu.aboutToShow.connect(lambda: menu.set_current(saved_theme(store)))
    menu.chosen.connect(lambda choice: _choose(store, choice))
    menu.set_current(saved_theme(store))


def _choose(store: QSettings, choice: str) -> None:
    store.setValue(SETTING, choice)
    store.sync()
    apply_scheme(choice)
