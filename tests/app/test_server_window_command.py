"""`python main.py server` as a user starts it: the window listens, prints its address, and a signal
closes it as Quit does, committing what was received."""

import os
import selectors
import signal
import subprocess
import sys

import pytest

from tests.support import ROOT, TIMEOUT, LineClient, stored_rows


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_closes_the_window_and_exits_zero(tmp_path, signum):
    window = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "server", "--port", "0", "--db", str(tmp_path / "m.db")],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "THERMOLAB_DATA_DIR": str(tmp_path)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with selectors.DefaultSelector() as selector:
        selector.register(window.stdout, selectors.EVENT_READ)
        assert selector.select(TIMEOUT), "the window never said where it listens"
        line = window.stdout.readline()
    assert line.startswith("listening on 127.0.0.1:")
    with LineClient(("127.0.0.1", int(line.rsplit(":", 1)[1]))) as sensor:
        sensor.send({"capteur_id": "c", "temperature": 21.0, "seq": 1})
        assert sensor.answer() == {"ack": 1}
        sensor.send(*({"capteur_id": "c", "temperature": float(i)} for i in range(200)))
        window.send_signal(signum)
        _, stderr = window.communicate(timeout=TIMEOUT)
    assert window.returncode == 0, stderr
    assert "Destroyed while thread" not in stderr
    assert len(stored_rows(tmp_path / "m.db")) == 201
