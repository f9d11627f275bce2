"""`python main.py client` in a real process: where it sends, and a clean exit on SIGTERM."""

import json
import os
import selectors
import signal
import stat
import subprocess
import sys

from PySide6.QtCore import QSettings

from models.server_config import DEFAULT_PORT
from tests.support import ROOT, TIMEOUT


def start_client(data_dir, *arguments):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "THERMOLAB_DATA_DIR": str(data_dir)}
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "client", *arguments],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        assert selector.select(TIMEOUT), "the simulator said nothing"
        return process, process.stdout.readline().strip()


def stop(process):
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=TIMEOUT)
    return process.returncode, stderr


def test_client_aims_at_the_address_given_and_ends_cleanly_on_sigterm(private_data_dir):
    process, line = start_client(private_data_dir, "--host", "127.0.0.1", "--port", "50123")
    code, stderr = stop(process)
    assert line == "simulator sending to 127.0.0.1:50123"
    assert code == 0
    assert "Traceback" not in stderr and "QThread" not in stderr
    assert QSettings(str(private_data_dir / "settings.ini"), QSettings.Format.IniFormat).contains("simulator_window/state")


def test_client_defaults_to_the_target_saved(private_data_dir):
    private_data_dir.mkdir(parents=True)
    (private_data_dir / "settings.ini").write_text("[simulator]\ntarget_host=localhost\ntarget_port=50999\n")
    process, line = start_client(private_data_dir)
    stop(process)
    assert line == "simulator sending to localhost:50999"


def test_client_without_anything_saved_aims_at_the_default_port(private_data_dir):
    process, line = start_client(private_data_dir)
    stop(process)
    assert line == f"simulator sending to 127.0.0.1:{DEFAULT_PORT}"


def test_secrets_an_older_version_saved_in_clear_are_moved_out_of_the_settings(private_data_dir):
    private_data_dir.mkdir(parents=True)
    settings_file = private_data_dir / "settings.ini"
    settings_file.write_text("[simulator]\ntarget_port=50999\ntarget_token=old-token\n\n[weather]\napi_key=old-owm-key\n")
    process, line = start_client(private_data_dir)
    stop(process)
    assert line == "simulator sending to 127.0.0.1:50999"
    assert "old-token" not in settings_file.read_text() and "old-owm-key" not in settings_file.read_text()
    secrets = private_data_dir / "secrets.json"
    assert stat.S_IMODE(secrets.stat().st_mode) == 0o600
    assert json.loads(secrets.read_text()) == {"simulator/target_token": "old-token", "weather/api_key": "old-owm-key"}
