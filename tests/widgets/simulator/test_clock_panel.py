"""The clock panel against a real ClockServer on 127.0.0.1, and with none."""

import re

from tests.sensor_support import free_port


def test_get_time_shows_the_time_and_the_round_trip(qtbot, simulator, clock_server):
    panel = simulator.window.clock
    panel.port.setValue(clock_server.address[1])
    panel.ask_button.click()
    qtbot.waitUntil(lambda: panel.time.text() != "--:--:--")
    assert re.fullmatch(r"\d\d:\d\d:\d\d", panel.time.text())
    assert re.fullmatch(r"round trip \d+\.\d\d ms", panel.round_trip.text())
    assert panel.message.text() == ""


def test_auto_refresh_asks_again_and_again(qtbot, simulator, clock_server):
    panel = simulator.window.clock
    panel.port.setValue(clock_server.address[1])
    panel.every.setValue(1)
    panel.auto.setChecked(True)
    qtbot.waitUntil(lambda: len(clock_server.monitor.events(0)[1]) >= 2, timeout=5_000)
    panel.auto.setChecked(False)
    assert not panel.timer.isActive()


def test_no_clock_server_is_said_clearly(qtbot, simulator):
    panel = simulator.window.clock
    port = free_port()
    panel.port.setValue(port)
    panel.ask_button.click()
    qtbot.waitUntil(lambda: panel.message.text() != "")
    assert panel.message.text() == f"no server listens on 127.0.0.1:{port}: start one with `python main.py clock-server`"
    assert panel.round_trip.text() == ""
