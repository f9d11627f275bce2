"""The Services panel driven as a student would: the clock and the echo server of the exercise, with real clients."""

import re
import socket
import threading

import pytest
from PySide6.QtCore import Qt

from app.server.services_session import ServicesSession
from app.settings import settings
from network.services.clock import TIME_PATTERN, ask_time
from network.services.echo_client import EchoClient, EchoTimeout
from network.services.service_client import ServiceError

# Long enough for a mono-task server to have answered if it were going to; a socket timeout, not a sleep.
NO_ANSWER = 0.3


def start(qtbot, box, port: int = 0) -> tuple[str, int]:
    """Click Start on `port` and read where the server listens, as the user reads it."""
    box.port.setValue(port)
    qtbot.mouseClick(box.start, Qt.MouseButton.LeftButton)
    host, port = re.fullmatch(r"Listening on (.+):(\d+)", box.state.text()).groups()
    return host, int(port)


def stop(qtbot, box) -> None:
    qtbot.mouseClick(box.stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.state.text() == "Stopped")


def peers(box) -> list[str]:
    model = box.clients.connections
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def threads(box) -> list[str]:
    model = box.clients.connections
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def test_the_clock_tells_a_real_client_the_time_and_logs_the_request(qtbot, services):
    clock = services.panel.clock
    host, port = start(qtbot, clock)
    assert port != 0 and not clock.port.isEnabled() and not clock.start.isEnabled()
    answer = ask_time(host, port)
    assert TIME_PATTERN.fullmatch(answer.time.encode())
    qtbot.waitUntil(lambda: clock.log.text.toPlainText().endswith(f"sent {answer.time}"))
    assert clock.served.text() == "1 served"
    stop(qtbot, clock)
    assert clock.start.isEnabled() and clock.port.isEnabled() and clock.port.value() == 0


def test_mono_task_serves_one_client_at_a_time_and_multi_task_serves_both(qtbot, services):
    echo = services.panel.echo
    assert not echo.multi_task()
    host, port = start(qtbot, echo)
    assert not echo.multi.isEnabled()
    with EchoClient(host, port) as first, EchoClient(host, port) as second:
        first.send("hello")
        assert first.receive() == b"echo:hello"
        second.send("waiting")
        with pytest.raises(EchoTimeout):
            second.receive(timeout=NO_ANSWER)
        qtbot.waitUntil(lambda: echo.clients_count.text() == "1 connected")
        # Mono-task: the accepting thread speaks to the client itself.
        assert threads(echo) == [f"accept :{port}"]
        served_first = peers(echo)
        first.quit()
        assert second.receive() == b"echo:waiting"
        qtbot.waitUntil(lambda: peers(echo) != served_first and len(peers(echo)) == 1)
        assert "echoed 7 bytes: 'waiting'" in echo.log.text.toPlainText()
    stop(qtbot, echo)

    qtbot.mouseClick(echo.multi, Qt.MouseButton.LeftButton)
    assert echo.multi_task()
    host, port = start(qtbot, echo)
    with EchoClient(host, port) as first, EchoClient(host, port) as second:
        second.send("second")
        assert second.receive() == b"echo:second"
        first.send("first")
        assert first.receive() == b"echo:first"
        qtbot.waitUntil(lambda: echo.clients_count.text() == "2 connected")
        assert sorted(threads(echo)) == sorted(f"client {peer}" for peer in peers(echo))
    qtbot.waitUntil(lambda: echo.clients_count.text() == "0 connected")
    stop(qtbot, echo)


def test_a_taken_port_is_one_sentence_in_the_panel(qtbot, services):
    echo = services.panel.echo
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        echo.port.setValue(port)
        qtbot.mouseClick(echo.start, Qt.MouseButton.LeftButton)
    sentence = f"port {port} is already in use on 127.0.0.1: stop the program using it or choose another port"
    assert echo.state.text() == sentence
    assert echo.log.text.toPlainText().endswith(sentence)
    assert echo.start.isEnabled() and not echo.stop.isEnabled() and echo.port.isEnabled()


def test_shutdown_disconnects_the_clients_and_leaves_no_thread(qtbot, services):
    start(qtbot, services.panel.clock)
    echo = services.panel.echo
    echo.set_multi_task(True)
    host, port = start(qtbot, echo)
    with EchoClient(host, port) as client:
        client.send("still here")
        assert client.receive() == b"echo:still here"
        services.shutdown()
        assert [t.name for t in threading.enumerate() if t.name.startswith(("accept", "client"))] == []
        client.send("anyone?")
        with pytest.raises(ServiceError, match="closed the connection"):
            client.receive()
    assert echo.state.text() == services.panel.clock.state.text() == "Stopped"


def test_ports_and_mode_are_remembered(qtbot, services):
    services.panel.clock.port.setValue(50123)
    services.panel.echo.port.setValue(50124)
    services.panel.echo.set_multi_task(True)
    services.shutdown()
    again = ServicesSession(settings())
    qtbot.addWidget(again.panel)
    assert again.panel.clock.port.value() == 50123
    assert again.panel.echo.port.value() == 50124
    assert again.panel.echo.multi_task()
