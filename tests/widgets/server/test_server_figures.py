"""The server window's figures say what they cover and agree: readings in storage across restarts,
the sensors table over the chart's window, the connections over their own lifetime."""

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.server.server_app import ServerApp
from models.history import sensor_summaries
from models.reading import Reading
from models.server_config import ServerConfig
from models.storage import open_storage
from tests.support import LineClient, batches
from widgets.server.sensor_table import SensorTableModel


def header(model, column: str, role=Qt.ItemDataRole.DisplayRole) -> str:
    return model.headerData(SensorTableModel.COLUMNS.index(column), Qt.Orientation.Horizontal, role)


def send_acked(server_app: ServerApp, *readings: dict) -> None:
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send(*({"seq": seq, **reading} for seq, reading in enumerate(readings)))
        assert [sensor.answer() for _ in readings] == [{"ack": seq} for seq in range(len(readings))]


def test_stored_counts_what_storage_held_before_the_start_and_the_table_agrees(qtbot, server_app, tmp_path):
    send_acked(server_app, *({"capteur_id": "c", "temperature": 20 + i} for i in range(5)))
    server_app.window.close()
    again = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(again.window)
    with qtbot.waitSignal(again.session.listening, timeout=10_000):
        again.start()
    qtbot.waitUntil(lambda: again.window.stored.text() == "Stored: 5 (0 since the start)")
    send_acked(again, *({"capteur_id": "c", "temperature": 30 + i} for i in range(3)))
    qtbot.waitUntil(lambda: again.window.stored.text() == "Stored: 8 (3 since the start)")
    again.window.chart.window_box.setCurrentIndex(again.window.chart.window_box.count() - 1)
    assert header(again.window.sensor_model, "readings") == "Readings (all stored)"
    assert again.window.sensor_model.stats("c").count == 8
    again.window.close()


def test_the_table_says_which_window_its_figures_cover_and_follows_the_charts(qtbot, server_app):
    model = server_app.window.sensor_model
    assert header(model, "readings") == "Readings (last 1 min)"
    assert header(model, "min", Qt.ItemDataRole.ToolTipRole) == "Lowest reading in the chart's window (last 1 min)"
    server_app.window.chart.window_box.setCurrentIndex(1)
    assert header(model, "readings") == "Readings (last 10 min)"
    assert header(model, "mean", Qt.ItemDataRole.ToolTipRole) == "Mean of the readings in the chart's window (last 10 min)"
    view = server_app.window.sensor_table
    column = SensorTableModel.COLUMNS.index("readings")
    assert view.columnWidth(column) >= view.horizontalHeader().fontMetrics().horizontalAdvance("Readings (last 10 min)")
    for index in range(server_app.window.chart.window_box.count()):
        server_app.window.chart.window_box.setCurrentIndex(index)
        assert header(model, "readings").startswith("Readings (")
    connections = server_app.window.connections.connections
    assert "this connection" in connections.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_readings_older_than_the_window_leave_the_tables_figures(qtbot, server_app):
    now = time.time()
    send_acked(
        server_app,
        {"capteur_id": "c", "temperature": 5.0, "timestamp": now - 59.0},
        {"capteur_id": "c", "temperature": 20.0, "timestamp": now},
    )
    model = server_app.window.sensor_model
    qtbot.waitUntil(lambda: "c" in model._index and model.stats("c").count == 2)
    assert (model.stats("c").minimum, model.stats("c").maximum) == (5.0, 20.0)
    qtbot.waitUntil(lambda: model.stats("c").count == 1, timeout=5_000)
    assert (model.stats("c").minimum, model.stats("c").mean) == (20.0, 20.0)


def test_readings_storage_had_when_the_table_was_loaded_are_not_counted_twice(qtbot, tmp_path):
    # The window drains what its server received 25 times a second: a change of window reads storage in
    # between, and the next frame hands over readings that storage had already counted.
    storage = open_storage(tmp_path / "m.db")
    storage.submit([Reading("c", 20.0 + i, 1000.0 + i, None, True) for i in range(5)], 0.0).wait(10)
    storage.close()
    model = SensorTableModel(clock=lambda: 1010.0)
    model.set_window(60.0)
    model.replace(sensor_summaries(tmp_path / "m.db", 60.0, 1010.0), {"c": QColor("red")})
    model.add_points(batches({"c": ([1003.0, 1004.0, 1005.0, 1006.0], [23.0, 24.0, 30.0, 31.0])}), {"c": QColor("red")})
    assert (model.stats("c").count, model.stats("c").maximum, model.stats("c").last_value) == (7, 31.0, 31.0)
    model.add_points(batches({"c": ([1002.0], [10.0])}), {"c": QColor("red")})
    assert (model.stats("c").count, model.stats("c").minimum) == (8, 10.0)
