"""The server window, and the simulator window aimed at the real ServeurTCP of the `server` fixture,
closed at the test's end; the windows of earlier tests destroyed before the next one begins; English
unless a test asks for French."""

import gc

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from app.language import install_translators
from app.server.server_app import ServerApp
from app.simulator.simulator_app import SimulatorApp
from models.server_config import ServerConfig


@pytest.fixture(autouse=True, scope="session")
def english(qapp):
    """The windows in English as a start on an English system shows them: with the English plural
    forms ("1 reading", "2 readings"). A test in French installs its translators above these."""
    installed = install_translators(qapp, QLocale(QLocale.Language.English))
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def earlier_windows_destroyed():
    """pytest-qt closes a test's windows; a window caught in a reference cycle (a slot bound to it)
    is destroyed only when Python's garbage collector runs, at any moment: if that is while another
    window paints, Qt crashes. Collected here, they go before anything paints."""
    gc.collect()


@pytest.fixture(autouse=True)
def palette_kept(qapp):
    """View › Theme changes the palette of the whole application: the next test starts as the first did."""
    palette = qapp.palette()
    yield
    QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Unknown)
    qapp.setPalette(palette)


@pytest.fixture
def server_app(qtbot, tmp_path):
    """The server window listening on a free port of 127.0.0.1, storing into tmp_path/m.db."""
    app = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.session.listening, timeout=10_000):
        app.start()
    yield app
    app.window.close()


@pytest.fixture
def default_server(qtbot, private_data_dir, monkeypatch):
    """The server window on its default database, as after a first start; warnings are collected."""
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *_: warnings.append(text))
    app = ServerApp(ServerConfig(port=0))
    app.warnings = warnings
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.session.listening, timeout=10_000):
        app.start()
    yield app
    app.window.close()


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
