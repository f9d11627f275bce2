"""A change that fails leaves the working server as it was, and is not saved (issue 15, item 3)."""

import pytest
from PySide6.QtWidgets import QMessageBox

from app.settings import load_server_config, settings
from tests.support import LineClient
from tests.widgets.server_steps import click_save, open_settings, port_held_by_another_program
from widgets.server.settings_dialog import TEXT_FILE


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *_: shown.append(text))
    return shown


def acked(address) -> bool:
    with LineClient(address) as sensor:
        sensor.send({"capteur_id": "after", "temperature": 20.0, "seq": 7})
        return sensor.answer() == {"ack": 7}


def save_and_see_the_server_back(qtbot, server_app, dialog, port: int) -> None:
    """Save settings that fail; returns once the server that ran before listens again on `port`."""
    with qtbot.waitSignal(server_app.session.failed, timeout=10_000):
        click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: server_app.window.address.text() == f"Listening on 127.0.0.1:{port}", timeout=10_000)


def test_a_taken_port_in_settings_leaves_the_server_on_its_port_and_is_not_saved(qtbot, server_app, warnings):
    port = server_app.session.server.address[1]
    with port_held_by_another_program() as other:
        taken = other.getsockname()[1]
        dialog = open_settings(qtbot, server_app.window)
        dialog.port.setValue(taken)
        save_and_see_the_server_back(qtbot, server_app, dialog, port)
    assert warnings == [
        f"port {taken} is already in use on 127.0.0.1: stop the program using it or choose another port."
        " Nothing was saved: the server goes on as before."
    ]
    assert acked(("127.0.0.1", port))
    assert load_server_config(settings()).port != taken
    assert server_app.config.port != taken


def test_a_storage_that_cannot_be_opened_leaves_the_server_on_its_database(qtbot, server_app, tmp_path, warnings):
    port = server_app.session.server.address[1]
    missing = tmp_path / "missing" / "donnees.txt"
    dialog = open_settings(qtbot, server_app.window)
    dialog.kind.setCurrentIndex(dialog.kind.findData(TEXT_FILE))
    dialog.path.setText(str(missing))
    save_and_see_the_server_back(qtbot, server_app, dialog, port)
    assert warnings == [
        f"the folder {missing.parent} does not exist: create it or choose another file."
        " Nothing was saved: the server goes on as before."
    ]
    assert server_app.window.storage.path() == str(tmp_path / "m.db")
    assert acked(("127.0.0.1", port))
    assert load_server_config(settings()).storage_path is None

    server_app.window.stop_requested.emit()
    qtbot.waitUntil(lambda: not server_app.session.running, timeout=10_000)
    with qtbot.waitSignal(server_app.session.listening, timeout=10_000):
        server_app.window.start_action.trigger()
    assert server_app.window.storage.path() == str(tmp_path / "m.db")


def test_settings_that_work_are_saved_once_the_server_listens_on_them(qtbot, server_app, tmp_path, warnings):
    dialog = open_settings(qtbot, server_app.window)
    dialog.path.setText(str(tmp_path / "other.db"))
    with qtbot.waitSignal(server_app.session.listening, timeout=10_000):
        click_save(qtbot, dialog)
    assert load_server_config(settings()).storage_path == tmp_path / "other.db"
    assert server_app.window.storage.path() == str(tmp_path / "other.db")
    assert warnings == []


def test_opening_a_file_that_is_no_database_does_not_touch_the_running_server(qtbot, server_app, tmp_path, warnings):
    server = server_app.session.server
    notes = tmp_path / "notes.txt"
    notes.write_text("not readings\n")
    with qtbot.assertNotEmitted(server_app.session.stopped):
        server_app.window.open_database_requested.emit(notes)
    assert warnings == [f"{notes} is not a SQLite database: choose another file"]
    assert server_app.session.server is server
    assert acked(server.address)
    assert notes.read_text() == "not readings\n"
