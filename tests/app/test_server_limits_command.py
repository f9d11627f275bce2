"""`server --headless` given its limits on the command line, as a user runs it."""

import json
import os
import selectors
import signal
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
        [sys.executable, str(ROOT / "main.py"), "server", "--port", "0", "--db", str(tmp_path / "m.db"), "--message-timeout", "0.5"],
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
