"""The echo panel against the exercise's real echo servers: mono-task (busy with another client) and echo_multi."""

import socket

import pytest

from network.services.echo import EchoServer, echo_multi
from tests.sensor_support import free_port
from tests.support import serving


@pytest.fixture(params=["mono", "multi"])
def echo_server(request):
    with serving(EchoServer(port=0) if request.param == "mono" else echo_multi(port=0)) as server:
        yield server


def connect(qtbot, panel, port):
    panel.port.setValue(port)
    panel.connect_button.click()
    qtbot.waitUntil(lambda: panel.connected)


def type_line(panel, text):
    panel.line.setText(text)
    panel.line.returnPressed.emit()


def test_a_line_comes_back_with_echo_and_quit_leaves(qtbot, simulator, echo_server):
    panel = simulator.window.echo
    connect(qtbot, panel, echo_server.address[1])
    type_line(panel, "bonjour")
    qtbot.waitUntil(lambda: "← echo:bonjour" in panel.transcript.toPlainText())
    assert panel.transcript.toPlainText().splitlines()[:2] == ["→ bonjour", "← echo:bonjour"]
    type_line(panel, "quit")
    qtbot.waitUntil(lambda: not panel.connected)
    assert panel.status.text() == "Disconnected."
    assert not panel.line.isEnabled()


def echoed(panel) -> str:
    replies = [line[2:] for line in panel.transcript.toPlainText().splitlines() if line.startswith("← ")]
    assert all(reply.startswith("echo:") for reply in replies)
    return "".join(replies).replace("echo:", "")


def busy_with_another_client(address):
    """A client the server is speaking to: its echo came back, so the server is in its conversation."""
    other = socket.create_connection(address, timeout=5)
    other.sendall(b"first")
    assert other.recv(64) == b"echo:first"
    return other


def test_a_busy_mono_task_server_is_said_and_the_panel_stays_usable(qtbot, simulator):
    server = EchoServer(port=0)
    server.start()
    panel = simulator.window.echo
    try:
        with busy_with_another_client(server.address) as other:
            connect(qtbot, panel, server.address[1])
            type_line(panel, "hello")
            qtbot.waitUntil(lambda: panel.status.text().startswith("No echo yet"), timeout=5_000)
            assert panel.line.isEnabled()
            type_line(panel, "again")
            other.close()
            # Each chunk the server read comes back behind echo:, however the lines were cut or joined.
            qtbot.waitUntil(lambda: echoed(panel) == "helloagain", timeout=5_000)
        panel.connect_button.click()
        qtbot.waitUntil(lambda: not panel.connected)
    finally:
        simulator.requests.echo.close()
        simulator.requests.echo.wait(2)
        server.stop()


def test_disconnecting_while_the_server_keeps_us_waiting(qtbot, simulator):
    server = EchoServer(port=0)
    server.start()
    panel = simulator.window.echo
    try:
        with busy_with_another_client(server.address):
            connect(qtbot, panel, server.address[1])
            type_line(panel, "hello")
            panel.connect_button.click()
            qtbot.waitUntil(lambda: not panel.connected, timeout=1_000)
            assert panel.connect_button.text() == "Connect"
    finally:
        simulator.requests.echo.wait(2)
        server.stop()


def test_no_echo_server_is_said(qtbot, simulator):
    panel = simulator.window.echo
    port = free_port()
    panel.port.setValue(port)
    panel.connect_button.click()
    qtbot.waitUntil(lambda: panel.status.text().startswith("no server"))
    assert panel.status.text() == f"no server listens on 127.0.0.1:{port}: start one with `python main.py echo-server`"
    assert panel.connect_button.text() == "Connect"
