"""`python main.py` as a newcomer sees it: the server window and the simulator aimed at it, three demo sensors one click away."""

import pytest

from app.lab_app import LabApp, reachable
from models.server_config import ServerConfig


@pytest.fixture
def lab(qtbot, tmp_path):
    lab = LabApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(lab.server.window)
    qtbot.addWidget(lab.simulator.window)
    with qtbot.waitSignal(lab.server.session.listening, timeout=10_000):
        lab.start()
    yield lab
    lab.close()


def test_the_demo_sensors_reach_the_server_window_after_one_click(qtbot, lab):
    simulator = lab.simulator.window
    port = lab.server.session.server.address[1]
    assert simulator.target_label.text() == f"Target: 127.0.0.1:{port}"
    qtbot.waitUntil(lambda: simulator.model.ids() == ["capteur_1", "capteur_2", "capteur_3"], timeout=10_000)
    assert simulator.banner.isVisibleTo(simulator)
    simulator.banner.button.click()
    server_sensors = lab.server.window.sensor_model
    qtbot.waitUntil(lambda: server_sensors.rowCount() == 3, timeout=10_000)
    assert sorted(lab.server.window.chart.sensors()) == ["capteur_1", "capteur_2", "capteur_3"]


def test_closing_both_windows_leaves_no_thread(qtbot, lab):
    simulator = lab.simulator
    qtbot.waitUntil(lambda: simulator.window.model.rowCount() == 3, timeout=10_000)
    simulator.window.start_all.trigger()
    qtbot.waitUntil(lambda: simulator.snapshot.totals.connected == 3, timeout=10_000)
    host = simulator.host
    lab.close()
    assert not lab.server.session.running
    assert not host.alive


def test_quitting_the_server_window_closes_the_simulator_too(qtbot, lab):
    simulator = lab.simulator
    qtbot.waitUntil(lambda: simulator.window.model.rowCount() == 3, timeout=10_000)
    lab.server.window.close()
    assert not simulator.window.isVisible()
    assert simulator.host is None


@pytest.mark.parametrize("host, expected", [("0.0.0.0", "127.0.0.1"), ("::", "127.0.0.1"), ("192.168.1.5", "192.168.1.5")])
def test_a_server_on_every_address_is_reached_on_this_machine(host, expected):
    assert reachable(host) == expected
