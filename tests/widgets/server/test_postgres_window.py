"""The server window with a PostgreSQL server as its storage: chosen in Settings and kept (its password
in the secret store, never in settings.ini), the readings acked and shown, a restart of the database
said once each way, a database opened read-only; the password is shown nowhere."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.secret_store import DATABASE_PASSWORD, read_secret
from app.server.server_app import ServerApp
from app.settings import load_server_config, settings
from models.alarms import AlarmKind, AlarmRule
from models.reading import Reading
from models.server_config import ServerConfig
from models.storage import open_alarm_book, open_storage
from tests.engines.postgres import PASSWORD
from tests.support import LineClient
from tests.widgets.server_steps import click_save, open_settings
from widgets.server.settings_dialog import POSTGRES


def send(app, capteur_id: str, seq: int) -> dict:
    with LineClient(app.session.server.address) as sensor:
        sensor.send({"capteur_id": capteur_id, "temperature": 21.5, "seq": seq})
        return sensor.answer()


def everything_shown(app) -> str:
    window = app.window
    return "\n".join(
        [
            window.windowTitle(),
            window.storage.text(),
            window.storage.toolTip(),
            window.event_log.text.toPlainText(),
            *app.warnings,
        ]
    )


def test_a_postgresql_url_chosen_in_settings_stores_there_and_survives_a_restart_of_the_database(
    qtbot, default_server, private_data_dir, postgres_server, postgres_url
):
    masked = postgres_url.replace(f":{PASSWORD}@", ":****@")
    dialog = open_settings(qtbot, default_server.window)
    dialog.kind.setCurrentIndex(dialog.kind.findData(POSTGRES))
    assert dialog.url.isVisible() and not dialog.file_row.isVisible()
    dialog.url.setText(postgres_url)
    with qtbot.waitSignal(default_server.session.listening, timeout=10_000):
        click_save(qtbot, dialog)

    assert default_server.window.storage.path() == masked
    assert send(default_server, "pg", 1) == {"ack": 1}
    qtbot.waitUntil(lambda: "pg" in default_server.window.chart.sensors())

    postgres_server.stop()
    try:
        answer = send(default_server, "pg", 2)
        assert answer == {"error": "storage failed: the database server cannot be reached", "seq": 2}
    finally:
        postgres_server.start()
    assert send(default_server, "pg", 3) == {"ack": 3}
    log = default_server.window.event_log.text
    qtbot.waitUntil(lambda: "storage works again" in log.toPlainText())
    assert log.toPlainText().count("storage failed: ") == 1
    assert f"storage works again: readings are stored in {masked}" in log.toPlainText()

    assert PASSWORD not in everything_shown(default_server)
    assert PASSWORD not in (private_data_dir / "settings.ini").read_text()
    assert load_server_config(settings()).storage_path == f"{postgres_url.replace(f':{PASSWORD}@', '@')}?password={PASSWORD}"
    assert read_secret(DATABASE_PASSWORD) == PASSWORD

    again = open_settings(qtbot, default_server.window)
    assert again.url.text() == masked
    assert again.config().storage_path == postgres_url, "the mask left as it is keeps the password"
    again.reject()


def test_a_postgresql_database_opens_read_only_with_its_password_masked(qtbot, default_server, postgres_url):
    storage = open_storage(postgres_url)
    now = time.time()
    storage.submit([Reading("remote", 18.0 + i, now - 600 + 60 * i, sensor_timestamp=True) for i in range(5)], now).wait(10)
    storage.close()

    default_server.window.open_database_requested.emit(postgres_url)
    viewer = default_server.viewers[0].window
    qtbot.waitUntil(lambda: viewer.chart.sensors() == ["remote"])
    masked = postgres_url.replace(f":{PASSWORD}@", ":****@")
    assert viewer.windowTitle() == f"{masked} (read-only) — Thermolab"
    assert viewer.sensor_model.stats("remote").count == 5
    assert PASSWORD not in viewer.windowTitle() + viewer.notice.text()
    assert default_server.window.last_database_url == postgres_url.replace(f":{PASSWORD}@", "@")
    assert PASSWORD not in settings().value("server_window/database_url", "", type=str)
    viewer.close()


def test_a_wrong_password_in_settings_is_one_sentence_without_it(qtbot, default_server, postgres_server):
    dialog = open_settings(qtbot, default_server.window)
    dialog.kind.setCurrentIndex(dialog.kind.findData(POSTGRES))
    dialog.url.setText(postgres_server.url(password="not-the-password"))
    with qtbot.waitSignal(default_server.session.listening, timeout=10_000):
        click_save(qtbot, dialog)
    assert len(default_server.warnings) == 1
    assert "the PostgreSQL server refused the password for postgresql://thermolab:****@" in default_server.warnings[0]
    assert "not-the-password" not in everything_shown(default_server)


def test_a_window_started_on_a_new_database_says_nothing_and_shows_what_it_stores(
    qtbot, private_data_dir, monkeypatch, postgres_url
):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *_: warnings.append(text))
    app = ServerApp(ServerConfig(port=0, storage_path=postgres_url))
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.session.listening, timeout=10_000):
        app.start()
    assert send(app, "first", 1) == {"ack": 1}
    qtbot.waitUntil(lambda: "first" in app.window.chart.sensors())
    app.window.close()
    assert warnings == []


def test_an_alarm_on_a_postgresql_database_is_shown_and_acknowledged_there(qtbot, private_data_dir, monkeypatch, postgres_url):
    monkeypatch.setenv("LOGNAME", "alice")
    book = open_alarm_book(postgres_url)
    book.save_rule(AlarmRule(AlarmKind.HIGH, 20.0, "fridge"))
    book.close()
    app = ServerApp(ServerConfig(port=0, storage_path=postgres_url))
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.session.listening, timeout=10_000):
        app.start()
    panel = app.window.alarms.panel
    assert send(app, "fridge", 1) == {"ack": 1}
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: [line.value for line in app.window.chart.thresholds.shown] == [20.0], timeout=5_000)
    assert app.window.alarms.count.text() == "⚠ 1 active alarm"
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.acknowledge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.index(0, panel.model.COLUMNS.index("acknowledged")).data().startswith("alice, "))
    book = open_alarm_book(postgres_url)
    try:
        (event,) = book.events()
    finally:
        book.close()
    assert (event.sensor, event.value, event.acknowledged_by, event.cleared_at) == ("fridge", 21.5, "alice", None)
    log = app.window.event_log.text.toPlainText()
    assert "alarm raised: fridge above 20 °C (21.5 °C)" in log and PASSWORD not in log + app.window.windowTitle()
    app.window.close()
