"""Menu and toolbar actions, built the same way in every window, and the one table of their shortcuts.

The server window and the simulator sit side by side: a key that meant one thing in one and another
thing in the other (Ctrl+T stopped the server there, a sensor here) is a trap. So every shortcut is
named here, once, and a name used in both windows means the same thing in both.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

SHORTCUTS = {
    # Both windows.
    "quit": "Ctrl+Q",
    # The window's own settings: the server's address and storage, the simulator's target.
    "settings": "Ctrl+,",
    "help": QKeySequence.StandardKey.HelpContents,
    # The server window.
    "start_server": "F5",
    "stop_server": "Shift+F5",
    "export_csv": "Ctrl+E",
    "export_image": "Ctrl+Shift+E",
    "open_database": QKeySequence.StandardKey.Open,
    "follow": "F",
    "grid": "G",
    "reception_time": "R",
    "watch_connection": "W",
    "compare": "F7",
    "alarm_rules": "Ctrl+Shift+A",
    "acknowledge_alarms": "Ctrl+K",
    "alarms_panel": "Ctrl+Shift+L",
    # The simulator window.
    "add_sensors": "Ctrl+N",
    "change_sensor": "Ctrl+I",
    "start_sensors": "Ctrl+R",
    "pause_sensors": "Ctrl+P",
    "stop_sensors": "Ctrl+T",
    "remove_sensors": QKeySequence.StandardKey.Delete,
    "start_all": "Ctrl+Shift+R",
    "pause_all": "Ctrl+Shift+P",
    "stop_all": "Ctrl+Shift+T",
    "remove_all": "Ctrl+Shift+Del",
    "manual_panel": "Ctrl+1",
    "weather_panel": "Ctrl+2",
    "clock_panel": "Ctrl+3",
    "echo_panel": "Ctrl+4",
}
"""Each command's key sequence, by a name that is the same in every window."""


def make_action(parent: QWidget, text: str, command: str | None = None, tip: str = "", slot=None) -> QAction:
    """An action with a tooltip that the status bar repeats, what it does, and the shortcut of
    `command` (a name of SHORTCUTS) when it has one."""
    action = QAction(text, parent)
    if command is not None:
        bind(action, command)
    if tip:
        describe(action, tip)
    if slot is not None:
        action.triggered.connect(slot)
    return action


def describe(action: QAction, tip: str) -> None:
    """`tip` in the action's tooltip and, as the pointer passes over its menu entry, in the status bar."""
    action.setToolTip(tip)
    action.setStatusTip(tip)


def bind(action: QAction, command: str) -> None:
    """`action` takes the key sequence of `command`, and its name, by which the tests know it."""
    action.setObjectName(command)
    action.setShortcut(QKeySequence(SHORTCUTS[command]))
