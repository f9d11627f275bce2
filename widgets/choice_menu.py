"""A menu of exclusive choices, such as View › Language and View › Theme: one entry ticked at a time."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget


class ChoiceMenu(QMenu):
    chosen = Signal(str)
    """The key of the entry the user picked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._group = QActionGroup(self)
        self._group.triggered.connect(lambda action: self.chosen.emit(action.data()))

    def add_choices(self, choices: list[tuple[str, str]]) -> None:
        """Entries as (key, text)."""
        for key, text in choices:
            action = self.addAction(text)
            action.setCheckable(True)
            action.setData(key)
            self._group.addAction(action)

    def set_current(self, key: str) -> None:
        for action in self._group.actions():
            action.setChecked(action.data() == key)
