"""`server` and `echo-server` given their limits on the command line, as a user runs them."""

import json
import os
import re
import selectors
import signal
import socket
import subprocess
import sys

from tests.support import ROOT, TIMEOUT, LineClient, ServerProcess

GOOD = {"capteur_id": "capteur_1", "temperature": 23.5}


def test_message_timeout_closes_a_connection_that_trickles_a_message(tmp_path):
    server = ServerProcess("--db", str(tmp_path / "m.db"), "--message-timeout", "0.5")
    try:
        with LineClient(server.address) as trickler:
            trickler.trickle(json.dumps({**GOOD, "seq": 1}).encode() + b"\n", every=0.1)
            assert trickler.answer() == {"error": "message not completed within 0.5 s"}
            trickler.wait_until_closed()
    finally:
        code, stdout, _ = server.stop(signal.SIGTERM)
    assert code == 0
    assert "stopped: 0 readings stored, 1 rejected" in stdout


def test_the_window_takes_the_message_timeout_too(tmp_path):
    window = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "server",
            "--port",
            "0",
            "--db",
            str(tmp_path / "m.db"),
            "--message-timeout",
            "0.5",
        ],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "THERMOLAB_DATA_DIR": str(tmp_path)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(window.stdout, selectors.EVENT_READ)
            assert selector.select(TIMEOUT), "the window never said where it listens"
            line = window.stdout.readline()
        with LineClient(("127.0.0.1", int(line.rsplit(":", 1)[1]))) as trickler:
            trickler.trickle(json.dumps({**GOOD, "seq": 1}).encode() + b"\n", every=0.1)
            assert trickler.answer() == {"error": "message not completed within 0.5 s"}
            trickler.wait_until_closed()
    finally:
        window.send_signal(signal.SIGTERM)
        window.communicate(timeout=TIMEOUT)
    assert window.returncode == 0


def test_echo_server_tells_a_client_beyond_max_connections_that_it_is_busy():
    command = [sys.executable, str(ROOT / "main.py"), "echo-server", "--port", "0", "--multi", "--max-connections", "1"]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as server:
        try:
            address = ("127.0.0.1", int(re.search(r"listening on 127\.0\.0\.1:(\d+) ", server.stdout.readline())[1]))
            with socket.create_connection(address, timeout=TIMEOUT) as first:
                first.sendall(b"hi")
                assert first.recv(64) == b"echo:hi"
                with socket.create_connection(address, timeout=TIMEOUT) as second:
                    assert second.makefile("rb").readline() == b"busy: connection limit (1) reached, try again later\n"
        finally:
            server.send_signal(signal.SIGTERM)
            server.communicate(timeout=TIMEOUT)
    assert server.returncode == 0
