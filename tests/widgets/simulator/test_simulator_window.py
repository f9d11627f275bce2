"""The simulator window driven as a user would, its sensors (in the sensor process) sending to a real ServeurTCP on 127.0.0.1."""

import time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.simulator.simulator_app import SimulatorApp
from models.sensor_target import SensorTarget
from tests.support import stored_rows
from tests.widgets.modal import ModalAnswerer
from widgets.simulator.add_sensors_dialog import SensorDialog
from widgets.simulator.sensor_fleet_table import SensorFleetModel


def choose_in_dialog(monkeypatch, count=1, model="walk", rate=1.0, start=True, name=None):
    """The next SensorDialog is filled in as given and accepted, as a user would click Add."""

    def fill(dialog: SensorDialog) -> int:
        dialog.count.setValue(count)
        if name is not None:
            dialog.name.setText(name)
        dialog.model_box.setCurrentIndex(dialog.model_box.findData(model))
        dialog.rate.setValue(rate)
        dialog.start_now.setChecked(start)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SensorDialog, "exec", fill)


def wait_for_ids(qtbot, window, ids):
    qtbot.waitUntil(lambda: window.model.ids() == ids, timeout=10_000)


def row_of(window, capteur_id):
    return window.model.row(window.model.ids().index(capteur_id))


def rate_index(window, capteur_id):
    return window.model.index(window.model.ids().index(capteur_id), SensorFleetModel.COLUMNS.index("rate"))


def state_of(window, capteur_id):
    return row_of(window, capteur_id).state


def select(window, *ids):
    window.table.clearSelection()
    for capteur_id in ids:
        window.table.selectionModel().select(
            window.model.index(window.model.ids().index(capteur_id), 0),
            window.table.selectionModel().SelectionFlag.Select | window.table.selectionModel().SelectionFlag.Rows,
        )


def test_added_sensors_readings_arrive_in_the_server(qtbot, simulator, server, tmp_path, monkeypatch):
    choose_in_dialog(monkeypatch, count=3, rate=20.0)
    simulator.window.add_action.trigger()
    window = simulator.window
    wait_for_ids(qtbot, window, ["capteur_1", "capteur_2", "capteur_3"])
    qtbot.waitUntil(lambda: all(window.model.row(i).acked >= 10 for i in range(3)), timeout=10_000)
    stored = {row[0] for row in stored_rows(tmp_path / "mesures.db")}
    assert stored == {"capteur_1", "capteur_2", "capteur_3"}
    row = window.model.row(0)
    assert row.state == "sending" and row.last_value is not None and row.dropped == 0
    assert window.connected_label.text() == "Connected: 3 of 3"


def test_many_at_once_are_numbered_after_those_there(qtbot, simulator, monkeypatch):
    simulator.fleet.add_demo_sensors()
    choose_in_dialog(monkeypatch, count=50, start=False)
    simulator.window.add_action.trigger()
    wait_for_ids(qtbot, simulator.window, [f"capteur_{n}" for n in range(1, 54)])
    assert {simulator.window.model.row(i).state for i in range(53)} == {"stopped"}


def test_a_name_taken_is_refused_in_the_dialog(qtbot, simulator):
    simulator.fleet.add_demo_sensors()
    wait_for_ids(qtbot, simulator.window, ["capteur_1", "capteur_2", "capteur_3"])
    dialog = SensorDialog(set(simulator.window.model.ids()), simulator.window)
    qtbot.addWidget(dialog)
    dialog.name.setText("capteur_2")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.text() == "There is already a sensor named capteur_2: choose another name."


def test_start_pause_stop_and_remove_the_selected_sensors(qtbot, simulator):
    simulator.fleet.add_demo_sensors()
    window = simulator.window
    wait_for_ids(qtbot, window, ["capteur_1", "capteur_2", "capteur_3"])
    assert window.banner.isVisibleTo(window)
    window.banner.button.click()
    qtbot.waitUntil(lambda: all(window.model.row(i).state == "sending" for i in range(3)))
    assert not window.banner.isVisibleTo(window)

    select(window, "capteur_1", "capteur_3")
    window.pause_action.trigger()
    qtbot.waitUntil(
        lambda: [state_of(window, c) for c in ("capteur_1", "capteur_2", "capteur_3")] == ["paused", "sending", "paused"]
    )
    window.stop_action.trigger()
    qtbot.waitUntil(lambda: state_of(window, "capteur_1") == "stopped" and state_of(window, "capteur_3") == "stopped")
    acked = window.model.row(0).acked
    window.start_action.trigger()
    qtbot.waitUntil(lambda: window.model.row(0).acked > acked, timeout=10_000)
    select(window, "capteur_2")
    window.remove_action.trigger()
    wait_for_ids(qtbot, window, ["capteur_1", "capteur_3"])
    with ModalAnswerer():
        window.remove_all.trigger()
    wait_for_ids(qtbot, window, [])
    assert window.empty_hint.isVisibleTo(window)


