"""File > Open database: an older file is looked at in a read-only window; live readings stay where
the settings send them (issue 15, item 4)."""

import time

from models.reading import Reading
from models.storage import open_storage
from tests.support import LineClient, stored_rows


def older_database(path):
    storage = open_storage(path)
    now = time.time()
    readings = [
        Reading(f"old_{n}", 10.0 + i, now - 86_400 * 30 + 60 * i, sensor_timestamp=True) for n in (1, 2) for i in range(5)
    ]
    storage.submit(readings, now).wait()
    storage.close()
    return path


def test_an_opened_database_is_shown_read_only_and_live_readings_stay_where_they_were(qtbot, server_app, tmp_path):
    older = older_database(tmp_path / "older.db")
    server = server_app.session.server
    with qtbot.assertNotEmitted(server_app.session.stopped):
        server_app.window.open_database_requested.emit(older)
    viewer = server_app.viewers[0].window
    qtbot.waitUntil(lambda: sorted(viewer.chart.sensors()) == ["old_1", "old_2"])
    assert viewer.windowTitle() == "older.db (read-only) — Thermolab"
    assert viewer.sensor_model.stats("old_2").count == 5
    assert viewer.sensor_model.stats("old_2").maximum == 14.0
    assert str(tmp_path / "m.db") in viewer.notice.text()

    with LineClient(server.address) as sensor:
        sensor.send({"capteur_id": "live", "temperature": 22.0, "seq": 1})
        assert sensor.answer() == {"ack": 1}
    assert server_app.session.server is server
    assert server_app.window.storage.path() == str(tmp_path / "m.db")
    assert [row[0] for row in stored_rows(tmp_path / "m.db")] == ["live"]
    assert "live" not in {row[0] for row in stored_rows(older)}
    assert "live" not in viewer.chart.sensors()

    viewer.close()
    assert server_app.viewers == []
