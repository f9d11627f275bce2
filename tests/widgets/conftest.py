"""The simulator window, aimed at the real ServeurTCP of the `server` fixture, closed at the test's end."""

import pytest
from PySide6.QtWidgets import QMessageBox

from app.simulator_app import SimulatorApp


@pytest.fixture
def simulator(qtbot, server, monkeypatch):
    def unexpected(parent, title, text, *_):
        raise AssertionError(f"a warning the test did not expect: {text}")

    # A modal dialog would wait for a click that never comes: a test that meets one fails instead.
    monkeypatch.setattr(QMessageBox, "warning", unexpected)
    app = SimulatorApp("127.0.0.1", server.address[1])
    qtbot.addWidget(app.window)
    app.start()
    yield app
    app.window.close()
