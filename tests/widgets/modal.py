"""Modal dialogs answered as a user would, while the code that opened them waits in its `exec()`.

A modal dialog runs an event loop of its own; a timer started before it opens fires inside that loop,
finds the dialog shown (`QApplication.activeModalWidget()`) and clicks one of its buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

POLL_MS = 20


class ModalAnswerer:
    """Answers every modal dialog shown while it runs: a message box with its accepting button (Yes,
    OK: what a user who chose the action says), any other dialog with Cancel, so nothing is written
    where the test did not ask. `seen` holds each dialog's title, in order, `texts` each message box's."""

    def __init__(self, dont_ask_again: bool = False, button: QMessageBox.StandardButton | None = None, fill=None):
        self.dont_ask_again = dont_ask_again
        self.button = button
        """The message box's button to click instead of the accepting one."""
        self.fill = fill
        """Called with any other dialog instead of Cancel: it fills the dialog in and closes it."""
        self.seen: list[str] = []
        self.texts: list[str] = []
        self.warnings: list[str] = []
        """The text of each message box that warned of a problem."""
        self._timer = QTimer(interval=POLL_MS, timeout=self._answer)

    def __enter__(self) -> ModalAnswerer:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.stop()

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible():
            return
        self.seen.append(dialog.windowTitle())
        if isinstance(dialog, QMessageBox):
            self.texts.append(dialog.text())
            if dialog.icon() in (QMessageBox.Icon.Warning, QMessageBox.Icon.Critical):
                self.warnings.append(dialog.text())
            if dialog.checkBox() is not None:
                dialog.checkBox().setChecked(self.dont_ask_again)
            dialog.button(self.button).click() if self.button is not None else _accepting_button(dialog).click()
        elif self.fill is not None:
            self.fill(dialog)
        else:
            dialog.reject()


def _accepting_button(box: QMessageBox):
    roles = (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole)
    return next(button for button in box.buttons() if box.buttonRole(button) in roles)
