"""Settings > Storage: a text file is written where the user chose, and never into a database (issue 15, item 1)."""

import contextlib
import sqlite3
import time

from app.settings import load_server_config, settings
from tests.support import LineClient, stored_rows
from tests.widgets.server_steps import click_save, open_settings
from widgets.server.settings_dialog import TEXT_FILE


def send_one(app, capteur_id: str, temperature: float) -> dict:
    with LineClient(app.session.server.address) as sensor:
        sensor.send({"capteur_id": capteur_id, "temperature": temperature, "seq": 1})
        return sensor.answer()


def test_text_file_with_no_file_named_writes_donnees_txt_and_leaves_the_database_alone(qtbot, default_server, private_data_dir):
    database = private_data_dir / "mesures.db"
    assert send_one(default_server, "in_db", 20.0) == {"ack": 1}
    dialog = open_settings(qtbot, default_server.window)
    dialog.kind.setCurrentIndex(dialog.kind.findData(TEXT_FILE))
    assert dialog.path.text() == ""
    with qtbot.waitSignal(default_server.session.listening, timeout=10_000):
        click_save(qtbot, dialog)

    assert send_one(default_server, "in_text", 21.5) == {"ack": 1}
    default_server.window.close()
    text_file = private_data_dir / "donnees.txt"
    assert text_file.read_text().splitlines()[0].startswith("in_text,21.5,")
    assert default_server.window.storage.path() == str(text_file)
    assert [row[:2] for row in stored_rows(database)] == [("in_db", 20.0)]
    with contextlib.closing(sqlite3.connect(database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert default_server.warnings == []


def test_a_database_chosen_as_text_file_is_refused_in_the_dialog(qtbot, default_server, private_data_dir):
    database = private_data_dir / "mesures.db"
    before = database.read_bytes()
    dialog = open_settings(qtbot, default_server.window)
    dialog.kind.setCurrentIndex(dialog.kind.findData(TEXT_FILE))
    dialog.path.setText(str(database))
    click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.problem.text() == f"{database} is a SQLite database, not a text file: choose another file or store into SQLite"
    dialog.reject()
    assert send_one(default_server, "still_db", 19.0) == {"ack": 1}
    assert default_server.session.config.text_file is False
    assert database.read_bytes()[:16] == before[:16]


def test_a_text_file_chosen_as_database_is_refused_in_the_dialog(qtbot, default_server, tmp_path):
    text_file = tmp_path / "donnees.txt"
    text_file.write_text("capteur_1,22.5,2024-05-01T10:00:00.000000\n")
    dialog = open_settings(qtbot, default_server.window)
    dialog.path.setText(str(text_file))
    click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.problem.text() == f"{text_file} is not a SQLite database: choose another file"
    dialog.reject()
    assert text_file.read_text() == "capteur_1,22.5,2024-05-01T10:00:00.000000\n"


def test_the_file_field_shows_the_default_file_of_the_kind_chosen(qtbot, default_server, private_data_dir):
    dialog = open_settings(qtbot, default_server.window)
    assert dialog.path.placeholderText() == str(private_data_dir / "mesures.db")
    dialog.kind.setCurrentIndex(dialog.kind.findData(TEXT_FILE))
    assert dialog.path.placeholderText() == str(private_data_dir / "donnees.txt")
    dialog.reject()


def test_keep_days_chosen_in_settings_deletes_old_readings_and_is_remembered(qtbot, default_server, private_data_dir):
    database = private_data_dir / "mesures.db"
    now = time.time()
    with LineClient(default_server.session.server.address) as sensor:
        for seq in range(20):
            capteur_id, stamp = ("old", now - 3 * 86_400 + seq) if seq < 15 else ("new", now - 3_600 + seq)
            sensor.send({"capteur_id": capteur_id, "temperature": 20.0, "timestamp": stamp, "seq": seq})
            assert sensor.answer() == {"ack": seq}
    dialog = open_settings(qtbot, default_server.window)
    dialog.keep_days.setValue(1)
    with qtbot.waitSignal(default_server.session.listening, timeout=10_000):
        click_save(qtbot, dialog)

    qtbot.waitUntil(lambda: [row[0] for row in stored_rows(database)] == ["new"] * 5, timeout=10_000)
    log = default_server.window.event_log.text
    qtbot.waitUntil(lambda: "readings older than 1 days deleted: 15" in log.toPlainText(), timeout=5_000)
    assert load_server_config(settings()).keep_days == 1
