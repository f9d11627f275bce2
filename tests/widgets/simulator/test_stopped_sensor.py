"""A sensor stopped from the simulator window shows final counters: what the server stored and
acknowledged is not left waiting."""

from tests.widgets.simulator.test_simulator_window import choose_in_dialog, select, state_of, wait_for_ids
from widgets.simulator.sensor_fleet_table import SensorFleetModel


def test_a_stopped_sensor_waits_for_nothing_the_server_stored(qtbot, simulator, server, monkeypatch):
    # At 1 reading/s the sensor reads each ack at its next turn: stopped in between, it used to show Waiting 1.
    choose_in_dialog(monkeypatch, count=1, rate=1.0)
    window = simulator.window
    window.add_action.trigger()
    wait_for_ids(qtbot, window, ["capteur_1"])
    qtbot.waitUntil(lambda: server.storage.stored == 1, timeout=10_000)
    select(window, "capteur_1")
    window.stop_action.trigger()
    qtbot.waitUntil(lambda: state_of(window, "capteur_1") == "stopped", timeout=5_000)
    cell = lambda column: window.model.index(0, SensorFleetModel.COLUMNS.index(column)).data()  # noqa: E731
    assert (cell("sent"), cell("acked"), cell("waiting")) == ("1", "1", "0")
