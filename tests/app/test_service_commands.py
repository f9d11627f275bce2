"""clock-server, clock, echo-server, echo and weather, as a person runs them."""

from __future__ import annotations

import contextlib
import io
import logging
import re
import signal
import socket
import subprocess
import sys

import pytest

from app.cli import main
from app.secret_store import WEATHER_KEY, save_secret
from network.services.clock import ask_time
from tests.support import ROOT, TIMEOUT
from tests.weather_stub import KEY, openweathermap_stub


@pytest.fixture
def stub(monkeypatch):
    with openweathermap_stub() as stub:
        monkeypatch.setenv("OWM_BASE_URL", stub.base_url)
        yield stub


@contextlib.contextmanager
def served(*command: str):
    """`python main.py COMMAND` in a process of its own, and the address it says it listens on."""
    with subprocess.Popen(
        [sys.executable, "main.py", *command], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            line = process.stdout.readline()
            found = re.search(r"listening on 127\.0\.0\.1:(\d+) ", line)
            assert found, f"no 'listening on' line but {line!r}: {process.stderr.read()}"
            yield process, ("127.0.0.1", int(found[1]))
        finally:
            if process.poll() is None:
                process.kill()
            process.communicate()


def stop(process: subprocess.Popen, signum: int) -> str:
    """Send the signal and return what the process printed after it; it must exit within TIMEOUT."""
    process.send_signal(signum)
    out, _ = process.communicate(timeout=TIMEOUT)
    return out


def test_clock_prints_the_time_and_the_round_trip(clock_server, capsys):
    assert main(["clock", "--port", str(clock_server.port)]) == 0
    assert re.fullmatch(r"\d\d:\d\d:\d\d  \(round trip \d+\.\d\d ms\)\n", capsys.readouterr().out)


def test_clock_without_server_says_so_in_one_line(capsys):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
        assert main(["clock", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert err == f"thermolab: no server listens on 127.0.0.1:{port}: start one with `python main.py clock-server`\n"


def test_echo_prints_each_echo_until_quit(echo_server, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("hello\n\nSaint-Étienne\nquit\nnever sent\n"))
    assert main(["echo", "--port", str(echo_server.port)]) == 0
    assert capsys.readouterr().out == "echo:hello\necho:Saint-Étienne\n"


def test_echo_leaves_at_the_end_of_input(echo_server, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("only line"))
    assert main(["echo", "--port", str(echo_server.port)]) == 0
    assert capsys.readouterr().out == "echo:only line\n"


def test_weather_prints_what_a_person_reads(stub, capsys):
    assert main(["weather", "Saint-Étienne", "--api-key", KEY]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Saint-Étienne, FR\n  temperature  -2.4 °C, feels like -6.0 °C\n  humidity     81 %\n")
    assert "  sky          broken clouds\n  observed     2026-11-21 " in out


def test_weather_joins_the_words_of_a_city_and_reads_the_key_from_the_environment(stub, capsys, monkeypatch):
    monkeypatch.setenv("OWM_API_KEY", KEY)
    assert main(["weather", "Le", "Mans"]) == 1
    assert stub.requests == [f"/data/2.5/weather?q=Le%20Mans&mode=xml&appid={KEY}"]
    assert capsys.readouterr().err == (
        "thermolab: OpenWeatherMap knows no city named 'Le Mans': check the spelling, or add the country code (Le Mans,FR)\n"
    )


def test_weather_reads_the_key_saved_by_the_window_without_loading_qt(stub):
    save_secret(WEATHER_KEY, KEY)
    code = (
        "import sys\nfrom app.cli import main\nassert main(['weather', 'Orsay']) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "assert not loaded, loaded"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Orsay, FR\n")


@pytest.mark.parametrize("city", ["Atlantis", "Atlantide", "Down", "Too Often", "Cut Short", "Mixed Up"])
@pytest.mark.parametrize("where", ["stub", "stub/elsewhere", "stub/with space", "nowhere"])
def test_weather_never_shows_the_key_whatever_fails(stub, capsys, caplog, monkeypatch, city, where):
    """The request's URL carries the key (appid=KEY): no failure may print it, nor log it."""
    nowhere = socket.socket()
    nowhere.bind(("127.0.0.1", 0))
    with nowhere:
        base_url = f"http://127.0.0.1:{nowhere.getsockname()[1]}" if where == "nowhere" else where.replace("stub", stub.base_url)
        monkeypatch.setenv("OWM_BASE_URL", base_url)
        with caplog.at_level(logging.DEBUG):
            assert main(["weather", city, "--api-key", KEY]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("thermolab: ") and captured.err.count("\n") == 1
    assert KEY not in captured.out + captured.err + caplog.text


def test_weather_without_a_key_says_how_to_give_one(stub, capsys):
    assert main(["weather", "Orsay"]) == 1
    assert capsys.readouterr().err.startswith(
        "thermolab: no OpenWeatherMap API key: pass --api-key KEY, set OWM_API_KEY, or type it once"
    )
    assert stub.requests == []


@pytest.mark.parametrize("command", [["clock-server"], ["echo-server"], ["echo-server", "--multi"]])
def test_a_port_in_use_is_one_sentence_and_exit_code_2(command, capsys):
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        assert main([*command, "--port", str(port)]) == 2
    assert capsys.readouterr().err == (
        f"thermolab: port {port} is already in use on 127.0.0.1: stop the program using it or choose another port\n"
    )


@pytest.mark.slow
def test_clock_server_serves_until_ctrl_c():
    with served("clock-server", "--port", "0") as (process, address):
        assert re.fullmatch(r"\d\d:\d\d:\d\d", ask_time(*address).time)
        assert stop(process, signal.SIGINT) == "clock server stopped\n"
    assert process.returncode == 0


@pytest.mark.slow
@pytest.mark.parametrize("mode", [[], ["--multi"]], ids=["mono", "multi"])
def test_echo_server_stops_on_sigterm_with_clients_connected(mode):
    with served("echo-server", "--port", "0", *mode) as (process, address):
        # Mono-task, the second client waits in the backlog: stopping must not wait for it.
        with socket.create_connection(address, timeout=TIMEOUT) as first, socket.create_connection(address, timeout=TIMEOUT):
            first.sendall(b"hi")
            assert first.recv(64) == b"echo:hi"
            assert stop(process, signal.SIGTERM).endswith("stopped\n")
            assert first.recv(64) == b""
    assert process.returncode == 0


@pytest.mark.slow
def test_echo_server_drops_a_silent_client_after_the_idle_timeout():
    with served("echo-server", "--port", "0", "--idle-timeout", "0.2") as (process, address):
        silent = socket.create_connection(address, timeout=TIMEOUT)
        next_one = socket.create_connection(address, timeout=TIMEOUT)
        with silent, next_one:
            assert silent.recv(64) == b""
            next_one.sendall(b"my turn")
            assert next_one.recv(64) == b"echo:my turn"
        assert stop(process, signal.SIGINT).endswith("stopped\n")
    assert process.returncode == 0


def test_the_services_load_no_qt():
    code = (
        "import sys, app.commands.clock_server, app.commands.clock, app.commands.echo_server, app.commands.echo, "
        "app.commands.weather, network.services.echo_client\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=TIMEOUT)
