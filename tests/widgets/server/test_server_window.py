"""The server window driven as a user would: it listens, shows readings, hides a sensor, exports, stops."""

import csv

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from app.server.server_app import ServerApp
from models.alarms.events import AlarmEvent
from models.alarms.rules import AlarmKind
from models.server_config import ServerConfig
from tests.support import LineClient, stored_rows
from tests.widgets.modal import ModalAnswerer
from tests.widgets.server_steps import connection_attempted, port_held_by_another_program
from tests.widgets.test_french import speaking
from widgets.server.export_dialog import ExportDialog


def test_a_first_start_listens_and_says_how_to_send(server_app):
    window = server_app.window
    port = server_app.session.server.address[1]
    assert window.address.text() == f"Listening on 127.0.0.1:{port}"
    assert window.chart.empty_hint.isVisible()
    assert window.chart.empty_hint.command.text() == f"python main.py send --id capteur_1 --temperature 23.5 --port {port}"


def test_readings_sent_over_a_socket_reach_the_table_and_the_chart(qtbot, server_app):
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send(*({"capteur_id": f"capteur_{i % 3}", "temperature": 20 + i, "seq": i} for i in range(30)))
        assert [sensor.answer() for _ in range(30)][-1] == {"ack": 29}
    model = server_app.window.sensor_model
    qtbot.waitUntil(lambda: model.rowCount() == 3 and sum(model.stats(f"capteur_{i}").count for i in range(3)) == 30)
    assert model.stats("capteur_0").maximum == 47.0
    curve = server_app.window.chart.series("capteur_1").y
    assert (curve.min(), curve.max()) == (21.0, 48.0)
    assert not server_app.window.chart.empty_hint.isVisible()


def test_unticking_a_sensor_in_the_table_hides_its_curve_and_its_legend_entry_follows(qtbot, server_app):
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send({"capteur_id": "a", "temperature": 1, "seq": 1}, {"capteur_id": "b", "temperature": 2, "seq": 2})
        sensor.answer(), sensor.answer()
    chart, table = server_app.window.chart, server_app.window.sensor_table
    qtbot.waitUntil(lambda: set(chart.sensors()) == {"a", "b"} and table.model().rowCount() == 2 and not chart.redraw_pending)
    row_a = next(table.model().index(row, 0) for row in range(2) if table.model().index(row, 0).data() == "a")
    table.setCurrentIndex(row_a)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert not chart.is_sensor_visible("a") and chart.is_sensor_visible("b")
    assert chart._crosshair.nearest(chart.series("a").x[0], 1.0)[0] == "b"
    assert row_a.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    sample = next(sample for sample, label in chart.legend.items if label.text == "a")
    where = chart.plot.mapFromScene(sample.mapToScene(sample.boundingRect().center()))
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert chart.is_sensor_visible("a")
    assert row_a.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_the_connections_panel_shows_each_client_and_its_thread_live(qtbot, server_app):
    panel = server_app.window.connections
    model = panel.connections
    cell = lambda row, column: model.index(row, column).data()  # noqa: E731
    with LineClient(server_app.session.server.address) as first, LineClient(server_app.session.server.address) as second:
        peers = {f"127.0.0.1:{client.socket.getsockname()[1]}" for client in (first, second)}
        qtbot.waitUntil(lambda: {cell(row, 0) for row in range(model.rowCount())} == peers)
        assert {cell(row, 1) for row in range(2)} == {f"client {peer}" for peer in peers}
        panel.selectRow(0)
        first.send(*({"capteur_id": "c", "temperature": 20, "seq": i} for i in range(5)))
        [first.answer() for _ in range(5)]
        qtbot.waitUntil(lambda: "5" in {cell(row, 3) for row in range(2)})
        assert [index.row() for index in panel.selectionModel().selectedRows()] == [0]
    qtbot.waitUntil(lambda: model.rowCount() == 0)


def test_the_export_dialog_writes_the_expected_csv(qtbot, server_app, tmp_path, monkeypatch):
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send(
            {"capteur_id": "keep", "temperature": 21.5, "timestamp": "2026-11-21T14:31:05.123Z", "seq": 1},
            {"capteur_id": "drop", "temperature": 3, "seq": 2},
        )
        sensor.answer(), sensor.answer()
    qtbot.waitUntil(lambda: len(server_app.window.chart.sensors()) == 2)
    destination = tmp_path / "out.csv"

    def choose(dialog: ExportDialog) -> int:
        for i in range(dialog.sensors.count()):
            if dialog.sensors.item(i).text() == "drop":
                dialog.sensors.item(i).setCheckState(dialog.sensors.item(i).checkState().Unchecked)
        dialog.destination.setText(str(destination))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", choose)
    with qtbot.waitSignal(server_app.window.statusBar().messageChanged, timeout=10_000) as message:
        server_app.window.export_requested.emit()
    assert message.args[0] == f"1 reading exported to {destination}"
    assert list(csv.reader(destination.read_text(encoding="utf-8").splitlines())) == [
        ["capteur_id", "temperature", "timestamp"],
        ["keep", "21.5", "2026-11-21T14:31:05.123Z"],
    ]


