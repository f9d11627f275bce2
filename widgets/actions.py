"""Menu and toolbar actions, built the same way in every window."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def make_action(parent: QWidget, text: str, shortcut=None, tip: str = "", slot=None) -> QAction:
    """An action with its shortcut, a tooltip that the status bar repeats, and what it does."""
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    if slot is not None:
        action.triggered.connect(slot)
    return action
