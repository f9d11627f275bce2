"""View › Language: the system's language, or French, or English, whatever the system says."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget


class LanguageMenu(QMenu):
    chosen = Signal(str)
    """"system", "fr" or "en"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("&Language"), parent)
        self.setObjectName("languageMenu")
        self._group = QActionGroup(self)
        # Each language is named in itself, so a user lost in a language they cannot read finds theirs.
        for code, text in (("system", self.tr("System language")), ("fr", "Français"), ("en", "English")):
            action = self.addAction(text)
            action.setCheckable(True)
            action.setData(code)
            self._group.addAction(action)
        self._group.triggered.connect(lambda action: self.chosen.emit(action.data()))

    def set_current(self, code: str) -> None:
        for action in self._group.actions():
            action.setChecked(action.data() == code)
