"""The faults lab as a student runs it: a sensor told to misbehave in the simulator window's edit dialog,
sending to the server window; what each window shows of it, and what storage holds."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.server.server_app import ServerApp
from app.simulator.simulator_app import SimulatorApp
from models.server_config import ServerConfig
from models.value_models import make_model
from tests.support import stored_rows
from widgets.simulator.add_sensors_dialog import SensorDialog
from widgets.simulator.sensor_fleet_table import SensorFleetModel


@pytest.fixture
def lab(qtbot, tmp_path, monkeypatch):
    """The server window on a free port, and the simulator window sending to it."""
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_: pytest.fail(f"an unexpected warning: {text}"))
    server = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(server.window)
    with qtbot.waitSignal(server.session.listening, timeout=10_000):
        server.start()
    simulator = SimulatorApp("127.0.0.1", server.session.server.address[1])
    qtbot.addWidget(simulator.window)
    simulator.start()
    yield server, simulator
    simulator.window.close()
    server.window.close()


def set_faults_in_dialog(monkeypatch, **percent_or_values):
    """The next edit dialog gets these faults typed in its Faults box, then Apply."""

    def fill(dialog: SensorDialog) -> int:
        box = dialog.faults_box
        for name, value in percent_or_values.items():
            getattr(box, name).setValue(value)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SensorDialog, "exec", fill)


def faults_cell(window, capteur_id):
    return window.model.index(window.model.ids().index(capteur_id), SensorFleetModel.COLUMNS.index("faults"))


def test_a_sensor_told_to_misbehave_is_seen_in_both_windows(qtbot, lab, tmp_path, monkeypatch):
    server, simulator = lab
    window = simulator.window
    simulator.fleet.add_sensors(["capteur_1"], make_model("constant", value=20.0), 50.0, False)
    qtbot.waitUntil(lambda: window.model.ids() == ["capteur_1"], timeout=10_000)
    assert window.model.data(faults_cell(window, "capteur_1")) == ""

    set_faults_in_dialog(monkeypatch, malformed=40.0, duplicates=30.0, clock_offset=5.0, seed=11)
    window.table.edit_requested.emit("capteur_1")
    window.start_all.trigger()
    qtbot.waitUntil(
        lambda: min(window.model.row(0).faults.malformed, window.model.row(0).faults.duplicates) >= 10, timeout=15_000
    )
    window.stop_all.trigger()
    qtbot.waitUntil(lambda: window.model.row(0).state == "stopped" and not window.model.row(0).waiting, timeout=10_000)
    row = window.model.row(0)

    # The simulator: what it did wrong, in the Faults column and its tooltip.
    text = window.model.data(faults_cell(window, "capteur_1"))
    assert text.startswith(f"{row.faults.malformed} malformed · {row.faults.duplicates} sent twice")
    assert text.endswith("clock +5 s")
    tip = window.model.data(faults_cell(window, "capteur_1"), Qt.ItemDataRole.ToolTipRole)
    assert f"Invalid JSON: {row.faults.bad_json}" in tip.splitlines()

    # The server: each malformed reading refused, counted with its reason; each doubled one stored once.
    table = server.window.sensor_model
    qtbot.waitUntil(lambda: table.rowCount() == 1 and table.stats("capteur_1").rejected == row.rejected, timeout=10_000)
    assert row.rejected == row.faults.malformed
    rejected_cell = table.index(0, table.COLUMNS.index("rejected"))
    reasons = dict(line.rsplit(": ", 1) for line in table.data(rejected_cell, Qt.ItemDataRole.ToolTipRole).splitlines())
    assert int(reasons["temperature is missing"]) == row.faults.missing_field
    assert int(reasons["temperature is below absolute zero (-273.15 °C)"]) == row.faults.out_of_range
    assert int(reasons.get("invalid JSON", 0)) >= row.faults.bad_json - 1
    qtbot.waitUntil(lambda: "already stored: each is kept once" in server.window.event_log.text.toPlainText(), timeout=10_000)
    assert len(stored_rows(tmp_path / "m.db")) == row.acked


def test_a_sensors_faults_come_back_in_its_dialog_at_the_next_start(qtbot, lab, monkeypatch):
    _, simulator = lab
    simulator.fleet.add_demo_sensors()
    qtbot.waitUntil(lambda: len(simulator.window.model.ids()) == 3, timeout=10_000)
    set_faults_in_dialog(monkeypatch, split=1, burst_size=20, burst_every=2.5, disconnect_every=30.0)
    simulator.window.table.edit_requested.emit("capteur_2")
    simulator.window.close()

    again = SimulatorApp("127.0.0.1", 1)
    qtbot.addWidget(again.window)
    again.start()
    try:
        qtbot.waitUntil(lambda: len(again.window.model.ids()) == 3, timeout=10_000)
        faults = again.window.model.faults("capteur_2")
        assert (faults.split, faults.burst_size, faults.burst_every, faults.disconnect_every) == (1, 20, 2.5, 30.0)
        assert not again.window.model.faults("capteur_1").active
        dialog = SensorDialog(set(), again.window, ("capteur_2", again.window.model.spec("capteur_2")[0], 2.0), faults)
        assert dialog.faults_box.split.text() == "1 B per send" and dialog.faults() == faults
    finally:
        again.window.close()
