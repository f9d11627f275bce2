"""Every action of every menu, submenu, toolbar and context menu of both windows, triggered as a user
would: each dialog really shown and answered (tests/widgets/modal.py), and not one exception or Qt
warning (pytest-qt fails a test on either). The actions are read from the windows as they are built,
so an action added later is covered without a word changed here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget

from app.simulator.simulator_app import SimulatorApp
from tests.widgets.modal import ModalAnswerer
from tests.widgets.test_french import speaking


def every_action(window: QMainWindow) -> list[QAction]:
    """The menu bar's actions, submenus' included, then the toolbars', then the context menus', each
    once, in the order a user meets them."""
    found: list[QAction] = []

    def add(actions) -> None:
        for action in actions:
            if action.menu() is not None:
                add(action.menu().actions())
            elif not action.isSeparator() and action not in found:
                found.append(action)

    add(window.menuBar().actions())
    for toolbar in window.findChildren(QToolBar):
        add(toolbar.actions())
    for widget in window.findChildren(QWidget):
        if widget.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu:
            add(widget.actions())
    return found


def name(action: QAction) -> str:
    return action.text().replace("&", "")


def trigger_every_action(qtbot, window: QMainWindow) -> list[str]:
    """Each action once it is enabled (stopping the server enables Start…), Quit last; fails on an
    exception, and on a problem a window warned of. Returns the text of each message box met."""
    actions = every_action(window)
    quits = [action for action in actions if action.objectName() == "quit"]
    pending = [action for action in actions if action not in quits]
    assert len(quits) == 1 and len(pending) > 10
    failures = []
    with ModalAnswerer() as answers:
        while pending:
            try:
                qtbot.waitUntil(lambda: any(action.isEnabled() for action in pending), timeout=10_000)
            except qtbot.TimeoutError:
                pytest.fail(f"never enabled: {[name(action) for action in pending]}")
            for action in [action for action in pending if action.isEnabled()]:
                pending.remove(action)
                with qtbot.captureExceptions() as exceptions:
                    action.trigger()
                failures += [f"{name(action)}: {error!r}" for _, error, _ in exceptions]
                assert window.isVisible(), f"{name(action)} closed the window"
        quits[0].trigger()
    assert failures == []
    assert answers.warnings == []
    assert not window.isVisible()
    return answers.texts


@pytest.fixture(params=["en", "fr"])
def language(request, qapp):
    """Each window in English, then in French: a translation can break what the English sentence keeps whole."""
    if request.param == "en":
        yield
    else:
        with speaking(qapp, request.param):
            yield


def test_every_action_of_the_server_window_works(qtbot, language, server_app):
    """The window as `python main.py server` builds it, its Services dock included."""
    assert "services" in server_app.window.docks
    said = trigger_every_action(qtbot, server_app.window)
    assert any('{"capteur_id": "capteur_1", "temperature": 23.5}' in text for text in said)


def test_every_action_of_the_simulator_window_works(qtbot, language, server):
    simulator = SimulatorApp("127.0.0.1", server.address[1])
    qtbot.addWidget(simulator.window)
    simulator.start()
    simulator.fleet.add_demo_sensors()
    window = simulator.window
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=10_000)
    window.table.selectRow(0)
    said = trigger_every_action(qtbot, window)
    assert any("Ctrl+N" in text for text in said)
    assert simulator.fleet.host is None
