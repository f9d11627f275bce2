"""Fixtures every test shares: no thread may outlive its test, no test touches the user's real files."""

from __future__ import annotations

import threading
import time

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from network.services.clock import ClockServer
from network.services.echo import EchoServer
from tests.engines.mosquitto import Mosquitto
from tests.engines.postgres import PostgresServer
from tests.support import LineClient, running_server, serving


@pytest.fixture(autouse=True)
def no_leaked_threads():
    """Python threads must end with their test. A QThread that ran Python code shows up as a dummy
    thread that cannot be joined; one left running makes Qt warn, and that warning fails the test."""
    before = set(threading.enumerate())
    yield
    started = [
        thread for thread in threading.enumerate() if thread not in before and not isinstance(thread, threading._DummyThread)
    ]
    for thread in started:
        thread.join(timeout=5)
    alive = [thread.name for thread in started if thread.is_alive()]
    assert not alive, f"threads still running after the test: {alive}"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """The default database and settings of a test live under its tmp_path."""
    folder = tmp_path / "data"
    monkeypatch.setenv("THERMOLAB_DATA_DIR", str(folder))
    monkeypatch.delenv("THERMOLAB_TOKEN", raising=False)
    monkeypatch.delenv("OWM_API_KEY", raising=False)
    monkeypatch.delenv("OWM_BASE_URL", raising=False)
    # A proxy set on the machine must not stand between a test and its servers on 127.0.0.1.
    monkeypatch.setenv("no_proxy", "*")
    return folder


@pytest.fixture(autouse=True)
def no_system_keyring(monkeypatch):
    """No test reads or writes the user's keyring: here and in the processes a test starts, keyring has
    no backend (as on CI), so secrets go to the file under the test's data folder. A test of the
    keyring path sets a backend of its own."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.set_keyring(FailKeyring())


@pytest.fixture
def paris(monkeypatch):
    """Local time is Paris time for the test: UTC+1 in November, UTC+2 in July."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def server(tmp_path):
    """A ServeurTCP on a free port of 127.0.0.1 storing into tmp_path/mesures.db."""
    with running_server(tmp_path / "mesures.db") as server:
        yield server


@pytest.fixture
def client(server):
    with LineClient(server.address) as client:
        yield client


@pytest.fixture
def clock_server():
    """The exercise's clock server on a free port of 127.0.0.1."""
    with serving(ClockServer(port=0)) as server:
        yield server


@pytest.fixture
def echo_server():
    """The exercise's mono-task echo server on a free port of 127.0.0.1."""
    with serving(EchoServer(port=0)) as server:
        yield server


@pytest.fixture
def mosquitto(tmp_path):
    """A Mosquitto broker of the test's own on a free port (tests/engines/mosquitto.py)."""
    with Mosquitto(tmp_path / "mosquitto") as broker:
        yield broker


@pytest.fixture(scope="session")
def postgres_server():
    """One PostgreSQL server for the whole run: initdb takes seconds, a database a few milliseconds."""
    with PostgresServer() as server:
        yield server


@pytest.fixture
def postgres_url(postgres_server):
    """The URL of an empty database of the test's own, password included."""
    return postgres_server.new_database()
