"""The server window and the simulator sit side by side: a key means one thing in both, and every
shortcut comes from the one table of widgets/actions.py."""

from collections import defaultdict

from PySide6.QtGui import QAction, QKeySequence

from app.simulator.simulator_app import SimulatorApp
from widgets.actions import SHORTCUTS


def shortcut_actions(window) -> list[QAction]:
    return [action for action in window.findChildren(QAction) if not action.shortcut().isEmpty()]


def test_a_key_means_the_same_thing_in_both_windows(qtbot, server_app):
    simulator = SimulatorApp("127.0.0.1", 1)
    qtbot.addWidget(simulator.window)
    meanings = defaultdict(set)
    for window in (server_app.window, simulator.window):
        for action in shortcut_actions(window):
            for key in action.shortcuts():
                meanings[key.toString()].add(action.objectName() or action.text().replace("&", ""))
    assert {key: names for key, names in meanings.items() if len(names) > 1} == {}
    assert meanings["Ctrl+Q"] == {"quit"} and meanings["F1"] == {"help"} and meanings["Ctrl+,"] == {"settings"}


def test_every_shortcut_comes_from_the_table(qtbot, server_app):
    simulator = SimulatorApp("127.0.0.1", 1)
    qtbot.addWidget(simulator.window)
    for window in (server_app.window, simulator.window):
        for action in shortcut_actions(window):
            assert action.shortcut() == QKeySequence(SHORTCUTS.get(action.objectName())), action.text()
    keys = [QKeySequence(key).toString() for key in SHORTCUTS.values()]
    assert len(set(keys)) == len(keys)
