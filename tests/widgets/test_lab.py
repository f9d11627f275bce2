"""`python main.py` as a newcomer sees it: the server window and the simulator aimed at it, three demo sensors one click away."""

import pytest
from PySide6.QtWidgets import QMessageBox

from app.lab_app import LabApp, reachable
from models.server_config import ServerConfig
from tests.support import stored_rows
from tests.widgets.server_steps import connection_attempted, port_held_by_another_program


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
    qtbot.waitUntil(lambda: simulator.fleet.snapshot.totals.connected == 3, timeout=10_000)
    host = simulator.fleet.host
    lab.close()
    assert not lab.server.session.running
    assert not host.alive


def test_quitting_the_server_window_closes_the_simulator_too(qtbot, lab):
    simulator = lab.simulator
    qtbot.waitUntil(lambda: simulator.window.model.rowCount() == 3, timeout=10_000)
    lab.server.window.close()
    assert not simulator.window.isVisible()
    assert simulator.fleet.host is None


@pytest.mark.parametrize("host, expected", [("0.0.0.0", "127.0.0.1"), ("::", "127.0.0.1"), ("192.168.1.5", "192.168.1.5")])
def test_a_server_on_every_address_is_reached_on_this_machine(host, expected):
    assert reachable(host) == expected


def test_a_taken_port_at_start_falls_back_to_a_free_one_and_the_sensors_follow(qtbot, tmp_path):
    with port_held_by_another_program() as other:
        taken = other.getsockname()[1]
        lab = LabApp(ServerConfig(port=taken, storage_path=tmp_path / "m.db"))
        qtbot.addWidget(lab.server.window)
        qtbot.addWidget(lab.simulator.window)
        with qtbot.waitSignal(lab.server.session.listening, timeout=10_000):
            lab.start()
        port = lab.server.session.server.address[1]
        assert port != taken
        note = (
            f"Port {taken} is in use by another program: this session listens on port {port} instead"
            " (Settings to choose the port)."
        )
        assert lab.server.window.statusBar().currentMessage() == note
        assert note in lab.server.window.event_log.text.toPlainText()
        assert lab.simulator.window.target_label.text() == f"Target: 127.0.0.1:{port}"
        simulator = lab.simulator.window
        qtbot.waitUntil(lambda: simulator.model.rowCount() == 3, timeout=10_000)
        simulator.start_all.trigger()
        qtbot.waitUntil(lambda: lab.server.window.sensor_model.rowCount() == 3, timeout=10_000)
        assert not connection_attempted(other, within=0)
        lab.close()
    assert {row[0] for row in stored_rows(tmp_path / "m.db")} == {"capteur_1", "capteur_2", "capteur_3"}


def test_the_sensors_send_nowhere_while_the_server_of_the_window_cannot_listen(qtbot, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *_: said.append(text))
    with port_held_by_another_program() as other:
        lab = LabApp(ServerConfig(port=other.getsockname()[1], storage_path=tmp_path / "missing" / "m.db"))
        qtbot.addWidget(lab.server.window)
        qtbot.addWidget(lab.simulator.window)
        with qtbot.waitSignal(lab.server.unavailable, timeout=10_000):
            lab.start()
        simulator = lab.simulator.window
        assert simulator.target_label.text() == "Target: none (the server is not listening)"
        qtbot.waitUntil(lambda: simulator.model.rowCount() == 3, timeout=10_000)
        simulator.start_all.trigger()
        assert not connection_attempted(other, within=1.0)
        lab.close()
    missing = tmp_path / "missing"
    assert said == [
        f"the folder {missing} does not exist: create it or choose another file",
        f"The server window is not listening (the folder {missing} does not exist: create it or choose another file):"
        " start the sensors once it is.",
    ]


def entries(menu) -> list:
    """The entries of `menu`, and of its submenus apart, each list a group of siblings."""
    actions = [action for action in menu.actions() if not action.isSeparator()]
    return [actions] + [group for action in actions if action.menu() for group in entries(action.menu())]


def test_every_menu_entry_says_what_it_does_in_the_status_bar_where_its_siblings_do(lab):
    for window in (lab.server.window, lab.simulator.window):
        for top in window.menuBar().actions():
            for siblings in entries(top.menu()):
                if any(action.statusTip() for action in siblings):
                    assert [action.text() for action in siblings if not action.statusTip()] == []


def test_on_a_first_start_the_server_window_ends_where_the_simulator_begins(qtbot, lab):
    # The server window kept the minimum width its side docks had asked for before they went below
    # the chart: its right edge, the chart's last time and the status bar's end, went under the simulator.
    server, simulator = lab.server.window, lab.simulator.window
    for window in (server, simulator):
        window.show()
        qtbot.waitExposed(window)
    assert server.frameGeometry().right() < simulator.frameGeometry().left()
