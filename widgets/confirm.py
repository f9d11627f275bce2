"""A question before a step that takes the user's work away (stopping the server, removing every
sensor), which the user can turn off with "Don't ask again"."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget


class Confirmation(QObject):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self.store: QSettings | None = None
        """Where "Don't ask again" is kept, set by the application; without it the question is always asked."""

    def ask(self, key: str, question: str, yes: str) -> bool:
        """True when the user agreed, now or for good before; `yes` names the step on its button."""
        setting = f"confirm/{key}"
        if self.store is not None and not self.store.value(setting, True, type=bool):
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self._window.windowTitle(), question, parent=self._window)
        agree = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        # Held here as well: PySide gives the box no ownership, so a temporary check box would be freed.
        again = QCheckBox(self.tr("Don't ask again"))
        box.setCheckBox(again)
        box.exec()
        agreed = box.clickedButton() is agree
        if agreed and again.isChecked() and self.store is not None:
            self.store.setValue(setting, False)
        return agreed
