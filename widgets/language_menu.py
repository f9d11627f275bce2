"""View › Language: the system's language, or French, or English, whatever the system says."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from widgets.actions import describe
from widgets.choice_menu import ChoiceMenu


class LanguageMenu(ChoiceMenu):
    """Its choices: "system", "fr" or "en"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("&Language"))
        self.setObjectName("languageMenu")
        describe(self.menuAction(), self.tr("The language of the windows, from their next start"))
        # Each language is named in itself, so a user lost in a language they cannot read finds theirs.
        self.add_choices([("system", self.tr("System language")), ("fr", "Français"), ("en", "English")])