def test_every_sensor_left_starts_right_after_one_is_removed(qtbot, simulator):
    """The table shows the removal only at the next snapshot: Start all must not ask for the one removed."""
    simulator.fleet.add_demo_sensors()
    window = simulator.window
    wait_for_ids(qtbot, window, ["capteur_1", "capteur_2", "capteur_3"])
    select(window, "capteur_1")
    window.remove_action.trigger()
    window.start_all.trigger()
    wait_for_ids(qtbot, window, ["capteur_2", "capteur_3"])
    qtbot.waitUntil(lambda: state_of(window, "capteur_2") == state_of(window, "capteur_3") == "sending", timeout=10_000)
    assert simulator.fleet.host.alive


def test_removing_all_sensors_asks_first(qtbot, simulator):
    simulator.fleet.add_demo_sensors()
    window = simulator.window
    wait_for_ids(qtbot, window, ["capteur_1", "capteur_2", "capteur_3"])
    with ModalAnswerer(button=QMessageBox.StandardButton.Cancel) as answers:
        window.remove_all.trigger()
    assert answers.texts == ["Remove all 3 sensors? Their settings are lost; the readings the server stored stay."]
    assert simulator.fleet.sensor_ids == ["capteur_1", "capteur_2", "capteur_3"]
    with ModalAnswerer() as answers:
        window.remove_all.trigger()
    assert answers.seen == ["Thermolab sensor simulator"]
    wait_for_ids(qtbot, window, [])
    assert simulator.fleet.sensor_ids == []


def test_a_rate_and_a_model_change_while_the_sensor_runs(qtbot, simulator, monkeypatch):
    simulator.fleet.add_demo_sensors()
    window = simulator.window
    wait_for_ids(qtbot, window, ["capteur_1", "capteur_2", "capteur_3"])
    window.start_all.trigger()
    assert window.model.setData(rate_index(window, "capteur_2"), 25.0)
    qtbot.waitUntil(lambda: window.model.data(rate_index(window, "capteur_2")) == "25 /s")

    choose_in_dialog(monkeypatch, model="constant", rate=4.0)
    window.table.edit_requested.emit("capteur_1")
    qtbot.waitUntil(lambda: window.model.row(0).last_value == 20.0)
    assert window.model.data(window.model.index(0, 1)) == "constant · Value (°C) 20"
    assert row_of(window, "capteur_1").running


def test_a_rate_refused_says_why(qtbot, simulator, monkeypatch):
    shown = []
    monkeypatch.setattr(simulator.window, "show_problem", shown.append)
    simulator.fleet.add_demo_sensors()
    wait_for_ids(qtbot, simulator.window, ["capteur_1", "capteur_2", "capteur_3"])
    simulator.window.model.setData(rate_index(simulator.window, "capteur_1"), 0.001)
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown == ["rate must be from 0.01 to 10,000 readings per second, got 0.001"]


def test_closing_stops_every_sensor_thread_within_a_second(qtbot, simulator, monkeypatch):
    choose_in_dialog(monkeypatch, count=100, rate=10.0)
    simulator.window.add_action.trigger()
    qtbot.waitUntil(
        lambda: simulator.fleet.snapshot is not None and simulator.fleet.snapshot.totals.connected == 100, timeout=10_000
    )
    host = simulator.fleet.host
    started = time.monotonic()
    simulator.window.close()
    assert time.monotonic() - started < 1.0
    assert not host.alive and simulator.fleet.host is None


