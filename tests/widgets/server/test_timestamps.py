"""Timestamps in the server window: each sensor's delay and jitter, and the chart by reception time."""

import time

from app.server.server_app import ServerApp
from models.server_config import ServerConfig
from tests.support import LineClient

HOUR = 3_600.0


def cell(model, capteur_id: str, column: str) -> str:
    return model.index(model._index[capteur_id], model.COLUMNS.index(column)).data()


def test_the_table_shows_the_delay_of_a_sensor_an_hour_behind_and_nothing_for_one_without_timestamps(qtbot, server_app):
    with LineClient(server_app.session.server.address) as sensor:
        now = time.time()
        sensor.send(
            *({"capteur_id": "behind", "temperature": 20.0, "timestamp": now - HOUR + i * 0.1, "seq": i} for i in range(5)),
            {"capteur_id": "plain", "temperature": 21.0, "seq": 9},
        )
        assert [sensor.answer() for _ in range(6)][-1] == {"ack": 9}
    model = server_app.window.sensor_model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and model.stats("behind").delay is not None)
    server_app.window.sensor_model.refresh()
    assert cell(model, "behind", "delay").startswith("3,59")
    assert cell(model, "behind", "delay").endswith(" s")
    assert model.stats("behind").jitter < 0.5
    assert cell(model, "plain", "delay") == cell(model, "plain", "jitter") == ""


def test_plotting_by_reception_puts_the_late_sensor_at_now_and_is_remembered(qtbot, tmp_path):
    app = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.session.listening, timeout=10_000):
        app.start()
    chart = app.window.chart
    with LineClient(app.session.server.address) as sensor:
        sensor.send({"capteur_id": "behind", "temperature": 20.0, "timestamp": time.time() - HOUR, "seq": 1})
        assert sensor.answer() == {"ack": 1}
        qtbot.waitUntil(lambda: "behind" in chart.sensors())
        assert chart.series("behind").x.max() < time.time() - HOUR + 60
        app.window.findChild(type(app.window.grid_action), "reception_time").trigger()
        # The history is read again by reception time, and the next readings are placed alike.
        assert abs(chart.series("behind").x.max() - time.time()) < 60
        sensor.send({"capteur_id": "behind", "temperature": 21.0, "timestamp": time.time() - HOUR, "seq": 2})
        assert sensor.answer() == {"ack": 2}
        qtbot.waitUntil(lambda: chart.series("behind").y.max() == 21.0)
        assert chart.series("behind").x.min() > time.time() - 60
    assert chart.plot.getAxis("bottom").labelText == "Local time of reception"
    app.window.close()
    again = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(again.window)
    assert again.window.reception_action.isChecked() and again.session.by_reception