def test_a_taken_port_says_so_and_offers_a_free_port(qtbot, tmp_path):
    with port_held_by_another_program() as other:
        port = other.getsockname()[1]
        app = ServerApp(ServerConfig(port=port, storage_path=tmp_path / "m.db"))
        qtbot.addWidget(app.window)
        with qtbot.waitSignal(app.session.failed, timeout=10_000):
            app.start()
        box = app.port_taken
        qtbot.waitUntil(box.isVisible)
        assert box.text() == (
            f"The server is not listening: port {port} is already in use on 127.0.0.1:"
            " stop the program using it or choose another port."
        )
        assert app.window.address.text() == "Not listening"
        with qtbot.waitSignal(app.session.listening, timeout=10_000):
            box.free_port.click()
        free = app.session.server.address[1]
        assert free != port
        assert app.window.address.text() == f"Listening on 127.0.0.1:{free}"
        assert (
            f"Port {port} is in use by another program: this session listens on port {free} instead"
            in app.window.event_log.text.toPlainText()
        )
        assert not connection_attempted(other, within=0)
    app.window.close()


def test_closing_commits_everything_and_stops_every_thread(qtbot, server_app, tmp_path):
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send(*({"capteur_id": "c", "temperature": i} for i in range(500)))
    server_app.window.close()
    assert not server_app.session.running
    assert len(stored_rows(tmp_path / "m.db")) == 500


def test_history_survives_a_restart(qtbot, server_app, tmp_path):
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send({"capteur_id": "kept", "temperature": 19.5, "seq": 1})
        sensor.answer()
    server_app.window.close()
    again = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(again.window)
    with qtbot.waitSignal(again.session.listening, timeout=10_000):
        again.start()
    assert set(again.window.chart.series("kept").y) == {19.5}
    assert again.window.sensor_model.stats("kept").count == 1
    again.window.close()


def test_layout_and_settings_persist(qtbot, server_app, private_data_dir):
    server_app.window.docks["connections"].hide()
    server_app.window.close()
    again = ServerApp(ServerConfig(port=0, storage_path=server_app.config.storage_path))
    qtbot.addWidget(again.window)
    assert again.window.docks["connections"].isHidden()
    assert QSettings(str(private_data_dir / "settings.ini"), QSettings.Format.IniFormat).contains("server_window/state")
    again.window.close()


def test_help_shows_a_reading_and_the_command_for_this_port(qtbot, server_app):
    port = server_app.session.server.address[1]
    with ModalAnswerer() as answers:
        server_app.window.findChild(QAction, "help").trigger()
    assert answers.texts == [
        "Sensors connect over TCP and send one JSON object per line, for example:\n\n"
        '{"capteur_id": "capteur_1", "temperature": 23.5}\n\n'
        f"From a terminal:\npython main.py send --id capteur_1 --temperature 23.5 --port {port}"
    ]


def test_stopping_the_server_asks_first_until_told_not_to(qtbot, server_app, private_data_dir):
    window, session = server_app.window, server_app.session
    with ModalAnswerer(button=QMessageBox.StandardButton.Cancel) as answers:
        window.stop_action.trigger()
    assert answers.texts == ["Stop the server? Sensors cannot send readings until it starts again; everything received is kept."]
    assert session.running and window.address.text().startswith("Listening on")

    with ModalAnswerer(dont_ask_again=True), qtbot.waitSignal(session.stopped, timeout=10_000):
        window.stop_action.trigger()
    assert window.address.text() == "Stopped"
    with qtbot.waitSignal(session.listening, timeout=10_000):
        window.start_action.trigger()
    with ModalAnswerer() as answers, qtbot.waitSignal(session.stopped, timeout=10_000):
        window.stop_action.trigger()
    assert answers.seen == []
    saved = QSettings(str(private_data_dir / "settings.ini"), QSettings.Format.IniFormat)
    assert saved.value("confirm/stop_server", type=bool) is False


def test_the_services_panel_is_shown_whole_in_french_without_scrolling_sideways(qtbot, qapp, tmp_path):
    with speaking(qapp, "fr"):
        app = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(app.window)
    app.window.resize(1280, 740)
    with qtbot.waitSignal(app.session.listening, timeout=10_000):
        app.start()
    app.window.docks["services"].raise_()
    panel = app.services.panel
    qtbot.waitUntil(panel.isVisible)
    scroller = app.window.docks["services"].widget()
    assert scroller.horizontalScrollBar().maximum() == 0
    assert panel.width() >= panel.minimumSizeHint().width()
    app.window.close()


def test_a_status_bar_note_has_room_beside_the_storage_path(qtbot, server_app):
    # The path took all the width and the note was drawn in what was left of it: nothing.
    window = server_app.window
    window.show()
    qtbot.waitExposed(window)
    window.findChild(QAction, "watch_connection").trigger()
    note = window.statusBar().currentMessage()
    assert note == "Select a connection in the Connections panel first."
    window.statusBar().layout().activate()
    assert not window.storage.isVisible() or window.storage.x() > window.fontMetrics().horizontalAdvance(note)


def test_an_alarm_raised_during_a_note_waits_for_the_note_to_go_before_its_count_shows(qtbot, server_app):
    # The count showed over the note, both unreadable.
    window = server_app.window
    window.show()
    qtbot.waitExposed(window)
    window.statusBar().showMessage("Port 50007 is in use by another program", 60_000)
    window.alarms.show_alarms([AlarmEvent("fridge", 1, AlarmKind.HIGH, 8.0, 9.5, 1_700_000_000.0)], [])
    assert not window.alarms.count.isVisible()
    window.statusBar().clearMessage()
    assert window.alarms.count.isVisible()
    assert window.alarms.count.text() == "⚠ 1 active alarm"