def test_a_new_target_moves_the_running_sensors(qtbot, simulator, tmp_path):
    from tests.support import running_server

    simulator.fleet.add_demo_sensors()
    wait_for_ids(qtbot, simulator.window, ["capteur_1", "capteur_2", "capteur_3"])
    simulator.window.start_all.trigger()
    with running_server(tmp_path / "other.db") as other:
        simulator.window.target_changed.emit(SensorTarget("127.0.0.1", other.address[1]))
        assert simulator.window.target_label.text() == f"Target: 127.0.0.1:{other.address[1]}"
        qtbot.waitUntil(lambda: other.monitor.totals().stored >= 3, timeout=10_000)
        simulator.window.close()


def test_layout_and_target_persist(qtbot, simulator, private_data_dir):
    simulator.window.docks["echo"].hide()
    simulator.window.clock.port.setValue(4242)
    simulator.window.target_changed.emit(SensorTarget("127.0.0.1", 50999))
    simulator.window.close()
    again = SimulatorApp("127.0.0.1", 50007)
    qtbot.addWidget(again.window)
    assert again.window.docks["echo"].isHidden()
    assert again.window.clock.port.value() == 4242
    saved = QSettings(str(private_data_dir / "settings.ini"), QSettings.Format.IniFormat)
    assert saved.value("simulator/target_port", type=int) == 50999
    again.window.close()


@pytest.mark.parametrize(
    "shortcut, action", [("Ctrl+N", "add_action"), ("Ctrl+Shift+R", "start_all"), ("Ctrl+R", "start_action")]
)
def test_the_sensor_actions_have_their_shortcuts(simulator, shortcut, action):
    assert getattr(simulator.window, action).shortcut().toString() == shortcut
    assert getattr(simulator.window, action).toolTip()


def test_the_table_sorts_numbers_as_numbers(qtbot, simulator, monkeypatch):
    choose_in_dialog(monkeypatch, count=12, start=False)
    simulator.window.add_action.trigger()
    qtbot.waitUntil(lambda: simulator.window.model.rowCount() == 12)
    table = simulator.window.table
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert simulator.window.model.ids() == [f"capteur_{n}" for n in range(1, 13)]
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert simulator.window.model.ids() == [f"capteur_{n}" for n in range(12, 0, -1)]


def test_the_sensors_come_back_stopped_at_the_next_start(qtbot, simulator, monkeypatch):
    choose_in_dialog(monkeypatch, count=2, model="sine", rate=3.0, start=False)
    simulator.window.add_action.trigger()
    simulator.window.weather.sensor_requested.emit("a-key", "Orsay,FR", "Orsay", 15)
    wait_for_ids(qtbot, simulator.window, ["capteur_1", "capteur_2", "Orsay"])
    simulator.window.model.setData(rate_index(simulator.window, "capteur_2"), 7.5)
    qtbot.waitUntil(lambda: row_of(simulator.window, "capteur_2").rate == 7.5)
    described = {
        c: simulator.window.model.index(simulator.window.model.ids().index(c), 1).data() for c in simulator.fleet.sensor_ids
    }
    simulator.window.close()

    again = SimulatorApp("127.0.0.1", 50007)
    qtbot.addWidget(again.window)
    again.start()
    try:
        wait_for_ids(qtbot, again.window, ["capteur_1", "capteur_2", "Orsay"])
        rows = {c: row_of(again.window, c) for c in again.fleet.sensor_ids}
        assert {c: row.state for c, row in rows.items()} == dict.fromkeys(rows, "stopped")
        assert (rows["capteur_1"].rate, rows["capteur_2"].rate, rows["Orsay"].rate) == (3.0, 7.5, 1 / 900)
        assert {
            c: again.window.model.index(again.window.model.ids().index(c), 1).data() for c in again.fleet.sensor_ids
        } == described
    finally:
        again.window.close()


def test_unreadable_saved_sensors_are_left_out(qtbot, private_data_dir):
    saved = QSettings(str(private_data_dir / "settings.ini"), QSettings.Format.IniFormat)
    saved.setValue(
        "simulator/sensors",
        '[{"id": "ok", "model": "walk:step=0.5", "rate": 2}, {"id": "bad", "model": "nope"}, 7,'
        ' {"id": "ok", "model": "walk", "rate": 1}, {"id": "tab\\there", "model": "walk", "rate": 1}]',
    )
    saved.sync()
    again = SimulatorApp("127.0.0.1", 50007)
    qtbot.addWidget(again.window)
    again.start()
    try:
        wait_for_ids(qtbot, again.window, ["ok"])
        assert again.fleet.sensor_ids == ["ok"]
    finally:
        again.window.close()
